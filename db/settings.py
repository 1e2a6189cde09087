"""The settings table: one JSON value per key."""

import json

from sqlite_utils import Database


def get(db: Database, key: str, default=None):
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row else default


def put(db: Database, key: str, value) -> None:
    db["settings"].upsert({"key": key, "value": json.dumps(value)}, pk="key")


def put_if_absent(db: Database, key: str, value) -> None:
    db.execute(
        "INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)", [key, json.dumps(value)]
    )


def all_values(db: Database) -> dict:
    return {r["key"]: json.loads(r["value"]) for r in db.query("SELECT * FROM settings")}
