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

from datetime import date

from .roles import Actor
from .tasks import Task

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


# ---------------------------------------------------------------- running the session

def open_session(db, actor: Actor, session_id: int) -> dict:
    """Build the agenda and the draft record for a planned or held session, once
    (calling it again changes nothing). Only the arrangement's current supervisor.
    Returns `agenda(db, actor, session_id)`."""
    raise NotImplementedError


def runnable_sessions(db, actor: Actor) -> list[dict]:
    """Sessions the actor can run or finish as supervisor of an open arrangement:
    planned ones (from two weeks ago) and held ones whose record is not agreed,
    soonest first. Each: {session_id, arrangement_id, supervisee_name, kind,
    scheduled_at, when, status, record_status (None before opening)}."""
    raise NotImplementedError


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
     can_add_addendum,
     items: [{id, position, source, source_label, action_id, title, function,
        function_label, case_ref, wants, discussion, minutes, situation, analysis,
        risk, risk_score, decision, rationale, next_review, safeguarding,
        safeguarding_reason, safeguarding_at, revision, updated_at,
        text_hidden (True when the actor may not read this item's text: then every
        text field above is None), actions: [action dicts, see below]}],
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
    raise NotImplementedError


def add_item(db, actor: Actor, session_id: int, *, title: str, function: str,
             case_ref: str = "") -> int:
    """The supervisor adds their own item at the end of the agenda; returns its id."""
    raise NotImplementedError


def remove_item(db, actor: Actor, item_id: int) -> None:
    """Take an item off the agenda while nothing is recorded on it and no action
    hangs from it (a mistaken add). Items carried from elsewhere stay."""
    raise NotImplementedError


def move_item(db, actor: Actor, item_id: int, direction: str) -> None:
    """Move an item one place 'up' or 'down' the agenda (no-op at either end)."""
    raise NotImplementedError


def retag_item(db, actor: Actor, item_id: int, function: str, expected_revision: int) -> dict:
    """Change an item's function; same as save_item(..., {'function': function}, ...)."""
    raise NotImplementedError


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
    raise NotImplementedError


def flag_safeguarding(db, actor: Actor, item_id: int, reason: str) -> None:
    """Flag an item as a safeguarding concern (reason required). The team lead can
    then read it through file_audit. Supervisor only, while the record is editable."""
    raise NotImplementedError


def unflag_safeguarding(db, actor: Actor, item_id: int, reason: str) -> None:
    """Withdraw a flag set in error, saying why (audited; the reason for the
    original flag stays in the audit log)."""
    raise NotImplementedError


def add_action(db, actor: Actor, item_id: int, *, owner_id: int, description: str,
               due_date) -> int:
    """The supervisor adds an action on an item: owner is either person of the
    arrangement, due date a date from the session day up to five years ahead.
    Returns the action id. Closing goes through core.actions.close_action."""
    raise NotImplementedError


# ---------------------------------------------------------------- after the session

def mark_held(db, actor: Actor, session_id: int, held_on: date, held_minutes: int) -> None:
    """core.sessions.mark_held, and the draft record made if the session was never
    opened (so it can be written up afterwards)."""
    raise NotImplementedError


def share(db, actor: Actor, session_id: int) -> None:
    """The supervisor shares the record of a held session with the supervisee
    (draft or disputed -> shared) and so signs it. Sets first_shared_at once and
    shared_at every time. Refused while an item has a decision without rationale
    or the agenda is empty."""
    raise NotImplementedError


def sign(db, actor: Actor, session_id: int, *, expected_revision: int | None = None) -> str:
    """Sign the record. The supervisee signs a shared record -> 'agreed' (locked).
    The supervisor signs a disputed record as it stands -> 'agreed', the dispute
    kept on the record. `expected_revision` (the record revision the person read)
    refuses a signature on text that changed since (StaleWrite). Returns the new status."""
    raise NotImplementedError


def dispute(db, actor: Actor, session_id: int, comment: str, *,
            expected_revision: int | None = None) -> None:
    """The supervisee disputes a shared record with a written comment (required);
    it goes back to the supervisor as 'disputed'."""
    raise NotImplementedError


def add_addendum(db, actor: Actor, session_id: int, body: str) -> int:
    """Either person adds a timestamped addendum to an agreed record; the original
    text never changes. Returns the addendum id."""
    raise NotImplementedError


def records_for(db, actor: Actor, arrangement_id: int) -> list[dict]:
    """The arrangement's records, newest first, without text (Access.METRICS: the two
    people, a permitted later supervisor, the team lead). Each: {session_id,
    scheduled_at, when, held_on, status, status_label, revision, first_shared_at,
    supervisor_signed_at, supervisee_signed_at, agreed_at, share_by, late, disputed
    (ever), items, flagged, minutes {function: minutes}}."""
    raise NotImplementedError


def my_records(db, actor: Actor) -> list[dict]:
    """Every record the actor may read as supervisee, supervisor (also of ended
    arrangements) or permitted later supervisor, newest first: the records_for rows
    plus arrangement_id, supervisee_name, supervisor_name, kind, side."""
    raise NotImplementedError


def late_records(db, actor: Actor) -> list[dict]:
    """Records not shared in time in the arrangements the actor supervises or whose
    supervisee is in a team they lead: records_for rows (with late True) plus
    arrangement_id, supervisee_name, supervisor_name. Still-unshared ones first."""
    raise NotImplementedError


# ---------------------------------------------------------------- case notes

def case_note(db, actor: Actor, item_id: int) -> str:
    """A plain-text case note for a case item, marked 'Supervision', to paste into
    the case system: date, case reference, decision, rationale, actions, next
    review. For whoever may read the item's text (not the team lead)."""
    raise NotImplementedError


def case_note_filename(db, actor: Actor, item_id: int) -> str:
    """A safe download name, e.g. 'supervision-CR-104233-2026-03-03.txt'."""
    raise NotImplementedError


# ---------------------------------------------------------------- file audit and notices

def file_audit(db, actor: Actor, *, session_id: int | None = None,
               arrangement_id: int | None = None) -> list[dict]:
    """The team lead's file audit of one record (session_id) or of every record of an
    arrangement: the text of performance and development items, and of any item
    flagged as a safeguarding concern, never other personal support items. Every
    read is audited and leaves the supervisee a notice.

    [{session_id, when, held_on, record_status, item: (as in agenda()['items'])}]"""
    raise NotImplementedError


def notices_for(db, actor: Actor) -> list[dict]:
    """Notices to this person, newest first: e.g. that a team lead read items of
    their records for a file audit. [{id, at, text, session_id}]"""
    raise NotImplementedError


# ---------------------------------------------------------------- home tasks

def tasks(db, actor: Actor) -> list[Task]:
    """Home-page tasks: overdue actions for their owner (urgent); records waiting for
    the supervisee's signature; disputed records for the supervisor; held sessions
    whose record is still to be shared, for the supervisor (urgent once late)."""
    raise NotImplementedError
