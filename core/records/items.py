"""Recording each agenda item as it is discussed: saved field by field (a stale copy is
refused with StaleWrite), reordered, added and removed, flagged for safeguarding, and
its actions."""

from db import records as table

from core import clock
from core.access.roles import Actor
from core.admin import audit
from core.errors import StaleWrite, ValidationError
from core.records.common import ACTION_MAX, ITEM_FIELDS, MINUTES_MAX, RATIONALE_NEEDED, REASON_MAX, RISK_SCALE, bump_revision, editable_item, editable_record, item_row, session_row, session_day, whole_number
from core.validation import TEXT_MAX, TITLE_MAX, Checker
from core.vocabulary import FUNCTIONS


def add_item(db, actor: Actor, session_id: int, *, title: str, function: str,
             case_ref: str = "") -> int:
    """The supervisor adds their own item at the end of the agenda; returns its id."""
    found = session_row(db, session_id)
    check = Checker()
    title = check.name("title", title, "a title for the agenda item", max_len=TITLE_MAX)
    check.choice("function", function, FUNCTIONS, "the function this item serves")
    case_ref = check.case_ref("case_ref", case_ref)
    check.done()
    with db.atomic():
        record = editable_record(db, actor, found)
        now = clock.stamp()
        item_id = table.insert_item(db, {
            "session_id": found["id"], "position": table.next_position(db, found["id"]),
            "source": "supervisor", "title": title, "function": function,
            "case_ref": case_ref, "created_at": now, "updated_at": now})
        bump_revision(db, record)
        audit.record(db, actor.id, "record_item_added", "agenda_item", item_id,
                     session_id=found["id"], function=function)
    return item_id


def remove_item(db, actor: Actor, item_id: int) -> None:
    """Take an item off the agenda while nothing is recorded on it and no action
    hangs from it (a mistaken add). Items carried from elsewhere stay."""
    with db.atomic():
        it, found, record = editable_item(db, actor, item_id)
        if it["source"] != "supervisor":
            raise ValidationError.single("_", "Only items you added can be removed. Record "
                                              "that this one was not discussed instead.")
        if any(a["agenda_item_id"] == it["id"] for a in table.actions_raised(db, found["id"])):
            raise ValidationError.single("_", "This item has actions, so it stays on the "
                                              "record.")
        table.delete_item(db, it["id"])
        _renumber(db, found["id"])
        bump_revision(db, record)
        audit.record(db, actor.id, "record_item_removed", "agenda_item", it["id"],
                     session_id=found["id"])


def _renumber(db, session_id: int, order: list[int] | None = None) -> None:
    ids = order or [r["id"] for r in table.items(db, session_id)]
    now = clock.stamp()
    for position, item_id in enumerate(ids):
        table.set_position(db, item_id, position, now)


def move_item(db, actor: Actor, item_id: int, direction: str) -> None:
    """Move an item one place 'up' or 'down' the agenda (no-op at either end)."""
    if direction not in ("up", "down"):
        raise ValueError("direction is 'up' or 'down'")
    with db.atomic():
        it, found, record = editable_item(db, actor, item_id)
        order = [r["id"] for r in table.items(db, found["id"])]
        at = order.index(it["id"])
        to = at - 1 if direction == "up" else at + 1
        if not 0 <= to < len(order):
            return
        order[at], order[to] = order[to], order[at]
        _renumber(db, found["id"], order)
        bump_revision(db, record)
        audit.record(db, actor.id, "record_item_moved", "agenda_item", it["id"],
                     session_id=found["id"], direction=direction)


def _clean(fields: dict, it: dict, found: dict) -> dict:
    unknown = set(fields) - set(ITEM_FIELDS)
    if unknown:
        raise ValueError(f"not agenda item fields: {sorted(unknown)}")
    check = Checker()
    out = {}
    for name, value in fields.items():
        if name == "title":
            out[name] = check.name(name, value, "a title for the agenda item",
                                   max_len=TITLE_MAX)
        elif name == "function":
            out[name] = check.choice(name, value, FUNCTIONS, "the function this item serves")
        elif name == "case_ref":
            out[name] = check.case_ref(name, value)
        elif name == "minutes":
            out[name] = whole_number(check, name, value, 0, MINUTES_MAX,
                               f"Minutes are a whole number from 0 to {MINUTES_MAX}.")
        elif name == "risk_score":
            out[name] = whole_number(check, name, value, *RISK_SCALE,
                               "The risk score is a whole number from 0 to 10 (Signs of "
                               "Safety scale), or leave it empty.")
        elif name == "next_review":
            day = check.day(name, value, "the next review date", required=False,
                            earliest=session_day(found))
            out[name] = day.isoformat() if day else None
        else:
            out[name] = check.text(name, value, name.replace("_", " "), max_len=TEXT_MAX)
    merged = dict(it, **out)
    if (merged["decision"] or "").strip() and not (merged["rationale"] or "").strip():
        check.fail("rationale", RATIONALE_NEEDED)
    check.done()
    return out


def save_item(db, actor: Actor, item_id: int, fields: dict, expected_revision: int) -> dict:
    """Save some fields of one item (autosave). `fields` maps names from ITEM_FIELDS
    to values; `expected_revision` is the item revision the page last read.

    Every save bumps the item's and the record's revision. A stale revision raises
    StaleWrite (the page keeps what was typed). Bad values raise ValidationError
    keyed by field name; nothing is saved then. A decision without a rationale is
    refused on 'rationale' (records are disclosable in court), so pages send the
    decision and the rationale together. Minutes 0..MINUTES_MAX, risk_score
    0..10 or None, next_review an ISO date or None.

    Returns {revision (the item's), record_revision, saved_at}."""
    with db.atomic():
        it, found, record = editable_item(db, actor, item_id)
        if it["revision"] != expected_revision:
            raise StaleWrite("This item was changed in another window or by someone else "
                             "after you opened it, so your change is not saved. What you "
                             "typed is still here: copy it, reload, and save again.")
        out = _clean(fields, it, found)
        changed = {k: v for k, v in out.items() if it[k] != v}
        if not changed:
            return {"revision": it["revision"], "record_revision": record["revision"],
                    "saved_at": it["updated_at"]}
        now = clock.stamp()
        if not table.update_item(db, it["id"], expected_revision, updated_at=now, **changed):
            raise StaleWrite("This item was saved from another window at the same moment. "
                             "Your text is still here: try again.")
        record_revision = bump_revision(db, record)
        audit.record(db, actor.id, "record_item_saved", "agenda_item", it["id"],
                     session_id=found["id"], fields=sorted(changed),
                     revision=expected_revision + 1)
    return {"revision": expected_revision + 1, "record_revision": record_revision,
            "saved_at": now}


def _set_flag(db, actor: Actor, item_id: int, reason: str, flag: bool) -> None:
    check = Checker()
    reason = check.text("reason", reason, "the reason", required=True, max_len=REASON_MAX)
    check.done()
    with db.atomic():
        it, found, record = editable_item(db, actor, item_id)
        if bool(it["safeguarding"]) == flag:
            raise ValidationError.single("reason", "This item is already flagged as a "
                                                   "safeguarding concern." if flag else
                                         "This item is not flagged.")
        now = clock.stamp()
        fields = ({"safeguarding": 1, "safeguarding_reason": reason,
                   "safeguarding_by": actor.id, "safeguarding_at": now} if flag else
                  {"safeguarding": 0, "safeguarding_reason": "", "safeguarding_by": None,
                   "safeguarding_at": None})
        if not table.update_item(db, it["id"], it["revision"], updated_at=now, **fields):
            raise StaleWrite("This item changed at the same moment. Try again.")
        bump_revision(db, record)
        # The reason is kept in the audit log: unflagging must not erase why it was flagged.
        audit.record(db, actor.id, "safeguarding_flagged" if flag else "safeguarding_unflagged",
                     "agenda_item", it["id"], session_id=found["id"], reason=reason)


def flag_safeguarding(db, actor: Actor, item_id: int, reason: str) -> None:
    """Flag an item as a safeguarding concern (reason required). The team lead can
    then read it through file_audit. Supervisor only, while the record is editable."""
    _set_flag(db, actor, item_id, reason, True)


def unflag_safeguarding(db, actor: Actor, item_id: int, reason: str) -> None:
    """Withdraw a flag set in error, saying why (audited; the reason for the
    original flag stays in the audit log)."""
    _set_flag(db, actor, item_id, reason, False)


def add_action(db, actor: Actor, item_id: int, *, owner_id: int, description: str,
               due_date) -> int:
    """The supervisor adds an action on an item: owner is either person of the
    arrangement, due date a date from the session day up to five years ahead.
    Returns the action id. Closing goes through core.actions.close_action."""
    it = item_row(db, item_id)
    found = session_row(db, it["session_id"])
    check = Checker()
    try:
        owner = int(owner_id)
    except (TypeError, ValueError):
        owner = None
    if owner not in (found["supervisor_id"], found["supervisee_id"]):
        check.fail("owner_id", f"Choose who owns the action: {found['supervisee_name']} or "
                               f"{found['supervisor_name']}.")
    description = check.text("description", description, "what is to be done",
                             required=True, max_len=ACTION_MAX)
    due = check.day("due_date", due_date, "the due date", earliest=session_day(found))
    check.done()
    with db.atomic():
        it, found, record = editable_item(db, actor, item_id)
        now = clock.stamp()
        action_id = table.insert_action(db, {
            "arrangement_id": found["arrangement_id"], "session_id": found["id"],
            "agenda_item_id": it["id"], "owner_id": owner, "description": description,
            "due_date": due.isoformat(), "status": "open", "created_at": now,
            "updated_at": now})
        bump_revision(db, record)
        audit.record(db, actor.id, "action_added", "action", action_id,
                     session_id=found["id"], owner_id=owner, due_date=due.isoformat())
    return action_id
