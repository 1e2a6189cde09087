"""One-time sign-in hand-overs, kept by the hash of their token."""

from sqlite_utils import Database


def add(db: Database, token_hash: str, user_id: int, signed_in_at: float,
        expires_at: float) -> None:
    db.execute(
        "INSERT INTO sign_in_handoffs (token_hash, user_id, signed_in_at, expires_at) "
        "VALUES (?, ?, ?, ?)", [token_hash, user_id, signed_in_at, expires_at])


def remove_expired(db: Database, now: float) -> None:
    db.execute("DELETE FROM sign_in_handoffs WHERE expires_at <= ?", [now])


def take(db: Database, token_hash: str, now: float) -> dict | None:
    """The hand-over's person and sign-in time, deleted as it is read; None when
    there is none, or it has expired."""
    row = db.execute(
        "DELETE FROM sign_in_handoffs WHERE token_hash = ? RETURNING user_id, signed_in_at, "
        "expires_at", [token_hash]).fetchone()
    if row is None or row[2] <= now:
        return None
    return {"user_id": row[0], "signed_in_at": row[1]}


def waiting(db: Database, token_hash: str, now: float) -> bool:
    row = db.execute("SELECT 1 FROM sign_in_handoffs WHERE token_hash = ? AND expires_at > ?",
                     [token_hash, now]).fetchone()
    return row is not None
