"""A case discussion as a note for the case system: only to those who may read the item.
Each download is recorded in the audit trail (who, which item of which record, when): a
file audit counts the case decisions whose note went to the case system."""

import re

from db import records as table

from core import clock
from core.access import permissions
from core.admin import audit
from core.access.roles import Actor
from core.errors import PermissionDenied, ValidationError
from core.records.common import STATUSES, arrangement_of, item_row, session_row, session_day, text_access


def _readable_item(db, actor: Actor, item_id) -> tuple[dict, dict]:
    it = item_row(db, item_id)
    found = session_row(db, it["session_id"])
    arr = arrangement_of(db, found)
    decision = permissions.require(db, actor, text_access(it), arr)
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
        f"Date: {clock.day(session_day(found))}",
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
    return f"supervision-{ref}-{session_day(found).isoformat()}.txt"


def download_case_note(db, actor: Actor, item_id: int) -> str:
    """The case note, as `case_note`, with its download recorded in the audit trail in
    one transaction (a refused note records nothing)."""
    note = case_note(db, actor, item_id)
    it = item_row(db, item_id)
    found = session_row(db, it["session_id"])
    with db.atomic():
        audit.record(db, actor.id, "case_note_downloaded", "agenda_item", it["id"],
                     session_id=found["id"], arrangement_id=found["arrangement_id"])
    return note
