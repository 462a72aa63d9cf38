"""Fuzzy linking of a name written after a role word to a known person.

Bengali spellings of foreign names vary (``ব্যাচেস্লাভ গ্লাদকভ`` / ``ভিয়াচেস্লাভ গ্লাদকভ``).
When a role chain ends without a gazetteer person, the next two or three words are
romanised with anyascii and compared (rapidfuzz) with the romanised multi-word surfaces of
the people in people.tsv of the chain's state (any foreign person after a bare role). Only a
strict match links, and never to a Bangladeshi name (:data:`LOCAL_CODES`).
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass

import regex
from anyascii import anyascii
from rapidfuzz import fuzz, process

from ghotona.actors.gazetteer import Person, load_gazetteer
from ghotona.actors.text import SUFFIXES

logger = logging.getLogger(__name__)

THRESHOLD = 88.0
# Bangladeshi names are combinations of a few common names (শফিকুর/মুশফিকুর রহমান): a close
# spelling is usually another person, so they are never linked fuzzily.
LOCAL_CODES = frozenset({"BGD"})
_WORDS = regex.compile(r"[\p{L}\p{M}.]+(?: [\p{L}\p{M}.]+){0,2}")


@dataclass(frozen=True, slots=True)
class FuzzyLink:
    person: Person
    end: int  # normalised offset after the name and its ending
    suffix: str
    score: float


@functools.lru_cache(maxsize=1)
def _choices() -> tuple[tuple[str, ...], tuple[Person, ...]]:
    """Romanised multi-word person surfaces and their people (built once)."""
    keys: list[str] = []
    people: list[Person] = []
    for surface, entry in load_gazetteer().actor_surfaces:
        if entry.kind == "person" and " " in surface:
            keys.append(anyascii(surface).lower())
            people.append(entry.ref)  # type: ignore[arg-type]
    return tuple(keys), tuple(people)


def _strip_suffix(word: str) -> tuple[str, str]:
    """Split a case ending off the last word of a name (longest ending that leaves a stem)."""
    for k in range(min(len(word) - 2, 5), 0, -1):
        if word[-k:] in SUFFIXES:
            return word[:-k], word[-k:]
    return word, ""


def link_after(text: str, pos: int, limit: int, code: str | None) -> FuzzyLink | None:
    """A known person named by the 2–3 words after ``pos`` (before ``limit``), if any."""
    m = _WORDS.match(text, pos + 1, limit) if pos < len(text) and text[pos:pos + 1] == " " else None
    if m is None:
        return None
    words = m.group().split(" ")
    keys, people = _choices()
    best: FuzzyLink | None = None
    for n in (2, 3):
        if len(words) < n:
            continue
        end = m.start() + len(" ".join(words[:n]))
        for stem, suffix in ((words[n - 1], ""), _strip_suffix(words[n - 1])):
            query = anyascii(" ".join(words[: n - 1] + [stem])).lower()
            hit = process.extractOne(query, keys, scorer=fuzz.ratio, score_cutoff=THRESHOLD)
            if hit is None or (best is not None and hit[1] <= best.score):
                continue
            person = people[hit[2]]
            if person.code in LOCAL_CODES or (code is not None and person.code != code):
                continue
            best = FuzzyLink(person, end, suffix, hit[1])
    if best is not None:
        logger.debug("fuzzy link %r -> %s (%.1f)", text[pos + 1:best.end], best.person.name, best.score)
    return best
