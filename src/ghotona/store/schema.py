"""The database schema (SQLAlchemy Core) and its named, ordered migrations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import sqlalchemy as sa

metadata = sa.MetaData()

articles = sa.Table(
    "articles", metadata,
    sa.Column("article_id", sa.String(200), primary_key=True),
    sa.Column("content_hash", sa.String(40), nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("outlet", sa.String(200)),
    sa.Column("url", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("published_source", sa.String(10), nullable=False),
    sa.Column("language", sa.String(10)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("source_path", sa.Text),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
)

events = sa.Table(
    "events", metadata,
    sa.Column("event_id", sa.String(40), primary_key=True),
    sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.article_id", ondelete="CASCADE"),
              nullable=False),
    sa.Column("event_type", sa.String(12), nullable=False),
    sa.Column("mode", sa.String(40)),
    sa.Column("cameo", sa.String(6)),
    sa.Column("goldstein", sa.Float),
    sa.Column("quad_class", sa.Integer),
    *(sa.Column(f"{role}_{field}", sa.Text if field in ("name", "text") else sa.String(12))
      for role in ("source", "target") for field in ("code", "name", "sector", "text")),
    sa.Column("symmetric", sa.Boolean, nullable=False),
    sa.Column("date", sa.String(10)),
    sa.Column("date_precision", sa.String(5), nullable=False),
    sa.Column("date_start", sa.Date),   # first day the date stands for (for range filters)
    sa.Column("date_text", sa.Text),
    sa.Column("location_name", sa.Text),
    sa.Column("location_code", sa.String(12)),
    sa.Column("location_lat", sa.Float),
    sa.Column("location_lon", sa.Float),
    sa.Column("location_text", sa.Text),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("attributed_to", sa.Text),
    sa.Column("evidence_sentence", sa.Text, nullable=False),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("story", sa.String(40)),
    sa.Index("ix_events_source_date", "source_code", "date_start"),
    sa.Index("ix_events_target_date", "target_code", "date_start"),
    sa.Index("ix_events_type_date", "event_type", "date_start"),
    sa.Index("ix_events_article", "article_id"),
)

actors = sa.Table(
    "actors", metadata,
    sa.Column("actor_key", sa.String(300), primary_key=True),
    sa.Column("code", sa.String(12)),
    sa.Column("name", sa.Text),
    sa.Column("sector", sa.String(12)),
    sa.Index("ix_actors_code", "code"),
)

failures = sa.Table(
    "failures", metadata,
    sa.Column("article_id", sa.String(200), primary_key=True),
    sa.Column("stage", sa.String(40), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("source_path", sa.Text),
    sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
)

schema_migrations = sa.Table(
    "schema_migrations", metadata,
    sa.Column("name", sa.String(100), primary_key=True),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)


def _m001_initial(conn: sa.Connection) -> None:
    for table in (articles, events, actors, failures):
        table.create(conn, checkfirst=True)


# Indexes for the API's keyset pages and per-actor aggregates (covering, so a timeline or
# a dyad reads only the index): (code, date_start, event_id) orders a page without sorting.
_API_INDEXES = (
    "ix_api_source ON events (source_code, date_start, event_id, target_code, quad_class, goldstein,"
    " date_precision)",
    "ix_api_target ON events (target_code, date_start, event_id, source_code, quad_class, goldstein,"
    " date_precision)",
    "ix_api_dyad ON events (source_code, target_code, date_start, date_precision, \"symmetric\", event_type,"
    " quad_class, goldstein)",  # SYMMETRIC is a reserved word in PostgreSQL
    "ix_api_date ON events (date_start, event_id)",
    "ix_api_type ON events (event_type, date_start, event_id)",
    "ix_api_story ON events (story, date_start, event_id)",
)


def _m003_api_indexes(conn: sa.Connection) -> None:
    for ddl in _API_INDEXES:
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {ddl}")


# -- 002_stories: cross-article stories and near-duplicate articles -----------------------
# (events.story is looked up through ix_api_story, which leads with story: 003_api_indexes)

stories = sa.Table(
    "stories", metadata,
    sa.Column("story_id", sa.String(40), primary_key=True),
    sa.Column("family", sa.String(12), nullable=False),          # type family (ghotona.stories.cluster)
    sa.Column("block_a", sa.Text, nullable=False),               # the block's actor keys, sorted: a code,
    sa.Column("block_b", sa.Text, nullable=False),               # "~name" or "" (to reload the block)
    sa.Column("canonical_event_id", sa.String(40), nullable=False),
    sa.Column("event_type", sa.String(12), nullable=False),
    *(sa.Column(f"{role}_{field}", sa.Text if field == "name" else sa.String(12))
      for role in ("source", "target") for field in ("code", "name")),
    sa.Column("symmetric", sa.Boolean, nullable=False),
    sa.Column("date", sa.String(10)),
    sa.Column("date_precision", sa.String(5), nullable=False),
    sa.Column("date_start", sa.Date),
    sa.Column("location_code", sa.String(12)),
    sa.Column("location_name", sa.Text),
    sa.Column("first_report", sa.Date),
    sa.Column("last_report", sa.Date),
    sa.Column("n_mentions", sa.Integer, nullable=False),
    sa.Column("n_articles", sa.Integer, nullable=False),
    sa.Column("n_outlets", sa.Integer, nullable=False),
    sa.Column("outlets", sa.Text, nullable=False),               # JSON list of outlet names
    sa.Column("status_summary", sa.Text, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_stories_block", "family", "block_a", "block_b"),
    sa.Index("ix_stories_last_report", "last_report"),
    sa.Index("ix_stories_source", "source_code"),
    sa.Index("ix_stories_target", "target_code"),
)

article_duplicates = sa.Table(
    "article_duplicates", metadata,
    sa.Column("article_id", sa.String(200), primary_key=True),   # the copy (not coded)
    sa.Column("original_id", sa.String(200), nullable=False),    # earliest published of its group
    sa.Column("similarity", sa.Float),                           # estimated Jaccard of the two texts
    sa.Column("outlet", sa.String(200)),
    sa.Column("url", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_article_duplicates_original", "original_id"),
)


def _m002_stories(conn: sa.Connection) -> None:
    for table in (stories, article_duplicates):
        table.create(conn, checkfirst=True)


# -- 004_ingest_log: the durable ingest log (one row per input item and its outcome) ---------
# Written in the same transaction as the item's batch, so after a crash an item is either
# fully stored with its row or absent from both; a resumed ingest skips items whose
# (item_key, content_hash) already has a row. item_key is the article id.

ingest_log = sa.Table(
    "ingest_log", metadata,
    sa.Column("item_key", sa.String(200), primary_key=True),
    sa.Column("content_hash", sa.String(40), nullable=False),   # of the item as it came in
    sa.Column("outcome", sa.String(12), nullable=False),        # stored | failed | duplicate
    sa.Column("stage", sa.String(40)),                          # failed: the stage that refused it
    sa.Column("reason", sa.Text),                               # failed: why; duplicate: of which article
    sa.Column("events", sa.Integer, nullable=False),
    sa.Column("source_path", sa.Text),
    sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_ingest_log_outcome", "outcome"),
)


def _m004_ingest_log(conn: sa.Connection) -> None:
    ingest_log.create(conn, checkfirst=True)


# -- 005_actor_summaries: per-actor summaries kept by every write of events ----------------
# The rows of one actor, day and date precision (actor_day) and of one actor, partner and
# month (actor_partner_month), so an actor's timeline reads a few thousand summary rows
# instead of every event of the actor. Store.write, record_duplicates and this migration's
# backfill maintain them in the transaction that changes events (ghotona.store.summary).
# Goldstein sums are integers in millionths, so adding and removing events never drifts and
# a mean is exact. Undated events (precision none) are kept under the day UNDATED.

UNDATED = dt.date(9999, 12, 31)   # never the first day of a month, nor a date the resolver gives

actor_day = sa.Table(
    "actor_day", metadata,
    sa.Column("code", sa.String(12), primary_key=True),
    sa.Column("day", sa.Date, primary_key=True),                  # events.date_start, or UNDATED
    sa.Column("date_precision", sa.String(5), primary_key=True),
    sa.Column("n", sa.Integer, nullable=False),                   # events of the actor (either side)
    sa.Column("n_source", sa.Integer, nullable=False),            # of which the actor is the source
    sa.Column("g_sum", sa.BigInteger, nullable=False),            # Goldstein sum in millionths
    sa.Column("g_n", sa.Integer, nullable=False),                 # events with a Goldstein score
    *(sa.Column(f"q{q}", sa.Integer, nullable=False) for q in (1, 2, 3, 4)),  # QuadClass counts
)

actor_partner_month = sa.Table(
    "actor_partner_month", metadata,
    sa.Column("code", sa.String(12), primary_key=True),
    sa.Column("partner", sa.String(12), primary_key=True),        # the other coded actor (either direction)
    sa.Column("month", sa.Date, primary_key=True),                # first day of date_start's month, or UNDATED
    sa.Column("n", sa.Integer, nullable=False),
    sa.Column("g_sum", sa.BigInteger, nullable=False),
    sa.Column("g_n", sa.Integer, nullable=False),
)


def _m005_actor_summaries(conn: sa.Connection) -> None:
    from ghotona.store.summary import rebuild  # the backfill shares the write path's arithmetic

    for table in (actor_day, actor_partner_month):
        table.create(conn, checkfirst=True)
    rebuild(conn)


# Named migrations, applied in order, each in its own transaction with its record.
MIGRATIONS: list[tuple[str, Callable[[sa.Connection], None]]] = [
    ("001_initial", _m001_initial),
    ("002_stories", _m002_stories),
    ("003_api_indexes", _m003_api_indexes),
    ("004_ingest_log", _m004_ingest_log),
    ("005_actor_summaries", _m005_actor_summaries),
]
