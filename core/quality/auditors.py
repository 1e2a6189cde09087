"""Named file auditors: the admin names a person to audit supervision files in one team
or across the whole service. A named auditor audits and samples the files in their
scope (core/quality/file_audits.py) and reads record text only under the file-audit
rules (Relation.AUDITOR: audited, the supervisee told); naming gives no other access,
no balance and no reflections. The admin sees who is named, never an audit."""

from db import file_auditors as table
from db import teams as team_table
from db import users as user_table

from core import clock
from core.admin import audit
from core.access.roles import Actor, require_admin
from core.errors import NotFound, ValidationError

WHOLE_SERVICE = "the whole service"


def listing(db, admin: Actor) -> list[dict]:
    """Who is named, and where: [{id, user_id, name, username, active, team_id,
    scope}], by name."""
    require_admin(admin)
    return [dict(r, scope=r["team_name"] or WHOLE_SERVICE) for r in table.listing(db)]


def name_auditor(db, admin: Actor, user_id, team_id=None) -> int:
    """Name an active person auditor of one team (team_id) or the whole service (None)."""
    require_admin(admin)
    user = user_table.get(db, int(user_id)) if str(user_id or "").isdigit() else None
    if not user or not user["active"]:
        raise ValidationError.single("auditor", "Choose an active person to name as auditor.")
    if team_id is not None and not team_table.get(db, int(team_id)):
        raise ValidationError.single("scope", "Choose a team, or the whole service.")
    if table.find(db, user["id"], team_id):
        raise ValidationError.single("scope", f"{user['name']} is already an auditor there.")
    with db.atomic():
        row_id = table.insert(db, {"user_id": user["id"], "team_id": team_id,
                                   "named_by": admin.id, "named_at": clock.stamp()})
        audit.record(db, admin.id, "file_auditor_named", "user", user["id"], team_id=team_id)
    return row_id


def remove_auditor(db, admin: Actor, row_id: int) -> None:
    """Stop a person auditing in one scope. Audits they shared stay; one in progress
    stays readable by the team lead."""
    require_admin(admin)
    found = table.get(db, int(row_id))
    if not found:
        raise NotFound("That person is no longer named as an auditor there.")
    with db.atomic():
        table.delete(db, found["id"])
        audit.record(db, admin.id, "file_auditor_removed", "user", found["user_id"],
                     team_id=found["team_id"])
