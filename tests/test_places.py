"""Place recognition: inflected place names, coordinates, blocking by longer names, offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from ghotona.actors import load_gazetteer
from ghotona.model import Mention
from ghotona.places import find_places

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def place_for(text: str, span: str) -> Mention:
    found = find_places(text)
    for m in found:
        if m.text == span:
            return m
    raise AssertionError(f"no place {span!r} in {[(m.text, m.place.name) for m in found]}")


PLACES = [
    ("দূরপ্রাচ্যের ভোস্টোচনি কসমোড্রোমে রাশিয়ার", "ভোস্টোচনি কসমোড্রোমে", "Vostochny Cosmodrome", "RUS", "ে"),
    ("আমুর দূর প্রাচ্যের ভোস্টোচনি মহাকাশযানে উত্তর", "ভোস্টোচনি মহাকাশযানে", "Vostochny Cosmodrome", "RUS", "ে"),
    ("ভোস্টোচনি মহাকাশ বন্দরের বেশ কয়েকটি", "ভোস্টোচনি মহাকাশ বন্দরের", "Vostochny Cosmodrome", "RUS", "ের"),
    ("পুতিন ১৩ সেপ্টেম্বর ভস্টোচনিতে পৌঁছান", "ভস্টোচনিতে", "Vostochny Cosmodrome", "RUS", "তে"),
    ("ভ্লাদিভোস্টকে ইস্টার্ন ইকোনমিক ফোরাম", "ভ্লাদিভোস্টকে", "Vladivostok", "RUS", "ে"),
    ("সিউলে নিযুক্ত মার্কিন রাষ্ট্রদূত", "সিউলে", "Seoul", "KOR", "ে"),
    ("গত সপ্তাহে রাশিয়ায় বৈঠক", "রাশিয়ায়", "Russia", "RUS", "য়"),
    ("ঢাকায় অনুষ্ঠিত সম্মেলনে", "ঢাকায়", "Dhaka", "BGD", "য়"),
    ("গাজায় সেদিন থেকেই হামলা", "গাজায়", "Gaza Strip", "PSE", "য়"),
    ("গাজা উপত্যকা থেকে কয়েকটি রকেট", "গাজা উপত্যকা", "Gaza Strip", "PSE", ""),
    ("পিয়ংইয়ং সফর করেছিলেন", "পিয়ংইয়ং", "Pyongyang", "PRK", ""),
    ("তেল আবিব শহরকে লক্ষ্য করে", "তেল আবিব", "Tel Aviv", "ISR", ""),
    ("ইরানের রাজধানী তেহরানে গত ৩১ জুলাই", "তেহরানে", "Tehran", "IRN", "ে"),
    ("রোববার রাতে কিয়েভ থেকে দেওয়া ভাষণে", "কিয়েভ", "Kyiv", "UKR", ""),
    ("কুরস্ক অঞ্চলে প্রবেশ করে", "কুরস্ক অঞ্চলে", "Kursk Oblast", "RUS", "ে"),
    ("ফিলিস্তিনের পশ্চিম তীরে মঙ্গলবার", "পশ্চিম তীরে", "West Bank", "PSE", "ে"),
    ("জাপোরিঝিয়া পারমাণবিক বিদ্যুৎকেন্দ্রের আগুন", "জাপোরিঝিয়া পারমাণবিক বিদ্যুৎকেন্দ্রের", "Zaporizhzhia Nuclear Power Plant", "UKR", "ের"),
    ("রাজধানীর বাড্ডায় বৈষম্যবিরোধী", "বাড্ডায়", "Badda, Dhaka", "BGD", "য়"),
    ("চট্টগ্রামের অর্থঋণ আদালত", "চট্টগ্রামের", "Chattogram", "BGD", "ের"),
    ("পার্বত্য চট্টগ্রামে দমন-পীড়ন", "পার্বত্য চট্টগ্রামে", "Chittagong Hill Tracts", "BGD", "ে"),
    ("কৃষ্ণসাগরে মোতায়েন করে রেখেছে", "কৃষ্ণসাগরে", "Black Sea", None, "ে"),
    ("মধ্যপ্রাচ্যে নতুন করে উত্তেজনা", "মধ্যপ্রাচ্যে", "Middle East", None, "ে"),
    ("নোয়াখালীর সুবর্ণচর", "নোয়াখালীর", "Noakhali", "BGD", "র"),
    ("লেবানন থেকে তাদের নাগরিকদের", "লেবানন", "Lebanon", "LBN", ""),
    ("ক্রিমিয়া উপদ্বীপে হামলা", "ক্রিমিয়া উপদ্বীপে", "Crimea", "UKR", "ে"),
]


@pytest.mark.parametrize("text,span,name,code,suffix", PLACES, ids=[p[1] for p in PLACES])
def test_inflected_places(text: str, span: str, name: str, code: str | None, suffix: str) -> None:
    m = place_for(text, span)
    assert m.kind == "place" and m.place is not None
    assert (m.place.name, m.place.code, m.suffix) == (name, code, suffix)
    assert m.place.text == m.text == span
    assert m.place.lat is not None and m.place.lon is not None


def test_vostochny_coordinates() -> None:
    p = place_for("ভোস্টোচনি কসমোড্রোমের গুরুত্বপূর্ণ স্থাপনা", "ভোস্টোচনি কসমোড্রোমের").place
    assert p is not None and (p.lat, p.lon) == (51.88, 128.33)


def test_names_of_people_and_organisations_block_places() -> None:
    assert find_places("ইসরায়েল কাৎজ বলেন") == []
    assert find_places("ওয়াশিংটন পোস্ট জানিয়েছে") == []
    assert find_places("জর্জিয়া মেলোনি বলেন") == []
    assert [m.place.name for m in find_places("ওয়াশিংটনে বৈঠক")] == ["Washington"]  # type: ignore[union-attr]


def test_longest_place_wins() -> None:
    assert [m.place.name for m in find_places("উত্তর কোরিয়ায়")] == ["North Korea"]  # type: ignore[union-attr]
    assert [m.place.name for m in find_places("কুরস্ক অঞ্চল")] == ["Kursk Oblast"]  # type: ignore[union-attr]
    assert [m.place.name for m in find_places("ঢাকা বিশ্ববিদ্যালয়ে")] == ["University of Dhaka"]  # type: ignore[union-attr]


def test_bangladesh_divisions_and_districts_are_complete() -> None:
    gaz = load_gazetteer()
    districts = {p.name for p in gaz.places if p.kind == "district"} | {"Dhaka"}
    divisions = {p.name for p in gaz.places if p.kind == "division"}
    assert len(districts) == 64 and len(divisions) == 8


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")) if SEEDS.exists() else [])
def test_place_offsets_on_seeds(seed: str) -> None:
    text = (SEEDS / seed).read_text(encoding="utf-8")
    found = find_places(text)
    assert found
    last = 0
    for m in found:
        assert text[m.start:m.end] == m.text == m.place.text  # type: ignore[union-attr]
        assert m.start >= last
        last = m.end


def test_empty_text() -> None:
    assert find_places("") == []
