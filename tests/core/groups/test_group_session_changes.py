"""A planned group session moves (keeping when it was first planned, and why) or is
cancelled with a reason, by the facilitator only; an agreed group record takes
addenda from the facilitator or a member who attended, and never changes."""

from datetime import time, timedelta

import pytest

from core import clock, workdays
from core.errors import PermissionDenied, ValidationError
from core.groups import group_records, group_sessions
from group_fixtures import actor, demo_group, past_session, record

HELEN = "helen.carter"


def _planned(db) -> dict:
    return next(s for s in group_sessions.listing(db, actor(db, HELEN), demo_group(db))
                if s["status"] == "planned")


def _working_day(ahead: int):
    day = clock.today() + timedelta(days=ahead)
    while not workdays.is_working_day(day):
        day += timedelta(days=1)
    return day


def test_the_facilitator_moves_a_planned_session(demo):
    before = _planned(demo)
    day = _working_day(20)
    group_sessions.move(demo, actor(demo, HELEN), before["id"], on=day, at=time(9, 30),
                        reason="The team room is booked")
    after = _planned(demo)
    assert group_sessions.starts(after).date() == day
    assert after["moved_from"] == before["scheduled_at"]
    assert after["move_reason"] == "The team room is booked"
    group_sessions.move(demo, actor(demo, HELEN), before["id"], on=_working_day(30),
                        at=time(9, 30))
    assert _planned(demo)["moved_from"] == before["scheduled_at"]  # first planned time kept


def test_a_move_is_checked_like_planning(demo):
    sid, helen = _planned(demo)["id"], actor(demo, HELEN)
    with pytest.raises(ValidationError) as error:
        group_sessions.move(demo, helen, sid, on=clock.today() - timedelta(days=3), at=None)
    assert {"on", "at"} <= set(error.value.errors)
    saturday = clock.today() + timedelta(days=(5 - clock.today().weekday()) % 7 or 7)
    with pytest.raises(ValidationError, match="Choose a working day"):
        group_sessions.move(demo, helen, sid, on=saturday, at=time(10))
    held = past_session(demo)
    record(demo, held)
    with pytest.raises(ValidationError, match="Only a planned session"):
        group_sessions.move(demo, helen, held, on=_working_day(5), at=time(10))


@pytest.mark.parametrize("who", ["sam.taylor", "priya.shah", "admin"])
def test_only_the_facilitator_moves_or_cancels(demo, who):
    sid = _planned(demo)["id"]
    with pytest.raises(PermissionDenied):
        group_sessions.move(demo, actor(demo, who), sid, on=_working_day(5), at=time(10))
    with pytest.raises(PermissionDenied):
        group_sessions.cancel(demo, actor(demo, who), sid, "Ill")


def test_cancelling_needs_a_reason_and_keeps_it(demo):
    sid = _planned(demo)["id"]
    with pytest.raises(ValidationError, match="reason"):
        group_sessions.cancel(demo, actor(demo, HELEN), sid, "")
    group_sessions.cancel(demo, actor(demo, HELEN), sid, "Half the group on leave")
    row = next(s for s in group_sessions.listing(demo, actor(demo, "sam.taylor"),
                                                 demo_group(demo)) if s["id"] == sid)
    assert (row["status"], row["cancel_reason"]) == ("cancelled", "Half the group on leave")


def _agreed(db) -> int:
    return next(s["id"] for s in group_sessions.listing(db, actor(db, HELEN), demo_group(db))
                if s["record_status"] == "agreed")


@pytest.mark.parametrize("who", [HELEN, "zara.hussain"])
def test_an_agreed_record_takes_an_addendum_that_members_read(demo, who):
    sid = _agreed(demo)
    before = group_records.read(demo, actor(demo, HELEN), sid)["record"]
    group_records.add_addendum(demo, actor(demo, who), sid, "The review was moved to March.")
    after = group_records.read(demo, actor(demo, "tom.baker"), sid)["record"]
    assert [a["body"] for a in after["addenda"]] == ["The review was moved to March."]
    assert after["addenda"][0]["author_name"] == actor(demo, who).name
    assert {k: after[k] for k in ("learning", "theme", "case_ref", "status")} == {
        k: before[k] for k in ("learning", "theme", "case_ref", "status")}


def test_addenda_are_for_agreed_records_and_their_people(demo):
    shared = next(s["id"] for s in group_sessions.listing(demo, actor(demo, HELEN),
                                                          demo_group(demo))
                  if s["record_status"] == "shared")
    with pytest.raises(ValidationError, match="for agreed records"):
        group_records.add_addendum(demo, actor(demo, HELEN), shared, "x")
    for who in ("priya.shah", "admin", "jordan.ellis"):
        with pytest.raises(PermissionDenied):
            group_records.add_addendum(demo, actor(demo, who), _agreed(demo), "x")
    with pytest.raises(ValidationError, match="the addendum"):
        group_records.add_addendum(demo, actor(demo, HELEN), _agreed(demo), "")
