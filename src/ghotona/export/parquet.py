"""Parquet export: the flat columns of ``export.flat`` under an explicit Arrow schema.

Rows are written in row groups of ``ROW_GROUP`` events as they stream in, so memory is
bounded by one row group. Column types: strings, ``int8`` quad_class, ``int32`` evidence
offsets, ``float64`` Goldstein/coordinates/confidence, ``bool`` symmetric and ``date32``
date_start; the schema carries ``ghotona.schema = events-flat-1`` in its metadata.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ghotona.export.common import ExportContext, chunked
from ghotona.export.flat import COLUMNS, SCHEMA
from ghotona.model import Event

ROW_GROUP = 16384


def _batch(evs: list[Event]) -> pa.RecordBatch:
    arrays = [pa.array([c.get(e) for e in evs], type=c.type) for c in COLUMNS]
    return pa.RecordBatch.from_arrays(arrays, schema=SCHEMA)


def write(evs: Iterable[Event], path: Path, _ctx: ExportContext) -> int:
    """Write ``evs`` to ``path`` (zstd-compressed Parquet); return the number of rows."""
    n = 0
    with pq.ParquetWriter(path, SCHEMA, compression="zstd") as writer:
        for chunk in chunked(evs, ROW_GROUP):
            writer.write_batch(_batch(chunk))
            n += len(chunk)
    return n
