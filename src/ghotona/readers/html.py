"""Raw HTML pages -> Article, with trafilatura (favor precision) for the main text."""

from __future__ import annotations

import datetime as dt
import logging
import re

import lxml.etree
import lxml.html
import trafilatura

from ghotona.model import Article, Failure

LOGGER = logging.getLogger(__name__)

# libxml2's HTML parser stops at 255 nested elements and drops the rest of the page; deeper
# pages are re-parsed without that limit and their layout containers flattened.
MAX_DEPTH = 200
_LAYOUT_TAGS = ("div", "span", "section", "table", "tbody", "thead", "tr", "td", "th", "ul", "ol", "li", "b", "i",
                "u", "em", "strong", "font", "center", "small", "big", "blockquote", "dl", "dt", "dd", "form")


def _depth(tree: lxml.etree._Element) -> int:
    depth = deepest = 0
    for event, _el in lxml.etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


_LAYOUT_RX = re.compile(r"</?(?:%s)(?:\s[^<>]*)?/?>" % "|".join(_LAYOUT_TAGS), re.IGNORECASE)


def _flattened(html: str) -> str | None:
    """The page without its layout containers, if it nests deeper than ``MAX_DEPTH``.

    (Parsed with ``huge_tree`` libxml2 still stops at 2048 levels, so the tags are removed
    from the markup itself.)
    """
    try:
        tree = lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True, remove_comments=True))
    except (ValueError, lxml.etree.ParserError):
        return None
    if _depth(tree) <= MAX_DEPTH:
        return None
    return _LAYOUT_RX.sub(" ", html)


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
        flat = _flattened(html)
        if flat is not None:
            LOGGER.info("%s: markup nested deeper than %d elements, extracted from the flattened page",
                        article_id, MAX_DEPTH)
            try:
                doc = trafilatura.bare_extraction(flat, favor_precision=favor_precision, with_metadata=True,
                                                  include_comments=False, include_tables=False)
            except (ValueError, TypeError, RecursionError) as exc:
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
