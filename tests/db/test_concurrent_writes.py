"""Write transactions wait for each other: a transaction that reads first and
writes after must not be refused with "database is locked" because another
connection wrote meanwhile (a deferred BEGIN cannot upgrade its read lock)."""

import threading

import pytest
from concurrency_fixtures import run_together

import db as storage


def _open(path, shared_turns: bool):
    """A connection; without shared turns it behaves as one from another process
    would: only SQLite's own lock and busy timeout stand between the writers."""
    db = storage.connect(path)
    if not shared_turns:
        db.turns = None
    return db


def _tally(path):
    db = storage.connect(path)
    db.execute("CREATE TABLE IF NOT EXISTS tally (id INTEGER PRIMARY KEY, seen INTEGER)")
    return db


@pytest.mark.parametrize("shared_turns", [True, False], ids=["one process", "two processes"])
def test_two_read_then_write_transactions_at_once_both_land(tmp_path, shared_turns):
    path = tmp_path / "portal.db"
    _tally(path).conn.close()
    first_has_read = threading.Event()

    def first():
        db = _open(path, shared_turns)
        try:
            with db.atomic():
                seen = db.execute("SELECT count(*) FROM tally").fetchone()[0]
                first_has_read.set()
                threading.Event().wait(0.3)  # the second one reads and writes meanwhile
                db.execute("INSERT INTO tally (seen) VALUES (?)", [seen])
        finally:
            first_has_read.set()  # even when it failed, so the second does not wait
            db.conn.close()

    def second():
        db = _open(path, shared_turns)
        try:
            first_has_read.wait(5)
            with db.atomic():
                seen = db.execute("SELECT count(*) FROM tally").fetchone()[0]
                db.execute("INSERT INTO tally (seen) VALUES (?)", [seen])
        finally:
            db.conn.close()

    assert run_together([first, second], wait=15) == []
    db = storage.connect(path)
    # both landed, one after the other: each saw what the one before it wrote
    assert [r[0] for r in db.execute("SELECT seen FROM tally ORDER BY id")] == [0, 1]


@pytest.mark.parametrize("shared_turns", [True, False], ids=["one process", "many processes"])
def test_many_read_then_write_transactions_from_many_connections(tmp_path, shared_turns):
    path = tmp_path / "portal.db"
    _tally(path).conn.close()

    def writer():
        db = _open(path, shared_turns)
        try:
            for _ in range(15):
                with db.atomic():
                    seen = db.execute("SELECT count(*) FROM tally").fetchone()[0]
                    with db.atomic():  # a nested block is a savepoint
                        db.table("tally").insert({"seen": seen})
        finally:
            db.conn.close()

    assert run_together([writer] * 6, wait=60) == []
    db = storage.connect(path)
    # serialised: every transaction saw every one committed before it
    assert [r[0] for r in db.execute("SELECT seen FROM tally ORDER BY id")] == list(range(90))
