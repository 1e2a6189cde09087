"""The cadence maths: due dates are computed from the cadence and the last held session."""

from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from core.contracts import cadence
from core.workdays import is_working_day

DAYS = st.dates(min_value=date(2005, 1, 1), max_value=date(2040, 12, 31))
WEEKS = st.integers(min_value=1, max_value=26)
FTE = st.floats(min_value=0.1, max_value=1.0, allow_nan=False)
LONGEST_ROLL = 4  # e.g. Christmas on a Saturday: Sat, Sun and two substitute Mondays/Tuesdays


def weekly(weeks=4, start=date(2026, 1, 5)):
    return {"cadence_kind": "weeks", "cadence_weeks": weeks, "fte": 1.0, "asye_start": None,
            "start_date": start.isoformat()}


def asye(start):
    return {"cadence_kind": "asye", "cadence_weeks": 4, "fte": 1.0,
            "asye_start": start.isoformat(), "start_date": start.isoformat()}


def pro_rata(weeks, fte):
    return {"cadence_kind": "pro_rata", "cadence_weeks": weeks, "fte": fte, "asye_start": None,
            "start_date": "2026-01-05"}


CONTRACTS = st.one_of(
    st.builds(weekly, WEEKS, DAYS),
    st.builds(asye, DAYS),
    st.builds(pro_rata, WEEKS, FTE),
)


@given(CONTRACTS, DAYS)
def test_the_next_due_date_is_always_after_the_last_held_session(contract, last_held):
    due = cadence.next_due(contract, last_held, date(2026, 6, 1))
    assert due > last_held
    assert is_working_day(due)


@given(CONTRACTS, DAYS)
def test_a_due_date_is_one_gap_later_moved_only_off_non_working_days(contract, last_held):
    raw = cadence.step(contract, last_held)
    due = cadence.next_due(contract, last_held, last_held)
    assert raw <= due <= raw + timedelta(days=LONGEST_ROLL)
    assert all(not is_working_day(raw + timedelta(days=i)) for i in range((due - raw).days))


@given(WEEKS, DAYS)
def test_fixed_weeks(weeks, last_held):
    assert cadence.step(weekly(weeks), last_held) == last_held + timedelta(weeks=weeks)


@given(DAYS, st.integers(min_value=0, max_value=800))
def test_asye_steps_happen_at_the_right_ages(start, age_days):
    anchor = start + timedelta(days=age_days)
    gap = cadence.step(asye(start), anchor)
    if age_days < 42:
        assert gap == anchor + timedelta(weeks=1)
        assert cadence.asye_stage(start, anchor) == "weekly"
    elif anchor < start + relativedelta(months=6):
        assert gap == anchor + timedelta(weeks=2)
        assert cadence.asye_stage(start, anchor) == "fortnightly"
    else:
        assert gap == anchor + relativedelta(months=1)
        assert 28 <= (gap - anchor).days <= 31
        assert cadence.asye_stage(start, anchor) == "monthly"


@pytest.mark.parametrize("age, gap", [(0, 7), (41, 7), (42, 14), (180, 14), (181, 31), (400, 28)])
def test_asye_boundaries(age, gap):
    start = date(2026, 1, 1)  # 6 months later is 1 July, day 181; 400 days is 5 Feb 2027
    anchor = start + timedelta(days=age)
    assert (cadence.step(asye(start), anchor) - anchor).days == gap


def test_asye_is_counted_from_its_own_start_not_the_contract_start():
    contract = dict(asye(date(2026, 1, 1)), start_date="2026-05-01")
    assert cadence.asye_stage(date(2026, 1, 1), date(2026, 5, 1)) == "fortnightly"
    assert cadence.step(contract, date(2026, 5, 1)) == date(2026, 5, 15)


@given(WEEKS, FTE)
def test_pro_rata_is_between_the_full_time_gap_and_twice_it(weeks, fte):
    days = cadence.pro_rata_days(weeks, fte)
    assert 7 * weeks <= days <= 14 * weeks
    if fte >= cadence.PRO_RATA_FLOOR:
        assert days == round(7 * weeks / fte)


@given(WEEKS, FTE, FTE)
def test_fewer_hours_never_mean_more_frequent_sessions(weeks, a, b):
    low, high = sorted((a, b))
    assert cadence.pro_rata_days(weeks, low) >= cadence.pro_rata_days(weeks, high)


def test_pro_rata_examples():
    assert cadence.pro_rata_days(4, 1.0) == 28
    assert cadence.pro_rata_days(4, 0.6) == 47
    assert cadence.pro_rata_days(4, 0.1) == 56   # never 280: sessions every 8 weeks at most


def test_with_no_session_held_the_first_falls_due_one_gap_after_the_start():
    contract = weekly(4, start=date(2026, 3, 2))
    assert cadence.next_due(contract, None, date(2026, 9, 1)) == date(2026, 3, 30)


def test_a_due_date_on_a_bank_holiday_moves_to_the_next_working_day():
    # four weeks after Friday 27 Nov 2026 is Christmas Day; Boxing Day's substitute follows
    assert cadence.next_due(weekly(4), date(2026, 11, 27), date(2026, 11, 27)) == date(2026, 12, 29)


def test_descriptions():
    assert cadence.describe(weekly(1)) == "Every week"
    assert cadence.describe(weekly(6)) == "Every 6 weeks"
    assert "47 days" in cadence.describe(pro_rata(4, 0.6))
    assert "weekly for the first 6 weeks" in cadence.describe(asye(date(2026, 1, 1)))
