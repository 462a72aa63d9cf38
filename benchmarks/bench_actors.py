"""Actor and place recognition benchmark (not a unit test).

Reads the development half of the corpus (articles whose ``sha1(id)`` starts with 0-7; the
other half is never opened), repeats it until at least ``--mb`` megabytes of text, and reports
single-core throughput of

* ``find_actors`` (with the article date: role resolution, fuzzy linking),
* ``resolve_coreference`` on top of it,
* ``find_places``;

the first pass is reported separately (it builds the automata and the linker and fills the
caches), then the steady state. Finally it reports linking precision and recall on the
held-aside list ``tests/data/person_links.tsv``.

    .venv/bin/python benchmarks/bench_actors.py --mb 20
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "bn_news.jsonl"


def dev_half(path: Path) -> list[tuple[str, dt.date | None]]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if hashlib.sha1(rec["id"].encode()).hexdigest()[0] in "01234567":
                pub = rec.get("published")
                out.append((rec["text"], dt.date.fromisoformat(pub) if pub else None))
    return out


def links() -> tuple[int, int, int, int]:
    from ghotona.actors.fuzzy import linker
    lk = linker()
    rows = n = made = correct = known = 0
    for line in (ROOT / "tests" / "data" / "person_links.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith(("#", "name\t")):
            continue
        name, context, identity, _ = line.split("\t")
        rows += 1
        hit = lk.link(name, None if context == "-" else context)
        known += identity != "-"
        if hit is not None:
            made += 1
            correct += hit.candidate.name == identity
    n = rows
    return n, made, correct, known


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=20.0, help="megabytes of text to process (repeats the dev half)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()

    from ghotona.actors import find_actors, resolve_coreference
    from ghotona.places import find_places

    docs = dev_half(args.corpus)
    one = sum(len(t.encode("utf-8")) for t, _ in docs)
    reps = max(1, int(-(-args.mb * 1e6 // one)))
    print(f"dev half: {len(docs)} articles, {one / 1e6:.2f} MB; {reps} passes = {reps * one / 1e6:.1f} MB")

    t0 = time.perf_counter()
    by: Counter[str] = Counter()
    for text, when in docs:
        for m in find_actors(text, when):
            by[m.resolved_by] += 1
    cold = time.perf_counter() - t0
    print(f"find_actors first pass (builds automata, linker, caches): {one / cold / 1e6:.2f} MB/s")

    t0 = time.perf_counter()
    for _ in range(reps):
        for text, when in docs:
            find_actors(text, when)
    warm = time.perf_counter() - t0
    print(f"find_actors: {reps * one / warm / 1e6:.2f} MB/s over {reps * one / 1e6:.1f} MB")

    t0 = time.perf_counter()
    added = 0
    for text, when in docs:
        ms = find_actors(text, when)
        added += len(resolve_coreference(text, ms)) - len(ms)
    both = time.perf_counter() - t0
    print(f"find_actors + resolve_coreference: {one / both / 1e6:.2f} MB/s ({added} coref mentions added)")

    find_places("ঢাকা")
    t0 = time.perf_counter()
    for _ in range(reps):
        for text, _when in docs:
            find_places(text)
    places = time.perf_counter() - t0
    print(f"find_places: {reps * one / places / 1e6:.2f} MB/s over {reps * one / 1e6:.1f} MB")

    total = sum(by.values())
    print(f"actor mentions per pass: {total} ({', '.join(f'{k} {v}' for k, v in by.most_common())})")

    n, made, correct, known = links()
    p = correct / made if made else 1.0
    r = correct / known if known else 0.0
    print(f"linking on {n} held-aside names ({known} with a known identity): {made} links, {correct} right: "
          f"precision {p:.2f}, recall {r:.2f}")


if __name__ == "__main__":
    main()
