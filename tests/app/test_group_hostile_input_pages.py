"""The page half of group supervision's hostile input: every group text field holds
HTML and script, markdown images and javascript: links, right-to-left text and
emoji, and the Group supervision page (facilitator, member, member who left) and
the admin's Arrangements page show it inert. An over-long learning is refused next
to its field, with the text kept in the box."""

import pytest
from conftest import button, page, texts
from group_fixtures import actor, demo_group, past_session, record
from test_hostile_input_pages import inert_problems

from core import clock, workdays
from core.groups import group_actions, group_contract, group_records, group_sessions
from db import groups as table

TEXT = ("<script>alert('x')</script><img src=x onerror=alert(1)><b>bold</b> "
        "![pic](https://evil.test/x.png) [click](javascript:alert(1)) **b** :red[c] "
        "file\u202etxt.exe \u05e9\u05dc\u05d5\u05dd 😀")
NAME = "Case <b>group</b> ![i](javascript:alert(1)) 😀"
PAGE = "app_pages/group_supervision.py"


@pytest.fixture
def hostile(demo):
    helen, sam = actor(demo, "helen.carter"), actor(demo, "sam.taylor")
    group = demo_group(demo)
    table.update_group(demo, group, name=NAME)
    group_contract.draft(demo, helen, group, purpose=TEXT, ground_rules=TEXT,
                         confidentiality=TEXT, frequency_weeks=4, session_minutes=90)
    sid = past_session(demo, group)
    record(demo, sid, case_ref="", theme=TEXT[:190], learning=TEXT,
           actions=[{"owner_id": sam.id, "description": TEXT, "due_date": None}])
    group_records.share(demo, helen, sid)
    for u in ("chloe.wright", "zara.hussain", "tom.baker", "sam.taylor"):
        group_records.sign_attendance(demo, actor(demo, u), sid)
    group_records.add_addendum(demo, helen, sid, TEXT)
    [older] = [a for a in group_actions.to_review(demo, sam, group) if a["description"] != TEXT]
    group_actions.close(demo, sam, older["id"], "done", TEXT)
    planned = next(s for s in group_sessions.listing(demo, helen, group)
                   if s["status"] == "planned")
    group_sessions.move(demo, helen, planned["id"], reason=TEXT[:190],
                        on=workdays.add_working_days(clock.today(), 15),
                        at=clock.in_london(planned["scheduled_at"]).time())
    return sid


@pytest.mark.parametrize("username,path", [("helen.carter", PAGE), ("sam.taylor", PAGE),
                                           ("zara.hussain", PAGE),
                                           ("admin", "app_pages/admin_arrangements.py")])
def test_group_text_is_shown_inert(hostile, username, path):
    at = page(username, path)
    at.query_params["session"] = str(hostile)
    at.run()
    assert not at.exception
    problems, shown = [], []
    inert_problems(at, path, problems, shown)
    assert not problems, "\n".join(problems[:20])
    if path == PAGE:  # the admin sees the group's name in tables and boxes, never its text
        assert any("onerror=alert(1)" in s.replace("\\", "") for s in shown)


def test_an_over_long_learning_is_refused_and_kept(demo):
    sid = past_session(demo)
    at = page("helen.carter", PAGE)
    next(b for b in at.selectbox if b.label == "Session").set_value(sid).run()
    long = "Ask the school first. " * 1_000
    next(t for t in at.text_area if t.label == "Learning for the group").input(long)
    next(t for t in at.text_input if t.label == "Theme presented").input("Neglect")
    button(at, "Save the record").click().run()
    assert "it is 10,000" in texts(at)
    assert next(t for t in at.text_area if t.label == "Learning for the group").value == long
    assert group_records.read(demo, actor(demo, "helen.carter"), sid)["record"] is None
