"""Records: running a session from its agenda to a signed, locked record.

Lifecycle (every step timestamped and audited):

- `open_session` builds the agenda once, for a planned or held session, and
  makes the `draft` record. The agenda holds the supervisee's submitted agenda
  items, every open action carried forward, a contract review item when the
  contract review is due, and then the supervisor's own items.
- The supervisor records each item as it is discussed (`save_item`, saved
  field by field; a stale copy is refused with `StaleWrite`), reorders, adds
  and re-tags items, flags safeguarding concerns and adds actions.
- `mark_held`, then `share`: `draft` -> `shared`. Sharing is the supervisor's
  signature on the text as shared (`supervisor_signed_at`).
- The supervisee `sign`s (-> `agreed`, locked) or `dispute`s with a comment
  (-> `disputed`). A disputed record is open to the supervisor's edits again:
  they revise and `share` again (-> `shared`, the dispute resolved as
  'revised'), or `sign` it as it stands (-> `agreed`, the dispute kept on the
  record, resolved as 'kept').
- An agreed record never changes; `add_addendum` adds a timestamped note.
- Late: not first shared within the contract's `share_within_days` working
  days after the held date (core/timeliness.py).

Records are addressed by their session id (one record per session).

Who may read what follows the matrix (core/permissions.py): support items'
text only for the two people (and a later supervisor the supervisee let read
the history); the team lead reads performance and development items, and
safeguarding-flagged items, only through `file_audit`, which audits every read
and leaves the supervisee a notice (`notices_for`). Admins read nothing here.
Only the supervisor writes the record; after an arrangement ends it is
read-only for the supervisor.
"""

import re
import sqlite3
from datetime import date, timedelta

from db import arrangements as arrangement_table
from db import records as table

from . import arrangement_access as access
from . import audit, clock, permissions
from . import reflections as reflection_rules
from .contracts import current_contract, review_due
from .errors import NotFound, PermissionDenied, PortalError, StaleWrite, ValidationError
from .functions import FUNCTIONS
from .functions import label as function_label
from .permissions import Access, Relation
from .roles import Actor
from .tasks import Task
from .timeliness import record_late, share_by as share_by_day
from .validation import TEXT_MAX, TITLE_MAX, Checker

RUN_PAGE = "app_pages/run_session.py"
RECORDS_PAGE = "app_pages/records.py"

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


# ---------------------------------------------------------------- shared helpers

def _session(db, session_id) -> dict:
    try:
        found = table.session(db, int(session_id))
    except (TypeError, ValueError, OverflowError):
        found = None
    if not found:
        raise NotFound("There is no such session.")
    return found


def _arrangement(db, found: dict) -> dict:
    return permissions.arrangement(db, found["arrangement_id"])


def _ended(arr: dict) -> bool:
    return access.ended(arr)


def _session_day(found: dict) -> date:
    if found.get("held_on"):
        return date.fromisoformat(found["held_on"])
    return reflection_rules.session_date(found["scheduled_at"])


def _require_supervisor(db, actor: Actor, arr: dict, doing: str) -> None:
    if Relation.SUPERVISOR not in permissions.relations(db, actor, arr):
        raise PermissionDenied(f"Only the supervisor of this arrangement can {doing}.")
    if _ended(arr):
        raise PermissionDenied(f"This arrangement ended on {clock.day(arr['end_date'])}. "
                               "Its records are kept read-only for you.")


def _locked_message(record: dict, found: dict) -> str:
    if record["status"] == "agreed":
        return ("This record is agreed and locked. Add an addendum instead: the original "
                "text never changes.")
    return (f"This record has been shared with {found['supervisee_name']} and waits for "
            "their signature or comment, so it cannot change now.")


def _editable_record(db, actor: Actor, found: dict) -> dict:
    """The record of this session, if the actor may write it now."""
    arr = _arrangement(db, found)
    _require_supervisor(db, actor, arr, "write its records")
    record = table.for_session(db, found["id"])
    if record is None:
        raise ValidationError.single("_", "Open the session first: its agenda is not built yet.")
    if record["status"] not in EDITABLE:
        raise RecordLocked(_locked_message(record, found))
    if found["status"] not in ("planned", "held"):
        raise ValidationError.single("_", f"This session was {found['status']}, so its record "
                                          "cannot change.")
    return record


def _item(db, item_id) -> dict:
    try:
        found = table.item(db, int(item_id))
    except (TypeError, ValueError):
        found = None
    if not found:
        raise NotFound("There is no such agenda item. It may have been removed in another "
                       "window: reload the page.")
    return found


def _editable_item(db, actor: Actor, item_id) -> tuple[dict, dict, dict]:
    """(item, its session, its record) if the actor may change the item now."""
    it = _item(db, item_id)
    found = _session(db, it["session_id"])
    record = _editable_record(db, actor, found)
    return it, found, record


def _bump(db, record: dict) -> int:
    return table.bump(db, record["id"], clock.stamp())


def _text_access(item: dict) -> Access:
    """Which cell of the matrix an item's text falls under."""
    if item["safeguarding"]:
        return Access.SAFEGUARDING_ITEM
    if item["function"] == "support":
        return Access.SUPPORT_TEXT
    return Access.RECORD_TEXT


def _may_read_text(item: dict, held: frozenset) -> bool:
    """Readable without a file audit (an audited read goes through file_audit)."""
    decision = permissions.decide(_text_access(item), held)
    return decision.allowed and not decision.audited


def _case_ref(check: Checker, field: str, value) -> str:
    value = (value or "").strip()
    if value and not reflection_rules.CASE_REF.match(value):
        check.fail(field, "A case reference is the case system's ID, like CR-104233: up to 30 "
                          "letters, digits, dashes or slashes, with at least one digit. "
                          "Never a child's name.")
    return value


def _whole(check: Checker, field: str, value, low: int, high: int, message: str):
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


# ---------------------------------------------------------------- running the session

def _action_view(row: dict, held: frozenset, actor: Actor, today: date) -> dict:
    shown = _may_read_text({"safeguarding": 0, "function": row.get("item_function")
                            or "performance"}, held)
    return {
        "id": row["id"], "agenda_item_id": row["agenda_item_id"],
        "session_id": row["session_id"], "owner_id": row["owner_id"],
        "owner_name": row["owner_name"],
        "description": row["description"] if shown else None,
        "due_date": row["due_date"], "status": row["status"],
        "outcome": row["outcome"] if shown else None, "closed_at": row["closed_at"],
        "overdue": row["status"] == "open" and row["due_date"] < today.isoformat(),
        "mine": row["owner_id"] == actor.id,
    }


def _build_agenda(db, actor: Actor, found: dict, arr: dict) -> int:
    """Make the draft record and its agenda; returns the record id."""
    now = clock.stamp()
    record_id = table.insert(db, {"session_id": found["id"], "status": "draft", "revision": 0,
                                  "created_at": now, "updated_at": now})
    rows = []

    def add(**fields):
        rows.append(dict({"session_id": found["id"], "position": len(rows), "case_ref": "",
                          "wants": "", "created_at": now, "updated_at": now}, **fields))

    latest = reflection_rules.latest_submitted(db, actor, found["id"])
    for proposed in (latest or {}).get("agenda", []):
        add(source="supervisee", title=proposed["title"], function=proposed["function"],
            case_ref=proposed.get("case_ref") or "", wants=proposed.get("wants") or "",
            proposal_id=proposed.get("id"))
    for action in table.open_actions(db, arr["id"]):
        add(source="action", action_id=action["id"],
            title=f"Action: {action['description']}"[:TITLE_MAX],
            function=action["item_function"] or "performance")
    contract = current_contract(db, arr["id"])
    if contract and review_due(dict(contract, supervisor_id=arr["supervisor_id"]),
                               _session_day(found)):
        add(source="contract_review", function="performance",
            title=f"Review the supervision contract (review date "
                  f"{clock.day(contract['review_date'])})")
    table.insert_items(db, rows)
    audit.record(db, actor.id, "record_opened", "record", record_id, session_id=found["id"],
                 arrangement_id=arr["id"], items=len(rows))
    return record_id


def open_session(db, actor: Actor, session_id: int) -> dict:
    """Build the agenda and the draft record for a planned or held session, once
    (calling it again changes nothing). Only the arrangement's current supervisor.
    Returns `agenda(db, actor, session_id)`."""
    found = _session(db, session_id)
    arr = _arrangement(db, found)
    _require_supervisor(db, actor, arr, "run its sessions")
    if table.for_session(db, found["id"]) is None:
        if found["status"] not in ("planned", "held"):
            raise ValidationError.single("_", f"This session was {found['status']}, so it "
                                              "cannot be run.")
        try:
            with db.atomic():
                if table.for_session(db, found["id"]) is None:
                    _build_agenda(db, actor, found, arr)
        except sqlite3.IntegrityError:
            pass  # another window opened it at the same moment: theirs stands
    return agenda(db, actor, found["id"])


def _proposals_missing(db, actor: Actor, found: dict, rows: list[dict]) -> list[dict]:
    """Items of the latest submitted reflection not yet on the agenda: the
    supervisee may submit again after the session was opened.

    A proposal is on the agenda when an item came from it (its proposal_id), so
    the supervisor re-tagging or renaming that item changes nothing here. Failing
    that, an item from the supervisee that reads the same covers it (a proposal
    removed and proposed again as it was), and an item made before items kept
    their proposal's id covers one with its title and case reference."""
    latest = reflection_rules.latest_submitted(db, actor, found["id"])
    theirs = [r for r in rows if r["source"] == "supervisee"]
    origins = {r["proposal_id"] for r in theirs if r["proposal_id"]}
    same = {(r["title"], r["function"], r["case_ref"]) for r in theirs}
    older = {(r["title"], r["case_ref"]) for r in theirs if not r["proposal_id"]}

    def on_agenda(p: dict) -> bool:
        case_ref = p.get("case_ref") or ""
        return (p.get("id") in origins or (p["title"], p["function"], case_ref) in same
                or (p["title"], case_ref) in older)
    return [p for p in (latest or {}).get("agenda", []) if not on_agenda(p)]


def add_new_proposals(db, actor: Actor, session_id: int) -> int:
    """Put on the agenda the supervisee's items submitted since it was built;
    returns how many were added. Only while the supervisor may still edit."""
    found = _session(db, session_id)
    with db.atomic():
        record = _editable_record(db, actor, found)
        missing = _proposals_missing(db, actor, found, table.items(db, found["id"]))
        now = clock.stamp()
        for proposed in missing:
            table.insert_item(db, {
                "session_id": found["id"], "position": table.next_position(db, found["id"]),
                "source": "supervisee", "title": proposed["title"],
                "function": proposed["function"], "case_ref": proposed.get("case_ref") or "",
                "wants": proposed.get("wants") or "", "proposal_id": proposed.get("id"),
                "created_at": now, "updated_at": now})
        if missing:
            _bump(db, record)
            audit.record(db, actor.id, "record_proposals_added", "record", record["id"],
                         session_id=found["id"], items=len(missing))
    return len(missing)


def runnable_sessions(db, actor: Actor) -> list[dict]:
    """Sessions the actor can run or finish as supervisor of an open arrangement:
    planned ones (from two weeks ago) and held ones whose record is not agreed,
    soonest first. Each: {session_id, arrangement_id, supervisee_name, kind,
    scheduled_at, when, status, record_status (None before opening)}."""
    today = clock.today()
    since = clock.stamp(clock.now() - timedelta(days=RUN_SINCE_DAYS))
    ended = {a["id"] for a in arrangement_table.as_supervisor(db, actor.id)
             if access.ended(a, today)}
    return [{"session_id": r["session_id"], "arrangement_id": r["arrangement_id"],
             "supervisee_name": r["supervisee_name"], "kind": r["kind"],
             "scheduled_at": r["scheduled_at"],
             "when": reflection_rules.when(r["scheduled_at"]), "status": r["session_status"],
             "record_status": r["status"]}
            for r in table.runnable(db, actor.id, since) if r["arrangement_id"] not in ended]


def _item_view(row: dict, shown: bool, actions: list[dict], carried: dict | None) -> dict:
    out = {
        "id": row["id"], "position": row["position"], "source": row["source"],
        "source_label": SOURCES[row["source"]], "action_id": row["action_id"],
        "function": row["function"], "function_label": function_label(row["function"]),
        "minutes": row["minutes"], "risk_score": row["risk_score"],
        "next_review": row["next_review"], "safeguarding": bool(row["safeguarding"]),
        "safeguarding_at": row["safeguarding_at"], "revision": row["revision"],
        "updated_at": row["updated_at"], "text_hidden": not shown, "actions": actions,
        "carried": carried,
    }
    for name in ("title", "case_ref", "wants", "safeguarding_reason") + TEXT_FIELDS:
        out[name] = row[name] if shown else None
    return out


def _record_view(record: dict | None) -> dict | None:
    if record is None:
        return None
    keys = ("id", "status", "revision", "created_at", "updated_at", "first_shared_at",
            "shared_at", "supervisor_signed_at", "supervisee_signed_at", "agreed_at")
    return dict({k: record[k] for k in keys}, status_label=STATUSES[record["status"]])


def _late(found: dict, record: dict | None, today: date) -> tuple[str | None, bool]:
    if found["status"] != "held" or not found["held_on"]:
        return None, False
    held_on = date.fromisoformat(found["held_on"])
    due = share_by_day(held_on, found["share_within_days"])
    first = record["first_shared_at"] if record else None
    return due.isoformat(), record_late(held_on, found["share_within_days"], first, today)


def agenda(db, actor: Actor, session_id: int) -> dict:
    """The record view of one session, filtered by the matrix for this actor.

    {session_id, arrangement_id, supervisee_id, supervisee_name, supervisor_id,
     supervisor_name, kind, scheduled_at, when, session_status, held_on,
     held_minutes, planned_minutes,
     private_notes (the supervisor's own preparation; None for anyone else),
     record: None before the session is opened, else {id, status, status_label,
        revision, created_at, updated_at, first_shared_at, shared_at,
        supervisor_signed_at, supervisee_signed_at, agreed_at},
     side: 'supervisor' | 'supervisee' | None (how the actor stands),
     can_edit (the actor may change items now), can_share, can_sign, can_dispute,
     new_proposals (for the supervisor: items submitted after the agenda was built),
     can_add_addendum,
     items: [{id, position, source, source_label, action_id, title, function,
        function_label, case_ref, wants, discussion, minutes, situation, analysis,
        risk, risk_score, decision, rationale, next_review, safeguarding,
        safeguarding_reason, safeguarding_at, revision, updated_at,
        text_hidden (True when the actor may not read this item's text: then every
        text field above is None), actions: [action dicts raised on this item, see
        below], carried (for source 'action': the carried action's dict, else None)}],
     actions: every action raised in this session, [{id, agenda_item_id, owner_id,
        owner_name, description (None when hidden), due_date, status, outcome (None
        when hidden), closed_at, overdue, mine}],
     disputes: [{id, by_name, comment (None for the team lead), created_at,
        resolved_at, resolution ('revised' | 'kept' | None)}],
     addenda: [{id, author_name, body (None for the team lead), created_at}],
     minutes: {function key: minutes recorded so far}, total_minutes,
     share_by (ISO date or None before held), late (bool)}

    The team lead gets the structure (functions, minutes, statuses, dates, flags)
    with the text hidden: text reads go through `file_audit`."""
    found = _session(db, session_id)
    arr = _arrangement(db, found)
    permissions.require(db, actor, Access.METRICS, arr)
    held = permissions.relations(db, actor, arr)
    record = table.for_session(db, found["id"])
    today = clock.today()
    side = access.side(db, actor, arr)
    supervising = side == "supervisor" and not _ended(arr)
    rows = table.items(db, found["id"]) if record else []
    raised = table.actions_raised(db, found["id"])
    carried_rows = {a["id"]: a for a in table.actions_by_id(
        db, [r["action_id"] for r in rows if r["action_id"]])}
    items, minutes = [], dict.fromkeys(FUNCTIONS, 0)
    for row in rows:
        shown = _may_read_text(row, held)
        own = [_action_view(a, held, actor, today) for a in raised
               if a["agenda_item_id"] == row["id"]]
        carried = None
        if row["action_id"] in carried_rows:
            carried = _action_view(carried_rows[row["action_id"]], held, actor, today)
            if not shown:
                carried["description"] = carried["outcome"] = None
        if not shown:
            for a in own:
                a["description"] = a["outcome"] = None
        items.append(_item_view(row, shown, own, carried))
        minutes[row["function"]] += row["minutes"] or 0
    hidden_ids = {i["id"] for i in items if i["text_hidden"]}
    actions = [_action_view(a, held, actor, today) for a in raised]
    for a in actions:
        if a["agenda_item_id"] in hidden_ids:
            a["description"] = a["outcome"] = None
    text_ok = side is not None or Relation.HISTORY in held
    disputes = [{"id": d["id"], "by_name": d["by_name"],
                 "comment": d["comment"] if text_ok else None, "created_at": d["created_at"],
                 "resolved_at": d["resolved_at"], "resolution": d["resolution"]}
                for d in (table.disputes(db, record["id"]) if record else [])]
    addenda = [{"id": x["id"], "author_name": x["author_name"],
                "body": x["body"] if text_ok else None, "created_at": x["created_at"]}
               for x in (table.addenda(db, record["id"]) if record else [])]
    status = record["status"] if record else None
    due, late = _late(found, record, today)
    return {
        "session_id": found["id"], "arrangement_id": arr["id"],
        "supervisee_id": arr["supervisee_id"], "supervisee_name": arr["supervisee_name"],
        "supervisor_id": arr["supervisor_id"], "supervisor_name": arr["supervisor_name"],
        "kind": arr["kind"], "scheduled_at": found["scheduled_at"],
        "when": reflection_rules.when(found["scheduled_at"]),
        "session_status": found["status"], "held_on": found["held_on"],
        "held_minutes": found["held_minutes"], "planned_minutes": found["planned_minutes"],
        "private_notes": found["private_notes"] if side == "supervisor" else None,
        "record": _record_view(record), "side": side,
        "can_edit": supervising and status in EDITABLE
                    and found["status"] in ("planned", "held"),
        "can_share": supervising and status in EDITABLE and found["status"] == "held",
        "can_sign": (side == "supervisee" and status == "shared")
                    or (supervising and status == "disputed"),
        "can_dispute": side == "supervisee" and status == "shared",
        "can_add_addendum": status == "agreed" and (supervising or side == "supervisee"),
        "items": items, "actions": actions, "disputes": disputes, "addenda": addenda,
        "minutes": minutes, "total_minutes": sum(minutes.values()),
        "share_by": due, "late": late,
        # the supervisee's items submitted after the agenda was built, for the supervisor
        "new_proposals": (len(_proposals_missing(db, actor, found, rows))
                          if supervising and record and status in EDITABLE else 0),
    }


def add_item(db, actor: Actor, session_id: int, *, title: str, function: str,
             case_ref: str = "") -> int:
    """The supervisor adds their own item at the end of the agenda; returns its id."""
    found = _session(db, session_id)
    check = Checker()
    title = check.name("title", title, "a title for the agenda item", max_len=TITLE_MAX)
    check.choice("function", function, FUNCTIONS, "the function this item serves")
    case_ref = _case_ref(check, "case_ref", case_ref)
    check.done()
    with db.atomic():
        record = _editable_record(db, actor, found)
        now = clock.stamp()
        item_id = table.insert_item(db, {
            "session_id": found["id"], "position": table.next_position(db, found["id"]),
            "source": "supervisor", "title": title, "function": function,
            "case_ref": case_ref, "created_at": now, "updated_at": now})
        _bump(db, record)
        audit.record(db, actor.id, "record_item_added", "agenda_item", item_id,
                     session_id=found["id"], function=function)
    return item_id


def remove_item(db, actor: Actor, item_id: int) -> None:
    """Take an item off the agenda while nothing is recorded on it and no action
    hangs from it (a mistaken add). Items carried from elsewhere stay."""
    with db.atomic():
        it, found, record = _editable_item(db, actor, item_id)
        if it["source"] != "supervisor":
            raise ValidationError.single("_", "Only items you added can be removed. Record "
                                              "that this one was not discussed instead.")
        if any(a["agenda_item_id"] == it["id"] for a in table.actions_raised(db, found["id"])):
            raise ValidationError.single("_", "This item has actions, so it stays on the "
                                              "record.")
        table.delete_item(db, it["id"])
        _renumber(db, found["id"])
        _bump(db, record)
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
        it, found, record = _editable_item(db, actor, item_id)
        order = [r["id"] for r in table.items(db, found["id"])]
        at = order.index(it["id"])
        to = at - 1 if direction == "up" else at + 1
        if not 0 <= to < len(order):
            return
        order[at], order[to] = order[to], order[at]
        _renumber(db, found["id"], order)
        _bump(db, record)
        audit.record(db, actor.id, "record_item_moved", "agenda_item", it["id"],
                     session_id=found["id"], direction=direction)


def retag_item(db, actor: Actor, item_id: int, function: str, expected_revision: int) -> dict:
    """Change an item's function; same as save_item(..., {'function': function}, ...)."""
    return save_item(db, actor, item_id, {"function": function}, expected_revision)


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
            out[name] = _case_ref(check, name, value)
        elif name == "minutes":
            out[name] = _whole(check, name, value, 0, MINUTES_MAX,
                               f"Minutes are a whole number from 0 to {MINUTES_MAX}.")
        elif name == "risk_score":
            out[name] = _whole(check, name, value, *RISK_SCALE,
                               "The risk score is a whole number from 0 to 10 (Signs of "
                               "Safety scale), or leave it empty.")
        elif name == "next_review":
            day = check.day(name, value, "the next review date", required=False,
                            earliest=_session_day(found))
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
        it, found, record = _editable_item(db, actor, item_id)
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
        record_revision = _bump(db, record)
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
        it, found, record = _editable_item(db, actor, item_id)
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
        _bump(db, record)
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
    it = _item(db, item_id)
    found = _session(db, it["session_id"])
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
    due = check.day("due_date", due_date, "the due date", earliest=_session_day(found))
    check.done()
    with db.atomic():
        it, found, record = _editable_item(db, actor, item_id)
        now = clock.stamp()
        action_id = table.insert_action(db, {
            "arrangement_id": found["arrangement_id"], "session_id": found["id"],
            "agenda_item_id": it["id"], "owner_id": owner, "description": description,
            "due_date": due.isoformat(), "status": "open", "created_at": now,
            "updated_at": now})
        _bump(db, record)
        audit.record(db, actor.id, "action_added", "action", action_id,
                     session_id=found["id"], owner_id=owner, due_date=due.isoformat())
    return action_id


# ---------------------------------------------------------------- after the session

def mark_held(db, actor: Actor, session_id: int, held_on: date, held_minutes: int) -> None:
    """core.sessions.mark_held, and the draft record made if the session was never
    opened (so it can be written up afterwards)."""
    from . import sessions as session_rules

    with db.atomic():
        session_rules.mark_held(db, actor, session_id, held_on, held_minutes)
        found = _session(db, session_id)
        if table.for_session(db, found["id"]) is None:
            _build_agenda(db, actor, found, _arrangement(db, found))


def _record(db, found: dict) -> dict:
    record = table.for_session(db, found["id"])
    if record is None:
        raise ValidationError.single("_", "This session has no record yet.")
    return record


def _conflict() -> StaleWrite:
    return StaleWrite("The record changed while you were reading it. Reload the page and "
                      "read it again before you sign or comment.")


def share(db, actor: Actor, session_id: int) -> None:
    """The supervisor shares the record of a held session with the supervisee
    (draft or disputed -> shared) and so signs it. Sets first_shared_at once and
    shared_at every time. Refused while an item has a decision without rationale
    or the agenda is empty."""
    found = _session(db, session_id)
    with db.atomic():
        record = _editable_record(db, actor, found)
        if found["status"] != "held":
            raise ValidationError.single("_", "Mark the session held before you share its "
                                              "record.")
        items = table.items(db, found["id"])
        if not items:
            raise ValidationError.single("_", "The record has no agenda items yet.")
        for it in items:
            if it["decision"].strip() and not it["rationale"].strip():
                raise ValidationError.single("rationale", f"'{it['title']}': "
                                                          + RATIONALE_NEEDED)
        now = clock.stamp()
        if not table.update_if(db, record["id"], EDITABLE, record["revision"],
                               status="shared", shared_at=now,
                               first_shared_at=record["first_shared_at"] or now,
                               supervisor_signed_at=now, supervisee_signed_at=None,
                               updated_at=now):
            raise StaleWrite("The record changed at the same moment. Try again.")
        if record["status"] == "disputed":
            table.resolve_disputes(db, record["id"], "revised", now)
        audit.record(db, actor.id, "record_shared", "record", record["id"],
                     session_id=found["id"], again=record["first_shared_at"] is not None)


def _party(db, actor: Actor, found: dict) -> tuple[dict, str]:
    arr = _arrangement(db, found)
    side = access.side(db, actor, arr)
    if side is None:
        permissions.require(db, actor, Access.METRICS, arr)  # a clear refusal for others
        raise PermissionDenied("Only the supervisor and the supervisee sign or comment on "
                               "a record.")
    if side == "supervisor" and _ended(arr):
        raise PermissionDenied(f"This arrangement ended on {clock.day(arr['end_date'])}. "
                               "Its records are kept read-only for you.")
    return arr, side


def sign(db, actor: Actor, session_id: int, *, expected_revision: int | None = None) -> str:
    """Sign the record. The supervisee signs a shared record -> 'agreed' (locked).
    The supervisor signs a disputed record as it stands -> 'agreed', the dispute
    kept on the record. `expected_revision` (the record revision the person read)
    refuses a signature on text that changed since (StaleWrite). Returns the new status."""
    found = _session(db, session_id)
    with db.atomic():
        _arr, side = _party(db, actor, found)
        record = _record(db, found)
        if expected_revision is not None and record["revision"] != expected_revision:
            raise _conflict()
        now = clock.stamp()
        if side == "supervisee":
            if record["status"] != "shared":
                raise ValidationError.single("_", {
                    "draft": "This record has not been shared with you yet.",
                    "disputed": "You disputed this record: it is with your supervisor.",
                    "agreed": "This record is already agreed."}[record["status"]])
            done = table.update_if(db, record["id"], ("shared",), record["revision"],
                                   status="agreed", supervisee_signed_at=now, agreed_at=now,
                                   updated_at=now)
            kept = False
        else:
            if record["status"] != "disputed":
                raise ValidationError.single("_", {
                    "draft": "Share the record: sharing it is your signature.",
                    "shared": "You signed this record when you shared it. It waits for "
                              f"{found['supervisee_name']}'s signature.",
                    "agreed": "This record is already agreed."}[record["status"]])
            done = table.update_if(db, record["id"], ("disputed",), record["revision"],
                                   status="agreed", supervisor_signed_at=now, agreed_at=now,
                                   updated_at=now)
            table.resolve_disputes(db, record["id"], "kept", now)
            kept = True
        if not done:
            raise _conflict()
        audit.record(db, actor.id, "record_signed", "record", record["id"],
                     session_id=found["id"], side=side, dispute_kept=kept)
    return "agreed"


def dispute(db, actor: Actor, session_id: int, comment: str, *,
            expected_revision: int | None = None) -> None:
    """The supervisee disputes a shared record with a written comment (required);
    it goes back to the supervisor as 'disputed'."""
    found = _session(db, session_id)
    check = Checker()
    comment = check.text("comment", comment, "what you disagree with and why", required=True,
                         max_len=COMMENT_MAX)
    check.done()
    with db.atomic():
        _arr, side = _party(db, actor, found)
        if side != "supervisee":
            raise PermissionDenied("Only the supervisee disputes a record.")
        record = _record(db, found)
        if record["status"] != "shared":
            raise ValidationError.single("comment", "Only a record shared with you and not yet "
                                                    "signed can be disputed.")
        if expected_revision is not None and record["revision"] != expected_revision:
            raise _conflict()
        now = clock.stamp()
        if not table.update_if(db, record["id"], ("shared",), record["revision"],
                               status="disputed", supervisor_signed_at=None, updated_at=now):
            raise _conflict()
        dispute_id = table.insert_dispute(db, {"record_id": record["id"], "by_id": actor.id,
                                               "comment": comment, "created_at": now})
        audit.record(db, actor.id, "record_disputed", "record", record["id"],
                     session_id=found["id"], dispute_id=dispute_id)


def add_addendum(db, actor: Actor, session_id: int, body: str) -> int:
    """Either person adds a timestamped addendum to an agreed record; the original
    text never changes. Returns the addendum id."""
    found = _session(db, session_id)
    check = Checker()
    body = check.text("body", body, "the addendum", required=True, max_len=TEXT_MAX)
    check.done()
    with db.atomic():
        _party(db, actor, found)
        record = _record(db, found)
        if record["status"] != "agreed":
            raise ValidationError.single("body", "Addenda are for agreed records. Until it is "
                                                 "agreed, the supervisor edits the record.")
        now = clock.stamp()
        addendum_id = table.insert_addendum(db, {"record_id": record["id"],
                                                 "author_id": actor.id, "body": body,
                                                 "created_at": now})
        table.bump(db, record["id"], now)
        audit.record(db, actor.id, "addendum_added", "record", record["id"],
                     session_id=found["id"], addendum_id=addendum_id)
    return addendum_id


def _summary(row: dict, today: date) -> dict:
    due, late = None, False
    if row["session_status"] == "held" and row["held_on"]:
        held_on = date.fromisoformat(row["held_on"])
        due = share_by_day(held_on, row["share_within_days"]).isoformat()
        late = record_late(held_on, row["share_within_days"], row["first_shared_at"], today)
    status = row["status"]
    return {
        "session_id": row["session_id"], "arrangement_id": row["arrangement_id"],
        "scheduled_at": row["scheduled_at"], "when": reflection_rules.when(row["scheduled_at"]),
        "held_on": row["held_on"], "session_status": row["session_status"],
        "status": status, "status_label": STATUSES[status] if status else "Not started",
        "revision": row["revision"], "first_shared_at": row["first_shared_at"],
        "supervisor_signed_at": row["supervisor_signed_at"],
        "supervisee_signed_at": row["supervisee_signed_at"], "agreed_at": row["agreed_at"],
        "share_by": due, "late": late, "disputed": bool(row["disputes"]),
        "items": row["items"], "flagged": row["flagged"],
        "minutes": {f: int(row["minutes"].get(f, 0) or 0) for f in FUNCTIONS},
        "supervisee_name": row["supervisee_name"], "supervisor_name": row["supervisor_name"],
        "kind": row["kind"],
    }


def records_for(db, actor: Actor, arrangement_id: int) -> list[dict]:
    """The arrangement's records, newest first, without text (Access.METRICS: the two
    people, a permitted later supervisor, the team lead). Each: {session_id,
    scheduled_at, when, held_on, status, status_label, revision, first_shared_at,
    supervisor_signed_at, supervisee_signed_at, agreed_at, share_by, late, disputed
    (ever), items, flagged, minutes {function: minutes}}."""
    arr = permissions.arrangement(db, int(arrangement_id))
    permissions.require(db, actor, Access.METRICS, arr)
    today = clock.today()
    return [_summary(r, today) for r in table.summaries(db, [arr["id"]])]


def _readable_arrangements(db, actor: Actor) -> dict[int, tuple[dict, str]]:
    """Arrangements whose records the actor reads as one of the two people or as a
    later supervisor with the supervisee's consent: {id: (arrangement, side)}."""
    found: dict[int, tuple[dict, str]] = {}
    for a in arrangement_table.as_supervisee(db, actor.id):
        found[a["id"]] = (a, "supervisee")
    for a in arrangement_table.as_supervisor(db, actor.id):
        found[a["id"]] = (a, "supervisor")
        if a["history_shared_at"]:
            for earlier in arrangement_table.as_supervisee(db, a["supervisee_id"]):
                if earlier["id"] not in found and Relation.HISTORY in permissions.relations(
                        db, actor, earlier):
                    found[earlier["id"]] = (earlier, "history")
    return found


def my_records(db, actor: Actor) -> list[dict]:
    """Every record the actor may read as supervisee, supervisor (also of ended
    arrangements) or permitted later supervisor, newest first: the records_for rows
    plus arrangement_id, supervisee_name, supervisor_name, kind, side."""
    found = _readable_arrangements(db, actor)
    today = clock.today()
    rows = [dict(_summary(r, today), side=found[r["arrangement_id"]][1])
            for r in table.summaries(db, list(found))]
    return rows


def late_records(db, actor: Actor) -> list[dict]:
    """Records not shared in time in the arrangements the actor supervises or whose
    supervisee is in a team they lead: records_for rows (with late True) plus
    arrangement_id, supervisee_name, supervisor_name. Still-unshared ones first."""
    ids = {a["id"] for a in arrangement_table.as_supervisor(db, actor.id)}
    ids |= {a["id"] for a in arrangement_table.in_teams(db, sorted(actor.led_team_ids))}
    today = clock.today()
    rows = [s for s in (_summary(r, today)
                        for r in table.summaries(db, sorted(ids), maybe_late=True))
            if s["late"]]
    return sorted(rows, key=lambda s: (s["first_shared_at"] is not None, s["held_on"]))


# ---------------------------------------------------------------- case notes

def _readable_item(db, actor: Actor, item_id) -> tuple[dict, dict]:
    it = _item(db, item_id)
    found = _session(db, it["session_id"])
    arr = _arrangement(db, found)
    decision = permissions.require(db, actor, _text_access(it), arr)
    if decision.audited:
        raise PermissionDenied("A team lead reads record text only through a file audit.")
    return it, found


def case_note(db, actor: Actor, item_id: int) -> str:
    """A plain-text case note for a case item, marked 'Supervision', to paste into
    the case system: date, case reference, decision, rationale, actions, next
    review. For whoever may read the item's text (not the team lead)."""
    it, found = _readable_item(db, actor, item_id)
    if not it["case_ref"]:
        raise ValidationError.single("case_ref", "Only a case item (one with a case reference) "
                                                 "gives a case note.")
    record = table.for_session(db, found["id"])
    lines = [
        "Supervision",
        "Case note from formal supervision",
        f"Date: {clock.day(_session_day(found))}",
        f"Case reference: {it['case_ref']}",
        f"Supervisor: {found['supervisor_name']}",
        f"Practitioner: {found['supervisee_name']}",
        f"Record status: {STATUSES[record['status']] if record else 'Not started'}",
        "",
        "Decision:", it["decision"].strip() or "(none recorded)",
        "",
        "Rationale:", it["rationale"].strip() or "(none recorded)",
        "",
        "Actions:",
    ]
    actions = [a for a in table.actions_raised(db, found["id"]) if a["agenda_item_id"] == it["id"]]
    for a in actions:
        state = "open" if a["status"] == "open" else a["status"]
        lines.append(f"- {a['description'].strip()} (owner: {a['owner_name']}; due "
                     f"{clock.day(a['due_date'])}; {state})")
    if not actions:
        lines.append("- none")
    lines += ["", f"Next review: {clock.day(it['next_review']) if it['next_review'] else 'not set'}"]
    return "\n".join(lines) + "\n"


def case_note_filename(db, actor: Actor, item_id: int) -> str:
    """A safe download name, e.g. 'supervision-CR-104233-2026-03-03.txt'."""
    it, found = _readable_item(db, actor, item_id)
    ref = re.sub(r"[^A-Za-z0-9_-]+", "-", it["case_ref"] or "item").strip("-") or "item"
    return f"supervision-{ref}-{_session_day(found).isoformat()}.txt"


# ---------------------------------------------------------------- file audit and notices

def _audit_items(rows: list[dict]) -> list[dict]:
    """Items a file audit reads: performance and development, and flagged ones."""
    return [r for r in rows if r["function"] != "support" or r["safeguarding"]]


def file_audit(db, actor: Actor, *, session_id: int | None = None,
               arrangement_id: int | None = None) -> list[dict]:
    """The team lead's file audit of one record (session_id) or of every record of an
    arrangement: the text of performance and development items, and of any item
    flagged as a safeguarding concern, never other personal support items. Every
    read is audited and leaves the supervisee a notice. Call it on a deliberate act
    (a button), not on every page run: each call is a read.

    [{session_id, when, held_on, record_status, item: (as in agenda()['items'])}]"""
    if (session_id is None) == (arrangement_id is None):
        raise ValueError("give a session_id or an arrangement_id")
    if session_id is not None:
        found = _session(db, session_id)
        arr = _arrangement(db, found)
        sessions = [found]
    else:
        arr = permissions.arrangement(db, int(arrangement_id))
        sessions = None
    if Relation.TEAM_LEAD not in permissions.relations(db, actor, arr):
        raise PermissionDenied("A file audit is for the team lead of the supervisee's team.")
    permissions.require(db, actor, Access.RECORD_TEXT, arr)
    if sessions is None:
        sessions = [table.session(db, s["session_id"]) for s in table.summaries(db, [arr["id"]])
                    if s["record_id"]]
    today = clock.today()
    held = frozenset({Relation.TEAM_LEAD})
    out = []
    with db.atomic():
        for found in sessions:
            record = table.for_session(db, found["id"])
            if record is None:
                continue
            rows = _audit_items(table.items(db, found["id"]))
            raised = table.actions_raised(db, found["id"])
            for row in rows:
                own = [dict(_action_view(a, held, actor, today), description=a["description"],
                            outcome=a["outcome"])
                       for a in raised if a["agenda_item_id"] == row["id"]]
                out.append({"session_id": found["id"], "when": reflection_rules.when(
                    found["scheduled_at"]), "held_on": found["held_on"],
                    "record_status": record["status"],
                    "item": _item_view(row, True, own, None)})
                audit.record(db, actor.id, "file_audit_read", "agenda_item", row["id"],
                             session_id=found["id"], arrangement_id=arr["id"],
                             safeguarding=bool(row["safeguarding"]))
            if rows:
                flagged = sum(1 for r in rows if r["safeguarding"])
                text = (f"{actor.name}, team lead, read {len(rows)} item(s) of the record of "
                        f"your session on {clock.day(_session_day(found))} with "
                        f"{found['supervisor_name']} for a file audit")
                if flagged:
                    text += f", including {flagged} flagged as a safeguarding concern"
                table.insert_notice(db, {"user_id": arr["supervisee_id"], "at": clock.stamp(),
                                         "kind": "file_audit", "text": text + ".",
                                         "session_id": found["id"]})
    return out


def notices_for(db, actor: Actor) -> list[dict]:
    """Notices to this person, newest first: e.g. that a team lead read items of
    their records for a file audit. [{id, at, text, session_id}]"""
    return [{"id": n["id"], "at": n["at"], "text": n["text"], "session_id": n["session_id"]}
            for n in table.notices(db, actor.id)]


# ---------------------------------------------------------------- home tasks

def tasks(db, actor: Actor) -> list[Task]:
    """Home-page tasks: overdue actions for their owner (urgent); records waiting for
    the supervisee's signature; disputed records for the supervisor; held sessions
    whose record is still to be shared, for the supervisor (urgent once late)."""
    today = clock.today()
    out = []
    for a in table.overdue_actions_owned(db, actor.id, today.isoformat()):
        other = a["supervisor_name"] if a["supervisee_id"] == actor.id else a["supervisee_name"]
        text = a["description"].strip().splitlines()[0] if a["description"].strip() else ""
        if len(text) > 80:
            text = text[:77] + "..."
        out.append(Task(f"Overdue action (due {clock.day(a['due_date'])}) from supervision "
                        f"with {other}: {text}", RECORDS_PAGE, urgent=True))
    mine = {a["id"]: a for a in arrangement_table.as_supervisee(db, actor.id)}
    supervised = {a["id"]: a for a in arrangement_table.as_supervisor(db, actor.id)
                  if not access.ended(a, today)}
    for r in table.summaries(db, list(mine) + list(supervised), unagreed=True):
        s = _summary(r, today)
        day = clock.day(s["held_on"] or s["scheduled_at"][:10])
        if r["arrangement_id"] in mine and s["status"] == "shared":
            out.append(Task(f"Read and sign the record of your session on {day} with "
                            f"{s['supervisor_name']}", RECORDS_PAGE,
                            session_id=s["session_id"]))
        if r["arrangement_id"] not in supervised:
            continue
        if s["status"] == "disputed":
            out.append(Task(f"{s['supervisee_name']} disputed the record of the session on "
                            f"{day}: revise and share it again, or sign it with the dispute "
                            "kept", RUN_PAGE, session_id=s["session_id"]))
        elif s["session_status"] == "held" and s["status"] in (None, "draft"):
            due = clock.day(s["share_by"]) if s["share_by"] else ""
            text = (f"Share the record of the session on {day} with {s['supervisee_name']}"
                    + (f": it was due by {due}" if s["late"] else f" by {due}"))
            out.append(Task(text, RUN_PAGE, urgent=s["late"], session_id=s["session_id"]))
    return out
