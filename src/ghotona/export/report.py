"""The actor report: one self-contained HTML page about an actor's events.

``write_report(db, path, actor=…, since=…)`` streams the matching events twice from
``Store.iter_events``: the first pass counts events per month (cooperation, QuadClass 1–2,
vs conflict, 3–4), the mean Goldstein per month, the dyads and the size of each story; the
second keeps the ``top`` largest stories (one representative event each, with its evidence
sentence). Memory grows with the number of months, dyads and multi-event stories, not
with the number of events. Rendering lives in ``report_html``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ghotona.export.common import ArticleInfo, ArticleLookup, progress
from ghotona.export.report_html import render
from ghotona.model import Actor, Event
from ghotona.store import EventFilter, Store, date_start

LOGGER = logging.getLogger(__name__)


@dataclass(slots=True)
class Tally:
    """Counts and a Goldstein mean for one month or one dyad."""

    cooperation: int = 0
    conflict: int = 0
    other: int = 0
    gold_sum: float = 0.0
    gold_n: int = 0

    def add(self, ev: Event) -> None:
        if ev.quad_class in (1, 2):
            self.cooperation += 1
        elif ev.quad_class in (3, 4):
            self.conflict += 1
        else:
            self.other += 1
        if ev.goldstein is not None:
            self.gold_sum += ev.goldstein
            self.gold_n += 1

    @property
    def total(self) -> int:
        return self.cooperation + self.conflict + self.other

    @property
    def goldstein(self) -> float | None:
        return self.gold_sum / self.gold_n if self.gold_n else None


@dataclass(frozen=True, slots=True)
class TopStory:
    """A story (or a lone event) and the event that represents it."""

    key: str
    events: int
    event: Event
    article: ArticleInfo


@dataclass(slots=True)
class ReportData:
    """Everything the page shows."""

    actor: str | None
    since: dt.date | None
    until: dt.date | None
    total: int = 0
    undated: int = 0
    overall: Tally = field(default_factory=Tally)
    months: dict[str, Tally] = field(default_factory=dict)
    dyads: dict[tuple[str, str, bool], Tally] = field(default_factory=dict)
    top: list[TopStory] = field(default_factory=list)
    generated: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))


def _label(actor: Actor | None) -> str:
    if actor is None:
        return "—"
    return actor.code or actor.name or actor.text or "?"


def dyad_key(ev: Event) -> tuple[str, str, bool]:
    """(source, target, symmetric); a symmetric pair is ordered so A–B and B–A agree."""
    a, b = _label(ev.source), _label(ev.target)
    if ev.symmetric and b < a:
        a, b = b, a
    return a, b, ev.symmetric


def month_of(ev: Event) -> str | None:
    """YYYY-MM of an event dated at least to the month, else None."""
    if ev.date_precision in ("none", "year"):
        return None
    start = date_start(ev.date, ev.date_precision)
    return start.strftime("%Y-%m") if start else None


def _first_pass(store: Store, flt: EventFilter, data: ReportData, show: bool) -> Counter[str]:
    stories: Counter[str] = Counter()
    for ev in progress(store.iter_events(flt), "report (1/2)", show):
        data.total += 1
        data.overall.add(ev)
        month = month_of(ev)
        if month is None:
            data.undated += 1
        else:
            data.months.setdefault(month, Tally()).add(ev)
        data.dyads.setdefault(dyad_key(ev), Tally()).add(ev)
        if ev.story:
            stories[ev.story] += 1
    return stories


def _rank(ev: Event, size: int) -> tuple[int, float, float, str]:
    return size, abs(ev.goldstein or 0.0), ev.confidence, ev.event_id


def _second_pass(store: Store, flt: EventFilter, stories: Counter[str], top: int,
                 show: bool) -> list[tuple[str, int, Event]]:
    best: dict[str, tuple[tuple[int, float, float, str], Event]] = {}
    for ev in progress(store.iter_events(flt), "report (2/2)", show):
        key = ev.story or f"event:{ev.event_id}"
        rank = _rank(ev, stories.get(ev.story, 1) if ev.story else 1)
        if key in best:
            if rank > best[key][0]:
                best[key] = (rank, ev)
            continue
        if len(best) < top:
            best[key] = (rank, ev)
            continue
        low = min(best, key=lambda k: best[k][0])
        if rank > best[low][0]:
            del best[low]
            best[key] = (rank, ev)
    ordered = sorted(best.items(), key=lambda kv: kv[1][0], reverse=True)
    return [(key, rank[0], ev) for key, (rank, ev) in ordered]


def collect(db: str | Path, actor: str | None = None, since: dt.date | None = None,
            until: dt.date | None = None, top: int = 10, show_progress: bool = True) -> ReportData:
    """Aggregate the events of ``actor`` (code or name part) between ``since`` and ``until``."""
    flt = EventFilter(actor=actor, since=since, until=until)
    data = ReportData(actor=actor, since=since, until=until)
    with Store(db) as store:
        stories = _first_pass(store, flt, data, show_progress)
        chosen = _second_pass(store, flt, stories, top, show_progress)
        lookup = ArticleLookup(store.engine)
        lookup.load(ev.article_id for _, _, ev in chosen)
        data.top = [TopStory(key, n, ev, lookup.get(ev.article_id)) for key, n, ev in chosen]
    return data


def write_report(db: str | Path, path: str | Path, *, actor: str | None = None,
                 since: dt.date | None = None, until: dt.date | None = None, top: int = 10,
                 show_progress: bool = True) -> ReportData:
    """Write the HTML report to ``path`` and return what it summarises."""
    data = collect(db, actor, since, until, top, show_progress)
    Path(path).write_text(render(data), encoding="utf-8")
    LOGGER.info("report on %s: %d events, %d months, written to %s", actor or "all actors",
                data.total, len(data.months), path)
    return data
