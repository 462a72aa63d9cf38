"""Stories and near-duplicate articles in the store (tables of migration 002_stories).

Functions take a ``Store``. ``assign_stories`` clusters the events that have no story yet
(and repairs stories whose events changed underneath, e.g. a re-coded article), updating
``events.story`` and the ``stories`` table incrementally through ``StoryIndex``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields

import sqlalchemy as sa

from ghotona.errors import StoreError
from ghotona.model import Actor, Article, Event
from ghotona.store import Store, date_start, event_from_row
from ghotona.store.schema import article_duplicates, articles, events, stories
from ghotona.store.summary import SummaryDelta
from ghotona.stories.cluster import FAMILIES, BlockKey, ClusterConfig, StoryMention, block_of
from ghotona.stories.dedup import DuplicateIndex
from ghotona.stories.index import StoryIndex, UpdateStats
from ghotona.stories.summary import Story

LOGGER = logging.getLogger(__name__)

__all__ = [
    "AssignStats", "StoreBackend", "StoryRow", "assign_stories", "duplicate_index", "list_stories",
    "record_duplicates", "story_events",
]

_CHUNK = 500


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


def _side(prefix: str, key: str) -> sa.ColumnElement[bool]:
    code, name = events.c[f"{prefix}_code"], events.c[f"{prefix}_name"]
    if key.startswith("~"):
        return sa.and_(code.is_(None), name == key[1:])
    if key == "":
        return sa.and_(code.is_(None), name.is_(None))
    return code == key


def _not_duplicate() -> sa.ColumnElement[bool]:
    return events.c.article_id.not_in(sa.select(article_duplicates.c.article_id))


def _mention_query() -> sa.Select[tuple[object, ...]]:
    return (sa.select(events, articles.c.published.label("a_published"), articles.c.outlet.label("a_outlet"))
            .join(articles, articles.c.article_id == events.c.article_id))


def _mention(row: sa.RowMapping) -> StoryMention:
    return StoryMention(event_from_row(row), row["a_published"], row["a_outlet"])


class StoreBackend:
    """``StoryBackend`` over a ``Store``: loads blocks, saves links and story rows."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def load_block(self, block: BlockKey) -> list[StoryMention]:
        fam, a, b = block
        types = sorted(t for t, f in FAMILIES.items() if f == fam)
        dyad = sa.or_(sa.and_(_side("source", a), _side("target", b)), sa.and_(_side("source", b), _side("target", a)))
        q = _mention_query().where(events.c.event_type.in_(types), dyad, _not_duplicate())
        with self.store.engine.connect() as conn:
            return [_mention(r) for r in conn.execute(q).mappings()]

    def save(self, assigned: Mapping[str, str], built: Sequence[Story], removed: Collection[str]) -> None:
        now = dt.datetime.now(dt.UTC)
        try:
            with self.store.engine.begin() as conn:
                if assigned:
                    stmt = (events.update().where(events.c.event_id == sa.bindparam("b_eid"))
                            .values(story=sa.bindparam("b_sid")))
                    conn.execute(stmt, [{"b_eid": e, "b_sid": s} for e, s in assigned.items()])
                gone = sorted({*removed, *(s.story_id for s in built)})
                for part in _chunks(gone):
                    conn.execute(stories.delete().where(stories.c.story_id.in_(part)))
                if built:
                    conn.execute(stories.insert(), [_story_row(s, now) for s in built])
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"saving stories failed, rolled back: {exc.__class__.__name__}: {exc}") from exc


def _story_row(s: Story, now: dt.datetime) -> dict[str, object]:
    e = s.canonical
    _, a, b = block_of(s.canonical)
    src, tgt = e.source or Actor(None, None, None, ""), e.target or Actor(None, None, None, "")
    return {
        "story_id": s.story_id, "family": s.family, "block_a": a, "block_b": b,
        "canonical_event_id": e.event_id, "event_type": e.event_type,
        "source_code": src.code, "source_name": src.name, "target_code": tgt.code, "target_name": tgt.name,
        "symmetric": e.symmetric, "date": e.date, "date_precision": e.date_precision,
        "date_start": date_start(e.date, e.date_precision),
        "location_code": e.location.code if e.location else None,
        "location_name": e.location.name if e.location else None,
        "first_report": s.first_report, "last_report": s.last_report, "n_mentions": s.n_mentions,
        "n_articles": len(s.articles), "n_outlets": len(s.outlets),
        "outlets": json.dumps(list(s.outlets), ensure_ascii=False), "status_summary": s.status_summary,
        "updated_at": now,
    }


@dataclass(slots=True)
class AssignStats:
    """What ``assign_stories`` did."""

    events_considered: int = 0
    events_assigned: int = 0       # events whose story was set or changed
    stories_written: int = 0
    stories_removed: int = 0
    blocks_repaired: int = 0


def _repair(store: Store) -> list[BlockKey]:
    """Blocks whose stored stories no longer match their events (deleted or re-coded events).

    Events pointing at a missing story, or belonging to a duplicate article, lose their story.
    """
    live = (sa.select(events.c.story, sa.func.count().label("n")).where(events.c.story.is_not(None))
            .group_by(events.c.story).subquery())
    stale = (sa.select(stories.c.family, stories.c.block_a, stories.c.block_b).distinct()
             .select_from(stories.outerjoin(live, live.c.story == stories.c.story_id))
             .where(sa.func.coalesce(live.c.n, 0) != stories.c.n_mentions))
    with store.engine.begin() as conn:
        blocks = sorted({(r.family, r.block_a, r.block_b) for r in conn.execute(stale)})
        conn.execute(events.update().where(events.c.story.is_not(None),
                                           events.c.story.not_in(sa.select(stories.c.story_id)))
                     .values(story=None))
        conn.execute(events.update().where(events.c.story.is_not(None), ~_not_duplicate()).values(story=None))
    return blocks


def assign_stories(store: Store, since: dt.date | None = None, *,
                   config: ClusterConfig | None = None) -> AssignStats:
    """Cluster the events not yet in a story (of articles published on/after ``since``).

    New events join existing stories or open new ones; only the stories they touch are
    re-clustered. Events of duplicate articles are left out.
    """
    stats = AssignStats()
    blocks = _repair(store)
    index = StoryIndex(config, StoreBackend(store))
    for block in blocks:
        _count(stats, index.refresh(block))
    stats.blocks_repaired = len(blocks)
    if blocks:   # stories none of whose events are left
        with store.engine.begin() as conn:
            res = conn.execute(stories.delete().where(stories.c.story_id.not_in(
                sa.select(events.c.story).where(events.c.story.is_not(None)))))
            stats.stories_removed += res.rowcount or 0
    q = _mention_query().where(events.c.story.is_(None), _not_duplicate())
    if since is not None:
        q = q.where(articles.c.published >= since)
    with store.engine.connect() as conn:
        new = [_mention(r) for r in conn.execute(q.order_by(events.c.event_id)).mappings()]
    stats.events_considered = len(new)
    _count(stats, index.add(new))
    LOGGER.info("stories: %s", stats)
    return stats


def _count(stats: AssignStats, upd: UpdateStats) -> None:
    stats.events_assigned += len(upd.assigned)
    stats.stories_written += len(upd.stories)
    stats.stories_removed += len(upd.removed)


# -- reading ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class StoryRow:
    """A stored story as listed: canonical event fields, reports, counts and copies."""

    story_id: str
    family: str
    event_type: str
    source: str
    target: str
    symmetric: bool
    date: str | None
    date_precision: str
    location: str | None
    first_report: dt.date | None
    last_report: dt.date | None
    n_mentions: int
    n_articles: int
    outlets: tuple[str, ...]
    status_summary: str
    copies: int = 0                                  # duplicate articles of its articles
    copy_outlets: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, object]:
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        for k in ("first_report", "last_report"):
            d[k] = d[k].isoformat() if d[k] else None
        d["outlets"], d["copy_outlets"] = list(self.outlets), list(self.copy_outlets)
        return d


def _who(code: str | None, name: str | None) -> str:
    return " ".join(p for p in (code, name) if p) or "—"


def list_stories(store: Store, *, actor: str | None = None, since: dt.date | None = None,
                 limit: int | None = None, min_mentions: int = 1) -> list[StoryRow]:
    """Stories, latest report first. ``actor``: a code on either side or a name part;
    ``since``: last reported on or after this date."""
    q = sa.select(stories).where(stories.c.n_mentions >= min_mentions)
    if actor:
        like = f"%{actor}%"
        q = q.where(sa.or_(stories.c.source_code == actor.upper(), stories.c.target_code == actor.upper(),
                           stories.c.source_name.ilike(like), stories.c.target_name.ilike(like)))
    if since:
        q = q.where(stories.c.last_report >= since)
    q = q.order_by(stories.c.last_report.is_(None), stories.c.last_report.desc(), stories.c.n_mentions.desc(),
                   stories.c.story_id)
    if limit:
        q = q.limit(limit)
    with store.engine.connect() as conn:
        rows = list(conn.execute(q).mappings())
        copies = _copies(conn, [r["story_id"] for r in rows])
    return [StoryRow(
        story_id=r["story_id"], family=r["family"], event_type=r["event_type"],
        source=_who(r["source_code"], r["source_name"]), target=_who(r["target_code"], r["target_name"]),
        symmetric=bool(r["symmetric"]),
        date=r["date"], date_precision=r["date_precision"], location=r["location_name"] or r["location_code"],
        first_report=r["first_report"], last_report=r["last_report"], n_mentions=r["n_mentions"],
        n_articles=r["n_articles"], outlets=tuple(json.loads(r["outlets"])), status_summary=r["status_summary"],
        copies=len(copies.get(r["story_id"], {})),
        copy_outlets=tuple(sorted({o for o in copies.get(r["story_id"], {}).values() if o})),
    ) for r in rows]


def _copies(conn: sa.Connection, story_ids: list[str]) -> dict[str, dict[str, str | None]]:
    """story id -> {duplicate article id: its outlet} for duplicates of the stories' articles."""
    out: dict[str, dict[str, str | None]] = {}
    for part in _chunks(story_ids):
        q = (sa.select(events.c.story, article_duplicates.c.article_id, article_duplicates.c.outlet).distinct()
             .join(article_duplicates, article_duplicates.c.original_id == events.c.article_id)
             .where(events.c.story.in_(part)))
        for story, aid, outlet in conn.execute(q):
            out.setdefault(story, {})[aid] = outlet
    return out


def story_events(store: Store, story_id: str) -> list[Event]:
    """The events of one story, oldest article first."""
    q = (sa.select(events).where(events.c.story == story_id)
         .order_by(events.c.article_id, events.c.evidence_start, events.c.event_id))
    with store.engine.connect() as conn:
        return [event_from_row(r) for r in conn.execute(q).mappings()]


# -- duplicates -----------------------------------------------------------------------------

def duplicate_index(store: Store, **params: object) -> DuplicateIndex:
    """A ``DuplicateIndex`` holding every stored article (``params`` go to its constructor)."""
    index = DuplicateIndex(**params)  # type: ignore[arg-type]
    q = sa.select(articles.c.article_id, articles.c.text, articles.c.published).order_by(articles.c.article_id)
    with store.engine.connect() as conn:
        for aid, text, published in conn.execute(q):
            index.add(aid, text, published)
    return index


def record_duplicates(store: Store, index: DuplicateIndex, seen: Mapping[str, Article] | None = None) -> int:
    """Store every duplicate -> original link of ``index``; return how many links changed.

    ``seen`` gives outlet/url/date of duplicates that were skipped (never stored). A stored
    article that became a duplicate (an earlier-published copy arrived later) loses its
    events, so the group is coded once; ``assign_stories`` then repairs their stories.
    """
    links = index.duplicates()
    seen = seen or {}
    now = dt.datetime.now(dt.UTC)
    with store.engine.begin() as conn:
        have = {r.article_id: r.original_id for r in conn.execute(sa.select(article_duplicates))}
        changed = sorted(a for a, o in links.items() if have.get(a) != o)
        if not changed:
            return 0
        stored = {r.article_id: r for part in _chunks(changed) for r in conn.execute(
            sa.select(articles.c.article_id, articles.c.outlet, articles.c.url, articles.c.published)
            .where(articles.c.article_id.in_(part)))}
        rows = []
        for aid in changed:
            meta = seen.get(aid) or stored.get(aid)
            rows.append({"article_id": aid, "original_id": links[aid], "similarity": index.similarity(aid, links[aid]),
                         "outlet": getattr(meta, "outlet", None), "url": getattr(meta, "url", None),
                         "published": getattr(meta, "published", None), "recorded_at": now})
        summary = SummaryDelta()
        for part in _chunks(changed):
            conn.execute(article_duplicates.delete().where(article_duplicates.c.article_id.in_(part)))
            summary.remove(conn, events.c.article_id.in_(part))
        summary.apply(conn)
        conn.execute(article_duplicates.insert(), rows)
    LOGGER.info("recorded %d duplicate links", len(changed))
    return len(changed)
