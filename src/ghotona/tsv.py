"""The one reader of ghotona's packaged data files (gazetteers, lexicons, tables).

Every data file is UTF-8 text: lines starting with ``#`` and blank lines are comments, the
first other line is the header and must name exactly the expected columns, and each row has
exactly that many tab-separated cells. A malformed file raises an error whose message
starts with ``file:line`` so a contributor can find the row.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from ghotona.errors import DataFileError

__all__ = ["rows", "read", "packaged"]


def rows(text: str, columns: tuple[str, ...], source: str,
         error: type[Exception] = DataFileError) -> Iterator[tuple[str, dict[str, str]]]:
    """Rows of TSV ``text`` as ``(where, row)``; ``where`` is ``source:line``, cells are stripped.

    Raises ``error`` (a :class:`DataFileError` unless told otherwise) on a missing or wrong
    header or a row with the wrong number of cells.
    """
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{source}:{lineno}"
        cells = line.split("\t")
        if not header_seen:
            if tuple(c.strip() for c in cells) != columns:
                raise error(f"{where}: header must be {columns!r}, got {tuple(cells)!r}")
            header_seen = True
            continue
        if len(cells) != len(columns):
            raise error(f"{where}: expected {len(columns)} tab-separated columns, got {len(cells)}")
        yield where, {c: v.strip() for c, v in zip(columns, cells)}
    if not header_seen:
        raise error(f"{source}: no header row")


def read(path: Path | Traversable, columns: tuple[str, ...],
         error: type[Exception] = DataFileError) -> Iterator[tuple[str, dict[str, str]]]:
    """:func:`rows` of the file at ``path``."""
    return rows(path.read_text(encoding="utf-8"), columns, path.name, error)


def packaged(relative: str, columns: tuple[str, ...]) -> Iterator[tuple[str, dict[str, str]]]:
    """:func:`rows` of a data file shipped in the package, e.g. ``"export/iso3_fips.tsv"``."""
    return read(resources.files("ghotona").joinpath("data", *relative.split("/")), columns)
