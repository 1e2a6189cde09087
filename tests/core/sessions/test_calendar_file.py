"""Planned sessions download as an .ics file that calendars import."""

from datetime import timedelta, timezone

import icalendar
import pytest
from supervision_setup import arrangement_of, signed_arrangement, who, working_day

from core import sessions
from core.sessions import calendar
from core.errors import PermissionDenied


def events(data: bytes) -> list:
    return [c for c in icalendar.Calendar.from_ical(data).walk() if c.name == "VEVENT"]


def test_each_planned_session_is_an_event_in_utc(demo):
    arrangement_id = signed_arrangement(demo)
    day, at = working_day(8, hour=14)
    ids = sessions.plan_series(demo, who(demo, "aisha.begum"), arrangement_id, first=day, at=at,
                               minutes=75, venue="Room 4; 2nd floor, <Civic> Centre", count=3)
    sessions.cancel_session(demo, who(demo, "sam.taylor"), ids[2], "Leave")
    data = calendar.ics_for(demo, who(demo, "sam.taylor"), arrangement_id)
    cal = icalendar.Calendar.from_ical(data)
    assert str(cal["version"]) == "2.0" and cal["prodid"]
    found = events(data)
    assert len(found) == 2  # the cancelled one is not in the diary
    first = found[0]
    start = first.decoded("dtstart")
    assert start.tzinfo is not None and start.utcoffset() == timedelta(0)
    planned = sessions.get_session(demo, who(demo, "sam.taylor"), ids[0])
    assert start == sessions.starts(planned).astimezone(timezone.utc)
    assert first.decoded("dtend") - start == timedelta(minutes=75)
    assert str(first["location"]) == "Room 4; 2nd floor, <Civic> Centre"
    assert str(first["uid"]) == f"session-{ids[0]}@supervision-portal"
    assert "Sam Taylor" in str(first["summary"]) and "Aisha Begum" in str(first["summary"])


def test_the_same_session_keeps_its_uid_so_a_second_import_updates_it(demo):
    sam = arrangement_of(demo, "sam.taylor")
    once = [str(e["uid"]) for e in events(calendar.ics_for(demo, who(demo, "sam.taylor"), sam))]
    again = [str(e["uid"]) for e in events(calendar.ics_for(demo, who(demo, "helen.carter"), sam))]
    assert once and once == again


def test_no_private_notes_go_in(demo):
    sam = arrangement_of(demo, "sam.taylor")
    session = next(iter(sessions.planned_ahead(demo, who(demo, "helen.carter"), sam)), None)
    demo.execute("UPDATE sessions SET private_notes = 'SECRET-PREP' WHERE id = ?", [session["id"]])
    assert b"SECRET-PREP" not in calendar.ics_for(demo, who(demo, "helen.carter"), sam)


def test_the_file_follows_the_matrix(demo):
    sam = arrangement_of(demo, "sam.taylor")
    with pytest.raises(PermissionDenied):
        calendar.ics_for(demo, who(demo, "marcus.reid"), sam)


def test_the_file_name_is_plain():
    name = calendar.file_name({"supervisee_name": "Liam O'Connor"})
    assert name == "supervision-liam-o-connor.ics"
    assert calendar.file_name({"supervisee_name": "علي"}) == "supervision-sessions.ics"
