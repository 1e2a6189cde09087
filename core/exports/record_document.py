"""An agreed supervision record as a plain document model, laid out like a
council supervision record, for the DOCX and PDF renderers.

Who gets what follows the matrix (core/access/permissions.py):

- the supervisee, the supervisor of the arrangement (also after it ended) and a
  later supervisor the supervisee let read the history get the whole record;
- the team lead of the supervisee's team gets only the performance and
  development items, and items flagged as a safeguarding concern, read through
  `records.file_audit` (every item read is audited and the supervisee told);
  never other personal support items, dispute comments or addenda text;
- anyone else (an admin, another supervisor) is refused: `records.agenda`
  raises PermissionDenied.

Only an agreed record exports: until both have signed it is not the record.
"""

import unicodedata
from dataclasses import dataclass, field, replace

from db import contracts as contract_table
from db import records as record_table

from core import clock
from core.access import permissions
from core.records import running
from core.records import audit_reads
from core.records.running import AgendaView
from core.errors import PermissionDenied, ValidationError
from core.vocabulary import FUNCTIONS, KINDS
from core.access.permissions import Relation
from core.access.roles import Actor

FULL, FILE_AUDIT = "full", "file_audit"


@dataclass(frozen=True)
class Block:
    """One piece of a section: `kind` is 'heading' (a sub-heading), 'field' (a
    label and its text), 'text' (a paragraph) or 'note' (a remark in italics)."""
    kind: str
    text: str
    label: str = ""


@dataclass(frozen=True)
class Section:
    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class RecordDocument:
    title: str
    header: list[tuple[str, str]]
    sections: list[Section]
    footer: str
    scope: str  # FULL or FILE_AUDIT
    session_id: int
    record_id: int
    day: str  # ISO date of the session

    def text(self) -> str:
        """Everything in the document as plain text (for tests and the JSON of a
        subject access export)."""
        lines = [self.title]
        lines += [f"{label}: {value}" for label, value in self.header]
        for s in self.sections:
            lines.append(s.title)
            lines += [f"{b.label}: {b.text}" if b.label else b.text for b in s.blocks]
        lines.append(self.footer)
        return "\n".join(lines)

    def as_dict(self) -> dict:
        return {"title": self.title, "header": [list(h) for h in self.header],
                "sections": [{"title": s.title,
                              "blocks": [{"kind": b.kind, "label": b.label, "text": b.text}
                                         for b in s.blocks]} for s in self.sections],
                "footer": self.footer, "scope": self.scope, "session_id": self.session_id}


def clean(value) -> str:
    """Text as typed, made safe to put in a document: control characters (other
    than line breaks and tabs) and unpaired surrogates are dropped, since XML
    (DOCX) cannot hold them. Nothing is interpreted: HTML stays text."""
    text = "" if value is None else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in text if c in "\n\t"
                   or unicodedata.category(c) not in ("Cc", "Cs"))


def _field(label: str, value) -> Block | None:
    text = clean(value).strip()
    return Block("field", text, label) if text else None


def _scope(db, actor: Actor, view: dict) -> str:
    held = permissions.relations(db, actor, permissions.arrangement(db, view.arrangement_id))
    if held & {Relation.SUPERVISEE, Relation.SUPERVISOR, Relation.HISTORY}:
        return FULL
    if Relation.TEAM_LEAD in held:
        return FILE_AUDIT
    raise PermissionDenied("You do not have access to the text of this record.")


def _contract_line(contract: dict | None) -> str:
    if not contract:
        return "No contract found"
    signed = [s for s in (contract["supervisor_signed_at"], contract["supervisee_signed_at"]) if s]
    text = (f"Version {contract['version']}, from {clock.day(contract['start_date'])}, "
            f"review by {clock.day(contract['review_date'])}")
    if len(signed) == 2:
        text += f"; signed by both (last on {clock.day(max(signed)[:10])})"
    return text


def _minutes(value) -> str:
    return f"{value} minutes" if value not in (None, "") else "not recorded"


def _item_blocks(item: dict) -> list[Block]:
    title = clean(item["title"]).strip() or "(untitled item)"
    if item["case_ref"]:
        title += f" (case {clean(item['case_ref'])})"
    out = [Block("heading", title)]
    if item["safeguarding"]:
        out.append(Block("note", "Flagged as a safeguarding concern"
                         + (f" on {clock.local(item['safeguarding_at'])}"
                            if item["safeguarding_at"] else "")
                         + (f": {clean(item['safeguarding_reason']).strip()}"
                            if item["safeguarding_reason"] else "")))
    out.append(Block("field", _minutes(item["minutes"]), "Time"))
    if item.get("carried"):
        out.append(Block("field", _action_text(item["carried"]), "Action carried forward"))
    risk = clean(item["risk"]).strip()
    if item["risk_score"] is not None:
        risk = (risk + " " if risk else "") + f"(risk {item['risk_score']} on a 0 to 10 scale)"
    for block in (_field("Discussion", item["discussion"]),
                  _field("Current situation", item["situation"]),
                  _field("Analysis", item["analysis"]), _field("Risk", risk),
                  _field("Decision", item["decision"]), _field("Rationale", item["rationale"]),
                  _field("Next review", clock.day(item["next_review"]))):
        if block:
            out.append(block)
    return out


def _action_text(a: dict) -> str:
    text = clean(a["description"]).strip() if a["description"] is not None else \
        "(text not part of this export)"
    state = {"open": "open", "done": "done", "dropped": "dropped"}[a["status"]]
    line = f"{text} (owner: {clean(a['owner_name'])}; due {clock.day(a['due_date'])}; {state})"
    if a["status"] != "open" and a.get("outcome"):
        line += f". Outcome: {clean(a['outcome']).strip()}"
    return line


def _view(db, actor: Actor, session_id: int) -> tuple[AgendaView, str, int]:
    view = running.agenda(db, actor, session_id)
    if view.record is None or view.record["status"] != "agreed":
        raise ValidationError.single("_", "Only an agreed record can be exported: both people "
                                          "sign it first.")
    scope = _scope(db, actor, view)
    if scope == FILE_AUDIT:
        read = {r["item"]["id"]: r["item"] for r in
                audit_reads.file_audit(db, actor, session_id=view.session_id)}
        items = [read[i["id"]] for i in view.items if i["id"] in read]
        shown_actions = {a["id"]: a for it in items for a in it["actions"]}
        actions = [shown_actions.get(a["id"], a) for a in view.actions
                   if a["agenda_item_id"] in read]
        return replace(view, items=items, actions=actions), scope, len(view.items) - len(items)
    return view, scope, 0


def build(db, actor: Actor, session_id: int, *, exported_by: str | None = None) -> RecordDocument:
    """The document of one agreed record for this actor. For a team lead this is a
    file audit: call it only on a deliberate act (a download), since every call
    is an audited read that the supervisee is told about. `exported_by` names who
    made the file when that is not the actor (a subject access export)."""
    view, scope, withheld = _view(db, actor, session_id)
    rec = view.record
    found_contract = None
    session_row = record_table.session(db, view.session_id)
    if session_row:
        found_contract = contract_table.get(db, session_row["contract_id"])
    day = view.held_on or view.scheduled_at[:10]
    header = [
        ("Supervisee", clean(view.supervisee_name)),
        ("Supervisor", clean(view.supervisor_name)),
        ("Kind of supervision", KINDS.get(view.kind, view.kind)),
        ("Date", clock.day(day)),
        ("Length", _minutes(view.held_minutes or view.planned_minutes)),
        ("Contract", _contract_line(found_contract)),
        ("Record status", rec["status_label"]),
    ]
    sections = []
    by_function = Section("Items by function")
    for key, name in FUNCTIONS.items():
        mine = [i for i in view.items if i["function"] == key]
        minutes = sum(i["minutes"] or 0 for i in mine)
        by_function.blocks.append(Block("heading", f"{name} ({len(mine)} item(s), "
                                                   f"{minutes} minutes)"))
        if scope == FILE_AUDIT and key == "support":
            by_function.blocks.append(Block(
                "note", "Personal support items are confidential between the supervisee and "
                        "the supervisor and are not part of a file audit (only items flagged "
                        "as a safeguarding concern are shown)."))
        if not mine:
            by_function.blocks.append(Block("note", "No items."))
        for item in mine:
            by_function.blocks.extend(_item_blocks(item))
    sections.append(by_function)

    decisions = Section("Case decisions")
    for item in view.items:
        if item["case_ref"] and (item["decision"] or "").strip():
            decisions.blocks.extend([
                Block("heading", f"Case {clean(item['case_ref'])}"),
                Block("field", clean(item["decision"]).strip(), "Decision"),
                Block("field", clean(item["rationale"]).strip() or "(none recorded)",
                      "Rationale")])
            if item["next_review"]:
                decisions.blocks.append(Block("field", clock.day(item["next_review"]),
                                              "Next review"))
    if not decisions.blocks:
        decisions.blocks.append(Block("note", "No case decisions were recorded."))
    sections.append(decisions)

    actions = Section("Actions", [Block("text", _action_text(a)) for a in view.actions]
                      or [Block("note", "No actions were agreed.")])
    sections.append(actions)

    signatures = Section("Signatures", [
        Block("field", f"{clean(view.supervisor_name)}, signed "
                       f"{clock.local(rec['supervisor_signed_at']) or 'not signed'}", "Supervisor"),
        Block("field", f"{clean(view.supervisee_name)}, signed "
                       f"{clock.local(rec['supervisee_signed_at']) or 'not signed'}", "Supervisee"),
        Block("field", clock.local(rec["agreed_at"]), "Agreed and locked"),
    ])
    sections.append(signatures)

    if view.disputes:
        disputes = Section("Disputes")
        for d in view.disputes:
            comment = (clean(d["comment"]).strip() if d["comment"] is not None
                       else "(text not part of a file audit)")
            outcome = {"revised": "the record was revised", "kept": "signed with the dispute kept",
                       None: "open"}[d["resolution"]]
            disputes.blocks.append(Block("field", f"{comment} ({outcome})",
                                         f"{clean(d['by_name'])}, {clock.local(d['created_at'])}"))
        sections.append(disputes)

    addenda = Section("Addenda")
    for x in view.addenda:
        body = clean(x["body"]).strip() if x["body"] is not None else \
            "(text not part of a file audit)"
        addenda.blocks.append(Block("field", body,
                                    f"{clean(x['author_name'])}, {clock.local(x['created_at'])}"))
    if not addenda.blocks:
        addenda.blocks.append(Block("note", "No addenda."))
    sections.append(addenda)

    footer = (f"Exported by {clean(exported_by or actor.name)} on {clock.local(clock.stamp())}. "
              + ("Whole record." if scope == FULL else
                 f"File audit copy: {withheld} personal support item(s) withheld; "
                 "this export is audited and the supervisee is told."))
    return RecordDocument(title="Supervision record", header=header, sections=sections,
                          footer=footer, scope=scope, session_id=view.session_id,
                          record_id=rec["id"], day=day)
