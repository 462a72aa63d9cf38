import datetime as dt

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


def test_failed_batch_rolls_back(store):
    good = _result("a1", "বাক্য।")
    bad = _result("a2", "বাক্য।")
    bad.events = [_event("a2", 0), _event("a2", 0)]  # duplicate primary key
    with pytest.raises(StoreError):
        store.write([good, bad])
    assert store.counts()["articles"] == 0


def test_urls():
    assert database_url("x.db") == "sqlite:///x.db"
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    with pytest.raises(StoreError):
        Store("sqlite:////nonexistent-dir/x/y.db")
    assert isinstance(sa, object)
