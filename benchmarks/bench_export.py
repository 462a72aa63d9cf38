"""Export streaming benchmark (not a unit test).

Fills a SQLite store with N synthetic-but-realistic events (Bengali article texts whose
evidence offsets point at real sentences, ~5 events per article, stories shared across
outlets, every date precision, locations, all statuses) by bulk insert, then exports them to
every format and reports rows/s and the peak RSS of each export. Each export runs in a
fresh child process, so each peak RSS (``resource.getrusage(RUSAGE_SELF).ru_maxrss``) is
that export's own; the ``baseline`` row is a child that only imports ghotona.

    .venv/bin/python benchmarks/bench_export.py --n 200000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "gdelt-mentions", "plover", "report")
ACTORS = [  # code, name, sector, Bengali text
    ("RUS", "Vladimir Putin", "GOV", "রাশিয়ার রাষ্ট্রপতি ভ্লাদিমির পুতিন"),
    ("PRK", "Kim Jong Un", "GOV", "উত্তর কোরিয়ার নেতা কিম জং উন"),
    ("USA", "United States", "GOV", "যুক্তরাষ্ট্র"),
    ("KOR", "South Korea", "MIL", "দক্ষিণ কোরিয়ার সেনাবাহিনী"),
    ("UKR", "Volodymyr Zelensky", "GOV", "ইউক্রেনের প্রেসিডেন্ট ভলোদিমির জেলেনস্কি"),
    ("BGD", "Sheikh Hasina", "GOV", "প্রধানমন্ত্রী শেখ হাসিনা"),
    ("IND", "India", "GOV", "ভারত"),
    ("CHN", "China", "GOV", "চীন"),
    ("UN", "United Nations", "IGO", "জাতিসংঘ"),
    ("EU", "European Union", "IGO", "ইউরোপীয় ইউনিয়ন"),
]
TYPES = [  # type, mode, cameo, goldstein, quad, Bengali predicate
    ("CONSULT", "visit", "042", 1.9, 1, "সফর করেছেন"), ("AGREE", None, "036", 4.0, 1, "বৈঠকে রাজি হয়েছে"),
    ("SUPPORT", None, "051", 3.4, 1, "প্রশংসা করেছেন"), ("COOPERATE", None, "061", 6.4, 2, "সহযোগিতা করছে"),
    ("AID", None, "071", 7.4, 2, "সহায়তা পাঠিয়েছে"), ("ACCUSE", "allege", "112", -2.0, 3, "অভিযোগ করেছে"),
    ("THREATEN", None, "138", -7.0, 3, "হুমকি দিয়েছে"), ("SANCTION", None, "163", -8.0, 4, "নিষেধাজ্ঞা দিয়েছে"),
    ("MOBILIZE", "weapons", "152", -7.2, 4, "ক্ষেপণাস্ত্র উৎক্ষেপণ করেছে"),
    ("ASSAULT", "aerial", "195", -10.0, 4, "হামলা চালিয়েছে"),
]
PLACES = [("Moscow", "RUS", 55.75, 37.62, "মস্কোতে"), ("Russia", "RUS", 61.5, 105.3, "রাশিয়ায়"),
          ("Pyongyang", "PRK", 39.03, 125.75, "পিয়ংইয়ংয়ে"), ("Dhaka", "BGD", 23.81, 90.41, "ঢাকায়"),
          ("Vostochny Cosmodrome", "RUS", 51.88, 128.33, "ভোস্টোচনি মহাকাশ কেন্দ্রে")]
OUTLETS = ["Prothom Alo", "The Daily Star Bangla", "BBC Bangla", "Daily Inqilab", "Jugantor", None]
STATUSES = ["occurred"] * 7 + ["planned", "planned", "alleged", "denied", "hypothetical"]
FILLER = "এ বিষয়ে বিস্তারিত কিছু জানানো হয়নি বলে সংবাদ সংস্থাটি জানিয়েছে।"


def _date(rng: random.Random) -> tuple[str | None, str]:
    day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(1800))
    prec = rng.choices(["day", "week", "month", "year", "none"], [80, 5, 8, 2, 5])[0]
    if prec == "day":
        return day.isoformat(), prec
    if prec == "week":
        return (day - dt.timedelta(days=day.weekday())).isoformat(), prec
    return {"month": day.strftime("%Y-%m"), "year": str(day.year), "none": None}[prec], prec


def _article(i: int, n_events: int, rng: random.Random, stories: list[str]) -> tuple[dict, list[dict]]:
    from ghotona.model import stable_id
    from ghotona.store import date_start

    aid = f"bench_{i:08d}"
    parts, evs = ["শিরোনাম: আন্তর্জাতিক সম্পর্কের খবর\n"], []
    for k in range(n_events):
        src, tgt = rng.sample(ACTORS, 2)
        typ = rng.choice(TYPES)
        place = rng.choice(PLACES) if rng.random() < 0.5 else None
        date, prec = _date(rng)
        sentence = f"{src[3]} {place[4] if place else ''} {tgt[3]}কে নিয়ে {typ[5]}।".replace("  ", " ")
        start = sum(len(p) for p in parts)
        parts.append(sentence + " " + FILLER + ("\n" if k % 2 else " "))
        evs.append({
            "event_id": stable_id(aid, k), "article_id": aid, "event_type": typ[0], "mode": typ[1],
            "cameo": typ[2], "goldstein": typ[3], "quad_class": typ[4],
            "source_code": src[0], "source_name": src[1], "source_sector": src[2], "source_text": src[3],
            "target_code": tgt[0], "target_name": tgt[1], "target_sector": tgt[2], "target_text": tgt[3] + "কে",
            "symmetric": typ[0] == "CONSULT", "date": date, "date_precision": prec,
            "date_start": date_start(date, prec), "date_text": None,
            "location_name": place[0] if place else None, "location_code": place[1] if place else None,
            "location_lat": place[2] if place else None, "location_lon": place[3] if place else None,
            "location_text": place[4] if place else None, "status": rng.choice(STATUSES),
            "attributed_to": None, "evidence_sentence": sentence, "evidence_start": start,
            "evidence_end": start + len(sentence), "confidence": round(rng.uniform(0.5, 0.95), 2),
            "story": rng.choice(stories) if rng.random() < 0.3 else None})
    outlet = rng.choice(OUTLETS)
    art = {"article_id": aid, "content_hash": stable_id(aid, length=40), "title": None, "outlet": outlet,
           "url": f"https://news.example/{aid}" if rng.random() < 0.7 else None,
           "published": dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(1800)),
           "published_source": "given", "language": "bn", "text": "".join(parts).rstrip(),
           "source_path": None, "ingested_at": dt.datetime(2026, 11, 23, 12, 0, 0)}
    return art, evs


def fill(db: Path, n: int, seed: int = 7) -> float:
    """Bulk-insert ``n`` synthetic events into a new store; return seconds taken."""
    from ghotona.store import Store
    from ghotona.store.schema import articles, events

    t0 = time.perf_counter()
    rng = random.Random(seed)
    stories = [f"story_{i:07d}" for i in range(max(1, n // 10))]
    store = Store(db)
    done, i = 0, 0
    with store.engine.begin() as conn:
        arts, evs = [], []
        while done < n:
            art, new = _article(i, min(n - done, rng.randint(2, 8)), rng, stories)
            arts.append(art)
            evs.extend(new)
            done, i = done + len(new), i + 1
            if len(evs) >= 20_000 or done >= n:
                conn.execute(articles.insert(), arts)
                conn.execute(events.insert(), evs)
                arts, evs = [], []
    store.rebuild_summaries()   # the rows went in around Store.write, so its summaries too
    store.close()
    return time.perf_counter() - t0


def child(fmt: str, db: str, out: str) -> None:
    """Run one export in this process and print rows, seconds and peak RSS as JSON."""
    from ghotona.export import export, write_report

    t0 = time.perf_counter()
    if fmt == "fill":
        rows = int(out)
        fill(Path(db), rows)
    elif fmt == "report":
        rows = write_report(db, out, actor="RUS", show_progress=False).total * 2  # two passes
    elif fmt == "baseline":
        rows = 0
    else:
        rows = export(db, fmt, out, show_progress=False)
    secs = time.perf_counter() - t0
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"format": fmt, "rows": rows, "seconds": secs, "peak_rss_mb": rss_kb / 1024}))


def run_child(fmt: str, db: Path, out: Path | str) -> dict[str, Any]:
    """Run ``child`` in a fresh process. The parent stays small (it imports no ghotona), so
    the child's ``ru_maxrss``, which Linux carries over from the forked parent, is its own."""
    cmd = [sys.executable, __file__, "--child", fmt, "--db", str(db), "--out", str(out)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="events to generate")
    ap.add_argument("--dir", type=Path, help="work folder (default: a temporary one)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.db, args.out)
        return
    work = args.dir or Path(tempfile.mkdtemp(prefix="ghotona-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / "bench.db"
    db.unlink(missing_ok=True)
    r = run_child("fill", db, str(args.n))
    print(f"filled {db} with {args.n} events in {r['seconds']:.1f} s ({db.stat().st_size / 2**20:.0f} MiB)")
    print(f"{'format':16} {'rows':>9} {'seconds':>8} {'rows/s':>9} {'peak RSS MiB':>13} {'file MiB':>9}")
    for fmt in ("baseline", *FORMATS):
        out = work / f"out.{fmt}"
        r = run_child(fmt, db, out)
        size = out.stat().st_size / 2**20 if out.exists() else 0.0
        rate = r["rows"] / r["seconds"] if r["rows"] else 0.0
        print(f"{fmt:16} {r['rows']:9d} {r['seconds']:8.1f} {rate:9.0f} {r['peak_rss_mb']:13.0f} {size:9.1f}")


if __name__ == "__main__":
    main()
