"""REST API latency benchmark (not a unit test).

Fills a database with N synthetic-but-realistic events (Zipf-distributed actors, the 16
PLOVER types with their CAMEO/Goldstein/QuadClass, ten years of dates at every precision,
Bengali evidence sentences inside articles of eight events each, stories), bulk-loaded
with the indexes dropped and rebuilt afterwards, then the per-actor summary tables
recomputed (``Store.rebuild_summaries``: the rows bypass ``Store.write``, which keeps them).
Then serves it with uvicorn (one worker, a subprocess on 127.0.0.1) and sends a bounded
load with httpx async clients:

* ``events_actor_range``: GET /events?actor=CODE&since=…&until=…  (a 30–365 day window)
* ``timeline_range``:     GET /actors/CODE/timeline?interval=week&since=…&until=…  (one year)
* ``timeline_all``:       GET /actors/CODE/timeline?interval=month  (the actor's whole history)
* ``timeline_all_top``:   the same for the busiest actor (USA, ~25% of all events) only

and reports p50/p95/p99 latency per scenario, on SQLite and on PostgreSQL (a throw-away
server from tests/pg.py). Target: p95 <= 50 ms.

    .venv/bin/python benchmarks/bench_api.py --n 1000000 --requests 1000 --concurrency 1,8
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import sqlalchemy as sa

from ghotona.store import Store, database_url
from ghotona.store.schema import actors, articles, events

ROOT = Path(__file__).resolve().parents[1]
START, DAYS = dt.date(2015, 1, 1), 3652
# (code, weight, English names, Bengali name)
ACTORS = [
    ("USA", 14, ["United States", "Joe Biden", "Antony Blinken"], "যুক্তরাষ্ট্র"),
    ("RUS", 12, ["Russia", "Vladimir Putin", "Sergei Lavrov"], "রাশিয়া"),
    ("IND", 11, ["India", "Narendra Modi", "S. Jaishankar"], "ভারত"),
    ("BGD", 11, ["Bangladesh", "Sheikh Hasina", "Muhammad Yunus"], "বাংলাদেশ"),
    ("CHN", 9, ["China", "Xi Jinping", "Wang Yi"], "চীন"),
    ("PAK", 6, ["Pakistan", "Shehbaz Sharif"], "পাকিস্তান"),
    ("UKR", 6, ["Ukraine", "Volodymyr Zelensky"], "ইউক্রেন"),
    ("ISR", 5, ["Israel", "Benjamin Netanyahu"], "ইসরায়েল"),
    ("PSE", 4, ["Palestine", "Hamas"], "ফিলিস্তিন"),
    ("IRN", 4, ["Iran", "Ebrahim Raisi"], "ইরান"),
    ("PRK", 4, ["North Korea", "Kim Jong Un"], "উত্তর কোরিয়া"),
    ("KOR", 3, ["South Korea", "Yoon Suk Yeol"], "দক্ষিণ কোরিয়া"),
    ("MMR", 3, ["Myanmar", "Min Aung Hlaing"], "মিয়ানমার"),
    ("UN", 3, ["United Nations", "António Guterres"], "জাতিসংঘ"),
    ("EU", 2, ["European Union"], "ইউরোপীয় ইউনিয়ন"),
    ("NATO", 2, ["NATO"], "ন্যাটো"),
    ("GBR", 2, ["United Kingdom", "Rishi Sunak"], "যুক্তরাজ্য"),
    ("TUR", 2, ["Türkiye", "Recep Tayyip Erdoğan"], "তুরস্ক"),
    ("SAU", 2, ["Saudi Arabia"], "সৌদি আরব"),
    ("JPN", 2, ["Japan", "Fumio Kishida"], "জাপান"),
    ("AFG", 1, ["Afghanistan", "Taliban"], "আফগানিস্তান"),
    ("NPL", 1, ["Nepal"], "নেপাল"),
    ("LKA", 1, ["Sri Lanka"], "শ্রীলঙ্কা"),
    ("FRA", 1, ["France", "Emmanuel Macron"], "ফ্রান্স"),
    ("DEU", 1, ["Germany", "Olaf Scholz"], "জার্মানি"),
]
# (type, weight, cameo, goldstein, quad_class, Bengali verb phrase)
TYPES = [
    ("CONSULT", 25, "040", 1.0, 1, "এর সঙ্গে বৈঠক করেছে"), ("ACCUSE", 12, "112", -2.0, 3, "এর বিরুদ্ধে অভিযোগ করেছে"),
    ("AGREE", 10, "057", 8.0, 1, "এর সঙ্গে চুক্তি সই করেছে"), ("REQUEST", 8, "020", 3.0, 1, "এর কাছে আহ্বান জানিয়েছে"),
    ("SUPPORT", 7, "051", 3.4, 1, "এর প্রশংসা করেছে"), ("ASSAULT", 8, "190", -10.0, 4, "এর ওপর হামলা চালিয়েছে"),
    ("COOPERATE", 6, "061", 6.4, 2, "এর সঙ্গে সহযোগিতা বাড়িয়েছে"), ("AID", 4, "070", 7.0, 2, "কে সহায়তা দিয়েছে"),
    ("THREATEN", 4, "130", -4.4, 3, "কে হুমকি দিয়েছে"), ("REJECT", 4, "120", -4.0, 3, "এর প্রস্তাব প্রত্যাখ্যান করেছে"),
    ("COERCE", 4, "173", -5.0, 4, "এর নাগরিকদের আটক করেছে"), ("SANCTION", 3, "163", -8.0, 4, "এর ওপর নিষেধাজ্ঞা দিয়েছে"),
    ("PROTEST", 3, "140", -6.5, 4, "এর বিরুদ্ধে বিক্ষোভ করেছে"),
    ("MOBILIZE", 2, "150", -7.2, 4, "এর সীমান্তে সেনা মোতায়েন করেছে"),
    ("CONCEDE", 1, "081", 5.0, 2, "এর ওপর নিষেধাজ্ঞা শিথিল করেছে"),
    ("RETREAT", 1, "087", 9.0, 2, "এর সীমান্ত থেকে সেনা সরিয়েছে"),
]
OUTLETS = ["Prothom Alo", "Jugantor", "Samakal", "BBC Bangla", "Daily Star Bangla", "Kaler Kantho", "Ittefaq",
           "Bangla Tribune", "bdnews24", "Dhaka Post", "Jagonews24", "Deutsche Welle Bangla"]
PRECISIONS = ["day"] * 70 + ["week"] * 5 + ["month"] * 10 + ["year"] * 5 + ["none"] * 10
STATUSES = ["occurred"] * 80 + ["planned"] * 8 + ["alleged"] * 6 + ["denied"] * 3 + ["hypothetical"] * 3
EVENTS_PER_ARTICLE = 8


# -- synthetic data ---------------------------------------------------------------------------
def _date(day: dt.date, precision: str) -> tuple[str | None, dt.date | None]:
    if precision == "none":
        return None, None
    if precision == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday.isoformat(), monday
    if precision == "month":
        return day.strftime("%Y-%m"), day.replace(day=1)
    if precision == "year":
        return str(day.year), dt.date(day.year, 1, 1)
    return day.isoformat(), day


def _event(rnd: random.Random, n: int, article_id: str, offset: int, published: dt.date) -> tuple[dict, str]:
    src, tgt = rnd.choices(ACTORS, weights=[a[1] for a in ACTORS], k=2)
    while tgt[0] == src[0]:
        tgt = rnd.choices(ACTORS, weights=[a[1] for a in ACTORS])[0]
    etype, _, cameo, gold, quad, verb = rnd.choices(TYPES, weights=[t[1] for t in TYPES])[0]
    precision = rnd.choice(PRECISIONS)
    date, start = _date(published - dt.timedelta(days=min(rnd.expovariate(0.3), 400)), precision)
    sentence = f"{src[3]} {tgt[3]}{verb} বলে জানিয়েছে সংবাদ সংস্থা।"
    row = {
        "event_id": f"{n:012x}", "article_id": article_id, "event_type": etype, "mode": None, "cameo": cameo,
        "goldstein": gold, "quad_class": quad, "source_code": src[0], "source_name": rnd.choice(src[2]),
        "source_sector": "GOV", "source_text": src[3], "target_code": tgt[0], "target_name": rnd.choice(tgt[2]),
        "target_sector": "GOV", "target_text": tgt[3], "symmetric": etype == "CONSULT", "date": date,
        "date_precision": precision, "date_start": start, "date_text": None, "location_name": None,
        "location_code": None, "location_lat": None, "location_lon": None, "location_text": None,
        "status": rnd.choice(STATUSES), "attributed_to": None, "evidence_sentence": sentence,
        "evidence_start": offset, "evidence_end": offset + len(sentence), "confidence": round(rnd.uniform(0.5, 1), 2),
        "story": f"s{(n // 3) ^ 0x5A5A:010x}" if rnd.random() < 0.4 else None,
    }
    return row, sentence


def generate(n: int, seed: int = 7) -> Iterator[tuple[dict, list[dict]]]:
    """(article row, its event rows), ``EVENTS_PER_ARTICLE`` events per article."""
    rnd = random.Random(seed)
    now = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    for a in range(0, n, EVENTS_PER_ARTICLE):
        article_id = f"bench-{a // EVENTS_PER_ARTICLE:09d}"
        published = START + dt.timedelta(days=int(rnd.random() * DAYS))
        rows, text = [], ""
        for k in range(a, min(a + EVENTS_PER_ARTICLE, n)):
            row, sentence = _event(rnd, k, article_id, len(text), published)
            rows.append(row)
            text += sentence + "\n"
        art = {"article_id": article_id, "content_hash": f"{a:040x}", "title": rows[0]["evidence_sentence"][:60],
               "outlet": rnd.choice(OUTLETS), "url": f"https://news.example/{article_id}", "published": published,
               "published_source": "given", "language": "bn", "text": text, "source_path": None, "ingested_at": now}
        yield art, rows


# -- bulk load --------------------------------------------------------------------------------
def _index_ddl(conn: sa.Connection, dialect: str) -> list[tuple[str, str]]:
    if dialect == "sqlite":
        q = ("SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name IN ('events','articles') "
             "AND sql IS NOT NULL")
    else:
        q = ("SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('events','articles') "
             "AND indexname NOT LIKE '%%pkey'")
    return [(r[0], r[1]) for r in conn.exec_driver_sql(q)]


def _sqlite_value(v: object) -> object:
    if isinstance(v, dt.datetime):
        return v.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def bulk_load(url: str, n: int, batch: int = 50_000) -> float:
    """Load N events (indexes dropped, rebuilt, then ANALYZE); return seconds taken."""
    t0 = time.perf_counter()
    with Store(url) as store:
        dialect = store.engine.dialect.name
        with store.engine.begin() as conn:
            ddl = _index_ddl(conn, dialect)
            for name, _ in ddl:
                conn.exec_driver_sql(f"DROP INDEX {name}")
        raw = store.engine.raw_connection()
        try:
            writer = _sqlite_writer(raw) if dialect == "sqlite" else _pg_writer(raw)
            arts: list[dict] = []
            evs: list[dict] = []
            for art, rows in generate(n):
                arts.append(art)
                evs.extend(rows)
                if len(evs) >= batch:
                    writer(arts, evs)
                    arts, evs = [], []
            if evs:
                writer(arts, evs)
            raw.commit()
        finally:
            raw.close()
        with store.engine.begin() as conn:
            for _, sql in ddl:
                conn.exec_driver_sql(sql)
            _fill_actors(conn)
        t1 = time.perf_counter()
        store.rebuild_summaries()  # the rows went in around Store.write, so its summaries too
        print(f"  actor summaries rebuilt in {time.perf_counter() - t1:.1f} s", flush=True)
        _analyze(store, dialect)
    return time.perf_counter() - t0


def _sqlite_writer(raw: object) -> Callable[[list[dict], list[dict]], None]:
    cur = raw.cursor()  # type: ignore[attr-defined]

    def write(arts: list[dict], evs: list[dict]) -> None:
        for table, rows in ((articles, arts), (events, evs)):
            cols = [c.name for c in table.c]
            sql = f"INSERT INTO {table.name} ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})"
            cur.executemany(sql, [[_sqlite_value(r[c]) for c in cols] for r in rows])
    return write


def _pg_writer(raw: object) -> Callable[[list[dict], list[dict]], None]:
    cur = raw.cursor()  # type: ignore[attr-defined]

    def write(arts: list[dict], evs: list[dict]) -> None:
        for table, rows in ((articles, arts), (events, evs)):
            cols = [c.name for c in table.c]
            quoted = ",".join(f'"{c}"' for c in cols)  # "symmetric" is a reserved word
            with cur.copy(f"COPY {table.name} ({quoted}) FROM STDIN") as copy:
                for r in rows:
                    copy.write_row([r[c] for c in cols])
    return write


def _fill_actors(conn: sa.Connection) -> None:
    rows = {}
    for code, _, names, _ in ACTORS:
        for name in names:
            key = f"{code}|{name}|GOV"
            rows[key] = {"actor_key": key, "code": code, "name": name, "sector": "GOV"}
    conn.execute(actors.delete())
    conn.execute(actors.insert(), list(rows.values()))


def _analyze(store: Store, dialect: str) -> None:
    if dialect == "sqlite":
        with store.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
        return
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")


# -- server and load --------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(url: str) -> Iterator[str]:
    """uvicorn (one worker) in a subprocess on 127.0.0.1; yields its base URL."""
    port = _free_port()
    code = ("import uvicorn; from ghotona.api import create_app; "
            f"uvicorn.run(create_app({url!r}), host='127.0.0.1', port={port}, log_level='warning')")
    proc = subprocess.Popen([sys.executable, "-c", code])
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/openapi.json", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("the API server did not start")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _window(rnd: random.Random, days: int) -> tuple[str, str]:
    start = START + dt.timedelta(days=rnd.randrange(DAYS - days))
    return start.isoformat(), (start + dt.timedelta(days=days)).isoformat()


def scenarios(count: int, seed: int = 11) -> dict[str, list[tuple[str, dict]]]:
    """Request lists per scenario (fixed, seeded): actors drawn by their weight."""
    rnd = random.Random(seed)
    pick = lambda: rnd.choices(ACTORS, weights=[a[1] for a in ACTORS])[0][0]  # noqa: E731
    out: dict[str, list[tuple[str, dict]]] = {"events_actor_range": [], "timeline_range": [], "timeline_all": [],
                                              "timeline_all_top": []}
    for _ in range(count):
        since, until = _window(rnd, rnd.randrange(30, 366))
        out["events_actor_range"].append(("/events", {"actor": pick(), "since": since, "until": until, "limit": 50}))
        since, until = _window(rnd, 365)
        out["timeline_range"].append((f"/actors/{pick()}/timeline", {"interval": "week", "since": since,
                                                                     "until": until}))
        out["timeline_all"].append((f"/actors/{pick()}/timeline", {"interval": "month"}))
        out["timeline_all_top"].append((f"/actors/{ACTORS[0][0]}/timeline", {"interval": "month"}))
    return out


async def _load(base: str, requests: list[tuple[str, dict]], concurrency: int, max_seconds: float) -> dict:
    latencies: list[float] = []
    errors = 0
    queue = list(reversed(requests))
    deadline = time.perf_counter() + max_seconds

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while queue and time.perf_counter() < deadline:
            path, params = queue.pop()
            t0 = time.perf_counter()
            r = await client.get(path, params=params)
            latencies.append((time.perf_counter() - t0) * 1000)
            errors += r.status_code != 200

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        t0 = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        wall = time.perf_counter() - t0
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return {"requests": len(latencies), "errors": errors, "concurrency": concurrency,
            "p50_ms": round(q[49], 1), "p95_ms": round(q[94], 1), "p99_ms": round(q[98], 1),
            "mean_ms": round(statistics.fmean(latencies), 1), "rps": round(len(latencies) / wall, 1)}


def run_backend(name: str, url: str, args: argparse.Namespace) -> list[dict]:
    print(f"[{name}] loading {args.n:,} events …", flush=True)
    seconds = bulk_load(url, args.n)
    print(f"[{name}] loaded in {seconds:.0f} s", flush=True)
    results = []
    with serve(url) as base:
        for scenario, reqs in scenarios(args.requests + args.warmup).items():
            asyncio.run(_load(base, reqs[:args.warmup], 2, 60))  # warm caches and connections
            for conc in args.concurrency:
                res = asyncio.run(_load(base, reqs[args.warmup:], conc, args.max_seconds))
                res.update(backend=name, scenario=scenario, n_events=args.n, load_seconds=round(seconds))
                print(f"[{name}] {scenario:20} c={conc:<3} p50 {res['p50_ms']:7.1f} ms  p95 {res['p95_ms']:7.1f} ms  "
                      f"p99 {res['p99_ms']:7.1f} ms  {res['rps']:7.1f} req/s  ({res['requests']} req, "
                      f"{res['errors']} errors)", flush=True)
                results.append(res)
    return results


def _markdown(results: list[dict]) -> str:
    lines = ["| backend | scenario | concurrency | requests | p50 ms | p95 ms | p99 ms | req/s | errors |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        lines.append(f"| {r['backend']} | {r['scenario']} | {r['concurrency']} | {r['requests']} | {r['p50_ms']} | "
                     f"{r['p95_ms']} | {r['p99_ms']} | {r['rps']} | {r['errors']} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1_000_000, help="synthetic events to load")
    parser.add_argument("--requests", type=int, default=1000, help="measured requests per scenario and concurrency")
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--concurrency", type=lambda s: [int(x) for x in s.split(",")], default=[1, 8])
    parser.add_argument("--max-seconds", type=float, default=120, help="time cap per scenario and concurrency")
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--out", type=Path, help="also write the results as JSON here")
    args = parser.parse_args()
    results: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="ghotona-bench-") as tmp:
        if args.backend in ("sqlite", "both"):
            results += run_backend("sqlite", str(Path(tmp) / "bench.db"), args)
        if args.backend in ("postgresql", "both"):
            sys.path.insert(0, str(ROOT / "tests"))
            from pg import postgres_server

            with postgres_server() as url:
                results += run_backend("postgresql", database_url(url), args)
    print()
    print(_markdown(results))
    if args.out:
        args.out.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
