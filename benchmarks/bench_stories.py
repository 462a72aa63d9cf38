"""Story clustering benchmark (not a unit test).

Generates N synthetic-but-realistic event records: a few thousand real-world events among a
handful of actor pairs, each reported by several articles with the noise a coder produces
(date precision from day to undated, a day off, a neighbouring type of the family, swapped
order, a person or just the country, every status, publication a few days later). Writes
them as JSONL, then reports:

* time to read the JSONL into events (json + ``Event.from_dict``) vs time to cluster them
  (``StoryIndex.add``: items, segments, clustering and story summaries); the ratio must be < 10;
* incremental cost: adding the last 1% to an index holding the rest;
* memory held by the index at 25%, 50% and 100% of N (tracemalloc; should grow linearly);
* pairwise precision/recall of the stories against the generator's true events.

    .venv/bin/python benchmarks/bench_stories.py --n 100000
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import random
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path

from ghotona.model import Event
from ghotona.stories import StoryIndex, StoryMention, default_config

PAIRS = [  # (source, target) as (code, person or None, country name)
    (("RUS", "Vladimir Putin", "Russia"), ("PRK", "Kim Jong Un", "North Korea")),
    (("RUS", "Sergei Lavrov", "Russia"), ("PRK", "Choe Son Hui", "North Korea")),
    (("USA", "Joe Biden", "United States"), ("CHN", "Xi Jinping", "China")),
    (("RUS", None, "Russia"), ("UKR", "Volodymyr Zelensky", "Ukraine")),
    (("USA", "Antony Blinken", "United States"), ("KOR", None, "South Korea")),
    (("BGD", "Sheikh Hasina", "Bangladesh"), ("IND", "Narendra Modi", "India")),
    (("PRK", None, "North Korea"), ("KOR", None, "South Korea")),
    (("IND", None, "India"), ("CHN", None, "China")),
    (("BGD", "Muhammad Yunus", "Government of Bangladesh"), ("BGD", "Khaleda Zia", "Bangladesh")),   # domestic
]
FAMILY_TYPES = [["CONSULT"], ["AGREE", "COOPERATE", "AID"], ["ACCUSE", "THREATEN"], ["ASSAULT"], ["SANCTION"],
                ["MOBILIZE"], ["REQUEST"], ["SUPPORT"]]
OUTLETS = ["Prothom Alo", "Jugantor", "Samakal", "BBC Bangla", "Daily Star Bangla", "Kaler Kantho", "Ittefaq"]
STATUSES = ["occurred"] * 6 + ["planned", "alleged", "denied", "hypothetical"]
PRECISIONS = ["day"] * 50 + ["week"] * 12 + ["month"] * 15 + ["year"] * 5 + ["none"] * 18
START = dt.date(2022, 1, 1)


def _actor(a: tuple[str, str | None, str], person: bool) -> dict[str, object]:
    code, name, country = a
    return {"code": code, "name": name if person and name else country, "sector": "GOV", "text": "…"}


def _date(day: dt.date, precision: str) -> str | None:
    if precision == "day":
        return day.isoformat()
    if precision == "week":
        return (day - dt.timedelta(days=day.weekday())).isoformat()
    if precision == "month":
        return day.strftime("%Y-%m")
    if precision == "year":
        return str(day.year)
    return None


def generate(n: int, seed: int = 7) -> list[tuple[dict[str, object], str]]:
    """N (event record, true story id) pairs; true events have ~1-40 mentions each."""
    rng = random.Random(seed)
    out: list[tuple[dict[str, object], str]] = []
    article = 0
    while len(out) < n:
        truth = f"t{len(out)}"
        pair = rng.choice(PAIRS)
        fam = rng.choice(FAMILY_TYPES)
        day = START + dt.timedelta(days=rng.randrange(730))
        sym = fam[0] in ("CONSULT", "AGREE")
        for _ in range(min(n - len(out), int(rng.paretovariate(1.2)) + rng.randrange(3))):
            article += 1
            prec = rng.choice(PRECISIONS)
            shown = day + dt.timedelta(days=rng.choice([0, 0, 0, 0, 1, -1]) if prec == "day" else 0)
            src, tgt = pair if not sym or rng.random() < 0.5 else pair[::-1]
            pub = day + dt.timedelta(days=rng.randrange(0, 8))
            rec = {
                "event_id": f"e{len(out)}", "article_id": f"a{article}", "event_type": rng.choice(fam),
                "source": _actor(src, rng.random() < 0.6), "target": _actor(tgt, rng.random() < 0.6),
                "symmetric": sym, "date": _date(shown, prec), "date_precision": prec,
                "location": {"name": None, "code": pair[0][0], "lat": None, "lon": None, "text": ""}
                if rng.random() < 0.3 else None,
                "status": rng.choice(STATUSES), "attributed_to": None, "mode": None, "cameo": None,
                "goldstein": None, "quad_class": None, "date_text": None,
                "evidence": {"sentence": "…", "start": 0, "end": 1}, "confidence": round(rng.random(), 2),
                "_published": pub.isoformat(), "_outlet": rng.choice(OUTLETS),
            }
            out.append((rec, truth))
    return out


def read(path: Path) -> list[StoryMention]:
    """Parse the JSONL into mentions (the baseline the clustering time is compared to)."""
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            out.append(StoryMention(Event.from_dict(d), dt.date.fromisoformat(d["_published"]), d["_outlet"]))
    return out


def pairwise(pred: dict[str, str], truth: dict[str, str]) -> tuple[float, float]:
    """Pairwise precision and recall from contingency counts (no pair enumeration)."""
    def pairs(c: Counter[object]) -> int:
        return sum(k * (k - 1) // 2 for k in c.values())
    both = pairs(Counter((pred[e], truth[e]) for e in pred))
    return both / max(1, pairs(Counter(pred.values()))), both / max(1, pairs(Counter(truth.values())))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    args = ap.parse_args()
    data = generate(args.n)
    truth = {str(rec["event_id"]): t for rec, t in data}
    config = default_config()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.jsonl"
        path.write_text("".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec, _ in data), encoding="utf-8")
        t0 = time.perf_counter()
        mentions = read(path)
        t_read = time.perf_counter() - t0
    gc.collect()
    t0 = time.perf_counter()
    index = StoryIndex(config)
    index.add(mentions)
    t_cluster = time.perf_counter() - t0
    stories = index.assignments()
    sizes = Counter(stories.values())
    p, r = pairwise(stories, truth)
    print(f"events {len(mentions):,}  true events {len(set(truth.values())):,}  stories {len(sizes):,} "
          f"(largest {max(sizes.values())}, singletons {sum(1 for v in sizes.values() if v == 1):,})")
    print(f"read    {t_read:7.2f} s  ({len(mentions) / t_read:,.0f} events/s)")
    print(f"cluster {t_cluster:7.2f} s  ({len(mentions) / t_cluster:,.0f} events/s)  ratio {t_cluster / t_read:.2f}x"
          f"  {'OK' if t_cluster < 10 * t_read else 'FAIL'} (< 10x)")
    print(f"pairwise precision {p:.3f}  recall {r:.3f} against the generator's true events")

    cut = len(mentions) - len(mentions) // 100
    inc = StoryIndex(config)
    inc.add(mentions[:cut])
    t0 = time.perf_counter()
    upd = inc.add(mentions[cut:])
    t_inc = time.perf_counter() - t0
    same = inc.assignments() == stories
    print(f"incremental: last {len(mentions) - cut:,} events into an index of {cut:,}: {t_inc:.2f} s, "
          f"{len(upd.assigned):,} links changed, {len(upd.stories):,} stories rebuilt; equals batch: {same}")
    del index, inc
    gc.collect()
    for frac in (0.25, 0.5, 1.0):
        part = mentions[: int(len(mentions) * frac)]
        gc.collect()
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
        idx = StoryIndex(config)
        idx.add(part)
        held, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"memory at {len(part):>7,} events: index holds {(held - base) / 2**20:6.1f} MiB "
              f"({(held - base) / len(part):5.0f} B/event), peak {(peak - base) / 2**20:6.1f} MiB")
        del idx


if __name__ == "__main__":
    main()
