"""A session's calendar invite (iTIP, RFC 5546): METHOD:REQUEST while it is
planned, METHOD:CANCEL once cancelled.

The UID is the first session of its chain: a moved session is stored as a new
session, and keeping the UID (with a higher SEQUENCE) makes calendars move the
event rather than add one. Nothing typed goes in: no venue, no notes, only the
two names, the time and a link.
"""

from datetime import timedelta

import icalendar

from core import clock
from core.sessions.calendar import PRODID, session_uid
from core.sessions.planning import starts


def ics(invite: dict, link: str) -> str:
    """The invite as text. `invite` is a session with both people, plus first_id,
    moves and method (as made by core.reminders.due)."""
    cancel = invite["method"] == "CANCEL"
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", invite["method"])
    begins = starts(invite).astimezone(clock.now().tzinfo)
    event = icalendar.Event()
    event.add("uid", session_uid(invite["first_id"]))
    # Each move raised the sequence once; a cancellation raises it once more.
    event.add("sequence", invite["moves"] + (1 if cancel else 0))
    event.add("dtstamp", clock.now())
    event.add("dtstart", begins)
    event.add("dtend", begins + timedelta(minutes=invite["planned_minutes"]))
    event.add("summary", f"Supervision: {invite['supervisee_name']} with "
                         f"{invite['supervisor_name']}")
    event.add("description", f"Formal supervision session: protected time. "
                             f"Details in the portal: {link}")
    for who in ("supervisor", "supervisee"):
        if not _usable(invite[who + "_email"]):
            continue  # one person's unusable address must not stop the other's invite
        address = icalendar.vCalAddress(f"mailto:{invite[who + '_email'].strip()}")
        address.params["cn"] = icalendar.vText(" ".join(invite[who + "_name"].split()))
        if who == "supervisor":
            event.add("organizer", address)
        attendee = icalendar.vCalAddress(address)
        attendee.params.update(address.params)
        attendee.params["role"] = icalendar.vText("REQ-PARTICIPANT")
        event.add("attendee", attendee)
    event.add("status", "CANCELLED" if cancel else "CONFIRMED")
    event.add("transp", "OPAQUE")
    cal.add_component(event)
    return cal.to_ical().decode()


def _usable(address: str | None) -> bool:
    address = (address or "").strip()
    return "@" in address and not any(ch.isspace() for ch in address)
