"""Setting a group up (the admin), and planning its sessions (the facilitator)."""

from datetime import time, timedelta

import pytest

from core import clock, workdays
from core.errors import PermissionDenied, ValidationError
from core.groups import group_setup, group_sessions
from group_fixtures import actor, demo_group, ids


def _create(db, **changes):
    args = dict(name="Children in care reflective group", facilitator_id=actor(db, "marcus.reid").id,
                member_ids=ids(db, "ollie.grant", "megan.price", "grace.holt"),
                start_date=clock.today())
    args.update(changes)
    return group_setup.create_group(db, actor(db, "admin"), **args)


def test_the_admin_sets_up_a_group_and_sees_who_not_what(demo):
    group = _create(demo)
    listed = {g["id"]: g for g in group_setup.listing(demo, actor(demo, "admin"))}
    assert listed[group]["members"] == ["Grace Holt", "Megan Price", "Ollie Grant"]
    assert set(listed[group]) >= {"name", "facilitator_name", "start_date"}
    assert not any("learning" in k or "theme" in k for k in listed[group])


@pytest.mark.parametrize("changes, field", [
    ({"name": ""}, "name"),
    ({"facilitator_id": None}, "facilitator"),
    ({"member_ids": []}, "members"),
    ({"member_ids": ["ollie.grant", "megan.price"]}, "members"),
    ({"member_ids": ["ollie.grant", "megan.price", "marcus.reid"]}, "members"),
    ({"member_ids": ["ollie.grant", "megan.price", "priya.shah", "admin"]}, "members"),
    ({"facilitator_id": "sam.taylor"}, "facilitator"),
    ({"start_date": None}, "start_date"),
])
def test_a_group_needs_a_supervisor_and_3_to_10_supervisees(demo, changes, field):
    if "member_ids" in changes:
        changes["member_ids"] = ids(demo, *changes["member_ids"])
    if changes.get("facilitator_id"):
        changes["facilitator_id"] = actor(demo, changes["facilitator_id"]).id
    with pytest.raises(ValidationError) as refused:
        _create(demo, **changes)
    assert field in refused.value.errors


def test_more_than_ten_members_are_refused(demo):
    eleven = [u["id"] for u in demo.query("SELECT id FROM users WHERE username <> 'marcus.reid' LIMIT 11")]
    with pytest.raises(ValidationError, match="3 to 10"):
        _create(demo, member_ids=eleven)


@pytest.mark.parametrize("username", ["helen.carter", "priya.shah", "sam.taylor"])
def test_only_the_admin_sets_up_groups(demo, username):
    with pytest.raises(PermissionDenied):
        group_setup.create_group(
            demo, actor(demo, username), name="x", facilitator_id=None, member_ids=[],
            start_date=clock.today())


def test_an_ended_group_is_read_only_for_its_facilitator(demo):
    group = demo_group(demo)
    group_setup.end_group(demo, actor(demo, "admin"), group, clock.today() - timedelta(days=1))
    with pytest.raises(PermissionDenied, match="ended"):
        group_sessions.plan(demo, actor(demo, "helen.carter"), group,
                            first=clock.today() + timedelta(days=7), at=time(10), venue="Room")
    assert group_sessions.listing(demo, actor(demo, "sam.taylor"), group)


def test_the_facilitator_plans_a_series_on_working_days(demo):
    group = demo_group(demo)
    first = workdays.on_or_after(clock.today() + timedelta(days=30))
    made = group_sessions.plan(demo, actor(demo, "helen.carter"), group, first=first,
                               at=time(13, 30), venue="Team room 2", count=3)
    rows = {s["id"]: s for s in group_sessions.listing(demo, actor(demo, "helen.carter"), group)}
    days = [group_sessions.starts(rows[i]).date() for i in made]
    assert days[0] == first and all(workdays.is_working_day(d) for d in days)
    assert all(27 <= (b - a).days <= 31 for a, b in zip(days, days[1:]))
    assert all(rows[i]["minutes"] == 90 for i in made)


@pytest.mark.parametrize("changes, field", [
    ({"first": None}, "on"), ({"at": time(22)}, "at"), ({"venue": ""}, "venue"),
    ({"count": 13}, "count"),
])
def test_planning_checks_its_input(demo, changes, field):
    args = dict(first=workdays.on_or_after(clock.today() + timedelta(days=3)), at=time(10),
                venue="Room", count=1)
    args.update(changes)
    with pytest.raises(ValidationError) as refused:
        group_sessions.plan(demo, actor(demo, "helen.carter"), demo_group(demo), **args)
    assert field in refused.value.errors


def test_the_facilitator_cancels_a_planned_session_with_a_reason(demo):
    helen = actor(demo, "helen.carter")
    planned = next(s for s in group_sessions.listing(demo, helen, demo_group(demo))
                   if s["status"] == "planned")
    with pytest.raises(ValidationError):
        group_sessions.cancel(demo, helen, planned["id"], "")
    with pytest.raises(PermissionDenied):
        group_sessions.cancel(demo, actor(demo, "sam.taylor"), planned["id"], "Ill")
    group_sessions.cancel(demo, helen, planned["id"], "Team training day")
    after = {s["id"]: s for s in group_sessions.listing(demo, helen, demo_group(demo))}
    assert after[planned["id"]]["status"] == "cancelled"
