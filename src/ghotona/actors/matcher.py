"""One-pass multi-pattern matching of gazetteer surfaces (pyahocorasick) with Bengali endings.

:class:`Matcher` holds an Aho-Corasick automaton over normalised surfaces; :meth:`Matcher.atoms`
returns every surface occurrence that starts at a word boundary and is followed by nothing or
a known case ending (:func:`ghotona.actors.text.read_suffix`); :func:`select` keeps the longest
non-overlapping ones. The automata are built once per process and never modified afterwards.
"""

from __future__ import annotations

import bisect
import functools
import logging
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from ghotona.actors.gazetteer import Entry, load_gazetteer
from ghotona.actors.text import left_boundary, read_suffix

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Atom:
    """A surface found in normalised text: ``[start, base_end)`` the base form, then the suffix."""

    start: int
    base_end: int
    end: int
    suffix: str
    entries: tuple[Entry, ...]
    kinds: frozenset[str]  # the kinds of ``entries``, precomputed per surface: ``has`` is a set lookup

    def first(self, kind: str) -> Entry | None:
        """The first entry of ``kind``, if any."""
        for e in self.entries:
            if e.kind == kind:
                return e
        return None

    def has(self, kind: str) -> bool:
        return kind in self.kinds


class Matcher:
    """An Aho-Corasick automaton over ``(surface, entry)`` pairs (immutable once built)."""

    def __init__(self, surfaces: Iterable[tuple[str, Entry]]) -> None:
        table: dict[str, list[Entry]] = {}
        for surface, entry in surfaces:
            bucket = table.setdefault(surface, [])
            if entry not in bucket:
                bucket.append(entry)
        self._check_ambiguity(table)
        self._automaton = ahocorasick.Automaton()
        for surface, entries in table.items():
            self._automaton.add_word(surface, (len(surface), tuple(entries), frozenset(e.kind for e in entries)))
        self._automaton.make_automaton()
        self.size = len(table)

    @staticmethod
    def _check_ambiguity(table: dict[str, list[Entry]]) -> None:
        for surface, entries in table.items():
            people = [e for e in entries if e.kind == "person"]
            if len(people) > 1:
                logger.warning("surface %r names several people; the first wins: %s",
                               surface, [getattr(p.ref, "name", p.ref) for p in people])

    def atoms(self, text: str) -> list[Atom]:
        """All boundary-respecting occurrences in normalised ``text`` (overlapping)."""
        out: list[Atom] = []
        for last, (length, entries, kinds) in self._automaton.iter(text):
            start = last + 1 - length
            if not left_boundary(text, start):
                continue
            suffix = read_suffix(text, last + 1)
            if suffix is None:
                continue
            out.append(Atom(start, last + 1, suffix[1], suffix[0], entries, kinds))
        return out


def select(atoms: list[Atom]) -> list[Atom]:
    """Longest non-overlapping atoms (by full span, then base length), sorted by start."""
    ranked = sorted(atoms, key=lambda a: (a.start - a.end, a.start - a.base_end, a.start))
    starts: list[int] = []
    chosen: list[Atom] = []
    for a in ranked:
        i = bisect.bisect_right(starts, a.start)
        if i > 0 and chosen[i - 1].end > a.start:
            continue
        if i < len(chosen) and chosen[i].start < a.end:
            continue
        starts.insert(i, a.start)
        chosen.insert(i, a)
    return chosen


@functools.lru_cache(maxsize=1)
def actor_matcher() -> Matcher:
    """The process-wide matcher over actor surfaces (places that are not actors block)."""
    m = Matcher(load_gazetteer().actor_surfaces)
    logger.debug("actor automaton: %d surfaces", m.size)
    return m


@functools.lru_cache(maxsize=1)
def place_matcher() -> Matcher:
    """The process-wide matcher over place surfaces (person and organisation names block)."""
    m = Matcher(load_gazetteer().place_surfaces)
    logger.debug("place automaton: %d surfaces", m.size)
    return m
