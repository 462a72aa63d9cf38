"""Word tables and regex fragments shared by the date expression finder and the
publication-date detector.

Digits are matched in both scripts (``D`` = ``[0-9০-৯]``); ``int()`` reads either.
Letters carrying a nukta (য় ড় ঢ়) are matched in both their composed and decomposed
encodings, since NFC keeps them decomposed but pages in the wild often do not.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

import regex

D = "[0-9০-৯]"
"""One digit, ASCII or Bengali."""

_NUKTA = {
    "\u09af\u09bc": "(?:\u09af\u09bc|\u09df)",  # য়
    "\u09a1\u09bc": "(?:\u09a1\u09bc|\u09dc)",  # ড়
    "\u09a2\u09bc": "(?:\u09a2\u09bc|\u09dd)",  # ঢ়
}

# Gregorian months: Bengali spellings (incl. common variants and one frequent typo).
MONTHS_BN: Mapping[int, tuple[str, ...]] = {
    1: ("জানুয়ারি", "জানুয়ারী"),
    2: ("ফেব্রুয়ারি", "ফেব্রুয়ারী", "ফেব্রুআরি"),
    3: ("মার্চ",),
    4: ("এপ্রিল",),
    5: ("মে",),
    6: ("জুন",),
    7: ("জুলাই",),
    8: ("আগস্ট", "অগাস্ট", "আগষ্ট", "অগস্ট"),
    9: ("সেপ্টেম্বর", "সেপ্টেম্বার", "সেপ্টেমবর"),
    10: ("অক্টোবর", "অক্টোবার"),
    11: ("নভেম্বর", "নভেম্বার"),
    12: ("ডিসেম্বর", "ডিসেম্বার", "ডিসম্বের"),
}

MONTHS_EN: Mapping[int, tuple[str, ...]] = {
    1: ("january", "jan"), 2: ("february", "feb"), 3: ("march", "mar"), 4: ("april", "apr"),
    5: ("may",), 6: ("june", "jun"), 7: ("july", "jul"), 8: ("august", "aug"),
    9: ("september", "sept", "sep"), 10: ("october", "oct"), 11: ("november", "nov"),
    12: ("december", "dec"),
}

# Bangla calendar months (Bangladesh), with spelling variants.
MONTHS_BANGLA: Mapping[int, tuple[str, ...]] = {
    1: ("বৈশাখ",), 2: ("জ্যৈষ্ঠ", "জৈষ্ঠ্য", "জৈষ্ঠ", "জ্যেষ্ঠ"), 3: ("আষাঢ়",),
    4: ("শ্রাবণ", "শ্রাবন"), 5: ("ভাদ্র",), 6: ("আশ্বিন",), 7: ("কার্তিক", "কার্ত্তিক"),
    8: ("অগ্রহায়ণ", "অগ্রহায়ন", "অঘ্রাণ", "অঘ্রান"), 9: ("পৌষ",), 10: ("মাঘ",),
    11: ("ফাল্গুন", "ফাগুন"), 12: ("চৈত্র",),
}

# Monday = 0 … Sunday = 6, as datetime.date.weekday().
WEEKDAYS_BN: Mapping[int, tuple[str, ...]] = {
    0: ("সোমবার",), 1: ("মঙ্গলবার",), 2: ("বুধবার",),
    3: ("বৃহস্পতিবার", "বৃহষ্পতিবার", "বিষ্যুদবার"), 4: ("শুক্রবার",),
    5: ("শনিবার",), 6: ("রবিবার", "রোববার", "রোবার"),
}

WEEKDAYS_EN: Mapping[int, tuple[str, ...]] = {
    0: ("monday",), 1: ("tuesday",), 2: ("wednesday",), 3: ("thursday",), 4: ("friday",),
    5: ("saturday",), 6: ("sunday",),
}

# Ordinal day words: পহেলা বৈশাখ, সাতই জুন, একুশে ফেব্রুয়ারি …
ORDINAL_DAYS_BN: Mapping[str, int] = {
    "পহেলা": 1, "পয়লা": 1, "দোসরা": 2, "তেসরা": 3, "চৌঠা": 4, "পাঁচই": 5, "ছয়ই": 6,
    "সাতই": 7, "আটই": 8, "নয়ই": 9, "দশই": 10, "এগারোই": 11, "এগারই": 11, "বারোই": 12,
    "বারই": 12, "তেরোই": 13, "তেরই": 13, "চৌদ্দই": 14, "পনেরোই": 15, "পনেরই": 15,
    "ষোলোই": 16, "ষোলই": 16, "সতেরোই": 17, "সতেরই": 17, "আঠারোই": 18, "আঠারই": 18,
    "উনিশে": 19, "বিশে": 20, "একুশে": 21, "বাইশে": 22, "তেইশে": 23, "চব্বিশে": 24,
    "পঁচিশে": 25, "ছাব্বিশে": 26, "সাতাশে": 27, "আঠাশে": 28, "আটাশে": 28,
    "ঊনত্রিশে": 29, "উনত্রিশে": 29, "ত্রিশে": 30, "একত্রিশে": 31,
}

# Cardinal number words for "দুই দিন আগে" and the like.
NUMBERS_BN: Mapping[str, int] = {
    "এক": 1, "দুই": 2, "দু": 2, "তিন": 3, "চার": 4, "পাঁচ": 5, "ছয়": 6, "ছ": 6,
    "সাত": 7, "আট": 8, "নয়": 9, "দশ": 10, "এগারো": 11, "বারো": 12, "তেরো": 13,
    "চৌদ্দ": 14, "পনেরো": 15, "ষোলো": 16, "সতেরো": 17, "আঠারো": 18, "উনিশ": 19,
    "বিশ": 20, "পঁচিশ": 25, "ত্রিশ": 30, "চল্লিশ": 40, "পঞ্চাশ": 50, "ষাট": 60,
    "সত্তর": 70, "আশি": 80, "নব্বই": 90, "একশ": 100, "একশো": 100,
}

NUMBERS_EN: Mapping[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "a": 1, "an": 1,
}

# Years said as words, in the inflected forms that cannot be day ordinals (একাত্তরের,
# চব্বিশের …): the landmark years of Bangladeshi politics.
YEAR_WORDS_BN: Mapping[str, int] = {
    "বায়ান্নর": 1952, "বায়ান্নের": 1952, "বায়ান্নয়": 1952, "ঊনসত্তরের": 1969, "উনসত্তরের": 1969,
    "ঊনসত্তরে": 1969, "উনসত্তরে": 1969, "একাত্তরের": 1971, "একাত্তরে": 1971,
    "পঁচাত্তরের": 1975, "পঁচাত্তরে": 1975, "চব্বিশের": 2024,
}

# Words after a bare month that make it a name, not a date (জুলাই আন্দোলন, জুলাই সনদ …).
MONTH_NAME_USES: tuple[str, ...] = (
    "আন্দোলন", "অভ্যুত্থান", "গণঅভ্যুত্থান", "গণ-অভ্যুত্থান", "বিপ্লব", "সনদ", "ঘোষণাপত্র",
    "যোদ্ধা", "শহীদ", "চেতনা", "স্পিরিট", "ফাউন্ডেশন", "জাতীয়", "গণহত্যা", "হত্যাকাণ্ড",
    "ঐক্য", "মঞ্চ", "রেভল্যুশন", "সংখ্যা", "ইস্যু",
)

# Relative day words → offset from the anchor day.
RELATIVE_DAYS_BN: Mapping[str, int] = {
    "আজ": 0, "গতকাল": -1, "আগামীকাল": 1, "গত পরশু": -2, "আগামী পরশু": 2,
    "গতরাতে": -1, "গত রাতে": -1,
}

# Modifiers before a weekday / month / period: -1 last, 0 this, +1 next.
PAST_WORDS: tuple[str, ...] = ("গত", "গেল", "বিগত")
THIS_WORDS: tuple[str, ...] = ("চলতি", "এই", "এ")
NEXT_WORDS: tuple[str, ...] = ("আগামী", "সামনের", "আসছে", "আসন্ন")

LB = r"(?<![\p{L}\p{M}0-9০-৯])"
"""Left word boundary: not after a letter, a vowel sign or a digit."""
RB = r"(?![\p{L}\p{M}])"
"""Right word boundary: not before a letter or a vowel sign."""
WS = r"[ \t\u00a0\u200c]+"
"""Horizontal whitespace inside one expression."""
OWS = r"[ \t\u00a0]*"
SEP = r"[ \t\u00a0]*[,،]?[ \t\u00a0]*"
"""An optional comma with optional spaces around it."""

YEAR = r"(?<![0-9০-৯])(?:[1১][0-9০-৯]{3}|[2২][01০১][0-9০-৯]{2})(?![0-9০-৯])"
"""A four-digit Common Era year (1000–2199); only trusted next to a year word or a month."""
YEAR_STRICT = (r"(?<![0-9০-৯])(?:[1১][89৮৯][0-9০-৯]{2}|[2২][01০১][0-9০-৯]{2})(?![0-9০-৯])"
               r"(?![ \t\u00a0]*(?:জন|টি|টা|টাকা|কোটি|লাখ|হাজার|ডলার|কিমি|কিলো|মিটার|বার|বছর|দিন|মাস|ঘণ্টা))")
"""A year 1800–2199 written after a month, not followed by a counter word (জন, টি …)."""

YEAR_TAIL = (r"(?:" + WS + r"?(?:সালের|সালে|সাল|সনের|সনে|সন|খ্রিস্টাব্দের|খ্রিস্টাব্দে|খ্রিস্টাব্দ"
             r"|খ্রিষ্টাব্দের|খ্রিষ্টাব্দে|খ্রিষ্টাব্দ|ইং|ইংরেজি)(?:ই|ও)?" + RB + r")")
"""The words that mark a number as a year (সালে, খ্রিস্টাব্দে …)."""


def nukta(word: str) -> str:
    """A regex for ``word`` that accepts both encodings of য় ড় ঢ়."""
    text = regex.escape(unicodedata.normalize("NFC", word))
    for decomposed, alternation in _NUKTA.items():
        text = text.replace(decomposed, alternation)
    return text


def alternation(words: Iterable[str]) -> str:
    """A non-capturing alternation of ``words``, longest first, nukta-tolerant."""
    unique = sorted({unicodedata.normalize("NFC", w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(nukta(w) for w in unique) + ")"


def lookup(table: Mapping[int, tuple[str, ...]]) -> dict[str, int]:
    """Reverse ``table``: every spelling (NFC, lower case) → its number."""
    return {unicodedata.normalize("NFC", w).lower(): k for k, words in table.items() for w in words}


def key(word: str) -> str:
    """The lookup key for a matched word: NFC, lower case, no ZWNJ."""
    return unicodedata.normalize("NFC", word).replace("\u200c", "").lower()


_CASE_ENDINGS = "(?:" + "|".join(nukta(w) for w in ("য়ের", "য়ে", "য়", "তে", "ের", "এর", "কে", "র", "ে", "এ")) + ")"
CASE_SUFFIX = r"(?:[-‐’']?" + _CASE_ENDINGS + r"(?:ই|ও)?|(?:ই|ও))"
"""A (non-empty) case ending or particle glued to a month or year (-এ, -তে, -র, -ের, -য়ে, -ই …)."""

MONTH_BN_ALT = alternation(w for ws in MONTHS_BN.values() for w in ws)
MONTH_BANGLA_ALT = alternation(w for ws in MONTHS_BANGLA.values() for w in ws)
WEEKDAY_BN_ALT = alternation(w for ws in WEEKDAYS_BN.values() for w in ws)
ORDINAL_BN_ALT = alternation(ORDINAL_DAYS_BN)
YEAR_WORD_ALT = alternation(YEAR_WORDS_BN)
NUMBER_BN_ALT = alternation(NUMBERS_BN)
PAST_ALT = alternation(PAST_WORDS)
THIS_ALT = alternation(THIS_WORDS)
NEXT_ALT = alternation(NEXT_WORDS)

MONTH_LOOKUP: dict[str, int] = {**lookup(MONTHS_BN), **lookup(MONTHS_EN)}
BANGLA_MONTH_LOOKUP: dict[str, int] = lookup(MONTHS_BANGLA)
WEEKDAY_LOOKUP: dict[str, int] = {**lookup(WEEKDAYS_BN), **lookup(WEEKDAYS_EN)}
ORDINAL_LOOKUP: dict[str, int] = {key(w): n for w, n in ORDINAL_DAYS_BN.items()}
YEAR_WORD_LOOKUP: dict[str, int] = {key(w): n for w, n in YEAR_WORDS_BN.items()}
NUMBER_LOOKUP: dict[str, int] = {**{key(w): n for w, n in NUMBERS_BN.items()}, **NUMBERS_EN}

DAY_NUM = r"(?<![0-9০-৯.,:/])[0-3০-৩]?[0-9০-৯](?![0-9০-৯])"
"""A one- or two-digit day number (not part of a larger number, a time or a fraction)."""
DAY_ORD = r"(?:(?:লা|রা|ঠা|শে|ই|এ|th|st|nd|rd)(?![\p{L}\p{M}]))?"
"""Ordinal endings after a day number: ১লা, ২রা, ৪ঠা, ৫ই, ২০শে, 13th."""


_PAST_KEYS = frozenset({*(key(w) for w in PAST_WORDS), "last", "previous"})
_NEXT_KEYS = frozenset({*(key(w) for w in NEXT_WORDS), "next", "coming"})


def offset_of(word: str) -> int:
    """-1, 0 or +1 for a past / this / next modifier word (0 for anything else)."""
    w = key(word)
    if w in _PAST_KEYS:
        return -1
    if w in _NEXT_KEYS:
        return 1
    return 0
