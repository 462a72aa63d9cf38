import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa

from ghotona.errors import StoreError
from ghotona.model import Actor, Article, Event, Evidence, Failure, Place, Result
from ghotona.store import EventFilter, Store, database_url


def _event(article_id: str, n: int, *, code="RUS", date="2023-09-13", precision="day", etype="CONSULT"):
    return Event(
        event_id=f"{article_id}-{n}", article_id=article_id, event_type=etype, mode="meet", cameo="043",
        goldstein=2.8, quad_class=1, source=Actor(code, "Vladimir Putin", "GOV", "পুতিন"),
        target=Actor("PRK", "Kim Jong Un", "GOV", "কিমকে"), symmetric=True, date=date,
        date_precision=precision, date_text="১৩ সেপ্টেম্বর",
        location=Place("Vostochny Cosmodrome", "RUS", 51.88, 128.33, "ভোস্টোচনি"), status="occurred",
        attributed_to=None, evidence=Evidence("বাক্য।", 0, 6), confidence=0.9)


def _result(article_id: str, text: str, events: int = 2) -> Result:
    art = Article(article_id=article_id, raw=text, text=text, published=dt.date(2023, 9, 13),
                  published_source="given", language="bn")
    return Result(article=art, events=[_event(article_id, i) for i in range(events)])


@pytest.fixture
def store(db_url):
    with Store(db_url) as s:
        yield s


def test_sqlite_file_uses_wal_and_migrations(tmp_path):
    path = tmp_path / "x.db"
    s = Store(path)
    assert path.exists()
    assert s.pending_migrations() == []
    with s.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert s.migrate() == []  # idempotent
    s.close()


def test_write_read_roundtrip_equal(store):
    res = _result("a1", "বাক্য।")
    stats = store.write([res])
    assert stats.articles_new == 1 and stats.events == 2
    got = store.events()
    assert sorted(got, key=lambda e: e.event_id) == sorted(res.events, key=lambda e: e.event_id)


def test_reingest_is_noop_and_edit_replaces(store):
    store.write([_result("a1", "বাক্য।", 2)])
    again = store.write([_result("a1", "বাক্য।", 2)])
    assert again.articles_unchanged == 1 and again.events == 0
    assert store.counts()["events"] == 2
    edited = store.write([_result("a1", "নতুন বাক্য।", 1)])
    assert edited.articles_replaced == 1
    assert store.counts() == {"articles": 1, "events": 1, "actors": 2, "failures": 0}


def test_failures_recorded_and_cleared_by_success(store):
    store.write([Result(article=Article("a1", ""), failure=Failure("a1", "clean", "not Bengali: 0%"))])
    assert store.failures()[0]["reason"] == "not Bengali: 0%"
    store.write([_result("a1", "বাক্য।")])
    assert store.failures() == []


def test_filters(store):
    r = _result("a1", "বাক্য।", 0)
    r.events = [_event("a1", 0), _event("a1", 1, code="USA", date="2024-01", precision="month", etype="ACCUSE"),
                _event("a1", 2, code="KOR", date=None, precision="none")]
    store.write([r])
    assert {e.event_id for e in store.events(EventFilter(actor="USA"))} == {"a1-1"}
    assert {e.event_id for e in store.events(EventFilter(actor="putin"))} == {"a1-0", "a1-1", "a1-2"}
    assert {e.event_id for e in store.events(EventFilter(event_type="accuse"))} == {"a1-1"}
    assert {e.event_id for e in store.events(EventFilter(since=dt.date(2024, 1, 1)))} == {"a1-1"}
    assert {e.event_id for e in store.events(EventFilter(until=dt.date(2023, 12, 31)))} == {"a1-0"}
    assert [e.event_id for e in store.events()][-1] == "a1-2"  # undated last
    assert len(store.events(EventFilter(limit=1))) == 1


def test_failed_batch_rolls_back_then_isolates_the_bad_item(store):
    good = _result("a1", "বাক্য।")
    bad = _result("a2", "বাক্য।")
    bad.events = [_event("a2", 0), _event("a2", 0)]  # duplicate primary key
    stats = store.write([good, bad])
    # the batch was rolled back as a whole, then each item written alone: the good one is
    # stored, the refused one is a recorded failure with no half-written events
    assert stats.articles_new == 1 and stats.failures == 1
    assert store.counts() == {"articles": 1, "events": 2, "actors": 2, "failures": 1}
    (fail,) = store.failures()
    assert fail["article_id"] == "a2" and fail["stage"] == "store" and "could not be stored" in fail["reason"]
    log = {r["item_key"]: r["outcome"] for r in store.ingest_log()}
    assert log == {"a1": "stored", "a2": "failed"}


def test_a_batch_writes_new_replaced_and_unchanged_articles_as_item_by_item_would(store):
    """Store.write batches its statements; the outcome is that of writing each item in turn."""
    store.write([_result("a1", "এক।"), _result("a2", "দুই।"), _result("a3", "তিন।", events=0)])
    failed = Result(article=Article(article_id="a5", raw=""), failure=Failure("a5", "clean", "empty"))
    stats = store.write([_result("a1", "এক।"), _result("a2", "দুই, নতুন।", events=1), _result("a4", "চার।"), failed])
    assert (stats.articles_unchanged, stats.articles_replaced, stats.articles_new, stats.events,
            stats.failures) == (1, 1, 1, 3, 1)
    assert store.counts() == {"articles": 4, "events": 5, "actors": 2, "failures": 1}
    assert {e.event_id for e in store.events()} == {"a1-0", "a1-1", "a2-0", "a4-0", "a4-1"}
    log = {r["item_key"]: (r["outcome"], r["events"]) for r in store.ingest_log()}
    assert log == {"a1": ("stored", 2), "a2": ("stored", 1), "a3": ("stored", 0), "a4": ("stored", 2),
                   "a5": ("failed", 0)}
    # one article twice in a batch: the later item wins, as written in turn
    stats = store.write([_result("a6", "ছয়।", events=2), _result("a6", "ছয়, আবার।", events=1)])
    assert (stats.articles_new, stats.articles_replaced) == (1, 1)
    assert {e.event_id for e in store.events() if e.article_id == "a6"} == {"a6-0"}


def test_a_lost_connection_is_an_error_not_a_failure(tmp_path):
    with Store(tmp_path / "x.db") as s:
        s.engine.dispose()
        (tmp_path / "x.db").unlink()
        (tmp_path / "x.db").mkdir()   # the database file is gone (replaced by a folder)
        with pytest.raises(StoreError):
            s.write([_result("a1", "বাক্য।")])


def test_unstorable_text_is_made_safe_on_every_backend(store):
    res = _result("a\x00b", "বা\x00ক্য।\ud800")
    res.article = Article(article_id="a\x00b", raw="x", text="বা\x00ক্য।\ud800", title="t\ud800",
                          outlet="o" * 500, published=dt.date(2023, 9, 13), published_source="given")
    res.events = []
    stats = store.write([res])
    assert stats.articles_new == 1, stats
    assert store.article_text("ab") == "বাক্য।?"


def test_urls():
    assert database_url("x.db") == "sqlite:///x.db"
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    with pytest.raises(StoreError):
        Store("sqlite:////nonexistent-dir/x/y.db")
    assert isinstance(sa, object)


def test_unstorable_ids_are_normalised_once_so_reingest_is_a_noop(tmp_path):
    """An id with a NUL or a lone surrogate is stored, logged and duplicate-indexed under one
    normalised id; a second ingest of the same input changes nothing (a bug found by the long
    hostile run: the store saw "ab", the duplicate index "a\\x00b", so the stored article
    became a 'copy' of itself and lost its events)."""
    import json

    from ghotona.jobs import ingest
    from ghotona.model import Article, storable_id

    assert Article(article_id="a\x00b", raw="x").article_id == "ab"
    assert storable_id("x" * 500) == "x" * 200 and storable_id("a\ud800b") == "a?b"
    seed = json.loads((Path(__file__).parent.parent / "examples" / "seeds.jsonl").read_text(encoding="utf-8").splitlines()[1])
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({**seed, "id": "odd\x00id"}) + "\n", encoding="utf-8")
    db = str(tmp_path / "n.db")
    first = ingest([src], db)
    assert first.articles_new == 1 and first.events > 0
    with Store(db) as store:
        before = store.counts()
    again = ingest([src], db)
    assert again.articles_new == again.articles_replaced == again.events == 0
    with Store(db) as store:
        assert store.counts() == before
        assert [r["item_key"] for r in store.ingest_log()] == ["oddid"]
