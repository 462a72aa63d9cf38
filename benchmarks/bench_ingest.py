"""Store write benchmark (not a unit test): rows/s into SQLite and PostgreSQL.

Extracts the corpus once (by path, ``../shared/corpus``), then writes the results with
``Store.write`` (one transaction per batch of ``batch_size`` results, as ``jobs.ingest``
does) ``--passes`` times with ids suffixed per pass, into

* a SQLite file (WAL, synchronous=NORMAL: the store's settings);
* a throw-away PostgreSQL server (``tests/pg.py``: Debian's server, ``fsync=off``).

Reports articles/s and rows/s (article rows + event rows; the actors upserts and the
ingest-log rows written with them are not counted). Then one full ``jobs.ingest`` of the
corpus (reading, extraction, near-duplicate skipping, writing, story clustering) into each
database. Prints a JSON summary last.

    .venv/bin/python benchmarks/bench_ingest.py --passes 8
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import CORPUS  # noqa: E402


def renamed(results, suffix: str):
    """The results with article and event ids suffixed (a new article to the store)."""
    out = []
    for r in results:
        art = dataclasses.replace(r.article, article_id=r.article.article_id + suffix)
        evs = [dataclasses.replace(e, article_id=art.article_id, event_id=e.event_id + suffix) for e in r.events]
        failure = dataclasses.replace(r.failure, article_id=art.article_id) if r.failure else None
        out.append(dataclasses.replace(r, article=art, events=evs, failure=failure))
    return out


def write_bench(db: str, results, passes: int, batch_size: int) -> dict[str, float]:
    from ghotona.store import Store

    articles = events = 0
    secs = 0.0
    with Store(db) as store:
        for p in range(passes):
            batch_all = renamed(results, f"~w{p}")
            t0 = time.perf_counter()
            for i in range(0, len(batch_all), batch_size):
                chunk = batch_all[i:i + batch_size]
                store.write(chunk)
            secs += time.perf_counter() - t0
            articles += sum(1 for r in batch_all if r.failure is None)
            events += sum(len(r.events) for r in batch_all)
    return {"articles": articles, "events": events, "seconds": round(secs, 2),
            "articles_per_s": round(articles / secs, 1), "rows_per_s": round((articles + events) / secs, 1)}


def ingest_bench(db: str, corpus: Path) -> dict[str, float]:
    from ghotona import jobs

    t0 = time.perf_counter()
    stats = jobs.ingest([corpus], db)
    secs = time.perf_counter() - t0
    n = stats.articles_new + stats.articles_replaced + stats.articles_unchanged + stats.failures + stats.duplicates
    return {"articles": n, "new": stats.articles_new, "duplicates": stats.duplicates, "events": stats.events,
            "stories_assigned": stats.stories, "seconds": round(secs, 2), "articles_per_s": round(n / secs, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--passes", type=int, default=8, help="write the extracted corpus this many times")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--no-postgres", action="store_true")
    ap.add_argument("--no-ingest", action="store_true", help="skip the full jobs.ingest runs")
    args = ap.parse_args()

    from ghotona.config import DEFAULT_SETTINGS
    from ghotona.pipeline import process
    from ghotona.readers import read_inputs

    t0 = time.perf_counter()
    results = list(process(read_inputs([args.corpus])))
    print(f"extracted {len(results)} articles in {time.perf_counter() - t0:.1f} s "
          f"({sum(len(r.events) for r in results)} events)")
    out: dict[str, object] = {}
    tmp = Path(tempfile.mkdtemp(prefix="ghotona-bench-ingest-"))
    targets = [("sqlite", lambda name: str(tmp / f"{name}.db"))]
    if not args.no_postgres:
        from pg import postgres_server
        pg_ctx = postgres_server()
        base = pg_ctx.__enter__()

        def pg_db(name: str) -> str:
            import sqlalchemy as sa
            eng = sa.create_engine(base.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
            with eng.connect() as c:
                c.exec_driver_sql(f"CREATE DATABASE {name}")
            eng.dispose()
            return base.rsplit("/", 1)[0] + f"/{name}"
        targets.append(("postgresql", pg_db))
    try:
        for kind, make in targets:
            w = write_bench(make("writes"), results, args.passes, DEFAULT_SETTINGS.batch_size)
            out[f"{kind}_write"] = w
            print(f"{kind:10} Store.write: {w['articles']} articles + {w['events']} events in {w['seconds']} s = "
                  f"{w['rows_per_s']:,.0f} rows/s ({w['articles_per_s']:,.0f} articles/s)")
            if not args.no_ingest:
                g = ingest_bench(make("ingest"), args.corpus)
                out[f"{kind}_ingest"] = g
                print(f"{kind:10} jobs.ingest (extract + dedup + write + stories): {g['articles']} articles in "
                      f"{g['seconds']} s = {g['articles_per_s']} articles/s")
    finally:
        if not args.no_postgres:
            pg_ctx.__exit__(None, None, None)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
