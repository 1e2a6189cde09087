"""Audit events: written for every change, sign-off, flagged read and admin act."""

from db import audit as audit_table

from . import clock


def record(db, actor_id: int | None, action: str, entity: str, entity_id: int | None, **detail):
    audit_table.insert(
        db,
        {
            "at": clock.stamp(),
            "actor_id": actor_id,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "detail": detail,
        },
    )


def recent(db, actor, limit: int = 200):
    from .roles import require_admin

    require_admin(actor)
    return audit_table.recent(db, limit)
