"""Planned sessions as an .ics file (RFC 5545) that Outlook and other calendars import.

Times are written in UTC, which every calendar converts to local time. Each
session keeps the same UID, so importing again updates it rather than adding a
copy; a moved session (stored as a new one) keeps the UID of the session it was
first planned as, as the emailed invites do (core/reminders/invite.py). Nothing
private goes in: no preparation notes, no record text.
"""

from datetime import timedelta

import icalendar

from db import sessions as session_table

from core import clock
from core.people.arrangements import KINDS
from core.sessions.planning import planned_ahead, starts
from core.access.arrangement_access import readable
from core.access.roles import Actor

PRODID = "-//Supervision portal//Planned sessions//EN"


def ics_for(db, actor: Actor, arrangement_id: int) -> bytes:
    """The arrangement's planned sessions from today on, as an iCalendar file."""
    arr = readable(db, actor, arrangement_id)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    now = clock.now()
    for session in planned_ahead(db, actor, arrangement_id):
        begins = starts(session)
        event = icalendar.Event()
        first, moves = session_table.first_of_chain(db, session["id"])
        event.add("uid", session_uid(first))
        event.add("sequence", moves)
        event.add("dtstamp", now)
        event.add("dtstart", begins.astimezone(now.tzinfo))
        event.add("dtend", (begins + timedelta(minutes=session["planned_minutes"]))
                  .astimezone(now.tzinfo))
        event.add("summary", f"Supervision: {arr['supervisee_name']} with "
                             f"{arr['supervisor_name']}")
        event.add("location", session["venue"])
        event.add("description", f"{KINDS[arr['kind']]}, planned under contract version "
                                 f"{session['contract_version']}. Formal session: "
                                 "protected time.")
        event.add("status", "CONFIRMED")
        event.add("transp", "OPAQUE")
        cal.add_component(event)
    return cal.to_ical()


def session_uid(first_session_id: int) -> str:
    """A session's calendar UID: that of the session it was first planned as."""
    return f"session-{first_session_id}@supervision-portal"


def file_name(arr: dict) -> str:
    name = arr["supervisee_name"].lower()
    safe = "".join(ch if ch.isascii() and ch.isalnum() else "-" for ch in name)
    return f"supervision-{safe.strip('-') or 'sessions'}.ics"
