"""The per-actor summary tables (migration 005), kept consistent with the events table.

Every change of ``events`` goes through a ``SummaryDelta`` in the same transaction: events
added count +1 and events removed -1 (``remove`` deletes them with RETURNING, so exactly the
rows deleted are subtracted), then ``apply`` adds the net change of each key to its summary
row (an upsert), in key order, and deletes the rows whose count fell to zero. Sorted keys
mean concurrent PostgreSQL writers lock summary rows in one order and cannot deadlock on
them. ``rebuild`` recomputes both tables from the events (the migration's backfill, and
bulk loaders that insert events directly).

What is counted follows ``ghotona.store.aggregates``: an event counts for its source code
and for its target code when the source differs or is missing (``n_source`` counts the first);
an event with two different codes counts for each as the other's partner.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import sqlite

from ghotona.errors import StoreError
from ghotona.store.schema import UNDATED, actor_day, actor_partner_month, events

LOGGER = logging.getLogger(__name__)

__all__ = ["GOLDSTEIN_UNIT", "SummaryDelta", "compute", "goldstein_units", "rebuild", "stored"]

GOLDSTEIN_UNIT = 1_000_000   # Goldstein sums are integers in millionths (scores have one decimal)
_COLUMNS = (events.c.source_code, events.c.target_code, events.c.date_start, events.c.date_precision,
            events.c.goldstein, events.c.quad_class)
_DAY_KEYS = ("code", "day", "date_precision")
_DAY_VALUES = ("n", "n_source", "g_sum", "g_n", "q1", "q2", "q3", "q4")
_PAIR_KEYS = ("code", "partner", "month")
_PAIR_VALUES = ("n", "g_sum", "g_n")
_TABLES = ((actor_day, _DAY_KEYS, _DAY_VALUES), (actor_partner_month, _PAIR_KEYS, _PAIR_VALUES))
_CHUNK = 5000


def goldstein_units(goldstein: float | None) -> int:
    """A Goldstein score in millionths (exact for any score with up to six decimals)."""
    return 0 if goldstein is None else round(goldstein * GOLDSTEIN_UNIT)


class SummaryDelta:
    """Net changes of the summary rows, per key, for one transaction."""

    __slots__ = ("days", "pairs")

    def __init__(self) -> None:
        self.days: dict[tuple[Any, ...], list[int]] = {}
        self.pairs: dict[tuple[Any, ...], list[int]] = {}

    def add(self, source: str | None, target: str | None, start: dt.date | None, precision: str,
            goldstein: float | None, quad_class: int | None, weight: int = 1) -> None:
        """Count one event (``weight`` +1) or take one back (-1)."""
        g_sum, g_n = (0, 0) if goldstein is None else (goldstein_units(goldstein) * weight, weight)
        day = UNDATED if start is None else start
        if source is not None:
            self._day((source, day, precision), weight, weight, g_sum, g_n, quad_class)
        if target is not None and target != source:
            self._day((target, day, precision), weight, 0, g_sum, g_n, quad_class)
            if source is not None:
                month = UNDATED if start is None else start.replace(day=1)
                for key in ((source, target, month), (target, source, month)):
                    v = self.pairs.get(key) or self.pairs.setdefault(key, [0, 0, 0])
                    v[0] += weight
                    v[1] += g_sum
                    v[2] += g_n

    def _day(self, key: tuple[Any, ...], n: int, n_source: int, g_sum: int, g_n: int,
             quad_class: int | None) -> None:
        v = self.days.get(key) or self.days.setdefault(key, [0, 0, 0, 0, 0, 0, 0, 0])
        v[0] += n
        v[1] += n_source
        v[2] += g_sum
        v[3] += g_n
        if quad_class in (1, 2, 3, 4):
            v[3 + quad_class] += n  # type: ignore[operator]

    def add_rows(self, rows: Iterable[Mapping[str, Any]], weight: int = 1) -> None:
        """Count events-table rows (dicts or mappings with the events columns)."""
        for r in rows:
            self.add(r["source_code"], r["target_code"], r["date_start"], r["date_precision"], r["goldstein"],
                     r["quad_class"], weight)

    def remove(self, conn: sa.Connection, where: sa.ColumnElement[bool]) -> int:
        """Delete the events matching ``where`` and take them back; return how many."""
        n = 0
        for row in conn.execute(events.delete().where(where).returning(*_COLUMNS)):
            self.add(*row, weight=-1)
            n += 1
        return n

    def apply(self, conn: sa.Connection) -> None:
        """Write the net changes to the summary tables (in ``conn``'s transaction) and reset."""
        dialect = conn.dialect.name
        if dialect not in ("postgresql", "sqlite"):
            raise StoreError(f"the actor summaries support SQLite and PostgreSQL, not {dialect}")
        for (table, keys, values), deltas in zip(_TABLES, (self.days, self.pairs), strict=True):
            changed = sorted((k, v) for k, v in deltas.items() if any(v))
            if not changed:
                continue
            if dialect == "postgresql":   # one statement: a round trip per row costs more
                columns = list(zip(*((*k, *v) for k, v in changed), strict=True))
                conn.exec_driver_sql(_pg_upsert(table, keys, values),
                                     {f"p{i}": list(col) for i, col in enumerate(columns)})
            else:
                rows = [dict(zip(keys + values, (*k, *v), strict=True)) for k, v in changed]
                for i in range(0, len(rows), _CHUNK):
                    conn.execute(_sqlite_upsert(table, keys, values), rows[i:i + _CHUNK])
            gone = [{f"k_{c}": x for c, x in zip(keys, k, strict=True)} for k, v in changed if v[0] < 0]
            if gone:
                conn.execute(table.delete().where(*(table.c[c] == sa.bindparam(f"k_{c}") for c in keys),
                                                  table.c.n == 0), gone)
        self.days.clear()
        self.pairs.clear()


def _pg_upsert(table: sa.Table, keys: tuple[str, ...], values: tuple[str, ...]) -> str:
    """INSERT … SELECT FROM unnest(one array per column) ON CONFLICT … DO UPDATE, the rows
    in the arrays' order. Identifiers come from the schema; every value is a parameter."""
    def sql_type(c: str) -> str:
        t = table.c[c].type
        return "text" if isinstance(t, sa.String) else "date" if isinstance(t, sa.Date) else "bigint"

    columns = keys + values
    arrays = ", ".join(f"%(p{i})s::{sql_type(c)}[]" for i, c in enumerate(columns))
    update = ", ".join(f'"{c}" = {table.name}."{c}" + EXCLUDED."{c}"' for c in values)
    return (f"INSERT INTO {table.name} ({', '.join(_quoted(columns))}) SELECT * FROM unnest({arrays}) "
            f"ON CONFLICT ({', '.join(_quoted(keys))}) DO UPDATE SET {update}")


def _quoted(columns: tuple[str, ...]) -> list[str]:
    return [f'"{c}"' for c in columns]


def _sqlite_upsert(table: sa.Table, keys: tuple[str, ...], values: tuple[str, ...]) -> Any:
    ins = sqlite.insert(table)
    return ins.on_conflict_do_update(index_elements=list(keys),
                                     set_={c: table.c[c] + ins.excluded[c] for c in values})


def compute(conn: sa.Connection) -> SummaryDelta:
    """The summary rows as the events table implies them (in memory)."""
    delta = SummaryDelta()
    result = conn.execute(sa.select(*_COLUMNS).execution_options(yield_per=20_000))  # streamed
    for part in result.partitions():
        for row in part:
            delta.add(*row)
    return delta


def rebuild(conn: sa.Connection) -> None:
    """Recompute both summary tables from the events (in ``conn``'s transaction)."""
    delta = compute(conn)
    days, pairs = len(delta.days), len(delta.pairs)
    for table, _, _ in _TABLES:
        conn.execute(table.delete())
    delta.apply(conn)   # into empty tables: every row an insert
    LOGGER.info("actor summaries rebuilt: %d day rows, %d partner rows", days, pairs)


def stored(conn: sa.Connection) -> SummaryDelta:
    """The summary rows as stored (same shape as ``compute``: to check them against it)."""
    out = SummaryDelta()
    for (table, keys, values), target in zip(_TABLES, (out.days, out.pairs), strict=True):
        for row in conn.execute(sa.select(table)).mappings():
            target[tuple(row[c] for c in keys)] = [row[c] for c in values]
    return out
