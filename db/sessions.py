"""The sessions table: planned formal sessions and what became of them."""

import json

from sqlite_utils import Database

from db.rows import first

_SELECT = """
    SELECT s.*, cb.name AS cancelled_by_name, c.version AS contract_version
    FROM sessions s
    LEFT JOIN users cb ON cb.id = s.cancelled_by
    LEFT JOIN contracts c ON c.id = s.contract_id
"""


def get(db: Database, session_id: int) -> dict | None:
    return first(db, _SELECT + " WHERE s.id = ?", [session_id])


def for_arrangement(db: Database, arrangement_id: int) -> list[dict]:
    """Every session of the arrangement, newest first."""
    return list(db.query(_SELECT + " WHERE s.arrangement_id = ? ORDER BY s.scheduled_at DESC",
                         [arrangement_id]))


def planned_from(db: Database, arrangement_id: int, from_stamp: str) -> list[dict]:
    """Planned sessions at or after a moment, soonest first."""
    return list(db.query(
        _SELECT + """ WHERE s.arrangement_id = ? AND s.status = 'planned'
                      AND s.scheduled_at >= ? ORDER BY s.scheduled_at""",
        [arrangement_id, from_stamp]))


def planned_between(db: Database, arrangement_id: int, start: str, end: str,
                    except_id: int | None = None) -> list[dict]:
    """Planned sessions with start <= scheduled_at < end (for double-booking checks)."""
    return list(db.query(
        """SELECT id, scheduled_at FROM sessions
           WHERE arrangement_id = ? AND status = 'planned'
             AND scheduled_at >= ? AND scheduled_at < ? AND id IS NOT ?""",
        [arrangement_id, start, end, except_id]))


def insert(db: Database, row: dict) -> int:
    return db["sessions"].insert(row).last_pk


def insert_many(db: Database, rows: list[dict]) -> None:
    db["sessions"].insert_all(rows, batch_size=500)


def next_id(db: Database) -> int:
    return db.execute("SELECT coalesce(max(id), 0) + 1 FROM sessions").fetchone()[0]


def update(db: Database, session_id: int, **fields) -> None:
    db["sessions"].update(session_id, fields)


def update_if_status(db: Database, session_id: int, expected: str, **fields) -> bool:
    """Change a session only if its status is still `expected`; True if it did."""
    names = ", ".join(f"{k} = :{k}" for k in fields)
    cursor = db.execute(f"UPDATE sessions SET {names} WHERE id = :_id AND status = :_expected",
                        {**fields, "_id": session_id, "_expected": expected})
    return cursor.rowcount == 1


def held_dates(db: Database, arrangement_ids: list[int], since: str | None = None) -> list[dict]:
    """For many arrangements at once, one row each: the dates of held sessions scheduled on
    or after `since` (comma-separated, unordered; all of them when `since` is None), the
    held date of the last one scheduled before it, and the last held date of all.

    One query whatever the number of arrangements; each part reads only the index range
    it needs, so ten years of history cost no more than one."""
    return list(db.query(
        """SELECT ids.value AS arrangement_id,
                  (SELECT group_concat(s.held_on) FROM sessions s
                   WHERE s.arrangement_id = ids.value AND s.status = 'held'
                     AND (:since IS NULL OR s.scheduled_at >= :since)) AS held,
                  (SELECT s.held_on FROM sessions s
                   WHERE s.arrangement_id = ids.value AND s.status = 'held'
                     AND s.scheduled_at < :since
                   ORDER BY s.scheduled_at DESC LIMIT 1) AS held_before
           FROM json_each(:ids) AS ids""",
        {"since": since, "ids": json.dumps(list(arrangement_ids))},
    ))


def last_held_many(db: Database, arrangement_ids: list[int]) -> dict[int, str]:
    """The last held date per arrangement, for many arrangements at once."""
    rows = db.execute(
        """SELECT arrangement_id, max(held_on) FROM sessions
           WHERE status = 'held' AND arrangement_id IN (SELECT value FROM json_each(?))
           GROUP BY arrangement_id""",
        [json.dumps(list(arrangement_ids))],
    ).fetchall()
    return {r[0]: r[1] for r in rows}


def first_of_chain(db: Database, session_id: int) -> tuple[int, int]:
    """The session a rescheduled one was first planned as, and how often it moved:
    (first id, moves). A session never moved is its own first, with 0 moves."""
    row = db.execute(
        """WITH RECURSIVE chain(id, moves) AS (
               SELECT ?, 0
               UNION ALL
               SELECT s.id, chain.moves + 1 FROM chain
               JOIN sessions s ON s.rescheduled_to = chain.id  -- set only when it moved
               WHERE chain.moves < 100)
           SELECT id, moves FROM chain ORDER BY moves DESC LIMIT 1""", [session_id]).fetchone()
    return row[0], row[1]
