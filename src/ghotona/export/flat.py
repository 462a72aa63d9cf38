"""The contract record flattened to one typed row: the columns of the CSV and Parquet exports.

Nested objects become prefixed columns (``source.code`` → ``source_code``,
``evidence.start`` → ``evidence_start``); a missing actor or location leaves all of its
columns null. ``date_start`` is added: the first day the event's date stands for (the
``--since``/``--until`` filters use it), typed as a date so range queries need no parsing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from ghotona.model import Actor, Event
from ghotona.store import date_start


@dataclass(frozen=True, slots=True)
class Column:
    """One flat column: its name, its Arrow type, and how to read it from an event."""

    name: str
    type: pa.DataType
    get: Callable[[Event], Any]
    nullable: bool = True


def _actor(role: str, field: str) -> Callable[[Event], Any]:
    def get(ev: Event) -> Any:
        actor: Actor | None = getattr(ev, role)
        return None if actor is None else getattr(actor, field)
    return get


def _place(field: str) -> Callable[[Event], Any]:
    def get(ev: Event) -> Any:
        return None if ev.location is None else getattr(ev.location, field)
    return get


_STR, _F64 = pa.string(), pa.float64()

COLUMNS: tuple[Column, ...] = (
    Column("event_id", _STR, lambda e: e.event_id, False),
    Column("article_id", _STR, lambda e: e.article_id, False),
    Column("event_type", _STR, lambda e: e.event_type, False),
    Column("mode", _STR, lambda e: e.mode),
    Column("cameo", _STR, lambda e: e.cameo),
    Column("goldstein", _F64, lambda e: e.goldstein),
    Column("quad_class", pa.int8(), lambda e: e.quad_class),
    *(Column(f"{role}_{field}", _STR, _actor(role, field))
      for role in ("source", "target") for field in ("code", "name", "sector", "text")),
    Column("symmetric", pa.bool_(), lambda e: e.symmetric, False),
    Column("date", _STR, lambda e: e.date),
    Column("date_precision", _STR, lambda e: e.date_precision, False),
    Column("date_start", pa.date32(), lambda e: date_start(e.date, e.date_precision)),
    Column("date_text", _STR, lambda e: e.date_text),
    *(Column(f"location_{field}", _F64 if field in ("lat", "lon") else _STR, _place(field))
      for field in ("name", "code", "lat", "lon", "text")),
    Column("status", _STR, lambda e: e.status, False),
    Column("attributed_to", _STR, lambda e: e.attributed_to),
    Column("evidence_sentence", _STR, lambda e: e.evidence.sentence, False),
    Column("evidence_start", pa.int32(), lambda e: e.evidence.start, False),
    Column("evidence_end", pa.int32(), lambda e: e.evidence.end, False),
    Column("confidence", _F64, lambda e: e.confidence, False),
    Column("story", _STR, lambda e: e.story),
)

NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)

SCHEMA = pa.schema([pa.field(c.name, c.type, nullable=c.nullable) for c in COLUMNS],
                   metadata={b"ghotona.schema": b"events-flat-1"})
"""The explicit Parquet schema of the flat export."""


def flat_row(ev: Event) -> list[Any]:
    """The values of ``ev`` in ``COLUMNS`` order."""
    return [c.get(ev) for c in COLUMNS]
