"""The file_auditors table: who the admin named to audit supervision files, and
where (one team, or the whole service when team_id is NULL)."""

from sqlite_utils import Database


def scopes(db: Database, user_id: int) -> list[int | None]:
    """The teams this person audits; None stands for the whole service."""
    return [r[0] for r in db.execute(
        "SELECT team_id FROM file_auditors WHERE user_id = ? ORDER BY team_id", [user_id])]


def listing(db: Database) -> list[dict]:
    return list(db.query(
        """SELECT f.id, f.user_id, f.team_id, f.named_at, u.name, u.username, u.active,
                  t.name AS team_name
           FROM file_auditors f JOIN users u ON u.id = f.user_id
           LEFT JOIN teams t ON t.id = f.team_id
           ORDER BY u.name COLLATE NOCASE, t.name IS NOT NULL, t.name"""))


def get(db: Database, row_id: int) -> dict | None:
    rows = list(db.query("SELECT * FROM file_auditors WHERE id = ?", [row_id]))
    return rows[0] if rows else None


def find(db: Database, user_id: int, team_id: int | None) -> dict | None:
    rows = list(db.query("SELECT * FROM file_auditors WHERE user_id = ? AND team_id IS ?",
                         [user_id, team_id]))
    return rows[0] if rows else None


def insert(db: Database, row: dict) -> int:
    return db["file_auditors"].insert(row).last_pk


def delete(db: Database, row_id: int) -> None:
    db.execute("DELETE FROM file_auditors WHERE id = ?", [row_id])
