"""Print the README's "largest stories" report: the development half of the corpus ingested
into a fresh SQLite file, then its stories with two or more mentions, largest first.

    .venv/bin/python benchmarks/stories_report.py > /tmp/stories.md

Only articles whose sha1(id) starts with 0-7 are read (the held-out half is never touched).
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from pathlib import Path

from ghotona.jobs import ingest
from ghotona.store import Store
from ghotona.store.stories import StoryRow, list_stories

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "bn_news.jsonl"
TOP, TOP_BETWEEN_STATES = 10, 6


def dev_half(src: Path, dst: Path) -> int:
    n = 0
    with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
        for line in f:
            row = json.loads(line)
            if hashlib.sha1(str(row["id"]).encode("utf-8")).hexdigest()[0] in "01234567":
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
    return n


def row(r: StoryRow) -> str:
    date = f"{r.date} ({r.date_precision})" if r.date else "undated"
    actors = f"{r.source} {'↔' if r.symmetric else '→'} {r.target}"
    reported = f"{r.first_report} … {r.last_report}" if r.first_report else "—"
    outlets = ", ".join(sorted({*r.outlets, *r.copy_outlets})) or "—"
    return (f"| {date} | {r.event_type} | {actors} | {r.n_mentions} ({r.n_articles}) | {reported} | {outlets} "
            f"| {r.status_summary} |")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        articles, db = Path(tmp) / "dev.jsonl", Path(tmp) / "corpus.db"
        n = dev_half(CORPUS, articles)
        stats = ingest([articles], db)
        with Store(str(db)) as store:
            rows = list_stories(store, min_mentions=2)
    rows.sort(key=lambda r: (-r.n_mentions, -r.n_articles, r.date or ""))
    head = "| date | type | actors | mentions (articles) | reported | outlets | status |\n|---|---|---|---|---|---|---|"
    print(f"{n} development-half articles read, {stats.articles_new} stored ({stats.duplicates} near-duplicates "
          f"skipped), {stats.events} events; {len(rows)} stories with two or more mentions.\n")
    print(head)
    for r in rows[:TOP]:
        print(row(r))
    between = [r for r in rows if "—" not in (r.source, r.target)
               and r.source.split()[0] != r.target.split()[0]]
    print("\nThe largest stories between two states:\n")
    print(head)
    for r in between[:TOP_BETWEEN_STATES]:
        print(row(r))


if __name__ == "__main__":
    sys.exit(main())
