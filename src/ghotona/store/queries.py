"""Read queries behind the REST API and the web UI (SQLAlchemy Core, bound parameters only).

Events, articles and stories live here; grouped queries (actors, timelines, dyads, the
network) in ``ghotona.store.aggregates``.

Every function takes a ``Store`` and returns plain JSON-ready dicts. Event lists use keyset
pagination over (date_start, event_id), newest first and undated last, with an opaque
cursor; grouped lists (stories, actors) use an opaque offset cursor. Bad input raises
``InputError``; a missing event, article, story or actor raises ``NotFound``.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from ghotona.errors import InputError, NotFound  # noqa: F401 (NotFound re-exported)
from ghotona.model import EVENT_TYPES, STATUSES
from ghotona.store import Store, event_from_row
from ghotona.store.schema import actors, article_duplicates, articles, events, stories

LOGGER = logging.getLogger(__name__)

__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "EventQuery", "NotFound", "Page", "get_article", "get_event",
           "check_text", "get_story", "list_events", "list_stories"]

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_TEXT = 200
Cond = sa.ColumnElement[bool]


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters over events; every field is optional and they combine with AND.

    ``actor`` is a code (RUS, UN…, any case) when the store knows that code, otherwise a
    case-insensitive part of an actor's English name or Bengali text. ``dyad`` is a pair
    of codes, matched in both directions. ``q`` searches the evidence sentences.
    """

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    event_type: str | None = None
    status: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    q: str | None = None
    story: str | None = None
    article_id: str | None = None

    def __post_init__(self) -> None:
        if self.event_type is not None and self.event_type.upper() not in EVENT_TYPES:
            raise InputError(f"type must be one of the 16 PLOVER types, got {self.event_type!r}")
        if self.status is not None and self.status not in STATUSES:
            raise InputError(f"status must be one of {', '.join(STATUSES)}, got {self.status!r}")
        _check_range(self.since, self.until)
        for name in ("actor", "q", "story", "article_id"):
            check_text(getattr(self, name), name)
        if self.dyad is not None:
            if len(self.dyad) != 2 or not all(c.strip() for c in self.dyad):
                raise InputError(f"dyad expects two actor codes like RUS,PRK, got {self.dyad!r}")
            for code in self.dyad:
                check_text(code, "dyad")


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a list and the cursor of the next page (None on the last page)."""

    items: list[dict[str, Any]]
    next_cursor: str | None
    limit: int

    def to_dict(self, key: str) -> dict[str, Any]:
        return {key: self.items, "next_cursor": self.next_cursor, "limit": self.limit}


# -- small helpers ----------------------------------------------------------------------
def _check_range(since: dt.date | None, until: dt.date | None) -> None:
    if since is not None and until is not None and since > until:
        raise InputError(f"since ({since}) is after until ({until})")


def check_text(value: str | None, name: str, max_len: int = MAX_TEXT) -> None:
    """Refuse text no database can take as a parameter (NUL, lone surrogates) or too long."""
    if value is None:
        return
    if len(value) > max_len:
        raise InputError(f"{name} is longer than {max_len} characters ({len(value)})")
    if "\x00" in value:
        raise InputError(f"{name} contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"{name} is not valid Unicode text") from exc


def _check_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"limit must be between 1 and {MAX_LIMIT}, got {limit}")
    return limit


def _iso(value: object) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)[:10]


def _ne(col: sa.ColumnElement[Any], value: object) -> Cond:
    """``col`` differs from ``value`` (NULL counts as different)."""
    return sa.or_(col.is_(None), col != value)


def _mean(value: object) -> float | None:
    return None if value is None else round(float(value), 2)  # type: ignore[arg-type]


def _encode(payload: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode().rstrip("=")


def _decode(cursor: str, kind: str) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload = json.loads(raw)
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise InputError("invalid cursor: pass next_cursor from a previous page unchanged") from exc
    if not isinstance(payload, list) or not payload or payload[0] != kind:
        raise InputError("invalid cursor: pass next_cursor from a previous page unchanged")
    return payload


def _event_key(cursor: str | None) -> tuple[dt.date | None, str] | None:
    if cursor is None:
        return None
    payload = _decode(cursor, "e")
    try:
        _, day, event_id = payload
        if not isinstance(event_id, str):
            raise TypeError(event_id)
        return (dt.date.fromisoformat(day) if day is not None else None), event_id
    except (TypeError, ValueError) as exc:
        raise InputError("invalid cursor: pass next_cursor from a previous page unchanged") from exc


def _offset(cursor: str | None) -> int:
    if cursor is None:
        return 0
    payload = _decode(cursor, "o")
    if len(payload) != 2 or not isinstance(payload[1], int) or payload[1] < 0:
        raise InputError("invalid cursor: pass next_cursor from a previous page unchanged")
    return int(payload[1])


# -- event filters ----------------------------------------------------------------------
def _known_code(conn: sa.Connection, code: str) -> bool:
    return conn.execute(sa.select(actors.c.code).where(actors.c.code == code).limit(1)).first() is not None


def _actor_branches(conn: sa.Connection, actor: str) -> list[list[Cond]]:
    """Alternatives (OR) for an actor filter, each a list of AND conditions; disjoint."""
    code = actor.strip().upper()
    if code and _known_code(conn, code):
        return [[events.c.source_code == code],
                [events.c.target_code == code, _ne(events.c.source_code, code)]]
    cols = (events.c.source_name, events.c.target_name, events.c.source_text, events.c.target_text)
    return [[sa.or_(*(c.icontains(actor.strip(), autoescape=True) for c in cols))]]


def _dyad_branches(a: str, b: str) -> list[list[Cond]]:
    a, b = a.strip().upper(), b.strip().upper()
    ab = [events.c.source_code == a, events.c.target_code == b]
    if a == b:
        return [ab]
    return [ab, [events.c.source_code == b, events.c.target_code == a]]


def _branches(conn: sa.Connection, query: EventQuery) -> list[list[Cond]]:
    out: list[list[Cond]] = [[]]
    if query.actor and query.actor.strip():
        out = [x + y for x in out for y in _actor_branches(conn, query.actor)]
    if query.dyad:
        out = [x + y for x in out for y in _dyad_branches(*query.dyad)]
    return out


def _conditions(query: EventQuery) -> list[Cond]:
    c = events.c
    conds: list[Cond] = []
    if query.event_type:
        conds.append(c.event_type == query.event_type.upper())
    if query.status:
        conds.append(c.status == query.status)
    if query.since:
        conds.append(c.date_start >= query.since)
    if query.until:
        conds.append(c.date_start <= query.until)
    if query.q and query.q.strip():
        conds.append(c.evidence_sentence.icontains(query.q.strip(), autoescape=True))
    if query.story:
        conds.append(c.story == query.story)
    if query.article_id:
        conds.append(c.article_id == query.article_id)
    return conds


def _where(conn: sa.Connection, query: EventQuery) -> Cond:
    """All filters of ``query`` as one condition (for grouped queries)."""
    alternatives = [sa.and_(sa.true(), *b) for b in _branches(conn, query)]
    return sa.and_(sa.true(), *_conditions(query), sa.or_(*alternatives))


# -- events -----------------------------------------------------------------------------
def _ordered(conds: list[Cond], branches: list[list[Cond]], dated: bool, limit: int) -> sa.Select[Any]:
    """Newest-first rows matching ``conds`` and any branch, each branch index-ordered."""
    def order(cols: Any) -> list[Any]:
        return [cols.date_start.desc(), cols.event_id.desc()] if dated else [cols.event_id.desc()]

    if len(branches) == 1:
        return sa.select(events).where(*conds, *branches[0]).order_by(*order(events.c)).limit(limit)
    subs = [sa.select(events).where(*conds, *b).order_by(*order(events.c)).limit(limit).subquery()
            for b in branches]
    union = sa.union_all(*(sa.select(s) for s in subs)).subquery()
    return sa.select(union).order_by(*order(union.c)).limit(limit)


def _keyset(key: tuple[dt.date | None, str] | None, dated: bool) -> list[Cond]:
    if key is None:
        return []
    day, event_id = key
    if dated:
        return [sa.tuple_(events.c.date_start, events.c.event_id)
                < sa.tuple_(sa.literal(day, sa.Date), sa.literal(event_id, sa.String))]
    return [events.c.event_id < event_id] if day is None else []


def _article_meta(conn: sa.Connection, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    a = articles.c
    rows = conn.execute(sa.select(a.article_id, a.title, a.outlet, a.url, a.published)
                        .where(a.article_id.in_(sorted(set(ids))))).mappings()
    return {r["article_id"]: {"title": r["title"], "outlet": r["outlet"], "url": r["url"],
                              "published": _iso(r["published"])} for r in rows}


def _event_dicts(conn: sa.Connection, rows: Sequence[sa.RowMapping]) -> list[dict[str, Any]]:
    meta = _article_meta(conn, [r["article_id"] for r in rows])
    out = []
    for row in rows:
        item = event_from_row(row).to_dict()
        item["article"] = meta.get(row["article_id"])
        out.append(item)
    return out


def list_events(store: Store, query: EventQuery | None = None, *, cursor: str | None = None,
                limit: int = DEFAULT_LIMIT) -> Page:
    """A page of events matching ``query``, newest first, undated last."""
    query, limit = query or EventQuery(), _check_limit(limit)
    key = _event_key(cursor)
    with store.engine.connect() as conn:
        branches, conds = _branches(conn, query), _conditions(query)
        rows: list[sa.RowMapping] = []
        if key is None or key[0] is not None:
            sel = _ordered([*conds, events.c.date_start.is_not(None), *_keyset(key, True)], branches, True, limit + 1)
            rows = list(conn.execute(sel).mappings())
        if len(rows) <= limit:
            sel = _ordered([*conds, events.c.date_start.is_(None), *_keyset(key, False)], branches, False,
                           limit + 1 - len(rows))
            rows += list(conn.execute(sel).mappings())
        more, rows = len(rows) > limit, rows[:limit]
        items = _event_dicts(conn, rows)
    last = rows[-1] if rows else None
    nxt = _encode(["e", _iso(last["date_start"]), last["event_id"]]) if more and last is not None else None
    return Page(items, nxt, limit)


def _article_dict(row: sa.RowMapping, with_text: bool = True) -> dict[str, Any]:
    keys = ("article_id", "title", "outlet", "url", "published_source", "language")
    out = {k: row[k] for k in keys}
    out["published"] = _iso(row["published"])
    if with_text:
        out["text"] = row["text"]
    return out


def _evidence_span(text: str, ev: dict[str, Any]) -> dict[str, Any]:
    start, end, sentence = ev["start"], ev["end"], ev["sentence"]
    exact = 0 <= start <= end <= len(text) and " ".join(text[start:end].split()) == " ".join(sentence.split())
    return {"start": start, "end": end, "sentence": sentence, "offsets_match": exact}


def get_event(store: Store, event_id: str) -> dict[str, Any]:
    """One event with its article (including the cleaned text) and its evidence span."""
    check_text(event_id, "event_id")
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(events).where(events.c.event_id == event_id)).mappings().first()
        if row is None:
            raise NotFound(f"no event with id {event_id!r}")
        art = conn.execute(sa.select(articles).where(articles.c.article_id == row["article_id"])).mappings().first()
        event = _event_dicts(conn, [row])[0]
    article = _article_dict(art) if art is not None else None
    text = article["text"] if article else ""
    return {"event": event, "article": article, "evidence": _evidence_span(text, event["evidence"])}


def get_article(store: Store, article_id: str) -> dict[str, Any]:
    """One article with its cleaned text and all its events (in text order)."""
    check_text(article_id, "article_id")
    with store.engine.connect() as conn:
        art = conn.execute(sa.select(articles).where(articles.c.article_id == article_id)).mappings().first()
        if art is None:
            raise NotFound(f"no article with id {article_id!r}")
        rows = list(conn.execute(sa.select(events).where(events.c.article_id == article_id)
                                 .order_by(events.c.evidence_start, events.c.event_id)).mappings())
    article = _article_dict(art)
    evs = [event_from_row(r).to_dict() for r in rows]
    spans = [{"event_id": e["event_id"], **_evidence_span(article["text"], e["evidence"])} for e in evs]
    return {"article": article, "events": evs, "evidence": spans}


# -- stories ----------------------------------------------------------------------------
# A story's events carry its id in ``events.story``; the ``stories`` table (migration
# 002_stories, filled by ``ghotona stories --assign``) holds its summary. Without story
# rows, stories are listed by grouping events on ``events.story``.
def _story_item(story: str, head: dict[str, Any], **counts: Any) -> dict[str, Any]:
    keys = ("event_type", "source", "target", "date", "date_precision", "first_report", "last_report",
            "n_events", "n_articles", "n_outlets", "outlets", "status_summary", "headline")
    merged = {**head, **counts}
    return {"story": story, **{k: merged.get(k) for k in keys}}


def _matching_events(conn: sa.Connection, query: EventQuery, story_col: Any) -> Cond | None:
    """Stories that have at least one event matching ``query`` (None: no filter)."""
    if query == EventQuery():
        return None
    return sa.exists().where(events.c.story == story_col, _where(conn, query))


def _stories_from_table(conn: sa.Connection, query: EventQuery, offset: int, limit: int) -> list[dict[str, Any]]:
    s, canon = stories.c, events.alias("canon")
    sel = (sa.select(stories, canon.c.evidence_sentence)
           .select_from(stories.outerjoin(canon, canon.c.event_id == s.canonical_event_id))
           .order_by(s.last_report.is_(None), s.last_report.desc(), s.n_mentions.desc(), s.story_id)
           .offset(offset).limit(limit))
    match = _matching_events(conn, query, s.story_id)
    rows = conn.execute(sel if match is None else sel.where(match)).mappings()
    return [_story_item(r["story_id"], {
        "event_type": r["event_type"], "date": r["date"], "date_precision": r["date_precision"],
        "source": {"code": r["source_code"], "name": r["source_name"]},
        "target": {"code": r["target_code"], "name": r["target_name"]}, "headline": r["evidence_sentence"],
        "first_report": _iso(r["first_report"]), "last_report": _iso(r["last_report"]),
        "status_summary": r["status_summary"], "outlets": json.loads(r["outlets"] or "[]")},
        n_events=r["n_mentions"], n_articles=r["n_articles"], n_outlets=r["n_outlets"]) for r in rows]


def _stories_from_events(conn: sa.Connection, query: EventQuery, offset: int, limit: int) -> list[dict[str, Any]]:
    c, pub = events.c, articles.c.published
    last = sa.func.max(pub)
    sel = (sa.select(c.story, sa.func.count().label("n_events"),
                     sa.func.count(sa.distinct(c.article_id)).label("n_articles"),
                     sa.func.count(sa.distinct(articles.c.outlet)).label("n_outlets"),
                     sa.func.min(pub).label("first"), last.label("last"))
           .select_from(events.join(articles, articles.c.article_id == c.article_id))
           .where(c.story.is_not(None), _where(conn, query))
           .group_by(c.story).order_by(last.is_(None), last.desc(), c.story).offset(offset).limit(limit))
    rows = list(conn.execute(sel).mappings())
    heads = _story_heads(conn, [r["story"] for r in rows])
    return [_story_item(r["story"], heads.get(r["story"], {}), first_report=_iso(r["first"]),
                        last_report=_iso(r["last"]), n_events=r["n_events"], n_articles=r["n_articles"],
                        n_outlets=r["n_outlets"]) for r in rows]


def _story_heads(conn: sa.Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    """The most confident event of each story (its headline) and the story's outlets."""
    heads: dict[str, dict[str, Any]] = {}
    if not ids:
        return heads
    c = events.c
    sel = (sa.select(c.story, c.event_type, c.source_code, c.source_name, c.target_code, c.target_name, c.date,
                     c.date_precision, c.evidence_sentence, articles.c.outlet)
           .join(articles, articles.c.article_id == c.article_id)
           .where(c.story.in_(ids)).order_by(c.confidence.desc(), c.event_id))
    for r in conn.execute(sel).mappings():
        head = heads.setdefault(r["story"], {
            "event_type": r["event_type"], "headline": r["evidence_sentence"], "date": r["date"],
            "date_precision": r["date_precision"], "outlets": [],
            "source": {"code": r["source_code"], "name": r["source_name"]},
            "target": {"code": r["target_code"], "name": r["target_name"]}})
        if r["outlet"] and r["outlet"] not in head["outlets"]:
            head["outlets"].append(r["outlet"])
    return heads


def list_stories(store: Store, query: EventQuery | None = None, *, cursor: str | None = None,
                 limit: int = DEFAULT_LIMIT) -> Page:
    """Stories with at least one event matching ``query``, latest report first."""
    query, limit = query or EventQuery(), _check_limit(limit)
    offset = _offset(cursor)
    with store.engine.connect() as conn:
        have_rows = conn.execute(sa.select(stories.c.story_id).limit(1)).first() is not None
        page = (_stories_from_table if have_rows else _stories_from_events)(conn, query, offset, limit + 1)
    more, page = len(page) > limit, page[:limit]
    return Page(page, _encode(["o", offset + limit]) if more else None, limit)


def get_story(store: Store, story: str) -> dict[str, Any]:
    """A story's summary and its mentions: the articles (outlets) reporting it, with their
    events, plus the near-duplicate copies of those articles in other outlets."""
    check_text(story, "story")
    with store.engine.connect() as conn:
        rows = list(conn.execute(sa.select(events).where(events.c.story == story)
                                 .order_by(events.c.article_id, events.c.evidence_start)).mappings())
        if not rows:
            raise NotFound(f"no story with id {story!r}")
        ids = sorted({r["article_id"] for r in rows})
        arts = conn.execute(sa.select(articles).where(articles.c.article_id.in_(ids))
                            .order_by(articles.c.published, articles.c.article_id)).mappings()
        mentions = {a["article_id"]: {**_article_dict(a, with_text=False), "events": []} for a in arts}
        copies = conn.execute(sa.select(article_duplicates).where(article_duplicates.c.original_id.in_(ids))
                              .order_by(article_duplicates.c.published, article_duplicates.c.article_id)).mappings()
        copy_list = [{"article_id": c["article_id"], "copy_of": c["original_id"], "outlet": c["outlet"],
                      "url": c["url"], "published": _iso(c["published"]), "similarity": _mean(c["similarity"])}
                     for c in copies]
        summary = conn.execute(sa.select(stories.c.status_summary).where(stories.c.story_id == story)).scalar()
    for r in rows:
        mentions[r["article_id"]]["events"].append(event_from_row(r).to_dict())
    published = sorted(m["published"] for m in mentions.values() if m["published"])
    outlets = sorted({m["outlet"] for m in [*mentions.values(), *copy_list] if m["outlet"]})
    return {"story": story, "n_events": len(rows), "n_articles": len(mentions), "outlets": outlets,
            "first_report": published[0] if published else None, "last_report": published[-1] if published else None,
            "status_summary": summary, "mentions": list(mentions.values()), "copies": copy_list}
