"""The SQL behind the compliance views: record states, records waiting for a
signature, open and overdue actions, safeguarding flag counts; never any text.
And the fingerprint (migration m008) moving with records, actions and contracts."""

from datetime import date


import balance_fixtures as bf  # noqa: E402
import compliance_fixtures as cf  # noqa: E402

import db as storage  # noqa: E402
from db import aggregates, compliance  # noqa: E402
from db.connection import upgrade  # noqa: E402
from db.migrations import MIGRATIONS  # noqa: E402


def history(db):
    """Sam: three held sessions (one flagged, one with no record yet), one cancelled."""
    ids = bf.add(db, "sam.taylor", [
        bf.session(date(2026, 1, 5), bf.balanced(0), flagged=True),
        bf.session(date(2026, 2, 2), bf.balanced(0)),
        bf.session(date(2026, 2, 16), status="cancelled"),
        bf.session(date(2026, 3, 2), bf.balanced(0)),
    ])
    cf.record(db, ids[0], "agreed", shared=date(2026, 1, 7), supervisor_signed=date(2026, 1, 7),
              supervisee_signed=date(2026, 1, 9))
    cf.record(db, ids[1], "shared", shared=date(2026, 2, 20), supervisor_signed=date(2026, 2, 20))
    return ids


def words(rows) -> str:
    return " ".join(str(v) for r in rows for v in r.values())


def test_record_states_list_every_held_session_with_its_record_and_working_days(people_only):
    ids = history(people_only)
    sam = bf.arrangement_id(people_only, "sam.taylor")
    rows = compliance.record_states(people_only, [sam], since="2026-01-01", until="2026-12-31")
    assert [(r["session_id"], r["status"], r["share_within_days"]) for r in rows] == [
        (ids[0], "agreed", 5), (ids[1], "shared", 5), (ids[3], None, 5)]
    assert rows[1]["first_shared_at"].startswith("2026-02-20")
    assert compliance.record_states(people_only, [sam], since="2026-02-01",
                                    until="2026-02-28")[0]["session_id"] == ids[1]
    assert bf.PERFORMANCE_TEXT not in words(rows) and bf.SUPPORT_TEXT not in words(rows)


def test_records_waiting_for_a_signature_are_shared_or_disputed(people_only):
    ids = history(people_only)
    cf.record(people_only, ids[3], "disputed", shared=date(2026, 3, 3),
              supervisor_signed=date(2026, 3, 3))
    sam = bf.arrangement_id(people_only, "sam.taylor")
    rows = compliance.awaiting_signature(people_only, [sam])
    assert [(r["session_id"], r["status"]) for r in rows] == [(ids[1], "shared"),
                                                              (ids[3], "disputed")]
    assert rows[0]["supervisee_signed_at"] is None and rows[0]["supervisor_signed_at"]


def test_open_actions_are_counted_with_dates_but_never_their_description(people_only):
    sam = bf.arrangement_id(people_only, "sam.taylor")
    sam_id, helen = bf.user_id(people_only, "sam.taylor"), bf.user_id(people_only, "helen.carter")
    cf.action(people_only, sam, sam_id, date(2026, 1, 10))
    cf.action(people_only, sam, sam_id, date(2026, 2, 10))
    cf.action(people_only, sam, sam_id, date(2026, 9, 10))            # not due yet
    cf.action(people_only, sam, helen, date(2026, 1, 20))
    cf.action(people_only, sam, sam_id, date(2025, 1, 1), status="done")
    rows = compliance.open_actions(people_only, [sam], today="2026-03-01")
    assert [(r["owner_name"], r["open"], r["overdue"], r["oldest_due"]) for r in rows] == [
        ("Helen Carter", 1, 1, "2026-01-20"), ("Sam Taylor", 3, 2, "2026-01-10")]
    assert cf.ACTION_TEXT not in words(rows)
    chloe = bf.arrangement_id(people_only, "chloe.wright")
    assert compliance.open_actions(people_only, [chloe], today="2026-03-01") == []


def test_flagged_items_are_counted_in_the_period(people_only):
    history(people_only)
    sam = bf.arrangement_id(people_only, "sam.taylor")
    assert compliance.flagged_counts(people_only, [sam], since="2026-01-01",
                                     until="2026-12-31") == [{"arrangement_id": sam,
                                                              "flagged": 1}]
    assert compliance.flagged_counts(people_only, [sam], since="2026-02-01",
                                     until="2026-12-31") == []


def test_the_timeline_names_the_record_status(people_only):
    ids = history(people_only)
    sam = bf.arrangement_id(people_only, "sam.taylor")
    rows = aggregates.timeline(people_only, [sam], since="2026-01-01", until="2026-12-31")
    assert [(r["session_id"], r["record_status"]) for r in rows] == [
        (ids[0], "agreed"), (ids[1], "shared"), (ids[2], None), (ids[3], None)]


def test_the_fingerprint_moves_with_records_actions_and_contracts(people_only):
    db = people_only
    ids = history(db)
    sam = bf.arrangement_id(db, "sam.taylor")
    sam_id = bf.user_id(db, "sam.taylor")

    def moved(sql, args=()):
        old = aggregates.versions(db, [sam])
        db.execute(sql, list(args))
        return aggregates.versions(db, [sam]) != old

    record = db.execute("SELECT id FROM records WHERE session_id = ?", [ids[1]]).fetchone()[0]
    assert moved("UPDATE records SET supervisee_signed_at = 'x' WHERE id = ?", [record])
    assert moved("UPDATE records SET status = 'agreed' WHERE id = ?", [record])
    assert moved("UPDATE records SET first_shared_at = 'y' WHERE id = ?", [record])
    # Editing a record's text or revision leaves the cached figures alone.
    assert not moved("UPDATE records SET revision = revision + 1 WHERE id = ?", [record])
    old = aggregates.versions(db, [sam])
    cf.record(db, ids[3], "draft")
    assert aggregates.versions(db, [sam]) != old
    old = aggregates.versions(db, [sam])
    action = cf.action(db, sam, sam_id, date(2026, 1, 10))
    assert aggregates.versions(db, [sam]) != old
    assert moved("UPDATE actions SET due_date = '2026-05-01' WHERE id = ?", [action])
    assert moved("UPDATE actions SET status = 'done' WHERE id = ?", [action])
    assert not moved("UPDATE actions SET outcome = 'Sent them' WHERE id = ?", [action])
    assert not moved("UPDATE actions SET description = 'typo fixed' WHERE id = ?", [action])
    assert moved("UPDATE contracts SET share_within_days = 3 WHERE arrangement_id = ?", [sam])
    assert moved("UPDATE contracts SET cadence_weeks = 2 WHERE arrangement_id = ?", [sam])
    assert not moved("UPDATE contracts SET venue = 'Room 4' WHERE arrangement_id = ?", [sam])
    assert moved("DELETE FROM actions WHERE id = ?", [action])
    assert moved("DELETE FROM records WHERE id = ?", [record])


def test_a_database_at_the_previous_schema_upgrades_with_its_records_and_actions(tmp_path):
    """Made at the schema before the compliance triggers, filled, then upgraded."""
    path = tmp_path / "old.db"
    old = storage.connect(path, migrate=False)
    # Found by its name's end: the number may change when branches merge.
    mine = next(m.name for m in MIGRATIONS._migrations if m.name.endswith("_compliance_versions"))
    upgrade(old, stop_before=mine)
    assert not old.execute("SELECT 1 FROM sqlite_master WHERE name = 'records_version_update'"
                           ).fetchall()
    from core import clock
    from core.demo.people import load_people
    with old.atomic():
        load_people(old, clock.today())
    ids = history(old)
    sam = bf.arrangement_id(old, "sam.taylor")
    cf.action(old, sam, bf.user_id(old, "sam.taylor"), date(2026, 1, 10))
    before = aggregates.versions(old, [sam])
    old.conn.close()
    storage.connection.forget_migrated()

    new = storage.connect(path)
    assert MIGRATIONS.pending(new) == []
    assert aggregates.versions(new, [sam]) == before  # upgrading keeps the counters
    assert new["records"].count == 2 and new["actions"].count == 1
    assert [r["status"] for r in compliance.awaiting_signature(new, [sam])] == ["shared"]
    assert compliance.open_actions(new, [sam], today="2026-03-01")[0]["overdue"] == 1
    new.execute("UPDATE records SET status = 'agreed' WHERE session_id = ?", [ids[1]])
    assert aggregates.versions(new, [sam]) != before
