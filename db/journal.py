"""The journal_entries table: a person's private reflective entries."""

from sqlite_utils import Database

from db.rows import first


def for_user(db: Database, user_id: int) -> list[dict]:
    return list(db.query(
        "SELECT * FROM journal_entries WHERE user_id = ? ORDER BY created_at DESC, id DESC",
        [user_id]))


def get(db: Database, entry_id: int) -> dict | None:
    return first(db, "SELECT * FROM journal_entries WHERE id = ?", [entry_id])


def insert(db: Database, row: dict) -> int:
    return db["journal_entries"].insert(row).last_pk


def insert_many(db: Database, rows: list[dict]) -> None:
    db["journal_entries"].insert_all(rows, batch_size=500)


def update(db: Database, entry_id: int, updated_at_was: str, **fields) -> bool:
    """Write only if the entry is as the caller last saw it."""
    sets = ", ".join(f"{column} = ?" for column in fields)
    cursor = db.execute(
        f"UPDATE journal_entries SET {sets} WHERE id = ? AND updated_at = ?",
        [*fields.values(), entry_id, updated_at_was])
    return cursor.rowcount == 1


def delete(db: Database, entry_id: int) -> None:
    db.execute("DELETE FROM journal_entries WHERE id = ?", [entry_id])
