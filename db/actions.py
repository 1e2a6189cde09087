"""The actions table: what someone agreed to do, until it is done or dropped."""

from sqlite_utils import Database

from db.rows import first

_SELECT = """
    SELECT x.*, o.name AS owner_name, s.scheduled_at AS session_scheduled_at
    FROM actions x
    JOIN users o ON o.id = x.owner_id
    LEFT JOIN sessions s ON s.id = x.session_id
"""


def get(db: Database, action_id: int) -> dict | None:
    return first(db, _SELECT + " WHERE x.id = ?", [action_id])


def open_for_arrangement(db: Database, arrangement_id: int) -> list[dict]:
    return list(db.query(
        _SELECT + " WHERE x.arrangement_id = ? AND x.status = 'open' ORDER BY x.due_date, x.id",
        [arrangement_id]))


def insert(db: Database, row: dict) -> int:
    return db["actions"].insert(row).last_pk


def close(db: Database, action_id: int, *, status: str, outcome: str, by: int, at: str) -> bool:
    """Close an open action; False when it was no longer open."""
    cursor = db.execute(
        """UPDATE actions SET status = ?, outcome = ?, closed_by = ?, closed_at = ?,
                  updated_at = ? WHERE id = ? AND status = 'open'""",
        [status, outcome, by, at, at, action_id])
    return cursor.rowcount == 1
