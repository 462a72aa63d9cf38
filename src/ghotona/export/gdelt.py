"""GDELT 2.0 Event table export: 61 tab-separated columns per event, no header, UTF-8.

One row per ghotona event, in the column order of shared/reference/gdelt/README.md
(``EVENT_COLUMNS``). How ghotona fills GDELT's fields:

* ``GLOBALEVENTID``: ``global_event_id(event_id)``, the first 60 bits of the SHA-1 of the
  event id, so the same event always gets the same id (and it fits a signed int64).
* Dates (``SQLDATE``, ``MonthYear``, ``Year``, ``FractionDate``): from the event's own
  resolved date, not the publication date (GDELT's rule). A week, month or year date uses
  its first day (a week its Monday); the precision is kept in the Mentions table's
  ``Extras``. ``FractionDate`` is ``Year + day_of_year / 365`` capped at ``.9999``.
* **Undated events** (``date_precision: none``) have no SQLDATE, and GDELT has no empty
  date (every date column is an integer). They are **skipped by default** (the count is
  logged). ``include_undated=True`` (CLI ``--include-undated``) dates them by the
  article's publication date instead, and marks the row in the Mentions table's
  ``Extras`` with ``date_source=published``; events whose article has no publication date
  either are still skipped. The Mentions export applies the same rule, so every mention
  points at an exported event.
* Actors: ``Actor1Code`` is the CAMEO code, country + sector (``RUSGOV``); UN, NATO, EU and
  the West become ``IGOUNO``, ``IGOWSTNAT``, ``IGOEUREEC`` and ``WST`` (+ sector); other
  organisations get the sector alone with their ghotona code in ``KnownGroupCode``.
  ``Actor1Name`` is the upper-cased English name (the country's name when none).
  ``Actor1Type1Code`` is the sector. Ethnic, religion and Type2/3 codes stay empty.
* Geography: only ``ActionGeo_*`` is filled, from the event location: type 1 (country)
  when the place is the country itself, else 4 (world city), FIPS 10-4 country code
  (package data ``data/export/iso3_fips.tsv``), ``ADM1Code`` = the FIPS code,
  ``FeatureID`` = the FIPS code for countries. Actor geography is type 0 (none), as GDELT
  writes when it has no match.
* ``IsRootEvent``: 1 when the evidence lies in the lead (title or first body paragraph).
* ``NumMentions``/``NumSources``/``NumArticles``: events, distinct outlets and distinct
  articles sharing the event's ``story`` across the whole store; 1/1/1 without a story.
* ``AvgTone`` 0 (ghotona measures no tone). ``DATEADDED``: the article's ingest time,
  YYYYMMDDHHMMSS UTC. ``SOURCEURL``: the article URL, else ``ghotona:<article_id>``.

Text cells never hold tabs or line breaks, and double quotes become single quotes (see
``common.flat_text``), so any TSV reader splits the rows the same way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ghotona.export.common import (
    SINGLE,
    ArticleInfo,
    ArticleLookup,
    ExportContext,
    LeadIndex,
    StoryStats,
    flat_text,
    story_stats,
    with_articles,
)
from ghotona.export.geo import actor_fields, geo_fields
from ghotona.model import Event
from ghotona.store import date_start

LOGGER = logging.getLogger(__name__)

EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{i}{f}" for i in (1, 2) for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{g}Geo_{f}" for g in ("Actor1", "Actor2", "Action") for f in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)

DEFAULT_CAMEO: dict[str, str] = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "CONCEDE": "080", "COOPERATE": "060",
    "AID": "070", "RETREAT": "087", "REQUEST": "100", "ACCUSE": "110", "REJECT": "120",
    "THREATEN": "130", "PROTEST": "140", "SANCTION": "160", "MOBILIZE": "150", "COERCE": "170",
    "ASSAULT": "190",
}
"""A CAMEO code for an event the coder left without one (the type's root)."""


def global_event_id(event_id: str) -> int:
    """A stable positive integer (< 2**60) for a ghotona event id."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def timestamp(value: dt.datetime | None) -> str:
    """YYYYMMDDHHMMSS (UTC) of ``value``, or of now when it is unknown."""
    return (value or dt.datetime.now(dt.UTC)).strftime("%Y%m%d%H%M%S")


@dataclass(frozen=True, slots=True)
class GdeltDate:
    """The day an exported event is filed under, and where it came from."""

    day: dt.date
    precision: str
    source: str  # "event" or "published"

    def columns(self) -> list[str]:
        d = self.day
        fraction = min((d.timetuple().tm_yday / 365), 0.9999)
        return [d.strftime("%Y%m%d"), d.strftime("%Y%m"), str(d.year), f"{d.year + fraction:.4f}"]


def gdelt_date(ev: Event, art: ArticleInfo, include_undated: bool) -> GdeltDate | None:
    """The event's GDELT date, or None when the event must be skipped (undated)."""
    start = date_start(ev.date, ev.date_precision)
    if start is not None:
        return GdeltDate(start, ev.date_precision, "event")
    if include_undated and art.published is not None:
        return GdeltDate(art.published, "none", "published")
    return None


def quad_class(ev: Event, cameo: str) -> int:
    """The event's QuadClass, else the one its CAMEO root implies (01–05, 06–08, 09–13, 14–20)."""
    if ev.quad_class is not None:
        return ev.quad_class
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def event_row(ev: Event, art: ArticleInfo, when: GdeltDate, story: StoryStats, root: bool) -> list[str]:
    """The 61 cells of one event."""
    cameo = ev.cameo or DEFAULT_CAMEO[ev.event_type]
    gold = "" if ev.goldstein is None else str(float(ev.goldstein))
    row = [str(global_event_id(ev.event_id)), *when.columns(),
           *actor_fields(ev.source), *actor_fields(ev.target),
           "1" if root else "0", cameo, cameo[:3], cameo[:2], str(quad_class(ev, cameo)), gold,
           str(story.events), str(story.outlets), str(story.articles), "0",
           *geo_fields(None), *geo_fields(None), *geo_fields(ev.location),
           timestamp(art.ingested_at), flat_text(art.identifier)]
    return row


def dated(pairs: Iterable[tuple[Event, ArticleInfo]], include_undated: bool,
          skipped: list[int]) -> Iterable[tuple[Event, ArticleInfo, GdeltDate]]:
    """The (event, article, date) triples to export; counts skipped events in ``skipped[0]``."""
    for ev, art in pairs:
        when = gdelt_date(ev, art, include_undated)
        if when is None:
            skipped[0] += 1
            continue
        yield ev, art, when


def log_skipped(skipped: int, include_undated: bool) -> None:
    if skipped:
        hint = ("their articles have no publication date" if include_undated
                else "--include-undated dates them by publication")
        LOGGER.warning("skipped %d undated events (GDELT needs a date; %s)", skipped, hint)


def write(evs: Iterable[Event], path: Path, ctx: ExportContext) -> int:
    """Write the GDELT Event table of ``evs`` to ``path``; return the number of rows."""
    stories = story_stats(ctx.engine)
    leads = LeadIndex()
    pairs = with_articles(evs, ArticleLookup(ctx.engine, with_text=True))
    n, skipped = 0, [0]
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for ev, art, when in dated(pairs, ctx.include_undated, skipped):
            story = stories.get(ev.story, SINGLE) if ev.story else SINGLE
            root = leads.in_lead(ev.article_id, art.text or "", ev.evidence.start)
            out.write("\t".join(event_row(ev, art, when, story, root)) + "\n")
            n += 1
    log_skipped(skipped[0], ctx.include_undated)
    return n
