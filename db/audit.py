"""The audit_events table: who did what to which record, and when."""

import json

from sqlite_utils import Database


def insert(db: Database, row: dict) -> int:
    row = dict(row, detail=json.dumps(row.get("detail") or {}, sort_keys=True))
    return db["audit_events"].insert(row).last_pk


# The audit page: filters and paging in SQL, over the whole trail.
# Rows are never updated or deleted (triggers of migration m010 refuse it).

_READ_ACTIONS = ("file_audit_read",)


def _where(filters: dict) -> tuple[str, list]:
    clauses, args = [], []
    if filters.get("actor_id") is not None:
        clauses.append("e.actor_id = ?")
        args.append(filters["actor_id"])
    if filters.get("entity"):
        clauses.append("e.entity = ?")
        args.append(filters["entity"])
    if filters.get("entity_id") is not None:
        clauses.append("e.entity_id = ?")
        args.append(filters["entity_id"])
    if filters.get("actions"):
        actions = list(filters["actions"])
        clauses.append(f"e.action IN ({', '.join('?' for _ in actions)})")
        args.extend(actions)
    if filters.get("since"):
        clauses.append("e.at >= ?")
        args.append(filters["since"])
    if filters.get("before"):
        clauses.append("e.at < ?")
        args.append(filters["before"])
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", args


def search(db: Database, filters: dict, *, limit: int | None, offset: int = 0) -> list[dict]:
    """Events matching `filters` (actor_id, entity, entity_id, actions, since,
    before), newest first; `limit` None means all of them."""
    where, args = _where(filters)
    page = ""
    if limit is not None:
        page = " LIMIT ? OFFSET ?"
        args = args + [int(limit), int(offset)]
    return [
        dict(r, detail=json.loads(r["detail"]))
        for r in db.query(
            f"""SELECT e.*, u.name AS actor_name FROM audit_events e
                LEFT JOIN users u ON u.id = e.actor_id {where}
                ORDER BY e.id DESC{page}""",
            args,
        )
    ]


def count(db: Database, filters: dict) -> int:
    where, args = _where(filters)
    return db.execute(f"SELECT count(*) FROM audit_events e {where}", args).fetchone()[0]


def kinds_written(db: Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT DISTINCT action FROM audit_events ORDER BY action")]


def reads_of_items_of(db: Database, supervisee_id: int) -> list[dict]:
    """Reads by someone else of a supervisee's record items (file audits, which
    take in flagged items): who, when, which session, how many items, how many
    of them flagged. Newest first."""
    return list(db.query(
        f"""SELECT e.actor_id, u.name AS actor_name, e.at,
                   json_extract(e.detail, '$.session_id') AS session_id,
                   coalesce(s.held_on, substr(s.scheduled_at, 1, 10)) AS session_day,
                   count(*) AS items,
                   sum(coalesce(json_extract(e.detail, '$.safeguarding'), 0)) AS flagged
            FROM audit_events e
            JOIN arrangements a ON a.id = json_extract(e.detail, '$.arrangement_id')
            LEFT JOIN users u ON u.id = e.actor_id
            LEFT JOIN sessions s ON s.id = json_extract(e.detail, '$.session_id')
            WHERE e.action IN ({', '.join('?' for _ in _READ_ACTIONS)})
              AND e.entity = 'agenda_item' AND a.supervisee_id = ?
              AND (e.actor_id IS NULL OR e.actor_id <> ?)
            GROUP BY e.actor_id, e.at, json_extract(e.detail, '$.session_id')
            ORDER BY e.at DESC, min(e.id) DESC""",
        list(_READ_ACTIONS) + [supervisee_id, supervisee_id],
    ))


def subject_access_by_others(db: Database, user_id: int) -> list[dict]:
    """Subject access exports about this person made by someone else (an admin):
    they hold every record of theirs, flagged items included. Newest first."""
    return list(db.query(
        """SELECT e.actor_id, u.name AS actor_name, e.at,
                  json_extract(e.detail, '$.records') AS records
           FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
           WHERE e.action = 'subject_access_exported' AND e.entity = 'user'
             AND e.entity_id = ? AND (e.actor_id IS NULL OR e.actor_id <> ?)
           ORDER BY e.at DESC, e.id DESC""",
        [user_id, user_id],
    ))
