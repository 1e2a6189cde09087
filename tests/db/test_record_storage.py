"""Record storage: conditional writes that say whether they happened, the
notices table, and records kept through the upgrade to it."""

import pytest
from record_fixtures import actor, opened
from upgrade_fixtures import schema_before

import db as storage
from db import records as table


def test_item_writes_happen_only_at_the_expected_revision(demo):
    sid, _view = opened(demo)
    item = table.insert_item(demo, {"session_id": sid, "position": 0, "source": "supervisor",
                                    "title": "x", "function": "support", "created_at": "t",
                                    "updated_at": "t"})
    assert table.update_item(demo, item, 0, discussion="one", updated_at="t1")
    assert not table.update_item(demo, item, 0, discussion="two", updated_at="t2")
    row = table.item(demo, item)
    assert (row["discussion"], row["revision"], row["record_status"]) == ("one", 1, "draft")


def test_record_updates_check_status_and_revision(demo):
    sid, view = opened(demo)
    record_id, revision = view.record["id"], view.record["revision"]
    assert not table.update_if(demo, record_id, ("shared",), None, status="agreed")
    assert not table.update_if(demo, record_id, ("draft",), revision + 5, status="shared")
    assert table.update_if(demo, record_id, ("draft",), revision, status="shared")
    assert table.for_session(demo, sid)["revision"] == revision + 1


def test_one_record_per_session(demo):
    sid, _view = opened(demo)
    import sqlite3
    with pytest.raises(sqlite3.IntegrityError):
        table.insert(demo, {"session_id": sid, "created_at": "t", "updated_at": "t"})


def test_summaries_count_minutes_per_function_without_text(demo):
    helen = actor(demo, "helen.carter")
    from core import records

    sid, _view = opened(demo)
    for function, minutes in (("support", 10), ("support", 5), ("development", 7)):
        item = records.add_item(demo, helen, sid, title="t", function=function)
        records.save_item(demo, helen, item, {"minutes": minutes, "discussion": "secret"}, 0)
    row = next(r for r in table.summaries(demo, [_view.arrangement_id])
               if r["session_id"] == sid)
    assert row["minutes"]["support"] == 15 and row["minutes"]["development"] == 7
    assert "secret" not in str(row)


def test_upgrading_to_notices_keeps_records(tmp_path):
    path = tmp_path / "old.db"
    with schema_before(path, "m007_notices") as old:
        old.execute("INSERT INTO users (id, username, name, password_hash, created_at) "
                    "VALUES (1, 'a', 'A', 'x', 't'), (2, 'b', 'B', 'x', 't')")
        old.execute("INSERT INTO arrangements (id, supervisor_id, supervisee_id, kind, "
                    "start_date, created_at) VALUES (1, 1, 2, 'line', '2025-01-01', 't')")
        old.execute("INSERT INTO contracts (id, arrangement_id, version, start_date, "
                    "review_date, created_at, updated_at) "
                    "VALUES (1, 1, 1, '2025-01-01', '2026-01-01', 't', 't')")
        old.execute("INSERT INTO sessions (id, arrangement_id, contract_id, scheduled_at, "
                    "planned_minutes, created_at, updated_at) "
                    "VALUES (1, 1, 1, '2025-02-01', 90, 't', 't')")
        old.execute("INSERT INTO records (session_id, created_at, updated_at) "
                    "VALUES (1, 't', 't')")
    new = storage.connect(path)
    assert new["records"].count == 1 and new["notices"].count == 0
