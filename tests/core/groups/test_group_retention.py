"""Retention of group supervision: a group that ended longer ago than the retention
period is listed for review and purged, with everything of its own, only when an
admin confirms by typing PURGE; the purge is audited (ids and counts); a group
inside the period is refused, and only admins review or purge."""

from datetime import timedelta

import pytest
from group_fixtures import actor, demo_group

from core import clock
from core.errors import PermissionDenied, ValidationError
from core.groups import group_records, group_retention, group_sessions

GROUP_TABLES = ["group_members", "group_contracts", "group_sessions", "group_records",
                "group_actions", "group_attendance", "group_record_addenda", "groups"]


def _ended(db, group_id: int, years_ago: float) -> None:
    end = clock.today() - timedelta(days=int(years_ago * 365.25))
    db.execute("UPDATE groups SET end_date = ? WHERE id = ?", [end.isoformat(), group_id])


@pytest.fixture
def old(demo):
    """The demo group, with an addendum on an agreed record, ended 26 years ago."""
    helen = actor(demo, "helen.carter")
    agreed = next(s["id"] for s in group_sessions.listing(demo, helen, demo_group(demo))
                  if s["record_status"] == "agreed")
    group_records.add_addendum(demo, helen, agreed, "A correction")
    group = demo_group(demo)
    _ended(demo, group, 26)
    return group


def _counts(db) -> dict[str, int]:
    return {t: db[t].count for t in GROUP_TABLES}


def test_a_group_past_the_period_is_listed_and_purged_when_confirmed(demo, old):
    admin = actor(demo, "admin")
    assert [g["id"] for g in group_retention.past_retention(demo, admin)] == [old]
    with pytest.raises(ValidationError, match="Type PURGE"):
        group_retention.purge(demo, admin, [old], "purge please")
    assert all(_counts(demo).values())
    counts = group_retention.purge(demo, admin, [old], "PURGE")
    assert counts["records"] == 3 and counts["addenda"] == 1 and counts["groups"] == 1
    assert not any(_counts(demo).values())
    event = demo.execute("SELECT detail FROM audit_events WHERE action = 'groups_purged'"
                         ).fetchone()[0]
    assert "A correction" not in event and str(old) in event
    assert actor(demo, "sam.taylor")  # people stay


def test_a_group_inside_the_period_is_refused(demo):
    admin, group = actor(demo, "admin"), demo_group(demo)
    assert group_retention.past_retention(demo, admin) == []
    _ended(demo, group, 2)
    with pytest.raises(ValidationError, match="Not past the retention period"):
        group_retention.purge(demo, admin, [group], "PURGE")


def test_only_admins_review_or_purge(demo, old):
    for who in (actor(demo, u) for u in ("helen.carter", "priya.shah", "sam.taylor")):
        for attempt in (lambda: group_retention.past_retention(demo, who),
                        lambda: group_retention.purge(demo, who, [old], "PURGE")):
            with pytest.raises(PermissionDenied):
                attempt()
