"""Admins add, edit and retire prompt sets; supervisees choose from the sets in use."""

import pytest
from reflection_fixtures import actor

from core.preparation import prompt_sets
from core.errors import PermissionDenied, ValidationError

PROMPTS = [{"stage": "Noticing", "function": "support", "text": "What did you notice?"},
           {"stage": "", "function": "", "text": ""},  # an empty form row is ignored
           {"stage": "Risk", "function": "performance", "text": "Where on 0-10?", "scale": True}]


def test_an_admin_adds_a_set_and_supervisees_can_choose_it(demo):
    admin = actor(demo, "admin")
    set_id = prompt_sets.create(demo, admin, name="Systemic questions",
                                description="Circular questions", prompts=PROMPTS)
    made = prompt_sets.get(demo, set_id)
    assert [(p["stage"], p["function"], p["scale"]) for p in made["prompts"]] == [
        ("Noticing", "support", 0), ("Risk", "performance", 1)]
    assert made["key"] == "systemic_questions" and not made["builtin"]
    assert "Systemic questions" in [s["name"] for s in prompt_sets.choices(demo)]


def test_bad_sets_are_refused_field_by_field(demo):
    admin = actor(demo, "admin")
    with pytest.raises(ValidationError) as error:
        prompt_sets.create(demo, admin, name="Gibbs reflective cycle", prompts=[
            {"stage": "", "function": "gossip", "text": "Only text"}])
    assert set(error.value.errors) == {"name", "prompt_1_stage", "prompt_1_function"}
    with pytest.raises(ValidationError) as error:
        prompt_sets.create(demo, admin, name="Empty", prompts=[])
    assert "prompts" in error.value.errors


def test_an_admin_edits_a_built_in_set(demo):
    admin = actor(demo, "admin")
    grow = [s for s in prompt_sets.choices(demo) if s["key"] == "grow"][0]
    prompt_sets.update(demo, admin, grow["id"], name="GROW", description="Short",
                       prompts=PROMPTS[:1])
    changed = prompt_sets.get(demo, grow["id"])
    assert changed["name"] == "GROW" and len(changed["prompts"]) == 1


def test_retired_sets_are_not_offered_and_can_come_back(demo):
    admin = actor(demo, "admin")
    gibbs = [s for s in prompt_sets.choices(demo) if s["key"] == "gibbs"][0]
    prompt_sets.retire(demo, admin, gibbs["id"])
    assert gibbs["id"] not in [s["id"] for s in prompt_sets.choices(demo)]
    assert prompt_sets.get(demo, gibbs["id"])["retired_at"]
    with pytest.raises(ValidationError, match="already retired"):
        prompt_sets.retire(demo, admin, gibbs["id"])
    prompt_sets.restore(demo, admin, gibbs["id"])
    assert gibbs["id"] in [s["id"] for s in prompt_sets.choices(demo)]


def test_the_last_set_in_use_cannot_be_retired(demo):
    admin = actor(demo, "admin")
    sets = prompt_sets.choices(demo)
    for s in sets[:-1]:
        prompt_sets.retire(demo, admin, s["id"])
    with pytest.raises(ValidationError, match="last prompt set in use"):
        prompt_sets.retire(demo, admin, sets[-1]["id"])


@pytest.mark.parametrize("username", ["sam.taylor", "helen.carter", "priya.shah"])
def test_only_admins_change_sets(demo, username):
    person = actor(demo, username)
    set_id = prompt_sets.choices(demo)[0]["id"]
    for change in (lambda: prompt_sets.create(demo, person, name="Mine", prompts=PROMPTS),
                   lambda: prompt_sets.update(demo, person, set_id, name="x", description="",
                                              prompts=PROMPTS),
                   lambda: prompt_sets.retire(demo, person, set_id),
                   lambda: prompt_sets.listing(demo, person)):
        with pytest.raises(PermissionDenied):
            change()


def test_changes_are_audited(demo):
    admin = actor(demo, "admin")
    set_id = prompt_sets.create(demo, admin, name="New", prompts=PROMPTS)
    prompt_sets.retire(demo, admin, set_id)
    actions = [r["action"] for r in demo.query(
        "SELECT action FROM audit_events WHERE entity = 'prompt_set' AND entity_id = ?", [set_id])]
    assert actions == ["prompt_set_created", "prompt_set_retired"]
