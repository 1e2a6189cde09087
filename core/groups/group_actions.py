"""Group actions: each has an owner among the members. An open action is reviewed
at every later group session until its owner (or the facilitator) closes it as
done or dropped with what came of it; an overdue one is a task for its owner."""

from db import groups as table

from core import clock
from core.admin import audit
from core.access.roles import Actor
from core.errors import PermissionDenied, ValidationError
from core.groups.group_access import seat
from core.records.actions import checked_closing
from core.validation import must_exist


def to_review(db, actor: Actor, group_id: int) -> list[dict]:
    """The group's open actions from shared records, for the facilitator and current
    members (a member who left sees none: they are the group's later business)."""
    found = seat(db, actor, group_id)
    if found.left_on:
        return []
    today = clock.today().isoformat()
    return [dict(a, overdue=bool(a["due_date"]) and a["due_date"] < today,
                 mine=a["owner_id"] == actor.id)
            for a in table.open_actions(db, found.group["id"])]


def close(db, actor: Actor, action_id: int, status: str, outcome: str) -> None:
    """The owner, or the facilitator, closes an open action saying what came of it."""
    action = must_exist(table.action(db, int(action_id)), "action")
    found = seat(db, actor, action["group_id"])
    if action["record_status"] == "draft" and not found.facilitates:
        raise PermissionDenied("This action's record has not been shared yet.")
    if action["owner_id"] != actor.id and not found.facilitates:
        raise PermissionDenied(f"Only the action's owner, {action['owner_name']}, or the "
                               "facilitator can close it.")
    if found.ended or found.left_on:
        raise PermissionDenied("You are no longer in this group: its actions are read-only "
                               "for you.")
    outcome = checked_closing(status, outcome)
    with db.atomic():
        if not table.close_action(db, action["id"], status=status, outcome=outcome.strip(),
                                  by=actor.id, at=clock.stamp()):
            raise ValidationError.single("status", "This action is already closed.")
        audit.record(db, actor.id, "group_action_closed", "group", action["group_id"],
                     action_id=action["id"], status=status)
