"""The per-actor summary tables (migration 005) against the events they summarise.

After random writes, replacements (an edited article), deletions (an article re-coded with
no events) and duplicate removals, on SQLite and on a real PostgreSQL server: the stored
summary rows equal a recomputation from the events table, and every actor timeline read
from them equals a direct computation over the stored events (exact Goldstein means).
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
import threading
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ghotona.model import Actor, Article, Event, Evidence, Result
from ghotona.store import Store, database_url, date_start, event_row, safe_row
from ghotona.store import summary as summ
from ghotona.store.aggregates import actor_label, list_actors, timeline
from ghotona.store.schema import MIGRATIONS, actor_day, actors, articles, events, schema_migrations
from ghotona.store.stories import record_duplicates

CODES = ["RUS", "PRK", "BGD", None]
NAMES = {"RUS": "Vladimir Putin", "PRK": "Kim Jong Un", "BGD": "Muhammad Yunus", None: "protesters"}
GOLDSTEIN = [None, -10.0, -7.2, -2.0, 0.1, 0.15, 0.2, 1.0, 2.8, 3.4, 10.0]
BASE = dt.date(2020, 1, 20)   # dates spread over January to April: whole and partial months
RANGES = [(None, None), (dt.date(2020, 2, 1), dt.date(2020, 2, 29)), (dt.date(2020, 1, 25), dt.date(2020, 3, 10)),
          (dt.date(2020, 2, 10), dt.date(2020, 2, 20)), (None, dt.date(2020, 2, 15)), (dt.date(2020, 2, 15), None),
          (dt.date(2020, 3, 1), None), (dt.date(2019, 12, 2), dt.date(2020, 1, 31))]
FINE = {"day": ("day",), "week": ("day", "week"), "month": ("day", "week", "month")}

# one event: (source, target, precision, day offset, Goldstein, QuadClass)
PRECISIONS = ["day", "week", "month", "year", "none"]
EVENT = st.tuples(st.sampled_from(CODES), st.sampled_from(CODES), st.sampled_from(PRECISIONS), st.integers(0, 75),
                  st.sampled_from(GOLDSTEIN), st.sampled_from([None, 1, 2, 3, 4]))
WRITE = st.tuples(st.integers(0, 5), st.integers(0, 3), st.lists(EVENT, max_size=6))   # article, version, events
OPS = st.lists(st.one_of(st.lists(WRITE, min_size=1, max_size=4).map(lambda b: ("write", b)),
                         st.integers(0, 5).map(lambda a: ("duplicate", a))), min_size=1, max_size=12)


def _date(day: dt.date, precision: str) -> str | None:
    if precision == "none":
        return None
    if precision == "week":
        return (day - dt.timedelta(days=day.weekday())).isoformat()
    return {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}[precision]


def _actor(code: str | None) -> Actor:
    return Actor(code, NAMES[code], "GOV", NAMES[code])


def make_event(article_id: str, k: int, spec: tuple, version: int = 0) -> Event:
    src, tgt, precision, offset, goldstein, quad = spec
    date = _date(BASE + dt.timedelta(days=offset), precision)
    return Event(event_id=f"{article_id}v{version}-{k}", article_id=article_id, event_type="CONSULT", mode=None,
                 cameo="040", goldstein=goldstein, quad_class=quad, source=_actor(src), target=_actor(tgt),
                 symmetric=False, date=date, date_precision=precision, date_text=None, location=None,
                 status="occurred", attributed_to=None, evidence=Evidence("বাক্য।", 0, 6), confidence=0.9)


def make_result(article: int, version: int, specs: list[tuple]) -> Result:
    aid = f"a{article}"
    text = f"সংস্করণ {version}।"   # the version decides the content hash: a new version replaces
    art = Article(article_id=aid, raw=text, text=text, published=BASE, published_source="given", language="bn")
    return Result(article=art, events=[make_event(aid, k, s, version) for k, s in enumerate(specs)])


class _Links:
    """The two methods of ``DuplicateIndex`` that ``record_duplicates`` uses."""

    def __init__(self) -> None:
        self.links: dict[str, str] = {}

    def duplicates(self) -> dict[str, str]:
        return dict(self.links)

    def similarity(self, a: str, b: str) -> float:
        return 0.9


def run_ops(store: Store, ops: list) -> None:
    links = _Links()
    for op, arg in ops:
        if op == "write":
            store.write([make_result(*w) for w in arg])
        else:
            links.links[f"a{arg}"] = "original"
            record_duplicates(store, links)  # type: ignore[arg-type]


# -- the direct computation -------------------------------------------------------------------

def _exact(goldstein: float) -> Fraction:
    return Fraction(Decimal(repr(goldstein)))   # the score as written (one or two decimals)


def _mean(total: Fraction, n: int) -> float | None:
    return round(float(total / n), 2) if n else None


def _period(day: dt.date, interval: str) -> str:
    if interval == "month":
        return day.replace(day=1).isoformat()
    if interval == "week":
        return (day - dt.timedelta(days=day.weekday())).isoformat()
    return day.isoformat()


def reference_timeline(evs: list[Event], code: str, interval: str, since: dt.date | None,
                       until: dt.date | None, partners: int = 10) -> dict:
    """The timeline computed event by event, from the stored events."""
    buckets: dict[str, dict] = {}
    tally: dict[str, list] = {}
    excluded = 0
    for e in evs:
        src = e.source.code if e.source else None
        tgt = e.target.code if e.target else None
        if code not in (src, tgt):
            continue
        start = date_start(e.date, e.date_precision)
        if since or until:
            if start is None or (since and start < since) or (until and start > until):
                continue
        other = tgt if src == code else src
        if other is not None and other != code:
            t = tally.setdefault(other, [0, Fraction(0), 0])
            t[0] += 1
            if e.goldstein is not None:
                t[1] += _exact(e.goldstein)
                t[2] += 1
        if e.date_precision not in FINE[interval]:
            excluded += 1
            continue
        b = buckets.setdefault(_period(start, interval), {"n": 0, "src": 0, "g": Fraction(0), "g_n": 0,
                                                          "q": [0, 0, 0, 0, 0]})
        b["n"] += 1
        b["src"] += src == code
        if e.goldstein is not None:
            b["g"] += _exact(e.goldstein)
            b["g_n"] += 1
        if e.quad_class in (1, 2, 3, 4):
            b["q"][e.quad_class] += 1
    rows = []
    for period, b in sorted(buckets.items()):
        q = b["q"]
        rows.append({"period": period, "n": b["n"], "n_as_source": b["src"], "mean_goldstein": _mean(b["g"], b["g_n"]),
                     "cooperation": q[1] + q[2], "conflict": q[3] + q[4], "verbal_cooperation": q[1],
                     "material_cooperation": q[2], "verbal_conflict": q[3], "material_conflict": q[4]})
    top = sorted(tally.items(), key=lambda kv: (-kv[1][0], kv[0]))[:partners]
    return {"buckets": rows, "n_events": sum(r["n"] for r in rows), "n_excluded": excluded,
            "partners": [{"code": p, "label": actor_label(p), "n": t[0], "mean_goldstein": _mean(t[1], t[2])}
                         for p, t in top]}


def reference_actors(evs: list[Event], since: dt.date | None, until: dt.date | None) -> list[dict]:
    """The actor list computed event by event: each event once per coded actor."""
    per: dict[str, dict] = {}
    for e in evs:
        src = e.source.code if e.source else None
        tgt = e.target.code if e.target else None
        start = date_start(e.date, e.date_precision)
        if (since or until) and (start is None or (since and start < since) or (until and start > until)):
            continue
        for code, as_source in ((src, True), (tgt, False)):
            if code is None or (not as_source and tgt == src):
                continue
            a = per.setdefault(code, {"n": 0, "src": 0, "g": Fraction(0), "g_n": 0, "q": [0, 0, 0, 0, 0]})
            a["n"] += 1
            a["src"] += as_source
            if e.goldstein is not None:
                a["g"] += _exact(e.goldstein)
                a["g_n"] += 1
            if e.quad_class in (1, 2, 3, 4):
                a["q"][e.quad_class] += 1
    out = []
    for code, a in sorted(per.items(), key=lambda kv: (-kv[1]["n"], kv[0])):
        q = a["q"]
        out.append({"code": code, "n_events": a["n"], "n_as_source": a["src"], "n_as_target": a["n"] - a["src"],
                    "mean_goldstein": _mean(a["g"], a["g_n"]), "cooperation": q[1] + q[2], "conflict": q[3] + q[4],
                    "verbal_cooperation": q[1], "material_cooperation": q[2], "verbal_conflict": q[3],
                    "material_conflict": q[4]})
    return out


def assert_consistent(store: Store) -> int:
    """Stored summaries == recomputed, and every timeline == the direct computation; return
    how many timelines were compared."""
    with store.engine.connect() as conn:
        have, want = summ.stored(conn), summ.compute(conn)
        known = set(conn.execute(sa.select(actors.c.code).where(actors.c.code.is_not(None))).scalars())
    assert have.days == want.days
    assert have.pairs == want.pairs
    assert all(v[0] > 0 for v in have.days.values())   # no empty rows left behind
    evs = store.events()
    for since, until in RANGES:
        want_actors = reference_actors(evs, since, until)
        got_actors = list_actors(store, since=since, until=until, limit=100).items
        assert [{k: a[k] for k in w} for a, w in zip(got_actors, want_actors)] == want_actors, (since, until)
        assert len(got_actors) == len(want_actors)
    compared = 0
    for code in sorted(known):
        for interval in ("day", "week", "month"):
            for since, until in RANGES:
                got = timeline(store, code, interval=interval, since=since, until=until)
                want_tl = reference_timeline(evs, code, interval, since, until)
                assert {k: got[k] for k in want_tl} == want_tl, (code, interval, since, until)
                compared += 1
    return compared


# -- SQLite: random histories -------------------------------------------------------------------

@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(OPS)
def test_summaries_follow_random_writes_replaces_and_deletes_sqlite(ops):
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "s.db") as store:
        run_ops(store, ops)
        assert_consistent(store)


# -- both backends: one long seeded history -----------------------------------------------------

def _random_ops(rnd: random.Random, n: int) -> list:
    def spec() -> tuple:
        return (rnd.choice(CODES), rnd.choice(CODES), rnd.choice(PRECISIONS),
                rnd.randrange(76), rnd.choice(GOLDSTEIN), rnd.choice([None, 1, 2, 3, 4]))
    ops = []
    for _ in range(n):
        if rnd.random() < 0.15:
            ops.append(("duplicate", rnd.randrange(8)))
        else:
            ops.append(("write", [(rnd.randrange(8), rnd.randrange(4), [spec() for _ in range(rnd.randrange(7))])
                                  for _ in range(rnd.randrange(1, 5))]))
    return ops


def test_summaries_follow_a_long_history(db_url):
    with Store(db_url) as store:
        ops = _random_ops(random.Random(8), 60)
        run_ops(store, ops)
        assert store.counts()["events"] > 0
        assert assert_consistent(store) > 0
        with store.engine.connect() as conn:   # the replace and delete paths were taken
            assert conn.execute(sa.select(sa.func.count()).select_from(actor_day)).scalar_one() > 0


def test_an_emptied_store_has_empty_summaries(db_url):
    with Store(db_url) as store:
        store.write([make_result(0, 0, [("RUS", "PRK", "day", 3, 2.8, 1), ("PRK", None, "none", 0, None, None)])])
        store.write([make_result(0, 1, [])])   # the edited article has no events
        with store.engine.connect() as conn:
            have = summ.stored(conn)
        assert have.days == {} and have.pairs == {}
        assert timeline(store, "RUS")["buckets"] == [] and timeline(store, "RUS")["partners"] == []


def test_ranges_at_the_ends_of_the_calendar(db_url):
    with Store(db_url) as store:
        store.write([make_result(0, 0, [("RUS", "PRK", "day", 3, 2.8, 1), ("RUS", "BGD", "none", 0, -2.0, 3)])])
        evs = store.events()
        for since, until in ((dt.date(9999, 12, 5), None), (None, dt.date(1, 1, 5)), (dt.date(1, 1, 1), dt.date.max),
                             (dt.date(1, 1, 2), dt.date(9999, 12, 30))):
            got = timeline(store, "RUS", interval="week", since=since, until=until)
            want = reference_timeline(evs, "RUS", "week", since, until)
            assert {k: got[k] for k in want} == want
        assert timeline(store, "RUS", since=dt.date(1, 1, 1))["n_excluded"] == 0   # the undated one is out


def test_rebuild_repairs_summaries(db_url):
    with Store(db_url) as store:
        run_ops(store, _random_ops(random.Random(3), 10))
        with store.engine.begin() as conn:
            conn.execute(actor_day.update().values(n=actor_day.c.n + 5))
            assert summ.stored(conn).days != summ.compute(conn).days
        store.rebuild_summaries()
        assert_consistent(store)


# -- migration 005 on a database made before it ---------------------------------------------------

def test_migration_backfills_an_old_database(db_url):
    url = database_url(db_url)
    engine = sa.create_engine(url)
    evs = [make_event(f"old{i // 5}", i, s) for i, s in enumerate(
        (rnd.choice(CODES), rnd.choice(CODES), rnd.choice(PRECISIONS),
         rnd.randrange(76), rnd.choice(GOLDSTEIN), rnd.choice([None, 1, 2, 3, 4]))
        for rnd in [random.Random(5)] for _ in range(200))]
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as conn:   # the schema as migrations 001-004 left it, with data
        schema_migrations.create(conn)
        for name, fn in MIGRATIONS[:4]:
            fn(conn)
            conn.execute(schema_migrations.insert().values(name=name, applied_at=now))
        conn.execute(articles.insert(), [{"article_id": f"old{k}", "content_hash": str(k), "published_source": "given",
                                          "text": "বাক্য।", "ingested_at": now} for k in range(40)])
        conn.execute(events.insert(), [safe_row(events, event_row(e)) for e in evs])
        conn.execute(actors.insert(), [{"actor_key": f"{c}|x|GOV", "code": c, "name": "x", "sector": "GOV"}
                                       for c in CODES if c])
        assert not sa.inspect(conn).has_table("actor_day")
    engine.dispose()
    with Store(db_url) as store:
        assert store.pending_migrations() == []
        assert store.counts()["events"] == 200
        assert assert_consistent(store) > 0
        # and the write path carries on from the backfilled rows
        store.write([make_result(1, 0, [("RUS", "BGD", "day", 9, -2.0, 3)])])
        assert_consistent(store)


# -- PostgreSQL: concurrent writers ---------------------------------------------------------------

def test_concurrent_writers_keep_summaries_consistent(postgres_url):
    base = postgres_url.replace("postgresql://", "postgresql+psycopg://")
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    name = f"t_concurrent_{random.randrange(10**9)}"
    with admin.connect() as c:
        c.exec_driver_sql(f"CREATE DATABASE {name}")
    admin.dispose()
    url = postgres_url.rsplit("/", 1)[0] + f"/{name}"
    errors: list[BaseException] = []

    def writer(seed: int) -> None:
        rnd = random.Random(seed)
        try:
            with Store(url) as store:
                for round_ in range(15):   # overlapping actors and days; articles of their own
                    batch = [make_result(seed * 100 + rnd.randrange(6), round_ % 3,
                                         [(rnd.choice(CODES), rnd.choice(CODES), "day", rnd.randrange(5), 1.0, 1)
                                          for _ in range(6)]) for _ in range(3)]
                    store.write(batch)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    Store(url).close()   # migrate once, before the writers start
    threads = [threading.Thread(target=writer, args=(s,)) for s in (1, 2, 3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store(url) as store:
        assert store.counts()["events"] > 0
        assert_consistent(store)


@pytest.mark.parametrize("goldstein", [0.1, 0.15, -7.2])
def test_goldstein_units_are_exact(goldstein):
    units = summ.goldstein_units(goldstein)
    assert Fraction(units, summ.GOLDSTEIN_UNIT) == _exact(goldstein)
    assert summ.goldstein_units(None) == 0
