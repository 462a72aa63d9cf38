"""Dates and normalisation benchmark (not a unit test).

On the development half of the shared corpus (articles whose ``sha1(id)`` starts with 0–7;
the held-out half is never read), repeated to at least ``--min-articles`` articles, reports:

* ``normalise`` throughput in MB/s (UTF-8 bytes of input);
* date finding in expressions/s (``find_dates`` on the normalised text, as the pipeline
  will run it) and articles/s;
* full extraction with every stage timed: the stages of ``ghotona.pipeline.STAGES`` are
  called in order exactly as ``analyse`` calls them, except that the mentions stage is split
  into the calls it makes (``find_dates``, ``find_actors``, ``find_places``) so each can be
  timed, and ``normalise`` is added before ``find_dates`` (the recommended wiring). The
  share of normalise + find_dates in the total must stay under 20% (issue 4).

    .venv/bin/python benchmarks/bench_dates.py [--min-articles 2000] [--json out.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import time
from collections import defaultdict
from pathlib import Path

import regex

from ghotona.actors import find_actors
from ghotona.config import DEFAULT_SETTINGS
from ghotona.dates import find_dates
from ghotona.errors import ArticleRejected
from ghotona.lang.normalise import normalise
from ghotona.model import Article, Result
from ghotona.pipeline import STAGES
from ghotona.places import find_places

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("GHOTONA_SHARED", ROOT.parent / "shared")) / "corpus" / "bn_news.jsonl"
_ID = regex.compile(r'^\{"id":\s*"([^"]+)"')


def dev_articles(path: Path) -> list[Article]:
    """The dev-half articles; lines of the held-out half are skipped before decoding."""
    out: list[Article] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            found = _ID.match(line)
            if not found or hashlib.sha1(found.group(1).encode()).hexdigest()[0] not in "01234567":
                continue
            d = json.loads(line)
            published = dt.date.fromisoformat(d["published"]) if d.get("published") else None
            out.append(Article(article_id=d["id"], raw=d["text"], title=d.get("title"), outlet=d.get("outlet"),
                               url=d.get("url"), published=published,
                               published_source="given" if published else "none"))
    return out


def _timed(times: dict[str, float], name: str, func, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = func(*args)
    times[name] += time.perf_counter() - start
    return value


def _extract(article: Article, times: dict[str, float], counts: dict[str, int]) -> None:
    """One article through every stage, each timed (the mentions stage split into its calls)."""
    res = Result(article=article)
    for stage in STAGES:
        try:
            if stage.name != "mentions":
                _timed(times, stage.name, stage.func, res, DEFAULT_SETTINGS)
                continue
            text, published = res.article.text, res.article.published
            norm = _timed(times, "normalise", normalise, text)
            found = _timed(times, "find_dates", find_dates, norm.text, published)
            counts["expressions"] += len(found)
            actors = _timed(times, "find_actors", find_actors, text, published)
            places = _timed(times, "find_places", find_places, text)
            res.mentions = sorted([*found, *actors, *places], key=lambda m: (m.start, m.end, m.kind))
        except ArticleRejected:
            counts["rejected"] += 1
            return
    counts["extracted"] += 1


def run(min_articles: int) -> dict[str, object]:
    base = dev_articles(CORPUS)
    articles = base * -(-min_articles // len(base))
    raw_mb = sum(len(a.raw.encode("utf-8")) for a in articles) / 1e6

    for a in base[:20]:  # warm-up: gazetteers, automata, compiled patterns
        _extract(a, defaultdict(float), defaultdict(int))

    # normalise alone, on the raw article texts
    start = time.perf_counter()
    normalised = [normalise(a.raw) for a in articles]
    norm_s = time.perf_counter() - start

    # date finding alone, on the normalised texts
    start = time.perf_counter()
    expressions = sum(len(find_dates(n.text, a.published)) for n, a in zip(normalised, articles))
    dates_s = time.perf_counter() - start

    # full extraction, stage by stage
    times: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    start = time.perf_counter()
    for a in articles:
        _extract(a, times, counts)
    wall = time.perf_counter() - start
    total = sum(times.values())
    share = (times["normalise"] + times["find_dates"]) / total
    return {
        "articles": len(articles), "distinct_articles": len(base), "input_mb": round(raw_mb, 2),
        "normalise_mb_per_s": round(raw_mb / norm_s, 1),
        "normalise_ms_per_article": round(1000 * norm_s / len(articles), 3),
        "expressions": expressions, "expressions_per_s": round(expressions / dates_s),
        "find_dates_articles_per_s": round(len(articles) / dates_s),
        "extraction_articles_per_s": round(len(articles) / wall, 1),
        "extraction_ms_per_article": round(1000 * wall / len(articles), 2),
        "stage_seconds": {k: round(v, 3) for k, v in times.items()},
        "stage_share": {k: round(v / total, 4) for k, v in times.items()},
        "normalise_plus_find_dates_share": round(share, 4),
        "rejected": counts["rejected"], "extracted": counts["extracted"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-articles", type=int, default=2000)
    parser.add_argument("--json", type=Path, help="also write the report here")
    args = parser.parse_args()
    report = run(args.min_articles)
    for key, value in report.items():
        print(f"{key:34} {value}")
    verdict = "OK" if report["normalise_plus_find_dates_share"] < 0.20 else "OVER BUDGET"  # type: ignore[operator]
    print(f"{'budget (< 20% of extraction)':34} {verdict}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
