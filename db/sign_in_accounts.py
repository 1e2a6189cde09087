"""Accounts looked up by what an identity provider says about a person."""

from sqlite_utils import Database

_FIELDS = {"email": "email", "username": "username"}


def matching(db: Database, field: str, value: str) -> list[dict]:
    """Accounts, active or not, whose email or username is this value, ignoring case."""
    column = _FIELDS[field]
    return list(
        db.query(
            f"SELECT id, username, active FROM users "
            f"WHERE {column} <> '' AND lower(trim({column})) = ?",
            [value.strip().lower()],
        )
    )
