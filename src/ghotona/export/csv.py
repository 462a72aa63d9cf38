"""CSV export: the contract record flattened (``export.flat.COLUMNS``), with a header row.

RFC 4180 quoting (fields with commas, quotes or line breaks are quoted), UTF-8, ``\\n``
line ends. Types are fixed per column: text, integers (``quad_class``,
``evidence_start``/``evidence_end``), floats (``goldstein``, ``location_lat``/``lon``,
``confidence``), ``symmetric`` as ``true``/``false`` and ``date_start`` as YYYY-MM-DD.
A null is an empty field, so CSV cannot tell an empty actor text from a missing one; use
JSONL or Parquet when that matters.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from ghotona.export.common import ExportContext
from ghotona.export.flat import NAMES, flat_row
from ghotona.model import Event


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def write(evs: Iterable[Event], path: Path, _ctx: ExportContext) -> int:
    """Write ``evs`` to ``path`` as CSV with a header; return the number of data rows."""
    n = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(NAMES)
        for ev in evs:
            writer.writerow([_cell(v) for v in flat_row(ev)])
            n += 1
    return n
