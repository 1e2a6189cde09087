"""The teams table."""

from sqlite_utils import Database

from db.rows import first


def get(db: Database, team_id: int) -> dict | None:
    return first(db, "SELECT * FROM teams WHERE id = ?", [team_id])


def by_name(db: Database, name: str) -> dict | None:
    return first(db, "SELECT * FROM teams WHERE name = ?", [name])


def insert(db: Database, row: dict) -> int:
    return db["teams"].insert(row).last_pk


def update(db: Database, team_id: int, **fields) -> None:
    db["teams"].update(team_id, fields)


def listing(db: Database) -> list[dict]:
    return list(
        db.query(
            """SELECT t.id, t.name, t.lead_id, l.name AS lead_name,
                      (SELECT count(*) FROM users m WHERE m.team_id = t.id AND m.active = 1)
                        AS members
               FROM teams t LEFT JOIN users l ON l.id = t.lead_id
               ORDER BY t.name COLLATE NOCASE"""
        )
    )


_FOUND = " FROM teams t LEFT JOIN users l ON l.id = t.lead_id " \
         "WHERE (:needle = '' OR instr(lower(t.name), :needle) OR instr(lower(l.name), :needle))"


def find(db: Database, needle: str, *, limit: int, offset: int = 0) -> list[dict]:
    """One page of the teams whose name or lead's name holds `needle` (lower case)."""
    return list(db.query(
        """SELECT t.id, t.name, t.lead_id, l.name AS lead_name,
                  (SELECT count(*) FROM users m WHERE m.team_id = t.id AND m.active = 1)
                    AS members""" + _FOUND
        + " ORDER BY t.name COLLATE NOCASE, t.id LIMIT :limit OFFSET :offset",
        {"needle": needle, "limit": limit, "offset": offset}))


def count_found(db: Database, needle: str) -> int:
    return db.execute("SELECT count(*)" + _FOUND, {"needle": needle}).fetchone()[0]


def names(db: Database) -> list[dict]:
    return list(db.query("SELECT id, name FROM teams ORDER BY name COLLATE NOCASE, id"))


def led_by(db: Database, user_id: int) -> list[dict]:
    return list(
        db.query("SELECT * FROM teams WHERE lead_id = ? ORDER BY name", [user_id])
    )


def members(db: Database, team_id: int) -> list[dict]:
    return list(
        db.query(
            """SELECT id, username, name, job_title FROM users
               WHERE team_id = ? AND active = 1 ORDER BY name COLLATE NOCASE""",
            [team_id],
        )
    )
