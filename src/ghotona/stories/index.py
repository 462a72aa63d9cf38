"""Incremental story assignment: attach new events to stories without re-clustering all.

``StoryIndex`` keeps one ``BlockState`` per block (family and actor pair). Adding or
removing mentions recomputes only the units they affect (``ghotona.stories.state``), and
only stories whose members or canonical event changed are rebuilt and saved. Because a
unit's result is a pure function of the mentions, the stories after any sequence of
``add``/``remove`` calls equal those of clustering all mentions at once, in any order.

With a ``backend`` (``ghotona.store.stories.StoreBackend``) a block is loaded from the
store the first time it is touched (and computed once, which writes nothing when the store
is consistent) and every change is saved, so the index survives restarts; without one it
lives in memory (the ``extract`` command, tests, benchmarks).
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from ghotona.model import Result
from ghotona.stories.cluster import BlockKey, ClusterConfig, StoryMention, block_of, default_config, make_item
from ghotona.stories.state import BlockState
from ghotona.stories.summary import Story, build_story

LOGGER = logging.getLogger(__name__)

__all__ = ["StoryBackend", "StoryIndex", "UpdateStats", "assign", "attach_stories"]


class StoryBackend(Protocol):
    """Where a ``StoryIndex`` keeps its blocks between runs."""

    def load_block(self, block: BlockKey) -> list[StoryMention]:
        """Every stored mention of the block, each event carrying its current ``story``."""

    def save(self, assigned: Mapping[str, str], stories: Sequence[Story], removed: Collection[str]) -> None:
        """Persist new event -> story links, (re)written stories and stories that are gone."""


@dataclass(slots=True)
class UpdateStats:
    """What one ``add``/``remove``/``refresh`` changed."""

    assigned: dict[str, str] = field(default_factory=dict)   # event id -> new story id
    stories: list[Story] = field(default_factory=list)        # stories (re)built
    removed: set[str] = field(default_factory=set)           # story ids that no longer exist

    def merge(self, other: UpdateStats) -> None:
        self.assigned.update(other.assigned)
        self.stories.extend(other.stories)
        self.removed |= other.removed


@dataclass(slots=True)
class _Block:
    key: BlockKey
    state: BlockState
    mentions: dict[str, StoryMention] = field(default_factory=dict)
    story: dict[str, str] = field(default_factory=dict)          # event id -> story id (as saved)
    by_story: dict[str, set[str]] = field(default_factory=dict)  # story id -> its event ids

    def link(self, eid: str, sid: str | None) -> None:
        old = self.story.pop(eid, None)
        if old is not None:
            ids = self.by_story[old]
            ids.discard(eid)
            if not ids:
                del self.by_story[old]
        if sid is not None:
            self.story[eid] = sid
            self.by_story.setdefault(sid, set()).add(eid)


class StoryIndex:
    """Stories of the mentions added so far; see the module docstring."""

    def __init__(self, config: ClusterConfig | None = None, backend: StoryBackend | None = None) -> None:
        self.config = config if config is not None else default_config()
        self.backend = backend
        self._blocks: dict[BlockKey, _Block] = {}
        self._where: dict[str, BlockKey] = {}

    # -- public ------------------------------------------------------------
    def add(self, mentions: Iterable[StoryMention]) -> UpdateStats:
        """Add (or replace, by event id) mentions and update the stories they touch."""
        by_block: dict[BlockKey, dict[str, StoryMention]] = {}
        for m in mentions:
            by_block.setdefault(block_of(m.event), {})[m.event.event_id] = m
        stats = UpdateStats()
        moved = sorted(eid for key, ms in by_block.items() for eid in ms if self._where.get(eid, key) != key)
        if moved:   # an event re-coded into another block leaves its old one first
            stats.merge(self.remove(moved))
        for key in sorted(by_block):
            stats.merge(self._update(self._block(key, stats), by_block[key], set()))
        return stats

    def remove(self, event_ids: Iterable[str]) -> UpdateStats:
        """Forget events (e.g. of an article that became a duplicate) and update their stories."""
        by_block: dict[BlockKey, set[str]] = {}
        for eid in event_ids:
            if eid in self._where:
                by_block.setdefault(self._where[eid], set()).add(eid)
        stats = UpdateStats()
        for key in sorted(by_block):
            stats.merge(self._update(self._blocks[key], {}, by_block[key]))
        return stats

    def refresh(self, block: BlockKey) -> UpdateStats:
        """Reload a block from the backend and rewrite all its stories (after outside changes,
        such as deleted events, that may have left stored summaries stale)."""
        old = self._blocks.pop(block, None)
        stats = UpdateStats()
        blk = self._block(block, stats)
        built = {s.story_id for s in stats.stories}
        rest = UpdateStats(stories=[self._build(blk, sid) for sid in sorted(blk.by_story) if sid not in built])
        if old is not None:       # stories only the old copy knew of are gone
            rest.removed = set(old.by_story) - set(blk.by_story)
        if self.backend is not None and (rest.stories or rest.removed):
            self.backend.save({}, rest.stories, rest.removed)
        stats.merge(rest)
        return stats

    def story_of(self, event_id: str) -> str | None:
        key = self._where.get(event_id)
        return None if key is None else self._blocks[key].story.get(event_id)

    def assignments(self) -> dict[str, str]:
        """Every known event id -> story id."""
        return {eid: sid for blk in self._blocks.values() for eid, sid in blk.story.items()}

    def stories(self) -> list[Story]:
        """Summaries of every story the index holds, sorted by id."""
        out = [self._build(blk, sid) for blk in self._blocks.values() for sid in blk.by_story]
        return sorted(out, key=lambda s: s.story_id)

    # -- internals -----------------------------------------------------------
    def _block(self, key: BlockKey, stats: UpdateStats) -> _Block:
        """The block, loaded from the backend (and brought up to date: into ``stats``) if new."""
        blk = self._blocks.get(key)
        if blk is not None:
            return blk
        blk = self._blocks[key] = _Block(key, BlockState(self.config))
        if self.backend is not None:
            loaded = {m.event.event_id: m for m in self.backend.load_block(key)}
            for eid, m in loaded.items():
                blk.link(eid, m.event.story)
            if loaded:
                stats.merge(self._update(blk, loaded, set()))
        return blk

    def _build(self, blk: _Block, sid: str) -> Story:
        canonical = blk.state.seed_of(next(iter(blk.by_story[sid])))
        return build_story(sid, blk.key[0], canonical, blk.by_story[sid], blk.mentions)

    def _update(self, blk: _Block, adds: Mapping[str, StoryMention], removes: set[str]) -> UpdateStats:
        state = blk.state
        adds = {eid: m for eid, m in adds.items() if blk.mentions.get(eid) != m}   # unchanged: nothing to do
        replaced = {eid for eid in adds if eid in blk.mentions}
        for eid in removes:
            blk.mentions.pop(eid, None)
            self._where.pop(eid, None)
        for eid, m in adds.items():
            blk.mentions[eid] = m
            self._where[eid] = blk.key
        changed = state.update({eid: make_item(m, self.config) for eid, m in adds.items()}, removes)
        check = changed - removes
        for eid in changed | replaced:
            if eid in state.decision and state.decision[eid] == eid:
                check |= state.members[eid]       # a new or re-coded seed re-keys its story
        touched = {blk.story[eid] for eid in removes | replaced if eid in blk.story}
        stats = UpdateStats()
        for eid in sorted(check):
            sid = state.story_of(eid)
            old = blk.story.get(eid)
            if old != sid:
                stats.assigned[eid] = sid
                blk.link(eid, sid)
                touched |= {sid} if old is None else {sid, old}
        for eid in removes:
            blk.link(eid, None)
        for sid in sorted(touched):
            if sid in blk.by_story:
                stats.stories.append(self._build(blk, sid))
            else:
                stats.removed.add(sid)
        if self.backend is not None and (stats.assigned or stats.stories or stats.removed):
            self.backend.save(stats.assigned, stats.stories, stats.removed)
        LOGGER.debug("block %s: %d changed, %d re-assigned, %d stories rebuilt, %d gone", blk.key,
                     len(changed), len(stats.assigned), len(stats.stories), len(stats.removed))
        return stats


def assign(mentions: Iterable[StoryMention], config: ClusterConfig | None = None) -> dict[str, str]:
    """Cluster mentions at once: event id -> story id (a pure function of the set)."""
    index = StoryIndex(config)
    index.add(mentions)
    return index.assignments()


def attach_stories(results: Iterable[Result], config: ClusterConfig | None = None) -> list[Result]:
    """Pipeline results with every event's ``story`` filled in (for ``extract`` output)."""
    res_list = list(results)
    mentions = [StoryMention(e, r.article.published, r.article.outlet) for r in res_list for e in r.events]
    stories = assign(mentions, config)
    return [replace(r, events=[replace(e, story=stories.get(e.event_id)) for e in r.events]) for r in res_list]
