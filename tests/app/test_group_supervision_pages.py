"""Group supervision on the pages, for each role: the facilitator writes and shares
a record, a member signs, the presenter's signature agrees it; members never see a
draft; people outside the group see no group; the admin sets groups up on the
Arrangements page; My balance and My supervisees show group time apart; the rule
shows next to regularity only when the council turned it on."""

import pytest
from conftest import button, page, registered, signed_in, texts
from group_fixtures import actor, demo_group, past_session

from core.admin import settings
from core.groups import group_records

PAGE = "app_pages/group_supervision.py"


def _box(at, label):
    return next(b for b in at.selectbox if b.label == label)


def _text(at, label):
    return next(w for w in list(at.text_input) + list(at.text_area) if w.label == label)


@pytest.mark.parametrize("username", ["helen.carter", "sam.taylor", "chloe.wright"])
def test_the_group_shows_to_its_facilitator_and_members(demo, username):
    at = page(username, PAGE)
    assert not at.exception, at.exception
    shown = texts(at)
    assert "The group's contract" in shown and "Assessment team case group" in str(
        _box(at, "Group").format_func(demo_group(demo)))
    assert "not recorded about any one member" in shown
    assert "CR\\-104233" in shown  # the latest shared record, case reference only
    assert ("Draft a new version" in [e.label for e in at.expander]) == (username == "helen.carter")


@pytest.mark.parametrize("username", ["jordan.ellis", "marcus.reid", "aisha.begum", "ravi.patel"])
def test_people_outside_the_group_see_no_group(demo, username):
    at = page(username, PAGE)
    assert not at.exception
    shown = texts(at)
    assert "You are not in a supervision group" in shown
    assert "Assessment team" not in shown and "CR\\-" not in shown


def test_the_facilitator_records_and_shares_and_the_presenter_agrees(demo):
    sid = past_session(demo)
    at = page("helen.carter", PAGE)
    _box(at, "Session").set_value(sid).run()
    assert "Save the record" in [b.label for b in at.button]
    at.multiselect(key="grf_attended").set_value(
        [actor(demo, u).id for u in ("sam.taylor", "chloe.wright", "zara.hussain")])
    _box(at, "Presenter").set_value(actor(demo, "chloe.wright").id)
    _text(at, "Case reference (optional)").input("Amira Khan")  # a name: refused
    _text(at, "Learning for the group").input("Ask the school first <b>now</b>")
    button(at, "Save the record").click().run()
    assert "never a child's name" in texts(at).lower() or "Never a child" in texts(at)
    assert _text(at, "Learning for the group").value == "Ask the school first <b>now</b>"
    _text(at, "Case reference (optional)").input("CR-777001")
    button(at, "Save the record").click().run()
    assert "Record saved as a draft. Share it when it is ready." in [s.value for s in at.success]
    # a member does not see the draft
    sam = page("sam.taylor", PAGE)
    assert sid not in _box(sam, "Session").options and str(sid) not in [
        str(o) for o in _box(sam, "Session").options]
    at = page("helen.carter", PAGE)
    _box(at, "Session").set_value(sid).run()
    button(at, "Share the record with the group").click().run()
    assert not at.exception
    assert "Save the record" not in [b.label for b in at.button]
    chloe = page("chloe.wright", PAGE)
    _box(chloe, "Session").set_value(sid).run()
    button(chloe, "Sign as presenter").click().run()
    assert "Signed. The record is agreed." in [s.value for s in chloe.success]
    found = group_records.read(demo, actor(demo, "chloe.wright"), sid)["record"]
    assert found["status"] == "agreed"


def test_a_member_signs_their_attendance_from_the_home_task(demo):
    at = page("zara.hussain", "app_pages/home.py")
    assert any("Sign your attendance at the group" in str(link.label) for link in at.get("page_link"))
    at = page("zara.hussain", PAGE)
    button(at, "Sign my attendance").click().run()
    assert "Signed." in [s.value for s in at.success]


def test_the_admin_sets_up_a_group_on_the_arrangements_page(demo):
    at = page("admin", "app_pages/admin_arrangements.py")
    assert not at.exception
    _text(at, "Group name").input("Children in care group")
    _box(at, "Facilitator").set_value(actor(demo, "marcus.reid").id)
    at.multiselect(key="cg_members").set_value(
        [actor(demo, u).id for u in ("ollie.grant", "megan.price")])
    button(at, "Set up group").click().run()
    assert "A group has 3 to 10 members; 2 chosen." in texts(at)
    at.multiselect(key="cg_members").set_value(
        [actor(demo, u).id for u in ("ollie.grant", "megan.price", "grace.holt")])
    button(at, "Set up group").click().run()
    assert any(s.value.startswith("Group set up.") for s in at.success)
    frames = [d.value for d in at.dataframe]
    assert any("Children in care group" in list(f.get("Group", [])) for f in frames)
    assert "learning" not in texts(at).lower()


@pytest.mark.parametrize("username", ["admin", "priya.shah"])
def test_the_page_is_in_the_navigation_of_supervisors_and_supervisees_only(demo, username):
    """The admin has no such page; Priya supervises Helen, so she has it (and no group)."""
    assert (PAGE in registered(signed_in(username))) == (username == "priya.shah")


def test_group_time_shows_apart_on_my_balance_and_my_supervisees(demo):
    at = page("sam.taylor", "app_pages/my_balance.py")
    assert not at.exception
    assert "Group supervision" in [h.value for h in at.header]
    assert "you attended 3 group sessions, 270 minutes" in texts(at)
    at = page("helen.carter", "app_pages/my_supervisees.py")
    assert not at.exception
    frame = next(d.value for d in at.dataframe if "Group sessions attended" in d.value.columns)
    assert dict(zip(frame["Supervisee"], frame["Group sessions attended"]))["Sam Taylor"] == 3


def test_the_rule_shows_next_to_regularity_only_when_on(demo):
    at = page("sam.taylor", "app_pages/sessions.py")
    assert "Group supervision counts" not in texts(at)
    settings.update(demo, actor(demo, "admin"), {"group_counts_one_in": 3})
    for username, path in (("sam.taylor", "app_pages/sessions.py"),
                           ("helen.carter", "app_pages/my_supervisees.py"),
                           ("priya.shah", "app_pages/team.py")):
        at = page(username, path)
        assert not at.exception
        assert "at most one in every 3 formal sessions due" in texts(at), path
    assert "With group supervision counted" in texts(page("sam.taylor", "app_pages/sessions.py"))
