"""Reminders by email: who was sent what and when (never the content), each
person's opt-outs, and the few reads the reminder rules need that no other
table module has."""

import json

from sqlite_utils import Database

from db.rows import first

_SEND_COLUMNS = ("id, key, kind, thing, user_id, status, attempts, claimed_by, claimed_at, "
                 "sent_at, error_class, next_attempt_at, created_at, updated_at")


# ---------------------------------------------------------------- sends

def send(db: Database, key: str) -> dict | None:
    return first(db, f"SELECT {_SEND_COLUMNS} FROM reminder_sends WHERE key = ?", [key])


def sent_keys(db: Database, keys: list[str]) -> set[str]:
    """Of these keys, the ones whose email has gone."""
    if not keys:
        return set()
    return {r[0] for r in db.execute(
        "SELECT key FROM reminder_sends WHERE status = 'sent' "
        "AND key IN (SELECT value FROM json_each(?))", [json.dumps(keys)]).fetchall()}


def insert_send(db: Database, row: dict) -> int:
    return db["reminder_sends"].insert(row).last_pk


def update_send(db: Database, key: str, **fields) -> None:
    names = ", ".join(f"{k} = :{k}" for k in fields)
    db.execute(f"UPDATE reminder_sends SET {names} WHERE key = :_key", {**fields, "_key": key})


def recent_sends(db: Database, limit: int) -> list[dict]:
    """The latest sends and failures, newest first, with the person's name."""
    return list(db.query(
        """SELECT s.kind, s.status, s.attempts, s.sent_at, s.error_class, s.next_attempt_at,
                  s.updated_at, u.name AS user_name, u.username
           FROM reminder_sends s JOIN users u ON u.id = s.user_id
           ORDER BY s.updated_at DESC, s.id DESC LIMIT ?""", [limit]))


def counts_by_status(db: Database) -> dict[str, int]:
    return {r[0]: r[1] for r in db.execute(
        "SELECT status, count(*) FROM reminder_sends GROUP BY status").fetchall()}


# ---------------------------------------------------------------- opt-outs

def opted_out(db: Database, user_id: int) -> set[str]:
    return {r[0] for r in db.execute(
        "SELECT kind FROM reminder_opt_outs WHERE user_id = ?", [user_id]).fetchall()}


def replace_opt_outs(db: Database, user_id: int, kinds: list[str], stamp: str) -> None:
    db.execute("DELETE FROM reminder_opt_outs WHERE user_id = ?", [user_id])
    for kind in kinds:
        db.execute("INSERT INTO reminder_opt_outs (user_id, kind, created_at) VALUES (?, ?, ?)",
                   [user_id, kind, stamp])


# ---------------------------------------------------------------- what may be due

def people_with_email(db: Database) -> list[dict]:
    """Active people with an email address: the only ones a reminder can reach."""
    return list(db.query(
        "SELECT id, username, name, email, is_admin, must_change_password FROM users "
        "WHERE active = 1 AND trim(email) <> '' ORDER BY id"))


_SESSION_PEOPLE = """
    SELECT s.id, s.arrangement_id, s.scheduled_at, s.planned_minutes, s.status,
           a.kind, a.supervisor_id, a.supervisee_id,
           sr.name AS supervisor_name, sr.email AS supervisor_email,
           se.name AS supervisee_name, se.email AS supervisee_email
    FROM sessions s JOIN arrangements a ON a.id = s.arrangement_id
    JOIN users sr ON sr.id = a.supervisor_id JOIN users se ON se.id = a.supervisee_id
"""


def session_with_people(db: Database, session_id: int) -> dict | None:
    return first(db, _SESSION_PEOPLE + " WHERE s.id = ?", [session_id])


def planned_sessions_from(db: Database, from_stamp: str) -> list[dict]:
    """Planned sessions at or after a moment, with both people."""
    return list(db.query(
        _SESSION_PEOPLE + """ WHERE s.status = 'planned' AND s.scheduled_at >= ?
                              ORDER BY s.scheduled_at""", [from_stamp]))


def cancelled_sessions_since(db: Database, since_stamp: str, from_stamp: str) -> list[dict]:
    """Sessions cancelled since a moment that were to take place after another."""
    return list(db.query(
        _SESSION_PEOPLE + """ WHERE s.status = 'cancelled' AND s.updated_at >= ?
                              AND s.scheduled_at >= ? ORDER BY s.scheduled_at""",
        [since_stamp, from_stamp]))


def open_actions_due_by(db: Database, owner_id: int, by_day: str) -> list[dict]:
    """The owner's open actions due on or before a day (overdue ones included)."""
    return list(db.query(
        """SELECT x.id, x.arrangement_id, x.due_date, a.supervisor_id, a.supervisee_id,
                  sr.name AS supervisor_name, se.name AS supervisee_name
           FROM actions x JOIN arrangements a ON a.id = x.arrangement_id
           JOIN users sr ON sr.id = a.supervisor_id JOIN users se ON se.id = a.supervisee_id
           WHERE x.owner_id = ? AND x.status = 'open' AND x.due_date <= ?
           ORDER BY x.due_date, x.id""", [owner_id, by_day]))
