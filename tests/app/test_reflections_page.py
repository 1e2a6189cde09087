"""The supervisor's view of submitted reflections, and the supervisee's own."""

import pytest
from conftest import ROOT, page, texts
from conftest import signed_in as sign_in
from reflection_fixtures import actor, session, set_wellbeing

from core.preparation import reflections
from db import prompt_sets as prompt_table
from ui.kit.params import NOT_FOUND

PAGE = "app_pages/reflections.py"


@pytest.fixture
def submitted(demo):
    sam = actor(demo, "sam.taylor")
    session_id = session(demo, "sam.taylor", days=5)
    draft = reflections.open_draft(demo, sam, session_id)
    reflections.choose_prompt_set(demo, sam, draft["id"], prompt_table.by_key(demo, "gibbs")["id"])
    draft = reflections.open_draft(demo, sam, session_id)
    reflections.save_field(demo, sam, draft["id"], f"answers.{draft['answers'][0]['id']}.answer",
                           "First thoughts", was="")
    set_wellbeing(demo, sam, draft["id"], score=3, note="Low week", shared=False)
    reflections.submit(demo, sam, draft["id"])
    reflections.save_field(demo, sam, draft["id"], f"answers.{draft['answers'][0]['id']}.answer",
                           "Second thoughts", was="First thoughts")
    reflections.submit(demo, sam, draft["id"])
    reflections.save_field(demo, sam, draft["id"], f"answers.{draft['answers'][1]['id']}.answer",
                           "Unshared working copy", was="")
    return session_id


def linked(username, session_id):
    return page(username, PAGE, session_id)


def test_the_supervisor_sees_reflection_ready_and_the_latest_version(demo, submitted):
    at = page("helen.carter", PAGE)
    table = at.dataframe[0].value
    row = table[table["Supervisee"] == "Sam Taylor"]
    assert "Reflection ready (version 2)" in set(row["Reflection"])
    shown = texts(at)
    assert "Second thoughts" in shown and "First thoughts" not in shown
    assert "Unshared working copy" not in shown
    assert "Low week" not in shown  # wellbeing not shared
    version = next(s for s in at.selectbox if s.label == "Version")
    version.select(1).run()
    assert "First thoughts" in texts(at)


def test_the_supervisee_sees_what_they_shared(demo, submitted):
    at = page("sam.taylor", PAGE)
    assert "What you have shared" in texts(at)
    assert "Second thoughts" in texts(at) and "Unshared working copy" not in texts(at)
    assert "From the people you supervise" not in texts(at)


@pytest.mark.parametrize("username", ["marcus.reid", "aisha.begum", "jordan.ellis"])
def test_no_one_else_reaches_it_from_the_list_or_a_url(demo, submitted, username):
    listed = page(username, PAGE)
    assert "Second thoughts" not in texts(listed)
    at = linked(username, submitted)
    assert NOT_FOUND in [e.value for e in at.error]
    assert "Second thoughts" not in texts(at) and "Sam Taylor" not in texts(at)


def test_the_team_lead_gets_no_view_of_it_and_the_admin_no_page(demo, submitted):
    at = linked("priya.shah", submitted)
    assert "Second thoughts" not in texts(at)
    assert NOT_FOUND in [e.value for e in at.error]
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        sign_in("admin").switch_page(str(ROOT / PAGE))


def test_a_link_with_nonsense_shows_no_error_trace(demo):
    at = sign_in("helen.carter")
    at.switch_page(str(ROOT / PAGE))
    at.query_params["session"] = "99999"
    at.run()
    assert not at.exception
    assert NOT_FOUND in [e.value for e in at.error]
