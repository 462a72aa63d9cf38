"""Text normalisation that every later stage can rely on, with offsets back to the original.

:func:`normalise` returns a :class:`Normalised`: the canonical text plus an offset map, so
a span found in the normalised text maps back to the exact original characters
(:meth:`Normalised.span_to_original`). What changes:

* **Unicode**: NFC. Note that NFC keeps য় ড় ঢ় *decomposed* (consonant + nukta U+09BC): the
  precomposed U+09DF/U+09DC/U+09DD are composition exclusions, so pages that use them are
  brought to the decomposed form. ে + া and ে + ৗ typed as two signs become ো and ৌ.
* **Invisible characters** are dropped: ZWJ, ZWNJ (so ``র‌্যাব`` matches ``র্যাব``), zero-width
  space, soft hyphen, BOM, word joiner, bidi marks, C0/C1 control characters.
* **Legacy and typing variants** of Bengali: ত + ্ + ZWJ (the pre-Unicode-4.1 khanda ta)
  becomes ৎ; অ + া becomes আ; doubled hasanta or nukta are kept once; a nukta typed after a
  vowel sign and a candrabindu typed before one are put back in logical order.
* **Spellings** that CLDR and the news disagree on (ি/ী): ``জানুয়ারী`` → ``জানুয়ারি``,
  ``সরকারী`` → ``সরকারি``, demonyms such as ``পাকিস্তানী`` → ``পাকিস্তানি`` (:data:`SPELLINGS`).
* **Digits**: Bengali (and full-width) digits become ASCII digits.
* **Punctuation**: curly quotes become straight ones (“ ” „ → ``"``, ‘ ’ ‚ ʼ → ``'``),
  hyphen variants (U+2010/2011/2012, minus sign) become ``-`` (en and em dashes are kept),
  ``৷`` (U+09F7, often typed for the danda) becomes ``।``.
* **White space**: every horizontal space (tab, U+00A0 no-break space, thin spaces …)
  becomes a plain space and runs of them become one; ``\\r\\n`` and lone ``\\r`` become
  ``\\n``; line breaks are otherwise kept (they delimit paragraphs).

Normalisation is idempotent: ``normalise(normalise(t).text).text == normalise(t).text``.

**Offsets.** Every change is an atomic *unit*: a stretch of original text replaced by a
stretch of normalised text (a character and its combining marks, a run of spaces, a
spelling). Outside units the map is the identity shifted by the preceding length changes.
Positions strictly inside a unit are not *boundaries* (:meth:`Normalised.is_boundary`):
a span that starts or ends inside one is widened to the whole unit when mapped back
(spaCy's "expand" alignment), and dropped invisible characters at a span's edge are left
out of it. For spans whose ends are boundaries, ``normalise(original[a:b]).text`` equals the
normalised span exactly.

The common case is fast: a few cheap scans show that no unit needs rewriting (a regex scan
finds them when one does), one-to-one replacements are made per character present, and an
Aho–Corasick automaton finds the spellings.
"""

from __future__ import annotations

import bisect
import logging
import unicodedata
from dataclasses import dataclass

import ahocorasick
import regex

logger = logging.getLogger(__name__)

__all__ = ["SPELLINGS", "Normalised", "OffsetMap", "normalise"]

# ---- character classes -------------------------------------------------------------------

_HSPACE = "\t\x0b\x0c \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
"""Horizontal white space: becomes a plain space; runs collapse to one."""

_INVISIBLE = ("\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f\u00ad\u034f\u061c\u180e"
              "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff")
"""Dropped: controls, soft hyphen, zero-width (non-)joiners and spaces, bidi marks, BOM."""

_INVISIBLE_RX = regex.compile(f"[{_INVISIBLE}]+")
_SPACE_RUN_RX = regex.compile(f"[{_HSPACE}]{{2,}}")

HASANTA = "\u09cd"
NUKTA = "\u09bc"
CANDRABINDU = "\u0981"
_VOWEL_SIGNS = "\u09be-\u09cc\u09d7"
_LEGACY_KHANDA_TA = "\u09a4\u09cd\u200d"  # ত্‍ : ৎ before Unicode 4.1
KHANDA_TA = "\u09ce"

# What makes a stretch of text change length or order (one scan finds them all):
_CHANGE_RX = regex.compile(
    rf"(?P<space>[{_HSPACE}](?:[{_HSPACE}]|[{_INVISIBLE}])+|\r\n?)"
    rf"|(?P<mark>[{_INVISIBLE}]"            # invisible characters
    r"|[\u09dc\u09dd\u09df]"                # precomposed ড় ঢ় য় (NFC decomposes them)
    r"|\u09c7[\u09be\u09d7]"                # ো ৌ typed as two signs
    r"|\u0985\u09be"                        # অ + া for আ
    r"|\u09cd\u09cd|\u09bc\u09bc|\u09cd\u09bc"  # doubled hasanta/nukta; nukta after hasanta
    rf"|\u0981[{_VOWEL_SIGNS}]"             # candrabindu before a vowel sign
    rf"|[{_VOWEL_SIGNS}]\u09bc"             # nukta after a vowel sign
    r"|\p{NFC_QC=N})"                       # any other character NFC replaces
)

_BENGALI_FIX_RX = regex.compile(
    rf"\u0985\u09be|\u09cd{{2,}}|\u09bc{{2,}}|\u0981([{_VOWEL_SIGNS}])|([{_VOWEL_SIGNS}])\u09bc")


# Clean text skips the scan above. Characters outside this set may need work (or make NFC
# uncertain); inside it, only the sign pairs below and double spaces can.
_MAYBE_UNSAFE_RX = regex.compile(
    r"[^\n -~\u00a1-\u00ac\u00ae-\u00ff\u0981-\u09db\u09de\u09e0-\u09fd\u0964\u0965\u2013-\u2027]")
_UNSAFE_PAIRS = ("\u09c7\u09be", "\u09c7\u09d7", "\u0985\u09be", "\u09cd\u09cd", "\u09cd\u09bc",
                 "\u09bc\u09bc", "  ")
_SIGN_ORDER_RX = regex.compile(rf"\u0981[{_VOWEL_SIGNS}]|(?<=[{_VOWEL_SIGNS}])\u09bc")


def _is_clean(text: str) -> bool:
    """True when no unit needs rewriting and the text is certainly NFC (cheap scans)."""
    return (_MAYBE_UNSAFE_RX.search(text) is None and not any(p in text for p in _UNSAFE_PAIRS)
            and _SIGN_ORDER_RX.search(text) is None)


def _bengali_fix(m: regex.Match[str]) -> str:
    s, sign_after, sign_before = str(m.group()), m.group(1), m.group(2)
    if s == "\u0985\u09be":
        return "\u0986"
    if s[0] in (HASANTA, NUKTA):
        return s[0]
    if sign_after:
        return f"{sign_after}{CANDRABINDU}"
    return f"{NUKTA}{sign_before}"


# ---- one-to-one replacements ---------------------------------------------------------------

_ONE_TO_ONE: dict[int, str] = {}
_ONE_TO_ONE.update({0x09E6 + d: str(d) for d in range(10)})     # ০-৯
_ONE_TO_ONE.update({0xFF10 + d: str(d) for d in range(10)})     # full-width digits
_ONE_TO_ONE.update({ord(c): '"' for c in "\u201c\u201d\u201e\u201f\uff02"})
_ONE_TO_ONE.update({ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u02bc\uff07"})
_ONE_TO_ONE.update({ord(c): "-" for c in "\u2010\u2011\u2012\u2212\ufe63\uff0d"})
_ONE_TO_ONE.update({ord(c): " " for c in "\t\x0b\x0c\u00a0\u1680\u202f\u205f\u3000"})
_ONE_TO_ONE.update({c: " " for c in range(0x2000, 0x200B)})
_ONE_TO_ONE.update({ord(c): "\n" for c in "\u0085\u2028\u2029"})
_ONE_TO_ONE[0x09F7] = "\u0964"                                   # ৷ → ।
_ONE_TO_ONE_ITEMS = tuple((chr(k), v) for k, v in _ONE_TO_ONE.items())


def _translate(text: str) -> str:
    """Apply the one-to-one replacements (``str.replace`` per character present: several
    times faster than ``str.translate`` on Bengali text, where most are absent)."""
    for old, new in _ONE_TO_ONE_ITEMS:
        if old in text:
            text = text.replace(old, new)
    return text


SPELLINGS: dict[str, str] = {
    unicodedata.normalize("NFC", a): unicodedata.normalize("NFC", b) for a, b in (
        ("জানুয়ারী", "জানুয়ারি"), ("ফেব্রুয়ারী", "ফেব্রুয়ারি"),     # CLDR spells the months with ী
        ("সরকারী", "সরকারি"), ("দরকারী", "দরকারি"), ("তৈরী", "তৈরি"), ("দেরী", "দেরি"),
        ("বাংলাদেশী", "বাংলাদেশি"), ("বিদেশী", "বিদেশি"), ("পাকিস্তানী", "পাকিস্তানি"),
        ("ইরানী", "ইরানি"), ("ইরাকী", "ইরাকি"), ("ইসরায়েলী", "ইসরায়েলি"), ("ইসরাইলী", "ইসরাইলি"),
        ("ফিলিস্তিনী", "ফিলিস্তিনি"), ("নেপালী", "নেপালি"), ("জাপানী", "জাপানি"),
        ("কাশ্মীরী", "কাশ্মীরি"), ("সৌদী", "সৌদি"),
    )
}
"""ি/ী spelling variants → the spelling the news (and the Bangla Academy) uses.

Replaced wherever they occur, even inside a longer word (বেসরকারী → বেসরকারি), so each
entry must be safe there: ``বেশী`` is not listed because of ``প্রতিবেশী``. Every pair has the
same length, and no entry overlaps another."""



def _spelling_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in SPELLINGS:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


_SPELLING_AUTOMATON = _spelling_automaton()


# ---- the offset map --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Where the changed stretches (units) lie: unit ``k`` replaced
    ``original[orig_starts[k]:orig_ends[k]]`` by ``text[norm_starts[k]:norm_ends[k]]``.

    Units are sorted and do not overlap; between them the map is the identity, shifted.
    """

    norm_starts: tuple[int, ...] = ()
    norm_ends: tuple[int, ...] = ()
    orig_starts: tuple[int, ...] = ()
    orig_ends: tuple[int, ...] = ()

    def start_to_original(self, i: int) -> int:
        """The original offset where a span starting at normalised ``i`` starts."""
        k = bisect.bisect_right(self.norm_ends, i)
        if k < len(self.norm_starts) and self.norm_starts[k] <= i:
            return self.orig_starts[k]  # at or inside unit k: its whole original
        if k == 0:
            return i
        return self.orig_ends[k - 1] + (i - self.norm_ends[k - 1])

    def end_to_original(self, i: int) -> int:
        """The original offset where a span ending at normalised ``i`` ends."""
        k = bisect.bisect_left(self.norm_starts, i) - 1
        if k < 0:
            return i
        if self.norm_ends[k] > i:
            return self.orig_ends[k]  # inside unit k: widen to its end
        return self.orig_ends[k] + (i - self.norm_ends[k])

    def to_normalised(self, j: int, end: bool = False) -> int:
        """The normalised offset of original ``j`` (inside a unit: its start, or its end
        when ``end``)."""
        k = bisect.bisect_right(self.orig_starts, j) - 1
        if k < 0:
            return j
        if j < self.orig_ends[k]:
            return self.norm_ends[k] if end and j > self.orig_starts[k] else self.norm_starts[k]
        return self.norm_ends[k] + (j - self.orig_ends[k])

    def is_boundary(self, i: int) -> bool:
        """False when normalised ``i`` lies strictly inside a unit."""
        k = bisect.bisect_left(self.norm_starts, i) - 1
        return k < 0 or self.norm_ends[k] <= i

    @property
    def units(self) -> list[tuple[int, int, int, int]]:
        """``(norm_start, norm_end, orig_start, orig_end)`` of every unit."""
        return list(zip(self.norm_starts, self.norm_ends, self.orig_starts, self.orig_ends))


_IDENTITY = OffsetMap()


@dataclass(frozen=True, slots=True)
class Normalised:
    """A normalised text and the map from its offsets to the ``original`` text."""

    original: str
    text: str
    offsets: OffsetMap = _IDENTITY

    @property
    def changed(self) -> bool:
        """True when the text differs from the original."""
        return self.text != self.original

    def _check(self, i: int, length: int, what: str) -> None:
        if not 0 <= i <= length:
            raise ValueError(f"{what} offset must be in 0..{length}, got {i}")

    def to_original(self, i: int) -> int:
        """The original offset of normalised offset ``i``: where a span starting there starts
        (inside a unit: the unit's start; dropped invisible characters just before ``i`` are
        skipped)."""
        self._check(i, len(self.text), "normalised")
        return self.offsets.start_to_original(i)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of normalised ``[start, end)``: exact at boundaries, widened to
        whole units inside them, without dropped invisible characters at its edges."""
        self._check(start, len(self.text), "normalised")
        self._check(end, len(self.text), "normalised")
        if end < start:
            raise ValueError(f"span end {end} is before its start {start}")
        a = self.offsets.start_to_original(start)
        return (a, max(a, self.offsets.end_to_original(end))) if end > start else (a, a)

    def to_normalised(self, j: int) -> int:
        """The normalised offset of original offset ``j`` (inside a unit: the unit's start)."""
        self._check(j, len(self.original), "original")
        return self.offsets.to_normalised(j)

    def span_to_normalised(self, start: int, end: int) -> tuple[int, int]:
        """The normalised span of original ``[start, end)`` (widened to whole units)."""
        self._check(start, len(self.original), "original")
        self._check(end, len(self.original), "original")
        if end < start:
            raise ValueError(f"span end {end} is before its start {start}")
        a = self.offsets.to_normalised(start)
        return a, max(a, self.offsets.to_normalised(end, end=True))

    def is_boundary(self, i: int) -> bool:
        """True when normalised ``i`` maps to an exact original offset (not inside a unit)."""
        self._check(i, len(self.text), "normalised")
        return self.offsets.is_boundary(i)


# ---- normalisation -----------------------------------------------------------------------------

def _is_attached(ch: str) -> bool:
    """True for characters that belong to the character before them (marks, invisibles)."""
    return unicodedata.category(ch)[0] == "M" or _INVISIBLE_RX.match(ch) is not None


def _fix(unit: str) -> str:
    """Normalise one unit (a character with its marks, or a run of spaces) to a fixpoint."""
    previous = None
    while unit != previous:
        previous = unit
        unit = unit.replace("\r\n", "\n").replace("\r", "\n").replace(_LEGACY_KHANDA_TA, KHANDA_TA)
        unit = _INVISIBLE_RX.sub("", unit)
        unit = unicodedata.normalize("NFC", unit)
        unit = _BENGALI_FIX_RX.sub(_bengali_fix, unit)
        unit = _SPACE_RUN_RX.sub(" ", unit)
    return unit


def _unit_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole units: back to the base character of its first
    character, forward over the marks that follow."""
    if _is_attached(text[start]):
        while start > 0 and _is_attached(text[start - 1]):
            start -= 1
        if start > 0 and text[start - 1] not in "\r\n":
            start -= 1
    n = len(text)
    while end < n and _is_attached(text[end]):
        end += 1
    return start, end


def _find_units(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` to rewrite, sorted and merged where they overlap."""
    found: list[tuple[int, int]] = []
    for m in _CHANGE_RX.finditer(text):
        span = m.span() if m.group("space") else _unit_around(text, *m.span())
        if found and span[0] < found[-1][1]:
            found[-1] = (found[-1][0], max(found[-1][1], span[1]))
        else:
            found.append(span)
    return found


def _cluster_units(text: str) -> list[tuple[int, int]]:
    """Slow path: every grapheme cluster is a unit, and so is every run of spaces."""
    spans = [m.span() for m in regex.finditer(r"\X", text)]
    spans += [m.span() for m in _SPACE_RUN_RX.finditer(text)]
    return spans


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` sorted, overlapping ones merged (touching ones are kept apart)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _apply(text: str, units: list[tuple[int, int]]) -> tuple[str, list[list[int]]]:
    """Rewrite the units of ``text``; returns the new text and the changed units as
    ``[norm_start, norm_end, orig_start, orig_end]``."""
    parts: list[str] = []
    changed: list[list[int]] = []
    pos = npos = 0
    for start, end in units:
        parts.append(text[pos:start])
        npos += start - pos
        old = text[start:end]
        new = _fix(old)
        parts.append(new)
        if new != old:
            changed.append([npos, npos + len(new), start, end])
        npos += len(new)
        pos = end
    parts.append(text[pos:])
    return "".join(parts), changed


def _with_spellings(text: str, units: list[list[int]]) -> tuple[str, list[list[int]]]:
    """Replace spelling variants (one-to-one) and record each as a unit, absorbing the
    units it overlaps."""
    hits = sorted((end + 1 - len(word), end + 1, word) for end, word in _SPELLING_AUTOMATON.iter(text))
    if not hits:
        return text, units
    chars = list(text)
    omap = _offset_map(units)
    merged = list(units)
    last_end = 0
    for s, e, word in hits:
        if s < last_end:
            continue  # overlapping entries: keep the first
        last_end = e
        chars[s:e] = SPELLINGS[word]
        inside = [u for u in merged if u[0] < e and s < u[1] or (u[0] == u[1] and s < u[0] < e)]
        if inside:
            s, e = min(s, *(u[0] for u in inside)), max(e, *(u[1] for u in inside))
        unit = [s, e, omap.start_to_original(s), omap.end_to_original(e)]
        merged = [u for u in merged if u not in inside]
        bisect.insort(merged, unit)
    return "".join(chars), merged


def _offset_map(units: list[list[int]]) -> OffsetMap:
    if not units:
        return _IDENTITY
    ns, ne, os_, oe = zip(*units)
    return OffsetMap(tuple(ns), tuple(ne), tuple(os_), tuple(oe))


def normalise(text: str) -> Normalised:
    """Normalise ``text`` (see the module docstring); the result maps offsets back to it."""
    clean = _is_clean(text)
    units = [] if clean else _find_units(text)
    out, changed = _apply(text, units) if units else (text, [])
    out = _translate(out)
    out, changed = _with_spellings(out, changed)
    if not clean and not unicodedata.is_normalized("NFC", out):
        # Rare: a sequence NFC changes that the scan did not flag (marks of other scripts
        # out of canonical order …). Start again with every grapheme cluster as a unit.
        logger.debug("normalise: slow path for non-NFC text (%d characters)", len(text))
        out, changed = _apply(text, _merge(units + _cluster_units(text)))
        out = _translate(out)
        out, changed = _with_spellings(out, changed)
    if out == text and not changed:
        return Normalised(text, text)
    return Normalised(text, out, _offset_map(changed))
