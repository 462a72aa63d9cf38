"""Text normalisation, word boundaries and Bengali case endings for gazetteer matching.

Gazetteer surfaces and article text go through the same :func:`normalize`, so that a
surface written ``কিম জং-উন`` matches ``কিম জং উন``, ``য়`` written precomposed matches its
NFC form, and zero-width joiners inside ``র‌্যাব`` do not break a match. Offsets found in the
normalised text are mapped back to the original text (:class:`NormText`).

A name is matched as a *base form* followed by an optional case ending or particle glued to
it (``রাশিয়ার``, ``পুতিনকে``, ``ঢাকায়``, ``কেসিএনএ'র``): :func:`read_suffix`.
"""

from __future__ import annotations

import bisect
import functools
import logging
import unicodedata
from dataclasses import dataclass
from itertools import accumulate, product

import regex

logger = logging.getLogger(__name__)

# Characters mapped one-to-one before matching: dashes and hyphens become spaces (so
# "রাশিয়া-উত্তর কোরিয়া" is two names), horizontal whitespace becomes a plain space, ASCII is
# folded to lower case (Latin agency names like TASS, KCNA). Line breaks stay: a chain never
# crosses one.
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_SPACES = "\t\v\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_TABLE: dict[int, str] = {ord(c): " " for c in _DASHES + _SPACES}
_TABLE.update({ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})
_TABLE.update({ord("\r"): "\n", 0x2028: "\n", 0x2029: "\n"})
# Characters dropped before matching (zero-width joiners, soft hyphen, BOM), and runs of
# spaces beyond the first.
_DROP = "\u200b\u200c\u200d\u00ad\ufeff"
_DROP_RX = regex.compile(f"[{_DROP}]")
# A hasanta right after a vowel sign is a typing slip no word has (যু্ক্তরাষ্ট্র): dropped too.
_STRAY_HASANTA = "(?<=[\u09be-\u09cc\u09d7])\u09cd"
_STRAY_RX = regex.compile(_STRAY_HASANTA)
_DELETE_RX = regex.compile(f"[{_DROP}]+| {{2,}}|{_STRAY_HASANTA}")
_CLUSTER_RX = regex.compile(r"\X")
# Runs of characters ``_TABLE`` maps: translating only these is several times faster than
# ``str.translate`` over a whole Bengali text, where they are rare.
_MAPPED_RX = regex.compile("[" + "".join(regex.escape(chr(c)) for c in sorted(_TABLE)) + "]+")


def _map_run(m: regex.Match[str]) -> str:
    return m.group().translate(_TABLE)

APOSTROPHES = frozenset("'\u2019\u2018\u02bc")

# Word characters: the Bengali block (letters, vowel signs, digits), ASCII letters and digits.
WORD_CHARS = frozenset(
    [chr(c) for c in range(0x0980, 0x0A00)]
    + list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
)

# Case endings and particles that may be glued to a name. Combined with a trailing particle
# (ও "also", ই "only") to give e.g. রাশিয়াকেও, ঢাকায়ও, ভারতেরই.
_CASE_ENDINGS = (
    "", "র", "এর", "ের", "য়ের", "য়র", "কে", "দেরকে", "রে", "য়", "য়ে", "এ", "ে", "তে", "য়তে",
    "রা", "েরা", "এরা", "দের", "গুলো", "গুলোর", "গুলোকে", "গুলোতে", "গুলি", "গুলির", "গুলিকে",
    "সমূহ", "সমূহের", "টি", "টির", "টা", "টার", "সহ", "দ্বয়", "দ্বয়ের", "কেই",
)
_PARTICLES = ("", "ও", "ই")
SUFFIXES: frozenset[str] = frozenset(
    unicodedata.normalize("NFC", c + p) for c, p in product(_CASE_ENDINGS, _PARTICLES)
)
MAX_SUFFIX = max(len(s) for s in SUFFIXES)

GENITIVE = frozenset(unicodedata.normalize("NFC", s) for s in ("র", "এর", "ের", "য়ের", "য়র"))
LOCATIVE = frozenset(
    unicodedata.normalize("NFC", c + p)
    for c, p in product(("য়", "য়ে", "এ", "ে", "তে", "য়তে", "গুলোতে"), _PARTICLES)
)
PLURAL_PEOPLE = frozenset(
    unicodedata.normalize("NFC", c + p)
    for c, p in product(("রা", "েরা", "এরা", "দের", "দেরকে", "কে"), _PARTICLES)
)


def is_word(ch: str) -> bool:
    """True for characters that continue a word (Bengali letters and signs, ASCII alnum)."""
    return ch in WORD_CHARS or ch in _DROP or ch.isalnum()


def normalize_surface(surface: str) -> str:
    """Normalise a gazetteer surface exactly as article text is normalised for matching."""
    s = unicodedata.normalize("NFC", surface).translate(_TABLE)
    s = _DROP_RX.sub("", s)
    return " ".join(s.split())


@dataclass(frozen=True, slots=True)
class NormText:
    """Normalised text plus the map from its offsets back to the original text.

    ``index`` is None when normalisation was one-to-one (the usual case). Otherwise it holds
    breakpoints ``(norm_offsets, orig_offsets)``: from ``norm_offsets[k]`` on, normalised
    offset ``i`` maps to ``orig_offsets[k] + (i - norm_offsets[k])``.
    """

    original: str
    text: str
    index: tuple[tuple[int, ...], tuple[int, ...]] | None

    def offset(self, i: int) -> int:
        """The original offset of normalised offset ``i`` (a match boundary)."""
        if self.index is None:
            return i
        norm, orig = self.index
        k = bisect.bisect_right(norm, i) - 1
        return orig[k] + (i - norm[k])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised ``[start, end)`` span to the original text."""
        return self.offset(start), self.offset(end)


@functools.lru_cache(maxsize=4)  # find_actors and find_places normalise the same text in turn
def normalize(text: str) -> NormText:
    """Normalise article text for matching (see the module docstring).

    Memoised for the last few texts (the result is immutable and depends on ``text`` only).
    """
    t = _MAPPED_RX.sub(_map_run, text)  # = text.translate(_TABLE), touching only mapped runs
    if not unicodedata.is_normalized("NFC", t):
        return _normalize_clusters(text)
    if not _DELETE_RX.search(t):
        return NormText(text, t, None)
    parts: list[str] = []
    norm, orig = [0], [0]
    pos = npos = 0
    for m in _DELETE_RX.finditer(t):
        s, e = m.span()
        if t[s] == " ":
            s += 1  # keep one space of a run
        parts.append(t[pos:s])
        npos += s - pos
        pos = e
        norm.append(npos)
        orig.append(e)
    parts.append(t[pos:])
    return NormText(text, "".join(parts), (tuple(norm), tuple(orig)))


def _normalize_clusters(text: str) -> NormText:
    """Slow path for text that is not NFC: normalise grapheme cluster by cluster.

    Each cluster becomes ``NFC(cluster)`` mapped and stripped of dropped characters (a
    cluster that becomes one space after another one ending in a space is dropped). The
    offset map keeps only the breakpoints where the shift between normalised and original
    offsets changes: the same mapping as one breakpoint per cluster, built in C-level passes.
    """
    clusters = _CLUSTER_RX.findall(text)
    chunk_of: dict[str, str] = {}  # news text repeats a small set of clusters
    chunks: list[str] = []
    append = chunks.append
    for c in clusters:
        chunk = chunk_of.get(c)
        if chunk is None:
            chunk = chunk_of[c] = _STRAY_RX.sub("", _DROP_RX.sub("", unicodedata.normalize("NFC", c).translate(_TABLE)))
        append(chunk)
    for k in [i for i, ch in enumerate(chunks) if ch == " "]:  # in order: a dropped space frees the next
        if k and chunks[k - 1].endswith(" "):
            chunks[k] = ""
    norm = list(accumulate(map(len, chunks), initial=0))
    orig = list(accumulate(map(len, clusters), initial=0))
    keep_n, keep_o = [0], [0]
    for k in [i + 1 for i, (a, b) in enumerate(zip(map(len, chunks), map(len, clusters))) if a != b]:
        n, o = norm[k], orig[k]
        if n == keep_n[-1]:  # dropped clusters share a normalised offset: keep the last
            keep_o[-1] = o
        elif o - n != keep_o[-1] - keep_n[-1]:
            keep_n.append(n)
            keep_o.append(o)
    return NormText(text, "".join(chunks), (tuple(keep_n), tuple(keep_o)))


def read_suffix(text: str, end: int) -> tuple[str, int] | None:
    """The case ending glued after a base form ending at ``end``: ``(suffix, new_end)``.

    Returns None when the base form is followed by word characters that are not a known
    ending (the base is then part of a longer word: ``ভারতী`` is not ``ভারত``). An apostrophe
    before the ending (``কেসিএনএ'র``) is accepted and not reported in the suffix.
    """
    n = len(text)
    j = end
    limit = end + MAX_SUFFIX + 1
    while j < n and j <= limit and is_word(text[j]):
        j += 1
    if j < n and is_word(text[j]):
        return None
    tail = text[end:j]
    if tail:
        return (tail, j) if tail in SUFFIXES else None
    if end < n and text[end] in APOSTROPHES:
        k = end + 1
        while k < n and k <= limit + 1 and is_word(text[k]):
            k += 1
        tail = text[end + 1:k]
        if tail and tail in SUFFIXES and not (k < n and is_word(text[k])):
            return tail, k
    return "", end


def left_boundary(text: str, start: int) -> bool:
    """True when ``start`` begins a word."""
    return start == 0 or not is_word(text[start - 1])


# "(অব.)" (retired) may stand between a rank and a name: "ব্রিগেডিয়ার জেনারেল (অব.) এম সাখাওয়াত হোসেন".
_RETIRED_GAP = regex.compile(r" {1,2}(?:\((?:অবঃ?\.?|অবসরপ্রাপ্ত)\)|অবঃ?\.) {1,2}")
_CONJ_GAP = regex.compile(r" {1,2}(?:ও|এবং|ও দলের|এবং দলের),? {1,2}")


def gap_is_space(text: str, start: int, end: int, max_gap: int = 2) -> bool:
    """True when ``text[start:end]`` joins two atoms of one chain: 1..max_gap spaces, or
    spaces around ``(অব.)``."""
    if 0 < end - start <= max_gap:
        return not text[start:end].strip(" ")
    return end - start <= 24 and _RETIRED_GAP.fullmatch(text, start, end) is not None


def gap_is_conj(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is ``ও``/``এবং`` between spaces (coordinated roles:
    ``চেয়ারপারসন ও সাবেক প্রধানমন্ত্রী``)."""
    return end - start <= 14 and _CONJ_GAP.fullmatch(text, start, end) is not None


def prev_token(text: str, pos: int) -> str:
    """The word that ends before the spaces preceding ``pos`` (empty if none)."""
    end = pos
    while end > 0 and text[end - 1] == " ":
        end -= 1
    start = end
    while start > 0 and is_word(text[start - 1]):
        start -= 1
    return text[start:end]


def next_token(text: str, pos: int) -> str:
    """The word that starts after the spaces at ``pos`` (empty if none)."""
    n = len(text)
    while pos < n and text[pos] == " ":
        pos += 1
    end = pos
    while end < n and is_word(text[end]):
        end += 1
    return text[pos:end]
