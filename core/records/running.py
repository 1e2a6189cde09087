"""Running a session: the agenda is built once, when the supervisor first opens a planned
or held session, from the supervisee's submitted items, every open action carried
forward, a contract review when one is due, and the supervisor's own items."""

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta

from db import arrangements as arrangement_table
from db import records as table

from core import clock
from core.access import arrangement_access as access
from core.access import permissions
from core.access.permissions import Access, Relation
from core.access.roles import Actor
from core.admin import audit
from core.contracts.contract import current_contract, review_due
from core.errors import ValidationError
from core.insights.timeliness import record_late, share_by as share_by_day
from core.preparation import reflections as reflection_rules
from core.records.common import EDITABLE, RUN_SINCE_DAYS, SOURCES, STATUSES, TEXT_FIELDS, arrangement_of, bump_revision, editable_record, has_ended, may_read_text, require_supervisor, session_row, session_day
from core.validation import TITLE_MAX
from core.vocabulary import FUNCTIONS, label as function_label



@dataclass(frozen=True)
class AgendaView:
    """A session's agenda and record as one person may see it, with what they may do."""
    session_id: int
    arrangement_id: int
    supervisee_id: int
    supervisee_name: str
    supervisor_id: int
    supervisor_name: str
    kind: str
    scheduled_at: str
    when: str
    session_status: str
    held_on: str | None
    held_minutes: int | None
    planned_minutes: int | None
    private_notes: str | None  # the supervisor's alone
    record: dict | None  # None until the agenda is built
    side: str  # 'supervisor', 'supervisee', 'team_lead' or 'later_supervisor'
    can_edit: bool
    can_share: bool
    can_sign: bool
    can_dispute: bool
    can_add_addendum: bool
    items: list[dict]
    actions: list[dict]
    disputes: list[dict]
    addenda: list[dict]
    minutes: dict[str, int]  # per function
    total_minutes: int
    share_by: str | None
    late: bool
    new_proposals: int  # supervisee items added after the agenda was built


def action_view(row: dict, held: frozenset, actor: Actor, today: date) -> dict:
    shown = may_read_text({"safeguarding": 0, "function": row.get("item_function")
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


def build_agenda(db, actor: Actor, found: dict, arr: dict) -> int:
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
                               session_day(found)):
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
    found = session_row(db, session_id)
    arr = arrangement_of(db, found)
    require_supervisor(db, actor, arr, "run its sessions")
    if table.for_session(db, found["id"]) is None:
        if found["status"] not in ("planned", "held"):
            raise ValidationError.single("_", f"This session was {found['status']}, so it "
                                              "cannot be run.")
        try:
            with db.atomic():
                if table.for_session(db, found["id"]) is None:
                    build_agenda(db, actor, found, arr)
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
    found = session_row(db, session_id)
    with db.atomic():
        record = editable_record(db, actor, found)
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
            bump_revision(db, record)
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


def item_view(row: dict, shown: bool, actions: list[dict], carried: dict | None) -> dict:
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


def agenda(db, actor: Actor, session_id: int) -> AgendaView:
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
    found = session_row(db, session_id)
    arr = arrangement_of(db, found)
    permissions.require(db, actor, Access.METRICS, arr)
    held = permissions.relations(db, actor, arr)
    record = table.for_session(db, found["id"])
    today = clock.today()
    side = access.side(db, actor, arr)
    supervising = side == "supervisor" and not has_ended(arr)
    rows = table.items(db, found["id"]) if record else []
    raised = table.actions_raised(db, found["id"])
    carried_rows = {a["id"]: a for a in table.actions_by_id(
        db, [r["action_id"] for r in rows if r["action_id"]])}
    items, minutes = [], dict.fromkeys(FUNCTIONS, 0)
    for row in rows:
        shown = may_read_text(row, held)
        own = [action_view(a, held, actor, today) for a in raised
               if a["agenda_item_id"] == row["id"]]
        carried = None
        if row["action_id"] in carried_rows:
            carried = action_view(carried_rows[row["action_id"]], held, actor, today)
            if not shown:
                carried["description"] = carried["outcome"] = None
        if not shown:
            for a in own:
                a["description"] = a["outcome"] = None
        items.append(item_view(row, shown, own, carried))
        minutes[row["function"]] += row["minutes"] or 0
    hidden_ids = {i["id"] for i in items if i["text_hidden"]}
    actions = [action_view(a, held, actor, today) for a in raised]
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
    return AgendaView(
        session_id=found["id"], arrangement_id=arr["id"],
        supervisee_id=arr["supervisee_id"], supervisee_name=arr["supervisee_name"],
        supervisor_id=arr["supervisor_id"], supervisor_name=arr["supervisor_name"],
        kind=arr["kind"], scheduled_at=found["scheduled_at"],
        when=reflection_rules.when(found["scheduled_at"]),
        session_status=found["status"], held_on=found["held_on"],
        held_minutes=found["held_minutes"], planned_minutes=found["planned_minutes"],
        private_notes=found["private_notes"] if side == "supervisor" else None,
        record=_record_view(record), side=side,
        can_edit=supervising and status in EDITABLE
                    and found["status"] in ("planned", "held"),
        can_share=supervising and status in EDITABLE and found["status"] == "held",
        can_sign=(side == "supervisee" and status == "shared")
                    or (supervising and status == "disputed"),
        can_dispute=side == "supervisee" and status == "shared",
        can_add_addendum=status == "agreed" and (supervising or side == "supervisee"),
        items=items, actions=actions, disputes=disputes, addenda=addenda,
        minutes=minutes, total_minutes=sum(minutes.values()),
        share_by=due, late=late,
        # the supervisee's items submitted after the agenda was built, for the supervisor
        new_proposals=(len(_proposals_missing(db, actor, found, rows))
                          if supervising and record and status in EDITABLE else 0),
    )
