"""Submitting shares a version; the supervisor sees the latest, earlier ones are kept."""

import pytest
from reflection_fixtures import actor, mark, session, set_wellbeing

from core.preparation import prompt_sets
from core import insights
from core.preparation import reflections
from core.errors import ValidationError
from core.preparation.reflections import ReflectionClosed, State
from db import prompt_sets as prompt_table


@pytest.fixture
def people(demo):
    return {u: actor(demo, u) for u in ("sam.taylor", "helen.carter", "admin")}


@pytest.fixture
def prepared(demo, people):
    """Sam's draft on Signs of Safety with one answer, a score and an agenda item."""
    sam = people["sam.taylor"]
    session_id = session(demo, "sam.taylor", days=3)
    draft = reflections.open_draft(demo, sam, session_id)
    reflections.choose_prompt_set(demo, sam, draft["id"],
                                  prompt_table.by_key(demo, "signs_of_safety")["id"])
    draft = reflections.open_draft(demo, sam, session_id)
    first, scale = draft["answers"][0], [a for a in draft["answers"] if a["asks_scale"]][0]
    reflections.save_field(demo, sam, draft["id"], f"answers.{first['id']}.answer",
                           "Dad's drinking has increased since the core group.", was="")
    reflections.save_field(demo, sam, draft["id"], f"answers.{scale['id']}.scale", 3, was=None)
    reflections.add_agenda_item(demo, sam, draft["id"], title="Step down to CIN?",
                                function="performance", case_ref="CR-104233", wants="decision")
    return session_id, draft["id"]


def submit_then_change(demo, sam, prepared, answer: str) -> None:
    """Sam submits, then writes `answer` to the second prompt of the working copy."""
    session_id, reflection_id = prepared
    reflections.submit(demo, sam, reflection_id)
    draft = reflections.open_draft(demo, sam, session_id)
    field = f"answers.{draft['answers'][1]['id']}.answer"
    reflections.save_field(demo, sam, reflection_id, field, answer, was="")


def test_submitting_makes_version_one_for_the_supervisor(demo, people, prepared):
    session_id, reflection_id = prepared
    assert reflections.latest_submitted(demo, people["helen.carter"], session_id) is None
    assert reflections.submit(demo, people["sam.taylor"], reflection_id) == 1
    shown = reflections.latest_submitted(demo, people["helen.carter"], session_id)
    assert shown["number"] == 1 and shown["submitted_at"]
    assert shown["prompt_set"] == "Signs of Safety mapping"
    assert set(shown["answers"][0]) == {"stage", "function", "prompt", "scale", "answer"}
    assert shown["answers"][0]["answer"] == "Dad's drinking has increased since the core group."
    assert [a["scale"] for a in shown["answers"] if a["scale"] is not None] == [3]
    proposed = reflections.open_draft(demo, people["sam.taylor"], session_id)["agenda"][0]
    assert shown["agenda"] == [{"id": proposed["id"], "title": "Step down to CIN?",
                                "function": "performance", "case_ref": "CR-104233",
                                "wants": "decision"}]
    assert shown["wellbeing"] is None
    assert reflections.open_draft(demo, people["sam.taylor"], session_id)["state"] \
        is State.SUBMITTED


def test_the_supervisor_never_sees_the_working_copy(demo, people, prepared):
    session_id, _reflection_id = prepared
    sam = people["sam.taylor"]
    submit_then_change(demo, sam, prepared, "Not ready to share")
    assert reflections.open_draft(demo, sam, session_id)["state"] is State.CHANGED
    shown = reflections.latest_submitted(demo, people["helen.carter"], session_id)
    assert "Not ready to share" not in str(shown)


def test_submitting_again_shares_the_changes_and_keeps_the_earlier_version(demo, people,
                                                                         prepared):
    session_id, reflection_id = prepared
    sam, helen = people["sam.taylor"], people["helen.carter"]
    submit_then_change(demo, sam, prepared, "Grandmother is protective.")
    assert reflections.submit(demo, sam, reflection_id) == 2
    shown = reflections.versions(demo, helen, session_id)
    assert [v["number"] for v in shown] == [2, 1]
    assert shown[0]["answers"][1]["answer"] == "Grandmother is protective."
    assert shown[1]["answers"][1]["answer"] == ""
    assert reflections.latest_submitted(demo, helen, session_id)["number"] == 2
    assert reflections.open_draft(demo, sam, session_id)["state"] is State.SUBMITTED


def test_nothing_new_or_nothing_at_all_is_not_submitted(demo, people, prepared):
    session_id, reflection_id = prepared
    sam = people["sam.taylor"]
    reflections.submit(demo, sam, reflection_id)
    with pytest.raises(ValidationError, match="Nothing has changed since you shared version 1"):
        reflections.submit(demo, sam, reflection_id)
    empty = reflections.open_draft(demo, sam, session(demo, "sam.taylor", days=30))
    with pytest.raises(ValidationError, match="nothing to share yet"):
        reflections.submit(demo, sam, empty["id"])


def test_after_the_session_is_held_nothing_changes_but_the_versions_stay(demo, people,
                                                                       prepared):
    session_id, reflection_id = prepared
    sam = people["sam.taylor"]
    reflections.submit(demo, sam, reflection_id)
    mark(demo, session_id, "held")
    with pytest.raises(ReflectionClosed):
        reflections.submit(demo, sam, reflection_id)
    assert reflections.latest_submitted(demo, people["helen.carter"], session_id)["number"] == 1


def test_wellbeing_reaches_the_supervisor_only_while_shared(demo, people, prepared):
    session_id, reflection_id = prepared
    sam, helen = people["sam.taylor"], people["helen.carter"]

    def score(who):  # this session's score as `who` sees it over time (the demo has others)
        day = reflections.session_date(demo["sessions"].get(session_id)["scheduled_at"])
        return {w.on: w.score for w in insights.wellbeing(demo, who, sam.id)}.get(day)
    set_wellbeing(demo, sam, reflection_id, score=4, note="Court week", shared=False)
    reflections.submit(demo, sam, reflection_id)
    assert reflections.latest_submitted(demo, helen, session_id)["wellbeing"] is None
    set_wellbeing(demo, sam, reflection_id, score=4, note="Court week", shared=True)
    assert reflections.open_draft(demo, sam, session_id)["state"] is State.CHANGED
    reflections.submit(demo, sam, reflection_id)
    assert reflections.latest_submitted(demo, helen, session_id)["wellbeing"] == {
        "score": 4, "note": "Court week"}
    assert score(helen) == 4
    # a new score in the working copy stays private until it is submitted
    reflections.save_field(demo, sam, reflection_id, "wellbeing.score", 2, was=4)
    assert score(helen) == 4
    assert reflections.latest_submitted(demo, helen, session_id)["wellbeing"]["score"] == 4
    # withdrawing the share hides it at once, before any new submission
    reflections.save_field(demo, sam, reflection_id, "wellbeing.shared", False, was=True)
    assert reflections.latest_submitted(demo, helen, session_id)["wellbeing"] is None
    assert score(helen) is None
    assert score(sam) == 2


def test_an_edited_or_retired_set_still_shows_as_it_was_on_old_reflections(demo, people,
                                                                          prepared):
    session_id, reflection_id = prepared
    sam, admin = people["sam.taylor"], people["admin"]
    reflections.submit(demo, sam, reflection_id)
    before = reflections.latest_submitted(demo, sam, session_id)
    sos = prompt_table.by_key(demo, "signs_of_safety")
    prompt_sets.update(demo, admin, sos["id"], name="Signs of Safety (2027)",
                       description="", prompts=[{"stage": "Worries", "function": "support",
                                                 "text": "New wording", "scale": False}])
    prompt_sets.retire(demo, admin, sos["id"])
    after = reflections.latest_submitted(demo, sam, session_id)
    assert after == before
    assert after["answers"][0]["prompt"].startswith("Describe the harm")
    assert after["prompt_set"] == "Signs of Safety mapping"
    # an open draft keeps its own copy of the prompts too
    assert reflections.open_draft(demo, sam, session_id)["answers"][0]["prompt"] \
        .startswith("Describe the harm")
