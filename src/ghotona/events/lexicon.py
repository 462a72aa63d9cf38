"""The event predicate lexicon (``data/events/lexicon.tsv``) and its matcher.

Each row of the TSV names one Bengali predicate — a light-verb construction, a verb, or a
predicate noun — with the PLOVER type, mode, CAMEO code, Goldstein value and QuadClass it
codes, whether the act is symmetric, and how its grammatical subject maps to the event's
source and target (``frame``).

Pattern syntax: word-tokens separated by single spaces; a token is alternatives separated by
``|``; an alternative matches a text word that *starts with* it (so inflected forms match),
or, when it ends with ``$``, only the whole word. Successive tokens match successive words
with at most :data:`MAX_GAP` words between them. Words are maximal runs of letters, marks
and digits (plus ZWJ/ZWNJ, which are dropped before comparison); everything is compared in
NFC, so ``য়`` written either way matches.

:func:`load_lexicon` validates every row and raises :class:`LexiconError` (a ``ValueError``)
naming the line; :meth:`Lexicon.find` returns the non-overlapping matches of a text.
"""

from __future__ import annotations

import functools
import importlib.resources
import logging
import os
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import regex

from ghotona.errors import DataFileError
from ghotona.model import EVENT_TYPES

logger = logging.getLogger(__name__)

__all__ = ["CAMEO_ROOTS", "COLUMNS", "MAX_GAP", "MODES_OF_TYPE", "QUAD_OF_TYPE", "Lexicon",
           "LexiconError", "Predicate", "PredicateMatch", "load_lexicon", "parse_lexicon", "words"]

COLUMNS: tuple[str, ...] = ("type", "mode", "cameo", "goldstein", "quad", "symmetric", "frame",
                            "pos", "pattern", "example")
MAX_GAP = 2
"""Most words allowed between two successive pattern tokens."""

QUAD_OF_TYPE: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
"""QuadClass of each PLOVER type (PLOVER manual; SANCTION and PROTEST are material)."""

MODES_OF_TYPE: dict[str, frozenset[str]] = {
    "AGREE": frozenset(), "SUPPORT": frozenset(), "CONCEDE": frozenset(),
    "COOPERATE": frozenset(), "AID": frozenset(),
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "THREATEN": frozenset({"restrict", "arrest", "relations", "expel", "territory", "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset({"seize", "restrict", "censor", "curfew", "martial-law", "arrest",
                         "deport", "withhold", "misinformation", "cyber"}),
    "ASSAULT": frozenset({"abduct", "beat", "torture", "sexual", "targeted", "destroy",
                          "primitive", "firearms", "explosives", "suicide-attack", "aerial",
                          "drone", "heavy-weapons", "crowd-control", "unconventional"}),
}
"""PLOVER modes allowed for each type (PLOVER manual tables); an empty mode is always allowed."""

CAMEO_ROOTS: dict[str, tuple[str, ...]] = {
    "AGREE": ("03", "057"), "CONSULT": ("04",),
    "SUPPORT": ("050", "051", "052", "053", "054", "018"),
    "CONCEDE": ("08", "055", "056"), "COOPERATE": ("06",), "AID": ("07",), "RETREAT": ("08",),
    "REQUEST": ("02", "10"), "ACCUSE": ("11", "09"), "REJECT": ("12", "016"),
    "THREATEN": ("13",), "PROTEST": ("14",), "SANCTION": ("16",), "MOBILIZE": ("15",),
    "COERCE": ("17", "191", "192"), "ASSAULT": ("18", "19", "20", "1712", "175"),
}
"""CAMEO code prefixes each type may carry: the spec's roots, plus the PLOVER table's moves
(016 deny → REJECT, 191/192 → COERCE, 1712/175 → ASSAULT, 055/056 apologise/forgive →
CONCEDE) and 018 (empathetic comment, condolences) → SUPPORT."""

FRAMES = frozenset({"st", "ts", "s", "sp"})
"""st: subject=source; ts: subject=target; s: no target; sp: said of the subject — the one who
reports the clause (X বলেন, Y … ভণ্ডুল করার চেষ্টা করছে) is the source, the clause's subject the target."""
POS = frozenset({"verb", "noun"})
LIGHT_VERBS = frozenset({
    "কর", "করা", "করে", "করেন", "করেছে", "করেছেন", "করছে", "করবে", "দে", "দি", "দেও", "দেয়",
    "দিয়ে", "দেওয়া", "হ", "হয়", "হয়ে", "হওয়া", "হয়েছে", "নে", "নি", "নেয়", "জানা", "জানি",
    "চালা", "পাঠা", "তোল", "তুল", "রাখ", "থাক", "যা", "গে", "পা", "বল", "বলে",
})
"""Bare light verbs: a pattern made of nothing else would match almost every clause."""

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}\u200c\u200d]+|[।?!|\n]")
"""A word (letters, marks, digits, joiners) or a sentence barrier a match never spans."""
_JOINERS = str.maketrans("", "", "\u200c\u200d")
_ALT = regex.compile(r"^[\p{L}\p{M}\p{N}]+\$?$")
_BARRIERS = frozenset("।?!|\n")
_NOT_NFC = regex.compile(
    r"[\u09dc\u09dd\u09df]|\u09c7[\u09be\u09d7]|[^\x00-\u024f\u0964\u0965\u0980-\u09ff\u2000-\u206f]")
"""Text whose words may change under NFC: Bengali precomposed nukta letters (ড় ঢ় য়), split
two-part vowel signs (ে + া), or any character beyond Latin, Bengali, the danda and punctuation
(the danda ।, U+0964, is NFC-stable: without it every Bengali text took the slow path)."""
_CACHE_MAX = 200_000


class LexiconError(DataFileError, ValueError):
    """A lexicon row is malformed; the message is ``lexicon.tsv:LINE: what, expected``."""


@dataclass(frozen=True, slots=True)
class Predicate:
    """One lexicon row: what a matched predicate codes, and where it was defined."""

    type: str
    mode: str | None
    cameo: str
    goldstein: float
    quad_class: int
    symmetric: bool
    frame: str
    pos: str
    pattern: str
    example: str
    line: int


@dataclass(frozen=True, slots=True)
class PredicateMatch:
    """A predicate found in a text: ``start`` of its first matched word, ``end`` of its last."""

    predicate: Predicate
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Token:
    """One compiled pattern token: prefix alternatives and whole-word alternatives."""

    prefixes: tuple[str, ...]
    exact: frozenset[str]

    def match(self, word: str) -> int:
        """How specifically ``word`` matches: the longest matching alternative's length
        (+1 when it is a whole-word alternative), or 0 when nothing matches."""
        best = len(word) + 1 if word in self.exact else 0
        if self.prefixes and word.startswith(self.prefixes):
            best = max(best, max(len(p) for p in self.prefixes if word.startswith(p)))
        return best


def _nfc(s: str) -> str:
    return s if unicodedata.is_normalized("NFC", s) else unicodedata.normalize("NFC", s)


def words(text: str) -> list[tuple[str, int, int, int]]:
    """The words of ``text`` as ``(normalised word, start, end, segment)``.

    Offsets index ``text``; ``segment`` counts the sentence barriers (danda, ``?``, ``!``,
    ``|``, line break) before the word, so a match can keep all its words in one segment.
    """
    out: list[tuple[str, int, int, int]] = []
    append = out.append
    seg = 0
    check = _NOT_NFC.search(text) is not None
    joiners = "\u200c" in text or "\u200d" in text  # (rare: look in each word only then)
    barriers = _BARRIERS
    for m in _WORD.finditer(text):
        w = m.group()
        if w in barriers:
            seg += 1
            continue
        if joiners and ("\u200c" in w or "\u200d" in w):
            w = w.translate(_JOINERS)
        start, end = m.span()
        append((_nfc(w) if check else w, start, end, seg))
    return out


def _compile(pattern: str) -> tuple[_Token, ...]:
    """Compile a pattern string (already validated) into tokens."""
    tokens = []
    for tok in pattern.split(" "):
        alts = tok.split("|")
        tokens.append(_Token(prefixes=tuple(a for a in alts if not a.endswith("$")),
                             exact=frozenset(a[:-1] for a in alts if a.endswith("$"))))
    return tuple(tokens)


class Lexicon:
    """The predicates of one lexicon file, indexed by the alternatives of their first token."""

    def __init__(self, predicates: list[Predicate]) -> None:
        self.predicates: tuple[Predicate, ...] = tuple(predicates)
        self._tokens: list[tuple[_Token, ...]] = [_compile(p.pattern) for p in predicates]
        prefix_index: dict[str, list[int]] = defaultdict(list)
        exact_index: dict[str, list[int]] = defaultdict(list)
        for i, toks in enumerate(self._tokens):
            for alt in toks[0].prefixes:
                prefix_index[alt].append(i)
            for alt in toks[0].exact:
                exact_index[alt].append(i)
        self._prefix_index = dict(prefix_index)
        self._exact_index = dict(exact_index)
        self._prefix_lengths: tuple[int, ...] = tuple(sorted({len(a) for a in prefix_index}))
        self._memo: dict[str, tuple[tuple[int, int], ...]] = {}

    def __len__(self) -> int:
        return len(self.predicates)

    def _candidates(self, word: str) -> tuple[tuple[int, int], ...]:
        """(predicate, how specifically its first token matches ``word``) for the predicates
        whose first token matches: dict lookups on the word's prefixes, memoised per word form
        (news vocabulary repeats; the memo never changes results)."""
        hit = self._memo.get(word)
        if hit is not None:
            return hit
        found: set[int] = set(self._exact_index.get(word, ()))
        for n in self._prefix_lengths:
            if n > len(word):
                break
            ids = self._prefix_index.get(word[:n])
            if ids:
                found.update(ids)
        result = tuple((p, n0) for p in sorted(found) if (n0 := self._tokens[p][0].match(word)))
        if len(self._memo) >= _CACHE_MAX:
            self._memo.clear()
        self._memo[word] = result
        return result

    def _align(self, toks: tuple[_Token, ...], ws: list[tuple[str, int, int, int]], i: int,
               k: int, seg: int) -> tuple[int, int, int] | None:
        """Match tokens ``k..`` from word ``i`` on, nearest words first.

        Returns (index of the last matched word, literal score, skipped words) or None.
        """
        if k == len(toks):
            return (i - 1, 0, 0)
        for j in range(i, min(i + MAX_GAP + 1, len(ws))):
            if ws[j][3] != seg:
                return None
            n = toks[k].match(ws[j][0])
            if n:
                rest = self._align(toks, ws, j + 1, k + 1, seg)
                if rest is not None:
                    return (rest[0], rest[1] + n, rest[2] + j - i)
        return None

    def find(self, text: str) -> list[PredicateMatch]:
        """All predicate matches in ``text``, sorted by start.

        Where two matches overlap, the more specific one is kept: more tokens first, then
        fewer skipped words, then the one starting earlier (Bengali puts the specific
        modifier before the head noun and its light verb: ``হামলার হুমকি`` wins over
        ``হুমকি দিয়েছে``), then more literal pattern characters (a whole-word alternative
        counts one more), then the shorter span, then the earlier row.
        """
        ws = words(text)
        scored: list[tuple[tuple[int, int, int, int, int, int], int, int, int]] = []
        memo = self._memo.get  # (most words were seen before: skip the call on a hit)
        for i, (w, _, _, seg) in enumerate(ws):
            found = memo(w)
            for p, n0 in found if found is not None else self._candidates(w):
                toks = self._tokens[p]
                rest = self._align(toks, ws, i + 1, 1, seg)
                if rest is None:
                    continue
                last, chars, gaps = rest
                start, end = ws[i][1], ws[last][2]
                key = (-len(toks), gaps, start, -(n0 + chars), end - start, self.predicates[p].line)
                scored.append((key, p, start, end))
        scored.sort()
        kept: list[tuple[int, int, int]] = []
        for _, p, start, end in scored:
            if all(end <= s or start >= e for _, s, e in kept):
                kept.append((p, start, end))
        kept.sort(key=lambda t: (t[1], t[2]))
        return [PredicateMatch(self.predicates[p], s, e) for p, s, e in kept]


def _fail(name: str, line: int, what: str) -> LexiconError:
    return LexiconError(f"{name}:{line}: {what}")


def _check_pattern(pattern: str) -> str | None:
    """What is wrong with ``pattern``, or None."""
    if not pattern.strip():
        return "empty pattern, expected word-tokens separated by single spaces"
    if pattern != pattern.strip() or "  " in pattern:
        return f"pattern {pattern!r} has stray spaces, expected tokens separated by single spaces"
    for tok in pattern.split(" "):
        for alt in tok.split("|"):
            if not _ALT.match(alt):
                return (f"alternative {alt!r} in {pattern!r} is not a word, expected letters,"
                        " marks or digits, optionally ending in $")
    if all(a.rstrip("$") in LIGHT_VERBS for tok in pattern.split(" ") for a in tok.split("|")):
        return f"pattern {pattern!r} is only light verbs, expected a noun or verb before them"
    return None


def _parse_row(cells: list[str], name: str, line: int) -> Predicate:
    """Validate one row's cells and build its :class:`Predicate`."""
    if len(cells) != len(COLUMNS):
        raise _fail(name, line,
                    f"{len(cells)} columns, expected {len(COLUMNS)}: {', '.join(COLUMNS)}")
    type_, mode, cameo, gold, quad, sym, frame, pos, pattern, example = (c.strip() for c in cells)
    if type_ not in EVENT_TYPES:
        raise _fail(name, line, f"unknown type {type_!r}, expected one of {', '.join(EVENT_TYPES)}")
    if mode and mode not in MODES_OF_TYPE[type_]:
        allowed = ", ".join(sorted(MODES_OF_TYPE[type_])) or "none (leave it empty)"
        raise _fail(name, line,
                    f"mode {mode!r} is not a PLOVER mode of {type_}, expected {allowed}")
    if not (cameo.isascii() and cameo.isdigit() and 2 <= len(cameo) <= 4):
        raise _fail(name, line,
                    f"cameo {cameo!r} is not a CAMEO code, expected 2-4 digits like '043'")
    if not cameo.startswith(CAMEO_ROOTS[type_]):
        raise _fail(name, line, f"cameo {cameo} does not fit {type_}, expected a code starting "
                                f"with {' or '.join(CAMEO_ROOTS[type_])}")
    try:
        goldstein = float(gold)
    except ValueError:
        raise _fail(name, line,
                    f"goldstein {gold!r} is not a number, expected a float in [-10, 10]") from None
    if not -10.0 <= goldstein <= 10.0:
        raise _fail(name, line, f"goldstein {goldstein} outside [-10, 10]")
    if quad not in {"1", "2", "3", "4"}:
        raise _fail(name, line, f"quad {quad!r}, expected 1, 2, 3 or 4")
    if int(quad) != QUAD_OF_TYPE[type_]:
        raise _fail(name, line,
                    f"quad {quad} is inconsistent with {type_}, expected {QUAD_OF_TYPE[type_]}")
    if sym not in {"y", "n"}:
        raise _fail(name, line, f"symmetric {sym!r}, expected y or n")
    if frame not in FRAMES:
        raise _fail(name, line, f"frame {frame!r}, expected st, ts, s or sp")
    if pos not in POS:
        raise _fail(name, line, f"pos {pos!r}, expected verb or noun")
    pattern = _nfc(pattern)
    problem = _check_pattern(pattern)
    if problem:
        raise _fail(name, line, problem)
    return Predicate(type=type_, mode=mode or None, cameo=cameo, goldstein=goldstein,
                     quad_class=int(quad), symmetric=sym == "y", frame=frame, pos=pos,
                     pattern=pattern, example=example, line=line)


def parse_lexicon(text: str, name: str = "lexicon.tsv") -> Lexicon:
    """Build a :class:`Lexicon` from the TSV ``text``; ``name`` prefixes error messages."""
    predicates: list[Predicate] = []
    seen: dict[tuple[str, str], int] = {}
    header_seen = False
    for line, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = raw.rstrip("\r\n").split("\t")
        if not header_seen:
            if tuple(c.strip() for c in cells) != COLUMNS:
                raise _fail(name, line, f"header {cells!r}, expected {chr(9).join(COLUMNS)!r}")
            header_seen = True
            continue
        pred = _parse_row(cells, name, line)
        key = (pred.type, pred.pattern)
        if key in seen:
            raise _fail(name, line, f"duplicate pattern {pred.pattern!r} for {pred.type}, "
                                    f"first defined on line {seen[key]}")
        seen[key] = line
        predicates.append(pred)
    if not header_seen:
        raise _fail(name, 1, f"no header row, expected {chr(9).join(COLUMNS)!r}")
    logger.debug("loaded %d predicates from %s", len(predicates), name)
    return Lexicon(predicates)


@functools.lru_cache(maxsize=8)
def _load_cached(path: str | None) -> Lexicon:
    if path is None:
        res = importlib.resources.files("ghotona").joinpath("data/events/lexicon.tsv")
        return parse_lexicon(res.read_text(encoding="utf-8"), "lexicon.tsv")
    p = Path(path)
    return parse_lexicon(p.read_text(encoding="utf-8"), p.name)


def load_lexicon(path: str | os.PathLike[str] | None = None) -> Lexicon:
    """Load and validate a lexicon TSV (default: the packaged one); cached per path."""
    return _load_cached(None if path is None else os.path.abspath(os.fspath(path)))
