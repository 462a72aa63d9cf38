"""Cleaning: remove site chrome, keep each duplicated line once, keep the body intact.

Works line by line on the raw text. Kept lines are copied verbatim (only surrounding
white space and caption pipes are trimmed), so every evidence sentence cut from the
cleaned text also occurs in the raw page. Rules are data (patterns below), each named,
so a reader of the code can see why a line went.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import replace
from typing import Any

import regex

from ghotona.model import Article

LOGGER = logging.getLogger(__name__)

BENGALI_LETTER = regex.compile(r"[\u0980-\u09FF]")
LATIN_LETTER = regex.compile(r"[A-Za-z]")
_BN_MONTHS = ("জানুয়ারি|জানুয়ারী|ফেব্রুয়ারি|ফেব্রুয়ারী|মার্চ|এপ্রিল|মে|জুন|জুলাই|আগস্ট|অগাস্ট|আগষ্ট|"
              "সেপ্টেম্বর|অক্টোবর|নভেম্বর|ডিসেম্বর")
_BN_WEEKDAYS = "শনিবার|রবিবার|রোববার|সোমবার|মঙ্গলবার|বুধবার|বৃহস্পতিবার|শুক্রবার"

# Lines dropped wherever they stand.
DROP_LINE: dict[str, regex.Pattern[str]] = {
    "ad marker": regex.compile(r"^\[?\s*বিজ্ঞাপন(?:[_\s-]*[০-৯0-9]+)?\s*\]?$"),
    "source label": regex.compile(r"^(?:উৎস|সূত্র)\s*:?$"),
    "comment counter": regex.compile(r"^(?:মন্তব্য|Comments?)\s*(?:\(\s*[০-৯0-9]+\s*\))?$", regex.I),
    "comment prompt": regex.compile(r"^মন্তব্য করুন$|HTML Comment Box"),
    "section label": regex.compile(r"^(?:বিভাগ|Section)\s*:"),
    "more link": regex.compile(r"^(?:আরও|আরো)(?:\s+পড়ুন)?$"),
    "share/print": regex.compile(r"^(?:শেয়ার|শেয়ার|প্রিন্ট|Share|Print)(?:\s+করুন)?$", regex.I),
    "byline": regex.compile(r"^[^।?!]{0,40}(?:ডেস্ক|প্রতিবেদক|সংবাদদাতা|প্রতিনিধি)$"),
    "time ago": regex.compile(r"^[০-৯0-9]+\s*(?:h|m|d|min|hours?|minutes?|days?)\s+ago$", regex.I),
    "dateline header": regex.compile(
        rf"^(?:ঢাকা|Dhaka)?[\s,]*(?:{_BN_WEEKDAYS})?[\s,]*[০-৯0-9]{{1,2}}\s*(?:{_BN_MONTHS})\s*[০-৯0-9]{{4}}"
        r"[^\u0980-\u09FF]{0,40}(?:\|.*)?$"),
    "publication stamp": regex.compile(
        rf"^(?:প্রকাশ|প্রকাশিত|আপডেট|হালনাগাদ)?\s*:?\s*[০-৯0-9]{{1,2}}\s*(?:{_BN_MONTHS})\s*[০-৯0-9]{{4}}"
        r"[,\s]*[০-৯0-9:]*\s*(?:পিএম|এএম|AM|PM)?\s*(?:\|.*(?:আপডেট|হালনাগাদ).*)?$"),
}
# A line that starts the page's tail (related news, comments, footer): it and all after it go.
TAIL_START = regex.compile(
    r"^(?:মন্তব্য করুন|এই বিভাগের আরও|এই বিভাগের আরো|সম্পর্কিত খবর|সংশ্লিষ্ট খবর|আরও খবর|আরো খবর|"
    r"Comments|HTML Comment Box.*|মন্তব্য\s*\(\s*[০-৯0-9]+\s*\))$")
CAPTION_PIPES = regex.compile(r"^\|\s*(.*?)\s*\|?$")


_SPACE_RUN = regex.compile(r"\s+")
_LETTER_RUN = regex.compile(r"\p{L}+")


def _drop_reason(line: str) -> str | None:
    for name, pattern in DROP_LINE.items():
        if pattern.search(line):
            return name
    if not BENGALI_LETTER.search(line) and LATIN_LETTER.search(line):
        return "non-Bengali line"
    return None


def clean_text(raw: str) -> str:
    """The cleaned text of a raw page: one kept paragraph per line, chrome removed."""
    kept: list[str] = []
    seen: set[str] = set()
    for raw_line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw_line.strip(" \t\u00a0\u200b\ufeff")
        m = CAPTION_PIPES.match(line)
        if m:
            line = m.group(1)
        if not line:
            continue
        if TAIL_START.match(line) and kept:
            break
        if _drop_reason(line):
            continue
        key = _SPACE_RUN.sub(" ", line)
        if key in seen:
            continue
        seen.add(key)
        kept.append(line)
    return "\n".join(kept)


@functools.cache
def _letter_tables() -> tuple[Any, Any]:
    """Two lookup tables over all code points: is a letter (``regex``'s ``\\p{L}``), and is a
    letter of the Bengali block. Built once per process (about 0.1 s, 2 MB)."""
    import numpy as np

    letters = np.zeros(0x110000, dtype=bool)
    every = np.arange(0x110000, dtype="<u4").tobytes().decode("utf-32-le", "surrogatepass")  # all code points
    for m in _LETTER_RUN.finditer(every):  # letters come in runs of code points: a few thousand
        letters[m.start():m.end()] = True
    bengali = np.zeros(0x110000, dtype=bool)
    bengali[0x0980:0x0A00] = letters[0x0980:0x0A00]
    return letters, bengali


def bengali_ratio(text: str) -> float:
    """Share of letters that are Bengali (0.0 for a text with no letters).

    Counted over the code points with lookup tables (numpy): several times faster than
    collecting the letters with a pattern, with the same counts.
    """
    import numpy as np

    letters, bengali = _letter_tables()
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    total = int(np.count_nonzero(letters[codes]))
    if not total:
        return 0.0
    return int(np.count_nonzero(bengali[codes])) / total


def clean(article: Article) -> Article:
    """Stage: fill ``article.text`` from ``article.raw``; keep the title if the page has one."""
    text = clean_text(article.raw)
    return replace(article, text=text, language="bn" if bengali_ratio(text) >= 0.5 else article.language)
