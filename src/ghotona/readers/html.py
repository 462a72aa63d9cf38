"""Raw HTML pages -> Article, with trafilatura (favor precision) for the main text."""

from __future__ import annotations

import datetime as dt
import logging

import trafilatura

from ghotona.model import Article, Failure

LOGGER = logging.getLogger(__name__)


def article_from_html(html: str, *, article_id: str, published: dt.date | None = None,
                      favor_precision: bool = True, source_path: str | None = None) -> Article | Failure:
    """Extract the article body and metadata of one page.

    A page with no extractable body becomes a ``Failure`` with the reason. A caller-given
    ``published`` wins over the page's metadata date (``published_source`` says which).
    """
    if not html.strip():
        return Failure(article_id, "read", "empty HTML page", source_path)
    try:
        doc = trafilatura.bare_extraction(html, favor_precision=favor_precision, with_metadata=True,
                                          include_comments=False, include_tables=False)
    except (ValueError, TypeError, RecursionError) as exc:  # trafilatura's own rejections
        return Failure(article_id, "read", f"HTML could not be parsed: {exc}", source_path)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        return Failure(article_id, "read", "HTML page has no extractable article text", source_path)
    page_date: dt.date | None = None
    raw_date = getattr(doc, "date", None)
    if raw_date:
        try:
            page_date = dt.date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            LOGGER.debug("ignoring unparseable page date %r in %s", raw_date, article_id)
    if published is not None:
        pub, source = published, "given"
    elif page_date is not None:
        pub, source = page_date, "page"
    else:
        pub, source = None, "none"
    return Article(article_id=article_id, raw=text, title=getattr(doc, "title", None),
                   outlet=getattr(doc, "sitename", None), url=getattr(doc, "url", None),
                   published=pub, published_source=source, source_path=source_path)
