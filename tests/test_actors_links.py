"""Cross-script linking (held-aside list), the Phoenix table, coreference and ``ghotona actors``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ghotona.actors import explain, find_actors, load_gazetteer, resolve_coreference
from ghotona.actors.build_phoenix import parse_code, people, plain_name, read_entries
from ghotona.actors.fuzzy import PHOENIX_FILE, bn_key, en_key, linker
from ghotona.actors.gazetteer import default_directory
from ghotona.actors.text import normalize_surface

DATA = Path(__file__).parent / "data" / "person_links.tsv"
DOCS = Path(__file__).resolve().parents[1] / "docs" / "actors.md"
D = dt.date.fromisoformat


def _links() -> list[tuple[str, str | None, str]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith(("#", "name\t")):
            continue
        name, context, identity, _note = line.split("\t")
        rows.append((name, None if context == "-" else context, identity))
    return rows


def link_scores() -> tuple[int, int, int, float, float]:
    """``(links, correct, known, precision, recall)`` of the fuzzy path on the held-aside list."""
    lk = linker()
    made = correct = known = 0
    for name, context, identity in _links():
        hit = lk.link(name, context)
        known += identity != "-"
        if hit is not None:
            made += 1
            correct += hit.candidate.name == identity
    return made, correct, known, correct / made if made else 1.0, correct / known if known else 0.0


# --------------------------------------------------------------------------- held-aside list


def test_the_held_aside_list_is_big_and_kept_out_of_the_gazetteer() -> None:
    rows = _links()
    assert len(rows) >= 100
    assert len({r[0] for r in rows}) == len(rows)
    surfaces = {s for s, e in load_gazetteer().actor_surfaces if e.kind == "person"}
    assert [r[0] for r in rows if normalize_surface(r[0]) in surfaces] == []
    assert sum(r[2] != "-" for r in rows) >= 25 and sum(r[2] == "-" for r in rows) >= 50


def test_every_identity_in_the_list_is_a_known_person() -> None:
    names = set(load_gazetteer().people)
    with (default_directory() / PHOENIX_FILE).open(encoding="utf-8") as fh:
        names |= {line.split("\t")[0] for line in fh if not line.startswith("#")}
    assert [r[2] for r in _links() if r[2] != "-" and r[2] not in names] == []


def test_linking_precision_and_recall_on_the_held_aside_list(record_property: pytest.FixtureRequest) -> None:
    made, correct, known, precision, recall = link_scores()
    record_property("link_precision", precision)  # type: ignore[operator]
    record_property("link_recall", recall)  # type: ignore[operator]
    print(f"\nlinking on {len(_links())} held-aside names: {made} links, {correct} right, "
          f"{known} with a known identity: precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.95
    assert recall >= 0.3
    docs = DOCS.read_text(encoding="utf-8")
    assert f"precision {precision:.2f}" in docs and f"recall {recall:.2f}" in docs, \
        "docs/actors.md must state the measured linking precision and recall"


# --------------------------------------------------------------------------- keys and Phoenix


@pytest.mark.parametrize("bengali,english", [
    ("সের্গেই ল্যাভরভ", "Sergei Lavrov"), ("নিকোলাস সারকোজি", "Nicolas Sarkozy"),
    ("জশকা ফিশার", "Joschka Fischer"), ("কমলা হ্যারিস", "Kamala Harris"),
    ("ইয়ুরি উশাকভ", "Yuri Ushakov"), ("মাইকেল ডি. হিগিন্স", "Michael D. Higgins"),
])
def test_bengali_and_english_keys_meet(bengali: str, english: str) -> None:
    from rapidfuzz import fuzz
    assert fuzz.ratio(bn_key(bengali), en_key(english)) >= 88


def test_phoenix_entries_are_read_like_petrarch() -> None:
    lines = [
        "VLADIMIR_PUTIN_  # CountryInfo.txt\n", "+VLADIMIR_VLADIMIROVICH_PUTIN_\n", "+PRESIDENT_PUTIN_\n",
        "\t[RUSGOV 991231-080507]\n", "\t[RUSGOV >080508]\n",
        "DMITRY_MEDVEDEV_  # CountryInfo.txt\n", "DMITR_MEDVEDEV_  # CountryInfo.txt\n", "\t[RUSGOV >080507]\n",
        "\n", "MOSCOW_ [RUS]\n",
    ]
    got = list(people(read_entries(lines)))
    assert got[0] == ("Vladimir Putin", [("RUSGOV", "19991231", "20080507"), ("RUSGOV", "20080508", "")],
                      ["Vladimir Vladimirovich Putin"])
    assert [g[0] for g in got] == ["Vladimir Putin", "Dmitry Medvedev", "Dmitr Medvedev"]  # not Moscow
    assert parse_code("USAGOV <010120") == ("USAGOV", "", "20010120")
    assert plain_name("PRESIDENT_PUTIN_") is None and plain_name("KIM_JONG-UN") == "Kim Jong-Un"


def test_the_packaged_phoenix_table_is_small_and_complete() -> None:
    path = default_directory() / PHOENIX_FILE
    assert path.stat().st_size < 5_000_000
    assert sum(1 for line in path.open(encoding="utf-8") if not line.startswith("#")) > 10_000


# --------------------------------------------------------------------------- in running text


def test_a_name_after_a_role_and_a_state_links_to_phoenix() -> None:
    found = find_actors("২০০৪ সালে ঢাকায় জার্মান পররাষ্ট্রমন্ত্রী জশকা ফিশারের সঙ্গে বৈঠক", D("2024-05-01"))
    m = next(m for m in found if m.resolved_by == "fuzzy")
    assert (m.text, m.actor.code, m.actor.name, m.suffix) == (
        "জার্মান পররাষ্ট্রমন্ত্রী জশকা ফিশারের", "DEU", "Joschka Fischer", "ের")


def test_a_person_of_another_state_is_not_linked() -> None:
    found = find_actors("ফরাসি স্বরাষ্ট্রমন্ত্রী জশকা ফিশারের সঙ্গে", D("2024-05-01"))
    assert "Joschka Fischer" not in [m.actor.name for m in found]


def test_an_unknown_name_after_an_honorific_stays_unlinked() -> None:
    found = find_actors("মিঃ রবার্ট ফিকো ঢাকায় আসবেন")
    assert [(m.text, m.actor.code, m.actor.name, m.resolved_by) for m in found] == [
        ("মিঃ রবার্ট ফিকো", None, None, "unlinked")]
    assert find_actors("স্যার সলিমুল্লাহ মেডিকেল কলেজে") == []


def test_local_namesakes_are_not_linked_to_the_dictionary() -> None:
    found = find_actors("যুবদলের সভাপতি হুমায়ূন কবীর বলেন", D("2025-01-01"))
    assert all(m.resolved_by != "fuzzy" for m in found)


# --------------------------------------------------------------------------- coreference

ARTICLE = (
    "রাশিয়ার রাষ্ট্রদূত আলেক্সেই ভলকভ মিঃ ফিকোর সঙ্গে দেখা করেছেন। মিঃ রবার্ট ফিকো ঢাকায় আসেন।\n"
    "রাষ্ট্রদূত ভলকভ বলেন, সম্পর্ক ভালো। \"আমরা আরও এগোতে চাই,\" তিনি বলেন। পরে ফিকো বলেন, তাঁরা খুশি।"
)


def test_surnames_and_roles_take_the_identity_of_the_full_mention() -> None:
    text = ("জার্মান পররাষ্ট্রমন্ত্রী জশকা ফিশার ঢাকায় আসেন। পরে ফিশারকে স্বাগত জানান মন্ত্রী। "
            "পররাষ্ট্রমন্ত্রী ফিশার বলেন, সম্পর্ক ভালো।")
    ms = resolve_coreference(text, find_actors(text, D("2004-05-01")))
    assert all(text[m.start:m.end] == m.text for m in ms)
    assert [(m.text, m.actor.name, m.suffix) for m in ms if m.resolved_by == "coref"] == [
        ("ফিশারকে", "Joschka Fischer", "কে"), ("পররাষ্ট্রমন্ত্রী ফিশার", "Joschka Fischer", "")]


def test_an_unlinked_honorific_mention_takes_the_earlier_identity() -> None:
    text = "জার্মান পররাষ্ট্রমন্ত্রী জশকা ফিশার ঢাকায় আসেন। মিঃ ফিশার বলেন, সম্পর্ক ভালো।"
    ms = resolve_coreference(text, find_actors(text, D("2004-05-01")))
    later = [m for m in ms if m.text.startswith("মিঃ")]
    assert [(m.text, m.actor.name, m.actor.code, m.resolved_by) for m in later] == [
        ("মিঃ ফিশার", "Joschka Fischer", "DEU", "coref")]


def test_pronoun_after_a_named_speaker() -> None:
    text = ("এছাড়াও, মন্ত্রী কিম ইয়ং হো সংঘাতের বিষয়ে মন্তব্য করে বলেন, এটি অভূতপূর্ব।\n"
            "\"উত্তর কোরিয়া অস্ত্র সরবরাহ করছে। তাই সহযোগিতা করতে হবে,\" তিনি বলেন। তার মতে এটি জরুরি।")
    ms = resolve_coreference(text, find_actors(text, D("2023-09-20")))
    coref = [(m.text, m.actor.name, m.suffix) for m in ms if m.resolved_by == "coref"]
    assert coref == [("তিনি", "Kim Yung-ho", ""), ("তার", "Kim Yung-ho", "র")]


def test_no_pronoun_without_a_named_speaker() -> None:
    text = "রাশিয়া ও উত্তর কোরিয়া বৈঠক করেছে। তিনি বলেন, এটি ভালো।"
    ms = resolve_coreference(text, find_actors(text, D("2023-09-20")))
    assert all(m.resolved_by != "coref" for m in ms)


def test_coreference_keeps_offsets_and_order_on_the_dev_half() -> None:
    corpus = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "bn_news.jsonl"
    if not corpus.exists():
        pytest.skip("shared corpus not available")
    import hashlib
    n = 0
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if hashlib.sha1(rec["id"].encode()).hexdigest()[0] not in "01234567":
                continue
            text = rec["text"]
            ms = resolve_coreference(text, find_actors(text))
            last = 0
            for m in ms:
                assert text[m.start:m.end] == m.text == m.actor.text  # type: ignore[union-attr]
                assert m.start >= last
                last = m.end
            n += 1
            if n >= 120:
                break


# --------------------------------------------------------------------------- CLI


def test_cli_actors_prints_mentions_and_places() -> None:
    from ghotona.cli import app
    runner = CliRunner()
    res = runner.invoke(app, ["actors", "রাশিয়ার রাষ্ট্রপতি ঢাকায় বলেছেন", "--date", "2023-06-01", "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["actors"][0] | {} == {
        "start": 0, "end": 19, "text": "রাশিয়ার রাষ্ট্রপতি", "code": "RUS", "name": "Vladimir Putin",
        "sector": "GOV", "role": "president", "suffix": "", "resolved_by": "role@date"}
    assert [p["name"] for p in data["places"]] == ["Russia", "Dhaka"]
    res = runner.invoke(app, ["actors", "রাশিয়ার রাষ্ট্রপতি বলেছেন", "--date", "2023-06-01"],
                        env={"COLUMNS": "200"})
    assert res.exit_code == 0 and "Vladimir Putin" in res.output and "role@date" in res.output
    res = runner.invoke(app, ["actors", "x", "--date", "2023-13-01"])
    assert res.exit_code != 0


def test_explain_is_one_call() -> None:
    ex = explain("মিঃ রবার্ট ফিকো ঢাকায় আসবেন", None)
    assert [m.resolved_by for m in ex.actors] == ["unlinked"] and [m.place.name for m in ex.places] == ["Dhaka"]  # type: ignore[union-attr]
