"""A file audit's reads, by the team lead or a named auditor of the supervisee's team:
structure always, text of performance, development and safeguarding-flagged items
only, every read audited and the supervisee told by a notice."""

from db import records as table

from core import clock
from core.access import permissions
from core.access.permissions import Access, Relation
from core.access.roles import Actor
from core.admin import audit
from core.errors import PermissionDenied
from core.preparation import reflections as reflection_rules
from core.records.common import arrangement_of, session_row, session_day
from core.records.running import action_view, item_view


def _audit_items(rows: list[dict]) -> list[dict]:
    """Items a file audit reads: performance and development, and flagged ones."""
    return [r for r in rows if r["function"] != "support" or r["safeguarding"]]


def file_audit(db, actor: Actor, *, session_id: int | None = None,
               arrangement_id: int | None = None) -> list[dict]:
    """A file audit (by the team lead or a named auditor) of one record (session_id) or of every record of an
    arrangement: the text of performance and development items, and of any item
    flagged as a safeguarding concern, never other personal support items. Every
    read is audited and leaves the supervisee a notice. Call it on a deliberate act
    (a button), not on every page run: each call is a read.

    [{session_id, when, held_on, record_status, item: (as in agenda()['items'])}]"""
    if (session_id is None) == (arrangement_id is None):
        raise ValueError("give a session_id or an arrangement_id")
    if session_id is not None:
        found = session_row(db, session_id)
        arr = arrangement_of(db, found)
        sessions = [found]
    else:
        arr = permissions.arrangement(db, int(arrangement_id))
        sessions = None
    role = permissions.relations(db, actor, arr) & {Relation.TEAM_LEAD, Relation.AUDITOR}
    if not role:
        raise PermissionDenied("A file audit is for the team lead of the supervisee's team, "
                               "or an auditor named for it.")
    permissions.require(db, actor, Access.RECORD_TEXT, arr)
    title = "team lead" if Relation.TEAM_LEAD in role else "file auditor"
    if sessions is None:
        sessions = [table.session(db, s["session_id"]) for s in table.summaries(db, [arr["id"]])
                    if s["record_id"]]
    today = clock.today()
    held = frozenset(role)
    out = []
    with db.atomic():
        for found in sessions:
            record = table.for_session(db, found["id"])
            if record is None:
                continue
            rows = _audit_items(table.items(db, found["id"]))
            raised = table.actions_raised(db, found["id"])
            for row in rows:
                own = [dict(action_view(a, held, actor, today), description=a["description"],
                            outcome=a["outcome"])
                       for a in raised if a["agenda_item_id"] == row["id"]]
                out.append({"session_id": found["id"], "when": reflection_rules.when(
                    found["scheduled_at"]), "held_on": found["held_on"],
                    "record_status": record["status"],
                    "item": item_view(row, True, own, None)})
                audit.record(db, actor.id, "file_audit_read", "agenda_item", row["id"],
                             session_id=found["id"], arrangement_id=arr["id"],
                             safeguarding=bool(row["safeguarding"]))
            if rows:
                flagged = sum(1 for r in rows if r["safeguarding"])
                text = (f"{actor.name}, {title}, read {len(rows)} item(s) of the record of "
                        f"your session on {clock.day(session_day(found))} with "
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
