"""Actor recognition: gazetteer validity, inflected mentions, role chains, tenures, offsets."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import unicodedata
from pathlib import Path

import pycountry
import pytest

from ghotona.actors import GazetteerError, find_actors, load_gazetteer
from ghotona.actors.gazetteer import BLOC_CODES, default_directory
from ghotona.model import SECTORS, Mention

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus" / "bn_news.jsonl"
ISO3 = {c.alpha_3 for c in pycountry.countries}
D = dt.date.fromisoformat


def mention_for(text: str, span: str, when: dt.date | None = None) -> Mention:
    """The mention whose text is exactly ``span`` (fails with the mentions found otherwise)."""
    found = find_actors(text, when)
    for m in found:
        if m.text == span:
            return m
    raise AssertionError(f"no mention {span!r} in {[(m.text, m.actor.name) for m in found]}")


# --------------------------------------------------------------------------- the gazetteer


def test_every_gazetteer_entry_loads_with_valid_codes_and_sectors() -> None:
    gaz = load_gazetteer()
    assert len(gaz.countries) >= 193
    assert set(gaz.countries) <= ISO3
    valid = ISO3 | BLOC_CODES
    for org in gaz.orgs.values():
        assert org.code is None or org.code in valid, org
        assert org.sector in SECTORS, org
    for p in gaz.people.values():
        assert p.code in valid and p.sector in SECTORS, p
    for inst in gaz.institutions.values():
        assert inst.sector in SECTORS
    for place in gaz.places:
        assert place.code is None or place.code in ISO3, place
        assert place.lat is not None and -90 <= place.lat <= 90, place
        assert place.lon is not None and -180 <= place.lon <= 180, place
    for tenures in gaz.tenures.values():
        for t in tenures:
            assert t.name in gaz.people
            assert t.end is None or t.start < t.end
    assert len(gaz.actor_surfaces) > 2000


def test_all_un_member_states_have_a_bengali_name() -> None:
    gaz = load_gazetteer()
    for code in ("BGD", "IND", "PAK", "MMR", "CHN", "USA", "RUS", "PRK", "KOR", "JPN", "UKR", "ISR",
                 "PSE", "IRN", "SAU", "ARE", "QAT", "GBR", "FRA", "DEU", "TUR", "TWN", "GMB", "ZAF"):
        assert code in gaz.countries
    names = {s for s, e in gaz.actor_surfaces if e.kind == "country"}
    assert unicodedata.normalize("NFC", "উত্তর কোরিয়া") in names


def _copy_gazetteer(tmp_path: Path) -> Path:
    target = tmp_path / "gaz"
    shutil.copytree(default_directory(), target)
    return target


@pytest.mark.parametrize("file,row,message", [
    ("people.tsv", "Nobody\tXXX\tGOV\tকেউনা", "people.tsv:"),
    ("people.tsv", "Nobody\tBGD\tBOSS\tকেউনা", "sector"),
    ("tenures.tsv", "BGD\tpresident\tNobody At All\t2020-01-01\t", "not in people.tsv"),
    ("tenures.tsv", "BGD\tpresident\tSheikh Hasina\t2020-13-01\t", "ISO date"),
    ("orgs.tsv", "X\tBGD\tX\tGOV", "columns"),
    ("places.tsv", "Nowhere\tBGD\t123\t90\tcity\t\t\tকোথাওনা", "out of range"),
])
def test_bad_rows_raise_with_file_and_line(tmp_path: Path, file: str, row: str, message: str) -> None:
    d = _copy_gazetteer(tmp_path)
    path = d / file
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    path.write_text("\n".join(lines + [row]) + "\n", encoding="utf-8")
    with pytest.raises(GazetteerError) as err:
        load_gazetteer(d)
    assert f"{file}:{len(lines) + 1}" in str(err.value)
    assert message in str(err.value)


# --------------------------------------------------------------------------- inflected mentions

# (text, mention span, code, canonical name): phrases from the seed articles and the dev half
# (sha1(id) starting 0-7) of the corpus.
CASES = [
    ("রাশিয়ার রাষ্ট্রপতি ভ্লাদিমির পুতিনের উত্তর কোরিয়া সফর", "রাশিয়ার রাষ্ট্রপতি ভ্লাদিমির পুতিনের", "RUS", "Vladimir Putin"),
    ("উত্তর কোরিয়ার নেতা কিম জং উনকে ব্যক্তিগতভাবে স্বাগত", "উত্তর কোরিয়ার নেতা কিম জং উনকে", "PRK", "Kim Jong Un"),
    ("উত্তর কোরিয়ার নেতা কিম জং-উন দূরপ্রাচ্যের", "উত্তর কোরিয়ার নেতা কিম জং-উন", "PRK", "Kim Jong Un"),
    ("উত্তর কোরিয়ার পররাষ্ট্রমন্ত্রী চোয়ে সন-হুই একটি", "উত্তর কোরিয়ার পররাষ্ট্রমন্ত্রী চোয়ে সন-হুই", "PRK", "Choe Son Hui"),
    ("রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভ দুই দেশের", "রাশিয়ার পররাষ্ট্রমন্ত্রী সের্গেই ল্যাভরভ", "RUS", "Sergei Lavrov"),
    ("কিম জং-উন মিঃ ল্যাভরভকে অভ্যর্থনা", "মিঃ ল্যাভরভকে", "RUS", "Sergei Lavrov"),
    ("রাশিয়ার রাষ্ট্রদূত আলেকজান্ডার মাতসেগোরার উদ্ধৃতি", "রাশিয়ার রাষ্ট্রদূত আলেকজান্ডার মাতসেগোরার", "RUS", "Alexander Matsegora"),
    ("হবে,\" রাষ্ট্রদূত মাতসেগোরা বলেন।", "রাষ্ট্রদূত মাতসেগোরা", "RUS", "Alexander Matsegora"),
    ("ক্রেমলিনের মুখপাত্র দিমিত্রি পেসকভের মতে", "ক্রেমলিনের মুখপাত্র দিমিত্রি পেসকভের", "RUS", "Dmitry Peskov"),
    ("ক্রেমলিনের প্রেস সচিব দিমিত্রি পেসকভ বলেছেন", "ক্রেমলিনের প্রেস সচিব দিমিত্রি পেসকভ", "RUS", "Dmitry Peskov"),
    ("বিশেষ করে, জনাব কিম জং উনের রাশিয়া সফর", "জনাব কিম জং উনের", "PRK", "Kim Jong Un"),
    ("\"মিঃ কিম জং উন সকল ক্ষেত্রে", "মিঃ কিম জং উন", "PRK", "Kim Jong Un"),
    ("রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিন উত্তর কোরিয়ার", "রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিন", "RUS", "Vladimir Putin"),
    ("কিম জংও পুতিনকে চিঠি পাঠিয়ে", "কিম জংও", "PRK", "Kim Jong Un"),
    ("কিম জংও পুতিনকে চিঠি পাঠিয়ে", "পুতিনকে", "RUS", "Vladimir Putin"),
    ("স্বাধীনতা দিবস উপলক্ষে কিমকে পাঠানো চিঠিতে", "কিমকে", "PRK", "Kim Jong Un"),
    ("দক্ষিণ কোরিয়ার একীকরণ মন্ত্রী কিম ইয়ং হো সিউলে", "দক্ষিণ কোরিয়ার একীকরণ মন্ত্রী কিম ইয়ং হো", "KOR", "Kim Yung-ho"),
    ("নিযুক্ত মার্কিন রাষ্ট্রদূত ফিলিপ গোল্ডবার্গের সাথে", "মার্কিন রাষ্ট্রদূত ফিলিপ গোল্ডবার্গের", "USA", "Philip Goldberg"),
    ("মিঃ গোল্ডবার্গের মতে", "মিঃ গোল্ডবার্গের", "USA", "Philip Goldberg"),
    ("পিয়ংইয়ংয়ের রাষ্ট্রীয় গণমাধ্যম", "পিয়ংইয়ংয়ের", "PRK", "North Korea"),
    ("কেসিএনএ'র বরাত দিয়ে বার্তা সংস্থা রয়টার্স", "কেসিএনএ'র", "PRK", "KCNA"),
    ("কেসিএনএ'র বরাত দিয়ে বার্তা সংস্থা রয়টার্স", "রয়টার্স", "GBR", "Reuters"),
    ("৭ ফেব্রুয়ারি, TASS সংবাদ সংস্থা", "TASS", "RUS", "TASS"),
    ("সূত্র: স্পুটনিক", "স্পুটনিক", "RUS", "Sputnik"),
    ("রাশিয়াকে অস্ত্র সরবরাহ করছে", "রাশিয়াকে", "RUS", "Russia"),
    ("গত সপ্তাহে রাশিয়ায় রাশিয়ার রাষ্ট্রপতি", "রাশিয়ায়", "RUS", "Russia"),
    ("মার্কিন যুক্তরাষ্ট্র এবং দক্ষিণ কোরিয়াকে অবশ্যই", "দক্ষিণ কোরিয়াকে", "KOR", "South Korea"),
    ("মার্কিন যুক্তরাষ্ট্র এবং দক্ষিণ কোরিয়াকে অবশ্যই", "মার্কিন যুক্তরাষ্ট্র", "USA", "United States"),
    ("উত্তর কোরিয়াও এই ২ দেশকে স্বীকৃতি দেয়", "উত্তর কোরিয়াও", "PRK", "North Korea"),
    ("পশ্চিমা বিশ্ব কর্তৃক নিষেধাজ্ঞার পর", "পশ্চিমা বিশ্ব", "WEST", "The West"),
    ("জাতিসংঘের নিরাপত্তা পরিষদের একজন স্থায়ী সদস্যের", "জাতিসংঘের নিরাপত্তা পরিষদের", "UN", "United Nations Security Council"),
    ("রাশিয়ার পররাষ্ট্র মন্ত্রণালয় বলেছে যে মস্কো", "রাশিয়ার পররাষ্ট্র মন্ত্রণালয়", "RUS", "Ministry of Foreign Affairs (Russia)"),
    ("রাশিয়ার পররাষ্ট্র মন্ত্রণালয় বলেছে যে মস্কো", "মস্কো", "RUS", "Russia"),
    ("বলে হোয়াইট হাউস যে অভিযোগ করেছে", "হোয়াইট হাউস", "USA", "White House"),
    ("নিষেধাজ্ঞা জারি করেছে মার্কিন সরকার।", "মার্কিন সরকার", "USA", "United States"),
    ("কোরিয়ার ওয়ার্কার্স পার্টির কেন্দ্রীয় কমিটির", "কোরিয়ার ওয়ার্কার্স পার্টির", "PRK", "Workers' Party of Korea"),
    ("চীনের প্রেসিডেন্ট সি চিন পিং বলেছেন", "চীনের প্রেসিডেন্ট সি চিন পিং", "CHN", "Xi Jinping"),
    ("তাইওয়ানের প্রেসিডেন্ট সাই ইং ওয়েন ও", "তাইওয়ানের প্রেসিডেন্ট সাই ইং ওয়েন", "TWN", "Tsai Ing-wen"),
    ("ইউক্রেনের প্রেসিডেন্ট ভলোদিমির জেলেনস্কি বলেছেন", "ইউক্রেনের প্রেসিডেন্ট ভলোদিমির জেলেনস্কি", "UKR", "Volodymyr Zelensky"),
    ("রাশিয়ার পররাষ্ট্র মন্ত্রণালয়ের মুখপাত্র মারিয়া জাখারোভা এ ঘটনার", "রাশিয়ার পররাষ্ট্র মন্ত্রণালয়ের মুখপাত্র মারিয়া জাখারোভা", "RUS", "Maria Zakharova"),
    ("কুরস্কের গভর্নর আলেক্সেই স্মিরনভ পুতিনকে", "গভর্নর আলেক্সেই স্মিরনভ", "RUS", "Alexei Smirnov"),
    ("ইউক্রেনের সামরিক প্রধান ওলেক্সান্দ্র সিরস্কিই সোমবার", "ইউক্রেনের সামরিক প্রধান ওলেক্সান্দ্র সিরস্কিই", "UKR", "Oleksandr Syrskyi"),
    ("যুক্তরাজ্যের প্রধানমন্ত্রী স্যার কিয়ার স্টারমার ইসরাইলে", "যুক্তরাজ্যের প্রধানমন্ত্রী স্যার কিয়ার স্টারমার", "GBR", "Keir Starmer"),
    ("ইরানের প্রেসিডেন্ট মাসুদ পেজেশকিয়ানকে", "ইরানের প্রেসিডেন্ট মাসুদ পেজেশকিয়ানকে", "IRN", "Masoud Pezeshkian"),
    ("ইরানের সর্বোচ্চ নেতা আয়াতুল্লাহ আলি খামেনি।", "ইরানের সর্বোচ্চ নেতা আয়াতুল্লাহ আলি খামেনি", "IRN", "Ali Khamenei"),
    ("মার্কিন পররাষ্ট্রমন্ত্রী অ্যান্টনি ব্লিংকেন কাতার", "মার্কিন পররাষ্ট্রমন্ত্রী অ্যান্টনি ব্লিংকেন", "USA", "Antony Blinken"),
    ("ইরানের পররাষ্ট্রমন্ত্রী আলী বাঘেরি কানির সঙ্গে", "ইরানের পররাষ্ট্রমন্ত্রী আলী বাঘেরি কানির", "IRN", "Ali Bagheri Kani"),
    ("জর্ডানের বাদশাহ দ্বিতীয় আব্দুল্লাহর সঙ্গেও", "জর্ডানের বাদশাহ দ্বিতীয় আব্দুল্লাহর", "JOR", "Abdullah II"),
    ("প্রেসিডেন্ট জো বাইডেন জর্ডানের", "প্রেসিডেন্ট জো বাইডেন", "USA", "Joe Biden"),
    ("দেশটির পররাষ্ট্রমন্ত্রী আয়মান সাফাদি সম্প্রতি", "দেশটির পররাষ্ট্রমন্ত্রী আয়মান সাফাদি", "JOR", "Ayman Safadi"),
    ("ইসরায়েলি প্রধানমন্ত্রী বেনিয়ামিন নেতানিয়াহুর বিরুদ্ধে", "ইসরায়েলি প্রধানমন্ত্রী বেনিয়ামিন নেতানিয়াহুর", "ISR", "Benjamin Netanyahu"),
    ("হামাস নেতা ইসমাইল হানিয়া নিহত", "হামাস নেতা ইসমাইল হানিয়া", "PSE", "Ismail Haniyeh"),
    ("ইয়াহিয়া সিনওয়ারের নাম ঘোষণা", "ইয়াহিয়া সিনওয়ারের", "PSE", "Yahya Sinwar"),
    ("তুরস্কের পররাষ্ট্রমন্ত্রী হাকান ফিদানও এই সিদ্ধান্তের", "তুরস্কের পররাষ্ট্রমন্ত্রী হাকান ফিদানও", "TUR", "Hakan Fidan"),
    ("ড্রোন হামলা চালিয়েছে হিজবুল্লাহ।", "হিজবুল্লাহ", "LBN", "Hezbollah"),
    ("বদলা নিতে হামাস।", "হামাস", "PSE", "Hamas"),
    ("তখন আরব লিগ এবং ওআইসি পূর্ণাঙ্গ সমর্থন", "আরব লিগ", "ARAB_LEAGUE", "Arab League"),
    ("তখন আরব লিগ এবং ওআইসি পূর্ণাঙ্গ সমর্থন", "ওআইসি", "OIC", "Organisation of Islamic Cooperation"),
    ("আন্তর্জাতিক বিচার আদালতকে (আইসিজে)", "আন্তর্জাতিক বিচার আদালতকে", "UN", "International Court of Justice"),
    ("আন্তর্জাতিক পরমাণু শক্তি সংস্থা (আইএইএ) বিদ্যুৎকেন্দ্রের", "আন্তর্জাতিক পরমাণু শক্তি সংস্থা", "UN", "International Atomic Energy Agency"),
    ("আইসিজেতে যখন গাম্বিয়া মামলা করেছিল", "গাম্বিয়া", "GMB", "The Gambia"),
    ("দক্ষিণ আফ্রিকার আবেদনের নিন্দা", "দক্ষিণ আফ্রিকার", "ZAF", "South Africa"),
    ("পেন্টাগন মধ্যপ্রাচ্যে ক্ষেপণাস্ত্র", "পেন্টাগন", "USA", "Pentagon"),
    ("পাকিস্তানি আইএসআইয়ের হাত থাকতে পারে", "আইএসআইয়ের", "PAK", "Inter-Services Intelligence"),
    ("কংগ্রেসের প্রভাবশালী নেতা ও লোকসভার সদস্য শশী থারুর", "শশী থারুর", "IND", "Shashi Tharoor"),
    ("সভায় বিশেষ আমন্ত্রণে অংশ নেন বিএনপি মহাসচিব মির্জা ফখরুল ইসলাম আলমগীর।", "বিএনপি মহাসচিব মির্জা ফখরুল ইসলাম আলমগীর", "BGD", "Mirza Fakhrul Islam Alamgir"),
    ("রায় ঘোষণার পর জামিনের আবেদন করেন ড. মুহাম্মদ ইউনূস।", "ড. মুহাম্মদ ইউনূস", "BGD", "Muhammad Yunus"),
    ("এক্সে দেওয়া পোস্টে মো\u200cদি খালেদা জিয়াকে", "মো\u200cদি", "IND", "Narendra Modi"),
    ("এক্সে দেওয়া পোস্টে মো\u200cদি খালেদা জিয়াকে", "খালেদা জিয়াকে", "BGD", "Khaleda Zia"),
    ("বিএনপির চেয়ারপারসন বেগম খালেদা জিয়ার ওপরে", "বিএনপির চেয়ারপারসন বেগম খালেদা জিয়ার", "BGD", "Khaleda Zia"),
    ("স্বৈরাচারী আওয়ামী লীগ সরকারের বিরুদ্ধে", "আওয়ামী লীগ সরকারের", "BGD", "Awami League government"),
    ("১৯৯৭ সালে বাংলাদেশ সরকার ও পার্বত্য চট্টগ্রাম জনসংহতি সমিতির মধ্যে", "বাংলাদেশ সরকার", "BGD", "Government of Bangladesh"),
    ("১৯৯৭ সালে বাংলাদেশ সরকার ও পার্বত্য চট্টগ্রাম জনসংহতি সমিতির মধ্যে", "পার্বত্য চট্টগ্রাম জনসংহতি সমিতির", "BGD", "Parbatya Chattagram Jana Samhati Samiti"),
    ("আমরা বাংলাদেশের জনগণের সঙ্গে আছি", "বাংলাদেশের জনগণের", "BGD", "people of Bangladesh"),
    ("আট সহস্রাধিক শিশুসহ ২২ হাজারের মতো ফিলিস্তিনিকে হত্যা", "ফিলিস্তিনিকে", "PSE", "Palestinians"),
    ("সোমবার রাশিয়ার প্রতিরক্ষা মন্ত্রণালয় জানিয়েছে", "রাশিয়ার প্রতিরক্ষা মন্ত্রণালয়", "RUS", "Ministry of Defence (Russia)"),
    ("গত সপ্তাহে ইউক্রেনীয় বাহিনী রাশিয়ান সীমান্ত", "ইউক্রেনীয় বাহিনী", "UKR", "Armed Forces of Ukraine"),
    ("রুশ বাহিনী এখনো পাল্টা হামলার", "রুশ বাহিনী", "RUS", "Russian Armed Forces"),
    ("মঙ্গলবার রাশিয়াকে অবাক করে ইউক্রেনের সেনাবাহিনী কুরস্ক", "ইউক্রেনের সেনাবাহিনী", "UKR", "Armed Forces of Ukraine"),
    ("উপজেলা বিএনপির সভাপতি বক্তব্য দেন", "বিএনপির সভাপতি", "BGD", "BNP"),
    ("এর আগে গত এপ্রিলে জর্ডানের আকাশসীমায়", "জর্ডানের", "JOR", "Jordan"),
    ("রাশিয়া-উত্তর কোরিয়া শীর্ষ সম্মেলনের", "রাশিয়া", "RUS", "Russia"),
    ("রাশিয়া-উত্তর কোরিয়া শীর্ষ সম্মেলনের", "উত্তর কোরিয়া", "PRK", "North Korea"),
    ("চিঠি বিনিময় করছেন পুতিন-কিম।", "কিম", "PRK", "Kim Jong Un"),
    ("বাংলাদেশ পুলিশ ও র\u200c্যাব অভিযান", "বাংলাদেশ পুলিশ", "BGD", "Bangladesh Police"),
    ("বাংলাদেশ পুলিশ ও র\u200c্যাব অভিযান", "র\u200c্যাব", "BGD", "Rapid Action Battalion"),
    ("ইউরোপীয় ইউনিয়ন ও ন্যাটো জোটের নেতারা", "ইউরোপীয় ইউনিয়ন", "EU", "European Union"),
    ("ইউরোপীয় ইউনিয়ন ও ন্যাটো জোটের নেতারা", "ন্যাটো জোটের নেতারা", "NATO", "NATO leaders"),
    ("জাতিসংঘের মহাসচিব আন্তোনিও গুতেরেস বলেন", "জাতিসংঘের মহাসচিব আন্তোনিও গুতেরেস", "UN", "António Guterres"),
    ("নয়াদিল্লির সঙ্গে ঢাকার সম্পর্ক", "নয়াদিল্লির", "IND", "India"),
    ("হুতিরা লোহিত সাগরে হামলা চালায়", "হুতিরা", "YEM", "Houthis"),
]


@pytest.mark.parametrize("text,span,code,name", CASES, ids=[c[1] for c in CASES])
def test_inflected_mentions(text: str, span: str, code: str, name: str) -> None:
    m = mention_for(text, span, D("2024-08-12"))
    assert (m.actor.code, m.actor.name) == (code, name)
    assert m.actor.text == m.text == span


def test_there_are_at_least_sixty_table_cases() -> None:
    assert len(CASES) >= 60


def test_suffix_and_role_recorded() -> None:
    m = mention_for("উত্তর কোরিয়ার নেতা কিম জং উনকে জানিয়েছেন", "উত্তর কোরিয়ার নেতা কিম জং উনকে")
    assert m.suffix == "কে" and m.role == "leader" and m.actor.sector == "GOV"
    m = mention_for("রাশিয়ার রাষ্ট্রপতি ভ্লাদিমির পুতিন আমুর", "রাশিয়ার রাষ্ট্রপতি ভ্লাদিমির পুতিন")
    assert m.suffix == "" and m.role == "president" and m.resolved_by == "gazetteer"
    assert mention_for("রাশিয়ার সঙ্গে", "রাশিয়ার").suffix == "র"
    assert mention_for("ঢাকায় বৈঠক, রাশিয়ায়", "রাশিয়ায়").suffix == "য়"


def test_north_korea_is_not_also_korea() -> None:
    found = find_actors("উত্তর কোরিয়ার সঙ্গে দক্ষিণ কোরিয়ার সম্পর্ক")
    assert [(m.text, m.actor.code) for m in found] == [("উত্তর কোরিয়ার", "PRK"), ("দক্ষিণ কোরিয়ার", "KOR")]


def test_compounds_give_two_mentions() -> None:
    assert [m.actor.code for m in find_actors("রাশিয়া-উত্তর কোরিয়া সম্পর্ক")] == ["RUS", "PRK"]
    assert [m.actor.name for m in find_actors("পুতিন-কিম বৈঠক")] == ["Vladimir Putin", "Kim Jong Un"]


def test_a_name_inside_a_longer_word_is_not_matched() -> None:
    assert find_actors("অননুমোদিত ভারতীয়করণ মহাভারতের") == []


def test_chain_does_not_swallow_a_person_of_another_state() -> None:
    found = find_actors("উত্তর কোরিয়ার নেতা পুতিনকে ধন্যবাদ জানান", D("2023-09-13"))
    assert [(m.text, m.actor.name) for m in found] == [
        ("উত্তর কোরিয়ার নেতা", "Kim Jong Un"), ("পুতিনকে", "Vladimir Putin")]


def test_bare_institutions_have_no_code_unless_a_country_precedes() -> None:
    police = mention_for("পুলিশ জানিয়েছে", "পুলিশ")
    assert (police.actor.code, police.actor.sector) == (None, "GOV")
    army = mention_for("ইসরায়েলি সেনাবাহিনী জানিয়েছে", "ইসরায়েলি সেনাবাহিনী")
    assert (army.actor.code, army.actor.name, army.actor.sector) == ("ISR", "Israel Defense Forces", "MIL")


def test_capital_in_the_locative_is_a_place_not_an_actor() -> None:
    assert find_actors("সিউলে নিযুক্ত") == []
    assert find_actors("মস্কো থেকে ফিরে") == []
    assert [m.actor.code for m in find_actors("মস্কো বলেছে")] == ["RUS"]


# --------------------------------------------------------------------------- roles in time

TENURES = [
    ("রাশিয়ার রাষ্ট্রপতি বলেছেন", "2023-06-01", "Vladimir Putin"),
    ("মার্কিন প্রেসিডেন্ট বলেছেন", "2025-01-19", "Joe Biden"),
    ("মার্কিন প্রেসিডেন্ট বলেছেন", "2025-01-20", "Donald Trump"),
    ("বাংলাদেশের প্রধানমন্ত্রী বলেছেন", "2024-08-04", "Sheikh Hasina"),
    ("বাংলাদেশের প্রধানমন্ত্রী বলেছেন", "2024-08-05", "Bangladesh"),
    ("প্রধান উপদেষ্টা বলেছেন", "2024-08-08", "Muhammad Yunus"),
    ("জাপানের প্রধানমন্ত্রী বলেছেন", "2024-09-30", "Fumio Kishida"),
    ("জাপানের প্রধানমন্ত্রী বলেছেন", "2024-10-01", "Shigeru Ishiba"),
    ("সিঙ্গাপুরের প্রধানমন্ত্রী বলেছেন", "2024-05-14", "Lee Hsien Loong"),
    ("সিঙ্গাপুরের প্রধানমন্ত্রী বলেছেন", "2024-05-15", "Lawrence Wong"),
    ("যুক্তরাজ্যের প্রধানমন্ত্রী বলেছেন", "2024-07-04", "Rishi Sunak"),
    ("যুক্তরাজ্যের প্রধানমন্ত্রী বলেছেন", "2024-07-05", "Keir Starmer"),
    ("ইরানের প্রেসিডেন্ট বলেছেন", "2024-05-01", "Ebrahim Raisi"),
    ("ইরানের প্রেসিডেন্ট বলেছেন", "2024-07-28", "Masoud Pezeshkian"),
    ("রাশিয়ার প্রতিরক্ষামন্ত্রী বলেছেন", "2024-01-01", "Sergei Shoigu"),
    ("রাশিয়ার প্রতিরক্ষামন্ত্রী বলেছেন", "2024-06-01", "Andrei Belousov"),
    ("মার্কিন পররাষ্ট্রমন্ত্রী বলেছেন", "2024-06-01", "Antony Blinken"),
    ("মার্কিন পররাষ্ট্রমন্ত্রী বলেছেন", "2025-03-01", "Marco Rubio"),
    ("ন্যাটোর মহাসচিব বলেছেন", "2024-09-30", "Jens Stoltenberg"),
    ("ন্যাটোর মহাসচিব বলেছেন", "2024-10-01", "Mark Rutte"),
    ("ইউক্রেনের পররাষ্ট্রমন্ত্রী বলেছেন", "2024-09-01", "Dmytro Kuleba"),
    ("ইউক্রেনের পররাষ্ট্রমন্ত্রী বলেছেন", "2024-10-01", "Andrii Sybiha"),
    ("জার্মানির চ্যান্সেলর বলেছেন", "2025-01-01", "Olaf Scholz"),
    ("জার্মানির চ্যান্সেলর বলেছেন", "2025-06-01", "Friedrich Merz"),
    ("হামাসের প্রধান বলেছেন", "2024-07-01", "Ismail Haniyeh"),
    ("হামাসের প্রধান বলেছেন", "2024-09-01", "Yahya Sinwar"),
    ("ক্রেমলিনের মুখপাত্র বলেছেন", "2023-09-01", "Dmitry Peskov"),
    ("উত্তর কোরিয়ার নেতা বলেছেন", "2023-09-13", "Kim Jong Un"),
]


@pytest.mark.parametrize("text,date,name", TENURES, ids=[f"{t[0].split()[0]}@{t[1]}" for t in TENURES])
def test_roles_resolve_to_the_holder_on_the_date(text: str, date: str, name: str) -> None:
    found = find_actors(text, D(date))
    assert len(found) == 1, found
    assert found[0].actor.name == name
    assert found[0].text == " ".join(text.split()[:-1])


def test_role_resolution_records_how() -> None:
    m = find_actors("রাশিয়ার রাষ্ট্রপতি বলেন", D("2023-06-01"))[0]
    assert (m.actor.code, m.actor.sector, m.role, m.resolved_by) == ("RUS", "GOV", "president", "role@date")


def test_without_a_date_a_role_stays_with_its_country() -> None:
    m = find_actors("রাশিয়ার রাষ্ট্রপতি বলেন")[0]
    assert (m.actor.code, m.actor.name, m.role) == ("RUS", "Russia", "president")


def test_former_and_generic_roles_are_not_resolved() -> None:
    m = find_actors("বাংলাদেশের সাবেক প্রধানমন্ত্রী বলেন", D("2023-01-01"))[0]
    assert m.actor.name == "Bangladesh"
    m = find_actors("কোনও রাশিয়ান নেতা উত্তর কোরিয়া", D("2024-01-01"))[0]
    assert m.actor.name == "Russia"


def test_sector_follows_office_in_time() -> None:
    before = mention_for("ড. মুহাম্মদ ইউনূসকে সাজা", "ড. মুহাম্মদ ইউনূসকে", D("2024-01-01"))
    after = mention_for("ড. মুহাম্মদ ইউনূসকে স্বাগত", "ড. মুহাম্মদ ইউনূসকে", D("2024-09-01"))
    assert (before.actor.sector, after.actor.sector) == ("CVL", "GOV")


def test_office_names_are_not_people() -> None:
    found = find_actors("যুক্তরাষ্ট্রের প্রেসিডেন্ট নির্বাচন হবে", D("2024-06-01"))
    assert [(m.text, m.actor.name) for m in found] == [("যুক্তরাষ্ট্রের", "United States")]


def test_local_party_branches_are_not_resolved_to_national_leaders() -> None:
    m = mention_for("জেলা আওয়ামী লীগের সভাপতি বলেন", "আওয়ামী লীগের সভাপতি", D("2023-01-01"))
    assert (m.actor.name, m.actor.sector) == ("Awami League", "PTY")
    m = mention_for("আওয়ামী লীগের সভাপতি বলেন", "আওয়ামী লীগের সভাপতি", D("2023-01-01"))
    assert m.actor.name == "Sheikh Hasina"


# --------------------------------------------------------------------------- offsets


def _check_offsets(text: str, mentions: list[Mention]) -> None:
    last = 0
    for m in mentions:
        assert text[m.start:m.end] == m.text == (m.actor.text if m.actor else m.place.text)  # type: ignore[union-attr]
        assert m.start >= last, "mentions overlap or are unsorted"
        last = m.end


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")) if SEEDS.exists() else [])
def test_offsets_on_seeds(seed: str) -> None:
    text = (SEEDS / seed).read_text(encoding="utf-8")
    found = find_actors(text, D("2023-09-14"))
    assert found
    _check_offsets(text, found)


def test_offsets_survive_non_nfc_text_and_joiners() -> None:
    text = "রাশি\u09dfার রাষ্ট্রপতি পুতিন এবং মো\u200cদি ও উত্তর  কোরি\u09dfা"
    found = find_actors(text)
    _check_offsets(text, found)
    assert [m.actor.name for m in found] == ["Vladimir Putin", "Narendra Modi", "North Korea"]
    assert found[0].text == "রাশি\u09dfার রাষ্ট্রপতি পুতিন"
    assert found[2].text == "উত্তর  কোরি\u09dfা"


def test_runs_of_spaces_and_line_breaks() -> None:
    text = "ঢাকা   মঙ্গলবার উত্তর   কোরিয়ার\nনেতা বলেন"
    found = find_actors(text, D("2024-01-01"))
    _check_offsets(text, found)
    assert [(m.text, m.actor.name) for m in found] == [("উত্তর   কোরিয়ার", "North Korea")]


def test_empty_and_plain_text() -> None:
    assert find_actors("") == []
    assert find_actors("আজ বৃষ্টি হয়েছে।") == []


def _dev_half(limit: int) -> list[dict[str, str]]:
    out = []
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if hashlib.sha1(rec["id"].encode()).hexdigest()[0] in "01234567":
                out.append(rec)
                if len(out) >= limit:
                    break
    return out


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not available")
def test_offsets_on_dev_half_of_corpus() -> None:
    for rec in _dev_half(150):
        when = D(rec["published"]) if rec.get("published") else None
        _check_offsets(rec["text"], find_actors(rec["text"], when))


def test_variant_spelling_after_a_role_is_linked_fuzzily() -> None:
    found = find_actors("বেলগোরোদ অঞ্চলের গভর্নর ব্যাচেস্লাভ গ্লাদকোভ তার টেলিগ্রাম চ্যানেলে", D("2024-08-10"))
    assert [(m.text, m.actor.name, m.resolved_by) for m in found] == [
        ("গভর্নর ব্যাচেস্লাভ গ্লাদকোভ", "Vyacheslav Gladkov", "fuzzy")]


def test_similar_bangladeshi_names_are_not_linked() -> None:
    names = [m.actor.name for m in find_actors("সাবেক এমপি মুশফিকুর রহমানকে গ্রেপ্তার", D("2024-09-01"))]
    assert "Shafiqur Rahman" not in names


def test_a_thing_named_after_a_person_is_not_the_person() -> None:
    from ghotona.actors.coref import resolve_coreference

    text = ("খালেদা জিয়াকে গ্রেফতার করা হয়। জিয়া অরফানেজ ট্রাস্ট দুর্নীতি মামলায় তাকে সাজা দেওয়া হয়। "
            "পরে জিয়া হাসপাতালে ভর্তি হন।")
    found = resolve_coreference(text, find_actors(text, dt.date(2018, 2, 8)))
    people = [(m.text, m.actor.name) for m in found if m.actor is not None and m.actor.name == "Khaleda Zia"]
    assert people[0] == ("খালেদা জিয়াকে", "Khaleda Zia")
    assert not any(m.start <= text.index("জিয়া অরফানেজ") < m.end for m in found)  # the trust, not her
    assert any(m.start == text.index("জিয়া হাসপাতালে") for m in found)           # she went to hospital
    assert load_gazetteer().eponym("ট্রাস্টের") and not load_gazetteer().eponym("হাসপাতালে")


def test_a_stray_hasanta_after_a_vowel_sign_does_not_hide_a_name() -> None:
    text = "যুক্তরাজ্য, যু\u09cdক্তরাষ্ট্র ও ফ্রান্স বিবৃতি দিয়েছে।"
    found = [(m.text, m.actor.code) for m in find_actors(text, dt.date(2024, 8, 12)) if m.actor is not None]
    assert ("যু\u09cdক্তরাষ্ট্র", "USA") in found  # offsets map back to the text as written
    assert [c for _, c in found] == ["GBR", "USA", "FRA"]


def test_a_parliament_before_election_names_the_election() -> None:
    text = "জাতীয় সংসদ নির্বাচন ফেব্রুয়ারিতে হবে। সংসদ নির্বাচনে বিএনপি অংশ নেবে। জাতীয় সংসদে বিল পাস হয়েছে।"
    found = [(m.text, m.actor.sector) for m in find_actors(text, dt.date(2025, 12, 1)) if m.actor is not None]
    assert ("জাতীয় সংসদ", "LEG") not in found and ("সংসদ", "LEG") not in found
    assert ("জাতীয় সংসদে", "LEG") in found and ("বিএনপি", "PTY") in found


def test_a_role_followed_by_another_name_is_not_its_holder() -> None:
    text = "বৈরুতে নিহত হয়েছেন হামাস নেতা সালেহ আল-আরৌরি। হামাস নেতা গাজায় নিহত হন।"
    found = [(m.text, m.actor.code, m.actor.name, m.resolved_by)
             for m in find_actors(text, dt.date(2024, 1, 3)) if m.actor is not None]
    assert ("হামাস নেতা সালেহ আল-আরৌরি", "PSE", None, "unlinked") in found  # not Ismail Haniyeh
    assert ("হামাস নেতা", "PSE", "Ismail Haniyeh", "role@date") in found      # the role alone: its holder


def test_bodies_and_people_added_for_the_dev_gold_resolve() -> None:
    text = ("আরাকান আর্মির সঙ্গে সংঘর্ষ হয়। ইউনিফিল জানায়। বোকো হারাম হামলা চালায়। "
            "যুক্তরাষ্ট্রের আফ্রিকা কমান্ড বিমান হামলা চালিয়েছে।")
    found = [(m.actor.code, m.actor.name, m.suffix) for m in find_actors(text, dt.date(2024, 8, 1)) if m.actor]
    assert found == [("MMR", "Arakan Army", "র"), ("UN", "United Nations Interim Force in Lebanon", ""),
                     ("NGA", "Boko Haram", ""), ("USA", "United States Africa Command", "")]
