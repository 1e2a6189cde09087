"""Many writers at once through core/: nothing acknowledged is lost, and
"database is locked" never reaches a caller.

    .venv/bin/python bench/load_writes.py [--threads 50] [--seconds 60] [--db PATH]

Loads the demo organisation into a fresh WAL database (a temporary one unless
--db is given), gives every thread a planned session of its own (a supervisee's
reflection draft and the supervisor's draft record with one item), then each
thread, on its own connection, saves in turn as fast as it can until the time
is up: a reflection field, a record item, a new journal entry, a new action.
Afterwards it reads the database afresh and checks every acknowledged write:
new rows exist with their text, and each autosaved field holds the last value
acknowledged and has one audit event per acknowledged save.

Prints writes per second, the median, 95th-percentile and slowest save, the
writes refused in plain words (Busy), the locked errors that reached a caller
(must be 0) and the acknowledged writes that are missing (must be 0).
"""

import argparse
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import db as storage  # noqa: E402
from core import clock, records  # noqa: E402
from core.preparation import journal
from core.preparation import reflections
from core.demo import load as load_demo  # noqa: E402
from core.errors import Busy, PortalError  # noqa: E402
from core.access.roles import load_actor  # noqa: E402
from db import reflections as reflection_table  # noqa: E402

KINDS = ("reflection", "record_item", "journal", "action")
MAX_WRITES_PER_THREAD = 100_000  # loops are bounded in count as well as in time


@dataclass
class Lane:
    """What one thread owns: a planned session, as its supervisee and its supervisor."""
    supervisee: str
    supervisor: str
    session_id: int
    reflection_id: int
    item_id: int
    item_revision: int = 0
    reflection_note: str = ""
    saves: dict = field(default_factory=lambda: {k: 0 for k in KINDS})
    journal_ids: dict = field(default_factory=dict)   # id -> body
    action_ids: dict = field(default_factory=dict)    # id -> description
    item_text: str = ""
    timings: list = field(default_factory=list)       # seconds per acknowledged save
    busy: int = 0
    locked: list = field(default_factory=list)        # raw sqlite3 errors that reached us
    other: list = field(default_factory=list)


def _line_pairs(db) -> list[tuple[str, str, int, int]]:
    """(supervisee, supervisor, arrangement id, contract id) of every current line
    arrangement that has a contract both have signed."""
    return [(r["supervisee"], r["supervisor"], r["arrangement_id"], r["contract_id"])
            for r in db.query("""
        SELECT se.username AS supervisee, sr.username AS supervisor,
               a.id AS arrangement_id, max(c.id) AS contract_id
          FROM arrangements a
          JOIN users se ON se.id = a.supervisee_id JOIN users sr ON sr.id = a.supervisor_id
          JOIN contracts c ON c.arrangement_id = a.id
               AND c.supervisor_signed_at IS NOT NULL AND c.supervisee_signed_at IS NOT NULL
         WHERE a.kind = 'line' AND (a.end_date IS NULL OR a.end_date >= ?)
         GROUP BY a.id ORDER BY a.id""", [clock.today().isoformat()])]


def _planned_session(db, arrangement_id: int, contract_id: int, days_ahead: int) -> int:
    local = datetime.combine(clock.today() + timedelta(days=days_ahead), clock_time(9, 30),
                             tzinfo=clock.LONDON)
    now = clock.stamp()
    return reflection_table.insert_session(db, {
        "arrangement_id": arrangement_id, "contract_id": contract_id,
        "scheduled_at": clock.stamp(local), "planned_minutes": 60, "venue": "Load test",
        "status": "planned", "created_at": now, "updated_at": now})


def prepare(path: Path, threads: int) -> list[Lane]:
    """The demo organisation and one lane per thread (done before the clock starts)."""
    db = storage.connect(path)
    if not db.execute("SELECT count(*) FROM users").fetchone()[0]:
        with db.atomic():
            load_demo(db)
    pairs = _line_pairs(db)
    lanes = []
    for n in range(threads):
        supervisee, supervisor, arrangement_id, contract_id = pairs[n % len(pairs)]
        sid = _planned_session(db, arrangement_id, contract_id, 200 + n)
        draft = reflections.open_draft(db, load_actor(db, supervisee), sid)
        boss = load_actor(db, supervisor)
        records.open_session(db, boss, sid)
        item = records.add_item(db, boss, sid, title=f"Load test item {n}",
                                function="development")
        lanes.append(Lane(supervisee, supervisor, sid, draft["id"], item,
                          reflection_note=draft["wellbeing"]["note"]))
    db.conn.close()
    return lanes


def _save(db, lane: Lane, kind: str, text: str, people: tuple) -> None:
    supervisee, supervisor = people
    if kind == "reflection":
        reflections.save_field(db, supervisee, lane.reflection_id, "wellbeing.note", text,
                               was=lane.reflection_note)
        lane.reflection_note = text
    elif kind == "record_item":
        saved = records.save_item(db, supervisor, lane.item_id, {"discussion": text},
                                  lane.item_revision)
        lane.item_revision, lane.item_text = saved["revision"], text
    elif kind == "journal":
        entry = journal.save(db, supervisee, None, title="Load test", body=text)
        lane.journal_ids[entry["id"]] = text
    else:
        action_id = records.add_action(db, supervisor, lane.item_id, owner_id=supervisee.id,
                                       description=text,
                                       due_date=clock.today() + timedelta(days=300))
        lane.action_ids[action_id] = text


def _drive(path: Path, number: int, lane: Lane, start: threading.Event, stop_at: list,
           pace: float) -> None:
    db = storage.connect(path)
    people = (load_actor(db, lane.supervisee), load_actor(db, lane.supervisor))
    start.wait()
    try:
        for n in range(MAX_WRITES_PER_THREAD):
            if time.monotonic() >= stop_at[0]:
                break
            kind = KINDS[n % len(KINDS)]
            text = f"lane {number} write {n}: {kind}"
            began = time.perf_counter()
            try:
                _save(db, lane, kind, text, people)
            except Busy:
                lane.busy += 1
            except sqlite3.OperationalError as error:
                if "locked" in str(error) or "busy" in str(error):
                    lane.locked.append(repr(error))
                else:
                    lane.other.append(repr(error))
            except PortalError as error:
                lane.other.append(repr(error))
            else:
                lane.timings.append(time.perf_counter() - began)
                lane.saves[kind] += 1
            if pace:
                time.sleep(pace)
    finally:
        db.conn.close()


def verify(path: Path, lanes: list[Lane]) -> list[str]:
    """Every acknowledged write, looked for on a fresh connection: what is missing."""
    db = storage.connect(path)
    missing = []

    def audits(action: str, entity_id: int) -> int:
        return db.execute("SELECT count(*) FROM audit_events WHERE action = ? AND entity_id = ?",
                          [action, entity_id]).fetchone()[0]

    for number, lane in enumerate(lanes):
        row = reflection_table.get(db, lane.reflection_id)
        if row["wellbeing_note"] != lane.reflection_note:
            missing.append(f"lane {number}: reflection holds {row['wellbeing_note']!r}")
        if audits("reflection_saved", lane.reflection_id) != lane.saves["reflection"]:
            missing.append(f"lane {number}: reflection saves audited "
                           f"{audits('reflection_saved', lane.reflection_id)}, "
                           f"acknowledged {lane.saves['reflection']}")
        item = db.execute("SELECT discussion, revision FROM agenda_items WHERE id = ?",
                          [lane.item_id]).fetchone()
        if item[0] != lane.item_text or item[1] != lane.saves["record_item"]:
            missing.append(f"lane {number}: item at revision {item[1]}, "
                           f"acknowledged {lane.saves['record_item']}")
        for table, column, kept in (("journal_entries", "body", lane.journal_ids),
                                    ("actions", "description", lane.action_ids)):
            found = dict(db.execute(
                f"SELECT id, {column} FROM {table} WHERE id IN "
                f"(SELECT value FROM json_each(?))", [str(list(kept))]).fetchall())
            missing += [f"lane {number}: {table} {i} missing or changed"
                        for i, text in kept.items() if found.get(i) != text]
    db.conn.close()
    return missing


def run(path: Path, threads: int = 50, seconds: float = 60, pace: float = 0.0,
        lanes: list[Lane] | None = None) -> dict:
    """Prepare (unless `lanes` were prepared already), drive, then verify."""
    lanes = prepare(path, threads) if lanes is None else lanes
    threads = len(lanes)
    start, stop_at = threading.Event(), [0.0]
    workers = [threading.Thread(target=_drive, args=(path, n, lane, start, stop_at, pace),
                                name=f"writer-{n}") for n, lane in enumerate(lanes)]
    for worker in workers:
        worker.start()
    began = time.monotonic()
    stop_at[0] = began + seconds
    start.set()
    for worker in workers:
        worker.join(seconds + 120)
    elapsed = time.monotonic() - began
    timings = sorted(t for lane in lanes for t in lane.timings)
    acknowledged = len(timings)
    return {
        "threads": threads, "seconds": round(elapsed, 1),
        "acknowledged": acknowledged,
        "by_kind": {k: sum(lane.saves[k] for lane in lanes) for k in KINDS},
        "writes_per_second": round(acknowledged / elapsed, 1),
        "median_ms": round(statistics.median(timings) * 1000, 1) if timings else None,
        "p95_ms": round(timings[int(0.95 * (len(timings) - 1))] * 1000, 1) if timings else None,
        "max_ms": round(timings[-1] * 1000, 1) if timings else None,
        "busy": sum(lane.busy for lane in lanes),
        "locked_surfaced": sum(len(lane.locked) for lane in lanes),
        "other_errors": [e for lane in lanes for e in lane.other][:10],
        "lost": verify(path, lanes),
        "stuck_threads": sum(worker.is_alive() for worker in workers),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--pace", type=float, default=0.0,
                        help="seconds each thread waits between writes (default: none)")
    parser.add_argument("--db", type=Path, help="database file (default: a temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        path = args.db or Path(scratch) / "load.db"
        result = run(path, args.threads, args.seconds, args.pace)
    for key, value in result.items():
        print(f"{key:>18}: {len(value) if key == 'lost' else value}")
    for line in result["lost"][:20]:
        print("  lost:", line)
    ok = not result["lost"] and not result["locked_surfaced"] and not result["stuck_threads"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
