"""Store: articles, events, actors and failures in SQLite (default) or PostgreSQL.

One ``Store`` object per database URL. Writes go through ``write`` one batch per
transaction, so a crash never leaves half an article; re-writing an unchanged article is a
no-op and an edited one replaces its old events. The same transaction keeps the per-actor
summary tables (``ghotona.store.summary``) equal to what the events imply.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

from ghotona.errors import StoreError
from ghotona.model import Actor, Article, Event, Evidence, Failure, Place, Result, sanitise_text, stable_id
from ghotona.store.schema import (MIGRATIONS, actors, articles, events, failures, ingest_log, metadata,
                                  schema_migrations)
from ghotona.store.summary import SummaryDelta, rebuild

LOGGER = logging.getLogger(__name__)

__all__ = ["EventFilter", "Store", "WriteStats", "database_url", "item_hash", "safe_row"]

POOL_SIZE, POOL_OVERFLOW, POOL_TIMEOUT = 8, 48, 120

# The content hash logged for a reader failure (it has no text): that of an empty article.
_EMPTY_HASH = Article(article_id="", raw="").content_hash
_LOG_CHUNK = 200


_LINE_PREFIX = re.compile(r"^line \d+: ")
_NUMBERS = re.compile(r"\d+(?:\.\d+)?")


def reason_key(reason: str) -> str:
    """A failure reason without its particulars (line numbers, sizes): for counting by reason."""
    head = _LINE_PREFIX.sub("", reason).split(":")[0].split(" (")[0]
    return _NUMBERS.sub("N", head)[:60]


def item_hash(item: Article | Failure) -> str:
    """The content hash an input item is logged under (articles: ``Article.content_hash``)."""
    return item.content_hash if isinstance(item, Article) else _EMPTY_HASH


def _widths(table: sa.Table) -> dict[str, int]:
    return {c.name: c.type.length for c in table.columns
            if isinstance(c.type, sa.String) and getattr(c.type, "length", None)}


_WIDTHS = {t.name: _widths(t) for t in (articles, events, actors, failures, ingest_log)}


def safe_row(table: sa.Table, row: dict[str, object]) -> dict[str, object]:
    """``row`` storable in any backend: no NUL characters or lone surrogates (PostgreSQL and
    UTF-8 refuse them), strings cut to their column's width (PostgreSQL enforces it)."""
    widths = _WIDTHS.get(table.name, {})
    out = {}
    for key, value in row.items():
        if isinstance(value, str):
            value = sanitise_text(value)
            width = widths.get(key)
            if width is not None and len(value) > width:
                value = value[:width]
        out[key] = value
    return out


def database_url(db: str | Path) -> str:
    """A SQLAlchemy URL from a path (SQLite) or a ``sqlite:``/``postgresql:`` URL."""
    text = str(db)
    if text.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + text.split("://", 1)[1]
    if "://" in text:
        return text
    return f"sqlite:///{text}"


def _sqlite_pragmas(dbapi_conn: object, _record: object) -> None:
    cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def date_start(date: str | None, precision: str) -> dt.date | None:
    """The first day a (date, precision) pair stands for, for range queries."""
    if not date or precision == "none":
        return None
    parts = [int(p) for p in date.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _actor_cols(prefix: str, actor: Actor | None) -> dict[str, object]:
    a = actor or Actor(None, None, None, "")
    return {f"{prefix}_code": a.code, f"{prefix}_name": a.name, f"{prefix}_sector": a.sector,
            f"{prefix}_text": a.text if actor else None}


def event_row(ev: Event) -> dict[str, object]:
    """The events-table row of an event."""
    loc = ev.location
    return {
        "event_id": ev.event_id, "article_id": ev.article_id, "event_type": ev.event_type,
        "mode": ev.mode, "cameo": ev.cameo, "goldstein": ev.goldstein, "quad_class": ev.quad_class,
        **_actor_cols("source", ev.source), **_actor_cols("target", ev.target),
        "symmetric": ev.symmetric, "date": ev.date, "date_precision": ev.date_precision,
        "date_start": date_start(ev.date, ev.date_precision), "date_text": ev.date_text,
        "location_name": loc.name if loc else None, "location_code": loc.code if loc else None,
        "location_lat": loc.lat if loc else None, "location_lon": loc.lon if loc else None,
        "location_text": loc.text if loc else None, "status": ev.status,
        "attributed_to": ev.attributed_to, "evidence_sentence": ev.evidence.sentence,
        "evidence_start": ev.evidence.start, "evidence_end": ev.evidence.end,
        "confidence": ev.confidence, "story": ev.story,
    }


def _actor_from_row(row: sa.RowMapping, prefix: str) -> Actor | None:
    if row[f"{prefix}_text"] is None and row[f"{prefix}_code"] is None and row[f"{prefix}_name"] is None:
        return None
    return Actor(row[f"{prefix}_code"], row[f"{prefix}_name"], row[f"{prefix}_sector"], row[f"{prefix}_text"] or "")


def event_from_row(row: sa.RowMapping) -> Event:
    """The contract ``Event`` of an events-table row."""
    loc = None
    if row["location_text"] is not None or row["location_code"] is not None:
        loc = Place(row["location_name"], row["location_code"], row["location_lat"], row["location_lon"],
                    row["location_text"] or "")
    return Event(
        event_id=row["event_id"], article_id=row["article_id"], event_type=row["event_type"],
        mode=row["mode"], cameo=row["cameo"], goldstein=row["goldstein"], quad_class=row["quad_class"],
        source=_actor_from_row(row, "source"), target=_actor_from_row(row, "target"),
        symmetric=bool(row["symmetric"]), date=row["date"], date_precision=row["date_precision"],
        date_text=row["date_text"], location=loc, status=row["status"], attributed_to=row["attributed_to"],
        evidence=Evidence(row["evidence_sentence"], row["evidence_start"], row["evidence_end"]),
        confidence=row["confidence"], story=row["story"],
    )


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters for listing events; every field is optional and they combine with AND."""

    actor: str | None = None       # actor code (either side) or a name substring
    event_type: str | None = None
    status: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    article_id: str | None = None
    limit: int | None = None


@dataclass(slots=True)
class WriteStats:
    """What one ``Store.write`` call did."""

    articles_new: int = 0
    articles_replaced: int = 0
    articles_unchanged: int = 0    # includes items the ingest log shows as already stored
    events: int = 0
    failures: int = 0
    failure_reasons: dict[str, int] = field(default_factory=dict)
    duplicates: int = 0       # near-duplicate articles skipped (their link is recorded)
    stories: int = 0          # events given a story by the clustering after the ingest

    def add(self, other: WriteStats) -> None:
        self.duplicates += other.duplicates
        self.stories += other.stories
        self.articles_new += other.articles_new
        self.articles_replaced += other.articles_replaced
        self.articles_unchanged += other.articles_unchanged
        self.events += other.events
        self.failures += other.failures
        for k, v in other.failure_reasons.items():
            self.failure_reasons[k] = self.failure_reasons.get(k, 0) + v


def _article_row(res: Result, now: dt.datetime) -> dict[str, object]:
    """The storable ``articles`` row of a result (its content hash is the input's when known)."""
    art = res.article
    return safe_row(articles, {
        "article_id": art.article_id, "content_hash": res.input_hash or art.content_hash, "title": art.title,
        "outlet": art.outlet, "url": art.url, "published": art.published, "published_source": art.published_source,
        "language": art.language, "text": art.text, "source_path": art.source_path, "ingested_at": now})


def _stored_log(row: dict[str, object], res: Result, now: dt.datetime) -> dict[str, object]:
    """The ingest-log row saying the article of ``row`` was stored with its events."""
    return {"item_key": row["article_id"], "content_hash": row["content_hash"], "outcome": "stored", "stage": None,
            "reason": None, "events": len(res.events), "source_path": res.article.source_path, "recorded_at": now}


def _chunks(items: list[str]) -> Iterator[list[str]]:
    """``items`` in pieces of ``_LOG_CHUNK``: one ``IN (…)`` list each, within every backend's
    limit on bound parameters."""
    for i in range(0, len(items), _LOG_CHUNK):
        yield items[i:i + _LOG_CHUNK]


class Store:
    """A ghotona database. ``Store(url)`` connects and applies pending migrations."""

    def __init__(self, db: str | Path) -> None:
        self.url = database_url(db)
        try:
            # A connection for every thread of a server's pool (anyio: 40) with room to spare,
            # so a burst of requests waits for the database, not for a pooled connection.
            self.engine = sa.create_engine(self.url, future=True, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW,
                                           pool_timeout=POOL_TIMEOUT, pool_pre_ping=True)
            if self.engine.dialect.name == "sqlite":
                sa.event.listen(self.engine, "connect", _sqlite_pragmas)
            self.migrate()
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot open database {self.url!r}: {exc.__class__.__name__}: {exc}") from exc

    # -- schema -------------------------------------------------------------
    def pending_migrations(self) -> list[str]:
        """Names of migrations not applied yet (read only)."""
        with self.engine.connect() as conn:
            if not sa.inspect(conn).has_table("schema_migrations"):
                return [name for name, _ in MIGRATIONS]
            done = set(conn.execute(sa.select(schema_migrations.c.name)).scalars())
        return [name for name, _ in MIGRATIONS if name not in done]

    def migrate(self) -> list[str]:
        """Apply pending migrations, each in one transaction with its record."""
        with self.engine.begin() as conn:
            schema_migrations.create(conn, checkfirst=True)
        applied = []
        for name, fn in MIGRATIONS:
            with self.engine.begin() as conn:
                exists = conn.execute(sa.select(schema_migrations.c.name)
                                      .where(schema_migrations.c.name == name)).first()
                if exists:
                    continue
                fn(conn)
                conn.execute(schema_migrations.insert().values(name=name, applied_at=dt.datetime.now(dt.UTC)))
                applied.append(name)
                LOGGER.info("applied migration %s", name)
        return applied

    def rebuild_summaries(self) -> None:
        """Recompute the per-actor summary tables from the events (after a bulk load that
        inserted events directly, bypassing ``write``)."""
        with self.engine.begin() as conn:
            rebuild(conn)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------
    def write(self, results: Iterable[Result], *, duplicates: Iterable[tuple[Article, str]] = ()) -> WriteStats:
        """Write one batch of pipeline results in one transaction, with their ingest-log rows.

        ``duplicates`` are (article, original id) pairs skipped as near-duplicates: logged in
        the same transaction. If the batch fails on a row the database refuses (not on a lost
        connection), its items are written one transaction each and a refused item is
        recorded as a failure (stage ``store``), so one bad row never stops an ingest.
        """
        results, duplicates = list(results), list(duplicates)
        stats = WriteStats()
        now = dt.datetime.now(dt.UTC)
        try:
            with self.engine.begin() as conn:
                summary = SummaryDelta()
                self._write_batch(conn, results, now, stats, summary)
                summary.apply(conn)  # once per batch, in key order (see ghotona.store.summary)
                self._log_duplicates(conn, duplicates, now)
            return stats
        except sa.exc.OperationalError as exc:
            raise StoreError(f"write failed, batch rolled back: {exc.__class__.__name__}: {exc}") from exc
        except (sa.exc.SQLAlchemyError, ValueError) as exc:
            LOGGER.warning("batch of %d rolled back (%s: %s); writing its items one by one",
                           len(results), exc.__class__.__name__, str(exc)[:200])
        stats = WriteStats()
        for res in results:
            stats.add(self._write_alone(res, now))
        try:
            with self.engine.begin() as conn:
                self._log_duplicates(conn, duplicates, now)
        except (sa.exc.SQLAlchemyError, ValueError) as exc:
            raise StoreError(f"write of duplicate links failed: {exc.__class__.__name__}: {exc}") from exc
        return stats

    def _write_alone(self, res: Result, now: dt.datetime) -> WriteStats:
        stats = WriteStats()
        try:
            with self.engine.begin() as conn:
                summary = SummaryDelta()
                self._write_one(conn, res, now, stats, summary)
                summary.apply(conn)
            return stats
        except sa.exc.OperationalError as exc:
            raise StoreError(f"write failed, rolled back: {exc.__class__.__name__}: {exc}") from exc
        except (sa.exc.SQLAlchemyError, ValueError) as exc:
            cause = str(getattr(exc, "orig", None) or exc).splitlines()[0][:200]
            LOGGER.error("article %s could not be stored: %s", res.article.article_id, cause)
            art = res.article
            failed = Result(article=Article(article_id=art.article_id, raw="", source_path=art.source_path),
                            failure=Failure(art.article_id, "store", f"could not be stored: "
                                            f"{exc.__class__.__name__}: {cause}", art.source_path),
                            input_hash=res.input_hash or art.content_hash)
        stats = WriteStats()
        try:
            with self.engine.begin() as conn:
                self._write_one(conn, failed, now, stats, SummaryDelta())  # a failure changes no events
        except (sa.exc.SQLAlchemyError, ValueError) as exc:
            raise StoreError(f"write failed, rolled back: {exc.__class__.__name__}: {exc}") from exc
        return stats

    @staticmethod
    def _log(conn: sa.Connection, row: dict[str, object]) -> None:
        row = safe_row(ingest_log, row)
        conn.execute(ingest_log.delete().where(ingest_log.c.item_key == row["item_key"]))
        conn.execute(ingest_log.insert().values(**row))

    def _log_duplicates(self, conn: sa.Connection, duplicates: list[tuple[Article, str]], now: dt.datetime) -> None:
        for art, original in duplicates:
            self._log(conn, {"item_key": art.article_id, "content_hash": art.content_hash, "outcome": "duplicate",
                             "stage": None, "reason": f"near-duplicate of {original}", "events": 0,
                             "source_path": art.source_path, "recorded_at": now})

    def _write_batch(self, conn: sa.Connection, results: list[Result], now: dt.datetime, stats: WriteStats,
                     summary: SummaryDelta) -> None:
        """What ``_write_one`` does for each result, in a few statements per batch: one look-up of
        the stored hashes, one delete and one insert per table (on PostgreSQL every statement is
        a round trip). Failures, and a batch naming one article twice (whose later item must
        replace the earlier), are written item by item."""
        rows = {}
        for res in results:
            if res.failure is None:
                row = _article_row(res, now)
                rows[row["article_id"]] = (res, row)
        keys = [*rows, *(safe_row(failures, {"article_id": r.failure.article_id})["article_id"]
                         for r in results if r.failure is not None)]
        if len(rows) < 2 or len(set(keys)) != len(results):
            for res in results:
                self._write_one(conn, res, now, stats, summary)
            return
        for res in results:
            if res.failure is not None:
                self._write_one(conn, res, now, stats, summary)
        ids = list(rows)
        old: dict[str, str] = {}
        for chunk in _chunks(ids):
            old.update(conn.execute(sa.select(articles.c.article_id, articles.c.content_hash)
                                    .where(articles.c.article_id.in_(chunk))).tuples().all())
        changed = [aid for aid in ids if old.get(aid) != rows[aid][1]["content_hash"]]
        replaced = [aid for aid in changed if aid in old]
        stats.articles_unchanged += len(ids) - len(changed)
        stats.articles_replaced += len(replaced)
        stats.articles_new += len(changed) - len(replaced)
        for chunk in _chunks(replaced):
            summary.remove(conn, events.c.article_id.in_(chunk))
            conn.execute(articles.delete().where(articles.c.article_id.in_(chunk)))
        for chunk in _chunks(changed):
            conn.execute(failures.delete().where(failures.c.article_id.in_(chunk)))
        if changed:
            conn.execute(articles.insert(), [rows[aid][1] for aid in changed])
            evs = [e for aid in changed for e in rows[aid][0].events]
            if evs:
                ev_rows = [safe_row(events, event_row(e)) for e in evs]
                conn.execute(events.insert(), ev_rows)
                summary.add_rows(ev_rows)
                stats.events += len(evs)
                self._upsert_actors(conn, evs)
        logs = [safe_row(ingest_log, _stored_log(row, res, now)) for res, row in rows.values()]
        for chunk in _chunks([log["item_key"] for log in logs]):
            conn.execute(ingest_log.delete().where(ingest_log.c.item_key.in_(chunk)))
        conn.execute(ingest_log.insert(), logs)

    def _write_one(self, conn: sa.Connection, res: Result, now: dt.datetime, stats: WriteStats,
                   summary: SummaryDelta) -> None:
        """Write one result; the events it adds and removes are counted in ``summary``."""
        art = res.article
        chash = res.input_hash or art.content_hash
        if res.failure is not None:
            f = res.failure
            row = safe_row(failures, {"article_id": f.article_id, "stage": f.stage, "reason": f.reason,
                                      "source_path": f.source_path, "recorded_at": now})
            conn.execute(failures.delete().where(failures.c.article_id == row["article_id"]))
            conn.execute(failures.insert().values(**row))
            self._log(conn, {"item_key": f.article_id, "content_hash": chash, "outcome": "failed", "stage": f.stage,
                             "reason": f.reason, "events": 0, "source_path": f.source_path, "recorded_at": now})
            stats.failures += 1
            key = reason_key(f.reason)
            stats.failure_reasons[key] = stats.failure_reasons.get(key, 0) + 1
            return
        row = _article_row(res, now)
        aid = row["article_id"]
        log = _stored_log(row, res, now)
        old = conn.execute(sa.select(articles.c.content_hash).where(articles.c.article_id == aid)).first()
        if old is not None and old[0] == chash:
            stats.articles_unchanged += 1
            self._log(conn, log)
            return
        if old is not None:
            summary.remove(conn, events.c.article_id == aid)
            conn.execute(articles.delete().where(articles.c.article_id == aid))
            stats.articles_replaced += 1
        else:
            stats.articles_new += 1
        conn.execute(failures.delete().where(failures.c.article_id == aid))
        conn.execute(articles.insert().values(**row))
        if res.events:
            rows = [safe_row(events, event_row(e)) for e in res.events]
            conn.execute(events.insert(), rows)
            summary.add_rows(rows)
            stats.events += len(res.events)
            self._upsert_actors(conn, res.events)
        self._log(conn, log)

    # -- the ingest log -------------------------------------------------------
    def skip_logged(self, items: Iterable[Article | Failure], stats: WriteStats | None = None,
                    chunk: int = _LOG_CHUNK) -> Iterator[Article | Failure]:
        """Pass on the items not already finished according to the ingest log.

        An item is finished when the log has its id with the same content hash and the
        outcome ``stored`` or ``failed`` (a logged duplicate is passed on: duplicate
        skipping decides again). Skipped items are counted in ``stats`` as unchanged
        articles or as failures with their logged reason. Looks up ``chunk`` ids at a time.
        """
        buf: list[Article | Failure] = []
        for item in items:
            buf.append(item)
            if len(buf) >= chunk:
                yield from self._unlogged(buf, stats)
                buf = []
        if buf:
            yield from self._unlogged(buf, stats)

    def _unlogged(self, buf: list[Article | Failure], stats: WriteStats | None) -> Iterator[Article | Failure]:
        keys = sorted({sanitise_text(i.article_id)[:200] for i in buf})
        with self.engine.connect() as conn:
            logged = {r.item_key: r for r in conn.execute(
                sa.select(ingest_log.c.item_key, ingest_log.c.content_hash, ingest_log.c.outcome, ingest_log.c.reason)
                .where(ingest_log.c.item_key.in_(keys)))}
        for item in buf:
            row = logged.get(sanitise_text(item.article_id)[:200])
            if row is None or row.content_hash != item_hash(item) or row.outcome not in ("stored", "failed"):
                yield item
                continue
            if stats is not None:
                if row.outcome == "stored":
                    stats.articles_unchanged += 1
                else:
                    stats.failures += 1
                    key = reason_key(row.reason or "")
                    stats.failure_reasons[key] = stats.failure_reasons.get(key, 0) + 1

    def ingest_log(self) -> list[dict[str, object]]:
        """Every ingest-log row, by item key."""
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(sa.select(ingest_log).order_by(ingest_log.c.item_key)).mappings()]

    def _upsert_actors(self, conn: sa.Connection, evs: list[Event]) -> None:
        seen: dict[str, dict[str, object]] = {}
        for ev in evs:
            for a in (ev.source, ev.target):
                if a is not None and (a.code or a.name):
                    key = f"{a.code or ''}|{a.name or ''}|{a.sector or ''}"
                    seen[key] = {"actor_key": key, "code": a.code, "name": a.name, "sector": a.sector}
        if not seen:
            return
        have = set(conn.execute(sa.select(actors.c.actor_key).where(actors.c.actor_key.in_(list(seen)))).scalars())
        new = [row for key, row in seen.items() if key not in have]
        if new:
            conn.execute(actors.insert(), new)

    # -- reading ------------------------------------------------------------
    def events(self, flt: EventFilter | None = None) -> list[Event]:
        """Events matching ``flt``, ordered by date then id (undated last)."""
        return list(self.iter_events(flt))

    def iter_events(self, flt: EventFilter | None = None) -> Iterator[Event]:
        flt = flt or EventFilter()
        q = sa.select(events)
        if flt.actor:
            a = flt.actor
            like = f"%{a}%"
            q = q.where(sa.or_(events.c.source_code == a.upper(), events.c.target_code == a.upper(),
                               events.c.source_name.ilike(like), events.c.target_name.ilike(like)))
        if flt.event_type:
            q = q.where(events.c.event_type == flt.event_type.upper())
        if flt.status:
            q = q.where(events.c.status == flt.status)
        if flt.since:
            q = q.where(events.c.date_start >= flt.since)
        if flt.until:
            q = q.where(events.c.date_start <= flt.until)
        if flt.article_id:
            q = q.where(events.c.article_id == flt.article_id)
        q = q.order_by(events.c.date_start.is_(None), events.c.date_start, events.c.article_id,
                       events.c.evidence_start, events.c.event_id)
        if flt.limit:
            q = q.limit(flt.limit)
        with self.engine.connect() as conn:
            for row in conn.execute(q).mappings():
                yield event_from_row(row)

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        with self.engine.connect() as conn:
            return {t.name: int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one())
                    for t in (articles, events, actors, failures)}

    def failures(self) -> list[dict[str, object]]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(sa.select(failures).order_by(failures.c.article_id)).mappings()]

    def article_text(self, article_id: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(articles.c.text).where(articles.c.article_id == article_id)).scalar()


_ = metadata  # re-exported for tests that build the schema directly
