"""Changing who is in a group: the facilitator or an admin adds a member (at most 10)
or records that one left (keeping 3); a member who left keeps the records of the
sessions they attended, sees nothing later, and past attendance stays as it was."""

import pytest

from core.errors import PermissionDenied, ValidationError
from core.groups import group_access, group_membership, group_records, group_sessions
from core.groups.group_access import seat
from group_fixtures import actor, demo_group, past_session, record

HELEN = "helen.carter"


def _current(db) -> list[str]:
    found = seat(db, actor(db, HELEN), demo_group(db))
    return sorted(m["name"] for m in found.members if m["left_on"] is None)


@pytest.mark.parametrize("who", [HELEN, "admin"])
def test_the_facilitator_or_an_admin_adds_a_member(demo, who):
    group_membership.add_member(demo, actor(demo, who), demo_group(demo),
                                actor(demo, "jordan.ellis").id)
    assert "Jordan Ellis" in _current(demo)
    assert [s.group["id"] for s in group_access.my_groups(demo, actor(demo, "jordan.ellis"))
            ] == [demo_group(demo)]
    assert demo.execute("SELECT actor_id FROM audit_events WHERE action = 'group_member_added'"
                        ).fetchone()[0] == actor(demo, who).id


@pytest.mark.parametrize("who", ["sam.taylor", "priya.shah", "marcus.reid", "jordan.ellis"])
def test_nobody_else_changes_the_members(demo, who):
    with pytest.raises(PermissionDenied):
        group_membership.add_member(demo, actor(demo, who), demo_group(demo),
                                    actor(demo, "jordan.ellis").id)
    with pytest.raises(PermissionDenied):
        group_membership.record_leaving(demo, actor(demo, who), demo_group(demo),
                                        actor(demo, "tom.baker").id)


def test_a_group_keeps_3_to_10_members_and_says_why_not(demo):
    helen, group = actor(demo, HELEN), demo_group(demo)
    group_membership.record_leaving(demo, helen, group, actor(demo, "tom.baker").id)
    with pytest.raises(ValidationError, match="3 members, the fewest a group has, so Zara "
                                              "Hussain cannot leave it yet"):
        group_membership.record_leaving(demo, helen, group, actor(demo, "zara.hussain").id)
    with pytest.raises(ValidationError, match="left the group on .* does not rejoin"):
        group_membership.add_member(demo, helen, group, actor(demo, "tom.baker").id)
    with pytest.raises(ValidationError, match="is a member already"):
        group_membership.add_member(demo, helen, group, actor(demo, "sam.taylor").id)
    with pytest.raises(ValidationError, match="facilitates the group"):
        group_membership.add_member(demo, helen, group, helen.id)
    with pytest.raises(ValidationError, match="no supervisor at present"):
        group_membership.add_member(demo, helen, group, actor(demo, "priya.shah").id)
    for name in ("jordan.ellis", "ravi.patel", "grace.holt", "ollie.grant", "megan.price",
                 "marcus.reid", "aisha.begum"):
        try:
            group_membership.add_member(demo, helen, group, actor(demo, name).id)
        except ValidationError as error:
            assert "no supervisor" in str(error) or "most a group has" in str(error)
    assert len(_current(demo)) <= 10


def test_a_member_who_left_keeps_what_they_attended_and_nothing_later(demo):
    helen, group, tom = actor(demo, HELEN), demo_group(demo), actor(demo, "tom.baker")
    attended = next(s["id"] for s in group_sessions.listing(demo, tom, group)
                    if s["record_status"] == "shared")
    missed = past_session(demo, days_ago=3)
    record(demo, missed, attended=[actor(demo, u).id for u in
                                   ("sam.taylor", "chloe.wright", "zara.hussain")])
    group_records.share(demo, helen, missed)
    group_membership.record_leaving(demo, helen, group, tom.id)
    assert group_records.read(demo, tom, attended)["record"]["case_ref"] == "CR-104233"
    with pytest.raises(PermissionDenied, match="sessions you attended"):
        group_records.read(demo, tom, missed)
    listed = {s["id"] for s in group_sessions.listing(demo, tom, group)}
    upcoming = [s for s in group_sessions.listing(demo, helen, group) if s["status"] == "planned"]
    assert attended in listed and not any(s["id"] in listed for s in upcoming)
    # attendance of the past stays true, and Tom still signs what he attended
    assert group_records.sign_attendance(demo, tom, attended) == "shared"
    before = group_records.read(demo, helen, attended)["record"]["attendance"]
    assert any(a["user_id"] == tom.id and a["attended"] for a in before)
    assert tom.id not in seat(demo, helen, group).current_member_ids()
