"""Group supervision: groups and their members, the group's contract, planned
sessions, and the record of each held session (attendance, actions)."""

import json

from sqlite_utils import Database

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
    return found


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
