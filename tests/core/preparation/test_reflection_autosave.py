"""The working copy is saved field by field, as the supervisee types."""

import pytest
from reflection_fixtures import actor, session

from core.preparation import prompt_sets
from core.preparation import reflections
from core.errors import StaleWrite, ValidationError
from core.preparation.reflections import ReflectionClosed, State
from db import prompt_sets as prompt_table


@pytest.fixture
def sam(demo):
    return actor(demo, "sam.taylor")


@pytest.fixture
def draft(demo, sam):
    session_id = session(demo, "sam.taylor", days=5)
    opened = reflections.open_draft(demo, sam, session_id)
    gibbs = prompt_table.by_key(demo, "gibbs")["id"]
    reflections.choose_prompt_set(demo, sam, opened["id"], gibbs)
    return reflections.open_draft(demo, sam, session_id)


def answer_field(draft, n=0):
    return f"answers.{draft['answers'][n]['id']}.answer"


def test_opening_makes_an_empty_private_draft_once(demo, sam):
    session_id = session(demo, "sam.taylor", days=5)
    first = reflections.open_draft(demo, sam, session_id)
    again = reflections.open_draft(demo, sam, session_id)
    assert first["id"] == again["id"]
    assert first["state"] is State.DRAFT and first["editable"]
    assert first["answers"] == [] and first["prompt_set"] is None
    assert first["saved_at"]


def test_choosing_a_set_copies_its_prompts_with_stage_and_function(draft):
    gibbs = [p for p in prompt_table.BUILTIN_V1 if p["key"] == "gibbs"][0]
    assert [a["stage"] for a in draft["answers"]] == [p[0] for p in gibbs["prompts"]]
    assert [a["function"] for a in draft["answers"]] == [p[1] for p in gibbs["prompts"]]
    assert draft["answers"][0]["prompt"] == gibbs["prompts"][0][2]
    assert draft["prompt_set"]["name"] == "Gibbs reflective cycle"


def test_each_save_is_in_the_database_at_once_with_a_new_revision(demo, sam, draft):
    field = answer_field(draft)
    saved = reflections.save_field(demo, sam, draft["id"], field, "Visited the family.", was="")
    assert saved["revision"] == draft["revision"] + 1
    reopened = reflections.open_draft(demo, sam, draft["session"]["session_id"])
    assert reopened["answers"][0]["answer"] == "Visited the family."
    assert reopened["revision"] == saved["revision"]
    assert reopened["saved_at"] == saved["saved_at"]


def test_saving_the_same_value_writes_nothing(demo, sam, draft):
    field = answer_field(draft)
    first = reflections.save_field(demo, sam, draft["id"], field, "Same", was="")
    again = reflections.save_field(demo, sam, draft["id"], field, "Same", was="")
    assert again["revision"] == first["revision"]


def test_a_stale_save_of_the_same_field_is_refused_and_changes_nothing(demo, sam, draft):
    field = answer_field(draft)
    # another window saved this answer after this page loaded it
    reflections.save_field(demo, sam, draft["id"], field, "From the laptop", was="")
    with pytest.raises(StaleWrite, match="changed in another window"):
        reflections.save_field(demo, sam, draft["id"], field, "From the desktop", was="")
    reopened = reflections.open_draft(demo, sam, draft["session"]["session_id"])
    assert reopened["answers"][0]["answer"] == "From the laptop"
    # choosing to keep the newer text: saved against what is there now
    reflections.save_field(demo, sam, draft["id"], field, "From the desktop",
                           was="From the laptop")
    assert reflections.open_draft(demo, sam, draft["session"]["session_id"])[
        "answers"][0]["answer"] == "From the desktop"


def test_saves_to_different_fields_from_two_windows_merge(demo, sam, draft):
    reflections.save_field(demo, sam, draft["id"], answer_field(draft, 0), "One", was="")
    reflections.save_field(demo, sam, draft["id"], answer_field(draft, 1), "Two", was="")
    reflections.save_field(demo, sam, draft["id"], "wellbeing.note", "Tired", was="")
    reopened = reflections.open_draft(demo, sam, draft["session"]["session_id"])
    assert [a["answer"] for a in reopened["answers"][:2]] == ["One", "Two"]
    assert reopened["wellbeing"]["note"] == "Tired"


def test_fields_lists_every_editable_value(demo, sam, draft):
    reflections.add_agenda_item(demo, sam, draft["id"], title="Court report",
                                function="performance", case_ref="CR-104233", wants="advice")
    reopened = reflections.open_draft(demo, sam, draft["session"]["session_id"])
    named = reflections.fields(reopened)
    item = reopened["agenda"][0]["id"]
    assert named[f"agenda.{item}.case_ref"] == "CR-104233"
    assert named["wellbeing.shared"] is False
    assert sum(k.startswith("answers.") for k in named) == len(reopened["answers"])


@pytest.mark.parametrize("field, value, message", [
    ("wellbeing.score", 11, "from 0 to 10"),
    ("wellbeing.score", "seven", "from 0 to 10"),
    ("wellbeing.note", "x" * 2_001, "limit is 2,000"),
    ("answer", "a" * 20_001, "limit is 20,000"),
    ("answer", "bell\x07", "cannot be stored"),
])
def test_bad_values_are_refused_with_a_message_for_the_field(demo, sam, draft, field, value,
                                                            message):
    name = answer_field(draft) if field == "answer" else field
    with pytest.raises(ValidationError, match=message) as error:
        reflections.save_field(demo, sam, draft["id"], name, value, was=None)
    assert list(error.value.errors) == [name]


def test_hostile_text_is_stored_exactly_as_typed(demo, sam, draft):
    hostile = ("<script>alert('x')</script> [click](javascript:alert(1)) **bold** 🧸👶🏽 "
               "مرحبا بالعالم שלום\n" + "long " * 3_000)
    reflections.save_field(demo, sam, draft["id"], answer_field(draft), hostile, was="")
    assert reflections.open_draft(demo, sam, draft["session"]["session_id"])[
        "answers"][0]["answer"] == hostile


def test_agenda_items_need_a_title_function_and_want_and_a_real_case_reference(demo, sam, draft):
    with pytest.raises(ValidationError) as error:
        reflections.add_agenda_item(demo, sam, draft["id"], title=" ", function="x",
                                    case_ref="Jane Smith", wants="")
    assert set(error.value.errors) == {"title", "function", "case_ref", "wants"}
    assert "Never a child's name" in error.value.errors["case_ref"]
    item = reflections.add_agenda_item(demo, sam, draft["id"], title="Drift in the plan",
                                       function="performance", wants="decision")
    reflections.save_field(demo, sam, draft["id"], f"agenda.{item}.case_ref", "CR-104233",
                           was="")
    with pytest.raises(ValidationError):
        reflections.save_field(demo, sam, draft["id"], f"agenda.{item}.title", "", was="")
    reflections.remove_agenda_item(demo, sam, draft["id"], item)
    assert reflections.open_draft(demo, sam, draft["session"]["session_id"])["agenda"] == []


def test_switching_prompt_set_only_clears_answers_when_confirmed(demo, sam, draft):
    reflections.save_field(demo, sam, draft["id"], answer_field(draft), "Written", was="")
    grow = prompt_table.by_key(demo, "grow")["id"]
    with pytest.raises(ValidationError, match="clears those answers"):
        reflections.choose_prompt_set(demo, sam, draft["id"], grow)
    assert reflections.open_draft(demo, sam, draft["session"]["session_id"])[
        "answers"][0]["answer"] == "Written"
    reflections.choose_prompt_set(demo, sam, draft["id"], grow, discard=True)
    reopened = reflections.open_draft(demo, sam, draft["session"]["session_id"])
    assert reopened["prompt_set"]["name"] == "GROW coaching model"
    assert all(a["answer"] == "" for a in reopened["answers"])


def test_a_retired_set_cannot_be_newly_chosen(demo, sam, draft):
    admin = actor(demo, "admin")
    grow = prompt_table.by_key(demo, "grow")["id"]
    prompt_sets.retire(demo, admin, grow)
    with pytest.raises(ValidationError, match="retired"):
        reflections.choose_prompt_set(demo, sam, draft["id"], grow)


def test_a_scale_prompt_takes_a_score(demo, sam):
    session_id = session(demo, "sam.taylor", days=6)
    opened = reflections.open_draft(demo, sam, session_id)
    reflections.choose_prompt_set(demo, sam, opened["id"],
                                  prompt_table.by_key(demo, "signs_of_safety")["id"])
    opened = reflections.open_draft(demo, sam, session_id)
    scale = [a for a in opened["answers"] if a["asks_scale"]]
    assert len(scale) == 1
    field = f"answers.{scale[0]['id']}.scale"
    reflections.save_field(demo, sam, opened["id"], field, 4, was=None)
    assert reflections.fields(reflections.open_draft(demo, sam, session_id))[field] == 4


def test_a_held_session_closes_the_draft(demo, sam, draft):
    from reflection_fixtures import mark

    mark(demo, draft["session"]["session_id"], "held")
    reopened = reflections.open_draft(demo, sam, draft["session"]["session_id"])
    assert reopened["state"] is State.CLOSED and not reopened["editable"]
    with pytest.raises(ReflectionClosed, match="held"):
        reflections.save_field(demo, sam, draft["id"], answer_field(draft), "Late", was="")


def test_a_rescheduled_session_brings_its_draft_along(demo, sam, draft):
    from reflection_fixtures import mark

    reflections.save_field(demo, sam, draft["id"], answer_field(draft), "Keep me", was="")
    later = session(demo, "sam.taylor", days=12)
    mark(demo, draft["session"]["session_id"], "rescheduled", rescheduled_to=later)
    moved = reflections.open_draft(demo, sam, later)
    assert moved["id"] == draft["id"]
    assert moved["answers"][0]["answer"] == "Keep me"


def test_every_save_is_audited_without_its_text(demo, sam, draft):
    reflections.save_field(demo, sam, draft["id"], answer_field(draft), "Secret words", was="")
    events = list(demo.query("SELECT action, detail FROM audit_events WHERE entity = 'reflection'"
                             " AND entity_id = ?", [draft["id"]]))
    assert {"reflection_started", "reflection_prompt_set_chosen",
            "reflection_saved"} <= {e["action"] for e in events}
    assert not any("Secret" in e["detail"] for e in events)
