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
codes, and compatible dates at each mention's precision:

* day with day: at most ``day_slack`` days apart (a summit reported on the 12th and the 13th);
* a week, month or year joins the day (or coarser period) inside it;
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
mentions whose dates are within ``day_slack`` of each other, one week, one month, one year,
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
    FAMILIES, LEVELS, UNDIRECTED_FAMILIES, BlockKey, ClusterConfig, Item, StoryMention, block_of, default_config,
    family_of, interval, load_person_names, make_item,
)

__all__ = [
    "DATED_SPANS", "FAMILIES", "UNDIRECTED_FAMILIES", "BlockKey", "ClusterConfig", "Item", "SeedTable",
    "StoryMention", "block_of", "compatible", "default_config", "family_of", "in_window", "interval",
    "load_person_names", "make_item", "order_key", "peer_compatible", "story_id", "strongly_compatible",
]

# Longest span (days - 1) of a seed at each dated level, for interval lookups.
DATED_SPANS = (0, 6, 30, 365)


def _persons_ok(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _sides_ok(e: Item, s: Item, *, free_order: bool) -> bool:
    if e.src == s.src and e.tgt == s.tgt and _persons_ok(e.src_person, s.src_person) \
            and _persons_ok(e.tgt_person, s.tgt_person):
        return True
    return free_order and e.src == s.tgt and e.tgt == s.src \
        and _persons_ok(e.src_person, s.tgt_person) and _persons_ok(e.tgt_person, s.src_person)


def _dates_ok(e: Item, s: Item, slack: int) -> bool:
    if e.level == 0 and s.level == 0:
        return abs(e.lo - s.lo) <= slack
    return e.lo <= s.hi and s.lo <= e.hi


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
    return _sides_ok(e, s, free_order=e.symmetric or s.symmetric)


def story_id(seed: Item, *, closed: bool = False) -> str:
    """The stable id of a story: a hash of its canonical key (a lone mention: of its event).

    The key holds what keeps two seeds apart (family, actors with their persons, date at its
    precision, location; for an undated seed also the exact type and publication date), so
    two stories never share an id.
    """
    if closed:
        return stable_id("story", "event", seed.eid)
    undated = seed.level == LEVELS["none"]
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
    return _sides_ok(e, s, free_order=e.symmetric or s.symmetric)
