"""Backup and restore through the command line: a backup taken while people write
holds every write committed before it began and passes the integrity check once
restored; a restore checks the file first, refuses a database in use, and keeps
the database it replaces aside instead of deleting it."""

import sqlite3
import threading

import pytest
from reflection_fixtures import actor

import db as storage
from core import cli
from core.preparation import journal
from db.connection import upgrade
from db.migrations import MIGRATIONS

WRITERS = ["sam.taylor", "helen.carter", "priya.shah", "marcus.reid"]


def _run(*args) -> int:
    return cli.main([str(a) for a in args])


def _sql(path, sql: str) -> list[tuple]:
    """One statement on a database file, committed, outside the portal; its rows."""
    conn = sqlite3.connect(path)
    try:
        with conn:
            return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _integrity(path) -> list[str]:
    return [r[0] for r in _sql(path, "PRAGMA integrity_check")]


def test_a_backup_during_writes_restores_every_write_committed_before_it(demo, tmp_path):
    live = tmp_path / "demo.db"
    committed: list[int] = []
    lock, stop, errors = threading.Lock(), threading.Event(), []
    enough = threading.Semaphore(0)

    def write(username: str) -> None:
        db = storage.connect(live)
        me = actor(db, username)
        try:
            n = 0
            while not stop.is_set():
                n += 1
                entry = journal.save(db, me, None, title=f"{username} {n}", body="Note.")
                with lock:
                    committed.append(entry["id"])
                enough.release()
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            db.conn.close()

    threads = [threading.Thread(target=write, args=(u,)) for u in WRITERS]
    for t in threads:
        t.start()
    try:
        for _ in range(40):
            assert enough.acquire(timeout=30)
        with lock:
            before = set(committed)
        assert _run("--db", live, "backup", tmp_path / "backup.db") == 0
        for _ in range(20):  # the writes go on after the backup
            assert enough.acquire(timeout=30)
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert errors == []
    after = set(committed) - before
    assert len(before) >= 40 and after

    demo.conn.close()
    assert _run("--db", live, "restore", tmp_path / "backup.db") == 0
    assert _integrity(live) == ["ok"]
    restored = storage.connect(live)
    ids = {r[0] for r in restored.execute("SELECT id FROM journal_entries")}
    assert before <= ids
    assert restored.execute("SELECT count(*) FROM audit_events WHERE action = "
                            "'database_restored'").fetchone()[0] == 1
    # the database it replaced is kept aside, with every write, not deleted
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("demo.db.before-restore-")
             and not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1 and _integrity(aside[0]) == ["ok"]
    assert set(committed) <= {r[0] for r in _sql(aside[0], "SELECT id FROM journal_entries")}


def _refused(live, source, capsys) -> str:
    assert _run("--db", live, "restore", source) == 2
    return capsys.readouterr().err


@pytest.fixture
def live(database, tmp_path):
    database.execute("INSERT INTO settings (key, value) VALUES ('marker', '\"live\"')")
    database.conn.close()
    return tmp_path / "portal.db"


def _live_is_untouched(live, tmp_path):
    assert [p.name for p in tmp_path.iterdir() if "before-restore" in p.name] == []
    assert _sql(live, "SELECT value FROM settings WHERE key = 'marker'") == [('"live"',)]


def test_a_file_that_is_not_a_database_is_refused(live, tmp_path, capsys):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all " * 500)
    assert "not a database" in _refused(live, junk, capsys)
    assert "not a file" in _refused(live, tmp_path / "missing.db", capsys)
    _live_is_untouched(live, tmp_path)


def test_a_database_that_is_not_the_portals_is_refused(live, tmp_path, capsys):
    _sql(tmp_path / "other.db", "CREATE TABLE things (id INTEGER PRIMARY KEY)")
    assert "not a supervision portal database" in _refused(live, tmp_path / "other.db", capsys)
    _live_is_untouched(live, tmp_path)


def test_a_database_from_a_newer_portal_is_refused(live, tmp_path, capsys):
    storage.backup(storage.connect(live), tmp_path / "newer.db")
    _sql(tmp_path / "newer.db", "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
         "VALUES ('supervision', 'm999_from_the_future', '2030-01-01')")
    assert "newer version" in _refused(live, tmp_path / "newer.db", capsys)
    _live_is_untouched(live, tmp_path)


def test_a_damaged_backup_is_refused(live, tmp_path, capsys):
    storage.backup(storage.connect(live), tmp_path / "damaged.db")
    data = bytearray((tmp_path / "damaged.db").read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for offset in range(3 * page, len(data) - page, page):  # every page after the schema
        data[offset:offset + 64] = b"\xff" * 64
    (tmp_path / "damaged.db").write_bytes(bytes(data))
    assert "Not restored" in _refused(live, tmp_path / "damaged.db", capsys)
    _live_is_untouched(live, tmp_path)


def test_a_database_in_use_is_not_replaced(live, tmp_path, capsys):
    storage.backup(storage.connect(live), tmp_path / "good.db")
    busy = sqlite3.connect(live)
    busy.execute("BEGIN IMMEDIATE")
    try:
        assert "in use" in _refused(live, tmp_path / "good.db", capsys)
    finally:
        busy.rollback()
        busy.close()
    _live_is_untouched(live, tmp_path)


def test_a_backup_of_an_older_schema_is_upgraded_once_restored(live, tmp_path):
    old = storage.connect(tmp_path / "old.db", migrate=False)
    upgrade(old, stop_before=MIGRATIONS._migrations[-1].name)
    old.execute("INSERT INTO settings (key, value) VALUES ('marker', '\"old\"')")
    old.conn.close()
    assert _run("--db", live, "restore", tmp_path / "old.db") == 0
    storage.connection.forget_migrated()
    restored = storage.connect(live)
    assert MIGRATIONS.pending(restored) == []
    assert restored.execute("SELECT value FROM settings WHERE key = 'marker'").fetchone() \
        == ('"old"',)
