"""Bulk loading for seeds and benchmarks: many rows, one transaction."""

from sqlite_utils import Database


def insert_rows(db: Database, table: str, rows, *, batch_size: int = 5000) -> None:
    db[table].insert_all(rows, batch_size=batch_size)


def next_id(db: Database, table: str) -> int:
    return (db.execute(f"SELECT coalesce(max(id), 0) FROM [{table}]").fetchone()[0]) + 1


def analyse(db: Database) -> None:
    """Refresh the query planner's statistics after a big load."""
    db.execute("ANALYZE")
