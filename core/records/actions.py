"""Actions: what someone agreed to do in supervision. An open action carries
forward to every later session of its arrangement until it is closed, done or
dropped, with the evidence or outcome.

Reading an arrangement's open actions and closing them; actions are
created on an agenda item in core/records/items.py.
"""

from db import actions as table

from core import clock
from core.access import permissions
from core.access.permissions import Access
from core.access.roles import Actor
from core.admin import audit
from core.errors import NotFound, PermissionDenied, ValidationError
from core.validation import Checker

CLOSED = {"done": "Done", "dropped": "Dropped"}
OUTCOME_MAX = 4_000


def _arrangement_for_text(db, actor: Actor, arrangement_id: int) -> dict:
    arr = permissions.arrangement(db, arrangement_id)
    # An action can come from a personal support item, so its text is read as support text.
    permissions.require(db, actor, Access.SUPPORT_TEXT, arr)
    return arr


def open_for_arrangement(db, actor: Actor, arrangement_id: int) -> list[dict]:
    """The arrangement's open actions, earliest due first, for its supervisee and supervisor."""
    _arrangement_for_text(db, actor, int(arrangement_id))
    today = clock.today().isoformat()
    return [
        {
            "id": row["id"], "description": row["description"], "due_date": row["due_date"],
            "owner_id": row["owner_id"], "owner_name": row["owner_name"],
            "session_id": row["session_id"], "session_scheduled_at": row["session_scheduled_at"],
            "overdue": row["due_date"] < today, "mine": row["owner_id"] == actor.id,
        }
        for row in table.open_for_arrangement(db, int(arrangement_id))
    ]


def checked_closing(status: str, outcome: str) -> str:
    """Done or dropped, with the evidence or outcome (one-to-one and group actions)."""
    check = Checker()
    check.choice("status", status, CLOSED, "done or dropped")
    outcome = check.text("outcome", outcome, "the evidence or outcome", required=True,
                         max_len=OUTCOME_MAX)
    check.done()
    return outcome


def close_action(db, actor: Actor, action_id: int, status: str, outcome: str) -> None:
    """The owner (or the arrangement's current supervisor, in a session) closes an
    action as done or dropped, saying what came of it."""
    found = table.get(db, int(action_id))
    if not found:
        raise NotFound("There is no such action.")
    arr = _arrangement_for_text(db, actor, found["arrangement_id"])
    ended = arr["end_date"] and arr["end_date"] < clock.today().isoformat()
    # The supervisor closes any of the arrangement's actions too: sessions are run on
    # the supervisor's account, where the two agree what came of each action.
    if found["owner_id"] != actor.id and not (arr["supervisor_id"] == actor.id and not ended):
        raise PermissionDenied(f"Only the action's owner, {found['owner_name']}, or the "
                               "supervisor can close it.")
    if arr["supervisor_id"] == actor.id and ended:
        raise PermissionDenied("This arrangement has ended: its records are read-only for you.")
    outcome = checked_closing(status, outcome)
    with db.atomic():
        if not table.close(db, found["id"], status=status, outcome=outcome, by=actor.id,
                           at=clock.stamp()):
            raise ValidationError.single("status", "This action is already closed.")
        audit.record(db, actor.id, "action_closed", "action", found["id"], status=status)
