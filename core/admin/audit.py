"""Audit events: written for every change, sign-off, flagged read and admin act.

An event is written by `record` inside the transaction of the change it
describes, so a change that fails leaves no event and an event never outlives
a change that was rolled back. The trail is append-only: no code updates or
deletes an event, and the database refuses it too (triggers of migration m010).

Admins see the trail as metadata only (who, what, which record, when), never
the content: an event holds ids, counts and kinds, no text anyone typed.
Every kind of event the code writes has a plain name in EVENT_NAMES
(tests/core/test_audit_names.py checks it).
"""

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from db import audit as audit_table

from core import clock
from core.access.roles import require_admin

# Every kind of event written anywhere in the code, in plain words.
EVENT_NAMES = {
    "account_locked": "account locked after failed sign-ins",
    "action_added": "added an action",
    "action_closed": "closed an action",
    "addendum_added": "added an addendum to the record",
    "arrangement_created": "created the arrangement",
    "arrangement_ended": "ended the arrangement",
    "audit_checklist_changed": "changed the file audit checklist",
    "audit_exported": "exported the audit trail",
    "backup_taken": "took a backup of the database",
    "case_note_downloaded": "downloaded a case note for the case system",
    "contract_draft_discarded": "discarded the contract draft",
    "contract_drafted": "drafted the contract",
    "contract_edited": "edited the contract",
    "contract_signed": "signed the contract",
    "contract_template_changed": "changed the contract template",
    "contract_version_started": "started a new contract version",
    "database_restored": "restored the database from a backup",
    "demo_loaded": "loaded the demo organisation",
    "demo_reflections_loaded": "loaded the demo reflections",
    "feedback_given": "gave feedback on a session",
    "feedback_statements_changed": "changed the feedback statements",
    "file_audit_read": "read a record item for a file audit",
    "file_auditor_named": "named a file auditor",
    "file_auditor_removed": "removed a file auditor",
    "file_audit_sample_drawn": "drew a sample of files to audit",
    "file_audit_saved": "saved a file audit",
    "file_audit_shared": "shared a file audit",
    "file_audit_started": "started a file audit",
    "first_admin_created": "created the first admin account",
    "group_action_closed": "closed a group action",
    "group_addendum_added": "added an addendum to a group record",
    "group_attendance_signed": "signed their attendance at a group session",
    "group_contract_drafted": "drafted the group's contract",
    "group_contract_signed": "signed the group's contract",
    "group_created": "created a supervision group",
    "group_ended": "ended a supervision group",
    "group_member_added": "added a member to a supervision group",
    "group_member_left": "recorded that a member left a supervision group",
    "group_record_saved": "saved the record of a group session",
    "group_record_shared": "shared the record of a group session",
    "group_session_cancelled": "cancelled a group session",
    "group_session_moved": "moved a group session",
    "group_sessions_planned": "planned group sessions",
    "groups_purged": "purged supervision groups past the retention period",
    "history_consent_given": "shared earlier records with the new supervisor",
    "history_consent_withdrawn": "stopped sharing earlier records",
    "informal_contact_logged": "logged an informal contact",
    "journal_entry_changed": "changed a journal entry",
    "journal_entry_copied": "copied a reflection answer to the journal",
    "journal_entry_created": "wrote a journal entry",
    "journal_entry_deleted": "deleted a journal entry",
    "password_changed": "changed their password",
    "password_reset": "reset a password",
    "private_notes_saved": "saved private notes",
    "prompt_set_created": "created a prompt set",
    "prompt_set_restored": "restored a prompt set",
    "prompt_set_retired": "retired a prompt set",
    "prompt_set_updated": "updated a prompt set",
    "record_disputed": "disputed the record",
    "record_exported": "exported the record",
    "record_item_added": "added an item to the record",
    "record_item_moved": "moved an item in the record",
    "record_item_removed": "removed an item from the record",
    "record_item_saved": "saved an item of the record",
    "record_opened": "opened the record",
    "record_proposals_added": "added proposed items to the record",
    "record_shared": "shared the record",
    "record_signed": "signed the record",
    "records_purged": "purged records past the retention period",
    "reflection_agenda_item_added": "proposed an agenda item in a reflection",
    "reflection_agenda_item_removed": "removed a proposed agenda item",
    "reflection_journal_copied": "copied a journal entry into a reflection",
    "reflection_moved": "moved a reflection to another session",
    "reflection_prompt_set_chosen": "chose the prompts for a reflection",
    "reflection_saved": "saved a reflection",
    "reflection_started": "started a reflection",
    "reflection_submitted": "submitted a reflection",
    "reminder_choices_changed": "changed which reminders they get",
    "reminder_rules_changed": "changed which reminders are mandatory",
    "safeguarding_flagged": "flagged an item as a safeguarding concern",
    "safeguarding_unflagged": "removed a safeguarding flag",
    "session_cancelled": "cancelled a session",
    "session_held": "recorded a session as held",
    "session_rescheduled": "rescheduled a session",
    "sessions_planned": "planned sessions",
    "settings_changed": "changed the settings",
    "sign_in_failed": "failed to sign in",
    "signed_in": "signed in",
    "signed_out": "signed out",
    "subject_access_exported": "exported a subject access request",
    "team_created": "created a team",
    "team_lead_set": "set the team lead",
    "user_created": "created an account",
    "user_deactivated": "deactivated an account",
    "user_reactivated": "reactivated an account",
    "user_updated": "updated an account",
}

ENTITY_NAMES = {
    "action": "action",
    "agenda_item": "record item",
    "arrangement": "arrangement",
    "audit_checklist": "file audit checklist item",
    "contract": "contract",
    "feedback_set": "feedback statements",
    "file_audit": "file audit",
    "group": "supervision group",
    "informal_contact": "informal contact",
    "journal_entry": "journal entry",
    "organisation": "organisation",
    "prompt_set": "prompt set",
    "record": "record",
    "reflection": "reflection",
    "session": "session",
    "settings": "settings",
    "team": "team",
    "user": "account",
    "audit": "audit trail",
    "database": "database",
}

PAGE_SIZE = 50


def record(db, actor_id: int | None, action: str, entity: str, entity_id: int | None, **detail):
    audit_table.insert(
        db,
        {
            "at": clock.stamp(),
            "actor_id": actor_id,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "detail": detail,
        },
    )


def plain(action: str) -> str:
    """An event kind in plain words ('signed the record', not record_signed)."""
    return EVENT_NAMES.get(action, action.replace("_", " "))


def plain_entity(entity: str, entity_id: int | None) -> str:
    name = ENTITY_NAMES.get(entity, entity.replace("_", " "))
    return f"{name} {entity_id}" if entity_id is not None else name


# ---- the admin's view: filters, pages, CSV -----------------------------------


@dataclass(frozen=True)
class Filters:
    """What the admin filters the trail by; every part is optional.
    Dates are days in England, both ends included."""

    actor_id: int | None = None
    entity: str | None = None
    entity_id: int | None = None
    actions: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None

    def as_query(self) -> dict:
        return {
            "actor_id": self.actor_id, "entity": self.entity, "entity_id": self.entity_id,
            "actions": list(self.actions),
            "since": _start_of(self.since) if self.since else None,
            "before": _start_of(self.until + timedelta(days=1)) if self.until else None,
        }

    def as_detail(self) -> dict:
        """The filters as an audit event holds them: ids, kinds and dates only."""
        return {k: v for k, v in {
            "actor_id": self.actor_id, "entity": self.entity, "entity_id": self.entity_id,
            "actions": list(self.actions) or None,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
        }.items() if v is not None}


def _start_of(day: date) -> str:
    return clock.stamp(datetime.combine(day, time(0, 0), tzinfo=clock.LONDON))


def _view(event: dict) -> dict:
    """An event as the admin sees it: metadata, never content."""
    return {
        "id": event["id"], "at": event["at"], "when": clock.local(event["at"]),
        "actor_id": event["actor_id"], "who": event["actor_name"] or "System",
        "action": event["action"], "did": plain(event["action"]),
        "entity": event["entity"], "entity_id": event["entity_id"],
        "to": plain_entity(event["entity"], event["entity_id"]),
    }


def trail(db, actor, filters: Filters = Filters(), *, page: int = 1,
          per_page: int = PAGE_SIZE) -> dict:
    """One page of the trail, newest first: {"events", "total", "page", "pages"}."""
    require_admin(actor)
    query = filters.as_query()
    total = audit_table.count(db, query)
    pages = max(1, -(-total // per_page))
    page = min(max(1, int(page)), pages)
    events = audit_table.search(db, query, limit=per_page, offset=(page - 1) * per_page)
    return {"events": [_view(e) for e in events], "total": total, "page": page,
            "pages": pages}


def kinds(db, actor) -> dict[str, str]:
    """Every kind of event the filter offers: the known ones and any in the trail."""
    require_admin(actor)
    found = set(EVENT_NAMES) | set(audit_table.kinds_written(db))
    return {k: plain(k) for k in sorted(found, key=plain)}


CSV_COLUMNS = ["event", "when (UTC)", "who", "who id", "did", "kind", "record", "record id"]


def export_csv(db, actor, filters: Filters = Filters()) -> bytes:
    """The whole filtered trail as CSV (metadata only). The export is audited,
    in the same transaction that reads the trail."""
    require_admin(actor)
    with db.atomic():
        events = audit_table.search(db, filters.as_query(), limit=None)
        record(db, actor.id, "audit_exported", "audit", None, events=len(events),
               **filters.as_detail())
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for e in events:
        v = _view(e)
        writer.writerow([v["id"], v["at"], _cell(v["who"]), v["actor_id"] or "", v["did"],
                         v["action"], ENTITY_NAMES.get(v["entity"], v["entity"]),
                         "" if v["entity_id"] is None else v["entity_id"]])
    return out.getvalue().encode("utf-8")


def _cell(text: str) -> str:
    """A name as a spreadsheet cell: never a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


# ---- the supervisee's view: who read my items --------------------------------


def reads_of_my_items(db, actor) -> list[dict]:
    """Who has read the supervisee's record items outside supervision, and when:
    file audits by a team lead (flagged items among them), one row per session
    read, and subject access exports about them made by an admin (which hold
    every record, flagged items included). Newest first."""
    rows = [
        {"who": r["actor_name"] or "System", "at": r["at"], "when": clock.local(r["at"]),
         "what": "file audit", "session_id": r["session_id"],
         "session": clock.day(r["session_day"]), "items": r["items"],
         "flagged": r["flagged"] or 0}
        for r in audit_table.reads_of_items_of(db, actor.id)
    ] + [
        {"who": r["actor_name"] or "System", "at": r["at"], "when": clock.local(r["at"]),
         "what": "subject access export", "session_id": None, "session": "every session",
         "items": None, "flagged": None}
        for r in audit_table.subject_access_by_others(db, actor.id)
    ]
    return sorted(rows, key=lambda r: r["at"], reverse=True)
