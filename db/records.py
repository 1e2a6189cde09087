"""Records, agenda items, actions raised in a session, disputes, addenda and notices.

Writes that must not overwrite someone else's change are conditional (on a
revision or a status) and say whether they happened.
"""

import json

from sqlite_utils import Database

from db.rows import first

_SESSION = """
    SELECT s.*, a.supervisor_id, a.supervisee_id, a.kind, a.start_date AS arrangement_start,
           a.end_date AS arrangement_end, sr.name AS supervisor_name,
           se.name AS supervisee_name, c.share_within_days, c.review_date,
           c.created_by AS contract_created_by
    FROM sessions s
    JOIN arrangements a ON a.id = s.arrangement_id
    JOIN users sr ON sr.id = a.supervisor_id
    JOIN users se ON se.id = a.supervisee_id
    JOIN contracts c ON c.id = s.contract_id
"""


def session(db: Database, session_id: int) -> dict | None:
    return first(db, _SESSION + " WHERE s.id = ?", [session_id])


# ---------------------------------------------------------------- records

def for_session(db: Database, session_id: int) -> dict | None:
    return first(db, "SELECT * FROM records WHERE session_id = ?", [session_id])


def insert(db: Database, row: dict) -> int:
    return db["records"].insert(row).last_pk


def bump(db: Database, record_id: int, at: str) -> int:
    """Add one to the record's revision; returns the new revision."""
    db.execute("UPDATE records SET revision = revision + 1, updated_at = ? WHERE id = ?",
               [at, record_id])
    return db.execute("SELECT revision FROM records WHERE id = ?", [record_id]).fetchone()[0]


def update_if(db: Database, record_id: int, statuses: tuple, revision: int | None,
              **fields) -> bool:
    """Update the record if its status is one of `statuses` (and its revision is
    `revision`, when given), bumping the revision; False if it was not."""
    sets = ", ".join(f"{k} = ?" for k in fields)
    where = f"id = ? AND status IN ({', '.join('?' for _ in statuses)})"
    args = list(fields.values()) + [record_id, *statuses]
    if revision is not None:
        where += " AND revision = ?"
        args.append(revision)
    cursor = db.execute(f"UPDATE records SET {sets}, revision = revision + 1 WHERE {where}",
                        args)
    return cursor.rowcount == 1


# ---------------------------------------------------------------- agenda items

_ITEM = """
    SELECT i.*, s.arrangement_id, r.id AS record_id, r.status AS record_status
    FROM agenda_items i
    JOIN sessions s ON s.id = i.session_id
    LEFT JOIN records r ON r.session_id = i.session_id
"""


def items(db: Database, session_id: int) -> list[dict]:
    return list(db.query("SELECT * FROM agenda_items WHERE session_id = ? ORDER BY position, id",
                         [session_id]))


def item(db: Database, item_id: int) -> dict | None:
    return first(db, _ITEM + " WHERE i.id = ?", [item_id])


def insert_items(db: Database, rows: list[dict]) -> None:
    if rows:
        db["agenda_items"].insert_all(rows)


def insert_item(db: Database, row: dict) -> int:
    return db["agenda_items"].insert(row).last_pk


def next_position(db: Database, session_id: int) -> int:
    return db.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM agenda_items "
                      "WHERE session_id = ?", [session_id]).fetchone()[0]


def update_item(db: Database, item_id: int, revision: int, **fields) -> bool:
    """Store fields if the item is still at `revision`, bumping it; False if not."""
    sets = ", ".join(f"{k} = ?" for k in fields)
    cursor = db.execute(
        f"UPDATE agenda_items SET {sets}, revision = revision + 1 WHERE id = ? AND revision = ?",
        list(fields.values()) + [item_id, revision])
    return cursor.rowcount == 1


def set_position(db: Database, item_id: int, position: int, at: str) -> None:
    db.execute("UPDATE agenda_items SET position = ?, updated_at = ? WHERE id = ?",
               [position, at, item_id])


def delete_item(db: Database, item_id: int) -> None:
    db.execute("DELETE FROM agenda_items WHERE id = ?", [item_id])


# ---------------------------------------------------------------- actions

_ACTION = """
    SELECT x.*, o.name AS owner_name, i.function AS item_function
    FROM actions x
    JOIN users o ON o.id = x.owner_id
    LEFT JOIN agenda_items i ON i.id = x.agenda_item_id
"""


def actions_raised(db: Database, session_id: int) -> list[dict]:
    """Actions raised in this session, in the order they were added."""
    return list(db.query(_ACTION + " WHERE x.session_id = ? ORDER BY x.id", [session_id]))


def actions_by_id(db: Database, ids: list[int]) -> list[dict]:
    return list(db.query(_ACTION + " WHERE x.id IN (SELECT value FROM json_each(?))",
                         [json.dumps(sorted(set(ids)))]))


def open_actions(db: Database, arrangement_id: int) -> list[dict]:
    return list(db.query(_ACTION + " WHERE x.arrangement_id = ? AND x.status = 'open' "
                                   "ORDER BY x.due_date, x.id", [arrangement_id]))


def insert_action(db: Database, row: dict) -> int:
    return db["actions"].insert(row).last_pk


def overdue_actions_owned(db: Database, owner_id: int, today: str) -> list[dict]:
    return list(db.query(
        """SELECT x.*, a.supervisor_id, a.supervisee_id, sr.name AS supervisor_name,
                  se.name AS supervisee_name
           FROM actions x JOIN arrangements a ON a.id = x.arrangement_id
           JOIN users sr ON sr.id = a.supervisor_id JOIN users se ON se.id = a.supervisee_id
           WHERE x.owner_id = ? AND x.status = 'open' AND x.due_date < ?
           ORDER BY x.due_date, x.id""", [owner_id, today]))


# ---------------------------------------------------------------- disputes and addenda

def disputes(db: Database, record_id: int) -> list[dict]:
    return list(db.query(
        """SELECT d.*, u.name AS by_name FROM record_disputes d JOIN users u ON u.id = d.by_id
           WHERE d.record_id = ? ORDER BY d.id""", [record_id]))


def insert_dispute(db: Database, row: dict) -> int:
    return db["record_disputes"].insert(row).last_pk


def resolve_disputes(db: Database, record_id: int, resolution: str, at: str) -> None:
    db.execute("UPDATE record_disputes SET resolved_at = ?, resolution = ? "
               "WHERE record_id = ? AND resolved_at IS NULL", [at, resolution, record_id])


def addenda(db: Database, record_id: int) -> list[dict]:
    return list(db.query(
        """SELECT x.*, u.name AS author_name FROM addenda x JOIN users u ON u.id = x.author_id
           WHERE x.record_id = ? ORDER BY x.id""", [record_id]))


def insert_addendum(db: Database, row: dict) -> int:
    return db["addenda"].insert(row).last_pk


# ---------------------------------------------------------------- listings

_SUMMARY = f"""
    SELECT s.id AS session_id, s.arrangement_id, s.scheduled_at, s.status AS session_status,
           s.held_on, s.held_minutes, c.share_within_days,
           r.id AS record_id, r.status, r.revision, r.first_shared_at, r.shared_at,
           r.supervisor_signed_at, r.supervisee_signed_at, r.agreed_at,
           a.supervisor_id, a.supervisee_id, a.kind, sr.name AS supervisor_name,
           se.name AS supervisee_name,
           (SELECT COUNT(*) FROM record_disputes d WHERE d.record_id = r.id) AS disputes,
           (SELECT COUNT(*) FROM agenda_items i WHERE i.session_id = s.id) AS items,
           (SELECT COUNT(*) FROM agenda_items i WHERE i.session_id = s.id
                AND i.safeguarding = 1) AS flagged,
           (SELECT json_group_object(function, total) FROM (
                SELECT i.function, SUM(COALESCE(i.minutes, 0)) AS total FROM agenda_items i
                WHERE i.session_id = s.id GROUP BY i.function)) AS minutes
    FROM sessions s
    JOIN arrangements a ON a.id = s.arrangement_id
    JOIN users sr ON sr.id = a.supervisor_id
    JOIN users se ON se.id = a.supervisee_id
    JOIN contracts c ON c.id = s.contract_id
    LEFT JOIN records r ON r.session_id = s.id
"""


def _decoded(rows) -> list[dict]:
    return [dict(r, minutes=json.loads(r["minutes"] or "{}")) for r in rows]


# A record shared within the contract's days counted as calendar days was shared in
# time, whatever the bank holidays (working days only push the day later). A day
# is added to the UTC stamp: the London date can be the next day.
_MAYBE_LATE = (" AND s.status = 'held' AND (r.first_shared_at IS NULL OR "
               "date(r.first_shared_at, '+1 day') > "
               "date(s.held_on, '+' || c.share_within_days || ' days'))")


# The day a record is listed under (and its year): the day held, or else planned.
_DAY = "COALESCE(s.held_on, substr(s.scheduled_at, 1, 10))"
# A record someone reads: the supervisor from the first draft, everyone else
# once it is shared.
_READ_BY = " AND r.id IS NOT NULL AND (r.status <> 'draft' OR a.supervisor_id = :reader)"
_WAITING_FOR = (" AND ((a.supervisee_id = :reader AND r.status = 'shared')"
                " OR (a.supervisor_id = :reader AND r.status = 'disputed'))")


def _ids(arrangement_ids) -> str:
    return json.dumps(sorted({int(i) for i in arrangement_ids}))


def summaries(db: Database, arrangement_ids: list[int], *,
              unagreed: bool = False, maybe_late: bool = False, reader: int | None = None,
              year: str | None = None, waiting: bool = False,
              session_ids: list[int] | None = None) -> list[dict]:
    """Held sessions and sessions with a record, of these arrangements, newest first;
    with `unagreed`, only those whose record is not agreed yet (home tasks); with
    `maybe_late`, only those that may have been shared late (the rest surely were not);
    with `reader`, only the records that person reads (see record_years), and of those
    with `year` the records of that year ("2024"), with `waiting` those waiting for
    the reader (shared, for the supervisee; disputed, for the supervisor); with
    `session_ids`, only those sessions."""
    extra = " AND (r.id IS NULL OR r.status <> 'agreed')" if unagreed else ""
    if session_ids is not None:
        extra += " AND s.id IN (SELECT value FROM json_each(:sessions))"
    extra += _MAYBE_LATE if maybe_late else ""
    if reader is not None:
        extra += _READ_BY + (_WAITING_FOR if waiting else "")
        extra += f" AND substr({_DAY}, 1, 4) = :year" if year else ""
    return _decoded(db.query(
        _SUMMARY + f""" WHERE s.arrangement_id IN (SELECT value FROM json_each(:ids))
                       AND (s.status = 'held' OR r.id IS NOT NULL){extra}
                       ORDER BY {_DAY} DESC, s.id DESC""",
        {"ids": _ids(arrangement_ids), "reader": reader, "year": year,
         "sessions": json.dumps(session_ids or [])}))


def record_years(db: Database, arrangement_ids: list[int], reader: int) -> dict[str, int]:
    """{year: records}, newest first, of the records of these arrangements that the
    reader reads: every record of an arrangement they supervise, and the shared
    ones of the rest. Counted in SQL, without judging or summing any record."""
    return dict(db.execute(
        f"""SELECT substr({_DAY}, 1, 4) AS year, count(*) FROM sessions s
            JOIN arrangements a ON a.id = s.arrangement_id
            JOIN records r ON r.session_id = s.id
            WHERE s.arrangement_id IN (SELECT value FROM json_each(:ids)){_READ_BY}
            GROUP BY year ORDER BY year DESC""",
        {"ids": _ids(arrangement_ids), "reader": reader}).fetchall())


def record_year(db: Database, session_id: int, arrangement_ids: list[int],
                reader: int) -> str | None:
    """The year a record the reader reads is listed under; None if it is not one."""
    row = db.execute(
        f"""SELECT substr({_DAY}, 1, 4) FROM sessions s
            JOIN arrangements a ON a.id = s.arrangement_id
            JOIN records r ON r.session_id = s.id
            WHERE s.id = :session AND s.arrangement_id IN (SELECT value FROM json_each(:ids))
            {_READ_BY}""",
        {"session": session_id, "ids": _ids(arrangement_ids), "reader": reader}).fetchone()
    return row[0] if row else None


def runnable(db: Database, supervisor_id: int, since: str) -> list[dict]:
    """This supervisor's planned sessions from `since`, and held ones whose record
    is not agreed, soonest first."""
    return _decoded(db.query(
        _SUMMARY + """ WHERE a.supervisor_id = ?
                       AND ((s.status = 'planned' AND s.scheduled_at >= ?)
                            OR (s.status = 'held' AND (r.id IS NULL OR r.status <> 'agreed')))
                       ORDER BY s.scheduled_at""",
        [supervisor_id, since]))


# ---------------------------------------------------------------- notices

def insert_notice(db: Database, row: dict) -> int:
    return db["notices"].insert(row).last_pk


def notices(db: Database, user_id: int, limit: int = 100) -> list[dict]:
    return list(db.query("SELECT * FROM notices WHERE user_id = ? ORDER BY at DESC, id DESC "
                         "LIMIT ?", [user_id, limit]))


# ---------------------------------------------------------------- the demo's bulk load

_DEMO_TABLES = ("records", "agenda_items", "actions", "record_disputes", "addenda")


def next_ids(db: Database) -> dict:
    """The largest id in use in each records table (0 when empty)."""
    return {t: db.execute(f"SELECT COALESCE(MAX(id), 0) FROM {t}").fetchone()[0]
            for t in _DEMO_TABLES}


def all_arrangement_ids(db: Database) -> list[int]:
    return [r[0] for r in db.execute("SELECT id FROM arrangements ORDER BY id")]


def arrangement_ended(db: Database, arrangement_id: int) -> bool:
    return db.execute("SELECT end_date IS NOT NULL FROM arrangements WHERE id = ?",
                      [arrangement_id]).fetchone()[0] == 1


def insert_demo(db: Database, rows: dict) -> None:
    """Insert rows given with their ids, table by table, in an order that keeps
    the foreign keys (agenda items name actions and actions name items, so the
    actions' item links go in after both exist)."""
    links = {a["id"]: a.get("agenda_item_id") for a in rows.get("actions", [])}
    with db.atomic():
        db["records"].insert_all(rows.get("records", []))
        db["actions"].insert_all([dict(a, agenda_item_id=None) for a in rows.get("actions", [])])
        db["agenda_items"].insert_all(rows.get("agenda_items", []))
        db.conn.executemany("UPDATE actions SET agenda_item_id = ? WHERE id = ?",
                            [(item, action) for action, item in links.items() if item])
        db["record_disputes"].insert_all(rows.get("record_disputes", []))
        db["addenda"].insert_all(rows.get("addenda", []))
