"""Reminders from group supervision: members are asked to prepare for the group's
next session and to sign a shared record they attended (the presenter to agree it);
the facilitator to share a record near or past its deadline. A member who left gets
none; no email holds the group record's case, theme, learning or actions."""

from datetime import datetime, time

from group_fixtures import actor, demo_group, past_session, record

from core import clock, workdays
from core.groups import group_membership
from core.reminders import due, message
from db import groups as table


def _mine(db, username: str, kind: str) -> list:
    return [r for r in due.everything(db) if r.kind == kind
            and r.person_id == actor(db, username).id]


def _email_text(reminder) -> str:
    built = message.build(reminder, "portal@example.gov.uk", "https://portal.example.gov.uk")
    return str(built["Subject"]) + built.get_body(("plain",)).get_content()


def test_members_who_attended_are_asked_to_sign_the_shared_record(demo):
    [zara] = _mine(demo, "zara.hussain", "group_record_to_sign")
    [sam] = _mine(demo, "sam.taylor", "group_record_to_sign")
    assert _mine(demo, "chloe.wright", "group_record_to_sign") == []  # signed already
    assert "sign your attendance" in _email_text(zara)
    assert "sign it to agree it" in _email_text(sam)
    assert "/group_supervision?session=" in _email_text(sam)


def test_the_next_group_session_is_announced_in_the_prepare_window(demo):
    assert _mine(demo, "sam.taylor", "group_prepare") == []  # 14 days ahead
    day = workdays.add_working_days(clock.today(), 1)
    table.insert_session(demo, {
        "group_id": demo_group(demo), "minutes": 90, "venue": "Room 7", "status": "planned",
        "scheduled_at": clock.stamp(datetime.combine(day, time(10), tzinfo=clock.LONDON)),
        "created_at": clock.stamp()})
    [found] = _mine(demo, "sam.taylor", "group_prepare")
    words = _email_text(found)
    assert "Assessment team case group" in words and "Room 7" not in words
    assert _mine(demo, "helen.carter", "group_prepare") == []


def test_the_facilitator_is_asked_to_share_a_record_near_its_deadline(demo):
    sid = past_session(demo, days_ago=10)
    record(demo, sid, case_ref="CR-661166", learning="Secret learning of the group")
    [found] = _mine(demo, "helen.carter", "group_record_to_share")
    assert found.facts["overdue"] and found.session_id == sid
    words = _email_text(found)
    assert "was due to be shared" in words
    for text in ("CR-661166", "Secret learning", "Working with a family", "previous school"):
        assert text not in words


def test_a_member_who_left_gets_no_group_reminders(demo):
    group_membership.record_leaving(demo, actor(demo, "helen.carter"), demo_group(demo),
                                    actor(demo, "tom.baker").id)
    day = workdays.add_working_days(clock.today(), 1)
    table.insert_session(demo, {
        "group_id": demo_group(demo), "minutes": 90, "venue": "", "status": "planned",
        "scheduled_at": clock.stamp(datetime.combine(day, time(10), tzinfo=clock.LONDON)),
        "created_at": clock.stamp()})
    assert _mine(demo, "tom.baker", "group_prepare") == []
    assert _mine(demo, "zara.hussain", "group_prepare")
