"""One block's clustering, kept up to date unit by unit (see ``ghotona.stories.cluster``).

Every mention has a *decision*: it seeds a story, joins a seed, or stays alone. Decisions
at a level look only at seeds of the same or lower levels overlapping it in time, so after
a change only the affected units are recomputed, lowest level first:

1. day runs (dates chained by at most ``day_slack`` days) that gained or lost a mention;
2. weeks, months and years that gained or lost a mention, or that overlap a seed that
   appeared or disappeared below them;
3. undated mentions that are new or whose window overlaps such a seed, or a seed whose
   ``(article, status)`` set changed (stage A: join a dated story or not);
4. runs of undated mentions left without a dated story (publications chained by at most
   ``undated_peer_days``) whose membership changed (stage B: stories among themselves).

Recomputing a unit from scratch gives what clustering all mentions at once gives, so the
result never depends on the order of updates.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Collection, Iterable, Mapping

from ghotona.stories.cluster import (
    DATED_SPANS, SLACK_LEVEL, ClusterConfig, Item, SeedTable, compatible, order_key, peer_compatible, story_id,
    strongly_compatible,
)
from ghotona.stories.mentions import LEVELS

__all__ = ["BlockState"]

NONE = LEVELS["none"]
_MISSING = "\0missing"     # decision of an id the state did not hold (never an event id)
Span = tuple[int, int]


def _runs(keys: list[int], dirty: Iterable[int], gap: int) -> list[list[int]]:
    """Maximal runs of sorted ``keys`` (consecutive keys at most ``gap`` apart) that hold,
    or lie within ``gap`` of, a dirty key."""
    runs: list[list[int]] = []
    done: set[int] = set()
    for d in sorted(set(dirty)):
        i = bisect.bisect_left(keys, d - gap)
        while i < len(keys) and keys[i] <= d + gap:
            if keys[i] not in done:
                lo = hi = i
                while lo > 0 and keys[lo] - keys[lo - 1] <= gap:
                    lo -= 1
                while hi + 1 < len(keys) and keys[hi + 1] - keys[hi] <= gap:
                    hi += 1
                runs.append(keys[lo:hi + 1])
                done.update(runs[-1])
            i += 1
    return runs


class BlockState:
    """Decisions for the mentions of one block; ``update`` recomputes only what changed."""

    def __init__(self, config: ClusterConfig) -> None:
        self.config = config
        self.items: dict[str, Item] = {}
        self.units: list[dict[int, set[str]]] = [{} for _ in range(NONE + 1)]   # level -> first day -> ids
        self.keys: list[list[int]] = [[] for _ in range(NONE + 1)]              # sorted unit keys
        self.seeds = SeedTable()                 # dated seeds
        self.peers = SeedTable((0,))             # undated seeds, by publication day
        self.decision: dict[str, str | None] = {}   # id -> seed id (itself for a seed); None: alone
        self.members: dict[str, set[str]] = {}       # seed id -> ids deciding for it
        self.reported: dict[str, Counter[tuple[str, str]]] = {}   # seed id -> (article, status) held
        self.counted: set[str] = set()               # ids counted in their seed's ``reported``
        self.pending: dict[int, set[str]] = {}       # publication day -> undated ids with no dated story
        self.pending_keys: list[int] = []
        self._before: dict[str, str | None] = {}
        self._seed_before: dict[str, Span | None] = {}
        self._reported_before: dict[str, Counter[tuple[str, str]]] = {}
        self._pending_dirty: set[int] = set()

    # -- public ------------------------------------------------------------
    def update(self, adds: Mapping[str, Item], removes: Collection[str] = ()) -> set[str]:
        """Add (or replace) and remove mentions; return the ids whose decision changed,
        plus every added and removed id."""
        self._before, self._seed_before, self._reported_before, self._pending_dirty = {}, {}, {}, set()
        dirty: list[set[int]] = [set() for _ in range(NONE + 1)]
        for eid in sorted({*removes, *adds} & self.items.keys()):
            self._drop(eid, dirty)
        for eid in sorted(adds):
            self._put(adds[eid], dirty)
        for run in _runs(self.keys[0], dirty[0], self.config.day_slack):
            self._recompute([e for d in run for e in self.units[0][d]], 0)
        for level in (1, 2, 3):
            for key in sorted(dirty[level] | self._keys_near(level, self._seed_changes())):
                if key in self.units[level]:
                    self._recompute(list(self.units[level][key]), level)
        self._pending_dirty |= dirty[NONE]           # the order of stage B counts mentions per day
        spans = self._seed_changes() + self._reported_changes()
        for key in sorted(dirty[NONE] | self._keys_near(NONE, spans)):
            for eid in sorted(self.units[NONE].get(key, ())):
                self._decide_undated(eid)
        for run in _runs(self.pending_keys, self._pending_dirty, self.config.undated_peer_days):
            self._recompute_peers([e for p in run for e in self.pending[p]])
        changed = {eid for eid, old in self._before.items() if self.decision.get(eid, _MISSING) != old}
        return changed | set(adds) | set(removes)

    def seed_of(self, eid: str) -> str:
        """The id whose item keys ``eid``'s story (its seed, or itself when alone)."""
        seed = self.decision[eid]
        return eid if seed is None else seed

    def story_of(self, eid: str) -> str:
        seed = self.decision[eid]
        return story_id(self.items[eid], closed=True) if seed is None else story_id(self.items[seed])

    def members_of(self, eid: str) -> set[str]:
        """Every id in the story of ``eid``."""
        seed = self.decision[eid]
        return {eid} if seed is None else set(self.members[seed])

    # -- bookkeeping ---------------------------------------------------------
    def _note(self, eid: str) -> None:
        if eid not in self._before:
            self._before[eid] = self.decision.get(eid, _MISSING)
            it = self.items.get(eid)
            dated_seed = it is not None and it.level < NONE and self.decision.get(eid) == eid
            self._seed_before[eid] = (it.lo, it.hi) if dated_seed and it is not None else None

    def _report(self, seed: str, key: tuple[str, str], delta: int) -> None:
        counter = self.reported.setdefault(seed, Counter())
        self._reported_before.setdefault(seed, Counter(counter))
        counter[key] += delta
        if counter[key] <= 0:
            del counter[key]

    def _assign(self, eid: str, seed: str | None, *, counts: bool) -> None:
        self._note(eid)
        it = self.items[eid]
        self.decision[eid] = seed
        if seed == eid:
            if it.level < NONE:
                self.seeds.add(it.level, it.lo, eid)
            else:
                self.peers.add(0, it.lo, eid)
        if seed is not None:
            self.members.setdefault(seed, set()).add(eid)
            if counts:
                self.counted.add(eid)
                self._report(seed, (it.article, it.status), +1)

    def _unassign(self, eid: str) -> None:
        if eid not in self.decision:
            return
        self._note(eid)
        it = self.items[eid]
        seed = self.decision.pop(eid)
        if seed == eid:
            if it.level < NONE:
                self.seeds.remove(it.level, it.lo, eid)
            else:
                self.peers.remove(0, it.lo, eid)
        if seed is not None:
            members = self.members[seed]
            members.discard(eid)
            if eid in self.counted:
                self.counted.discard(eid)
                self._report(seed, (it.article, it.status), -1)
            if not members:
                del self.members[seed]
                self.reported.pop(seed, None)

    def _seed_changes(self) -> list[Span]:
        """Spans of dated seeds that appeared or disappeared in this update."""
        out: list[Span] = []
        for eid, before in self._seed_before.items():
            it = self.items.get(eid)
            now = (it.lo, it.hi) if it is not None and it.level < NONE and self.decision.get(eid) == eid else None
            if now != before:
                out.extend(s for s in (before, now) if s is not None)
        return out

    def _reported_changes(self) -> list[Span]:
        out: list[Span] = []
        for seed, before in self._reported_before.items():
            it = self.items.get(seed)
            if it is not None and it.level < NONE and self.reported.get(seed, Counter()) != before:
                out.append((it.lo, it.hi))
        return out

    def _keys_near(self, level: int, spans: list[Span]) -> set[int]:
        """Unit keys of ``level`` whose mentions can see a seed in one of ``spans``."""
        keys, found = self.keys[level], set()
        if level == NONE:
            before, after = self.config.undated_ahead_days, self.config.undated_back_days
        else:   # a unit's range (widened by the slack at loose levels) overlaps the seed's
            slack = self.config.day_slack if level <= SLACK_LEVEL else 0
            before, after = DATED_SPANS[level] + slack, slack
        for a, b in spans:
            i = bisect.bisect_left(keys, a - before)
            while i < len(keys) and keys[i] <= b + after:
                found.add(keys[i])
                i += 1
        return found

    def _index(self, level: int, key: int, eid: str, add: bool) -> None:
        unit = self.units[level].get(key)
        if add:
            if unit is None:
                unit = self.units[level][key] = set()
                bisect.insort(self.keys[level], key)
            unit.add(eid)
        elif unit is not None:
            unit.discard(eid)
            if not unit:
                del self.units[level][key]
                self.keys[level].pop(bisect.bisect_left(self.keys[level], key))

    def _set_pending(self, it: Item, on: bool) -> None:
        ids = self.pending.get(it.lo)
        if on:
            if ids is None:
                ids = self.pending[it.lo] = set()
                bisect.insort(self.pending_keys, it.lo)
            ids.add(it.eid)
        elif ids is not None:
            ids.discard(it.eid)
            if not ids:
                del self.pending[it.lo]
                self.pending_keys.pop(bisect.bisect_left(self.pending_keys, it.lo))
        self._pending_dirty.add(it.lo)

    def _is_pending(self, it: Item) -> bool:
        return it.eid in self.pending.get(it.lo, ())

    def _drop(self, eid: str, dirty: list[set[int]]) -> None:
        it = self.items[eid]
        self._unassign(eid)
        if it.level == NONE and it.reach is not None and self._is_pending(it):
            self._set_pending(it, False)
        if it.level < NONE or it.reach is not None:
            self._index(it.level, it.lo, eid, add=False)
            dirty[it.level].add(it.lo)
        del self.items[eid]

    def _put(self, it: Item, dirty: list[set[int]]) -> None:
        self.items[it.eid] = it
        if it.level == NONE and it.reach is None:     # undated, publication unknown: alone
            self._assign(it.eid, None, counts=False)
            return
        self._index(it.level, it.lo, it.eid, add=True)
        dirty[it.level].add(it.lo)

    # -- units ---------------------------------------------------------------
    def _recompute(self, eids: list[str], level: int) -> None:
        items = [self.items[e] for e in eids]
        for it in items:
            self._unassign(it.eid)
        slack = self.config.day_slack
        for e in sorted(items, key=order_key(Counter(it.lo for it in items))):
            qlo, qhi = (e.lo - slack, e.hi + slack) if level <= SLACK_LEVEL else (e.lo, e.hi)
            cands = [s for s in self.seeds.overlapping(qlo, qhi, level) if compatible(e, self.items[s], self.config)]
            if level == 0 and len(cands) > 1:
                best = min(abs(self.items[s].lo - e.lo) for s in cands)
                cands = [s for s in cands if abs(self.items[s].lo - e.lo) == best]
            if len(cands) == 1:
                self._assign(e.eid, cands[0], counts=True)
            elif not cands:
                self._assign(e.eid, e.eid, counts=True)
            else:
                self._assign(e.eid, None, counts=False)

    def _conflict(self, e: Item, cands: list[str]) -> bool:
        """Its own article already holds a candidate with the same status (see cluster)."""
        return any((e.article, e.status) in self.reported.get(s, ()) for s in cands)

    def _decide_undated(self, eid: str) -> None:
        e = self.items[eid]
        assert e.reach is not None
        cands = [s for s in self.seeds.overlapping(*e.reach) if strongly_compatible(e, self.items[s], self.config)]
        pending = not cands
        was = self._is_pending(e)
        if pending and was:
            return                                   # still waiting for stage B: nothing changed
        self._unassign(eid)
        if was or pending:
            self._set_pending(e, pending)
        if not pending:
            ok = len(cands) == 1 and not self._conflict(e, cands)
            self._assign(eid, cands[0] if ok else None, counts=False)

    def _recompute_peers(self, eids: list[str]) -> None:
        items = [self.items[e] for e in eids]
        for it in items:
            self._unassign(it.eid)
        d = self.config.undated_peer_days
        support = Counter({it.lo: len(self.units[NONE][it.lo]) for it in items})
        for e in sorted(items, key=order_key(support)):
            cands = [s for s in self.peers.overlapping(e.lo - d, e.lo + d)
                     if peer_compatible(e, self.items[s], self.config)]
            if self._conflict(e, cands) or len(cands) > 1:
                self._assign(e.eid, None, counts=False)
            elif cands:
                self._assign(e.eid, cands[0], counts=True)
            else:
                self._assign(e.eid, e.eid, counts=True)
