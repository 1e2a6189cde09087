"""The arrangements table: one supervisor and one supervisee, of one kind."""

from sqlite_utils import Database

from db.rows import first

_SELECT = """
    SELECT a.*, sr.name AS supervisor_name, se.name AS supervisee_name,
           se.team_id AS supervisee_team_id
    FROM arrangements a
    JOIN users sr ON sr.id = a.supervisor_id
    JOIN users se ON se.id = a.supervisee_id
"""


def get(db: Database, arrangement_id: int) -> dict | None:
    return first(db, _SELECT + " WHERE a.id = ?", [arrangement_id])


def insert(db: Database, row: dict) -> int:
    return db["arrangements"].insert(row).last_pk


def update(db: Database, arrangement_id: int, **fields) -> None:
    db["arrangements"].update(arrangement_id, fields)


def listing(db: Database) -> list[dict]:
    return list(db.query(_SELECT + " ORDER BY a.end_date IS NOT NULL, se.name, a.kind"))


_FOUND = """ WHERE (:needle = '' OR instr(lower(sr.name), :needle)
                  OR instr(lower(se.name), :needle))
              AND (:current_on = '' OR a.end_date IS NULL OR a.end_date >= :current_on)"""


def find(db: Database, needle: str, *, limit: int, offset: int = 0,
         current_on: str = "") -> list[dict]:
    """One page of the arrangements whose supervisor or supervisee name holds
    `needle` (lower case); only those still running on `current_on` if given. Running
    ones first, then by the supervisee's name, the kind and the id. Unsearched, the
    page is read in that order from arrangement_listing (CROSS JOIN keeps it the
    outer loop) instead of sorting every arrangement of the authority; a search
    reads every name anyway, and sorts what it finds."""
    params = {"needle": needle, "current_on": current_on, "limit": limit, "offset": offset}
    if needle:
        return list(db.query(
            _SELECT + _FOUND + " ORDER BY a.end_date IS NOT NULL, se.name, a.kind, a.id "
                               "LIMIT :limit OFFSET :offset", params))
    return list(db.query(
        """SELECT a.*, sr.name AS supervisor_name, se.name AS supervisee_name,
                  se.team_id AS supervisee_team_id
           FROM arrangement_listing l
           CROSS JOIN arrangements a ON a.id = l.arrangement_id
           JOIN users sr ON sr.id = a.supervisor_id
           JOIN users se ON se.id = a.supervisee_id""" + _FOUND +
        " ORDER BY l.ended, l.supervisee_name, l.kind, l.arrangement_id "
        "LIMIT :limit OFFSET :offset", params))


def count_found(db: Database, needle: str, *, current_on: str = "") -> int:
    # Without a search, no name is read: the arrangements alone are counted.
    people = "" if not needle else (" JOIN users sr ON sr.id = a.supervisor_id "
                                    "JOIN users se ON se.id = a.supervisee_id")
    found = _FOUND if needle else (" WHERE (:current_on = '' OR a.end_date IS NULL"
                                   " OR a.end_date >= :current_on)")
    return db.execute("SELECT count(*) FROM arrangements a" + people + found,
                      {"needle": needle, "current_on": current_on}).fetchone()[0]


def as_supervisor(db: Database, user_id: int) -> list[dict]:
    return list(db.query(_SELECT + " WHERE a.supervisor_id = ? ORDER BY se.name", [user_id]))


def as_supervisee(db: Database, user_id: int) -> list[dict]:
    return list(db.query(_SELECT + " WHERE a.supervisee_id = ? ORDER BY a.kind", [user_id]))


def in_teams(db: Database, team_ids: list[int]) -> list[dict]:
    """Arrangements whose supervisee belongs to one of these teams."""
    if not team_ids:
        return []
    marks = ",".join("?" for _ in team_ids)
    return list(
        db.query(_SELECT + f" WHERE se.team_id IN ({marks}) ORDER BY se.name", team_ids)
    )


def overlapping(
    db: Database, supervisor_id: int, supervisee_id: int, kind: str, start: str, end: str | None
) -> list[dict]:
    """Arrangements for the same pair and kind whose dates overlap [start, end]."""
    return list(
        db.query(
            """SELECT * FROM arrangements
               WHERE supervisor_id = ? AND supervisee_id = ? AND kind = ?
                 AND (end_date IS NULL OR end_date >= ?)
                 AND (? IS NULL OR start_date <= ?)""",
            [supervisor_id, supervisee_id, kind, start, end, end],
        )
    )


def role_counts(db: Database, user_id: int) -> dict:
    """How many arrangements a person is in on each side, teams they lead, and the
    places they were named to audit files in."""
    row = db.execute(
        """SELECT
             (SELECT count(*) FROM arrangements WHERE supervisee_id = :u),
             (SELECT count(*) FROM arrangements WHERE supervisor_id = :u),
             (SELECT count(*) FROM teams WHERE lead_id = :u),
             (SELECT count(*) FROM file_auditors WHERE user_id = :u)""",
        {"u": user_id},
    ).fetchone()
    return {"supervisee": row[0], "supervisor": row[1], "team_lead": row[2],
            "auditor": row[3]}
