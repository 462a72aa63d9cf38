"""Legacy Bijoy / SutonnyMJ-encoded Bengali: detection and conversion to Unicode.

Before Unicode, Bangladeshi typesetting drew Bengali with fonts such as SutonnyMJ that
put Bengali glyphs on ASCII and Windows-1252 code points (the Bijoy keyboard layout).
Older pages and PDFs still carry that text: read as Unicode it looks like
``Avgvi †mvbvi evsjv`` ("আমার সোনার বাংলা"). Such text has almost no Bengali code points,
so the pipeline would otherwise reject it as "not Bengali" or, worse, find Latin garbage.

* :func:`detect_bijoy` scores a text from 0 (Unicode Bengali, English …) to 1 (Bijoy).
* :func:`bijoy_to_unicode` converts: a glyph table (``data/lang/bijoy.tsv``, longest match
  first), then the reordering Unicode needs. Bijoy is typed in *visual* order: the pre-base
  vowel signs ি ে ৈ (``w ‡ † ‰ ˆ``) come before their consonant cluster and the reph র্
  (``©``) after it; Unicode wants logical order (consonant cluster, then the sign; reph
  first). ``‡ … v`` and ``‡ … Š`` become ো and ৌ. The result is NFC.

English words inside a Bijoy document were typed in another font and cannot be told apart
from Bijoy glyphs, so they come out as Bengali garbage; convert only text that
:func:`detect_bijoy` scores high (:func:`is_bijoy`).
"""

from __future__ import annotations

import logging
import unicodedata
from functools import lru_cache
from importlib import resources

import regex

from ghotona import tsv
from ghotona.errors import DataFileError

logger = logging.getLogger(__name__)

__all__ = ["BIJOY_THRESHOLD", "ENCODING_NAME", "bijoy_table", "bijoy_to_unicode", "detect_bijoy", "is_bijoy",
           "parse_table"]

ENCODING_NAME = "Bijoy/SutonnyMJ-encoded Bengali"
"""How the encoding is named in messages (e.g. a rejection reason)."""

BIJOY_THRESHOLD = 0.5
"""Scores at or above this are Bijoy text (see :func:`detect_bijoy`)."""

_TABLE_FILE = "bijoy.tsv"

# ---- the glyph table -----------------------------------------------------------------------


def parse_table(text: str, source: str = _TABLE_FILE) -> dict[str, str]:
    """Parse a glyph table: comment lines (``#``), the header ``bijoy<TAB>unicode<TAB>note``,
    then one row per glyph sequence. Raises :class:`DataFileError` on a malformed row."""
    table: dict[str, str] = {}
    for where, row in tsv.rows(text, ("bijoy", "unicode", "note"), source):
        if not row["bijoy"] or not row["unicode"]:
            raise DataFileError(f"{where}: expected 'bijoy<TAB>unicode<TAB>note', got {row!r}")
        key = regex.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), row["bijoy"])
        if key in table:
            raise DataFileError(f"{where}: {row['bijoy']!r} is listed twice")
        table[key] = unicodedata.normalize("NFC", row["unicode"])
    if not table:
        raise DataFileError(f"{source}: no rows")
    return table


@lru_cache(maxsize=1)
def bijoy_table() -> dict[str, str]:
    """The packaged glyph table ``data/lang/bijoy.tsv``: Bijoy sequence → Unicode (read once)."""
    return parse_table(resources.files("ghotona").joinpath("data", "lang", _TABLE_FILE).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _glyph_rx() -> regex.Pattern[str]:
    keys = sorted(bijoy_table(), key=len, reverse=True)
    return regex.compile("|".join(regex.escape(k) for k in keys))


# ---- detection -----------------------------------------------------------------------------

# Code points SutonnyMJ uses for glyphs that plain English (or other Latin-script) text
# almost never contains: vowel signs, reph, phalas, conjuncts, Bijoy's quote glyphs.
_MARKERS = frozenset("‡†‰ˆŠ©ª«¨¯¤š›˜™Ö‹ŒœŸ¡¢£¥¦§¬®°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏ×ØÙÚÛÜÝÞßæ÷øÒÓÔÕ•”’‘“„…ƒ")
_TOKEN_RX = regex.compile(r"\S+")
_BENGALI_LETTER_RX = regex.compile(r"[\u0980-\u09ff]")
_LETTER_RX = regex.compile(r"\p{L}")
_C1_TABLE = {c: bytes([c]).decode("cp1252") for c in range(0x80, 0xA0) if c not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
"""C1 control characters → the Windows-1252 characters of the same byte (a page decoded as
Latin-1 turns ‡ into U+0087)."""
_MAX_TOKENS = 3000
_MIN_TOKENS = 5


def _bijoy_like(token: str) -> bool:
    """True for a token that looks like a Bijoy-encoded word rather than a Latin one."""
    if any(ch in _MARKERS for ch in token):
        return True
    word = token.strip(".,;:!?()[]{}'\"-")
    if token.endswith("|") or word.endswith("|"):
        return True  # the danda
    if len(word) < 2:
        return False
    # a capital after a small letter inside a word (evsjv‡`k, XvKv, AvKvk) …
    if regex.search(r"[a-z`][A-Z_]", word):
        return True
    # … a word ending in the aa-kar v (bv = না, Kiv = করা), or opening with the i-kar w
    # before a consonant glyph (wK = কি, w`b = দিন) — rare in English.
    return word.endswith("v") or bool(regex.match(r"w[A-Z`_]", word))


def detect_bijoy(text: str) -> float:
    """How much ``text`` looks like Bijoy/SutonnyMJ-encoded Bengali, from 0.0 to 1.0.

    The share of its words (up to the first 3,000) that look like Bijoy glyph runs rather
    than Latin words, scaled down by the share of letters that are real Bengali code points
    (a Unicode Bengali text scores 0) and for texts under five words (too short to tell).
    """
    text = text.translate(_C1_TABLE)
    tokens = _TOKEN_RX.findall(text)[:_MAX_TOKENS]
    candidates = [t for t in tokens if regex.search(r"[A-Za-z`_|&\u0080-\u00ff\u2013-\u2030\u0152-\u02dc]", t)]
    if not candidates:
        return 0.0
    letters = len(_LETTER_RX.findall(text[:200_000]))
    bengali = len(_BENGALI_LETTER_RX.findall(text[:200_000]))
    unicode_share = bengali / letters if letters else 0.0
    share = sum(1 for t in candidates if _bijoy_like(t)) / max(len(candidates), _MIN_TOKENS)
    score = share * (1.0 - unicode_share)
    return round(min(1.0, max(0.0, score)), 4)


def is_bijoy(text: str, threshold: float = BIJOY_THRESHOLD) -> bool:
    """True when :func:`detect_bijoy` scores ``text`` at or above ``threshold``."""
    return detect_bijoy(text) >= threshold


# ---- conversion ----------------------------------------------------------------------------

# Typing slips that the standard converters repair before mapping glyphs.
_PRE_FIXES = (("yy", "y"), ("vv", "v"), ("y&", "y"), ("„&", "„"), ("u¨v", "¨vu"))

HASANTA = "\u09cd"
NUKTA = "\u09bc"
REPH = "র\u09cd"
_REPH_GLYPH = "©"
_REPH_MARK = "\ue000"  # stands for a reph (typed after its cluster) until it is moved
_PRE_KARS = frozenset("িেৈ")
_POST_KARS = frozenset("াোৌৗুূীৃ")
_CONSONANTS = frozenset("কখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহৎ")


def _cluster_end(s: list[str], i: int) -> int:
    """The end of the consonant cluster starting at ``s[i]`` (consonant [nukta] (hasanta
    consonant [nukta])*), or ``i`` when ``s[i]`` is not a consonant."""
    j = i
    while j < len(s) and s[j] in _CONSONANTS:
        j += 1
        if j < len(s) and s[j] == NUKTA:
            j += 1
        if j + 1 < len(s) and s[j] == HASANTA and s[j + 1] in _CONSONANTS:
            j += 1
            continue
        break
    return j


def _cluster_start(s: list[str], end: int) -> int:
    """The start of the consonant cluster (with at most one vowel sign) ending at ``end``."""
    j = end
    if j > 0 and s[j - 1] in _POST_KARS:
        j -= 1
    if j > 0 and s[j - 1] == NUKTA:
        j -= 1
    if j > 0 and s[j - 1] in _CONSONANTS:
        j -= 1
        while j >= 2 and s[j - 1] == HASANTA and s[j - 2] in _CONSONANTS:
            j -= 2
            if j > 0 and s[j - 1] == NUKTA:  # pragma: no cover - nukta inside a cluster is rare
                j -= 1
    return j


def _move_rephs(s: list[str]) -> list[str]:
    """Move each reph (typed after the cluster it stands on) before that cluster."""
    out: list[str] = []
    for ch in s:
        if ch == _REPH_MARK:
            start = _cluster_start(out, len(out))
            out[start:start] = ["র", HASANTA]
        else:
            out.append(ch)
    return out


def _move_pre_kars(s: list[str]) -> list[str]:
    """Move each pre-base vowel sign after the consonant cluster that follows it."""
    out: list[str] = []
    i = 0
    while i < len(s):
        ch = s[i]
        if ch in _PRE_KARS:
            end = _cluster_end(s, i + 1)
            if end > i + 1:
                out.extend(s[i + 1:end])
                follow = s[end] if end < len(s) else ""
                if ch == "ে" and follow == "া":
                    out.append("ো")
                    end += 1
                elif ch == "ে" and follow == "ৗ":
                    out.append("ৌ")
                    end += 1
                else:
                    out.append(ch)
                i = end
                continue
        out.append(ch)
        i += 1
    return out


def _kar_before_phala(s: list[str]) -> list[str]:
    """A vowel sign typed before a phala (া + ্য) goes after it (্যা)."""
    out = list(s)
    for i in range(1, len(out) - 1):
        if out[i] == HASANTA and out[i - 1] in _POST_KARS and out[i + 1] in _CONSONANTS:
            out[i - 1], out[i], out[i + 1] = out[i], out[i + 1], out[i - 1]
    return out


_DIGIT_VISARGA_RX = regex.compile(r"(?<=[০-৯])ঃ")  # a colon typed with the visarga key: ১০ঃ৩০
_CANDRABINDU_FIRST_RX = regex.compile(r"ঁ([া-ৌৗ])")


def bijoy_to_unicode(text: str) -> str:
    """Convert Bijoy/SutonnyMJ-encoded ``text`` to Unicode Bengali (NFC).

    Characters the table does not list (spaces, line breaks, ASCII punctuation) are kept.
    Windows-1252 glyphs that arrive as C1 control characters (a page decoded as Latin-1)
    are read as their Windows-1252 characters first.
    """
    text = text.translate(_C1_TABLE)
    for old, new in _PRE_FIXES:
        text = text.replace(old, new)
    table = bijoy_table()
    mapped = _glyph_rx().sub(lambda m: _REPH_MARK if m.group() == _REPH_GLYPH else table[m.group()], text)
    chars = list(regex.sub(HASANTA + "{2,}", HASANTA, mapped))
    chars = _move_rephs(chars)
    chars = _kar_before_phala(chars)
    chars = _move_pre_kars(chars)
    result = "".join(chars).replace("অা", "আ")
    result = _CANDRABINDU_FIRST_RX.sub(lambda m: m.group(1) + "ঁ", result)
    result = _DIGIT_VISARGA_RX.sub(":", result)
    return unicodedata.normalize("NFC", result)
