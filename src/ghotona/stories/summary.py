"""What a story shows: its canonical event, reports, outlets and a status summary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from ghotona.model import STATUSES, Event
from ghotona.stories.mentions import StoryMention

__all__ = ["Story", "build_story", "status_summary"]


@dataclass(frozen=True, slots=True)
class Story:
    """One real-world event and every coded mention of it.

    ``canonical`` is the story's seed: the mention with the most precise date, on the
    most-reported day, with the best-linked actors. ``first_report``/``last_report`` are the
    publication dates of the earliest and latest article that mention it.
    """

    story_id: str
    family: str
    canonical: Event
    event_ids: tuple[str, ...]
    articles: tuple[str, ...]
    outlets: tuple[str, ...]
    first_report: dt.date | None
    last_report: dt.date | None
    status_summary: str

    @property
    def n_mentions(self) -> int:
        return len(self.event_ids)

    def to_dict(self) -> dict[str, Any]:
        return {
            "story_id": self.story_id, "family": self.family, "canonical": self.canonical.to_dict(),
            "event_ids": list(self.event_ids), "articles": list(self.articles), "outlets": list(self.outlets),
            "first_report": self.first_report.isoformat() if self.first_report else None,
            "last_report": self.last_report.isoformat() if self.last_report else None,
            "n_mentions": self.n_mentions, "status_summary": self.status_summary,
        }


def _participants(e: Event) -> list[str]:
    return [a.code or a.name or "" for a in (e.source, e.target) if a is not None and (a.code or a.name)]


def status_summary(events: Iterable[Event]) -> str:
    """``"occurred; alleged by White House; denied by PRK, RUS"``: each status once, in the
    contract's order; alleged and denied name who claims or denies (``attributed_to``, or for
    a denial without one, the participants)."""
    who: dict[str, set[str]] = {}
    for e in events:
        names = who.setdefault(e.status, set())
        if e.status in ("alleged", "denied"):
            if e.attributed_to:
                names.add(e.attributed_to)
            elif e.status == "denied":
                names.update(_participants(e))
    parts = []
    for status in STATUSES:
        if status in who:
            parts.append(f"{status} by {', '.join(sorted(who[status]))}" if who[status] else status)
    return "; ".join(parts)


def build_story(story_id: str, family: str, canonical: str, members: Iterable[str],
                mentions: Mapping[str, StoryMention]) -> Story:
    """The summary of a story from its canonical event id, member ids and their mentions."""
    ms = [mentions[eid] for eid in members]
    dates = sorted(m.published for m in ms if m.published is not None)
    return Story(
        story_id=story_id, family=family, canonical=replace(mentions[canonical].event, story=story_id),
        event_ids=tuple(sorted(m.event.event_id for m in ms)),
        articles=tuple(sorted({m.event.article_id for m in ms})),
        outlets=tuple(sorted({m.outlet for m in ms if m.outlet})),
        first_report=dates[0] if dates else None, last_report=dates[-1] if dates else None,
        status_summary=status_summary(m.event for m in ms),
    )
