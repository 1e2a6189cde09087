"""Opening the database: WAL, foreign keys, a busy timeout, migrations applied once.

A sqlite-utils Database may only be used on the thread that opened it, and
Streamlit reruns the script on a new thread, so callers open one connection
per script run (see ui/context.py) and never share it across threads.
"""

import os
import sqlite3
import threading
from pathlib import Path

from sqlite_utils import Database

from .migrations import MIGRATIONS

ROOT = Path(__file__).resolve().parent.parent
BUSY_TIMEOUT_MS = 5000

_migrated: set[str] = set()
_migrate_lock = threading.Lock()


def default_path() -> Path:
    """The database path: $SUPERVISION_DB, else data/supervision.db in the repo."""
    configured = os.environ.get("SUPERVISION_DB")
    return Path(configured) if configured else ROOT / "data" / "supervision.db"


def connect(path: str | Path | None = None, *, migrate: bool = True) -> Database:
    path = Path(path) if path else default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    db = Database(conn)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = NORMAL")
    if migrate:
        key = str(path.resolve())
        if key not in _migrated:
            with _migrate_lock:
                if key not in _migrated:
                    upgrade(db)
                    _migrated.add(key)
    return db


def upgrade(db: Database, *, stop_before: str | None = None) -> None:
    """Switch to WAL and apply pending migrations."""
    if db.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.enable_wal()
    MIGRATIONS.apply(db, stop_before=stop_before)


def forget_migrated() -> None:
    """For tests that delete and recreate a database file at the same path."""
    _migrated.clear()


def backup(db: Database, target: str | Path) -> Path:
    """A consistent copy of the live database (safe while the portal runs)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    copy = sqlite3.connect(str(target))
    with copy:
        db.conn.backup(copy)
    copy.close()
    return target
