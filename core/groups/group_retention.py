"""Retention of group supervision, under the same period as one-to-one records
(core/admin/retention.py): a group's records are kept `retention_years` after the
group ends. Groups past it are listed for an admin to review; nothing is deleted
automatically. A purge, confirmed by typing PURGE, removes the group with its
members, contract versions and signatures, sessions, records, attendance, actions
and addenda; people and the audit trail stay, and the trail records the purge
(ids and counts only). The check that each group is past the period is made
again inside the purge's transaction."""

from db import groups as table

from core.admin import audit, settings
from core.admin.retention import CONFIRMATION, cutoff
from core.access.roles import Actor, require_admin
from core.errors import ValidationError


def past_retention(db, admin: Actor) -> list[dict]:
    require_admin(admin)
    return table.past_retention(db, cutoff(db).isoformat())


def purge(db, admin: Actor, group_ids, confirmation: str) -> dict[str, int]:
    require_admin(admin)
    ids = sorted({int(i) for i in group_ids or []})
    if not ids:
        raise ValidationError({"groups": "Choose the groups to purge."})
    if (confirmation or "").strip() != CONFIRMATION:
        raise ValidationError({"confirmation": f"Type {CONFIRMATION} to confirm the purge."})
    with db.atomic():
        eligible = {g["id"] for g in table.past_retention(db, cutoff(db).isoformat())}
        early = [i for i in ids if i not in eligible]
        if early:
            raise ValidationError({"groups": "Not past the retention period: "
                                   + ", ".join(f"group {i}" for i in early) + "."})
        counts = table.purge(db, ids)
        audit.record(db, admin.id, "groups_purged", "group", ids[0] if len(ids) == 1 else None,
                     group_ids=ids, retention_years=int(settings.value(db, "retention_years")),
                     **counts)
    return counts
