"""The demo's reflections: on whatever sessions exist, varied, with a draft in progress."""

import pytest
from reflection_fixtures import actor, session

from core.preparation import journal
from core import insights
from core.preparation import reflections
from core.demo.reflections import load_reflections
from core.preparation.reflections import State
from core.validation import CASE_REF

PEOPLE = ["sam.taylor", "jordan.ellis", "chloe.wright", "tom.baker"]


def people(demo):
    return {r["username"]: r["id"] for r in demo.query("SELECT id, username FROM users")}


@pytest.fixture
def sessions(demo):
    """A year of monthly held sessions for some supervisees, and their next planned one."""
    made = {}
    for username in PEOPLE:
        held = [session(demo, username, days=-28 * n, status="held") for n in range(12, 0, -1)]
        made[username] = (held, session(demo, username, days=6),
                          session(demo, username, days=34))
    return made


def test_without_sessions_only_the_journals_are_loaded(people_only):
    load_reflections(people_only, people(people_only))
    assert people_only["reflections"].count == 0
    assert journal.entries(people_only, actor(people_only, "sam.taylor"))


def test_held_sessions_get_varied_submitted_reflections(demo, sessions):
    load_reflections(demo, people(demo))
    helen = actor(demo, "helen.carter")
    shown = [reflections.latest_submitted(demo, helen, s)
             for username in PEOPLE for s in sessions[username][0]]
    shown = [v for v in shown if v]
    assert len(shown) >= 0.7 * 12 * len(PEOPLE)
    assert len({v["prompt_set"] for v in shown}) >= 4
    functions = {a["function"] for v in shown for a in v["answers"] if a["answer"]}
    assert functions == {"performance", "development", "support"}
    assert {i["function"] for v in shown for i in v["agenda"]} == functions
    refs = [i["case_ref"] for v in shown for i in v["agenda"] if i["case_ref"]]
    assert refs and all(CASE_REF.match(r) for r in refs)
    assert any(a["scale"] is not None for v in shown for a in v["answers"])


def test_sams_next_session_has_a_draft_in_progress_and_jordans_is_ready(demo, sessions):
    load_reflections(demo, people(demo))
    sam, helen = actor(demo, "sam.taylor"), actor(demo, "helen.carter")
    draft = reflections.open_draft(demo, sam, sessions["sam.taylor"][1])
    assert draft["state"] is State.DRAFT and reflections.answered_count(draft) >= 2
    assert reflections.latest_submitted(demo, helen, sessions["sam.taylor"][1]) is None
    jordan = reflections.latest_submitted(demo, helen, sessions["jordan.ellis"][1])
    assert jordan["number"] == 2 and jordan["wellbeing"]["score"] == 8
    assert len(reflections.versions(demo, helen, sessions["jordan.ellis"][1])) == 2
    # the session after next is left for the supervisee to prepare
    assert reflections.open_draft(demo, sam, sessions["sam.taylor"][2])["state"] is State.DRAFT
    assert reflections.answered_count(
        reflections.open_draft(demo, sam, sessions["sam.taylor"][2])) == 0


def test_wellbeing_moves_over_time(demo, sessions):
    load_reflections(demo, people(demo))
    sam = actor(demo, "sam.taylor")
    scores = [w.score for w in insights.wellbeing(demo, sam, sam.id)]
    assert len(scores) >= 8 and len(set(scores)) >= 3
    assert min(scores) <= 4 < max(scores)


def test_a_session_already_prepared_is_left_alone(demo, sessions):
    sam = actor(demo, "sam.taylor")
    mine = reflections.open_draft(demo, sam, sessions["sam.taylor"][1])
    reflections.add_agenda_item(demo, sam, mine["id"], title="My own", function="support",
                                wants="support")
    load_reflections(demo, people(demo))
    again = reflections.open_draft(demo, sam, sessions["sam.taylor"][1])
    assert [i["title"] for i in again["agenda"]] == ["My own"] and again["answers"] == []
