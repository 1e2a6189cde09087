"""Working days follow England and Wales's bank holidays (from the holidays package)."""

from datetime import date, timedelta

import holidays
from hypothesis import given
from hypothesis import strategies as st

from core.workdays import add_working_days, holiday_name, is_working_day, on_or_after, why_not_working, working_days_between

DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2045, 12, 31))
BANK_HOLIDAYS = sorted(holidays.UK(subdiv="ENG", years=range(2000, 2046)))


def brute_count(start: date, end: date) -> int:
    return sum(is_working_day(start + timedelta(days=i)) for i in range(1, (end - start).days + 1))


@given(st.sampled_from(BANK_HOLIDAYS))
def test_a_bank_holiday_is_never_a_working_day(day):
    assert not is_working_day(day)
    assert holiday_name(day)
    assert "bank holiday" in why_not_working(day)


@given(DAYS)
def test_weekends_are_never_working_days(day):
    if day.weekday() >= 5:
        assert not is_working_day(day)
    elif day not in BANK_HOLIDAYS:
        assert is_working_day(day) and why_not_working(day) is None


@given(DAYS, st.integers(min_value=0, max_value=300))
def test_adding_then_counting_gives_back_the_number(day, n):
    later = add_working_days(day, n)
    assert working_days_between(day, later) == n
    if n:
        assert is_working_day(later) and later > day
    else:
        assert later == day


@given(DAYS, st.integers(min_value=1, max_value=300))
def test_going_back_is_the_mirror(day, n):
    earlier = add_working_days(day, -n)
    assert is_working_day(earlier) and earlier < day
    assert working_days_between(earlier, day) == n - 1 + is_working_day(day)


@given(DAYS, st.integers(min_value=0, max_value=500))
def test_counting_matches_a_day_by_day_count(start, span):
    assert working_days_between(start, start + timedelta(days=span)) == brute_count(
        start, start + timedelta(days=span))


@given(DAYS, st.integers(min_value=0, max_value=400), st.integers(min_value=0, max_value=400))
def test_counting_adds_up_over_consecutive_spans(start, first, second):
    middle = start + timedelta(days=first)
    end = middle + timedelta(days=second)
    assert working_days_between(start, end) == (
        working_days_between(start, middle) + working_days_between(middle, end))


@given(DAYS, DAYS)
def test_nothing_counts_when_the_end_is_not_after_the_start(a, b):
    if b <= a:
        assert working_days_between(a, b) == 0


@given(DAYS)
def test_on_or_after_is_the_first_working_day(day):
    found = on_or_after(day)
    assert is_working_day(found) and found >= day
    assert all(not is_working_day(day + timedelta(days=i)) for i in range((found - day).days))


def test_christmas_and_new_year_2026():
    # 25 Dec is a Friday; Boxing Day falls on a Saturday, so Monday 28 Dec is its substitute
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)
    assert working_days_between(date(2026, 12, 24), date(2027, 1, 4)) == 4
    assert holiday_name(date(2026, 12, 28)).startswith("Boxing Day")


def test_one_off_bank_holidays_come_from_the_package_not_a_hand_made_list():
    assert not is_working_day(date(2022, 9, 19))   # the state funeral of Queen Elizabeth II
    assert not is_working_day(date(2023, 5, 8))    # the coronation of King Charles III
    assert not is_working_day(date(2022, 6, 3))    # the Platinum Jubilee


def test_easter_moves_every_year():
    assert not is_working_day(date(2026, 4, 3)) and not is_working_day(date(2026, 4, 6))
    assert not is_working_day(date(2027, 3, 26)) and not is_working_day(date(2027, 3, 29))
    assert is_working_day(date(2027, 4, 6))
