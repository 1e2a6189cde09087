"""The record of a group session.

The facilitator writes it: who attended, the case (by its reference in the case
system, never a child's name) or theme presented and by whom, the role each
other member took (advisor or reflecting team, as in Signs of Safety group
supervision), the learning for the group, and actions with an owner among the
members. Writing it marks the session held. There is deliberately no place for
personal support about one member: what is said in a group about one person's
wellbeing is not written down about them.

Lifecycle: `draft` (the facilitator edits) → `shared` (members read it and each
one who attended signs their attendance) → `agreed` once the presenter has
signed. It is locked from the moment it is shared; once agreed, a correction is
an addendum (the original text never changes).
"""

from datetime import date

from db import groups as table

from core import clock
from core.admin import audit
from core.groups.group_access import facilitator_seat, seat
from core.access.roles import Actor
from core.errors import PermissionDenied, ValidationError
from core.validation import TITLE_MAX, Checker, must_exist

ROLES = {"presenter": "Presenter", "advisor": "Advisor",
         "reflecting_team": "Reflecting team"}
STATUSES = {"draft": "Draft", "shared": "Shared, waiting for signatures",
            "agreed": "Agreed"}
SHARE_WITHIN_WORKING_DAYS = 5  # the facilitator is reminded to share by then
LEARNING_MAX = 10_000
ACTION_MAX = 1_000
NO_SUPPORT_NOTE = ("Personal support said in a group is not recorded about any one "
                   "member: this record has no place for it.")


def read(db, actor: Actor, session_id: int) -> dict:
    """The session with its record (None before one is written, and for members
    before it is shared), for the group's facilitator and members only (a member who
    left: the sessions they attended)."""
    session = must_exist(table.session(db, int(session_id)), "group session")
    found = seat(db, actor, session["group_id"])
    record = table.record(db, session["id"])
    if record and record["status"] == "draft" and not found.facilitates:
        record = None  # a draft is the facilitator's until shared
    if not found.reads_record(record):
        raise PermissionDenied(f"You left the group on {clock.day(found.left_on)}: you keep "
                               "the records of the sessions you attended, and no others.")
    return {"session": session, "seat": found, "record": record}


def save(db, actor: Actor, session_id: int, *, attended, presenter_id, case_ref="", theme="",
         roles=None, learning="", actions=()) -> int:
    """Write (or rewrite) the draft record; the session becomes held."""
    session = must_exist(table.session(db, int(session_id)), "group session")
    found = facilitator_seat(db, actor, session["group_id"], "write the group's record")
    existing = table.record(db, session["id"])
    if existing and existing["status"] != "draft":
        raise ValidationError.single("_", "This record has been shared, so it is locked.")
    held_on = clock.in_london(session["scheduled_at"]).date()
    if session["status"] == "cancelled":
        raise ValidationError.single("_", "This session was cancelled.")
    if held_on > clock.today():
        raise ValidationError.single("_", f"This session is on {clock.day(held_on)}: write "
                                          "its record once it has been held.")
    members = {m["user_id"]: m["name"] for m in found.members
               if m["joined_on"] <= held_on.isoformat()
               and (m["left_on"] is None or m["left_on"] >= held_on.isoformat())}
    check = Checker()
    present = sorted({int(i) for i in attended or []})
    if any(i not in members for i in present):
        check.fail("attended", "Choose attendance among the group's members.")
    if not present:
        check.fail("attended", "Tick who attended.")
    presenter = int(presenter_id) if presenter_id else None
    if presenter is None:
        check.fail("presenter", "Choose who presented.")
    elif presenter not in present:
        check.fail("presenter", "The presenter is one of the members who attended.")
    case_ref = check.case_ref("case_ref", case_ref)
    theme = (theme or "").strip()
    if theme:
        theme = check.name("theme", theme, "the theme", max_len=TITLE_MAX)
    if not case_ref and not theme:
        check.fail("theme", "Enter the case reference or the theme that was presented.")
    taken = {}
    for member_id, role in (roles or {}).items():
        if role and int(member_id) in present and int(member_id) != presenter:
            check.choice("roles", role, ("advisor", "reflecting_team"), "a role")
            taken[int(member_id)] = role
    learning = check.text("learning", learning, "the learning for the group", required=True,
                          max_len=LEARNING_MAX)
    cleaned = []
    for n, action in enumerate(actions or (), start=1):
        text = (action.get("description") or "").strip()
        if not text and not action.get("owner_id"):
            continue
        owner = int(action["owner_id"]) if action.get("owner_id") else None
        if owner not in members:
            check.fail(f"action_{n}", f"Action {n}: choose its owner among the members.")
        text = check.text(f"action_{n}", text, f"action {n}", required=True, max_len=ACTION_MAX)
        due = check.day(f"action_{n}", action.get("due_date"), f"the due date of action {n}",
                        required=False, earliest=held_on)
        cleaned.append({"owner_id": owner, "description": text,
                        "due_date": due.isoformat() if isinstance(due, date) else None,
                        "status": "open"})
    check.done()
    attendance = [{"user_id": i, "attended": 1 if i in present else 0,
                   "role": "presenter" if i == presenter else taken.get(i)}
                  for i in sorted(members)]
    with db.atomic():
        record_id = table.save_record(db, session["id"], {
            "theme": theme, "case_ref": case_ref, "presenter_id": presenter,
            "learning": learning, "status": "draft", "updated_at": clock.stamp()},
            attendance, cleaned)
        table.update_session(db, session["id"], status="held", held_on=held_on.isoformat())
        audit.record(db, actor.id, "group_record_saved", "group", found.group["id"],
                     session_id=session["id"], attended=len(present), actions=len(cleaned))
    return record_id


def share(db, actor: Actor, session_id: int) -> None:
    session = must_exist(table.session(db, int(session_id)), "group session")
    found = facilitator_seat(db, actor, session["group_id"], "share the group's record")
    record = table.record(db, session["id"])
    if not record:
        raise ValidationError.single("_", "Write the record before sharing it.")
    if record["status"] != "draft":
        raise ValidationError.single("_", "This record has already been shared.")
    with db.atomic():
        table.update_record(db, record["id"], status="shared", shared_at=clock.stamp())
        audit.record(db, actor.id, "group_record_shared", "group", found.group["id"],
                     session_id=session["id"])


def sign_attendance(db, actor: Actor, session_id: int) -> str:
    """A member who attended signs the shared record. The presenter's signature
    agrees it. Returns the record's status afterwards."""
    session = must_exist(table.session(db, int(session_id)), "group session")
    found = seat(db, actor, session["group_id"])
    record = table.record(db, session["id"])
    if not record or record["status"] == "draft":
        raise ValidationError.single("_", "The facilitator has not shared this record yet.")
    mine = next((a for a in record["attendance"] if a["user_id"] == actor.id), None)
    if not mine or not mine["attended"]:
        raise PermissionDenied("Only members who attended sign the record of a session.")
    if mine["signed_at"]:
        raise ValidationError.single("_", "You have already signed this record.")
    now = clock.stamp()
    status = record["status"]
    with db.atomic():
        table.sign_attendance(db, record["id"], actor.id, now)
        if actor.id == record["presenter_id"]:
            status = "agreed"
            table.update_record(db, record["id"], status="agreed", presenter_signed_at=now,
                                agreed_at=now)
        audit.record(db, actor.id, "group_attendance_signed", "group", found.group["id"],
                     session_id=session["id"], presenter=actor.id == record["presenter_id"])
    return status


ADDENDUM_MAX = 10_000


def add_addendum(db, actor: Actor, session_id: int, body: str) -> int:
    """The facilitator, or a member who attended, adds a dated addendum to an agreed
    record; everyone who reads the record reads it. Returns the addendum's id."""
    found = read(db, actor, session_id)
    record, seat_ = found["record"], found["seat"]
    if not seat_.facilitates and not any(a["user_id"] == actor.id and a["attended"]
                                         for a in (record or {}).get("attendance", [])):
        raise PermissionDenied("Only the facilitator and the members who attended add to "
                               "a group's record.")
    if seat_.ended:
        raise PermissionDenied("This group has ended: it is read-only.")
    if not record or record["status"] != "agreed":
        raise ValidationError.single("body", "Addenda are for agreed records. Until it is "
                                             "shared, the facilitator edits the record.")
    check = Checker()
    body = check.text("body", body, "the addendum", required=True, max_len=ADDENDUM_MAX)
    check.done()
    with db.atomic():
        addendum_id = table.insert_addendum(db, {"record_id": record["id"],
                                                 "author_id": actor.id, "body": body,
                                                 "created_at": clock.stamp()})
        audit.record(db, actor.id, "group_addendum_added", "group", seat_.group["id"],
                     session_id=found["session"]["id"], addendum_id=addendum_id)
    return addendum_id
