"""Calendar arithmetic for resolving date expressions against an anchor day.

All functions are pure. "Past reading" means the latest matching date on or before the
anchor, "future reading" the next one on or after it (rule 4 of the spec); weekdays are
the exception and point strictly forward for the future reading.
"""

from __future__ import annotations

import datetime as dt

from ghotona.dates import bengali_calendar as bc
from ghotona.model import DateValue

_MAX_YEARS_BACK = 8  # 29 February needs up to 8 years to recur
_WEEKDAY_YEAR_REACH = 183  # a weekday picks the year only among dates within half a year


def monday(day: dt.date) -> dt.date:
    """The Monday of the ISO week containing ``day``."""
    return day - dt.timedelta(days=day.weekday())


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) shifted by ``delta`` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """``date(year, month, day)`` or None when it does not exist."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def day_value(day: dt.date, text: str) -> DateValue:
    """A day-precision value."""
    return DateValue(day.isoformat(), "day", text)


def week_value(day: dt.date, text: str) -> DateValue:
    """A week-precision value carrying the Monday of ``day``'s week."""
    return DateValue(monday(day).isoformat(), "week", text)


def month_value(year: int, month: int, text: str) -> DateValue:
    """A month-precision value ``YYYY-MM``."""
    return DateValue(f"{year:04d}-{month:02d}", "month", text)


def year_value(year: int, text: str) -> DateValue:
    """A year-precision value ``YYYY``."""
    return DateValue(f"{year:04d}", "year", text)


def past_day(anchor: dt.date, month: int, day: int) -> dt.date | None:
    """The latest ``day`` ``month`` on or before ``anchor``."""
    for year in range(anchor.year, anchor.year - _MAX_YEARS_BACK - 1, -1):
        found = safe_date(year, month, day)
        if found is not None and found <= anchor:
            return found
    return None


def future_day(anchor: dt.date, month: int, day: int) -> dt.date | None:
    """The next ``day`` ``month`` on or after ``anchor``."""
    for year in range(anchor.year, anchor.year + _MAX_YEARS_BACK + 1):
        found = safe_date(year, month, day)
        if found is not None and found >= anchor:
            return found
    return None


def nearest_day(anchor: dt.date, month: int, day: int) -> dt.date | None:
    """The ``day`` ``month`` nearest to ``anchor`` (previous, same or next year)."""
    found = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := safe_date(y, month, day))]
    return min(found, key=lambda d: abs((d - anchor).days)) if found else None


def past_month(anchor: dt.date, month: int, strict: bool = False) -> tuple[int, int]:
    """The latest ``month`` on or before (strictly before if ``strict``) the anchor's month."""
    before = month < anchor.month if strict else month <= anchor.month
    return (anchor.year if before else anchor.year - 1), month


def future_month(anchor: dt.date, month: int, strict: bool = False) -> tuple[int, int]:
    """The next ``month`` on or after (strictly after if ``strict``) the anchor's month."""
    after = month > anchor.month if strict else month >= anchor.month
    return (anchor.year if after else anchor.year + 1), month


def past_weekday(anchor: dt.date, weekday: int, strict: bool = False) -> dt.date:
    """The latest ``weekday`` on or before ``anchor`` (strictly before if ``strict``)."""
    back = (anchor.weekday() - weekday) % 7
    if back == 0 and strict:
        back = 7
    return anchor - dt.timedelta(days=back)


def future_weekday(anchor: dt.date, weekday: int, strict: bool = True) -> dt.date:
    """The next ``weekday`` after ``anchor`` (on or after if not ``strict``)."""
    ahead = (weekday - anchor.weekday()) % 7
    if ahead == 0 and strict:
        ahead = 7
    return anchor + dt.timedelta(days=ahead)


def weekday_near(target: dt.date, weekday: int, reach: int = 3) -> dt.date | None:
    """The day with ``weekday`` closest to ``target`` (ties: the later), within ``reach`` days."""
    for distance in range(reach + 1):
        for sign in (1, -1):
            day = target + dt.timedelta(days=sign * distance)
            if day.weekday() == weekday:
                return day
    return None


def year_by_weekday(anchor: dt.date, month: int, day: int, weekday: int,
                    reach: int = _WEEKDAY_YEAR_REACH) -> dt.date | None:
    """The ``day`` ``month`` falling on ``weekday`` nearest to ``anchor``, within ``reach`` days.

    None when no such date is that close (the weekday is then more likely a slip of the pen
    than a pointer to another year).
    """
    found = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
             if (d := safe_date(y, month, day)) is not None and d.weekday() == weekday
             and abs((d - anchor).days) <= reach]
    return min(found, key=lambda d: abs((d - anchor).days)) if found else None


def bangla_readings(anchor: dt.date, month: int, day: int) -> tuple[dt.date | None, dt.date | None]:
    """Past and future Gregorian readings of the yearless Bangla date ``day`` ``month``."""
    candidates: list[dt.date] = []
    for year in range(bc.bangla_year_of(anchor) - 1, bc.bangla_year_of(anchor) + 2):
        try:
            candidates.append(bc.to_gregorian(year, month, day))
        except ValueError:
            continue
    past = max((d for d in candidates if d <= anchor), default=None)
    future = min((d for d in candidates if d >= anchor), default=None)
    return past, future
