"""Records are shared within the contract's working days; open actions past due are overdue."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from core.insights import timeliness
from core import workdays

HELD = date(2026, 12, 23)  # before Christmas: two bank holidays and a weekend follow


def test_share_by_skips_weekends_and_bank_holidays():
    # 24 Thu, (25 Fri, 26 Sat, 27 Sun, 28 Mon substitute Boxing Day), 29 Tue, 30 Wed
    assert timeliness.share_by(HELD, 3) == date(2026, 12, 30)


def test_late_when_first_shared_after_the_day():
    assert not timeliness.record_late(HELD, 3, "2026-12-30T16:00:00+00:00", date(2027, 2, 1))
    assert timeliness.record_late(HELD, 3, "2026-12-31T09:00:00+00:00", date(2027, 2, 1))


def test_unshared_is_late_only_once_the_day_has_passed():
    assert not timeliness.record_late(HELD, 3, None, date(2026, 12, 30))
    assert timeliness.record_late(HELD, 3, None, date(2026, 12, 31))


def test_shared_late_in_the_evening_counts_on_the_london_date():
    # 23:30 UTC on 30 Dec is still 30 Dec in London (GMT in winter)
    assert not timeliness.record_late(HELD, 3, "2026-12-30T23:30:00+00:00", date(2027, 1, 5))


@given(st.dates(date(2020, 1, 1), date(2035, 12, 31)), st.integers(0, 20))
def test_the_share_by_day_is_a_working_day_n_working_days_on(held, n):
    due = timeliness.share_by(held, n)
    assert workdays.working_days_between(held, due) == n
    if n:
        assert workdays.is_working_day(due)
