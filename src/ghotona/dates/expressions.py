"""Find date expressions in Bengali (and English) news text and resolve them (rule 4).

:func:`find_dates` returns one :class:`~ghotona.model.Mention` per expression, sorted,
non-overlapping, longest match first. ``mention.date`` holds the past (or only) reading,
``mention.future`` the forward reading for tense-ambiguous expressions (a bare weekday, a
month or day+month without a year) and None otherwise; the event coder picks one by the
tense of the act. ``mention.resolved_by`` names the anchor used (see ``RESOLVED_*``).

Relative expressions are resolved against an *anchor* day: the publication date, moved by
one day when the article's own "আজ/গতকাল/আগামীকাল + weekday" pairs say so (print
stories posted the evening before their print date; see the corpus README).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex

from ghotona.dates import bengali_calendar as bc
from ghotona.dates import lexicon as lx
from ghotona.dates import patterns as pt
from ghotona.dates import resolve as rs
from ghotona.model import DateValue, Mention

logger = logging.getLogger(__name__)

RESOLVED_ABSOLUTE = "absolute"
RESOLVED_YEAR_FROM_PUBLISHED = "year-from-published"
RESOLVED_PUBLISHED = "published"
RESOLVED_WEEKDAY = "weekday"
RESOLVED_WEEKDAY_RELATIVE = "weekday+relative"
RESOLVED_WEEKDAY_DATE = "weekday+date"
RESOLVED_UNRESOLVED = "unresolved"

_DATE_FOLLOWS = regex.compile(r"[ \t\u00a0]*[,(]?[ \t\u00a0]*[0-9০-৯]")
_HEDGES = regex.compile("(?:" + lx.nukta("প্রায়") + "|অন্তত|মাত্র|ঠিক|কমপক্ষে|আরও|আরো)$")


@dataclass(frozen=True, slots=True)
class _Context:
    """What a handler needs: the text and the anchor day (None if unknown)."""

    text: str
    published: dt.date | None
    anchor: dt.date | None


@dataclass(frozen=True, slots=True)
class _Reading:
    """A resolved expression before it becomes a Mention."""

    date: DateValue
    future: DateValue | None
    resolved_by: str
    suffix: str = ""


Handler = Callable[[regex.Match[str], _Context], "_Reading | None"]


def _unresolved(span: str, suffix: str = "") -> _Reading:
    """A reading for an expression that needs a publication date we do not have."""
    return _Reading(DateValue(None, "none", span), None, RESOLVED_UNRESOLVED, suffix)


def _pair(past: DateValue, future: DateValue | None, how: str, suffix: str = "") -> _Reading:
    """A reading whose future value is dropped when it equals the past one."""
    if future is not None and future.date == past.date:
        future = None
    return _Reading(past, future, how, suffix)


def _day(m: regex.Match[str], group: str = "dn", word: str = "dw") -> int | None:
    """The day number of a match (digits or an ordinal word)."""
    if m.groupdict().get(group):
        return int(m.group(group))
    if m.groupdict().get(word):
        return lx.ORDINAL_LOOKUP.get(lx.key(m.group(word)))
    return None


def _weekday(word: str | None) -> int | None:
    """Monday=0 … Sunday=6 for a weekday word."""
    return None if not word else lx.WEEKDAY_LOOKUP.get(lx.key(word))


def _year_shift(m: regex.Match[str], anchor: dt.date) -> int | None:
    """Years from the anchor's for "গত/চলতি/আগামী/বিদায়ী বছরের" before a date, None if absent."""
    word = m.groupdict().get("yrel")
    if word is None:
        return None
    if lx.key(word).startswith("বিদা"):  # the outgoing year: this one late in the year, else the last
        return 0 if anchor.month >= 7 else -1
    return lx.offset_of(word)


def _explicit_year(m: regex.Match[str]) -> int | None:
    """A year written in the expression (digits or a year word such as একাত্তরের)."""
    groups = m.groupdict()
    for name in ("y", "y0"):
        if groups.get(name):
            return int(groups[name])
    if groups.get("yw"):
        return lx.YEAR_WORD_LOOKUP.get(lx.key(groups["yw"]))
    return None


def _yearless_day(m: regex.Match[str], anchor: dt.date, month: int, day: int,
                  weekday: int | None) -> tuple[dt.date | None, dt.date | None, str]:
    """(date, future date or None, resolved_by) for day + month written without a year."""
    shift = _year_shift(m, anchor)
    if shift is not None:  # গত বছরের ৪ ডিসেম্বর
        return rs.safe_date(anchor.year + shift, month, day), None, RESOLVED_YEAR_FROM_PUBLISHED
    if weekday is not None and (found := rs.year_by_weekday(anchor, month, day, weekday)):
        return found, None, RESOLVED_WEEKDAY_DATE
    if m.groupdict().get("rel"):  # "আজ সোমবার (১ জানুয়ারি)": the date nearest to today
        return rs.nearest_day(anchor, month, day), None, RESOLVED_YEAR_FROM_PUBLISHED
    past, future = rs.past_day(anchor, month, day), rs.future_day(anchor, month, day)
    modifier = lx.offset_of(m.group("pre")) if m.groupdict().get("pre") else None
    if modifier == -1:
        return past, None, RESOLVED_YEAR_FROM_PUBLISHED
    if modifier == 1:
        return future, None, RESOLVED_YEAR_FROM_PUBLISHED
    if modifier == 0:
        return rs.safe_date(anchor.year, month, day), None, RESOLVED_YEAR_FROM_PUBLISHED
    return past, (future if future != past else None), RESOLVED_YEAR_FROM_PUBLISHED


def _resolve_day(m: regex.Match[str], ctx: _Context, month: int, day: int, weekday: int | None) -> _Reading | None:
    """Resolve day + month against the expression's year, modifiers, weekday or the anchor."""
    span, suffix = m.group(), _case_ending(m)
    if not 1 <= day <= 31 or rs.safe_date(2000, month, day) is None:
        return None
    year = _explicit_year(m)
    if year is not None:
        found = rs.safe_date(year, month, day)
        return None if found is None else _Reading(rs.day_value(found, span), None, RESOLVED_ABSOLUTE, suffix)
    if ctx.anchor is None:
        return _unresolved(span, suffix)
    found, future, how = _yearless_day(m, ctx.anchor, month, day, weekday)
    if found is None:
        return None
    return _Reading(rs.day_value(found, span), future and rs.day_value(future, span), how, suffix)


def _on_day_month(m: regex.Match[str], ctx: _Context) -> _Reading | None:
    """Day + month, with or without a year, weekday or past/next modifier (a range: its first day)."""
    day = int(m.group("dfrom")) if m.group("dfrom") else _day(m)
    if day is None:
        return None
    weekday = _weekday(m.group("wd1") or m.group("wd2"))
    return _resolve_day(m, ctx, lx.MONTH_LOOKUP[lx.key(m.group("mon"))], day, weekday)


def _on_month_day_year(m: regex.Match[str], _ctx: _Context) -> _Reading | None:
    """Month first, then day and year (সেপ্টেম্বর ১৩, ২০২৩)."""
    found = rs.safe_date(int(m.group("y")), lx.MONTH_LOOKUP[lx.key(m.group("mon"))], int(m.group("dn")))
    return None if found is None else _Reading(rs.day_value(found, m.group()), None, RESOLVED_ABSOLUTE)


_BARE_MONTH_ENDINGS = frozenset(lx.key(e) for e in ("ে", "এ", "তে", "র", "ের", "এর", "য়", "য়ে", "য়ের"))


def _case_ending(m: regex.Match[str]) -> str:
    """The case ending after the month (or after মাস), without an emphatic particle or hyphen."""
    groups = m.groupdict()
    if groups.get("mas"):
        return _strip_particle(lx.key(groups["mas"])[len("মাস"):])
    if not groups.get("msuf") or not groups.get("mon"):
        return ""
    suffix = lx.key(groups["msuf"]).lstrip("-‐’'")
    if lx.key(groups["mon"]).endswith("ই") and suffix in ("ই", "ও"):
        return ""
    return _strip_particle(suffix)


def _strip_particle(suffix: str) -> str:
    """``suffix`` without a trailing ই/ও when what remains is a case ending."""
    return suffix[:-1] if suffix[-1:] in ("ই", "ও") and suffix[:-1] in _BARE_MONTH_ENDINGS else suffix


def _is_name(ctx: _Context, end: int) -> bool:
    """True when the word after a bare month makes it a name (জুলাই আন্দোলন, জুলাই সনদ)."""
    following = ctx.text[end:end + 30].lstrip(" \t\u00a0-‐")
    return following.startswith(lx.MONTH_NAME_USES)


def _on_month(m: regex.Match[str], ctx: _Context) -> _Reading | None:
    """A month with or without a year (অক্টোবরে, ২০২৩ সালের অক্টোবরে, গত মে মাসে, জুন-জুলাইয়ে)."""
    span, suffix = m.group(), _case_ending(m)
    month = lx.MONTH_LOOKUP[lx.key(m.group("mfrom") or m.group("mon"))]
    if m.group("dn"):  # সেপ্টেম্বর মাসের ১৮ তারিখে
        return _resolve_day(m, ctx, month, int(m.group("dn")), None)
    year = _explicit_year(m)
    framed = bool(year or m.group("pre") or m.group("yrel") or m.group("mas"))
    if not framed and (suffix not in _BARE_MONTH_ENDINGS or month == 5 or _is_name(ctx, m.end())):
        return None  # a bare month needs a case ending ("মে" needs more) and must not be a name
    if year:
        return _Reading(rs.month_value(year, month, span), None, RESOLVED_ABSOLUTE, suffix)
    if ctx.anchor is None:
        return _unresolved(span, suffix)
    shift = _year_shift(m, ctx.anchor)
    if shift is not None:
        value = rs.month_value(ctx.anchor.year + shift, month, span)
        return _Reading(value, None, RESOLVED_YEAR_FROM_PUBLISHED, suffix)
    if m.group("pre"):
        modifier = lx.offset_of(m.group("pre"))
        if modifier == -1:
            year_month = rs.past_month(ctx.anchor, month, strict=True)
        elif modifier == 1:
            year_month = rs.future_month(ctx.anchor, month, strict=True)
        else:
            year_month = (ctx.anchor.year, month)
        return _Reading(rs.month_value(*year_month, span), None, RESOLVED_YEAR_FROM_PUBLISHED, suffix)
    past = rs.month_value(*rs.past_month(ctx.anchor, month), span)
    future = rs.month_value(*rs.future_month(ctx.anchor, month), span)
    return _pair(past, future, RESOLVED_YEAR_FROM_PUBLISHED, suffix)


_YEAR_WORDS = regex.compile(r"^(?:সাল|সন|খ্রিস্টাব্দ|খ্রিষ্টাব্দ|ইংরেজি|ইং)")


def _on_year(m: regex.Match[str], _ctx: _Context) -> _Reading | None:
    """A year marked as such (২০১৯ সালে, ১৯৭১-এ, একাত্তরের)."""
    year = _explicit_year(m)
    if year is None:
        return None
    tail = _YEAR_WORDS.sub("", (m.group("ytail") or "").strip(" \t\u00a0-‐’'"))
    return _Reading(rs.year_value(year, m.group()), None, RESOLVED_ABSOLUTE, tail)


def _on_bangla(m: regex.Match[str], ctx: _Context) -> _Reading | None:
    """A Bangla calendar date (৭ মাঘ ১৪৩১, পহেলা বৈশাখ), converted to Gregorian."""
    span, day = m.group(), _day(m)
    month = lx.BANGLA_MONTH_LOOKUP[lx.key(m.group("bmon"))]
    if day is None:
        return None
    if m.group("by"):
        try:
            found = bc.to_gregorian(int(m.group("by")), month, day)
        except ValueError:
            return None
        return _Reading(rs.day_value(found, span), None, RESOLVED_ABSOLUTE)
    if ctx.anchor is None:
        return _unresolved(span)
    past, future = rs.bangla_readings(ctx.anchor, month, day)
    if past is None or future is None:
        return None
    return _pair(rs.day_value(past, span), rs.day_value(future, span), RESOLVED_YEAR_FROM_PUBLISHED)


def _relative_offset(word: str) -> int | None:
    """Day offset of আজ/গতকাল/আগামীকাল/গত পরশু/আগামী পরশু (None for bare পরশু)."""
    return lx.RELATIVE_DAYS_BN.get(regex.sub(r"\s+", " ", lx.key(word)))


def weekday_relative_date(published: dt.date, offset: int, weekday: int) -> dt.date | None:
    """The day meant by "<relative word> <weekday>": the weekday wins over ``published``.

    The real anchor is taken within a day of ``published`` (same day first, then the day
    after — print stories posted the evening before — then the day before); failing that,
    the day with that weekday nearest to ``published + offset``.
    """
    for delta in (0, 1, -1):
        day = published + dt.timedelta(days=delta + offset)
        if day.weekday() == weekday:
            return day
    return rs.weekday_near(published + dt.timedelta(days=offset), weekday)


def _on_weekday(m: regex.Match[str], ctx: _Context) -> _Reading | None:
    """A weekday, alone or with a modifier or a relative day word."""
    span, weekday = m.group(), _weekday(m.group("wd"))
    suffix = m.group("wsuf") or ""
    if weekday is None:
        return None
    if ctx.anchor is None or ctx.published is None:
        return _unresolved(span, suffix)
    if m.group("rel"):
        offset = _relative_offset(m.group("rel"))
        found = weekday_relative_date(ctx.published, offset or 0, weekday)
        if found is None:
            return None
        return _Reading(rs.day_value(found, span), None, RESOLVED_WEEKDAY_RELATIVE, suffix)
    if m.group("wk"):
        week = rs.monday(ctx.anchor) + dt.timedelta(days=7 * lx.offset_of(m.group("wk")) + weekday)
        return _Reading(rs.day_value(week, span), None, RESOLVED_WEEKDAY, suffix)
    if m.group("pre"):
        if lx.offset_of(m.group("pre")) < 0:
            found = rs.past_weekday(ctx.anchor, weekday, strict=True)
        else:
            found = rs.future_weekday(ctx.anchor, weekday, strict=True)
        return _Reading(rs.day_value(found, span), None, RESOLVED_WEEKDAY, suffix)
    past = rs.day_value(rs.past_weekday(ctx.anchor, weekday), span)
    future = rs.day_value(rs.future_weekday(ctx.anchor, weekday), span)
    return _Reading(past, future, RESOLVED_WEEKDAY, suffix)


def _on_relative_day(m: regex.Match[str], ctx: _Context) -> _Reading | None:
    """আজ, গতকাল, আগামীকাল, পরশু (past and future readings), গত রাতে."""
    span, suffix = m.group(), m.group("rsuf") or ""
    if ctx.anchor is None:
        return _unresolved(span, suffix)
    offset = _relative_offset(m.group("rel"))
    if offset is None:  # bare পরশু: the day before yesterday or the day after tomorrow
        past = rs.day_value(ctx.anchor - dt.timedelta(days=2), span)
        return _Reading(past, rs.day_value(ctx.anchor + dt.timedelta(days=2), span), RESOLVED_PUBLISHED, suffix)
    day = ctx.anchor + dt.timedelta(days=offset)
    return _Reading(rs.day_value(day, span), None, RESOLVED_PUBLISHED, suffix)


def _period_value(anchor: dt.date, unit: str, shift: int, span: str) -> DateValue:
    """The week / month / year ``shift`` units from the anchor's."""
    if unit in ("সপ্তাহ", "week"):
        return rs.week_value(anchor + dt.timedelta(days=7 * shift), span)
    if unit in ("মাস", "month"):
        return rs.month_value(*rs.add_months(anchor.year, anchor.month, shift), span)
    return rs.year_value(anchor.year + shift, span)


def _on_period(m: regex.Match[str], ctx: _Context) -> _Reading | None:
    """গত সপ্তাহে, চলতি মাসে, গত বছর, আগামী বছরের, বিদায়ী বছরে."""
    span, suffix, unit = m.group(), m.group("psuf") or "", lx.key(m.group("unit"))
    if ctx.anchor is None:
        return _unresolved(span, suffix)
    if lx.key(m.group("pre")).startswith("বিদা"):  # the outgoing year: this one late in the year
        shift = 0 if ctx.anchor.month >= 7 else -1
    else:
        shift = lx.offset_of(m.group("pre"))
    return _Reading(_period_value(ctx.anchor, unit, shift, span), None, RESOLVED_PUBLISHED, suffix)


def _counted_back(anchor: dt.date, unit: str, count: int, span: str) -> DateValue:
    """The day / week / month / year ``count`` units before the anchor."""
    if unit in ("দিন", "day"):
        return rs.day_value(anchor - dt.timedelta(days=count), span)
    if unit in ("সপ্তাহ", "week"):
        return rs.week_value(anchor - dt.timedelta(days=7 * count), span)
    if unit in ("মাস", "month"):
        return rs.month_value(*rs.add_months(anchor.year, anchor.month, -count), span)
    return rs.year_value(anchor.year - count, span)


def _anchored_elsewhere(text: str, start: int) -> bool:
    """True when "N দিন আগে" hangs on a genitive ("হত্যার দুই মাস আগে"), not on today."""
    before = text[max(0, start - 40):start]
    words = before.split()
    while words and _HEDGES.search(words[-1]):
        words.pop()
    return bool(words) and words[-1].endswith("র")


def _on_ago(m: regex.Match[str], ctx: _Context) -> _Reading | None:
    """দুই দিন আগে, তিন সপ্তাহ আগে, সপ্তাহখানেক আগে."""
    span = m.group()
    if _anchored_elsewhere(ctx.text, m.start()):
        return None
    if m.group("unit1"):
        unit, count = lx.key(m.group("unit1")), 1
    else:
        unit = lx.key(m.group("unit"))
        count = int(m.group("n")) if m.group("n") else lx.NUMBER_LOOKUP.get(lx.key(m.group("nw")), 0)
    if count <= 0:
        return None
    if ctx.anchor is None:
        return _unresolved(span)
    return _Reading(_counted_back(ctx.anchor, unit, count, span), None, RESOLVED_PUBLISHED)


def _on_numeric(m: regex.Match[str], _ctx: _Context) -> _Reading | None:
    """2023-09-13 and 13/09/2023."""
    if m.group("y"):
        found = rs.safe_date(int(m.group("y")), int(m.group("m")), int(m.group("dn")))
    else:
        found = rs.safe_date(int(m.group("y2")), int(m.group("m2")), int(m.group("dn2")))
    return None if found is None else _Reading(rs.day_value(found, m.group()), None, RESOLVED_ABSOLUTE)


def _on_english_date(m: regex.Match[str], ctx: _Context) -> _Reading | None:
    """13 September 2023, September 13, September 2023, in September, in 2019."""
    span = m.group()
    if m.group("y4"):
        return _Reading(rs.year_value(int(m.group("y4")), span), None, RESOLVED_ABSOLUTE)
    mon = m.group("mon") or m.group("mon2") or m.group("mon3") or m.group("mon4")
    month = lx.MONTH_LOOKUP[lx.key(mon)]
    if m.group("y3"):
        return _Reading(rs.month_value(int(m.group("y3")), month, span), None, RESOLVED_ABSOLUTE)
    if m.group("mon4"):
        if ctx.anchor is None:
            return _unresolved(span)
        past = rs.month_value(*rs.past_month(ctx.anchor, month), span)
        future = rs.month_value(*rs.future_month(ctx.anchor, month), span)
        return _pair(past, future, RESOLVED_YEAR_FROM_PUBLISHED)
    day = int(m.group("dn") or m.group("dn2"))
    year = m.group("y") or m.group("y2")
    if year:
        found = rs.safe_date(int(year), month, day)
        return None if found is None else _Reading(rs.day_value(found, span), None, RESOLVED_ABSOLUTE)
    if rs.safe_date(2000, month, day) is None:
        return None
    if ctx.anchor is None:
        return _unresolved(span)
    past, future = rs.past_day(ctx.anchor, month, day), rs.future_day(ctx.anchor, month, day)
    if past is None or future is None:
        return None
    return _pair(rs.day_value(past, span), rs.day_value(future, span), RESOLVED_YEAR_FROM_PUBLISHED)


def _on_english_relative(m: regex.Match[str], ctx: _Context) -> _Reading | None:
    """Monday, last Friday, today, last week, three days ago."""
    span = m.group()
    if ctx.anchor is None:
        return _unresolved(span)
    if m.group("wd"):
        weekday = lx.WEEKDAY_LOOKUP[lx.key(m.group("wd"))]
        shift = lx.offset_of(m.group("pre")) if m.group("pre") else None
        if shift == -1:
            return _Reading(rs.day_value(rs.past_weekday(ctx.anchor, weekday, True), span), None, RESOLVED_WEEKDAY)
        if shift == 1:
            return _Reading(rs.day_value(rs.future_weekday(ctx.anchor, weekday), span), None, RESOLVED_WEEKDAY)
        past = rs.day_value(rs.past_weekday(ctx.anchor, weekday), span)
        return _Reading(past, rs.day_value(rs.future_weekday(ctx.anchor, weekday), span), RESOLVED_WEEKDAY)
    if m.group("rel"):
        offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[m.group("rel").lower()]
        return _Reading(rs.day_value(ctx.anchor + dt.timedelta(days=offset), span), None, RESOLVED_PUBLISHED)
    if m.group("unit"):
        value = _period_value(ctx.anchor, m.group("unit").lower(), lx.offset_of(m.group("pre2")), span)
        return _Reading(value, None, RESOLVED_PUBLISHED)
    count = lx.NUMBER_LOOKUP.get(m.group("n").lower()) or int(m.group("n"))
    return _Reading(_counted_back(ctx.anchor, m.group("unit2").lower(), count, span), None, RESOLVED_PUBLISHED)


_PATTERNS: tuple[tuple[regex.Pattern[str], Handler, str], ...] = (
    (pt.DAY_MONTH, _on_day_month, "month"),
    (pt.MONTH_DAY_YEAR, _on_month_day_year, "month"),
    (pt.MONTH, _on_month, "month"),
    (pt.YEAR, _on_year, "year"),
    (pt.BANGLA, _on_bangla, "bangla"),
    (pt.WEEKDAY, _on_weekday, "weekday"),
    (pt.RELATIVE_DAY, _on_relative_day, "relative"),
    (pt.PERIOD, _on_period, "period"),
    (pt.AGO, _on_ago, "ago"),
    (pt.NUMERIC, _on_numeric, "numeric"),
    (pt.EN_DATE, _on_english_date, "en_date"),
    (pt.EN_RELATIVE, _on_english_relative, "en_relative"),
)
"""(pattern, handler, gate) in order of preference for equally long matches."""


def _matches(pattern: regex.Pattern[str], spans: list[tuple[int, int]], text: str) -> Iterator[regex.Match[str]]:
    """The matches of ``pattern`` inside the windows ``spans`` of ``text``."""
    for start, end in spans:
        yield from pattern.finditer(text, start, end)


def find_anchor(text: str, published: dt.date | None,
                hits: dict[str, list[tuple[int, int]]] | None = None) -> dt.date | None:
    """The day relative expressions in ``text`` count from.

    That is ``published``, unless the article's "আজ/গতকাল/আগামীকাল + weekday" pairs agree,
    by majority, that the real (print) day is one day off it. ``hits`` are the text's gate
    hits when already computed.
    """
    if published is None:
        return None
    hits = pt.gate_hits(text) if hits is None else hits
    votes: Counter[int] = Counter()
    for m in _matches(pt.WEEKDAY, pt.windows(hits.get("weekday", []), len(text)), text):
        if not m.group("rel") or _DATE_FOLLOWS.match(text, m.end()):
            continue  # a written date next to the pair is better evidence than the weekday
        offset, weekday = _relative_offset(m.group("rel")) or 0, _weekday(m.group("wd"))
        for delta in (0, 1, -1):
            if weekday is not None and (published + dt.timedelta(days=delta + offset)).weekday() == weekday:
                votes[delta] += 1
                break
    if not votes:
        return published
    (best, count), *rest = votes.most_common()
    if best != 0 and (not rest or rest[0][1] < count):
        logger.debug("re-anchoring %s by %+d day(s) (weekday evidence %s)", published, best, dict(votes))
        return published + dt.timedelta(days=best)
    return published


def _candidates(ctx: _Context, hits: dict[str, list[tuple[int, int]]]) -> Iterator[tuple[int, int, int, _Reading]]:
    """Every resolvable match of every pattern as (start, end, pattern rank, reading)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for rank, (pattern, handler, gate) in enumerate(_PATTERNS):
        if gate not in hits:
            continue
        if gate not in spans:
            spans[gate] = pt.windows(hits[gate], len(ctx.text))
        for m in _matches(pattern, spans[gate], ctx.text):
            if m.end() <= m.start():
                continue
            reading = handler(m, ctx)
            if reading is not None:
                yield m.start(), m.end(), rank, reading


def find_dates(text: str, published: dt.date | None) -> list[Mention]:
    """All date expressions of ``text``, resolved against ``published`` (rule 4).

    Returns sorted, non-overlapping ``Mention(kind="date")`` objects, preferring the longest
    match. Without ``published`` only absolute dates resolve; relative ones come back with a
    ``none``-precision value and ``resolved_by="unresolved"``. Anaphors (একই দিনে, সেদিন)
    are not dates of their own and are skipped.
    """
    if not text:
        return []
    hits = pt.gate_hits(text)
    if not hits:
        return []
    ctx = _Context(text, published, find_anchor(text, published, hits))
    chosen: list[tuple[int, int, _Reading]] = []
    for start, end, _rank, reading in sorted(_candidates(ctx, hits), key=lambda c: (c[0] - c[1], c[2], c[0])):
        if not any(start < c_end and c_start < end for c_start, c_end, _ in chosen):
            chosen.append((start, end, reading))
    chosen.sort(key=lambda c: c[0])
    return [_mention(text, start, end, _next_day_of(text, chosen, i)) for i, (start, end, _r) in enumerate(chosen)]


# "পরদিন (১৯ জানুয়ারি)": a yearless date glossing "the next day" of the date told before it.
_NEXT_DAY_GLOSS = regex.compile(r"(?:পরদিন|পরের\s+দিন)\s*\(\s*$")


def _next_day_of(text: str, chosen: list[tuple[int, int, _Reading]], i: int) -> _Reading:
    """The reading of ``chosen[i]``; a yearless day glossing পরদিন takes the year of the day after
    the last day-precise date before it (a historical passage), not the publication year."""
    start, _end, reading = chosen[i]
    if reading.resolved_by != RESOLVED_YEAR_FROM_PUBLISHED or reading.date.date is None or i == 0 \
            or not _NEXT_DAY_GLOSS.search(text, max(0, start - 24), start):
        return reading
    prev = chosen[i - 1][2].date
    if prev.precision != "day" or prev.date is None:
        return reading
    nxt = dt.date.fromisoformat(prev.date) + dt.timedelta(days=1)
    if nxt.isoformat()[5:] != reading.date.date[5:]:
        return reading  # the gloss is not the day after: keep the usual reading
    return _Reading(rs.day_value(nxt, reading.date.text), None, RESOLVED_ABSOLUTE, reading.suffix)


def _mention(text: str, start: int, end: int, reading: _Reading) -> Mention:
    """The Mention for a chosen span (its values carry the original span text)."""
    span = text[start:end]
    date = DateValue(reading.date.date, reading.date.precision, span)
    future = None if reading.future is None else DateValue(reading.future.date, reading.future.precision, span)
    return Mention(kind="date", start=start, end=end, text=span, date=date, future=future,
                   suffix=reading.suffix, resolved_by=reading.resolved_by)
