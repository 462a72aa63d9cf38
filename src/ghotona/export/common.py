"""Shared plumbing for the exports: streaming helpers and bounded look-ups in the store.

Exports read events from ``Store.iter_events`` one at a time. What a format needs beyond
the event itself (the article's url, outlet, ingest time or text; how many articles share
a story) is fetched here in chunks, so memory stays bounded by the chunk size, not by the
number of events. The one exception is ``story_stats``: it keeps one small record per
story that more than one event shares (single-event stories need no record).
"""

from __future__ import annotations

import bisect
from array import array
import datetime as dt
import logging
import sys
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import TypeVar
from urllib.parse import urlparse

import sqlalchemy as sa
from tqdm import tqdm

from ghotona import tsv
from ghotona.lang.segment import segment
from ghotona.model import Event
from ghotona.store.schema import articles, events

LOGGER = logging.getLogger(__name__)

T = TypeVar("T")
CHUNK = 500
"""Events handled per chunk (one article query per chunk)."""


def progress(items: Iterable[T], desc: str, enabled: bool = True) -> Iterator[T]:
    """``items`` with a tqdm bar on stderr (shown only on a terminal)."""
    yield from tqdm(items, desc=desc, unit="event", file=sys.stderr, disable=None if enabled else True)


def chunked(items: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    """Consecutive lists of at most ``size`` items."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def flat_text(value: str | None) -> str:
    """A value fit for one cell of a tab-separated, unquoted file (GDELT style).

    Tabs and line breaks become spaces; double quotes become single quotes so that readers
    that honour quoting (pandas' default) see the same cells as those that do not.
    """
    if value is None:
        return ""
    return " ".join(value.replace('"', "'").split())


def utc(value: dt.datetime | None) -> dt.datetime | None:
    """``value`` as an aware UTC datetime (SQLite returns naive UTC)."""
    if value is None:
        return None
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


# -- package data -------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Country:
    """One row of ``data/export/iso3_fips.tsv``."""

    iso3: str
    fips: str
    name: str


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """ISO 3166-1 alpha-3 → (FIPS 10-4 code, English short name), from package data."""
    rows = tsv.packaged("export/iso3_fips.tsv", ("iso3", "fips", "name"))
    return {r["iso3"]: Country(r["iso3"], r["fips"], r["name"]) for _, r in rows}


# -- articles -------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What the exports need to know about an event's article."""

    article_id: str
    outlet: str | None
    url: str | None
    title: str | None
    published: dt.date | None
    language: str | None
    ingested_at: dt.datetime | None
    text: str | None = None

    @property
    def identifier(self) -> str:
        """The article's URL, or ``ghotona:<article_id>`` when it has none."""
        return self.url or f"ghotona:{self.article_id}"

    @property
    def source_name(self) -> str:
        """The outlet, else the URL's host, else empty."""
        return self.outlet or (urlparse(self.url).hostname or "" if self.url else "")


class ArticleLookup:
    """Article metadata (and optionally text) fetched per chunk of events.

    ``load(ids)`` replaces the cache with those articles: one query per chunk, and memory
    bounded by the chunk, never by the whole store.
    """

    def __init__(self, engine: sa.Engine, with_text: bool = False) -> None:
        self.engine = engine
        self.with_text = with_text
        self._cache: dict[str, ArticleInfo] = {}

    def load(self, ids: Iterable[str]) -> None:
        wanted = sorted(set(ids))
        cols = [articles.c.article_id, articles.c.outlet, articles.c.url, articles.c.title,
                articles.c.published, articles.c.language, articles.c.ingested_at]
        if self.with_text:
            cols.append(articles.c.text)
        self._cache = {}
        with self.engine.connect() as conn:
            for start in range(0, len(wanted), CHUNK):
                q = sa.select(*cols).where(articles.c.article_id.in_(wanted[start:start + CHUNK]))
                for row in conn.execute(q).mappings():
                    self._cache[row["article_id"]] = ArticleInfo(
                        row["article_id"], row["outlet"], row["url"], row["title"], row["published"],
                        row["language"], utc(row["ingested_at"]), row.get("text"))

    def get(self, article_id: str) -> ArticleInfo:
        found = self._cache.get(article_id)
        if found is None:  # an event always has its article (foreign key); be safe anyway
            LOGGER.warning("article %s of an event is missing from the store", article_id)
            return ArticleInfo(article_id, None, None, None, None, None, None, "" if self.with_text else None)
        return found


def with_articles(evs: Iterable[Event], lookup: ArticleLookup) -> Iterator[tuple[Event, ArticleInfo]]:
    """Pairs (event, its article), fetching articles one chunk of events at a time."""
    for chunk in chunked(evs):
        lookup.load(e.article_id for e in chunk)
        for ev in chunk:
            yield ev, lookup.get(ev.article_id)


# -- stories --------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class StoryStats:
    """How widely a story was reported: events, distinct outlets, distinct articles."""

    events: int
    outlets: int
    articles: int


SINGLE = StoryStats(1, 1, 1)


def story_stats(engine: sa.Engine) -> dict[str, StoryStats]:
    """Counts for every story shared by more than one event, over the whole store.

    An event without a story, or alone in its story, counts 1/1/1 (see ``SINGLE``). An
    article without an outlet counts as no outlet; a story has at least one source.
    """
    n = sa.func.count()
    q = (sa.select(events.c.story, n, sa.func.count(sa.distinct(articles.c.outlet)),
                   sa.func.count(sa.distinct(events.c.article_id)))
         .select_from(events.join(articles, events.c.article_id == articles.c.article_id))
         .where(events.c.story.is_not(None)).group_by(events.c.story).having(n > 1))
    with engine.connect() as conn:
        found = {story: StoryStats(int(ne), max(1, int(no)), int(na)) for story, ne, no, na in conn.execute(q)}
    LOGGER.info("%d stories are shared by more than one event", len(found))
    return found


# -- sentences ------------------------------------------------------------------

def _paragraph_end(text: str, offset: int) -> int:
    """End of the paragraph (line) holding ``offset``."""
    nl = text.find("\n", offset)
    return len(text) if nl < 0 else nl


def sentence_starts(text: str) -> array[int]:
    """Start offsets of the sentences of ``text``, by the pipeline's own segmenter."""
    return array("I", (s.start for s in segment(text)))


class SentenceIndex:
    """1-based sentence numbers of offsets, keeping the sentence starts of ``size`` articles.

    Sentences come from ``ghotona.lang.segment`` (the pipeline's own segmenter), so numbers
    match what the coder saw. Starts are kept compactly (``array``), about 200 bytes per
    article, so the cache stays near 15 MB at its default size.
    """

    def __init__(self, size: int = 65_536) -> None:
        self.size = size
        self._starts: OrderedDict[str, array[int]] = OrderedDict()

    def sentence_id(self, article_id: str, text: str, offset: int) -> int:
        """Number of the sentence holding ``offset`` (0 for an empty text)."""
        starts = self._starts.get(article_id)
        if starts is None:
            starts = self._starts[article_id] = sentence_starts(text)
            if len(self._starts) > self.size:
                self._starts.popitem(last=False)
        else:
            self._starts.move_to_end(article_id)
        return bisect.bisect_right(starts, offset)


def lead_end(text: str) -> int:
    """End offset of the lead: the title or captions (if any) and the first body paragraph."""
    end = 0
    while True:
        end = _paragraph_end(text, end + 1)
        sents = segment(text[:end])
        first_body = next((s.paragraph for s in sents if s.kind == "body"), None)
        if first_body is not None:
            return max(s.end for s in sents if s.paragraph <= first_body)
        if end >= len(text):
            return len(text)


class LeadIndex:
    """Whether an offset lies in its article's lead, keeping the last ``size`` leads."""

    def __init__(self, size: int = 65_536) -> None:
        self.size = size
        self._ends: OrderedDict[str, int] = OrderedDict()

    def in_lead(self, article_id: str, text: str, offset: int) -> bool:
        end = self._ends.get(article_id)
        if end is None:
            end = self._ends[article_id] = lead_end(text)
            if len(self._ends) > self.size:
                self._ends.popitem(last=False)
        return offset < end


# -- what every writer receives ---------------------------------------------------

@dataclass(frozen=True, slots=True)
class ExportContext:
    """The store's engine and the options that shape a format's rows."""

    engine: sa.Engine
    include_undated: bool = False
