"""Reads every table module makes."""

from sqlite_utils import Database


def first(db: Database, sql: str, params=()) -> dict | None:
    """The first row the query returns, or None when it returns none. The query is
    read to its end, so no statement is left open on the connection."""
    rows = list(db.query(sql, params))
    return rows[0] if rows else None
