"""The reflections and reflection_versions tables, and the session queries preparation needs.

`reflections` is the supervisee's private working copy; `reflection_versions`
holds what they submitted, one row per submission, never changed afterwards.
"""

import json

from sqlite_utils import Database

from db.rows import first

_SESSION = """
    SELECT s.id, s.arrangement_id, s.scheduled_at, s.planned_minutes, s.venue, s.status,
           s.held_on, s.rescheduled_to,
           a.supervisor_id, a.supervisee_id, a.kind, a.end_date AS arrangement_end,
           sr.name AS supervisor_name, se.name AS supervisee_name,
           r.id AS reflection_id, r.submitted_at, r.saved_at,
           (SELECT max(v.number) FROM reflection_versions v WHERE v.reflection_id = r.id)
             AS versions
    FROM sessions s
    JOIN arrangements a ON a.id = s.arrangement_id
    JOIN users sr ON sr.id = a.supervisor_id
    JOIN users se ON se.id = a.supervisee_id
    LEFT JOIN reflections r ON r.session_id = s.id
"""


def session(db: Database, session_id: int) -> dict | None:
    return first(db, _SESSION + " WHERE s.id = ?", [session_id])


def planned_for_supervisee(db: Database, user_id: int, since: str) -> list[dict]:
    """Planned (not yet held) sessions from `since` on, where this person is supervised."""
    return list(db.query(
        _SESSION + " WHERE a.supervisee_id = ? AND s.status = 'planned' AND s.scheduled_at >= ?"
                   " ORDER BY s.scheduled_at", [user_id, since]))


def for_supervisor(db: Database, user_id: int, since: str, *, held: bool = False) -> list[dict]:
    """Sessions of this supervisor's arrangements: planned ones from `since` on,
    and with `held`, held ones that have a submitted reflection."""
    statuses = "('planned','held')" if held else "('planned')"
    return list(db.query(
        _SESSION + f""" WHERE a.supervisor_id = ? AND s.status IN {statuses}
                        AND (s.status = 'planned' AND s.scheduled_at >= ?
                             OR s.status = 'held' AND r.submitted_at IS NOT NULL)
                        ORDER BY s.status = 'held', s.scheduled_at""", [user_id, since]))


def submitted_for_supervisee(db: Database, user_id: int) -> list[dict]:
    """Sessions where this person submitted a reflection, newest first."""
    return list(db.query(
        _SESSION + " WHERE a.supervisee_id = ? AND r.submitted_at IS NOT NULL"
                   " ORDER BY s.scheduled_at DESC", [user_id]))


def moved_here(db: Database, session_id: int) -> dict | None:
    """A reflection left on a session that was rescheduled to this one."""
    return first(
        db,
        """SELECT r.* FROM reflections r JOIN sessions s ON s.id = r.session_id
           WHERE s.rescheduled_to = ? AND s.status = 'rescheduled'""", [session_id])

def _decode(row: dict | None) -> dict | None:
    if row is None:
        return None
    return dict(row, answers=json.loads(row["answers"]), agenda=json.loads(row["agenda"]))


def get(db: Database, reflection_id: int) -> dict | None:
    rows = list(db.query("SELECT * FROM reflections WHERE id = ?", [reflection_id]))
    return _decode(rows[0] if rows else None)


def for_session(db: Database, session_id: int) -> dict | None:
    rows = list(db.query("SELECT * FROM reflections WHERE session_id = ?", [session_id]))
    return _decode(rows[0] if rows else None)


def _encode(fields: dict) -> dict:
    out = dict(fields)
    for key in ("answers", "agenda"):
        if key in out:
            out[key] = json.dumps(out[key], ensure_ascii=False)
    return out


def start(db: Database, row: dict) -> int | None:
    """A new working copy; None if the session has one already."""
    row = _encode(row)
    cursor = db.execute(
        f"INSERT OR IGNORE INTO reflections ({', '.join(row)}) "
        f"VALUES ({', '.join('?' for _ in row)})", list(row.values()))
    return cursor.lastrowid if cursor.rowcount == 1 else None


def update(db: Database, reflection_id: int, revision: int, **fields) -> bool:
    """Write only if nobody else wrote since `revision`; the revision goes up by one."""
    fields = _encode(fields)
    sets = ", ".join(f"{column} = ?" for column in fields)
    cursor = db.execute(
        f"UPDATE reflections SET {sets}, revision = revision + 1 WHERE id = ? AND revision = ?",
        [*fields.values(), reflection_id, revision])
    return cursor.rowcount == 1


def move(db: Database, reflection_id: int, session_id: int) -> None:
    db.execute("UPDATE reflections SET session_id = ? WHERE id = ?", [session_id, reflection_id])


def add_version(db: Database, reflection_id: int, submitted_at: str, content: dict) -> int:
    number = db.execute(
        "SELECT coalesce(max(number), 0) + 1 FROM reflection_versions WHERE reflection_id = ?",
        [reflection_id]).fetchone()[0]
    db["reflection_versions"].insert({
        "reflection_id": reflection_id, "number": number, "submitted_at": submitted_at,
        "content": json.dumps(content, ensure_ascii=False)})
    return number


def versions(db: Database, reflection_id: int) -> list[dict]:
    """Every submitted version, newest first, with its content."""
    return [dict(r, content=json.loads(r["content"])) for r in db.query(
        "SELECT * FROM reflection_versions WHERE reflection_id = ? ORDER BY number DESC",
        [reflection_id])]


def demo_targets(db: Database) -> list[dict]:
    """Every session without a reflection, with its arrangement, for the demo loader."""
    return list(db.query(
        """SELECT s.id, s.arrangement_id, s.scheduled_at, s.status, s.held_on,
                  a.supervisee_id, a.kind
           FROM sessions s JOIN arrangements a ON a.id = s.arrangement_id
           WHERE NOT EXISTS (SELECT 1 FROM reflections r WHERE r.session_id = s.id)
           ORDER BY a.id, s.scheduled_at"""))


def insert_many(db: Database, reflections: list[dict], versions: list[dict]) -> None:
    """Bulk insert for the demo: rows carry their own ids."""
    db["reflections"].insert_all([_encode(r) for r in reflections], batch_size=500)
    db["reflection_versions"].insert_all(
        [dict(v, content=json.dumps(v["content"], ensure_ascii=False)) for v in versions],
        batch_size=500)


def next_id(db: Database) -> int:
    return db.execute("SELECT coalesce(max(id), 0) + 1 FROM reflections").fetchone()[0]


# These two inserts let tests and
# set-up scripts make the rows preparation works on until that lands.
def insert_contract(db: Database, row: dict) -> int:
    return db["contracts"].insert(row).last_pk


def insert_session(db: Database, row: dict) -> int:
    return db["sessions"].insert(row).last_pk
