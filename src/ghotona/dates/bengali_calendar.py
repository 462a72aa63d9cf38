"""The Bangla calendar of Bangladesh, converted to and from the Gregorian calendar.

Bangladesh uses a fixed solar calendar tied to the Gregorian one: Pohela Boishakh
(1 Boishakh) is always 14 April, and the Bangla year is the Gregorian year − 593 from
14 April on (− 594 before it). Two sets of month lengths have been official:

* ``bd2019`` — the revision in force since 1426 (14 April 2019): Boishakh to Ashwin
  (the first six months) have 31 days, Kartik, Agrahayan, Poush, Magh and Chaitra 30,
  Falgun 29, or 30 when it falls in a Gregorian leap year. This puts the national days on
  fixed Bangla dates: 21 February = 8 Falgun, 26 March = 12 Chaitra, 16 December = 1 Poush.
* ``bd1987`` — the Bangla Academy calendar used from 1395 to 1425 (1987–2019): Boishakh to
  Bhadro 31 days, the rest 30, Falgun 31 in a Gregorian leap year.

``auto`` (the default) picks ``bd2019`` from 1426 on and ``bd1987`` before (applied
proleptically to years before 1395, when Bangladesh still followed the traditional
reckoning). Every day maps to exactly one Bangla date under either variant, so the
conversion round-trips for any Gregorian date.

The traditional calendar used in West Bengal and Assam is *not* implemented: its months
begin at the Surya Siddhanta sidereal sankranti (the sun's entry into a sidereal sign,
computed with the Surya Siddhanta's own mean motions and equation of centre, then shifted
by the midnight rule), so month lengths vary between 29 and 32 days from year to year.
Computing that correctly needs an astronomical model that we cannot verify offline against
published almanacs (panjikas); a guessed approximation would silently be off by a day,
which is worse than refusing. Dates written in that calendar (Indian outlets) are left
unconverted.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
from typing import Literal, NamedTuple

logger = logging.getLogger(__name__)

Variant = Literal["auto", "bd2019", "bd1987"]

MONTHS_BN: tuple[str, ...] = (
    "বৈশাখ", "জ্যৈষ্ঠ", "আষাঢ়", "শ্রাবণ", "ভাদ্র", "আশ্বিন",
    "কার্তিক", "অগ্রহায়ণ", "পৌষ", "মাঘ", "ফাল্গুন", "চৈত্র",
)
"""The twelve Bangla month names, Boishakh first (NFC spelling)."""

REVISION_YEAR = 1426
"""First Bangla year of the 2019 revision (began 14 April 2019)."""

_BN_DIGITS = "০১২৩৪৫৬৭৮৯"
_FIRST_DAY = (4, 14)  # Pohela Boishakh: 14 April


class BanglaDate(NamedTuple):
    """A date of the Bangladesh Bangla calendar: ``month`` is 1 (Boishakh) … 12 (Chaitra)."""

    year: int
    month: int
    day: int

    def __str__(self) -> str:
        return format_bangla(self)


def _resolve_variant(bangla_year: int, variant: Variant) -> Literal["bd2019", "bd1987"]:
    """The concrete month-length rule for ``bangla_year``."""
    if variant == "auto":
        return "bd2019" if bangla_year >= REVISION_YEAR else "bd1987"
    if variant not in ("bd2019", "bd1987"):
        raise ValueError(f"unknown Bangla calendar variant {variant!r}")
    return variant


def gregorian_year_of_falgun(bangla_year: int) -> int:
    """The Gregorian year in which Falgun (and Chaitra) of ``bangla_year`` fall."""
    return bangla_year + 594


def month_lengths(bangla_year: int, variant: Variant = "auto") -> tuple[int, ...]:
    """The lengths of the twelve months of ``bangla_year`` under ``variant``."""
    leap = calendar.isleap(gregorian_year_of_falgun(bangla_year))
    if _resolve_variant(bangla_year, variant) == "bd2019":
        return (31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30 if leap else 29, 30)
    return (31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 31 if leap else 30, 30)


def new_year(bangla_year: int) -> dt.date:
    """Pohela Boishakh (1 Boishakh) of ``bangla_year`` in the Gregorian calendar."""
    return dt.date(bangla_year + 593, *_FIRST_DAY)


def bangla_year_of(day: dt.date) -> int:
    """The Bangla year that contains the Gregorian ``day``."""
    return day.year - 593 if (day.month, day.day) >= _FIRST_DAY else day.year - 594


def to_gregorian(bangla_year: int, month: int, day: int, variant: Variant = "auto") -> dt.date:
    """The Gregorian date of ``day`` ``month`` ``bangla_year``; ValueError if it does not exist."""
    if not 1 <= month <= 12:
        raise ValueError(f"Bangla month must be 1..12, got {month}")
    lengths = month_lengths(bangla_year, variant)
    if not 1 <= day <= lengths[month - 1]:
        raise ValueError(f"{MONTHS_BN[month - 1]} {bangla_year} has {lengths[month - 1]} days, got {day}")
    return new_year(bangla_year) + dt.timedelta(days=sum(lengths[: month - 1]) + day - 1)


def from_gregorian(day: dt.date, variant: Variant = "auto") -> BanglaDate:
    """The Bangla date of the Gregorian ``day``."""
    year = bangla_year_of(day)
    offset = (day - new_year(year)).days
    for month, length in enumerate(month_lengths(year, variant), start=1):
        if offset < length:
            return BanglaDate(year, month, offset + 1)
        offset -= length
    raise AssertionError(f"day {day} fell outside Bangla year {year}")  # pragma: no cover


def to_bengali_digits(number: int) -> str:
    """``number`` written with Bengali digits."""
    return "".join(_BN_DIGITS[int(c)] if c.isdigit() else c for c in str(number))


def format_bangla(date: BanglaDate) -> str:
    """``date`` as Bangladeshi papers print it, e.g. ``৭ মাঘ ১৪৩১``."""
    return f"{to_bengali_digits(date.day)} {MONTHS_BN[date.month - 1]} {to_bengali_digits(date.year)}"
