"""The two write-side library calls of the API: extract text, ingest articles."""

from __future__ import annotations

import logging
from dataclasses import asdict
from typing import Any

from ghotona.api.schemas import ArticleIn, ExtractIn
from ghotona.config import Settings
from ghotona.model import Article, Failure, stable_id
from ghotona.pipeline import analyse, process
from ghotona.readers import extract_html
from ghotona.store import Store, WriteStats

LOGGER = logging.getLogger(__name__)

__all__ = ["extract_text", "ingest_articles"]


def extract_text(body: ExtractIn, settings: Settings) -> dict[str, Any]:
    """Code one text and return its cleaned article and events; nothing is stored.

    A text the pipeline refuses (empty, not Bengali, too large) raises ``ArticleRejected``.
    """
    art = Article(article_id=stable_id(body.text, body.published), raw=body.text, title=body.title,
                  outlet=body.outlet, url=body.url, published=body.published,
                  published_source="given" if body.published else "none")
    res = analyse(art, settings, on_error="raise")
    return {"article": res.article.to_dict(), "events": [e.to_dict() for e in res.events]}


def _article(rec: ArticleIn, settings: Settings) -> Article | Failure:
    article_id = rec.id or stable_id(rec.text or rec.html)
    source = "given" if rec.published else "none"
    if rec.text:
        return Article(article_id=article_id, raw=rec.text, title=rec.title, outlet=rec.outlet, url=rec.url,
                       published=rec.published, published_source=source, source_path="api")
    found = extract_html(rec.html or "", article_id=article_id, published=rec.published, source_path="api",
                         settings=settings)
    if isinstance(found, Failure):
        return found
    return Article(article_id=article_id, raw=found.raw, title=rec.title or found.title,
                   outlet=rec.outlet or found.outlet, url=rec.url or found.url, published=found.published,
                   published_source=found.published_source, source_path="api")


def ingest_articles(store: Store, records: list[ArticleIn], settings: Settings) -> dict[str, Any]:
    """Extract and store articles, one transaction per batch; report what was written."""
    total = WriteStats()
    failures: list[dict[str, str]] = []
    batch = []
    for res in process((_article(r, settings) for r in records), settings):
        batch.append(res)
        if res.failure is not None:
            failures.append({"article_id": res.failure.article_id, "stage": res.failure.stage,
                             "reason": res.failure.reason})
        if len(batch) >= settings.batch_size:
            total.add(store.write(batch))
            batch = []
    if batch:
        total.add(store.write(batch))
    LOGGER.info("API ingest: %s", total)
    return {"ok": True, **asdict(total), "rejected": failures}
