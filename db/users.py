"""The users table."""

from sqlite_utils import Database

from db.rows import first

COLUMNS = (
    "id, username, name, email, job_title, is_admin, active, must_change_password, "
    "failed_attempts, locked_until, signed_out_at, team_id, fte, created_at, deactivated_at"
)


def count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM users").fetchone()[0]


def get(db: Database, user_id: int) -> dict | None:
    return first(db, f"SELECT {COLUMNS} FROM users WHERE id = ?", [user_id])


def by_username(db: Database, username: str) -> dict | None:
    return first(db, f"SELECT {COLUMNS} FROM users WHERE username = ?", [username])


def password_hash(db: Database, user_id: int) -> str | None:
    row = db.execute("SELECT password_hash FROM users WHERE id = ?", [user_id]).fetchone()
    return row[0] if row else None


def insert(db: Database, row: dict) -> int:
    return db["users"].insert(row).last_pk


def update(db: Database, user_id: int, **fields) -> None:
    db["users"].update(user_id, fields)


_TEAM = " LEFT JOIN teams t ON t.id = u.team_id"
_FOUND = f"""FROM users u{_TEAM}
    WHERE (:needle = '' OR instr(lower(u.name), :needle) OR instr(u.username, :needle))
      AND (:active_only = 0 OR u.active = 1)"""


def find(db: Database, needle: str, *, limit: int, offset: int = 0,
         active_only: bool = False) -> list[dict]:
    """One page of the people whose name or username holds `needle` (lower case)."""
    return list(db.query(
        f"""SELECT u.id, u.username, u.name, u.email, u.job_title, u.is_admin, u.active,
                   u.must_change_password, u.locked_until, u.team_id, u.fte,
                   t.name AS team_name {_FOUND}
            ORDER BY u.active DESC, u.name COLLATE NOCASE, u.id LIMIT :limit OFFSET :offset""",
        {"needle": needle, "active_only": int(active_only), "limit": limit, "offset": offset}))


def count_found(db: Database, needle: str, *, active_only: bool = False) -> int:
    # No team is read to count: the users_listing index alone answers.
    return db.execute(f"SELECT count(*) {_FOUND.replace(_TEAM, '')}",
                      {"needle": needle, "active_only": int(active_only)}).fetchone()[0]


def listing(db: Database) -> list[dict]:
    """Every user with their team's name, for the admin list."""
    return list(
        db.query(
            f"""SELECT u.id, u.username, u.name, u.email, u.job_title, u.is_admin, u.active,
                       u.must_change_password, u.locked_until, u.team_id, u.fte,
                       t.name AS team_name
                FROM users u LEFT JOIN teams t ON t.id = u.team_id
                ORDER BY u.active DESC, u.name COLLATE NOCASE"""
        )
    )


def credentials(db: Database, username: str) -> list[dict]:
    """One active user's sign-in details, for the sign-in widget (none if inactive)."""
    return list(
        db.query(
            "SELECT username, name, email, password_hash FROM users "
            "WHERE username = ? AND active = 1",
            [username],
        )
    )


def add_failed_attempt(db: Database, user_id: int) -> int:
    row = db.execute(
        "UPDATE users SET failed_attempts = failed_attempts + 1 WHERE id = ? "
        "RETURNING failed_attempts",
        [user_id],
    ).fetchone()
    return row[0]
