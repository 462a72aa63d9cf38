import datetime as dt
import json

import pytest

from conftest import SEEDS
from ghotona.config import Settings
from ghotona.model import EVENT_TYPES, PRECISIONS, SECTORS, STATUSES, Article, Failure
from ghotona.pipeline import STAGES, analyse, process
from ghotona.readers import read_inputs


def test_stage_requirements_are_assigned_in_order():
    available = {"article.raw"}
    for stage in STAGES:
        missing = set(stage.requires) - available
        assert not missing, f"stage {stage.name} requires {missing} before anything assigns it"
        available |= set(stage.assigns)


@pytest.fixture(scope="module")
def seed_results(seed_published_module):
    arts = []
    for path in sorted(SEEDS.glob("*.txt")):
        pub = seed_published_module[path.stem]
        arts.extend(read_inputs([path], dt.date.fromisoformat(pub) if pub else None))
    return list(process(arts))


@pytest.fixture(scope="module")
def seed_published_module():
    from conftest import dev_gold_articles

    return {a["article_id"]: (None if a["published_in_text"] else a["published"]) for a in dev_gold_articles()}


def test_seeds_yield_events(seed_results):
    assert all(r.ok for r in seed_results)
    assert sum(len(r.events) for r in seed_results) >= 15


def test_every_event_field_has_contract_type(seed_results):
    for res in seed_results:
        for e in res.events:
            d = json.loads(json.dumps(e.to_dict(), ensure_ascii=False))
            assert d["event_type"] in EVENT_TYPES and d["status"] in STATUSES
            assert d["date_precision"] in PRECISIONS
            assert isinstance(d["event_id"], str) and d["article_id"] == res.article.article_id
            assert d["mode"] is None or isinstance(d["mode"], str)
            assert isinstance(d["cameo"], str) and d["cameo"].isdigit()
            assert isinstance(d["goldstein"], float) and -10 <= d["goldstein"] <= 10
            assert d["quad_class"] in (1, 2, 3, 4)
            assert isinstance(d["symmetric"], bool)
            assert isinstance(d["confidence"], float) and 0 <= d["confidence"] <= 1
            for role in ("source", "target"):
                a = d[role]
                if role == "source":
                    assert a is not None
                if a is not None:
                    assert set(a) == {"code", "name", "sector", "text"}
                    assert a["sector"] is None or a["sector"] in SECTORS
                    assert a["text"] in res.article.text
            if d["date"] is not None:
                assert d["date_precision"] != "none"
                dt.date.fromisoformat((d["date"] + "-01-01")[:10] if len(d["date"]) == 4 else
                                      (d["date"] + "-01")[:10] if len(d["date"]) == 7 else d["date"])
            if d["location"] is not None:
                assert set(d["location"]) == {"name", "code", "lat", "lon", "text"}
            assert d["story"] is None


def test_evidence_offsets_point_into_cleaned_text(seed_results):
    for res in seed_results:
        for e in res.events:
            ev = e.evidence
            assert res.article.text[ev.start:ev.end] == ev.sentence
            assert " ".join(ev.sentence.split()) in " ".join(res.article.raw.split())


def test_publication_dates(seed_results, seed_published_module):
    got = {r.article.article_id: r.article for r in seed_results}
    assert got["004_185ffdcbebb80747"].published == dt.date(2023, 9, 1)
    assert got["004_185ffdcbebb80747"].published_source == "page"
    for aid, pub in seed_published_module.items():
        if pub:
            assert got[aid].published == dt.date.fromisoformat(pub) and got[aid].published_source == "given"


def test_undated_acts_are_not_given_the_publication_date(seed_results):
    for res in seed_results:
        for e in res.events:
            if e.date is not None:
                assert e.date_text, f"dated event without the text it was dated from: {e.evidence.sentence}"


def test_bad_articles_are_recorded_and_batch_goes_on(tmp_path):
    (tmp_path / "a_empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "b_binary.txt").write_bytes(b"\x00\xff\x00\x10")
    (tmp_path / "c_english.txt").write_text("Russia and North Korea held talks in Moscow. " * 5, encoding="utf-8")
    (tmp_path / "d_seed.txt").write_text((SEEDS / "003_49b6c1c4f05628d4.txt").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    results = list(process(read_inputs([tmp_path], dt.date(2023, 9, 13)), batch_size=2))
    by_id = {r.article.article_id: r for r in results}
    assert "empty" in by_id["a_empty"].failure.reason
    assert "binary" in by_id["b_binary"].failure.reason
    assert "not Bengali" in by_id["c_english"].failure.reason
    assert by_id["d_seed"].ok and by_id["d_seed"].events


def test_size_limit_and_raise_policy():
    art = Article("big", "রাশিয়া " * 1000)
    res = analyse(art, Settings(max_article_bytes=100))
    assert res.failure is not None and "too large" in res.failure.reason
    from ghotona.errors import ArticleRejected

    with pytest.raises(ArticleRejected):
        analyse(art, Settings(max_article_bytes=100), on_error="raise")


def test_process_keeps_order_and_passes_failures():
    items = [Failure("x", "read", "no such file"), Article("y", "রাশিয়া উত্তর কোরিয়ার সঙ্গে বৈঠক করেছে।")]
    out = list(process(items, batch_size=1))
    assert [r.article.article_id for r in out] == ["x", "y"]
    assert out[0].failure.reason == "no such file" and out[1].ok


def test_bijoy_encoded_article_is_converted_not_rejected():
    """Legacy ASCII-typed Bengali is converted to Unicode before cleaning (issue 4)."""
    from ghotona.pipeline import analyse

    bijoy = ("evsjv‡`k Avgvi †mvbvi evsjv. cÖavbgš¿x XvKv wbe©vPb Kg©x AvšÍR©vwZK ivóªcwZ " * 4).strip()
    res = analyse(Article(article_id="bijoy", raw=bijoy))
    assert res.failure is None, res.failure
    assert "বাংলাদেশ" in res.article.text and "প্রধানমন্ত্রী" in res.article.text
    assert "evsjv" not in res.article.text


def test_half_bijoy_text_is_rejected_naming_the_encoding(monkeypatch):
    from ghotona import pipeline

    monkeypatch.setattr(pipeline, "detect_bijoy", lambda _text: 0.4)
    res = pipeline.analyse(Article(article_id="odd", raw="abc def ghi jkl mno pqr stu vwx " * 3))
    assert res.failure is not None and "Bijoy" in res.failure.reason


def test_event_ids_are_unique_across_the_gold_articles():
    """Every event of a batch has its own id (the store's primary key): the hostile run once
    found two domestic acts of one sentence and one code pair sharing an id."""
    from pathlib import Path

    from ghotona.evaluate import gold_articles

    shared = Path(__file__).resolve().parents[2] / "shared" / "eval"
    ids = [e.event_id for gold in ("dev", "dev2") for r in process(gold_articles(shared / gold)) for e in r.events]
    assert ids and len(ids) == len(set(ids))
