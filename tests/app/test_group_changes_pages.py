"""Group supervision after set-up, on the pages: the facilitator and the admin change
the members (a refusal says why, next to the field); a member who left sees only
what they attended; an owner marks an action done; the facilitator moves a planned
session; an agreed record takes an addendum that members read; people outside the
group see none of it."""

from datetime import timedelta

import pytest
from conftest import button, page, texts
from group_fixtures import actor, demo_group, past_session, record

from core import clock, workdays
from core.groups import group_membership, group_records, group_sessions

PAGE = "app_pages/group_supervision.py"


def _box(at, label):
    return next(b for b in at.selectbox if b.label == label)


def _field(at, label):
    return next(w for w in list(at.text_input) + list(at.text_area) if w.label == label)


def _successes(at) -> list[str]:
    return [s.value for s in at.success]


def test_the_facilitator_adds_and_records_a_leaver_with_reasons_shown(demo):
    at = page("helen.carter", PAGE)
    assert "Change the members" in [e.label for e in at.expander]
    _field(at, "Find a person to add").input("jordan").run()
    _box(at, "Person to add").set_value(actor(demo, "jordan.ellis").id)
    button(at, "Add to the group").click().run()
    assert "Member added. They are asked to sign the group's contract." in _successes(at)
    for leaver in ("tom.baker", "zara.hussain"):
        _box(at, "Member who left").set_value(actor(demo, leaver).id)
        button(at, "Record that they left today").click().run()
    assert "Left:" in texts(at) and "Tom Baker (left" in texts(at)
    _box(at, "Member who left").set_value(actor(demo, "sam.taylor").id)
    button(at, "Record that they left today").click().run()
    assert "the fewest a group has, so Sam Taylor cannot leave it yet" in texts(at)
    assert not at.exception


@pytest.mark.parametrize("username", ["sam.taylor", "chloe.wright"])
def test_members_do_not_change_the_members(demo, username):
    at = page(username, PAGE)
    assert "Change the members" not in [e.label for e in at.expander]
    assert "Add to the group" not in [b.label for b in at.button]


def test_the_admin_changes_members_on_the_arrangements_page(demo):
    at = page("admin", "app_pages/admin_arrangements.py")
    assert not at.exception
    _box(at, "Member who left").set_value(actor(demo, "tom.baker").id)
    button(at, "Record that they left today").click().run()
    assert any(s.startswith("Recorded.") for s in _successes(at))
    assert "learning" not in texts(at).lower()


def test_a_member_who_left_sees_only_what_they_attended(demo):
    helen, tom = actor(demo, "helen.carter"), actor(demo, "tom.baker")
    missed = past_session(demo, days_ago=3)
    record(demo, missed, attended=[actor(demo, u).id for u in
                                   ("sam.taylor", "chloe.wright", "zara.hussain")],
           case_ref="CR-909090")
    group_records.share(demo, helen, missed)
    group_membership.record_leaving(demo, helen, demo_group(demo), tom.id)
    at = page("tom.baker", PAGE)
    assert not at.exception
    assert "You left this group on" in texts(at)
    assert missed not in _box(at, "Session").options
    assert "CR\\-909090" not in texts(at) and "CR\\-104233" in texts(at)
    assert "Open actions" in [h.value for h in at.header]
    assert "its later actions are the group's business" in texts(at)
    at = page("tom.baker", PAGE)
    at.query_params["session"] = str(missed)
    assert "CR\\-909090" not in texts(at.run())


def test_the_owner_marks_an_action_done(demo):
    at = page("sam.taylor", PAGE)
    assert "Complete the graded care profile before the review" in str(
        [d.value.to_dict() for d in at.dataframe])
    _field(at, "Evidence or outcome").input("Done with the family on Tuesday")
    button(at, "Close the action").click().run()
    assert "Action closed." in _successes(at)
    assert "No open group actions." in texts(at)


def test_a_member_without_actions_gets_no_close_form(demo):
    at = page("chloe.wright", PAGE)
    assert "Close the action" not in [b.label for b in at.button]


def test_the_facilitator_moves_a_planned_session(demo):
    day = clock.today() + timedelta(days=21)
    while not workdays.is_working_day(day):
        day += timedelta(days=1)
    at = page("helen.carter", PAGE)
    next(d for d in at.date_input if d.label == "New date").set_value(day)
    _field(at, "Why it moves (optional)").input("Room <b>booked</b>")
    button(at, "Move the session").click().run()
    assert "Session moved." in _successes(at)
    frame = next(d.value for d in at.dataframe if "Moved" in d.value.columns)
    assert any("First planned for" in m and "Room <b>booked</b>" in m for m in frame["Moved"])
    planned = [s for s in group_sessions.listing(demo, actor(demo, "sam.taylor"),
                                                 demo_group(demo)) if s["status"] == "planned"]
    assert group_sessions.starts(planned[0]).date() == day


def test_a_move_to_a_day_off_is_refused_next_to_the_date(demo):
    day = clock.today() + timedelta(days=7)
    while workdays.is_working_day(day):
        day += timedelta(days=1)
    at = page("helen.carter", PAGE)
    next(d for d in at.date_input if d.label == "New date").set_value(day)
    button(at, "Move the session").click().run()
    assert "Choose a working day" in texts(at)


def _agreed(db) -> int:
    return next(s["id"] for s in group_sessions.listing(db, actor(db, "helen.carter"),
                                                        demo_group(db))
                if s["record_status"] == "agreed")


def test_an_addendum_on_an_agreed_record_reaches_the_members(demo):
    sid = _agreed(demo)
    at = page("helen.carter", PAGE)
    _box(at, "Session").set_value(sid).run()
    _field(at, "Add an addendum").input("The review moved to **March** <script>x</script>")
    button(at, "Add the addendum").click().run()
    assert "Addendum added." in _successes(at)
    sam = page("sam.taylor", PAGE)
    _box(sam, "Session").set_value(sid).run()
    shown = texts(sam)
    assert "Added " in shown and "\\*\\*March\\*\\*" in shown and "<script>" not in shown


@pytest.mark.parametrize("username", ["priya.shah", "jordan.ellis"])
def test_outsiders_see_none_of_it(demo, username):
    at = page(username, PAGE)
    assert not at.exception
    assert "Open actions" not in [h.value for h in at.header]
    assert "Change the members" not in [e.label for e in at.expander]


def test_the_team_page_shows_group_time_apart(demo):
    """Priya leads the Assessment team: counts and minutes per supervisee, no record text."""
    at = page("priya.shah", "app_pages/team.py")
    assert not at.exception
    assert "Group supervision" in [h.value for h in at.header]
    frame = next(d.value for d in at.dataframe if "Group sessions attended" in d.value.columns)
    found = dict(zip(frame["Supervisee"], frame["Minutes"]))
    assert found["Sam Taylor"] == 270 and found["Tom Baker"] == 270
    shown = texts(at)
    assert "graded care profile" not in shown and "CR\\-104233" not in shown


def test_another_team_lead_sees_no_group_time_of_the_group(demo):
    at = page("daniel.okafor", "app_pages/team.py")
    assert not at.exception
    frames = [d.value for d in at.dataframe if "Group sessions attended" in d.value.columns]
    assert all(set(f["Group sessions attended"]) <= {0} for f in frames)


def test_the_admin_purges_a_group_past_retention_on_the_settings_page(demo):
    end = clock.today() - timedelta(days=int(26 * 365.25))
    demo.execute("UPDATE groups SET end_date = ? WHERE id = ?", [end.isoformat(),
                                                                 demo_group(demo)])
    at = page("admin", "app_pages/admin_settings.py")
    assert not at.exception
    assert "Supervision groups past the retention period" in [s.value for s in at.subheader]
    at.multiselect(key="group_retention_chosen").set_value([demo_group(demo)])
    _field(at, "Type PURGE to confirm the group purge").input("purge")
    button(at, "Purge the chosen groups").click().run()
    assert "Type PURGE to confirm the purge." in texts(at)
    _field(at, "Type PURGE to confirm the group purge").input("PURGE")
    button(at, "Purge the chosen groups").click().run()
    assert "Purged. The audit log records it." in _successes(at)
    assert demo["groups"].count == 0
