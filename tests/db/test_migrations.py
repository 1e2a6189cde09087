"""Storage: WAL, foreign keys, a busy timeout, and upgrades that keep data."""

import sqlite3

import pytest
from upgrade_fixtures import schema_before

import db as storage
from db.migrations import MIGRATIONS


def test_a_new_database_is_fully_migrated_with_wal_and_foreign_keys(tmp_path):
    database = storage.connect(tmp_path / "new.db")
    assert MIGRATIONS.pending(database) == []
    assert database.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert database.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_the_database_goes_where_the_environment_says(tmp_path, monkeypatch):
    monkeypatch.setenv("SUPERVISION_DB", str(tmp_path / "elsewhere" / "portal.db"))
    storage.connect()
    assert (tmp_path / "elsewhere" / "portal.db").exists()


def test_foreign_keys_are_enforced(tmp_path):
    database = storage.connect(tmp_path / "fk.db")
    with pytest.raises(sqlite3.IntegrityError):
        database.execute(
            "INSERT INTO arrangements (supervisor_id, supervisee_id, kind, start_date, created_at)"
            " VALUES (98, 99, 'line', '2026-01-01', 'now')")


def test_a_person_cannot_supervise_themself_even_in_sql(demo):
    with pytest.raises(sqlite3.IntegrityError):
        demo.execute(
            "INSERT INTO arrangements (supervisor_id, supervisee_id, kind, start_date, created_at)"
            " VALUES (1, 1, 'line', '2026-01-01', 'now')")


@pytest.mark.parametrize("index", range(1, len(MIGRATIONS._migrations)))
def test_upgrading_from_each_earlier_schema_keeps_the_data(tmp_path, index):
    """Make a database at an earlier schema, fill it, then upgrade it."""
    stop = MIGRATIONS._migrations[index].name
    path = tmp_path / "old.db"
    with schema_before(path, stop) as old:
        old.execute("INSERT INTO users (username, name, password_hash, created_at) "
                    "VALUES ('kept.person', 'Kept Person', 'x', '2025-01-01T00:00:00+00:00')")
        old.execute("INSERT INTO settings (key, value) VALUES ('kept', '1')")
    new = storage.connect(path)
    assert MIGRATIONS.pending(new) == []
    assert new["users"].count == 1
    assert new.execute("SELECT name FROM users").fetchone()[0] == "Kept Person"
    assert new.execute("SELECT value FROM settings WHERE key = 'kept'").fetchone()[0] == "1"


def test_two_connections_can_write_without_locking_each_other_out(tmp_path):
    first = storage.connect(tmp_path / "busy.db")
    second = storage.connect(tmp_path / "busy.db")
    with first.atomic():
        first.execute("INSERT INTO settings (key, value) VALUES ('a', '1')")
    second.execute("INSERT INTO settings (key, value) VALUES ('b', '2')")
    assert first["settings"].count == 2


def test_backup_while_open_copies_everything(demo, tmp_path):
    target = storage.backup(demo, tmp_path / "backups" / "copy.db")
    copy = storage.connect(target)
    assert copy["users"].count == demo["users"].count > 0
