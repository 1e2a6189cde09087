"""Group supervision: groups and their members, the group's contract, planned
sessions, and the record of each held session (attendance, actions)."""

import json

from sqlite_utils import Database

from db import retention
from db.rows import first

_GROUP = """
    SELECT g.*, f.name AS facilitator_name FROM groups g
    JOIN users f ON f.id = g.facilitator_id
"""


# ---------------------------------------------------------------- groups and members

def insert_group(db: Database, row: dict, member_ids: list[int]) -> int:
    group_id = db["groups"].insert(row).last_pk
    db["group_members"].insert_all(
        [{"group_id": group_id, "user_id": m, "joined_on": row["start_date"]}
         for m in member_ids])
    return group_id


def get(db: Database, group_id: int) -> dict | None:
    return first(db, _GROUP + " WHERE g.id = ?", [group_id])


def listing(db: Database) -> list[dict]:
    return list(db.query(_GROUP + " ORDER BY g.end_date IS NOT NULL, g.name, g.id"))


def update_group(db: Database, group_id: int, **fields) -> None:
    db["groups"].update(group_id, fields)


def members(db: Database, group_id: int) -> list[dict]:
    return list(db.query(
        "SELECT m.*, u.name, u.team_id FROM group_members m JOIN users u ON u.id = m.user_id "
        "WHERE m.group_id = ? ORDER BY u.name", [group_id]))


def member(db: Database, group_id: int, user_id: int) -> dict | None:
    return first(db, "SELECT * FROM group_members WHERE group_id = ? AND user_id = ?",
                 [group_id, user_id])


def add_member(db: Database, group_id: int, user_id: int, joined_on: str) -> None:
    db["group_members"].insert({"group_id": group_id, "user_id": user_id,
                                "joined_on": joined_on})


def set_left(db: Database, group_id: int, user_id: int, left_on: str) -> bool:
    """Record the day a current member left; False if they had left already."""
    return db.execute("UPDATE group_members SET left_on = ? WHERE group_id = ? AND user_id = ? "
                      "AND left_on IS NULL", [left_on, group_id, user_id]).rowcount == 1


def of_person(db: Database, user_id: int) -> list[dict]:
    """Groups a person facilitates or is (or was) a member of."""
    return list(db.query(
        _GROUP + " WHERE g.facilitator_id = :u OR g.id IN "
        "(SELECT group_id FROM group_members WHERE user_id = :u) ORDER BY g.name, g.id",
        {"u": user_id}))


# ---------------------------------------------------------------- the contract

def contracts(db: Database, group_id: int) -> list[dict]:
    """Every version, newest first, each with who signed it and when."""
    rows = list(db.query("SELECT * FROM group_contracts WHERE group_id = ? "
                         "ORDER BY version DESC", [group_id]))
    for row in rows:
        row["signatures"] = {r["user_id"]: r["signed_at"] for r in db.query(
            "SELECT user_id, signed_at FROM group_contract_signatures WHERE contract_id = ?",
            [row["id"]])}
    return rows


def insert_contract(db: Database, row: dict) -> int:
    version = db.execute("SELECT coalesce(max(version), 0) + 1 FROM group_contracts "
                         "WHERE group_id = ?", [row["group_id"]]).fetchone()[0]
    return db["group_contracts"].insert(dict(row, version=version)).last_pk


def sign_contract(db: Database, contract_id: int, user_id: int, at: str) -> None:
    db["group_contract_signatures"].insert(
        {"contract_id": contract_id, "user_id": user_id, "signed_at": at}, ignore=True)


# ---------------------------------------------------------------- sessions

def sessions(db: Database, group_id: int) -> list[dict]:
    """Sessions newest first, each with its record's status if one was written."""
    return list(db.query(
        "SELECT s.*, r.id AS record_id, r.status AS record_status FROM group_sessions s "
        "LEFT JOIN group_records r ON r.session_id = s.id WHERE s.group_id = ? "
        "ORDER BY s.scheduled_at DESC, s.id DESC", [group_id]))


def attended_sessions(db: Database, group_id: int, user_id: int) -> set[int]:
    """The group's sessions whose record shows this person attended."""
    return {r[0] for r in db.execute(
        "SELECT r.session_id FROM group_attendance a JOIN group_records r ON r.id = a.record_id "
        "JOIN group_sessions s ON s.id = r.session_id WHERE s.group_id = ? AND a.user_id = ? "
        "AND a.attended = 1", [group_id, user_id])}


def session(db: Database, session_id: int) -> dict | None:
    return first(db, "SELECT * FROM group_sessions WHERE id = ?", [session_id])


def insert_session(db: Database, row: dict) -> int:
    return db["group_sessions"].insert(row).last_pk


def update_session(db: Database, session_id: int, **fields) -> None:
    db["group_sessions"].update(session_id, fields)


# ---------------------------------------------------------------- records

def record(db: Database, session_id: int) -> dict | None:
    rows = list(db.query(
        "SELECT r.*, p.name AS presenter_name FROM group_records r "
        "LEFT JOIN users p ON p.id = r.presenter_id WHERE r.session_id = ?", [session_id]))
    if not rows:
        return None
    found = rows[0]
    found["attendance"] = list(db.query(
        "SELECT a.*, u.name FROM group_attendance a JOIN users u ON u.id = a.user_id "
        "WHERE a.record_id = ? ORDER BY u.name", [found["id"]]))
    found["actions"] = list(db.query(
        "SELECT x.*, u.name AS owner_name FROM group_actions x JOIN users u ON u.id = x.owner_id "
        "WHERE x.record_id = ? ORDER BY x.id", [found["id"]]))
    found["addenda"] = list(db.query(
        "SELECT a.*, u.name AS author_name FROM group_record_addenda a "
        "JOIN users u ON u.id = a.author_id WHERE a.record_id = ? ORDER BY a.id", [found["id"]]))
    return found


def insert_addendum(db: Database, row: dict) -> int:
    return db["group_record_addenda"].insert(row).last_pk


def save_record(db: Database, session_id: int, row: dict, attendance: list[dict],
                actions: list[dict]) -> int:
    """Write the record of a session (a draft is written over whole)."""
    existing = db.execute("SELECT id FROM group_records WHERE session_id = ?",
                          [session_id]).fetchone()
    if existing:
        record_id = existing[0]
        db["group_records"].update(record_id, row)
        db.execute("DELETE FROM group_attendance WHERE record_id = ?", [record_id])
        db.execute("DELETE FROM group_actions WHERE record_id = ?", [record_id])
    else:
        record_id = db["group_records"].insert(dict(row, session_id=session_id)).last_pk
    db["group_attendance"].insert_all([dict(a, record_id=record_id) for a in attendance])
    if actions:
        db["group_actions"].insert_all([dict(a, record_id=record_id) for a in actions])
    return record_id


def update_record(db: Database, record_id: int, **fields) -> None:
    db["group_records"].update(record_id, fields)


def sign_attendance(db: Database, record_id: int, user_id: int, at: str) -> None:
    db.execute("UPDATE group_attendance SET signed_at = ? WHERE record_id = ? AND user_id = ? "
               "AND signed_at IS NULL", [at, record_id, user_id])


# ---------------------------------------------------------------- actions

_ACTION = """
    SELECT x.*, u.name AS owner_name, s.group_id, s.id AS session_id, s.held_on,
           r.status AS record_status, g.name AS group_name FROM group_actions x JOIN users u ON u.id = x.owner_id
    JOIN group_records r ON r.id = x.record_id JOIN group_sessions s ON s.id = r.session_id
    JOIN groups g ON g.id = s.group_id
"""


def action(db: Database, action_id: int) -> dict | None:
    return first(db, _ACTION + " WHERE x.id = ?", [action_id])


def open_actions(db: Database, group_id: int) -> list[dict]:
    """The group's open actions from shared or agreed records, earliest due first."""
    return list(db.query(
        _ACTION + " WHERE s.group_id = ? AND x.status = 'open' AND r.status <> 'draft' "
        "ORDER BY x.due_date IS NULL, x.due_date, s.held_on, x.id", [group_id]))


def close_action(db: Database, action_id: int, *, status: str, outcome: str, by: int,
                 at: str) -> bool:
    return db.execute(
        "UPDATE group_actions SET status = ?, outcome = ?, closed_by = ?, closed_at = ? "
        "WHERE id = ? AND status = 'open'", [status, outcome, by, at, action_id]).rowcount == 1


def overdue_actions(db: Database, owner_id: int, today: str) -> list[dict]:
    """Open actions this person owns in the current groups they are still in, past
    their due date, from shared or agreed records."""
    return list(db.query(
        _ACTION + " JOIN group_members m ON m.group_id = s.group_id AND m.user_id = x.owner_id "
        "WHERE x.owner_id = ? AND x.status = 'open' AND r.status <> 'draft' "
        "AND m.left_on IS NULL AND g.end_date IS NULL "
        "AND x.due_date < ? ORDER BY x.due_date, x.id", [owner_id, today]))


# ---------------------------------------------------------------- what people must act on

def records_waiting(db: Database, user_id: int) -> list[dict]:
    """Shared records where this person attended and has not signed yet."""
    return list(db.query(
        "SELECT r.id AS record_id, r.session_id, r.presenter_id, r.presenter_signed_at, "
        "s.held_on, g.name AS group_name, g.id AS group_id FROM group_attendance a "
        "JOIN group_records r ON r.id = a.record_id JOIN group_sessions s ON s.id = r.session_id "
        "JOIN groups g ON g.id = s.group_id WHERE a.user_id = ? AND a.attended = 1 "
        "AND a.signed_at IS NULL AND r.status = 'shared' ORDER BY s.held_on", [user_id]))


def records_to_share(db: Database, facilitator_id: int, until: str) -> list[dict]:
    """Sessions of the current groups this person facilitates, held or planned up to a
    time, whose record is not shared yet."""
    return list(db.query(
        "SELECT s.id AS session_id, s.held_on, s.scheduled_at, g.name AS group_name, "
        "g.id AS group_id, r.id AS record_id FROM group_sessions s "
        "JOIN groups g ON g.id = s.group_id LEFT JOIN group_records r ON r.session_id = s.id "
        "WHERE g.facilitator_id = ? AND g.end_date IS NULL AND s.status <> 'cancelled' "
        "AND s.scheduled_at <= ? AND (r.id IS NULL OR r.status = 'draft') "
        "ORDER BY s.scheduled_at", [facilitator_id, until]))


def unsigned_contracts(db: Database, user_id: int) -> list[dict]:
    """The latest contract of each current group this person is a member of, unsigned."""
    return list(db.query(
        """SELECT c.id, c.version, g.name AS group_name, g.id AS group_id
           FROM group_members m JOIN groups g ON g.id = m.group_id
           JOIN group_contracts c ON c.group_id = g.id
           WHERE m.user_id = ? AND m.left_on IS NULL AND g.end_date IS NULL
             AND c.version = (SELECT max(version) FROM group_contracts WHERE group_id = g.id)
             AND NOT EXISTS (SELECT 1 FROM group_contract_signatures s
                             WHERE s.contract_id = c.id AND s.user_id = m.user_id)""",
        [user_id]))


# ---------------------------------------------------------------- counts (no text)

def attended(db: Database, user_ids: list[int], since: str) -> list[dict]:
    """Group sessions each person attended since a day: dates and minutes only."""
    return list(db.query(
        "SELECT a.user_id, s.held_on, s.minutes, g.name AS group_name FROM group_attendance a "
        "JOIN group_records r ON r.id = a.record_id JOIN group_sessions s ON s.id = r.session_id "
        "JOIN groups g ON g.id = s.group_id WHERE a.attended = 1 AND s.status = 'held' "
        "AND s.held_on >= ? AND a.user_id IN (SELECT value FROM json_each(?)) "
        "ORDER BY s.held_on", [since, json.dumps(user_ids)]))


def attendance_version(db: Database) -> tuple:
    """Changes with every record written (attendance is rewritten whole)."""
    return tuple(db.execute("SELECT count(*), coalesce(max(rowid), 0) FROM group_attendance"
                            ).fetchone())


# ---------------------------------------------------------------- retention

def past_retention(db: Database, ended_before: str) -> list[dict]:
    """Groups that ended before a day, oldest first, with counts a purge would remove."""
    return list(db.query(
        _GROUP.replace("SELECT g.*,", "SELECT g.*, (SELECT count(*) FROM group_sessions s "
                       "WHERE s.group_id = g.id) AS sessions, (SELECT count(*) FROM "
                       "group_records r JOIN group_sessions s ON s.id = r.session_id WHERE "
                       "s.group_id = g.id) AS records,")
        + " WHERE g.end_date IS NOT NULL AND g.end_date < ? ORDER BY g.end_date, g.id",
        [ended_before]))


_IN_GROUPS = "(SELECT value FROM json_each(:ids))"
_G_SESSIONS = f"(SELECT id FROM group_sessions WHERE group_id IN {_IN_GROUPS})"
_G_RECORDS = f"(SELECT id FROM group_records WHERE session_id IN {_G_SESSIONS})"
_G_CONTRACTS = f"(SELECT id FROM group_contracts WHERE group_id IN {_IN_GROUPS})"
# (what is counted, table, which rows), children before parents, so foreign keys stay on.
_PURGE = [(kind, f"DELETE FROM {table} WHERE {rows}") for kind, table, rows in (
    ("addenda", "group_record_addenda", f"record_id IN {_G_RECORDS}"),
    ("actions", "group_actions", f"record_id IN {_G_RECORDS}"),
    ("attendance", "group_attendance", f"record_id IN {_G_RECORDS}"),
    ("records", "group_records", f"id IN {_G_RECORDS}"),
    ("sessions", "group_sessions", f"group_id IN {_IN_GROUPS}"),
    ("", "group_contract_signatures", f"contract_id IN {_G_CONTRACTS}"),
    ("contracts", "group_contracts", f"group_id IN {_IN_GROUPS}"),
    ("members", "group_members", f"group_id IN {_IN_GROUPS}"),
    ("groups", "groups", f"id IN {_IN_GROUPS}"),
)]


def purge(db: Database, group_ids: list[int]) -> dict[str, int]:
    """Delete the groups and everything of theirs; the caller holds the transaction."""
    return retention.run_purge(db, _PURGE, group_ids)


def planned_for_member(db: Database, user_id: int, from_stamp: str) -> list[dict]:
    """Planned sessions from a time on of the running groups this person is still in,
    earliest first."""
    return list(db.query(
        "SELECT s.id AS session_id, s.scheduled_at, g.id AS group_id, g.name AS group_name "
        "FROM group_members m JOIN groups g ON g.id = m.group_id "
        "JOIN group_sessions s ON s.group_id = g.id WHERE m.user_id = ? AND m.left_on IS NULL "
        "AND g.end_date IS NULL AND s.status = 'planned' AND s.scheduled_at >= ? "
        "ORDER BY s.scheduled_at", [user_id, from_stamp]))
