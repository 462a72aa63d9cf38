"""The Bangladesh Bangla calendar: tables, invariants and round trips."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ghotona.dates import bengali_calendar as bc
from ghotona.dates import find_dates

DAYS_1900_2100 = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
VARIANTS = ("auto", "bd2019", "bd1987")


def test_round_trip_every_day_1900_2100() -> None:
    day, last = dt.date(1900, 1, 1), dt.date(2100, 12, 31)
    previous: bc.BanglaDate | None = None
    while day <= last:
        bangla = bc.from_gregorian(day)
        assert bc.to_gregorian(*bangla) == day
        if previous is not None and bangla.day > 1:  # consecutive days, consecutive Bangla dates
            assert bangla == previous._replace(day=previous.day + 1)
        elif previous is not None:
            assert previous.day == bc.month_lengths(previous.year)[previous.month - 1]
            assert bangla.month == previous.month % 12 + 1
            assert bangla.year == previous.year + (bangla.month == 1)
        previous = bangla
        day += dt.timedelta(days=1)


@given(DAYS_1900_2100, st.sampled_from(VARIANTS))
def test_round_trip_any_variant(day: dt.date, variant: bc.Variant) -> None:
    bangla = bc.from_gregorian(day, variant)
    assert bc.to_gregorian(*bangla, variant=variant) == day
    assert 1 <= bangla.month <= 12
    assert 1 <= bangla.day <= bc.month_lengths(bangla.year, variant)[bangla.month - 1]


@given(st.integers(min_value=1300, max_value=1510), st.sampled_from(VARIANTS))
def test_year_lengths_follow_gregorian_leap_years(year: int, variant: bc.Variant) -> None:
    lengths = bc.month_lengths(year, variant)
    assert sum(lengths) == (366 if calendar.isleap(year + 594) else 365)
    assert bc.new_year(year + 1) - bc.new_year(year) == dt.timedelta(days=sum(lengths))


@given(DAYS_1900_2100)
def test_year_changes_on_14_april(day: dt.date) -> None:
    expected = day.year - 593 if (day.month, day.day) >= (4, 14) else day.year - 594
    assert bc.from_gregorian(day).year == expected


@pytest.mark.parametrize(("bangla_year", "gregorian"), [
    (1306, dt.date(1899, 4, 14)), (1378, dt.date(1971, 4, 14)), (1426, dt.date(2019, 4, 14)),
    (1430, dt.date(2023, 4, 14)), (1431, dt.date(2024, 4, 14)), (1432, dt.date(2025, 4, 14)),
    (1507, dt.date(2100, 4, 14)),
])
def test_pohela_boishakh(bangla_year: int, gregorian: dt.date) -> None:
    assert bc.new_year(bangla_year) == gregorian
    assert bc.to_gregorian(bangla_year, 1, 1) == gregorian
    assert bc.from_gregorian(gregorian) == (bangla_year, 1, 1)


@pytest.mark.parametrize(("bangla_year", "falgun_days", "chaitra_1"), [
    (1426, 30, dt.date(2020, 3, 15)),   # February 2020 has 29 days
    (1427, 29, dt.date(2021, 3, 15)),
    (1430, 30, dt.date(2024, 3, 15)),   # 2024 is a leap year
    (1431, 29, dt.date(2025, 3, 15)),
    (1506, 29, dt.date(2100, 3, 15)),   # 2100 is not a leap year
])
def test_falgun_has_an_extra_day_in_gregorian_leap_years(
        bangla_year: int, falgun_days: int, chaitra_1: dt.date) -> None:
    assert bc.month_lengths(bangla_year)[10] == falgun_days
    assert bc.to_gregorian(bangla_year, 11, 1) == dt.date(chaitra_1.year, 2, 14)
    assert bc.to_gregorian(bangla_year, 12, 1) == chaitra_1


def test_revised_month_lengths() -> None:
    assert bc.month_lengths(1431) == (31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 29, 30)
    assert bc.month_lengths(1424) == (31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 30, 30)
    assert bc.month_lengths(1424, "bd2019")[5] == 31


@pytest.mark.parametrize(("gregorian", "bangla"), [
    (dt.date(2025, 1, 21), (1431, 10, 7)),    # seed 004 header: ২১ জানুয়ারি ২০২৫ | ৭ মাঘ ১৪৩১
    (dt.date(2025, 12, 30), (1432, 9, 15)),   # a masthead: ৩০ ডিসেম্বর ২০২৫, ১৫ পৌষ ১৪৩২
    (dt.date(2024, 2, 21), (1430, 11, 8)),    # 21 February = ৮ ফাল্গুন since 2019
    (dt.date(2024, 3, 26), (1430, 12, 12)),   # 26 March = ১২ চৈত্র
    (dt.date(2024, 12, 16), (1431, 9, 1)),    # 16 December = ১ পৌষ
    (dt.date(2019, 12, 16), (1426, 9, 1)),
])
def test_national_days_in_the_revised_calendar(gregorian: dt.date, bangla: tuple[int, int, int]) -> None:
    assert bc.from_gregorian(gregorian) == bangla
    assert bc.to_gregorian(*bangla) == gregorian


@pytest.mark.parametrize(("gregorian", "bangla"), [
    (dt.date(2018, 2, 21), (1424, 11, 9)),    # before 2019: 21 February fell on ৯ ফাল্গুন
    (dt.date(2018, 12, 16), (1425, 9, 2)),    # and 16 December on ২ পৌষ
    (dt.date(2019, 4, 13), (1425, 12, 30)),
])
def test_bangla_academy_1987_calendar_before_1426(gregorian: dt.date, bangla: tuple[int, int, int]) -> None:
    assert bc.from_gregorian(gregorian) == bangla
    assert bc.from_gregorian(gregorian, "bd1987") == bangla
    assert bc.to_gregorian(*bangla) == gregorian


def test_format_and_text() -> None:
    assert bc.format_bangla(bc.from_gregorian(dt.date(2025, 1, 21))) == "৭ মাঘ ১৪৩১"
    assert str(bc.BanglaDate(1432, 1, 1)) == "১ বৈশাখ ১৪৩২"
    [mention] = find_dates("৭ মাঘ ১৪৩১", None)
    assert (mention.date.date, mention.date.precision) == ("2025-01-21", "day")


@pytest.mark.parametrize(("year", "month", "day"), [(1431, 11, 30), (1431, 6, 32), (1431, 7, 31), (1431, 13, 1),
                                                    (1431, 0, 1), (1431, 1, 0)])
def test_invalid_dates_raise(year: int, month: int, day: int) -> None:
    with pytest.raises(ValueError):
        bc.to_gregorian(year, month, day)


def test_unknown_variant_raises() -> None:
    with pytest.raises(ValueError):
        bc.month_lengths(1431, "west-bengal")  # type: ignore[arg-type]
