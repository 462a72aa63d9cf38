"""The clustering view of mentions: type families, blocks, dates and ``Item`` records.

``FAMILIES`` and the matching rules are documented in ``ghotona.stories.cluster``.
"""

from __future__ import annotations

import datetime as dt
import logging
import types
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources

from ghotona.model import Actor, Event

LOGGER = logging.getLogger(__name__)

__all__ = [
    "FAMILIES", "LEVELS", "UNDIRECTED_FAMILIES", "BlockKey", "ClusterConfig", "Item", "StoryMention",
    "block_of", "default_config", "family_of", "interval", "load_person_names", "make_item",
]

FAMILIES: Mapping[str, str] = types.MappingProxyType({
    "CONSULT": "consult", "AGREE": "cooperate", "COOPERATE": "cooperate", "AID": "cooperate",
    "SUPPORT": "support", "CONCEDE": "yield", "RETREAT": "yield", "REQUEST": "request",
    "ACCUSE": "disapprove", "THREATEN": "disapprove", "REJECT": "reject", "PROTEST": "protest",
    "SANCTION": "sanction", "MOBILIZE": "mobilize", "COERCE": "coerce", "ASSAULT": "assault",
})
UNDIRECTED_FAMILIES: frozenset[str] = frozenset({"consult", "cooperate"})
LEVELS: Mapping[str, int] = types.MappingProxyType({"day": 0, "week": 1, "month": 2, "year": 3, "none": 4})

BlockKey = tuple[str, str, str]


def family_of(event_type: str) -> str:
    """The type family of a PLOVER type (the table is in ``ghotona.stories.cluster``)."""
    try:
        return FAMILIES[event_type]
    except KeyError:
        raise ValueError(f"unknown event type {event_type!r}; expected one of {sorted(FAMILIES)}") from None


@dataclass(frozen=True, slots=True)
class ClusterConfig:
    """Clustering options.

    Args:
        day_slack: day-precision mentions this many days apart can be one story.
        undated_back_days / undated_ahead_days: an undated mention only considers stories
            dated within this window around its article's publication date.
        undated_peer_days: undated mentions with no dated story can form one with each other
            when their articles were published at most this many days apart.
        person_names: canonical names that denote persons; two different persons on the
            same side keep mentions apart (institutions and countries roll up to the code).
    """

    day_slack: int = 1
    undated_back_days: int = 30
    undated_ahead_days: int = 30
    undated_peer_days: int = 30
    person_names: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        for name in ("day_slack", "undated_back_days", "undated_ahead_days", "undated_peer_days"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be >= 0, got {getattr(self, name)!r}")


def load_person_names() -> frozenset[str]:
    """Canonical person names from the packaged gazetteer (``data/gazetteer/people.tsv``)."""
    path = resources.files("ghotona") / "data" / "gazetteer" / "people.tsv"
    names = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("name\t"):
            names.add(line.split("\t", 1)[0].strip())
    return frozenset(n for n in names if n)


def default_config() -> ClusterConfig:
    """Default options with the gazetteer's person names."""
    return ClusterConfig(person_names=load_person_names())


@dataclass(frozen=True, slots=True)
class StoryMention:
    """An event as the clusterer sees it: the event plus its article's date and outlet."""

    event: Event
    published: dt.date | None = None
    outlet: str | None = None


def interval(date: str | None, precision: str) -> tuple[int, int] | None:
    """The closed range of day ordinals a (date, precision) pair stands for (None if undated).

    A week is normalised to Monday..Sunday. A malformed date counts as undated.
    """
    if not date or precision == "none":
        return None
    try:
        parts = [int(p) for p in date.split("-")]
        y, m, d = parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1
        if precision == "year":
            return dt.date(y, 1, 1).toordinal(), dt.date(y, 12, 31).toordinal()
        if precision == "month":
            start = dt.date(y, m, 1)
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return start.toordinal(), nxt.toordinal() - 1
        day = dt.date(y, m, d).toordinal()
    except (ValueError, IndexError):
        LOGGER.warning("malformed date %r (%s) treated as undated", date, precision)
        return None
    if precision == "week":
        day -= dt.date.fromordinal(day).weekday()
        return day, day + 6
    return day, day


def _actor_key(actor: Actor | None) -> str:
    if actor is None:
        return ""
    if actor.code:
        return actor.code
    return f"~{actor.name}" if actor.name else ""


def _link_score(actor: Actor | None, persons: frozenset[str]) -> int:
    if actor is None:
        return 0
    return 2 * bool(actor.code) + bool(actor.name) + bool(actor.sector) + (actor.name in persons)


def block_of(event: Event) -> BlockKey:
    """The block (family, actor key, actor key) an event is clustered in; keys sorted."""
    a, b = sorted((_actor_key(event.source), _actor_key(event.target)))
    return family_of(event.event_type), a, b


@dataclass(slots=True)
class Item:
    """The precomputed clustering view of one mention (internal, but tests may build one)."""

    eid: str
    etype: str
    block: BlockKey
    src: str
    tgt: str
    src_person: str | None
    tgt_person: str | None
    symmetric: bool
    level: int
    lo: int
    hi: int
    reach: tuple[int, int] | None
    loc: str | None
    link: int
    persons: int
    confidence: float
    status: str = "occurred"
    pub: int | None = None
    article: str = ""

    @property
    def free_order(self) -> bool:
        """Source and target may be swapped when matching this mention."""
        return self.symmetric or self.block[0] in UNDIRECTED_FAMILIES


def make_item(m: StoryMention, config: ClusterConfig) -> Item:
    """The clustering view of a mention under ``config``."""
    e = m.event
    persons = config.person_names
    sp = e.source.name if e.source and e.source.name in persons else None
    tp = e.target.name if e.target and e.target.name in persons else None
    span = interval(e.date, e.date_precision)
    level = LEVELS["none"] if span is None else LEVELS[e.date_precision]
    pub = m.published.toordinal() if m.published else None
    lo, hi = span if span else (pub or 0, pub or 0)   # an undated mention is placed at its publication
    if span is None:
        reach = None
        if m.published is not None:
            p = m.published.toordinal()
            reach = (p - config.undated_back_days, p + config.undated_ahead_days)
    elif level == 0:
        reach = (lo - config.day_slack, hi + config.day_slack)
    else:
        reach = span
    return Item(eid=e.event_id, etype=e.event_type, block=block_of(e), src=_actor_key(e.source),
                tgt=_actor_key(e.target), src_person=sp, tgt_person=tp, symmetric=e.symmetric, level=level,
                lo=lo, hi=hi, reach=reach, loc=e.location.code if e.location else None,
                link=_link_score(e.source, persons) + _link_score(e.target, persons),
                persons=(sp is not None) + (tp is not None), confidence=e.confidence, status=e.status,
                pub=pub, article=e.article_id)
