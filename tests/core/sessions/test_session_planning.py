"""No contract, no sessions: only the current supervisor plans, under a signed contract."""

from datetime import date, time, timedelta

import pytest
from supervision_setup import (
    arrangement_of, new_arrangement, signed, signed_arrangement, who, working_day,
)

from db import contracts as contract_rows
from core import clock, contracts, sessions
from core.contracts import cadence
from core import workdays
from core.errors import PermissionDenied, ValidationError


def plan(db, username, arrangement_id, on=None, at=None, **kwargs):
    default_on, default_at = working_day()
    return sessions.plan_series(db, who(db, username), arrangement_id, first=on or default_on, at=at or default_at, minutes=kwargs.pop("minutes", 60), venue=kwargs.pop("venue", "Room 3"), count=1)[0]


def test_no_sessions_without_a_contract(demo):
    arrangement_id = new_arrangement(demo)
    with pytest.raises(ValidationError, match="has none yet"):
        plan(demo, "aisha.begum", arrangement_id)
    contract_id = contracts.draft_contract(demo, who(demo, "aisha.begum"), arrangement_id)
    with pytest.raises(ValidationError, match="waiting for the supervisor and the supervisee"):
        plan(demo, "aisha.begum", arrangement_id)
    stamp = contract_rows.get(demo, contract_id)["updated_at"]
    contracts.sign_contract(demo, who(demo, "aisha.begum"), contract_id, stamp)
    with pytest.raises(ValidationError, match="waiting for the supervisee to sign"):
        plan(demo, "aisha.begum", arrangement_id)
    contracts.sign_contract(demo, who(demo, "sam.taylor"), contract_id, stamp)
    session_id = plan(demo, "aisha.begum", arrangement_id)
    session = sessions.get_session(demo, who(demo, "sam.taylor"), session_id)
    assert session["status"] == "planned" and session["contract_id"] == contract_id
    assert not demo["sessions"].count_where("arrangement_id = ? AND id <> ?",
                                            [arrangement_id, session_id])


@pytest.mark.parametrize("username", ["sam.taylor", "priya.shah", "admin"])
def test_only_the_supervisor_plans(demo, username):
    with pytest.raises(PermissionDenied, match="Only the supervisor"):
        plan(demo, username, signed_arrangement(demo))


def test_another_supervisor_has_no_access_to_plan(demo):
    with pytest.raises(PermissionDenied, match="You do not have access"):
        plan(demo, "helen.carter", signed_arrangement(demo))


def test_an_ended_arrangement_is_read_only(demo):
    ended = arrangement_of(demo, "tom.baker", supervisor="marcus.reid")
    with pytest.raises(PermissionDenied, match="ended"):
        plan(demo, "marcus.reid", ended)


def test_a_session_is_planned_in_london_time_and_stored_in_utc(demo):
    arrangement_id = signed_arrangement(demo)
    day = workdays.on_or_after(date(clock.today().year + 1, 7, 1))  # summer time
    session_id = plan(demo, "aisha.begum", arrangement_id, on=day, at=time(10, 30))
    session = sessions.get_session(demo, who(demo, "aisha.begum"), session_id)
    assert session["scheduled_at"] == f"{day.isoformat()}T09:30:00+00:00"
    assert sessions.starts(session).strftime("%H:%M") == "10:30"


@pytest.mark.parametrize("on, message", [
    ("past", "cannot be before"),
    ("holiday", "bank holiday"),
    ("saturday", "Saturday"),
    ("too_far", "cannot be after"),
])
def test_planning_only_on_a_working_day_from_today_to_a_year_ahead(demo, on, message):
    arrangement_id = signed_arrangement(demo)
    today = clock.today()
    day = {"past": today - timedelta(days=1),
           "holiday": next(today + timedelta(days=i) for i in range(1, 366)
                           if workdays.holiday_name(today + timedelta(days=i))
                           and (today + timedelta(days=i)).weekday() < 5),
           "saturday": next(today + timedelta(days=i) for i in range(1, 366)  # not Boxing Day
                            if (today + timedelta(days=i)).weekday() == 5
                            and not workdays.holiday_name(today + timedelta(days=i))),
           "too_far": today + timedelta(days=400)}[on]
    with pytest.raises(ValidationError, match=message):
        plan(demo, "aisha.begum", arrangement_id, on=day)


@pytest.mark.parametrize("kwargs, field", [
    ({"minutes": 5}, "minutes"), ({"minutes": 600}, "minutes"), ({"venue": ""}, "venue"),
    ({"venue": "x" * 201}, "venue"), ({"at": time(6, 0)}, "at"), ({"at": time(21, 0)}, "at"),
])
def test_bad_details_are_refused_next_to_their_field(demo, kwargs, field):
    arrangement_id = signed_arrangement(demo)
    with pytest.raises(ValidationError) as error:
        plan(demo, "aisha.begum", arrangement_id, **kwargs)
    assert field in error.value.errors


def test_several_sessions_ahead_follow_the_cadence(demo):
    arrangement_id = new_arrangement(demo)
    contract_id = signed(demo, arrangement_id)
    contract = contract_rows.get(demo, contract_id)
    first, at = working_day(7)
    ids = sessions.plan_series(demo, who(demo, "aisha.begum"), arrangement_id, first=first,
                               at=at, minutes=90, venue="Room 3", count=4)
    days = [sessions.starts(s).date()
            for s in sessions.planned_ahead(demo, who(demo, "sam.taylor"), arrangement_id)]
    assert len(ids) == 4 and days[0] == first
    for before, after in zip(days, days[1:]):
        assert after == cadence.due_after(contract, before)


def test_a_series_is_all_or_nothing(demo):
    arrangement_id = signed_arrangement(demo)
    first, at = working_day(7)
    with pytest.raises(ValidationError) as error:
        sessions.plan_series(demo, who(demo, "aisha.begum"), arrangement_id, first=first, at=at,
                             minutes=90, venue="Room 3", count=13)
    assert "count" in error.value.errors
    assert not demo["sessions"].count_where("arrangement_id = ?", [arrangement_id])


def test_one_planned_session_a_day_per_arrangement(demo):
    arrangement_id = signed_arrangement(demo)
    day, _at = working_day(5)
    plan(demo, "aisha.begum", arrangement_id, on=day, at=time(9, 0))
    with pytest.raises(ValidationError, match="already planned"):
        plan(demo, "aisha.begum", arrangement_id, on=day, at=time(15, 0))


def test_the_planning_form_starts_on_the_next_due_date_or_after_those_planned(demo):
    contract = {"cadence_kind": "weeks", "cadence_weeks": 4, "fte": 1.0, "asye_start": None,
                "start_date": "2026-01-05"}
    today = date(2026, 3, 2)
    assert sessions.suggested_date(contract, date(2026, 3, 16), [], today) == date(2026, 3, 16)
    assert sessions.suggested_date(contract, date(2026, 2, 1), [], today) == today
    assert sessions.suggested_date(contract, date(2026, 3, 16), [date(2026, 3, 16)], today) \
        == date(2026, 4, 13)


def test_hostile_venue_text_is_kept_as_typed(demo):
    arrangement_id = signed_arrangement(demo)
    venue = "<img src=x onerror=alert(1)> [room](http://x) 🏢 غرفة"
    session_id = plan(demo, "aisha.begum", arrangement_id, venue=venue)
    assert sessions.get_session(demo, who(demo, "sam.taylor"), session_id)["venue"] == venue


def test_a_stored_time_without_a_zone_is_read_as_utc():
    summer = sessions.starts({"scheduled_at": "2026-07-01T09:00"})
    assert summer.strftime("%H:%M") == "10:00" and summer.utcoffset() == timedelta(hours=1)
