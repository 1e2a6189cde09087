"""Opening the database: WAL, foreign keys, a busy timeout, migrations applied once.

A sqlite-utils Database may only be used on the thread that opened it, and
Streamlit reruns the script on a new thread, so callers open one connection
per script run (see ui/kit/context.py) and never share it across threads.

Writes under load: every transaction opened through `atomic()` (ours and the
ones sqlite-utils opens for insert, update, upsert, delete) starts with
`BEGIN IMMEDIATE`, so it takes the write lock first and waits for it up to the
busy timeout. A deferred `BEGIN` that reads first cannot upgrade its read lock
while another connection writes, and SQLite then refuses at once with
"database is locked", whatever the busy timeout. A write that still cannot get
the lock in time, or any other "locked"/"busy" refusal, reaches the caller as
`db.errors.Busy` (a PortalError in plain words), never as sqlite3's message.
"""

import contextlib
import os
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Generator, Iterable
from pathlib import Path

from sqlite_utils import Database

from .errors import Busy
from .migrations import MIGRATIONS

ROOT = Path(__file__).resolve().parent.parent
BUSY_TIMEOUT_MS = 5000
BEGIN_ATTEMPTS = 3  # a refusal that comes early (not after the wait) is tried again

_migrated: set[str] = set()
_migrate_lock = threading.Lock()


def default_path() -> Path:
    """The database path: $SUPERVISION_DB, else data/supervision.db in the repo."""
    configured = os.environ.get("SUPERVISION_DB")
    return Path(configured) if configured else ROOT / "data" / "supervision.db"


def is_busy(error: BaseException) -> bool:
    """Whether sqlite3 refused because another connection holds a lock."""
    if not isinstance(error, sqlite3.OperationalError):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    message = str(error).lower()
    return "locked" in message or "busy" in message


@contextlib.contextmanager
def _busy_as_portal_error() -> Generator[None, None, None]:
    try:
        yield
    except sqlite3.OperationalError as error:
        if is_busy(error):
            raise Busy() from error
        raise


class WriteTurns:
    """The writers of this process take turns, first come first served.

    SQLite's busy handler polls (sleeping up to 100 ms between tries), so under
    many writers a newcomer can take the lock again and again ahead of one that
    has waited: that one then runs out of time. Streamlit serves every browser
    from one process, so its writers queue here instead, in order, and each
    hands the turn straight to the next. Other processes (the CLI) still meet
    SQLite's own lock and busy timeout.
    """

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._held = False
        self._waiting: deque[threading.Event] = deque()

    def acquire(self, timeout: float) -> bool:
        with self._mutex:
            if not self._held:
                self._held = True
                return True
            mine = threading.Event()
            self._waiting.append(mine)
        if mine.wait(timeout):
            return True
        with self._mutex:
            if mine.is_set():  # handed over just as the time ran out
                return True
            self._waiting.remove(mine)
            return False

    def release(self) -> None:
        with self._mutex:
            if self._waiting:
                self._waiting.popleft().set()  # still held: it passes to the next in line
            else:
                self._held = False


_turns: dict[str, WriteTurns] = {}
_turns_lock = threading.Lock()


def _turns_for(path: Path) -> WriteTurns:
    key = str(path.resolve())
    with _turns_lock:
        return _turns.setdefault(key, WriteTurns())


_AUTOCOMMIT_WRITES = {"INSERT", "UPDATE", "DELETE", "REPLACE"}


class PortalDatabase(Database):
    """sqlite-utils' Database, with write transactions that wait for the write lock."""

    timeout_s: float = BUSY_TIMEOUT_MS / 1000
    turns: WriteTurns | None = None

    @contextlib.contextmanager
    def atomic(self) -> Generator["PortalDatabase", None, None]:
        """A write transaction (`BEGIN IMMEDIATE`); nested blocks are savepoints."""
        if self.conn.in_transaction:
            with _busy_as_portal_error(), super().atomic():
                yield self
            return
        with self._turn():
            self._begin_immediate()
            try:
                with _busy_as_portal_error():
                    yield self
            except BaseException:
                self.rollback()  # a no-op if the error already ended the transaction
                raise
            try:
                with _busy_as_portal_error():
                    self.conn.execute("COMMIT")
            except BaseException:
                self.rollback()
                raise

    @contextlib.contextmanager
    def _turn(self) -> Generator[None, None, None]:
        """This process's turn to write (see WriteTurns), or Busy after the timeout."""
        if self.turns is None:
            yield
            return
        if not self.turns.acquire(self.timeout_s):
            raise Busy()
        try:
            yield
        finally:
            self.turns.release()

    def begin(self) -> None:
        """Manual transactions take the write lock at once too (but not a turn)."""
        self._begin_immediate()

    def _begin_immediate(self) -> None:
        """Take the write lock, waiting up to the busy timeout. Nothing has been
        done yet, so a refusal that comes before the time is up is tried again
        (a few times); after that the caller gets Busy."""
        deadline = time.monotonic() + self.timeout_s
        for attempt in range(1, BEGIN_ATTEMPTS + 1):
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if not is_busy(error):
                    raise
                if attempt == BEGIN_ATTEMPTS or time.monotonic() >= deadline:
                    raise Busy() from error
            time.sleep(min(0.05 * attempt, max(0.0, deadline - time.monotonic())))

    def execute(self, sql, parameters=None) -> sqlite3.Cursor:
        """A single write outside a transaction waits for its turn too."""
        if not self.conn.in_transaction and _first_word(sql) in _AUTOCOMMIT_WRITES:
            with self._turn(), _busy_as_portal_error():
                return super().execute(sql, parameters)
        with _busy_as_portal_error():
            return super().execute(sql, parameters)

    def query(self, sql, params=None) -> Generator[dict, None, None]:
        with _busy_as_portal_error():
            rows = super().query(sql, params)
        return _rows_busy_as_portal_error(rows)


def _first_word(sql: str) -> str:
    words = sql.lstrip().split(None, 1)
    return words[0].upper() if words else ""


def _rows_busy_as_portal_error(rows: Iterable[dict]) -> Generator[dict, None, None]:
    with _busy_as_portal_error():
        yield from rows


def connect(path: str | Path | None = None, *, migrate: bool = True) -> PortalDatabase:
    path = Path(path) if path else default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    db = PortalDatabase(conn)
    db.timeout_s = BUSY_TIMEOUT_MS / 1000
    db.turns = _turns_for(path)
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


class RestoreRefused(Exception):
    """A backup that is not put in place, and why, in plain words."""


def check_backup(source: str | Path) -> list[str]:
    """Refuse a file that is not a sound portal database this code knows:
    it must pass `PRAGMA integrity_check` and carry only migrations of ours.
    Returns the migrations it has (an older schema is upgraded once restored)."""
    source = Path(source)
    if not source.is_file():
        raise RestoreRefused(f"{source} is not a file.")
    try:
        conn = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise RestoreRefused(f"{source} cannot be opened: {error}.") from error
    try:
        try:
            verdict = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as error:
            raise RestoreRefused(f"{source} is not a database: {error}.") from error
        if verdict != ["ok"]:
            raise RestoreRefused(f"{source} fails the integrity check: {'; '.join(verdict[:5])}.")
        if "_sqlite_migrations" not in tables or "audit_events" not in tables:
            raise RestoreRefused(f"{source} is not a supervision portal database.")
        applied = [r[0] for r in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id",
            [MIGRATIONS.name])]
    finally:
        conn.close()
    known = [m.name for m in MIGRATIONS._migrations]
    if not applied:
        raise RestoreRefused(f"{source} is not a supervision portal database.")
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise RestoreRefused(f"{source} was made by a newer version of the portal "
                             f"(schema {unknown[-1]}): upgrade the portal first.")
    return applied


def _in_use(path: Path) -> bool:
    """Whether another connection is reading or writing the database right now.
    (An idle connection cannot be seen: stop the portal before a restore.)"""
    conn = sqlite3.connect(str(path), timeout=0.1)
    try:
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        return bool(busy)
    except sqlite3.OperationalError as error:
        if is_busy(error):
            return True
        raise
    finally:
        conn.close()


def restore(path: str | Path | None, source: str | Path, *, aside_suffix: str) -> Path | None:
    """Put the backup `source` in place of the database at `path`.

    The backup is checked first (check_backup). The current database, if any,
    is not deleted: it is moved aside to `<name>.<aside_suffix>` (with its -wal
    and -shm files, after a checkpoint), and put back if the copy fails.
    Refused while another connection is using the database. Returns where the
    old database went (None if there was none)."""
    path = Path(path) if path else default_path()
    source = Path(source)
    check_backup(source)
    if path.exists() and source.resolve() == path.resolve():
        raise RestoreRefused("The backup is the live database itself.")
    aside = None
    if path.exists():
        if _in_use(path):
            raise RestoreRefused("The database is in use: stop the portal, then restore.")
        aside = path.with_name(f"{path.name}.{aside_suffix}")
        if aside.exists():
            raise RestoreRefused(f"{aside} already exists.")
        path.rename(aside)
        for extra in ("-wal", "-shm"):
            side = path.with_name(path.name + extra)
            if side.exists():
                side.rename(aside.with_name(aside.name + extra))
    try:
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        dst = sqlite3.connect(str(path))
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
    except BaseException:
        for extra in ("", "-wal", "-shm"):
            left = path.with_name(path.name + extra)
            if left.exists():
                left.unlink()
        if aside is not None:
            aside.rename(path)
            for extra in ("-wal", "-shm"):
                side = aside.with_name(aside.name + extra)
                if side.exists():
                    side.rename(path.with_name(path.name + extra))
        raise
    _migrated.discard(str(path.resolve()))
    return aside
