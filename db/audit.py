"""The audit_events table: who did what to which record, and when."""

import json

from sqlite_utils import Database


def insert(db: Database, row: dict) -> int:
    row = dict(row, detail=json.dumps(row.get("detail") or {}, sort_keys=True))
    return db["audit_events"].insert(row).last_pk


def recent(db: Database, limit: int = 200, *, entity: str | None = None) -> list[dict]:
    where, args = ("WHERE e.entity = ?", [entity]) if entity else ("", [])
    return [
        dict(r, detail=json.loads(r["detail"]))
        for r in db.query(
            f"""SELECT e.*, u.name AS actor_name FROM audit_events e
                LEFT JOIN users u ON u.id = e.actor_id {where}
                ORDER BY e.id DESC LIMIT ?""",
            args + [limit],
        )
    ]


def for_entity(db: Database, entity: str, entity_id: int) -> list[dict]:
    return [
        dict(r, detail=json.loads(r["detail"]))
        for r in db.query(
            """SELECT e.*, u.name AS actor_name FROM audit_events e
               LEFT JOIN users u ON u.id = e.actor_id
               WHERE e.entity = ? AND e.entity_id = ? ORDER BY e.id""",
            [entity, entity_id],
        )
    ]
