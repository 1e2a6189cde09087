"""Reminders fall due in working days: weekends and England and Wales bank holidays
do not count (core.workdays, from the holidays package)."""

from datetime import date, datetime, time, timedelta

import holidays
import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from supervision_setup import signed_arrangement, who

from core import clock, sessions
from core.admin import settings
from core import workdays
from core.reminders import due
from core.reminders.timing import from_reminder_day, in_window, reminder_day, week_of

DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2045, 12, 31))
BEFORE = st.integers(min_value=1, max_value=15)


@hypothesis_settings(deadline=None)  # the first call loads a year of bank holidays
@given(DAYS, BEFORE)
def test_the_reminder_day_is_that_many_working_days_before(deadline, before):
    day = reminder_day(deadline, before)
    assert day < deadline
    assert workdays.is_working_day(day)
    counted = workdays.working_days_between(day, deadline)
    # Up to and including the deadline: one more when the deadline is itself worked.
    assert counted == before - (0 if workdays.is_working_day(deadline) else 1)


@hypothesis_settings(deadline=None)  # the first call loads a year of bank holidays
@given(DAYS)
def test_zero_working_days_before_is_the_deadline_itself(deadline):
    assert reminder_day(deadline, 0) == deadline
    assert in_window(deadline, 0, deadline)
    assert not in_window(deadline, 0, deadline - timedelta(days=1))


@hypothesis_settings(deadline=None)  # the first call loads a year of bank holidays
@given(DAYS, BEFORE, st.integers(min_value=-40, max_value=40))
def test_the_window_runs_from_the_reminder_day_to_the_deadline(deadline, before, offset):
    today = deadline + timedelta(days=offset)
    start = reminder_day(deadline, before)
    assert in_window(deadline, before, today) == (start <= today <= deadline)
    assert from_reminder_day(deadline, before, today) == (start <= today)


@hypothesis_settings(deadline=None)  # the first call loads a year of bank holidays
@given(DAYS)
def test_a_week_has_one_digest_key(day):
    monday = day - timedelta(days=day.weekday())
    assert week_of(day) == week_of(monday)
    assert week_of(day) != week_of(monday + timedelta(days=7))


def test_bank_holidays_are_skipped():
    # Three working days before Tuesday 29 December 2026 is Tuesday 22: Christmas Day
    # (Friday) and Boxing Day's substitute (Monday 28) are bank holidays.
    assert holidays.UK(subdiv="ENG", years=2026).get(date(2026, 12, 28))
    assert reminder_day(date(2026, 12, 29), 3) == date(2026, 12, 22)
    # The Tuesday after Easter Monday 2027 (29 March): back over Good Friday (26 March).
    assert reminder_day(date(2027, 3, 30), 3) == date(2027, 3, 23)


def _prepare_keys(db, person="sam.taylor"):
    actor = who(db, person)
    person_row = {"id": actor.id, "email": "sam@example.gov.uk", "name": actor.name}
    return {r.thing for r in due.for_person(db, actor, person_row, clock.today())
            if r.kind == "prepare"}


@pytest.mark.parametrize("setting", [3, 5])
def test_prepare_is_due_from_the_set_working_days_before(demo, setting):
    """Not before the reminder day; from it until the session, while not submitted."""
    settings.update(demo, who(demo, "admin"), {"reminder_prepare_days": setting})
    session_day = workdays.on_or_after(clock.today() + timedelta(days=20))
    arrangement_id = signed_arrangement(demo)
    session_id = sessions.plan_series(demo, who(demo, "aisha.begum"), arrangement_id, first=session_day, at=time(10), minutes=60, venue="Teams", count=1)[0]
    first = reminder_day(session_day, setting)
    for day in (first - timedelta(days=1), first, session_day):
        with clock.frozen(datetime.combine(day, time(9))):
            got = f"session:{session_id}" in _prepare_keys(demo)
        assert got == (day >= first), day
