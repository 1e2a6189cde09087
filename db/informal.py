"""The informal_contacts table: supervision outside a formal session."""

from sqlite_utils import Database


def insert(db: Database, row: dict) -> int:
    return db["informal_contacts"].insert(row).last_pk


def insert_many(db: Database, rows: list[dict]) -> None:
    db["informal_contacts"].insert_all(rows, batch_size=500)


def for_arrangement(db: Database, arrangement_id: int) -> list[dict]:
    """Newest first, with the name of whoever logged each."""
    return list(db.query(
        """SELECT i.*, u.name AS logged_by_name FROM informal_contacts i
           JOIN users u ON u.id = i.logged_by
           WHERE i.arrangement_id = ? ORDER BY i.contact_date DESC, i.id DESC""",
        [arrangement_id]))
