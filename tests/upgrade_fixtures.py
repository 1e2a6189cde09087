"""Databases made at an earlier schema, for the tests that upgrade them."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import db as storage
from db.connection import upgrade


@contextmanager
def schema_before(path: Path, migration: str) -> Iterator:
    """A database file at the schema just before `migration`, for the test to fill.
    On leaving, it is committed and closed, and this process forgets it has migrated
    that file: the next storage.connect(path) upgrades it, as the portal would."""
    old = storage.connect(path, migrate=False)
    try:
        upgrade(old, stop_before=migration)
        yield old
        old.conn.commit()
    finally:
        old.conn.close()
        storage.connection.forget_migrated()
