"""Shared fixtures: paths to the shared gold/seeds/corpus and small helpers."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT.parent / "shared").resolve()
SEEDS = SHARED / "seeds"
DEV = SHARED / "eval" / "dev"
CORPUS = SHARED / "corpus" / "bn_news.jsonl"
HTML_DIR = SHARED / "corpus" / "html"


def is_dev_half(article_id: str) -> bool:
    """The held-out rule: only ids whose sha1 starts with 0-7 may be used for development."""
    return hashlib.sha1(article_id.encode()).hexdigest()[0] in "01234567"


def dev_gold_articles() -> list[dict]:
    return [json.loads(line) for line in (DEV / "articles.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="session")
def seed_published() -> dict[str, str | None]:
    return {a["article_id"]: (None if a["published_in_text"] else a["published"]) for a in dev_gold_articles()}


@pytest.fixture(scope="session")
def postgres_url():
    from pg import postgres_server

    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh database URL on a real SQLite file and on a real PostgreSQL server."""
    if request.param == "sqlite":
        yield str(tmp_path / "test.db")
        return
    import sqlalchemy as sa

    base = request.getfixturevalue("postgres_url")
    name = f"t_{abs(hash(str(tmp_path))) % 10**9}"
    eng = sa.create_engine(base.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    with eng.connect() as c:
        c.exec_driver_sql(f"CREATE DATABASE {name}")
    eng.dispose()
    yield base.rsplit("/", 1)[0] + f"/{name}"
