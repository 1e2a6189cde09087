"""The audit trail is append-only, in the database too: an UPDATE or DELETE of an
audit event is refused whoever runs it (migration m010), and no code path of db/
updates or deletes one."""

import re
import sqlite3
from pathlib import Path

import pytest
from upgrade_fixtures import schema_before

import db as storage
from core.admin import audit
from db.migrations import MIGRATIONS

ROOT = Path(__file__).resolve().parents[2]


def _one_event(db):
    with db.atomic():
        audit.record(db, None, "settings_changed", "settings", None, neglect_window=5)
    return db.execute("SELECT id FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()[0]


@pytest.mark.parametrize("sql", [
    "UPDATE audit_events SET action = 'nothing' WHERE id = ?",
    "UPDATE audit_events SET actor_id = NULL, detail = '{}' WHERE id = ?",
    "DELETE FROM audit_events WHERE id = ?",
])
def test_an_update_or_delete_is_refused(database, sql):
    event = _one_event(database)
    before = database.execute("SELECT * FROM audit_events WHERE id = ?", [event]).fetchone()
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        database.execute(sql, [event])
    assert database.execute("SELECT * FROM audit_events WHERE id = ?", [event]).fetchone() \
        == before


def test_a_raw_connection_is_refused_too(database, tmp_path):
    _one_event(database)
    raw = sqlite3.connect(tmp_path / "portal.db")
    with pytest.raises(sqlite3.IntegrityError):
        raw.execute("DELETE FROM audit_events")
    raw.close()
    assert database["audit_events"].count >= 1


def test_an_older_database_keeps_its_trail_and_becomes_append_only(tmp_path):
    """Upgrading from the schema before m010 keeps the events and adds the triggers."""
    path = tmp_path / "old.db"
    with schema_before(path, "m010_audit_append_only") as old:
        old.execute("INSERT INTO audit_events (at, action, entity) "
                    "VALUES ('2020-01-01T00:00:00+00:00', 'signed_in', 'user')")
        old.execute("UPDATE audit_events SET entity = 'user'")  # still allowed before m010
    new = storage.connect(path)
    assert MIGRATIONS.pending(new) == []
    assert new.execute("SELECT action FROM audit_events").fetchall() == [("signed_in",)]
    with pytest.raises(sqlite3.IntegrityError):
        new.execute("DELETE FROM audit_events")


def test_no_sql_in_db_updates_or_deletes_an_audit_event():
    """A grep over db/: the only statements naming audit_events outside the
    migration that guards it read it or insert into it."""
    offending = []
    for path in sorted((ROOT / "db").glob("*.py")):
        text = path.read_text()
        for match in re.finditer(r"(UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+audit_events"
                                 r"|\[\s*[\"']audit_events[\"']\s*\]\s*\.\s*"
                                 r"(update|delete|delete_where|upsert|upsert_all|drop)",
                                 text, re.IGNORECASE):
            line = text[:match.start()].count("\n") + 1
            offending.append(f"{path.name}:{line}")
    assert offending == []
