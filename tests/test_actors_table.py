"""A table of ≥ 200 real, inflected actor mentions from the development half of the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from ghotona.actors import find_actors

DATA = Path(__file__).parent / "data" / "inflected_mentions.tsv"


def _rows() -> list[tuple[str, str | None, str]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith(("#", "mention\t")):
            continue
        mention, code, name = line.split("\t")
        rows.append((mention, None if code == "-" else code, name))
    return rows


ROWS = _rows()


def test_the_table_has_at_least_two_hundred_distinct_mentions() -> None:
    assert len(ROWS) >= 200
    assert len({r[0] for r in ROWS}) == len(ROWS)
    assert sum(1 for r in ROWS if r[0] != r[0].rstrip("রেকয়ওইস")) >= 100  # most are inflected


@pytest.mark.parametrize("mention,code,name", ROWS, ids=[r[0] for r in ROWS])
def test_inflected_mention(mention: str, code: str | None, name: str) -> None:
    found = find_actors(mention)
    assert [(m.text, m.actor.code, m.actor.name) for m in found if m.actor] == [(mention, code, name)]
