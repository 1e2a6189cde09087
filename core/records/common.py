"""What every part of a record shares: its words and limits, the lookups that refuse
what is not there, and the checks on who may change it."""

from datetime import date

from db import records as table

from core import clock
from core.access import arrangement_access as access
from core.access import permissions
from core.access.permissions import Access, Relation
from core.access.roles import Actor
from core.errors import NotFound, PermissionDenied, PortalError, StaleWrite, ValidationError
from core.preparation import reflections as reflection_rules
from core.validation import Checker, must_exist, record_id


STATUSES = {"draft": "Draft", "shared": "Shared, waiting for the supervisee",
            "agreed": "Agreed and locked", "disputed": "Disputed by the supervisee"}
SOURCES = {"supervisee": "From the supervisee's reflection", "supervisor": "Supervisor's item",
           "action": "Open action carried forward", "contract_review": "Contract review"}
# Fields of an agenda item that save_item accepts.
ITEM_FIELDS = ("title", "function", "case_ref", "discussion", "minutes", "situation",
               "analysis", "risk", "risk_score", "decision", "rationale", "next_review")
CASE_FIELDS = ("situation", "analysis", "risk", "risk_score", "decision", "rationale",
               "next_review")
MINUTES_MAX = 480
RISK_SCALE = (0, 10)


TEXT_FIELDS = ("discussion", "situation", "analysis", "risk", "decision", "rationale")
ACTION_MAX = 1_000
REASON_MAX = 2_000
COMMENT_MAX = 4_000
EDITABLE = ("draft", "disputed")
# How far back planned sessions stay runnable (as reflections stay open to preparation).
RUN_SINCE_DAYS = reflection_rules.OPEN_AFTER_DAYS
RATIONALE_NEEDED = ("Give the rationale for this decision. Supervision records are disclosable "
                    "in court, so every decision is recorded with the reasons for it.")


class RecordLocked(PortalError):
    """The record cannot change now: it is agreed (add an addendum) or waits for
    the supervisee's response."""


def session_row(db, session_id) -> dict:
    return must_exist(table.session(db, record_id(session_id) or 0), "session")


def arrangement_of(db, found: dict) -> dict:
    return permissions.arrangement(db, found["arrangement_id"])


def has_ended(arr: dict) -> bool:
    return access.ended(arr)


def session_day(found: dict) -> date:
    if found.get("held_on"):
        return date.fromisoformat(found["held_on"])
    return reflection_rules.session_date(found["scheduled_at"])


def require_supervisor(db, actor: Actor, arr: dict, doing: str) -> None:
    if Relation.SUPERVISOR not in permissions.relations(db, actor, arr):
        raise PermissionDenied(f"Only the supervisor of this arrangement can {doing}.")
    if has_ended(arr):
        raise PermissionDenied(f"This arrangement ended on {clock.day(arr['end_date'])}. "
                               "Its records are kept read-only for you.")


def _locked_message(record: dict, found: dict) -> str:
    if record["status"] == "agreed":
        return ("This record is agreed and locked. Add an addendum instead: the original "
                "text never changes.")
    return (f"This record has been shared with {found['supervisee_name']} and waits for "
            "their signature or comment, so it cannot change now.")


def editable_record(db, actor: Actor, found: dict) -> dict:
    """The record of this session, if the actor may write it now."""
    arr = arrangement_of(db, found)
    require_supervisor(db, actor, arr, "write its records")
    record = table.for_session(db, found["id"])
    if record is None:
        raise ValidationError.single("_", "Open the session first: its agenda is not built yet.")
    if record["status"] not in EDITABLE:
        raise RecordLocked(_locked_message(record, found))
    if found["status"] not in ("planned", "held"):
        raise ValidationError.single("_", f"This session was {found['status']}, so its record "
                                          "cannot change.")
    return record


def item_row(db, item_id) -> dict:
    try:
        found = table.item(db, int(item_id))
    except (TypeError, ValueError):
        found = None
    if not found:
        raise NotFound("There is no such agenda item. It may have been removed in another "
                       "window: reload the page.")
    return found


def editable_item(db, actor: Actor, item_id) -> tuple[dict, dict, dict]:
    """(item, its session, its record) if the actor may change the item now."""
    it = item_row(db, item_id)
    found = session_row(db, it["session_id"])
    record = editable_record(db, actor, found)
    return it, found, record


def bump_revision(db, record: dict) -> int:
    return table.bump(db, record["id"], clock.stamp())


def text_access(item: dict) -> Access:
    """Which cell of the matrix an item's text falls under."""
    if item["safeguarding"]:
        return Access.SAFEGUARDING_ITEM
    if item["function"] == "support":
        return Access.SUPPORT_TEXT
    return Access.RECORD_TEXT


def may_read_text(item: dict, held: frozenset) -> bool:
    """Readable without a file audit (an audited read goes through file_audit)."""
    decision = permissions.decide(text_access(item), held)
    return decision.allowed and not decision.audited


def whole_number(check: Checker, field: str, value, low: int, high: int, message: str):
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        check.fail(field, message)
        return None
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        check.fail(field, message)
        return None
    if not low <= number <= high:
        check.fail(field, message)
        return None
    return number


def record_row(db, found: dict) -> dict:
    record = table.for_session(db, found["id"])
    if record is None:
        raise ValidationError.single("_", "This session has no record yet.")
    return record


def stale_record() -> StaleWrite:
    return StaleWrite("The record changed while you were reading it. Reload the page and "
                      "read it again before you sign or comment.")
