"""Event -> story clustering across articles: the same real-world act reported many times.

Two mentions can belong to one story only when they are in the same **block**: the same
type family and the same pair of actors, each actor rolled up to its country or bloc code
(Putin/RUS and "Russia" are both ``RUS``; an actor without a code is keyed by its name).

Type families (an article may code the same act with a neighbouring type):

=============  =====================================  ======================================
family         types                                  why together
=============  =====================================  ======================================
consult        CONSULT                                meetings, visits, talks, calls
cooperate      AGREE, COOPERATE, AID                  an agreement and the cooperation or
                                                      aid it is about are coded either way
support        SUPPORT
yield          CONCEDE, RETREAT                       easing, releasing, withdrawing
request        REQUEST
disapprove     ACCUSE, THREATEN                       "warn" sits between the two
reject         REJECT
protest        PROTEST
sanction       SANCTION
mobilize       MOBILIZE
coerce         COERCE
assault        ASSAULT
=============  =====================================  ======================================

consult and cooperate are *undirected* (who hosted whom is reported both ways); in the other
families the order of source and target matters unless a mention is ``symmetric``.

Within a block a mention joins a story when it is compatible with the story's **seed** (its
canonical mention): same actors in a compatible order, no two different named persons on the
same side (Putin and Lavrov are both RUS but not the same actor), no conflicting location
codes, and compatible dates at each mention's precision.

**Domestic dyads.** When both sides carry the same code (or one side is missing), the code
rolls every actor of the country into one, so there the actors themselves must agree, side by
side (``mentions.ActorView``). Sector classes must agree (GOV, MIL, JUD and LEG are one class,
the state). Within the state, the whole state (the country, its government, authorities,
officials or leaders) matches any organ or official, as the country does abroad; two organs
or officials match only themselves (the police are not the army, a minister is not the
election commission). Outside it, a person matches only the same person, and a named
organisation or group (``orgs.tsv``, or any name that is not one of the coder's generic ones:
"BNP party supporters") only itself or a generic group of its sector. So "Government of
Bangladesh -> Khaleda Zia" and "courts of Bangladesh -> Khaleda Zia" are one act, "Inqilab
Mancha" and generic "Bangladeshi protesters" can be one blockade, while traders' and Inqilab
Mancha's protests, Khaleda Zia and her party, BNP's and the Awami League's supporters, or the
police beating party supporters and party supporters attacking someone stay apart. Undated
mentions (below) compare domestic actors strictly: a person or named organisation only matches
itself.

Dates:

* day with day: at most ``day_slack`` (3) days apart (a summit reported on the 12th and the
  13th; a blockade reported on the 26th, 27th and 29th);
* a week joins a day (or week) it overlaps, widened by ``day_slack`` days: "last week" is
  counted loosely, so a week ending on Sunday can hold an incursion reported as Tuesday's;
* a month or year joins the day, week or month inside it (a named month is not loose);
  two different weeks, months or years never join;
* an undated mention joins only a *strong* match (same exact type, same direction, a seed
  dated near its article's publication: ahead of it for a planned act, before it for a
  reported one) and only when there is exactly one such candidate. It never joins a story
  that its own article already dates with the same status: the contract codes one event
  per act per article, so such a mention is either a repeat of the dated one (nothing to
  add) or another act;
* undated mentions with no dated candidate apply the same rule among themselves: same
  exact type and direction, articles published at most ``undated_peer_days`` apart, one
  candidate (an alleged arms transfer reported for weeks without a date).

A day mention with several candidates takes the nearest seed (alone on a tie).

Mentions are processed from the most precise to the least (day, week, month, year, none),
so vague mentions never bridge two precise stories: a vague mention with exactly one
candidate joins it, with none it seeds a new story, with several it stays alone. Day
mentions are taken most-reported date first, so the best-supported day becomes the seed.
The result is a pure function of the *set* of mentions (every order is a sort on data).

Decisions only look *down* the levels, and only at seeds, so the work splits into small
**units** that ``ghotona.stories.state.BlockState`` recomputes on their own: a run of day
mentions whose dates are within ``day_slack`` of each other, one week, one month, one year
(a week also sees day seeds up to ``day_slack`` days outside it, never another week's),
each undated mention, and a run of undated mentions published within ``undated_peer_days``
of each other. A unit is recomputed only when its own mentions change or when a seed it can
see (overlapping in time, at a lower level) appears or disappears; this is what lets
``StoryIndex`` add and remove mentions without re-clustering everything.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterator, Sequence

from ghotona.model import stable_id
from ghotona.stories.mentions import (
    FAMILIES, LEVELS, UNDIRECTED_FAMILIES, ActorView, BlockKey, ClusterConfig, Item, StoryMention, block_of,
    default_config, family_of, interval, load_person_names, make_item,
)

__all__ = [
    "DATED_SPANS", "FAMILIES", "SLACK_LEVEL", "UNDIRECTED_FAMILIES", "BlockKey", "ClusterConfig", "Item",
    "SeedTable", "StoryMention", "block_of", "compatible", "default_config", "family_of", "in_window", "interval",
    "load_person_names", "make_item", "order_key", "peer_compatible", "story_id", "strongly_compatible",
]

# Longest span (days - 1) of a seed at each dated level, for interval lookups.
DATED_SPANS = (0, 6, 30, 365)
# The coarsest level whose range is widened by ``day_slack`` (week: weeks are counted loosely).
SLACK_LEVEL = LEVELS["week"]


def _persons_ok(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _views_ok(a: ActorView, b: ActorView, strict: bool) -> bool:
    """Same actor inside one country (see the module doc)? ``strict`` (undated mentions, the
    weaker evidence): a person or named organisation only matches itself."""
    if strict and ({a[0], b[0]} & {"person", "org"}):
        return a[:2] == b[:2]
    if a[2] and b[2] and a[2] != b[2]:
        return False                                   # another sector class
    if "state" in (a[0], b[0]):
        return True                                    # the state stands for any organ or official
    if a[2] == "STATE" and b[2] == "STATE":
        return a[1] == b[1]                            # two organs or officials: the same one
    if "person" in (a[0], b[0]) or a[0] == b[0] == "org":
        return a[:2] == b[:2]                          # a person is nobody else; two named groups
    return True                                        # a named group and a generic one, two generic


def _sides_ok(e: Item, s: Item, *, free_order: bool, strict: bool = False) -> bool:
    domestic = e.domestic
    if e.src == s.src and e.tgt == s.tgt and _persons_ok(e.src_person, s.src_person) \
            and _persons_ok(e.tgt_person, s.tgt_person) and (not domestic or (
                _views_ok(e.src_view, s.src_view, strict) and _views_ok(e.tgt_view, s.tgt_view, strict))):
        return True
    return free_order and e.src == s.tgt and e.tgt == s.src \
        and _persons_ok(e.src_person, s.tgt_person) and _persons_ok(e.tgt_person, s.src_person) \
        and (not domestic or (_views_ok(e.src_view, s.tgt_view, strict) and _views_ok(e.tgt_view, s.src_view, strict)))


def _dates_ok(e: Item, s: Item, slack: int) -> bool:
    """``e`` is at ``s``'s level or coarser: a day within ``slack`` days of a day; a week within
    ``slack`` days of a day (a "last week" report of a summit held the Monday after, as papers
    count weeks loosely); a month or year holding the day or period; two ranges of one coarse
    level only when they are one (a named month is not loose)."""
    if e.level == 0 and s.level == 0:
        return abs(e.lo - s.lo) <= slack
    if e.level == s.level or e.level > SLACK_LEVEL:
        return e.lo <= s.hi and s.lo <= e.hi
    return e.lo - slack <= s.hi and s.lo <= e.hi + slack


def compatible(e: Item, s: Item, config: ClusterConfig) -> bool:
    """Can mention ``e`` join the story seeded by ``s``? (dated ``e``; see the module doc)."""
    if e.loc and s.loc and e.loc != s.loc:
        return False
    return _dates_ok(e, s, config.day_slack) and _sides_ok(e, s, free_order=e.free_order or s.free_order)


def in_window(e: Item, s: Item, config: ClusterConfig) -> bool:
    """Is seed ``s`` dated where undated ``e`` can point, given its publication and status?

    A planned act lies ahead of the article (the seed starts on or after publication, within
    ``undated_ahead_days``); a reported one (occurred, alleged, denied) had begun by
    publication and ended at most ``undated_back_days`` before; a hypothetical one either.
    """
    if e.pub is None:
        return False
    if e.status == "planned":
        return e.pub <= s.lo <= e.pub + config.undated_ahead_days
    if e.status == "hypothetical":
        return s.lo <= e.pub + config.undated_ahead_days and s.hi >= e.pub - config.undated_back_days
    return s.lo <= e.pub and s.hi >= e.pub - config.undated_back_days


def strongly_compatible(e: Item, s: Item, config: ClusterConfig) -> bool:
    """The stricter test for an undated ``e``: same type, same direction, seed in its window."""
    if e.etype != s.etype or (e.loc and s.loc and e.loc != s.loc) or not in_window(e, s, config):
        return False
    return _sides_ok(e, s, free_order=e.symmetric or s.symmetric, strict=True)


def story_id(seed: Item, *, closed: bool = False) -> str:
    """The stable id of a story: a hash of its canonical key (a lone mention: of its event).

    The key holds what keeps two seeds apart (family, actors with their persons, date at its
    precision, location; for an undated seed also the exact type and publication date), so
    two stories never share an id.
    """
    if closed:
        return stable_id("story", "event", seed.eid)
    undated = seed.level == LEVELS["none"]
    if seed.domestic:   # the code does not tell the actors apart: their names do
        sides = [(seed.src, "|".join(seed.src_view)), (seed.tgt, "|".join(seed.tgt_view))]
    else:
        sides = [(seed.src, seed.src_person or ""), (seed.tgt, seed.tgt_person or "")]
    if seed.symmetric or (seed.free_order and not undated):
        sides.sort()
    dyad = ">".join(f"{k}:{p}" for k, p in sides)
    return stable_id("story", seed.block[0], dyad, seed.level, seed.lo, seed.loc or "",
                     *((seed.etype,) if undated else ()))


class SeedTable:
    """Seeds by level, sorted by first day, for interval lookups (``spans`` per level)."""

    def __init__(self, spans: Sequence[int] = DATED_SPANS) -> None:
        self.spans = tuple(spans)
        self.by_level: list[list[tuple[int, str]]] = [[] for _ in self.spans]

    def add(self, level: int, lo: int, eid: str) -> None:
        bisect.insort(self.by_level[level], (lo, eid))

    def remove(self, level: int, lo: int, eid: str) -> None:
        table = self.by_level[level]
        i = bisect.bisect_left(table, (lo, eid))
        if i == len(table) or table[i] != (lo, eid):
            raise KeyError(f"seed {eid!r} is not in the table")
        del table[i]

    def overlapping(self, qlo: int, qhi: int, max_level: int | None = None) -> Iterator[str]:
        """Seeds (up to ``max_level``) whose first day is in [qlo - span, qhi]."""
        for level, table in enumerate(self.by_level):
            if max_level is not None and level > max_level:
                break
            i = bisect.bisect_left(table, (qlo - self.spans[level], ""))
            while i < len(table) and table[i][0] <= qhi:
                yield table[i][1]
                i += 1


SortKey = tuple[int, int, int, int, int, float, str]


def order_key(support: Counter[int]) -> Callable[[Item], SortKey]:
    """Processing order within a level: the most-reported date (``support`` counts the
    level's mentions per first day), then the best-linked actors, the earliest date, the
    most confident, and the id."""
    def key(it: Item) -> SortKey:
        return (it.level, -support[it.lo], -it.persons, -it.link, it.lo, -it.confidence, it.eid)
    return key


def peer_compatible(e: Item, s: Item, config: ClusterConfig) -> bool:
    """Can undated ``e`` join the undated story seeded by ``s``? Same type, same direction,
    articles published at most ``undated_peer_days`` apart."""
    if e.etype != s.etype or (e.loc and s.loc and e.loc != s.loc) or abs(e.lo - s.lo) > config.undated_peer_days:
        return False
    return _sides_ok(e, s, free_order=e.symmetric or s.symmetric, strict=True)
