"""PLOVER export: one PLOVER JSON record per line (JSONL, as the PLOVER manual suggests).

Field names follow the PLOVER manual's "Data Fields" chapter (shared/reference/plover):
``id``, ``date``, ``actor`` and ``recipient`` (lists of entity objects with ``code``,
``sector``, ``entity_text``, ``identifier_text``), ``event`` (a one-element list),
``mode``, ``context`` (lists), ``event_loc`` (``extracted_place``, ``resolved_place``,
``lat``, ``lon``, ``country_code``, ``resolution``), ``event_text``, ``quad_code``,
``event_scale``, ``link``, ``text_info``, ``cite_info``, ``coder``, ``coded_date`` and
``comment``. ghotona adds named fields the manual allows: ``date_precision``, ``status``,
``attributed_to``, ``cameo``, ``goldstein``, ``confidence`` and ``article_id``.

Translations from the ghotona contract (the spec's "PLOVER export" note):

* **Planned CONSULT, SUPPORT, COOPERATE and AID become AGREE** (PLOVER codes a future
  cooperative act as intent); ``mode`` is then empty (AGREE has no modes) and ``comment``
  names the original type and mode. Nowhere else is the type changed.
* Other statuses go to PLOVER's auxiliary contexts: planned → ``future``, hypothetical →
  ``hypothetical``, denied → ``negation``; alleged has none (see ``status``).
* A symmetric event (a meeting) lists both sides as ``actor`` and no ``recipient``, as
  the manual prescribes for reciprocal events.
* Entity codes: ISO alpha-3 as is; UN → ``UNO``, EU → ``EUR``, NATO and other
  organisations → ``IGO``; the West gets no code (PLOVER codes no regional blocs). A
  changed code keeps the original in ``ghotona_code``.
* ``date`` is the first day of the event's date (a week's Monday, a month's 1st) with
  ``date_precision`` beside it; an undated event has ``date: null``.
* ``quad_code`` follows the manual's quad table for the exported type (SANCTION is verbal
  conflict there); ``event_scale`` is the manual's conflict–cooperation score of the type
  and mode (ACCUSE taken as -3: the table prints +3 beside modes of -2 to -3.5).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ghotona import __version__
from ghotona.export.common import ArticleInfo, ArticleLookup, ExportContext, countries, with_articles
from ghotona.export.geo import is_country
from ghotona.model import Actor, Event, Place
from ghotona.store import date_start

PLANNED_AS_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
STATUS_CONTEXT = {"planned": "future", "hypothetical": "hypothetical", "denied": "negation"}
ENTITY_CODES: dict[str, str | None] = {"UN": "UNO", "EU": "EUR", "NATO": "IGO", "WEST": None}

QUAD: dict[str, int] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "SANCTION", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}
"""PLOVER manual, "Quad categories in PLOVER"."""

SCORES: dict[str, float] = {
    "AGREE": 2.5, "CONSULT": 2.5, "CONSULT:visit": 4, "CONSULT:third-party": 1,
    "CONSULT:multilateral": 4, "CONSULT:phone": 1.5, "SUPPORT": 5, "CONCEDE": 4.5,
    "COOPERATE": 9.5, "AID": 10, "RETREAT": 6.5, "RETREAT:withdraw": 8, "RETREAT:release": 6.5,
    "RETREAT:disarm": 10, "RETREAT:ceasefire": 7.5, "RETREAT:access": 6.5, "RETREAT:resign": 4.5,
    "REQUEST": 0, "REQUEST:assist": 0.5, "REQUEST:change": -1, "REQUEST:yield": -1, "REQUEST:meet": 0,
    "ACCUSE": -3, "ACCUSE:disapprove": -2, "ACCUSE:investigate": -3.5, "ACCUSE:allege": -3.5,
    "REJECT": -2, "REJECT:assist": -1.5, "REJECT:change": -2, "REJECT:yield": -2, "REJECT:meet": -2,
    "THREATEN": -3.5, "THREATEN:restrict": -3, "THREATEN:territory": -4,
    "PROTEST": -5, "PROTEST:riot": -7, "PROTEST:hunger": -4.5, "PROTEST:boycott": -4.5,
    "PROTEST:obstruct": -4.5, "SANCTION": -6, "SANCTION:expel": -5.5,
    "MOBILIZE": -5.5, "MOBILIZE:troops": -6.5, "MOBILIZE:weapons": -6.5, "MOBILIZE:militia": -6,
    "COERCE": -7, "COERCE:censor": -6.5, "COERCE:curfew": -6.5, "COERCE:martial-law": -7.5,
    "COERCE:misinformation": -6.5, "ASSAULT": -9, "ASSAULT:abduct": -8.5, "ASSAULT:beat": -7.5,
    "ASSAULT:torture": -8.5, "ASSAULT:sexual": -8.5, "ASSAULT:targeted": -9.5,
    "ASSAULT:destroy": -8.5, "ASSAULT:primitive": -8, "ASSAULT:suicide-attack": -9.5,
    "ASSAULT:aerial": -9.5, "ASSAULT:drone": -9.5, "ASSAULT:heavy-weapons": -9.5,
    "ASSAULT:crowd-control": -7.5, "ASSAULT:unconventional": -10,
}
"""PLOVER manual, "PLOVER conflict–cooperation scores" (a mode not listed scores as its type)."""


def plover_type(ev: Event) -> str:
    """The PLOVER category: planned CONSULT/SUPPORT/COOPERATE/AID are AGREE."""
    if ev.status == "planned" and ev.event_type in PLANNED_AS_AGREE:
        return "AGREE"
    return ev.event_type


def entity(actor: Actor) -> dict[str, Any]:
    """A PLOVER entity object."""
    code = (actor.code or "").upper() or None
    mapped = code if code is None or code in countries() else ENTITY_CODES.get(code, "IGO")
    out: dict[str, Any] = {"code": mapped, "sector": actor.sector, "entity_text": actor.text,
                           "identifier_text": actor.name}
    if mapped != code:
        out["ghotona_code"] = code
    return out


def location(place: Place | None) -> dict[str, Any] | None:
    """A PLOVER location object (``resolution`` 1 country, 4 city/place)."""
    if place is None:
        return None
    return {"extracted_place": place.text, "resolved_place": place.name, "lat": place.lat,
            "lon": place.lon, "country_code": place.code, "resolution": 1 if is_country(place) else 4}


def _participants(ev: Event) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    actors = [entity(ev.source)] if ev.source else []
    recipients = [entity(ev.target)] if ev.target else []
    if ev.symmetric:
        return actors + recipients, []
    return actors, recipients


def _cite(art: ArticleInfo) -> dict[str, Any]:
    return {"url": art.url, "title": art.title, "publication": art.outlet, "language": art.language,
            "coder": f"ghotona {__version__}", "codebook": "PLOVER (ghotona shared/spec/events.md)"}


def record(ev: Event, art: ArticleInfo) -> dict[str, Any]:
    """The PLOVER record of one event."""
    kind = plover_type(ev)
    mapped = kind != ev.event_type
    mode = None if mapped else ev.mode
    context = [] if mapped or ev.status not in STATUS_CONTEXT else [STATUS_CONTEXT[ev.status]]
    actors, recipients = _participants(ev)
    start = date_start(ev.date, ev.date_precision)
    return {
        "id": ev.event_id, "date": start.isoformat() if start else None, "date_precision": ev.date_precision,
        "actor": actors, "recipient": recipients, "event": [kind], "mode": [mode] if mode else [],
        "context": context, "event_loc": location(ev.location), "event_text": [ev.evidence.sentence],
        "quad_code": QUAD[kind], "event_scale": float(SCORES.get(f"{kind}:{mode}", SCORES[kind])),
        "link": ev.story, "text_info": {"start": ev.evidence.start, "end": ev.evidence.end},
        "cite_info": _cite(art), "coder": "ghotona",
        "coded_date": art.ingested_at.date().isoformat() if art.ingested_at else None,
        "comment": f"ghotona: planned {ev.event_type}{'/' + ev.mode if ev.mode else ''} exported as AGREE"
        if mapped else None,
        "status": ev.status, "attributed_to": ev.attributed_to, "cameo": ev.cameo,
        "goldstein": ev.goldstein, "confidence": ev.confidence, "article_id": ev.article_id,
    }


def write(evs: Iterable[Event], path: Path, ctx: ExportContext) -> int:
    """Write ``evs`` to ``path`` as PLOVER JSONL; return the number of records."""
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for ev, art in with_articles(evs, ArticleLookup(ctx.engine)):
            out.write(json.dumps(record(ev, art), ensure_ascii=False) + "\n")
            n += 1
    return n
