"""Retention: arrangements ended longer ago than the retention period (a setting,
25 years by default) are listed for review, and purged only when an admin
confirms twice. The purge is audited and its event survives it; nothing else
deletes anything. Dates are relative to today, so this passes on any date."""

from datetime import timedelta

import pytest
from export_fixtures import PERFORMANCE_TEXT, agreed_record
from reflection_fixtures import actor, arrangement_id

from core import clock, records
from core.admin import retention
from core.admin import settings
from core.errors import PermissionDenied, ValidationError

YEAR = 366


def _ended(db, arrangement: int, years_ago: float) -> None:
    """Move an arrangement into the past: it ended that many years ago."""
    end = clock.today() - timedelta(days=int(years_ago * 365.25))
    db.execute("UPDATE arrangements SET start_date = ?, end_date = ? WHERE id = ?",
               [(end - timedelta(days=3 * YEAR)).isoformat(), end.isoformat(), arrangement])


@pytest.fixture
def old(demo):
    """Sam Taylor's line supervision with Helen Carter, full of records (an agreed
    one with items, a flagged item, an action, an addendum, reflections, a file
    audit notice), ended 26 years ago."""
    sid = agreed_record(demo)
    records.file_audit(demo, actor(demo, "priya.shah"), session_id=sid)
    arr = arrangement_id(demo, "sam.taylor", supervisor="helen.carter")
    _ended(demo, arr, 26)
    return arr


def _rows_of(db, arr: int) -> dict[str, int]:
    sessions = "(SELECT id FROM sessions WHERE arrangement_id = :a)"
    records_ = f"(SELECT id FROM records WHERE session_id IN {sessions})"
    queries = {
        "sessions": "SELECT count(*) FROM sessions WHERE arrangement_id = :a",
        "contracts": "SELECT count(*) FROM contracts WHERE arrangement_id = :a",
        "records": f"SELECT count(*) FROM records WHERE session_id IN {sessions}",
        "items": f"SELECT count(*) FROM agenda_items WHERE session_id IN {sessions}",
        "actions": "SELECT count(*) FROM actions WHERE arrangement_id = :a",
        "addenda": f"SELECT count(*) FROM addenda WHERE record_id IN {records_}",
        "reflections": f"SELECT count(*) FROM reflections WHERE session_id IN {sessions}",
        "notices": f"SELECT count(*) FROM notices WHERE session_id IN {sessions}",
        "arrangements": "SELECT count(*) FROM arrangements WHERE id = :a",
    }
    return {k: db.execute(q, {"a": arr}).fetchone()[0] for k, q in queries.items()}


def test_the_period_is_a_setting_of_25_years_by_default(demo):
    assert settings.value(demo, "retention_years") == 25
    today = clock.today()
    cutoff = retention.cutoff(demo)
    assert cutoff.year == today.year - 25 and cutoff.month == today.month
    assert cutoff.day in (today.day, 28)  # 29 February becomes the 28th


def test_only_arrangements_ended_before_the_period_are_listed(demo, old):
    """Current arrangements, and the demo's recently ended ones, stay off the list."""
    listed = retention.past_retention(demo, actor(demo, "admin"))
    assert [a["id"] for a in listed] == [old]
    assert listed[0]["sessions"] > 0 and listed[0]["records"] > 0
    assert listed[0]["supervisee_name"] == "Sam Taylor"


def test_an_arrangement_inside_the_period_is_not_listed_until_the_setting_shortens(demo):
    admin = actor(demo, "admin")
    arr = arrangement_id(demo, "sam.taylor", supervisor="helen.carter")
    _ended(demo, arr, 24)
    assert retention.past_retention(demo, admin) == []
    settings.update(demo, admin, {"retention_years": 20})
    assert [a["id"] for a in retention.past_retention(demo, admin)] == [arr]


def test_listing_deletes_nothing(demo, old):
    before = _rows_of(demo, old)
    retention.past_retention(demo, actor(demo, "admin"))
    assert _rows_of(demo, old) == before


@pytest.mark.parametrize("typed", ["", "purge", "yes", "PURGE!"])
def test_a_purge_needs_the_second_confirmation(demo, old, typed):
    events = demo["audit_events"].count
    before = _rows_of(demo, old)
    with pytest.raises(ValidationError) as error:
        retention.purge(demo, actor(demo, "admin"), [old], typed)
    assert "confirmation" in error.value.errors
    assert _rows_of(demo, old) == before and demo["audit_events"].count == events


def test_a_purge_removes_the_arrangement_and_all_its_records(demo, old):
    admin = actor(demo, "admin")
    before = _rows_of(demo, old)
    assert all(before[k] > 0 for k in ("sessions", "records", "items", "actions", "addenda",
                                       "reflections", "notices", "contracts"))
    people, journal = demo["users"].count, demo["journal_entries"].count
    others = demo.execute("SELECT count(*) FROM sessions WHERE arrangement_id <> ?",
                          [old]).fetchone()[0]
    trail_before = demo.execute("SELECT id, action FROM audit_events ORDER BY id").fetchall()

    counts = retention.purge(demo, admin, [old], "PURGE")

    assert all(n == 0 for n in _rows_of(demo, old).values())
    assert counts["records"] == before["records"] and counts["items"] == before["items"]
    assert counts["arrangements"] == 1
    assert demo["users"].count == people and demo["journal_entries"].count == journal
    assert demo.execute("SELECT count(*) FROM sessions").fetchone()[0] == others
    assert demo.execute("PRAGMA foreign_key_check").fetchall() == []
    # the trail keeps everything it had, and the purge itself, with ids and counts only
    trail_after = demo.execute("SELECT id, action FROM audit_events ORDER BY id").fetchall()
    assert trail_after[:len(trail_before)] == trail_before
    purged = demo.execute("SELECT actor_id, detail FROM audit_events "
                          "WHERE action = 'records_purged'").fetchall()
    assert len(purged) == 1 and purged[0][0] == admin.id
    assert f'"arrangement_ids": [{old}]' in purged[0][1]
    assert PERFORMANCE_TEXT not in purged[0][1]
    assert retention.past_retention(demo, admin) == []


def test_a_purge_refuses_an_arrangement_not_past_the_period(demo, old):
    admin = actor(demo, "admin")
    current = demo.execute("SELECT id FROM arrangements WHERE end_date IS NULL "
                           "AND id <> ?", [old]).fetchone()[0]
    before = _rows_of(demo, current)
    with pytest.raises(ValidationError) as error:
        retention.purge(demo, admin, [old, current], "PURGE")
    assert f"arrangement {current}" in error.value.errors["arrangements"]
    assert _rows_of(demo, current) == before and _rows_of(demo, old)["arrangements"] == 1
    assert demo["audit_events"].count_where("action = 'records_purged'") == 0


@pytest.mark.parametrize("username", ["sam.taylor", "helen.carter", "priya.shah"])
def test_only_admins_review_or_purge(demo, old, username):
    someone = actor(demo, username)
    with pytest.raises(PermissionDenied):
        retention.past_retention(demo, someone)
    with pytest.raises(PermissionDenied):
        retention.purge(demo, someone, [old], "PURGE")
    assert _rows_of(demo, old)["arrangements"] == 1


def test_the_cutoff_of_a_29_february(demo):
    from datetime import date

    assert retention.cutoff(demo, date(2028, 2, 29)) == date(2003, 2, 28)
    assert retention.cutoff(demo, date(2027, 3, 1)) == date(2002, 3, 1)
