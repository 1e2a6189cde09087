"""Cancelling (by either person, with who and why), rescheduling and marking held."""

from datetime import timedelta

import pytest
from supervision_setup import signed_arrangement, who, working_day

from core import clock, sessions
from core.sessions import regularity
from core import workdays
from core.errors import PermissionDenied, ValidationError


@pytest.fixture
def planned(demo):
    arrangement_id = signed_arrangement(demo)
    day, at = working_day(10)
    session_id = sessions.plan_series(demo, who(demo, "aisha.begum"), arrangement_id, first=day, at=at, minutes=60, venue="Room 3", count=1)[0]
    return arrangement_id, session_id


@pytest.mark.parametrize("username", ["sam.taylor", "aisha.begum"])
def test_either_person_cancels_and_who_and_why_are_recorded(demo, planned, username):
    _arrangement_id, session_id = planned
    sessions.cancel_session(demo, who(demo, username), session_id, "Off sick 🤒")
    row = sessions.get_session(demo, who(demo, "priya.shah"), session_id)
    assert row["status"] == "cancelled"
    assert row["cancelled_by"] == who(demo, username).id
    assert row["cancelled_by_name"] == who(demo, username).name
    assert row["cancel_reason"] == "Off sick 🤒"
    detail = demo.execute("SELECT detail FROM audit_events WHERE action = 'session_cancelled'"
                          ).fetchone()[0]
    assert "sick" not in detail


def test_a_cancellation_needs_a_reason(demo, planned):
    _arrangement_id, session_id = planned
    with pytest.raises(ValidationError) as error:
        sessions.cancel_session(demo, who(demo, "sam.taylor"), session_id, "  ")
    assert "reason" in error.value.errors
    assert sessions.get_session(demo, who(demo, "sam.taylor"), session_id)["status"] == "planned"


@pytest.mark.parametrize("username", ["priya.shah", "admin"])
def test_a_team_lead_or_admin_cannot_cancel(demo, planned, username):
    _arrangement_id, session_id = planned
    with pytest.raises(PermissionDenied):
        sessions.cancel_session(demo, who(demo, username), session_id, "Busy")


def test_only_a_planned_session_can_be_cancelled(demo, planned):
    _arrangement_id, session_id = planned
    sessions.cancel_session(demo, who(demo, "sam.taylor"), session_id, "Off sick")
    with pytest.raises(ValidationError, match="is cancelled"):
        sessions.cancel_session(demo, who(demo, "aisha.begum"), session_id, "Again")


def test_rescheduling_keeps_the_old_session_linked_to_the_new(demo, planned):
    arrangement_id, session_id = planned
    day, at = working_day(20, hour=14)
    new_id = sessions.reschedule_session(demo, who(demo, "aisha.begum"), session_id, on=day,
                                         at=at, reason="Clash with a conference")
    old = sessions.get_session(demo, who(demo, "sam.taylor"), session_id)
    new = sessions.get_session(demo, who(demo, "sam.taylor"), new_id)
    assert old["status"] == "rescheduled" and old["rescheduled_to"] == new_id
    assert old["cancelled_by"] == who(demo, "aisha.begum").id
    assert old["cancel_reason"] == "Clash with a conference"
    assert new["status"] == "planned" and sessions.starts(new).date() == day
    assert new["planned_minutes"] == 60 and new["venue"] == "Room 3"
    assert next(iter(sessions.planned_ahead(demo, who(demo, "sam.taylor"), arrangement_id)), None)["id"] == new_id


def test_only_the_supervisor_reschedules(demo, planned):
    _arrangement_id, session_id = planned
    day, at = working_day(20)
    with pytest.raises(PermissionDenied, match="Only the supervisor"):
        sessions.reschedule_session(demo, who(demo, "sam.taylor"), session_id, on=day, at=at)


def test_rescheduling_onto_a_bank_holiday_is_refused(demo, planned):
    _arrangement_id, session_id = planned
    today = clock.today()
    holiday = next(today + timedelta(days=i) for i in range(1, 366)
                   if (today + timedelta(days=i)).weekday() < 5
                   and workdays.holiday_name(today + timedelta(days=i)))
    _day, at = working_day()
    with pytest.raises(ValidationError, match="bank holiday"):
        sessions.reschedule_session(demo, who(demo, "aisha.begum"), session_id, on=holiday,
                                    at=at)


def test_marking_held_is_for_the_supervisor_and_sets_the_next_due_date(demo, planned):
    arrangement_id, session_id = planned
    today = clock.today()
    with pytest.raises(PermissionDenied, match="Only the supervisor"):
        sessions.mark_held(demo, who(demo, "sam.taylor"), session_id, today, 60)
    with pytest.raises(ValidationError) as error:
        sessions.mark_held(demo, who(demo, "aisha.begum"), session_id,
                           today + timedelta(days=1), 2)
    assert {"held_on", "held_minutes"} <= set(error.value.errors)
    sessions.mark_held(demo, who(demo, "aisha.begum"), session_id, today, 55)
    row = sessions.get_session(demo, who(demo, "sam.taylor"), session_id)
    assert (row["status"], row["held_on"], row["held_minutes"]) == ("held", today.isoformat(), 55)
    figures = regularity.summary(demo, who(demo, "sam.taylor"), arrangement_id)
    assert figures["last_held"] == today and figures["days_since_last"] == 0
    assert figures["next_due"] > today
    with pytest.raises(ValidationError, match="is held"):
        sessions.mark_held(demo, who(demo, "aisha.begum"), session_id, today, 55)
