"""A save that cannot get the database in time says so in plain words (Busy,
a PortalError) and keeps nothing half-saved; sqlite3's "database is locked"
never reaches the caller."""

import os
import sqlite3
import time

import pytest
from reflection_fixtures import actor

import db as storage
from core.preparation import journal
from core.errors import Busy, PortalError
from db import connection

WRITER = "chloe.wright"
PLAIN = ("The portal is busy and could not save this just now. "
         "Your text is still here: try again in a moment.")


@pytest.fixture
def short_timeout(monkeypatch):
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)


@pytest.fixture
def held(demo):
    """Another connection holds the write lock until the test lets go."""
    holder = sqlite3.connect(os.environ["SUPERVISION_DB"], isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    yield holder
    holder.execute("ROLLBACK")
    holder.close()


def _audit_count(db) -> int:
    return db.execute("SELECT count(*) FROM audit_events").fetchone()[0]


def test_a_save_that_cannot_get_the_lock_in_time_says_so_and_keeps_nothing(
        demo, short_timeout, held):
    db = storage.connect(os.environ["SUPERVISION_DB"])
    writer = actor(db, WRITER)
    audits = _audit_count(db)
    started = time.monotonic()
    with pytest.raises(Busy) as refused:
        journal.save(db, writer, None, title="After the visit", body="The cold flat.")
    assert time.monotonic() - started < 3  # waited about the timeout, not forever
    assert isinstance(refused.value, PortalError)
    assert str(refused.value) == PLAIN
    assert "locked" not in str(refused.value)
    assert not db.conn.in_transaction
    assert journal.entries(db, writer) == [] and _audit_count(db) == audits
    held.execute("ROLLBACK")
    held.execute("BEGIN")  # the fixture ends it; the lock is free from here
    saved = journal.save(db, writer, None, title="After the visit", body="The cold flat.")
    assert [e["id"] for e in journal.entries(db, writer)] == [saved["id"]]
    assert _audit_count(db) == audits + 1


def test_a_single_statement_write_outside_a_transaction_is_busy_too(demo, short_timeout, held):
    db = storage.connect(os.environ["SUPERVISION_DB"])
    with pytest.raises(Busy):
        db.execute("UPDATE users SET name = name")
    assert not db.conn.in_transaction


def test_reads_go_on_while_another_connection_writes(demo, short_timeout, held):
    db = storage.connect(os.environ["SUPERVISION_DB"])
    writer = actor(db, WRITER)
    assert journal.entries(db, writer) == []


def test_a_writer_of_this_process_holding_its_turn_too_long_gives_busy(demo, short_timeout):
    import threading
    path = os.environ["SUPERVISION_DB"]
    holding, done = threading.Event(), threading.Event()

    def hold():
        other = storage.connect(path)
        with other.atomic():
            holding.set()
            done.wait(10)
        other.conn.close()

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert holding.wait(5)
        db = storage.connect(path)
        writer = actor(db, WRITER)
        with pytest.raises(Busy):
            journal.save(db, writer, None, body="Waiting my turn.")
        assert journal.entries(db, writer) == []
    finally:
        done.set()
        holder.join(10)
    journal.save(db, writer, None, body="My turn now.")
    assert [e["body"] for e in journal.entries(db, writer)] == ["My turn now."]
