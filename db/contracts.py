"""The contracts table: versioned agreements, one series per arrangement."""

import json

from sqlite_utils import Database

from db.rows import first

_SELECT = """
    SELECT c.*, a.supervisor_id, a.supervisee_id, a.kind AS arrangement_kind,
           a.start_date AS arrangement_start, a.end_date AS arrangement_end,
           sr.name AS supervisor_name, se.name AS supervisee_name, cb.name AS created_by_name
    FROM contracts c
    JOIN arrangements a ON a.id = c.arrangement_id
    JOIN users sr ON sr.id = a.supervisor_id
    JOIN users se ON se.id = a.supervisee_id
    LEFT JOIN users cb ON cb.id = c.created_by
"""
SIGNED = "c.supervisor_signed_at IS NOT NULL AND c.supervisee_signed_at IS NOT NULL"


def get(db: Database, contract_id: int) -> dict | None:
    return first(db, _SELECT + " WHERE c.id = ?", [contract_id])


def versions(db: Database, arrangement_id: int) -> list[dict]:
    """Every version, newest first."""
    return list(db.query(_SELECT + " WHERE c.arrangement_id = ? ORDER BY c.version DESC",
                         [arrangement_id]))


def latest_signed(db: Database, arrangement_id: int) -> dict | None:
    return first(db, _SELECT + f" WHERE c.arrangement_id = ? AND {SIGNED}"
                             " ORDER BY c.version DESC LIMIT 1", [arrangement_id])


def draft(db: Database, arrangement_id: int) -> dict | None:
    """The version not yet signed by both, if there is one."""
    return first(db, _SELECT + f" WHERE c.arrangement_id = ? AND NOT ({SIGNED})"
                             " ORDER BY c.version DESC LIMIT 1", [arrangement_id])


def next_version(db: Database, arrangement_id: int) -> int:
    row = db.execute("SELECT coalesce(max(version), 0) + 1 FROM contracts "
                     "WHERE arrangement_id = ?", [arrangement_id]).fetchone()
    return row[0]


def next_id(db: Database) -> int:
    return db.execute("SELECT coalesce(max(id), 0) + 1 FROM contracts").fetchone()[0]


def insert(db: Database, row: dict) -> int:
    return db["contracts"].insert(row).last_pk


def insert_many(db: Database, rows: list[dict]) -> None:
    db["contracts"].insert_all(rows, batch_size=500)


def update(db: Database, contract_id: int, **fields) -> None:
    db["contracts"].update(contract_id, fields)


def update_if_unchanged(db: Database, contract_id: int, seen_updated_at: str, **fields) -> bool:
    """Write only if nobody saved since `seen_updated_at`; True if written."""
    names = ", ".join(f"{k} = :{k}" for k in fields)
    cursor = db.execute(
        f"UPDATE contracts SET {names} WHERE id = :_id AND updated_at = :_seen",
        {**fields, "_id": contract_id, "_seen": seen_updated_at},
    )
    return cursor.rowcount == 1


def delete(db: Database, contract_id: int) -> None:
    db["contracts"].delete(contract_id)


def signed_for_many(db: Database, arrangement_ids: list[int]) -> list[dict]:
    """Every version both have signed, for many arrangements at once, oldest first."""
    return list(db.query(
        f"""SELECT c.* FROM contracts c
            WHERE c.arrangement_id IN (SELECT value FROM json_each(?)) AND {SIGNED}
            ORDER BY c.arrangement_id, c.version""",
        [json.dumps(list(arrangement_ids))],
    ))


def unsigned_for_many(db: Database, arrangement_ids: list[int]) -> list[dict]:
    """Versions still waiting for a signature, for many arrangements at once."""
    return list(db.query(
        f"""SELECT c.id, c.arrangement_id, c.version, c.supervisor_signed_at,
                   c.supervisee_signed_at
            FROM contracts c
            WHERE c.arrangement_id IN (SELECT value FROM json_each(?)) AND NOT ({SIGNED})""",
        [json.dumps(list(arrangement_ids))],
    ))


def previous_for_supervisee(db: Database, supervisee_id: int, kind: str,
                            before_arrangement_id: int) -> dict | None:
    """The latest signed contract of the supervisee's earlier arrangement of this kind."""
    return first(
        db,
        _SELECT + f""" WHERE a.supervisee_id = ? AND a.kind = ? AND a.id <> ? AND {SIGNED}
                       ORDER BY a.start_date DESC, c.version DESC LIMIT 1""",
        [supervisee_id, kind, before_arrangement_id],
    )


def arrangements_by_ids(db: Database, arrangement_ids: list[int]) -> list[dict]:
    """Arrangement rows (with the supervisee's team and both names) for many ids at once."""
    return list(db.query(
        """SELECT a.*, sr.name AS supervisor_name, se.name AS supervisee_name,
                  se.team_id AS supervisee_team_id
           FROM arrangements a
           JOIN users sr ON sr.id = a.supervisor_id
           JOIN users se ON se.id = a.supervisee_id
           WHERE a.id IN (SELECT value FROM json_each(?))""",
        [json.dumps(list(arrangement_ids))],
    ))
