"""Informal supervision contacts: a word in the corridor, a call after a hard visit.

Either person in an arrangement logs them. They are good practice, but they
never replace a formal session and never count towards regularity.

Who reads what: the dates and functions follow `Access.CONTRACT`; the topic
and note may touch on personal support, so only people with access to
support text (the two people in the arrangement) read them.
"""

from datetime import date

from db import informal as informal_table

from core.access import arrangement_access as access
from core import clock
from core.admin import audit
from core.access import permissions
from core.vocabulary import FUNCTIONS
from core.access.permissions import Access
from core.access.roles import Actor
from core.validation import Checker

NOTE_MAX = 1000
NOT_COUNTED = ("Informal contacts are good practice, but they never replace a formal session "
               "and never count towards regularity.")


def log_contact(db, actor: Actor, arrangement_id: int, *, on, topic: str, function: str,
                note: str = "") -> int:
    arr, side = access.require_party(db, actor, arrangement_id, "log an informal contact")
    check = Checker()
    day = check.day("on", on, "the date of the contact",
                    earliest=date.fromisoformat(arr["start_date"]), latest=clock.today())
    topic = check.name("topic", topic, "the topic", max_len=200)
    check.choice("function", function, FUNCTIONS, "the function it served")
    note = check.text("note", note, "the note", max_len=NOTE_MAX)
    check.done()
    with db.atomic():
        contact_id = informal_table.insert(db, {
            "arrangement_id": arrangement_id, "logged_by": actor.id,
            "contact_date": day.isoformat(), "topic": topic, "function": function,
            "note": note, "created_at": clock.stamp()})
        audit.record(db, actor.id, "informal_contact_logged", "informal_contact", contact_id,
                     arrangement_id=arrangement_id, side=side, function=function)
    return contact_id


def contacts_for(db, actor: Actor, arrangement_id: int) -> list[dict]:
    """Newest first. `text_shown` says whether topic and note were given to this person."""
    arr = access.readable(db, actor, arrangement_id)
    held = permissions.relations(db, actor, arr)
    may_read = permissions.decide(Access.SUPPORT_TEXT, held).allowed
    rows = informal_table.for_arrangement(db, arrangement_id)
    if may_read:
        return [dict(r, text_shown=True) for r in rows]
    return [dict(r, topic=None, note=None, text_shown=False) for r in rows]
