"""Reminders for planned sessions carry the session's .ics invite, read back here
with icalendar: METHOD:REQUEST while planned, an update with the same UID and a
higher SEQUENCE when it moves, METHOD:CANCEL when it is cancelled."""

from datetime import timedelta, timezone

import icalendar
import pytest
from supervision_setup import signed_arrangement, who, working_day

from core import clock, sessions
from core import workdays
from core.reminders import outbox

from smtp_relay import LocalRelay

SAM, AISHA = "sam.taylor@example.gov.uk", "aisha.begum@example.gov.uk"


@pytest.fixture
def relay():
    server = LocalRelay().start()
    yield server
    server.stop()


def invites(messages, address=None) -> list[tuple[str, icalendar.Event, str]]:
    """(the calendar's METHOD, its event, the part's method parameter) for each invite."""
    found = []
    for message in messages:
        if address and message["To"].addresses[0].addr_spec != address:
            continue
        for part in message.iter_attachments():
            if part.get_content_type() == "text/calendar":
                cal = icalendar.Calendar.from_ical(part.get_content())
                event = next(c for c in cal.walk() if c.name == "VEVENT")
                found.append((str(cal["method"]), event, part.get_param("method")))
    return found


def _planned(demo, days_ahead=9):
    arrangement_id = signed_arrangement(demo)
    day, at = working_day(days_ahead, hour=14)
    return sessions.plan_series(demo, who(demo, "aisha.begum"), arrangement_id, first=day, at=at, minutes=75, venue="Room 4, Civic Centre", count=1)[0]


def test_a_planned_session_sends_both_people_an_invite(demo, relay):
    session_id = _planned(demo)
    outbox.run(demo, relay.relay())
    for address in (SAM, AISHA):
        found = [i for i in invites(relay.inbox.messages, address)
                 if str(i[1]["uid"]) == f"session-{session_id}@supervision-portal"]
        assert len(found) == 1, address
        method, event, param = found[0]
        assert method == "REQUEST" and param == "REQUEST"
        assert int(event["sequence"]) == 0 and str(event["status"]) == "CONFIRMED"
        planned = sessions.get_session(demo, who(demo, "sam.taylor"), session_id)
        assert event.decoded("dtstart") == sessions.starts(planned).astimezone(timezone.utc)
        assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(minutes=75)
        assert str(event["organizer"]) == f"mailto:{AISHA}"
        assert {str(a) for a in event["attendee"]} == {f"mailto:{SAM}", f"mailto:{AISHA}"}
        assert "location" not in event  # the venue is typed text: it stays in the portal


def test_a_moved_session_sends_an_update_with_the_same_uid(demo, relay):
    session_id = _planned(demo)
    outbox.run(demo, relay.relay())
    day, at = working_day(12, hour=11)
    new_id = sessions.reschedule_session(demo, who(demo, "aisha.begum"), session_id,
                                         on=day, at=at, reason="Court")
    before = len(relay.inbox.messages)
    outbox.run(demo, relay.relay())
    updates = [i for i in invites(relay.inbox.messages[before:], SAM)
               if str(i[1]["uid"]) == f"session-{session_id}@supervision-portal"]
    assert len(updates) == 1
    method, event, _ = updates[0]
    assert method == "REQUEST" and int(event["sequence"]) == 1
    moved = sessions.get_session(demo, who(demo, "sam.taylor"), new_id)
    assert event.decoded("dtstart") == sessions.starts(moved).astimezone(timezone.utc)
    subjects = [m["Subject"] for m in relay.inbox.messages[before:]
                if m["X-Supervision-Reminder"] == "session_invite"]
    assert any(s.startswith("Supervision moved to") for s in subjects)


def test_a_cancelled_session_withdraws_the_invite(demo, relay):
    session_id = _planned(demo)
    outbox.run(demo, relay.relay())
    sessions.cancel_session(demo, who(demo, "sam.taylor"), session_id, "Annual leave")
    before = len(relay.inbox.messages)
    outbox.run(demo, relay.relay())
    for address in (SAM, AISHA):
        cancels = [i for i in invites(relay.inbox.messages[before:], address)
                   if str(i[1]["uid"]) == f"session-{session_id}@supervision-portal"]
        assert len(cancels) == 1
        method, event, param = cancels[0]
        assert method == "CANCEL" and param == "CANCEL"
        assert str(event["status"]) == "CANCELLED" and int(event["sequence"]) == 1
    assert "Annual leave" not in "".join(m.as_string() for m in relay.inbox.messages)
    after = len(relay.inbox.messages)
    outbox.run(demo, relay.relay())
    assert len(relay.inbox.messages) == after  # withdrawn once


def test_a_session_cancelled_before_any_invite_sends_nothing(demo, relay):
    session_id = _planned(demo)
    sessions.cancel_session(demo, who(demo, "sam.taylor"), session_id, "Annual leave")
    outbox.run(demo, relay.relay())
    assert not [i for i in invites(relay.inbox.messages)
                if str(i[1]["uid"]) == f"session-{session_id}@supervision-portal"]


def test_the_prepare_reminder_carries_the_invite(demo, relay):
    arrangement_id = signed_arrangement(demo)
    day = workdays.add_working_days(clock.today(), 2)
    day, at = workdays.on_or_after(day), working_day()[1]
    session_id = sessions.plan_series(demo, who(demo, "aisha.begum"), arrangement_id, first=day, at=at, minutes=60, venue="Teams", count=1)[0]
    outbox.run(demo, relay.relay())
    prepare = [m for m in relay.inbox.to(SAM) if m["X-Supervision-Reminder"] == "prepare"
               and f"session={session_id}" in m.get_body(("plain",)).get_content()]
    assert len(prepare) == 1
    found = invites(prepare)
    assert found and found[0][0] == "REQUEST"
    assert str(found[0][1]["uid"]) == f"session-{session_id}@supervision-portal"


def test_the_download_and_the_emailed_invite_agree_on_a_moved_session(demo):
    from core.sessions import calendar

    session_id = _planned(demo)
    day, at = working_day(12, hour=11)
    sessions.reschedule_session(demo, who(demo, "aisha.begum"), session_id, on=day, at=at)
    arrangement_id = sessions.get_session(demo, who(demo, "sam.taylor"),
                                          session_id)["arrangement_id"]
    cal = icalendar.Calendar.from_ical(calendar.ics_for(demo, who(demo, "sam.taylor"),
                                                        arrangement_id))
    event = next(c for c in cal.walk() if c.name == "VEVENT")
    assert str(event["uid"]) == f"session-{session_id}@supervision-portal"
    assert int(event["sequence"]) == 1
