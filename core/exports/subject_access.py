"""Subject access: everything the portal holds about one person, as one zip of
machine-readable JSON (data.json) and documents (the agreed records).

Who may run it: the person themselves, or an admin. An admin-run export is a
legal disclosure to the data subject (UK GDPR article 15): it holds the same as
the person's own export, journal included, and the page says it is to be
given to the person and to no one else. The admin does not read it in the
portal. The person is told by a notice when an admin runs it. Every export
writes a 'subject_access_exported' audit event.

What "about one person" means here, and why:

- **account**: their user row (name, username, email, job title, team, hours,
  admin flag, sign-in state). Never a password hash, theirs or anyone's (the
  users query never selects it; `_account` drops it again to be sure).
- **teams** they belong to or lead.
- **arrangements** where they are the supervisee or the supervisor, each with
  its **contract** versions, **sessions** (dates, status, who cancelled and why)
  and **informal contacts**: these describe their own supervision or their work
  as a supervisor. A session's private preparation notes go only to the
  supervisor who wrote them (they are that person's own writing; for the
  supervisee they stay with the supervisor, as in the portal: a human reviewer
  decides on disclosure of such notes).
- **records** where they are the supervisee or the supervisor, in full (every
  item, decision, action, dispute and addendum, as the record view gives it to
  them), and the agreed ones as documents (one DOCX per record, and one PDF
  holding them all, since drawing a PDF's fonts takes most of the time). A
  record where they are the supervisor also holds the supervisee's personal
  data: it is included because the supervisor wrote it, signed it and already
  reads it in full in the portal, so nothing is disclosed that they do not
  hold; `third_party_data` marks those records for whoever sends the export
  to review. Records they read only as a later supervisor (with a supervisee's
  consent) are about that supervisee, so they are left out.
- **reflections** they wrote: every draft and every submitted version, with
  their wellbeing checks. Their supervisees' reflections are about the
  supervisees and are left out.
- **journal** entries: private to them, and theirs.
- **actions** they own (in any arrangement).
- **groups** (group supervision) they facilitate or were a member of: what the
  Group supervision page shows them, no more (`core/groups/group_export.py`).
  Group records name the other members, so each is marked `third_party_data`.
- **feedback** they gave on their sessions (scores, statements and comment, shared
  or kept out), and the feedback given on sessions they supervised, as they read it
  in the portal: a comment the supervisee kept out stays out.
- **file audits** of their supervision (as supervisee or supervisor) once shared,
  as both read them; and the audits they ran as an auditor, in full, whatever their
  state (their own writing about another's file: `third_party_data`). An audit not
  yet shared is the auditor's work in progress and reaches the two people when shared.
- **audit events** they caused and those about their account; file-audit
  reads of their records reach them as **notices**, which are included.
"""

import io
import json
import zipfile
from dataclasses import asdict
from datetime import date, datetime

from db import arrangements as arrangement_table
from db import contracts as contract_table
from db import file_audits as file_audit_table
from db import journal as journal_table
from db import records as record_table
from db import reflections as reflection_table
from db import sessions as session_table
from db import subject_access as table
from db import users as user_table

from core import clock
from core.admin import audit
from core.records import running
from core.errors import NotFound, PermissionDenied
from core.access.roles import Actor, actor_from_user
from core.exports import docx_file, pdf_file, record_document
from core.exports.record_export import ExportFile, filename
from core.groups import group_export

VIEW_FLAGS = ("can_edit", "can_share", "can_sign", "can_dispute", "can_add_addendum",
              "new_proposals", "side")
README = """Subject access export from the supervision portal

For: {name} ({username})
Made: {made} by {by}

data.json holds everything the portal keeps about this person, as JSON:
{sections}

records/ holds the agreed supervision records as documents: one Word file
(.docx) per record, and one PDF with all of them.

Records where this person is the supervisor also hold the supervisee's
personal data (marked "third_party_data": true in data.json). Review them
before sending this export.
"""


def _allowed(actor: Actor, user_id: int) -> None:
    if actor.id != user_id and not actor.is_admin:
        raise PermissionDenied("Only the person themselves or an admin can export everything "
                               "the portal holds about a person.")


def _account(user: dict) -> dict:
    return {k: v for k, v in user.items() if k != "password_hash"}


def _record_view(db, subject: Actor, session_id: int, supervising: bool) -> dict:
    view = running.agenda(db, subject, session_id)
    out = {k: v for k, v in asdict(view).items() if k not in VIEW_FLAGS}
    out["subject_is"] = "supervisor" if supervising else "supervisee"
    out["third_party_data"] = supervising
    return out


def collect(db, actor: Actor, user_id: int) -> tuple[dict, list]:
    """(the JSON data, the agreed records' documents) about one person."""
    _allowed(actor, user_id)
    user = user_table.get(db, int(user_id))
    if not user:
        raise NotFound("There is no such person.")
    subject = actor_from_user(db, user)
    arrangements = ([dict(a, subject_is="supervisee")
                     for a in _arrangements(db, user["id"], "supervisee")]
                    + [dict(a, subject_is="supervisor")
                       for a in _arrangements(db, user["id"], "supervisor")])
    out_arrangements, out_records, documents = [], [], []
    for arr in arrangements:
        supervising = arr["subject_is"] == "supervisor"
        sessions = []
        for s in session_table.for_arrangement(db, arr["id"]):
            if not supervising:
                s = {k: v for k, v in s.items() if k != "private_notes"}
            sessions.append(s)
        out_arrangements.append(dict(arr, contracts=contract_table.versions(db, arr["id"]),
                                     sessions=sessions))
        for summary in record_table.summaries(db, [arr["id"]]):
            if not summary["record_id"]:
                continue
            sid = summary["session_id"]
            out_records.append(_record_view(db, subject, sid, supervising))
            if summary["status"] == "agreed":
                documents.append(record_document.build(db, subject, sid, exported_by=actor.name))
    reflections = []
    for r in table.reflections_written(db, user["id"]):
        reflections.append(dict(r, submitted_versions=reflection_table.versions(db, r["id"])))
    data = {
        "about": {"user_id": user["id"], "name": user["name"], "username": user["username"]},
        "made_at": clock.stamp(),
        "made_by": {"user_id": actor.id, "name": actor.name,
                    "as": "the person themselves" if actor.id == user["id"] else "an admin"},
        "account": _account(user),
        "teams": table.teams(db, user["id"]),
        "arrangements": out_arrangements,
        "informal_contacts": table.informal_contacts(db, [a["id"] for a in arrangements]),
        "records": out_records,
        "reflections": reflections,
        "journal_entries": journal_table.for_user(db, user["id"]),
        "actions_owned": table.actions_owned(db, user["id"]),
        "groups": group_export.about(db, subject),
        "feedback": _feedback(db, user["id"]),
        "file_audits": _file_audits(db, user["id"]),
        "notices": table.notices(db, user["id"]),
        "audit_events": table.audit_events(db, user["id"]),
    }
    return data, documents


def _feedback(db, user_id: int) -> list[dict]:
    out = []
    for f in table.feedback(db, user_id):
        gave = f["supervisee_id"] == user_id
        comment = f["comment"] if gave or f["comment_shared"] else None
        out.append(dict(f, comment=comment, subject_is="supervisee" if gave else "supervisor",
                        comment_kept_out=bool(f["comment"].strip()) and comment is None))
    return out


def _file_audits(db, user_id: int) -> list[dict]:
    out = []
    for row in table.file_audit_ids(db, user_id):
        ran = row["auditor_id"] == user_id
        if not ran and not row["shared_at"]:
            continue
        found = file_audit_table.get_audit(db, row["id"])
        out.append(dict(found, subject_is="auditor" if ran else
                        "supervisee" if row["supervisee_id"] == user_id else "supervisor",
                        third_party_data=ran))
    return out


def _arrangements(db, user_id: int, side: str) -> list[dict]:
    rows = (arrangement_table.as_supervisee(db, user_id) if side == "supervisee"
            else arrangement_table.as_supervisor(db, user_id))
    return [{k: v for k, v in a.items() if k != "supervisee_team_id"} for a in rows]


def _json_default(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def zip_name(username: str) -> str:
    return f"subject-access-{username}-{clock.today().isoformat()}.zip"


def export(db, actor: Actor, user_id: int) -> ExportFile:
    """The subject access zip for one person (see the module docstring)."""
    data, documents = collect(db, actor, user_id)
    username = data["about"]["username"]
    folder = zip_name(username)[:-4]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr(f"{folder}/README.txt", README.format(
            name=data["about"]["name"], username=username, made=clock.local(data["made_at"]),
            by=f"{actor.name} ({data['made_by']['as']})",
            sections="\n".join(f"- {key}" for key in data
                               if key not in ("about", "made_at", "made_by"))))
        bundle.writestr(f"{folder}/data.json",
                        json.dumps(data, indent=2, ensure_ascii=False,
                                   default=_json_default))
        for doc in documents:
            bundle.writestr(f"{folder}/records/{filename(doc, 'docx')}",
                            docx_file.render(doc))
        if documents:
            bundle.writestr(f"{folder}/records/supervision-records.pdf",
                            pdf_file.render_many(documents))
    user_id = data["about"]["user_id"]
    # Written when the file exists, in a short write transaction of its own (a
    # deferred one around the reads could not take the write lock under load).
    with db.atomic():
        audit.record(db, actor.id, "subject_access_exported", "user", user_id,
                     by="self" if actor.id == user_id else "admin",
                     records=len(data["records"]), documents=len(documents))
        if actor.id != user_id:
            record_table.insert_notice(db, {
                "user_id": user_id, "at": clock.stamp(), "kind": "subject_access",
                "text": f"{actor.name}, an admin, exported everything the portal holds about "
                        "you (a subject access export), to be given to you.",
                "session_id": None})
    return ExportFile(f"{folder}.zip", buffer.getvalue(), "application/zip")
