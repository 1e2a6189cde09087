"""After the session: held, shared (the supervisor's signature on the text as shared),
signed by the supervisee (agreed, locked) or disputed with a comment. A disputed record
is open to the supervisor again: revised and shared again, or signed as it stands with
the dispute kept. An agreed record never changes; an addendum adds a timestamped note."""

from datetime import date

from db import records as table

from core import clock
from core.access import arrangement_access as access
from core.access import permissions
from core.access.permissions import Access
from core.access.roles import Actor
from core.admin import audit
from core.errors import PermissionDenied, StaleWrite, ValidationError
from core.records.common import COMMENT_MAX, EDITABLE, RATIONALE_NEEDED, arrangement_of, stale_record, editable_record, has_ended, record_row, session_row
from core.records.running import build_agenda
from core.sessions import planning as session_rules
from core.validation import TEXT_MAX, Checker


def mark_held(db, actor: Actor, session_id: int, held_on: date, held_minutes: int) -> None:
    """core.sessions.planning.mark_held, and the draft record made if the session was never
    opened (so it can be written up afterwards)."""
    with db.atomic():
        session_rules.mark_held(db, actor, session_id, held_on, held_minutes)
        found = session_row(db, session_id)
        if table.for_session(db, found["id"]) is None:
            build_agenda(db, actor, found, arrangement_of(db, found))


def share(db, actor: Actor, session_id: int) -> None:
    """The supervisor shares the record of a held session with the supervisee
    (draft or disputed -> shared) and so signs it. Sets first_shared_at once and
    shared_at every time. Refused while an item has a decision without rationale
    or the agenda is empty."""
    found = session_row(db, session_id)
    with db.atomic():
        record = editable_record(db, actor, found)
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
    arr = arrangement_of(db, found)
    side = access.side(db, actor, arr)
    if side is None:
        permissions.require(db, actor, Access.METRICS, arr)  # a clear refusal for others
        raise PermissionDenied("Only the supervisor and the supervisee sign or comment on "
                               "a record.")
    if side == "supervisor" and has_ended(arr):
        raise PermissionDenied(f"This arrangement ended on {clock.day(arr['end_date'])}. "
                               "Its records are kept read-only for you.")
    return arr, side


def sign(db, actor: Actor, session_id: int, *, expected_revision: int | None = None) -> str:
    """Sign the record. The supervisee signs a shared record -> 'agreed' (locked).
    The supervisor signs a disputed record as it stands -> 'agreed', the dispute
    kept on the record. `expected_revision` (the record revision the person read)
    refuses a signature on text that changed since (StaleWrite). Returns the new status."""
    found = session_row(db, session_id)
    with db.atomic():
        _arr, side = _party(db, actor, found)
        record = record_row(db, found)
        if expected_revision is not None and record["revision"] != expected_revision:
            raise stale_record()
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
            raise stale_record()
        audit.record(db, actor.id, "record_signed", "record", record["id"],
                     session_id=found["id"], side=side, dispute_kept=kept)
    return "agreed"


def dispute(db, actor: Actor, session_id: int, comment: str, *,
            expected_revision: int | None = None) -> None:
    """The supervisee disputes a shared record with a written comment (required);
    it goes back to the supervisor as 'disputed'."""
    found = session_row(db, session_id)
    check = Checker()
    comment = check.text("comment", comment, "what you disagree with and why", required=True,
                         max_len=COMMENT_MAX)
    check.done()
    with db.atomic():
        _arr, side = _party(db, actor, found)
        if side != "supervisee":
            raise PermissionDenied("Only the supervisee disputes a record.")
        record = record_row(db, found)
        if record["status"] != "shared":
            raise ValidationError.single("comment", "Only a record shared with you and not yet "
                                                    "signed can be disputed.")
        if expected_revision is not None and record["revision"] != expected_revision:
            raise stale_record()
        now = clock.stamp()
        if not table.update_if(db, record["id"], ("shared",), record["revision"],
                               status="disputed", supervisor_signed_at=None, updated_at=now):
            raise stale_record()
        dispute_id = table.insert_dispute(db, {"record_id": record["id"], "by_id": actor.id,
                                               "comment": comment, "created_at": now})
        audit.record(db, actor.id, "record_disputed", "record", record["id"],
                     session_id=found["id"], dispute_id=dispute_id)


def add_addendum(db, actor: Actor, session_id: int, body: str) -> int:
    """Either person adds a timestamped addendum to an agreed record; the original
    text never changes. Returns the addendum id."""
    found = session_row(db, session_id)
    check = Checker()
    body = check.text("body", body, "the addendum", required=True, max_len=TEXT_MAX)
    check.done()
    with db.atomic():
        _party(db, actor, found)
        record = record_row(db, found)
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
