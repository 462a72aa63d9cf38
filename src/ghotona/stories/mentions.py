"""The clustering view of mentions: type families, blocks, dates and ``Item`` records.

``FAMILIES`` and the matching rules are documented in ``ghotona.stories.cluster``.
"""

from __future__ import annotations

import datetime as dt
import logging
import types
from collections.abc import Mapping
from dataclasses import dataclass, field

from ghotona import tsv
from ghotona.model import Actor, Event

LOGGER = logging.getLogger(__name__)

__all__ = [
    "CODER_GENERIC_TEMPLATES", "CODER_STATE_TEMPLATES", "FAMILIES", "LEVELS", "STATE_SECTORS",
    "UNDIRECTED_FAMILIES", "WHOLE_STATE_INSTITUTIONS", "ActorView", "BlockKey", "ClusterConfig", "Item",
    "StoryMention", "block_of", "default_config", "family_of", "interval", "load_generic_names", "load_org_names",
    "load_person_names", "load_state_names", "make_item",
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

# Sectors of state organs: the government, its ministries, forces, courts and parliament all act
# for the state, so inside one country they are one sector class for story matching.
STATE_SECTORS: frozenset[str] = frozenset({"GOV", "MIL", "JUD", "LEG"})
# Generic institutions (institutions.tsv keys) that stand for the whole state, not one organ of it.
WHOLE_STATE_INSTITUTIONS: frozenset[str] = frozenset({"government", "authorities", "officials", "leaders"})


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
        day_slack: dated mentions whose ranges are at most this many days apart can be one
            story (a day with a day, or a week, month or year with a day or period below it).
        undated_back_days / undated_ahead_days: an undated mention only considers stories
            dated within this window around its article's publication date.
        undated_peer_days: undated mentions with no dated story can form one with each other
            when their articles were published at most this many days apart.
        person_names: canonical names that denote persons; two different persons on the
            same side keep mentions apart (institutions and countries roll up to the code).
        org_names: canonical names of named organisations (parties, movements, agencies); in a
            domestic dyad two different named organisations keep mentions apart.
        state_names: canonical names that stand for a whole state ("Government of Bangladesh",
            "Bangladeshi authorities", "Bangladesh"): in a domestic dyad they match any state
            organ or official, while two different organs (police, army, a court) stay apart.
        generic_names: the names the coder gives a country's generic bodies and groups
            ("Bangladeshi protesters", "Bangladesh Police", "unnamed people (Bangladesh)").
            When given, any other name that is not a person's counts as a named group
            ("BNP party supporters" is not "Awami League"); ``None`` treats every such name
            as generic.
    """

    day_slack: int = 3
    undated_back_days: int = 30
    undated_ahead_days: int = 30
    undated_peer_days: int = 30
    person_names: frozenset[str] = field(default_factory=frozenset)
    org_names: frozenset[str] = field(default_factory=frozenset)
    state_names: frozenset[str] = field(default_factory=frozenset)
    generic_names: frozenset[str] | None = None

    def __post_init__(self) -> None:
        for name in ("day_slack", "undated_back_days", "undated_ahead_days", "undated_peer_days"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be >= 0, got {getattr(self, name)!r}")


def _gazetteer_column(file: str, columns: str, column: str) -> frozenset[str]:
    return frozenset(row[column] for _, row in tsv.packaged(f"gazetteer/{file}", tuple(columns.split()))
                     if row[column])


def load_person_names() -> frozenset[str]:
    """Canonical person names from the packaged gazetteer (``data/gazetteer/people.tsv``)."""
    return _gazetteer_column("people.tsv", "name code sector surfaces", "name")


def load_org_names() -> frozenset[str]:
    """Canonical names of named organisations (``data/gazetteer/orgs.tsv``)."""
    return _gazetteer_column("orgs.tsv", "key code name sector surfaces", "name")


# Names the event coder builds itself for unnamed actors, not from institutions.tsv (see
# ``ghotona.events.coding``): generic groups, and the state when only its authorities act.
CODER_GENERIC_TEMPLATES = ("unnamed people ({name})", "protesters ({name})", "unidentified attackers ({name})",
                           "{people}")
CODER_STATE_TEMPLATES = ("authorities of {name}",)


def load_state_names() -> frozenset[str]:
    """Names the actor coder gives a whole state: each country's name and its government,
    authorities, officials and leaders (``institutions.tsv`` templates,
    ``institution_names.tsv`` overrides and ``CODER_STATE_TEMPLATES``)."""
    from ghotona.actors.gazetteer import load_gazetteer   # the coder's own gazetteer, cached

    gaz = load_gazetteer()
    names = set()
    for c in gaz.countries.values():
        names.add(c.name)
        names.update(t.format(name=c.name, adj=c.adjective, people=c.people) for t in CODER_STATE_TEMPLATES)
        for key in WHOLE_STATE_INSTITUTIONS:
            inst = gaz.institutions.get(key)
            if inst is not None:
                names.add(gaz.institution_names.get((c.code, key))
                          or inst.template.format(name=c.name, adj=c.adjective, people=c.people))
    return frozenset(n for n in names if n)


def load_generic_names() -> frozenset[str]:
    """Every country's generic bodies and groups as the actor coder names them: each
    ``institutions.tsv`` template for each country, the ``institution_names.tsv`` overrides
    and the coder's own generic templates (``CODER_GENERIC_TEMPLATES``)."""
    from ghotona.actors.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    names = set(gaz.institution_names.values())
    for c in gaz.countries.values():
        fields = {"name": c.name, "adj": c.adjective, "people": c.people}
        names.update(inst.template.format(**fields) for inst in gaz.institutions.values())
        names.update(t.format(**fields) for t in CODER_GENERIC_TEMPLATES)
    return frozenset(n for n in names if n)


def default_config() -> ClusterConfig:
    """Default options with the gazetteer's person, organisation, whole-state and generic names."""
    return ClusterConfig(person_names=load_person_names(), org_names=load_org_names(),
                         state_names=load_state_names(), generic_names=load_generic_names())


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


ActorView = tuple[str, str, str]    # (kind: "person" | "org" | "state" | "", name, sector class)


def _actor_view(actor: Actor | None, config: ClusterConfig) -> ActorView:
    """Who an actor is beyond its code, for domestic dyads: a person, a named organisation or
    group ("org": in ``orgs.tsv``, or a name outside the known generic ones such as "BNP party
    supporters"), the whole state ("state": the country, its government or authorities), or a
    generic body (no kind: an organ of the state, or protesters, students, party supporters)."""
    if actor is None:
        return "", "", ""
    name = actor.name or ""
    sector = "STATE" if (actor.sector or "") in STATE_SECTORS else actor.sector or ""
    if name in config.person_names:
        kind = "person"
    elif name in config.org_names:
        kind = "org"
    elif name in config.state_names and sector in ("STATE", ""):
        kind, sector = "state", "STATE"
    elif name and config.generic_names is not None and name not in config.generic_names:
        kind = "org"
    else:
        kind = ""
    return kind, name, sector


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
    src_view: ActorView = ("", "", "")
    tgt_view: ActorView = ("", "", "")

    @property
    def domestic(self) -> bool:
        """Both sides share one code (or one side is missing): the code says nothing about who
        acts, so actors are compared by ``src_view``/``tgt_view`` (same for a whole block)."""
        return self.block[1] == self.block[2] or not self.block[1]

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
                pub=pub, article=e.article_id, src_view=_actor_view(e.source, config),
                tgt_view=_actor_view(e.target, config))
