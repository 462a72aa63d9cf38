"""The shared reader of packaged TSV data files (ghotona.tsv)."""

from __future__ import annotations

from importlib import resources

import pytest

from ghotona import tsv
from ghotona.actors.gazetteer import GazetteerError
from ghotona.errors import DataFileError

DATA = resources.files("ghotona") / "data"
PACKAGED = sorted(f"{d.name}/{f.name}" for d in DATA.iterdir() if d.is_dir()
                  for f in d.iterdir() if f.name.endswith(".tsv"))


def test_rows_skip_comments_and_blank_lines_and_strip_cells() -> None:
    text = "# a comment\n\nkey\tname\n  # indented comment\n a \t b\n"
    assert list(tsv.rows(text, ("key", "name"), "t.tsv")) == [("t.tsv:5", {"key": "a", "name": "b"})]


@pytest.mark.parametrize(("text", "message"), [
    ("", r"t\.tsv: no header row"),
    ("# only a comment\n", r"t\.tsv: no header row"),
    ("name\tkey\na\tb\n", r"t\.tsv:1: header must be"),
    ("key\tname\na\n", r"t\.tsv:2: expected 2 tab-separated columns, got 1"),
    ("key\tname\na\tb\tc\n", r"t\.tsv:2: expected 2 tab-separated columns, got 3"),
])
def test_malformed_text_names_file_and_line(text: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        list(tsv.rows(text, ("key", "name"), "t.tsv"))


def test_the_error_class_can_be_chosen() -> None:
    with pytest.raises(GazetteerError, match="t.tsv:1"):
        list(tsv.rows("x\n", ("key",), "t.tsv", GazetteerError))


def test_there_are_packaged_tables() -> None:
    assert {"events/lexicon.tsv", "gazetteer/people.tsv", "lang/bijoy.tsv", "export/iso3_fips.tsv"} <= set(PACKAGED)


@pytest.mark.parametrize("relative", PACKAGED)
def test_every_packaged_table_reads_under_its_own_header(relative: str) -> None:
    """Each shipped table has a header and no row with a missing or extra cell."""
    text = (DATA / relative).read_text(encoding="utf-8")
    header = next(line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))
    columns = tuple(header.split("\t"))
    rows = list(tsv.packaged(relative, columns))
    assert rows, relative
    assert all(set(row) == set(columns) for _, row in rows)
