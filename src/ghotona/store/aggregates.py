"""Grouped read queries: actors with counts, actor timelines, dyads and the actor network.

Split from ``ghotona.store.queries`` (events, articles, stories, cursors) to keep modules
small; the same rules hold: SQLAlchemy Core, bound parameters only, JSON-ready dicts,
``InputError`` for bad input and ``NotFound`` for unknown actors.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from ghotona.errors import InputError
from ghotona.store import Store
from ghotona.store.queries import (DEFAULT_LIMIT, MAX_LIMIT, Cond, EventQuery, NotFound, Page,
                                   _check_limit, _check_range, _conditions, _encode, _iso,
                                   _known_code, _offset, check_text)
from ghotona.store.schema import UNDATED, actor_day, actor_partner_month, actors, events
from ghotona.store.summary import GOLDSTEIN_UNIT, goldstein_units

LOGGER = logging.getLogger(__name__)

__all__ = ["INTERVALS", "actor_label", "dyad", "list_actors", "network", "timeline"]

INTERVALS: tuple[str, ...] = ("day", "week", "month")
# Which date precisions are fine enough to be counted in a bucket of each interval.
_FINE_ENOUGH = {"day": ("day",), "week": ("day", "week"), "month": ("day", "week", "month")}
_BLOCS = {"UN": "United Nations", "NATO": "NATO", "EU": "European Union", "WEST": "the West"}


@functools.lru_cache(maxsize=512)
def actor_label(code: str | None) -> str | None:
    """A readable English name for an actor code (the country for ISO alpha-3)."""
    if not code:
        return None
    if code in _BLOCS:
        return _BLOCS[code]
    import pycountry  # imported lazily: only labels need it

    country = pycountry.countries.get(alpha_3=code)
    return getattr(country, "common_name", None) or getattr(country, "name", None) or code


def _dates(since: dt.date | None, until: dt.date | None) -> list[Cond]:
    _check_range(since, until)
    out = []
    if since:
        out.append(events.c.date_start >= since)
    if until:
        out.append(events.c.date_start <= until)
    return out


def _matching_codes(conn: sa.Connection, q: str) -> list[str]:
    """Codes equal to ``q`` or with a stored name containing it (the actors table is small)."""
    text = q.strip()
    sel = (sa.select(actors.c.code).distinct()
           .where(actors.c.code.is_not(None),
                  sa.or_(actors.c.code == text.upper(), actors.c.name.icontains(text, autoescape=True))))
    return [code for (code,) in conn.execute(sel)]


def list_actors(store: Store, *, q: str | None = None, since: dt.date | None = None,
                until: dt.date | None = None, cursor: str | None = None, limit: int = DEFAULT_LIMIT) -> Page:
    """Coded actors with their event counts (most active first), optionally name-filtered.

    An event counts once per actor: as source, or as target when the source differs. Read
    from the per-actor day summaries (``actor_day``), so the cost follows the number of
    actor-days, not of events.
    """
    limit, offset = _check_limit(limit), _offset(cursor)
    check_text(q, "q")
    _check_range(since, until)
    c = actor_day.c
    # a date range leaves the undated out (precision none: the only rows under UNDATED)
    conds = [*([c.date_precision != "none"] if since or until else []), *([c.day >= since] if since else []),
             *([c.day <= until] if until else [])]
    totals: dict[str, _Bucket] = {}
    with store.engine.connect() as conn:
        if q and q.strip():
            conds.append(c.code.in_(_matching_codes(conn, q)))
        sums = (sa.func.sum(c[k]) for k in ("n", "n_source", "g_sum", "g_n", "q1", "q2", "q3", "q4"))
        for code, n, n_source, *stats in conn.execute(sa.select(c.code, *sums).where(*conds).group_by(c.code)):
            b = totals[code] = _Bucket(n_as_source=int(n_source), unit=GOLDSTEIN_UNIT)
            b.add(n, *stats)
        ranked = sorted(totals.items(), key=lambda kv: (-kv[1].n, kv[0]))
        page = ranked[offset:offset + limit]
        names = _names(conn, [code for code, _ in page])
    items = []
    for code, b in page:
        summary = b.to_dict()
        items.append({"code": code, "label": actor_label(code), "names": names.get(code, []),
                      "n_events": summary.pop("n"), "n_as_target": b.n - b.n_as_source, **summary})
    more = len(ranked) > offset + limit
    return Page(items, _encode(["o", offset + limit]) if more else None, limit)


def _names(conn: sa.Connection, codes: list[str], per_code: int = 3) -> dict[str, list[str]]:
    """The names stored for each code (alphabetical, at most ``per_code``)."""
    out: dict[str, list[str]] = {}
    if codes:
        sel = (sa.select(actors.c.code, actors.c.name).where(actors.c.code.in_(codes), actors.c.name.is_not(None))
               .distinct().order_by(actors.c.code, actors.c.name))
        for code, name in conn.execute(sel):
            out.setdefault(code, []).append(name)
    return {k: v[:per_code] for k, v in out.items()}


def _period(day: str, interval: str) -> str:
    """The first day (YYYY-MM-DD) of the day/week (Monday)/month that holds ``day``."""
    if interval == "month":
        return day[:7] + "-01"
    if interval == "week":
        d = dt.date.fromisoformat(day)
        return (d - dt.timedelta(days=d.weekday())).isoformat()
    return day


def _check_interval(interval: str) -> tuple[str, ...]:
    if interval not in INTERVALS:
        raise InputError(f"interval must be one of {', '.join(INTERVALS)}, got {interval!r}")
    return _FINE_ENOUGH[interval]


@dataclass(slots=True)
class _Bucket:
    """Running totals of one period (or one direction of a dyad)."""

    n: int = 0
    n_as_source: int = 0
    g_sum: float = 0.0
    g_n: int = 0
    quads: list[int] = field(default_factory=lambda: [0, 0, 0, 0, 0])
    unit: int = 1   # what one Goldstein point is in g_sum (summary rows: GOLDSTEIN_UNIT)

    def add(self, n: int, g_sum: float | None, g_n: int | None, *quads: int | None, as_source: bool = False) -> None:
        """Add one result row: count, Goldstein sum and count, then QuadClass 1-4 counts."""
        self.n += n
        self.n_as_source += n if as_source else 0
        self.g_sum += float(g_sum or 0.0)
        self.g_n += int(g_n or 0)
        for q, k in enumerate(quads, 1):
            self.quads[q] += int(k or 0)

    @property
    def mean(self) -> float | None:
        return round(self.g_sum / (self.unit * self.g_n), 2) if self.g_n else None

    def to_dict(self) -> dict[str, Any]:
        q = self.quads
        return {"n": self.n, "n_as_source": self.n_as_source, "mean_goldstein": self.mean,
                "cooperation": q[1] + q[2], "conflict": q[3] + q[4], "verbal_cooperation": q[1],
                "material_cooperation": q[2], "verbal_conflict": q[3], "material_conflict": q[4]}


def _stats(c: Any) -> list[Any]:
    """count, Goldstein sum and count, QuadClass 1-4 counts (the order ``_Bucket.add`` takes)."""
    return [sa.func.count(), sa.func.sum(c.goldstein), sa.func.count(c.goldstein),
            *(sa.func.count().filter(c.quad_class == q) for q in (1, 2, 3, 4))]


def _require_code(conn: sa.Connection, code: str) -> str:
    check_text(code, "actor code", 12)
    code = code.strip().upper()
    if not code or len(code) > 12 or not _known_code(conn, code):
        raise NotFound(f"no actor with code {code[:20]!r}")
    return code


def timeline(store: Store, code: str, *, interval: str = "month", since: dt.date | None = None,
             until: dt.date | None = None, partners: int = 10) -> dict[str, Any]:
    """Events per period for one actor (either side): counts, mean Goldstein, QuadClass split.

    Only events dated at least as precisely as ``interval`` are counted; ``n_excluded``
    says how many were left out (undated or coarser). Read from the per-actor summaries
    (``ghotona.store.summary``: a row per day and date precision, rolled up to periods by
    the database), so a whole history costs a few thousand rows, never the actor's events.
    Goldstein sums are exact (integer millionths): a mean is the exact mean rounded.
    """
    fine, c = _check_interval(interval), actor_day.c
    _check_range(since, until)
    # a date range leaves the undated out (precision none: the only rows under UNDATED)
    dates = [*([c.date_precision != "none"] if since or until else []), *([c.day >= since] if since else []),
             *([c.day <= until] if until else [])]
    buckets: dict[str, _Bucket] = {}
    with store.engine.connect() as conn:
        code = _require_code(conn, code)
        total = conn.execute(sa.select(sa.func.sum(c.n)).where(c.code == code, *dates)).scalar_one()
        period = _period_sql(conn.dialect.name, interval)
        sums = (sa.func.sum(c[k]) for k in ("n", "n_source", "g_sum", "g_n", "q1", "q2", "q3", "q4"))
        sel = (sa.select(period, *sums)
               .where(c.code == code, c.date_precision.in_(fine), *dates).group_by(period))
        for day, n, n_source, *stats in conn.execute(sel):
            b = buckets[day] = _Bucket(n_as_source=int(n_source), unit=GOLDSTEIN_UNIT)
            b.add(n, *stats)
        top = _partners(conn, code, since, until, partners)
        names = _names(conn, [code]).get(code, [])
    rows = [{"period": day, **b.to_dict()} for day, b in sorted(buckets.items())]
    n_events = sum(b.n for b in buckets.values())
    return {"code": code, "label": actor_label(code), "names": names, "interval": interval,
            "since": _iso(since), "until": _iso(until), "buckets": rows, "n_events": n_events,
            "n_excluded": int(total or 0) - n_events, "partners": top}


def _period_sql(dialect: str, interval: str) -> Any:
    """The first day (YYYY-MM-DD text) of the day/week (Monday)/month of ``actor_day.day``,
    computed by the database so a whole history is rolled up before it reaches Python."""
    day = actor_day.c.day
    if dialect == "postgresql":
        # as a timestamp without time zone, so the session's zone plays no part
        start = sa.cast(day, sa.DateTime())
        if interval != "day":
            start = sa.func.date_trunc(interval, start)
        return sa.func.to_char(start, "YYYY-MM-DD").label("period")
    # SQLite keeps a date as YYYY-MM-DD text (a day groups in index order, with no sort);
    # 'weekday 0' moves to the Sunday that ends the week
    if interval == "day":
        return sa.type_coerce(day, sa.String).label("period")
    modifiers = ("weekday 0", "-6 days") if interval == "week" else ("start of month",)
    return sa.func.date(day, *modifiers, type_=sa.String).label("period")


def _month_end(day: dt.date) -> dt.date:
    if day.month == 12:
        return day.replace(day=31)
    return day.replace(month=day.month + 1, day=1) - dt.timedelta(days=1)


def _whole_months(since: dt.date | None, until: dt.date | None) -> tuple[dt.date | None, dt.date | None] | None:
    """(first day of the first, last day of the last) whole month inside [since, until], an
    open end staying None; None when the range holds no whole month."""
    try:
        lo = since if since is None or since.day == 1 else _month_end(since) + dt.timedelta(days=1)
        hi = until if until is None or until == _month_end(until) else until.replace(day=1) - dt.timedelta(days=1)
    except OverflowError:   # since in December 9999 or until in January of year 1: no whole month
        return None
    return None if lo is not None and hi is not None and lo > hi else (lo, hi)


def _partners(conn: sa.Connection, code: str, since: dt.date | None, until: dt.date | None,
              n: int) -> list[dict[str, Any]]:
    """The actors ``code`` has most events with (either direction).

    Whole months inside the range come from ``actor_partner_month``; the days of a month
    the range covers only in part (at most two stretches) are counted from the events.
    """
    p = actor_partner_month.c
    tally: dict[str, list[int]] = {}
    whole = _whole_months(since, until)
    edges: list[tuple[dt.date | None, dt.date | None]] = []
    if whole is None:
        edges.append((since, until))
    else:
        lo, hi = whole
        conds = [p.code == code, *([p.month != UNDATED] if since or until else []),
                 *([p.month >= lo] if lo else []), *([p.month <= hi] if hi else [])]
        sel = sa.select(p.partner, sa.func.sum(p.n), sa.func.sum(p.g_sum), sa.func.sum(p.g_n)).where(*conds)
        for partner, k, g_sum, g_n in conn.execute(sel.group_by(p.partner)):
            _tally(tally, partner, int(k), int(g_sum or 0), int(g_n or 0))
        if since is not None and lo is not None and lo != since:
            edges.append((since, lo - dt.timedelta(days=1)))
        if until is not None and hi is not None and hi != until:
            edges.append((hi + dt.timedelta(days=1), until))
    c = events.c
    for a, b in edges:
        for me, other in ((c.source_code, c.target_code), (c.target_code, c.source_code)):
            sel = (sa.select(other, c.goldstein, sa.func.count())
                   .where(me == code, other.is_not(None), other != code, *_dates(a, b)).group_by(other, c.goldstein))
            for partner, goldstein, k in conn.execute(sel):
                _tally(tally, partner, k, goldstein_units(goldstein) * k, 0 if goldstein is None else k)
    top = sorted(tally.items(), key=lambda kv: (-kv[1][0], kv[0]))[:n]
    return [{"code": p, "label": actor_label(p), "n": t[0],
             "mean_goldstein": round(t[1] / (GOLDSTEIN_UNIT * t[2]), 2) if t[2] else None} for p, t in top]


def _tally(tally: dict[str, list[int]], partner: str, k: int, g_sum: int, g_n: int) -> None:
    t = tally.get(partner) or tally.setdefault(partner, [0, 0, 0])
    t[0] += k
    t[1] += g_sum
    t[2] += g_n


def _pair_stats(a: str, b: str, dates: list[Cond]) -> sa.Select[Any]:
    """Events a -> b grouped by day, precision, symmetry, type and QuadClass (one index range)."""
    c = events.c
    keys = (c.date_start, c.date_precision, c.symmetric, c.event_type, c.quad_class)
    return (sa.select(*keys, sa.func.count().label("n"), sa.func.sum(c.goldstein).label("g_sum"),
                      sa.func.count(c.goldstein).label("g_n"))
            .where(c.source_code == a, c.target_code == b, *dates).group_by(*keys))


def dyad(store: Store, a: str, b: str, *, interval: str = "month", since: dt.date | None = None,
         until: dt.date | None = None) -> dict[str, Any]:
    """Events between two actors over time, in both directions (symmetric events apart)."""
    fine, dates = _check_interval(interval), _dates(since, until)
    periods: dict[str, dict[str, _Bucket]] = {}
    types: dict[str, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        a, b = _require_code(conn, a), _require_code(conn, b)
        for src, tgt, way in ((a, b, "a_to_b"), (b, a, "b_to_a"))[:1 if a == b else 2]:
            for r in conn.execute(_pair_stats(src, tgt, dates)).mappings():
                direction = "mutual" if r["symmetric"] else way
                t = types.setdefault(r["event_type"], {"event_type": r["event_type"], "a_to_b": 0, "b_to_a": 0,
                                                       "mutual": 0})
                t[direction] += r["n"]
                if r["date_start"] is not None and r["date_precision"] in fine:
                    quads = [r["n"] if r["quad_class"] == i else 0 for i in (1, 2, 3, 4)]
                    per = periods.setdefault(_period(_iso(r["date_start"]) or "", interval), {})
                    per.setdefault(direction, _Bucket()).add(r["n"], r["g_sum"], r["g_n"], *quads)
    return {"a": {"code": a, "label": actor_label(a)}, "b": {"code": b, "label": actor_label(b)},
            "interval": interval, "buckets": [_dyad_bucket(day, per) for day, per in sorted(periods.items())],
            "types": sorted(types.values(), key=lambda t: -(t["a_to_b"] + t["b_to_a"] + t["mutual"]))}


def _dyad_bucket(day: str, per: dict[str, _Bucket]) -> dict[str, Any]:
    out: dict[str, Any] = {"period": day}
    for way in ("a_to_b", "b_to_a", "mutual"):
        out[way] = per[way].n if way in per else 0
    out["cooperation"] = sum(x.quads[1] + x.quads[2] for x in per.values())
    out["conflict"] = sum(x.quads[3] + x.quads[4] for x in per.values())
    for way in ("a_to_b", "b_to_a", "mutual"):
        out[f"mean_goldstein_{way}"] = per[way].mean if way in per else None
    return out


def network(store: Store, *, since: dt.date | None = None, until: dt.date | None = None,
            event_type: str | None = None, status: str | None = None, max_nodes: int = 60,
            min_weight: int = 1) -> dict[str, Any]:
    """The weighted actor graph of a period: nodes with counts, undirected edges with weights.

    A node's ``n`` is the number of its events with another coded actor; only the
    ``max_nodes`` busiest actors and the edges among them are kept.
    """
    query = EventQuery(event_type=event_type, status=status, since=since, until=until)
    if not 1 <= max_nodes <= MAX_LIMIT or min_weight < 1:
        raise InputError(f"max_nodes must be 1..{MAX_LIMIT} and min_weight >= 1")
    c = events.c
    sel = (sa.select(c.source_code, c.target_code, *_stats(c))
           .where(c.source_code.is_not(None), c.target_code.is_not(None), c.source_code != c.target_code,
                  *_conditions(query)).group_by(c.source_code, c.target_code))
    pairs: dict[tuple[str, str], dict[str, _Bucket]] = {}
    with store.engine.connect() as conn:
        for src, tgt, *stats in conn.execute(sel):
            key = (min(src, tgt), max(src, tgt))
            pairs.setdefault(key, {}).setdefault("a_to_b" if src == key[0] else "b_to_a", _Bucket()).add(*stats)
    degree: dict[str, int] = {}
    for (a, b), ways in pairs.items():
        for code in (a, b):
            degree[code] = degree.get(code, 0) + sum(w.n for w in ways.values())
    keep = set(sorted(degree, key=lambda k: (-degree[k], k))[:max_nodes])
    edges = [_edge(a, b, ways) for (a, b), ways in pairs.items() if a in keep and b in keep]
    edges = [e for e in edges if e["weight"] >= min_weight]
    used = {x for e in edges for x in (e["source"], e["target"])}
    nodes = [{"code": k, "label": actor_label(k), "n": degree[k]} for k in sorted(used, key=lambda k: (-degree[k], k))]
    return {"since": _iso(since), "until": _iso(until), "nodes": nodes,
            "edges": sorted(edges, key=lambda e: (-e["weight"], e["source"], e["target"]))}


def _edge(a: str, b: str, ways: dict[str, _Bucket]) -> dict[str, Any]:
    total = _Bucket()
    for w in ways.values():
        total.add(w.n, w.g_sum, w.g_n, *w.quads[1:])
    q = total.quads
    way = {w: ways[w].n if w in ways else 0 for w in ("a_to_b", "b_to_a")}
    return {"source": a, "target": b, "weight": total.n, **way,
            "cooperation": q[1] + q[2], "conflict": q[3] + q[4], "mean_goldstein": total.mean}
