"""GDELT 2.0 Mentions table export: 16 tab-separated columns, no header, UTF-8.

Each ghotona event is coded from exactly one article, so each event is one mention: one
row per exported event, with the same ``GLOBALEVENTID`` as the Event table (and the same
undated-event rule, see ``gdelt.py``: skipped unless ``include_undated``).

* ``EventTimeDate`` = ``MentionTimeDate`` = the article's ingest time (YYYYMMDDHHMMSS UTC),
  i.e. the Event table's ``DATEADDED``.
* ``MentionType`` 1 (web article); ``MentionSourceName``: the outlet, else the URL's host,
  else empty; ``MentionIdentifier``: the URL, else ``ghotona:<article_id>``.
* ``SentenceID``: 1-based number of the evidence sentence in the article's cleaned text,
  by the pipeline's own segmenter.
* ``Actor1CharOffset``/``Actor2CharOffset``: offset of the actor's text (as written) in
  the cleaned text, looked for inside the evidence sentence; -1 when it is not there (as
  GDELT writes for an actor it did not find). ``ActionCharOffset``: the start of the
  evidence sentence (ghotona keeps no offset for the predicate itself).
* ``InRawText`` 1; ``Confidence``: the event confidence × 100, rounded; ``MentionDocLen``:
  characters of cleaned text; ``MentionDocTone`` 0.
* ``MentionDocTranslationInfo``: ``srclc:ben`` for Bengali articles (coded in the original
  language, no translation), empty when the language is unknown.
* ``Extras``: ``event_id=…;date_precision=…;date_source=event|published``: the ghotona event
  id (to join back to the store), the precision of the date behind ``SQLDATE`` and whether
  it is the event's own date or the publication date (``--include-undated``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ghotona.export.common import ArticleInfo, ArticleLookup, ExportContext, SentenceIndex, flat_text, with_articles
from ghotona.export.gdelt import GdeltDate, dated, global_event_id, log_skipped, timestamp
from ghotona.model import Actor, Event

MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)

LANGUAGES = {"bn": "ben", "en": "eng", "hi": "hin", "ur": "urd"}
"""ISO 639-1 → the ISO 639-2 code GDELT's ``srclc:`` uses."""


def actor_offset(actor: Actor | None, ev: Event, text: str) -> int:
    """Offset of the actor's text within the evidence sentence of ``text``; -1 if absent."""
    if actor is None or not actor.text:
        return -1
    return text.find(actor.text, ev.evidence.start, ev.evidence.end)


def mention_row(ev: Event, art: ArticleInfo, when: GdeltDate, sid: int) -> list[str]:
    """The 16 cells of one mention."""
    text = art.text or ""
    stamp = timestamp(art.ingested_at)
    lang = LANGUAGES.get(art.language or "", art.language or "")
    extras = f"event_id={ev.event_id};date_precision={when.precision};date_source={when.source}"
    return [str(global_event_id(ev.event_id)), stamp, stamp, "1", flat_text(art.source_name),
            flat_text(art.identifier), str(sid), str(actor_offset(ev.source, ev, text)),
            str(actor_offset(ev.target, ev, text)), str(ev.evidence.start), "1",
            str(round(ev.confidence * 100)), str(len(text)), "0", f"srclc:{lang}" if lang else "",
            flat_text(extras)]


def write(evs: Iterable[Event], path: Path, ctx: ExportContext) -> int:
    """Write the GDELT Mentions table of ``evs`` to ``path``; return the number of rows."""
    sentences = SentenceIndex()
    pairs = with_articles(evs, ArticleLookup(ctx.engine, with_text=True))
    n, skipped = 0, [0]
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for ev, art, when in dated(pairs, ctx.include_undated, skipped):
            sid = sentences.sentence_id(ev.article_id, art.text or "", ev.evidence.start)
            out.write("\t".join(mention_row(ev, art, when, sid)) + "\n")
            n += 1
    log_skipped(skipped[0], ctx.include_undated)
    return n
