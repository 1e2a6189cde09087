"""Who may read and write a group's contract, sessions and records: the facilitator
writes; members read what was shared; nobody else sees anything of the group (not
an outsider, not the admin, not a team lead, not even the members' team lead)."""

import pytest

from core.errors import PermissionDenied, ValidationError
from core.groups import group_access, group_contract, group_records, group_sessions
from group_fixtures import actor, demo_group, past_session, record

MEMBERS = ["sam.taylor", "chloe.wright", "zara.hussain", "tom.baker"]
OUTSIDERS = ["admin", "priya.shah", "daniel.okafor", "marcus.reid", "aisha.begum",
             "jordan.ellis", "ravi.patel"]


def _latest_shared(db, username="sam.taylor") -> int:
    return next(s["id"] for s in group_sessions.listing(db, actor(db, username), demo_group(db))
                if s["record_status"] == "shared")


@pytest.mark.parametrize("username", MEMBERS + ["helen.carter"])
def test_the_facilitator_and_members_read_the_group(demo, username):
    who = actor(demo, username)
    seat = group_access.seat(demo, who, demo_group(demo))
    assert seat.facilitates == (username == "helen.carter")
    assert group_contract.current(demo, who, demo_group(demo))["version"] == 1
    found = group_records.read(demo, who, _latest_shared(demo))
    assert found["record"]["case_ref"] == "CR-104233"
    assert [s.group["id"] for s in group_access.my_groups(demo, who)] == [demo_group(demo)]


@pytest.mark.parametrize("username", OUTSIDERS)
def test_nobody_else_sees_anything_of_the_group(demo, username):
    who = actor(demo, username)
    group, session = demo_group(demo), _latest_shared(demo)
    assert group_access.my_groups(demo, who) == []
    for attempt in (lambda: group_access.seat(demo, who, group),
                    lambda: group_contract.current(demo, who, group),
                    lambda: group_sessions.listing(demo, who, group),
                    lambda: group_records.read(demo, who, session)):
        with pytest.raises(PermissionDenied):
            attempt()


@pytest.mark.parametrize("username", OUTSIDERS + MEMBERS)
def test_only_the_facilitator_writes(demo, username):
    who = actor(demo, username)
    group, session = demo_group(demo), past_session(demo)
    with pytest.raises(PermissionDenied):
        group_records.save(
            demo, who, session, attended=[], presenter_id=None, learning="x")
    with pytest.raises(PermissionDenied):
        group_records.share(demo, who, _latest_shared(demo))
    with pytest.raises(PermissionDenied):
        group_contract.draft(demo, who, group, purpose="p", ground_rules="g",
                             confidentiality="c", frequency_weeks=4, session_minutes=90)
    with pytest.raises(PermissionDenied):
        group_sessions.plan(demo, who, group, first=None, at=None, venue="x")


def test_outsiders_cannot_sign_and_absentees_need_not(demo):
    session = _latest_shared(demo)
    with pytest.raises(PermissionDenied):
        group_records.sign_attendance(demo, actor(demo, "jordan.ellis"), session)
    with pytest.raises(PermissionDenied):
        group_records.sign_attendance(demo, actor(demo, "helen.carter"), session)
    fresh = past_session(demo)
    record(demo, fresh, attended=[actor(demo, "sam.taylor").id, actor(demo, "chloe.wright").id,
                                  actor(demo, "zara.hussain").id])
    group_records.share(demo, actor(demo, "helen.carter"), fresh)
    with pytest.raises(PermissionDenied, match="attended"):
        group_records.sign_attendance(demo, actor(demo, "tom.baker"), fresh)


def test_members_never_read_a_draft_through_the_page_list(demo):
    """A draft is the facilitator's until shared: signing it is refused."""
    session = past_session(demo)
    record(demo, session)
    with pytest.raises(ValidationError, match="not shared"):
        group_records.sign_attendance(demo, actor(demo, "sam.taylor"), session)
