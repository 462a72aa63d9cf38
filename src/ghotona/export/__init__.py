"""Exports: stored events out as JSONL, CSV, Parquet, GDELT 2.0 (events, mentions) or PLOVER.

Every format streams from ``Store.iter_events`` (never loading all events) and accepts the
same ``EventFilter``. ``export(db, fmt, path, flt)`` is the one entry point; each format's
module documents its columns and the choices behind them. ``write_report`` renders the
HTML actor report (``export.report``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from ghotona.errors import ConfigError
from ghotona.export import csv, gdelt, gdelt_mentions, jsonl, parquet, plover
from ghotona.export.common import ExportContext, progress
from ghotona.export.report import write_report
from ghotona.model import Event
from ghotona.store import EventFilter, Store

LOGGER = logging.getLogger(__name__)

__all__ = ["FORMATS", "export", "write_report"]

Writer = Callable[[Iterable[Event], Path, ExportContext], int]

FORMATS: dict[str, Writer] = {
    "jsonl": jsonl.write,
    "csv": csv.write,
    "parquet": parquet.write,
    "gdelt": gdelt.write,
    "gdelt-mentions": gdelt_mentions.write,
    "plover": plover.write,
}
"""Format name → writer(events, path, context) -> rows written."""


def export(db: str | Path, fmt: str, path: str | Path, flt: EventFilter | None = None, *,
           include_undated: bool = False, show_progress: bool = True) -> int:
    """Write the events of ``db`` matching ``flt`` to ``path`` in format ``fmt``.

    Returns the number of rows (records) written. ``include_undated`` only changes the
    GDELT formats (see ``export.gdelt``). Raises ``ConfigError`` for an unknown format,
    ``StoreError`` when the database cannot be opened, ``OSError`` when ``path`` cannot be
    written.
    """
    writer = FORMATS.get(fmt)
    if writer is None:
        raise ConfigError(f"unknown export format {fmt!r}, expected one of {', '.join(FORMATS)}")
    out = Path(path)
    with Store(db) as store:
        ctx = ExportContext(store.engine, include_undated=include_undated)
        evs = progress(store.iter_events(flt), f"export {fmt}", show_progress)
        n = writer(evs, out, ctx)
    LOGGER.info("exported %d %s rows to %s", n, fmt, out)
    return n
