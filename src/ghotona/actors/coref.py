"""In-article coreference of repeated actor mentions, enough to attach sources and targets.

News names a person in full once (``রাশিয়ার রাষ্ট্রদূত আলেকজান্ডার মাতসেগোরা``) and then by
surname (``মাতসেগোরা``), with an honorific or role (``মিঃ ল্যাভরভ``, ``রাষ্ট্রদূত মাতসেগোরা``)
or by a pronoun (``"…," তিনি বলেন``). :func:`resolve_coreference` takes the mentions
:func:`ghotona.actors.find_actors` found in one article and

(a) gives the identity of the full mention earlier in the article to later surname-only or
    honorific mentions that the gazetteer could not resolve: unlinked mentions whose name
    ends in that surname, and bare occurrences of the surname that no mention covers (with
    one honorific or role word before them kept in the span);
(b) adds a mention for a pronoun subject (তিনি, তাঁরা, তারা, তার, তাঁর) at a clause start —
    the start of a sentence, or after a quotation closed by a comma — right after a sentence
    whose subject was a named speaker (a person, in the nominative, with a speech verb).

Added and re-identified mentions carry ``resolved_by="coref"``. Nothing else is changed:
the result is sorted, non-overlapping, and ``text[m.start:m.end] == m.text`` holds.
"""

from __future__ import annotations

import bisect
import functools
import logging
from dataclasses import dataclass, replace

import regex

from ghotona.actors.fuzzy import STOPWORDS, UNLINKED_HONORIFICS
from ghotona.actors.gazetteer import load_gazetteer
from ghotona.actors.text import SUFFIXES, is_word, next_token, normalize_surface
from ghotona.model import Actor, Mention

__all__ = ["resolve_coreference"]

logger = logging.getLogger(__name__)

_SPEECH = regex.compile(
    r"(?:বলেন|বলেছেন|বলছেন|বলেছিলেন|বলে\s+জানান|জানান|জানিয়েছেন|জানিয়েছিলেন|উল্লেখ\s+করেন|"
    r"মন্তব্য\s+করেন|দাবি\s+করেন|অভিযোগ\s+করেন|আহ্বান\s+জানান|ঘোষণা\s+করেন|বলেছিলেন)")
# A pronoun at a clause start: the sentence start (after an opening quote) or after a closing
# quote and a comma ("…," তিনি বলেন).
_PRONOUN = regex.compile(
    r"(?:^\s*[\"'“‘]?|[\"'”’]\s*,?\s+|,\s+)(?P<p>তিনি|তাঁরা|তারা|তাঁর|তার)(?P<x>ও|ই)?(?=[\s,])")
_SINGULAR = frozenset({"তিনি", "তাঁর", "তার"})
_GENITIVE_PRONOUNS = frozenset({"তাঁর", "তার"})
_NOMINATIVE = frozenset({"", "ও", "ই"})
_MIN_SURNAME = 3


@dataclass(frozen=True, slots=True)
class _Person:
    """A resolved person mention and the surname later mentions may use."""

    mention: Mention
    surname: str


@functools.lru_cache(maxsize=1)
def _lead_words() -> frozenset[str]:
    """Honorifics and role words that may stand before a surname (``রাষ্ট্রদূত মাতসেগোরা``)."""
    gaz = load_gazetteer()
    words = {s for s, e in gaz.actor_surfaces if e.kind in ("role", "title") and " " not in s}
    return frozenset(words | UNLINKED_HONORIFICS)


def _is_person(m: Mention) -> bool:
    if m.kind != "actor" or m.actor is None or not m.actor.name:
        return False
    return m.resolved_by in ("fuzzy", "coref") or m.actor.name in load_gazetteer().people


def _base(word: str, suffix: str) -> str:
    """A word without the case ending the mention recorded."""
    if suffix and word.endswith(suffix) and len(word) > len(suffix):
        return word[: -len(suffix)]
    return word


def _surname(m: Mention) -> str | None:
    words = normalize_surface(m.text).split(" ")
    base = _base(words[-1], m.suffix)
    if len(base) < _MIN_SURNAME or base in STOPWORDS or base in _lead_words():
        return None
    return base


def resolve_coreference(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with repeated and pronoun mentions resolved (see the module docstring)."""
    actors = sorted((m for m in mentions if m.kind == "actor"), key=lambda m: m.start)
    others = [m for m in mentions if m.kind != "actor"]
    actors = _surnames(text, actors)
    actors = _pronouns(text, actors)
    return sorted(others + actors, key=lambda m: (m.start, m.end, m.kind))


# --------------------------------------------------------------------------- (a) surnames


def _surnames(text: str, actors: list[Mention]) -> list[Mention]:
    people: dict[str, list[_Person]] = {}
    out: list[Mention] = []
    for m in actors:
        if m.resolved_by == "unlinked":
            found = _referent(people, m)
            if found is not None:
                m = _as(found, m)
        if _is_person(m) and " " in m.text.strip():  # a full name (at least two words)
            s = _surname(m)
            if s is not None:
                people.setdefault(s, []).append(_Person(m, s))
        out.append(m)
    if not people:
        return out
    return _bare_surnames(text, out, people)


def _referent(people: dict[str, list[_Person]], m: Mention) -> Mention | None:
    """The one earlier person whose surname ends ``m`` (None if none or several)."""
    s = _surname(m)
    if s is None or s not in people:
        return None
    names = {p.mention.actor.name for p in people[s] if p.mention.actor is not None}
    if len(names) != 1:
        return None
    return people[s][-1].mention


def _as(ref: Mention, m: Mention, start: int | None = None, end: int | None = None,
        text: str | None = None, suffix: str | None = None) -> Mention:
    """``m`` (or a new span) with the identity of ``ref``."""
    assert ref.actor is not None
    span = m.text if text is None else text
    return replace(m, start=m.start if start is None else start, end=m.end if end is None else end,
                   text=span, actor=Actor(ref.actor.code, ref.actor.name, ref.actor.sector, span),
                   suffix=m.suffix if suffix is None else suffix, resolved_by="coref")


def _bare_surnames(text: str, actors: list[Mention], people: dict[str, list[_Person]]) -> list[Mention]:
    """Mentions for surnames (with an honorific or role before them) no mention covers."""
    names = sorted(people, key=len, reverse=True)
    rx = regex.compile("|".join(regex.escape(n) for n in names))
    starts = [m.start for m in actors]
    added: list[Mention] = []
    for hit in rx.finditer(text):
        s, e = hit.span()
        if s > 0 and is_word(text[s - 1]):
            continue
        j = e
        while j < len(text) and is_word(text[j]):
            j += 1
        suffix = text[e:j]
        if suffix and suffix not in SUFFIXES:
            continue
        if not suffix and load_gazetteer().eponym(next_token(text, j)):
            continue  # "জিয়া অরফানেজ ট্রাস্ট": named after the person, not the person
        ref = [p for p in people[hit.group()] if p.mention.end <= s]
        if not ref or len({p.mention.actor.name for p in ref if p.mention.actor}) != 1:
            continue
        start = _lead_start(text, s)
        i = bisect.bisect_right(starts, start)
        if (i > 0 and actors[i - 1].end > start) or (i < len(actors) and actors[i].start < j):
            continue
        if any(a.start < j and start < a.end for a in added):
            continue
        base = Mention(kind="actor", start=start, end=j, text=text[start:j], suffix=suffix)
        added.append(_as(ref[-1].mention, base))
    if added:
        logger.debug("coref: %d surname mentions", len(added))
    return sorted(actors + added, key=lambda m: m.start)


def _lead_start(text: str, s: int) -> int:
    """Start of one honorific or role word just before ``s`` (else ``s``)."""
    k = s - 1
    if k < 0 or text[k] != " ":
        return s
    b = k
    while b > 0 and (is_word(text[b - 1]) or text[b - 1] in ".ঃ"):
        b -= 1
    return b if normalize_surface(text[b:k]) in _lead_words() else s


# --------------------------------------------------------------------------- (b) pronouns


_SENTENCE_SPECIAL = regex.compile('[“‘”’"\n।?!]')


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans; a terminator inside an open quotation does not end the sentence, so a
    quote and its reporting clause (``"… হবে," তিনি বলেন।``) stay together."""
    spans, start, depth, straight = [], 0, 0, False
    i, n = 0, len(text)
    while i < n:
        m = _SENTENCE_SPECIAL.search(text, i)  # only quotes, terminators and line breaks matter
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if ch in "“‘":
            depth += 1
        elif ch in "”’":
            depth = max(0, depth - 1)
        elif ch == '"':
            straight = not straight
        elif ch == "\n" or (ch in "।?!" and depth == 0 and not straight):
            j = i + 1
            while ch != "\n" and j < n and text[j] in "।?!”’":
                j += 1
            if text[start:j].strip():
                spans.append((start, j))
            start, i = j, j
            if ch == "\n":
                depth, straight = 0, False
            continue
        i += 1
    if text[start:].strip():
        spans.append((start, n))
    return spans


def _speaker(text: str, span: tuple[int, int], actors: list[Mention]) -> Mention | None:
    """The named speaker of a sentence: a person in the nominative, with a speech verb."""
    s, e = span
    if not _SPEECH.search(text, s, e):
        return None
    for m in actors:
        if s <= m.start < e and m.suffix in _NOMINATIVE and _is_person(m):
            return m
    return None


def _pronouns(text: str, actors: list[Mention]) -> list[Mention]:
    sentences = _sentences(text)
    added: list[Mention] = []
    previous: Mention | None = None
    for span in sentences:
        s, e = span
        if previous is not None:
            for hit in _PRONOUN.finditer(text[s:e]):
                ps, pe = s + hit.start("p"), s + hit.end()
                if hit.group("p") not in _SINGULAR and previous.actor is not None and _is_person(previous):
                    continue  # তাঁরা after one person: not that person
                if any(a.start < pe and ps < a.end for a in actors):
                    continue
                suffix = "র" if hit.group("p") in _GENITIVE_PRONOUNS else ""
                m = Mention(kind="actor", start=ps, end=pe, text=text[ps:pe], suffix=suffix)
                added.append(_as(previous, m))
        current = sorted(actors + added, key=lambda m: m.start)
        previous = _speaker(text, span, current)
    if added:
        logger.debug("coref: %d pronoun mentions", len(added))
    return sorted(actors + added, key=lambda m: m.start)
