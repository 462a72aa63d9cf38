"""Single-core pipeline throughput per stage and end to end (not a unit test).

Reads the corpus by path (``../shared/corpus``), repeats it until ``--articles`` articles
(ids suffixed per pass) and reports articles/s on one core for

* ``floor``: the bare pass every pipeline pays: read the JSONL line, ``json.loads``, NFC
  normalise, tokenize with one ``regex`` pattern (the I/O and Python floor);
* ``text``: ``read_inputs`` + ``pipeline.process`` end to end, and each stage's own time
  (``mentions`` split into dates, actors + coreference, places);
* ``html``: the real HTML pages (trafilatura extraction in the reader, then the pipeline),
  repeated to ``--html-pages``;

then the peak RSS of the process (``ru_maxrss``). The first pass over the corpus (building
automata, loading gazetteers) is timed separately and excluded. Prints a JSON summary last.

    .venv/bin/python benchmarks/bench_pipeline.py --articles 50000
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import sys
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "bn_news.jsonl"
HTML_DIR = ROOT.parent / "shared" / "corpus" / "html"
TOKEN = regex.compile(r"[\p{L}\p{M}]+|\p{N}+")


def repeated_jsonl(path: Path, n: int, tmp: Path) -> Path:
    """A JSONL file of ``n`` articles: the corpus repeated, ids suffixed ``~pass`` (kept out of the repo)."""
    lines = [ln for ln in path.read_bytes().splitlines() if ln.strip()]
    out = tmp / f"corpus-{n}.jsonl"
    if out.exists() and sum(1 for _ in out.open("rb")) == n:
        return out
    with out.open("wb") as fh:
        for i in range(n):
            rec = json.loads(lines[i % len(lines)])
            if i >= len(lines):
                rec["id"] = f"{rec['id']}~{i // len(lines)}"
            fh.write(json.dumps(rec, ensure_ascii=False).encode() + b"\n")
    return out


def floor(path: Path) -> tuple[int, int, float]:
    """Read + json.loads + NFC + regex tokenize; (articles, tokens, seconds)."""
    t0 = time.perf_counter()
    n = tokens = 0
    with path.open("rb") as fh:
        for line in fh:
            rec = json.loads(line)
            text = unicodedata.normalize("NFC", rec["text"])
            tokens += len(TOKEN.findall(text))
            n += 1
    return n, tokens, time.perf_counter() - t0


def staged(items: Iterator[object]) -> tuple[int, dict[str, float], float]:
    """Run the stages one by one, timing each (mentions split in three); returns totals."""
    from ghotona.actors import find_actors
    from ghotona.actors.coref import resolve_coreference
    from ghotona.config import DEFAULT_SETTINGS
    from ghotona.dates.report import find_dates_normalised
    from ghotona.errors import ArticleRejected
    from ghotona.model import Article, Result
    from ghotona.pipeline import STAGES
    from ghotona.places import find_places

    clock = time.perf_counter
    spent: dict[str, float] = defaultdict(float)
    n = 0
    t_start = clock()
    t_prev = t_start
    for art in items:
        t_read = clock()
        spent["read"] += t_read - t_prev
        n += 1
        if not isinstance(art, Article):
            t_prev = clock()
            continue
        res = Result(article=art)
        for stage in STAGES:
            t0 = clock()
            try:
                if stage.name == "mentions":
                    text, pub = res.article.text, res.article.published
                    d = find_dates_normalised(text, pub)
                    t1 = clock()
                    a = resolve_coreference(text, find_actors(text, when=pub))
                    t2 = clock()
                    p = find_places(text)
                    t3 = clock()
                    res.mentions = sorted([*d, *a, *p], key=lambda m: (m.start, m.end, m.kind))
                    spent["mentions.dates"] += t1 - t0
                    spent["mentions.actors"] += t2 - t1
                    spent["mentions.places"] += t3 - t2
                else:
                    stage.func(res, DEFAULT_SETTINGS)
            except ArticleRejected:
                spent[stage.name] += clock() - t0
                break
            spent[stage.name] += clock() - t0
        t_prev = clock()
    return n, dict(spent), clock() - t_start


def end_to_end(paths: list[Path]) -> tuple[int, int, int, float, float]:
    """(articles, events, failed, wall seconds, CPU seconds of this process)."""
    from ghotona.pipeline import process
    from ghotona.readers import read_inputs

    t0, c0 = time.perf_counter(), time.process_time()
    n = events = failed = 0
    for res in process(read_inputs(paths)):
        n += 1
        events += len(res.events)
        failed += res.failure is not None
    return n, events, failed, time.perf_counter() - t0, time.process_time() - c0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=50_000, help="articles per text run (corpus repeated)")
    ap.add_argument("--html-pages", type=int, default=400, help="HTML pages per HTML run (4 pages repeated)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--html", type=Path, default=HTML_DIR)
    ap.add_argument("--tmp", type=Path, default=Path("/tmp/ghotona-bench"))
    ap.add_argument("--staged-articles", type=int, default=10_000, help="articles for the per-stage pass")
    ap.add_argument("--skip-staged", action="store_true", help="only floor + end to end")
    args = ap.parse_args()
    args.tmp.mkdir(parents=True, exist_ok=True)
    out: dict[str, object] = {}

    big = repeated_jsonl(args.corpus, args.articles, args.tmp)
    print(f"corpus: {args.corpus} repeated to {args.articles} articles ({big.stat().st_size / 1e6:.0f} MB)")

    n, tokens, secs = floor(big)
    out["floor"] = {"articles": n, "tokens": tokens, "seconds": round(secs, 2), "articles_per_s": round(n / secs, 1)}
    print(f"floor (read + json + NFC + regex tokenize): {n / secs:,.0f} articles/s ({tokens / secs / 1e6:.2f} M tokens/s)")

    from ghotona.readers import read_inputs

    t0 = time.perf_counter()
    cold_n, _, _, cold_s, _ = end_to_end([args.corpus])
    out["first_pass"] = {"articles": cold_n, "seconds": round(cold_s, 2)}
    print(f"first pass (loads data, fills caches): {cold_n} articles in {cold_s:.1f} s")

    n, events, failed, secs, cpu = end_to_end([big])
    rate = n / secs
    out["text_end_to_end"] = {"articles": n, "events": events, "failed": failed, "seconds": round(secs, 2),
                              "articles_per_s": round(rate, 1), "cpu_seconds": round(cpu, 2),
                              "articles_per_cpu_s": round(n / cpu, 1)}
    floor_rate = out["floor"]["articles_per_s"]  # type: ignore[index]
    out["ratio_floor_over_ghotona"] = round(floor_rate / rate, 1)
    print(f"text end to end: {n} articles, {events} events, {failed} failed, {secs:.1f} s = {rate:.1f} articles/s "
          f"(floor is {floor_rate / rate:.1f}x faster); "
          f"{n / cpu:.1f} articles per CPU-second")

    if not args.skip_staged:
        sn, spent, secs = staged(itertools.islice(read_inputs([big]), args.staged_articles))
        stages = {k: {"seconds": round(v, 2), "articles_per_s": round(sn / v, 1) if v else None,
                      "share": round(v / secs, 3)} for k, v in spent.items()}
        out["stages"] = stages
        print(f"per stage over {sn} articles ({sn / secs:.1f} articles/s with timing):")
        for k, v in stages.items():
            print(f"  {k:18} {v['seconds']:8.2f} s  {v['articles_per_s'] or 0:10,.0f} articles/s  {v['share']:6.1%}")

    pages = sorted(p for p in args.html.glob("*.html"))
    html_items = [pages[i % len(pages)] for i in range(args.html_pages)]
    n, events, failed, secs, cpu = end_to_end(html_items)
    out["html_end_to_end"] = {"pages": n, "distinct_pages": len(pages), "events": events, "failed": failed,
                              "seconds": round(secs, 2), "articles_per_s": round(n / secs, 1),
                              "cpu_seconds": round(cpu, 2), "articles_per_cpu_s": round(n / cpu, 1)}
    print(f"HTML end to end: {n} pages ({len(pages)} distinct), {events} events, {secs:.1f} s = {n / secs:.1f} "
          f"articles/s; {n / cpu:.1f} per CPU-second")

    out["peak_rss_mb"] = round(peak_rss_mb(), 1)
    print(f"peak RSS: {out['peak_rss_mb']} MB")
    print(json.dumps(out))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
