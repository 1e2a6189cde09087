"""Retention of group supervision, under the same period as one-to-one records
(core/admin/retention.py): a group's records are kept `retention_years` after the
group ends. Groups past it are listed for an admin to review; nothing is deleted
automatically. A purge, confirmed by typing PURGE, removes the group with its
members, contract versions and signatures, sessions, records, attendance, actions
and addenda; people and the audit trail stay, and the trail records the purge
(ids and counts only). The check that each group is past the period is made
again inside the purge's transaction."""

from db import groups as table

from core.admin import audit, retention, settings
from core.access.roles import Actor, require_admin


def past_retention(db, admin: Actor) -> list[dict]:
    require_admin(admin)
    return table.past_retention(db, retention.cutoff(db).isoformat())


def purge(db, admin: Actor, group_ids, confirmation: str) -> dict[str, int]:
    require_admin(admin)
    ids = retention.confirmed(group_ids, confirmation, "groups")
    with db.atomic():
        retention.refuse_early(ids, {g["id"] for g in table.past_retention(
            db, retention.cutoff(db).isoformat())}, "group")
        counts = table.purge(db, ids)
        audit.record(db, admin.id, "groups_purged", "group", ids[0] if len(ids) == 1 else None,
                     group_ids=ids, retention_years=int(settings.value(db, "retention_years")),
                     **counts)
    return counts
