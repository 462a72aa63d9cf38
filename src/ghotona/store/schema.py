"""The database schema (SQLAlchemy Core) and its named, ordered migrations."""

from __future__ import annotations

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


# Named migrations, applied in order, each in its own transaction with its record.
MIGRATIONS: list[tuple[str, Callable[[sa.Connection], None]]] = [
    ("001_initial", _m001_initial),
]
