"""Admins add, edit, retire and bring back prompt sets through the page."""

from conftest import button, by_label, expect_errors, page, texts
from reflection_fixtures import actor

from core.preparation import prompt_sets
from db import prompt_sets as prompt_table

PAGE = "app_pages/admin_prompt_sets.py"


def test_the_built_in_sets_are_listed(demo):
    at = page("admin", PAGE)
    names = list(at.dataframe[0].value["Name"])
    for name in ("Reflective cycle (Kolb / Morrison)", "Gibbs reflective cycle",
                 "Signs of Safety mapping", "GROW coaching model", "Restorative check-in"):
        assert name in names


def test_add_a_set_with_messages_next_to_the_fields(demo):
    at = page("admin", PAGE)
    by_label(at.text_input, "Name").input("Gibbs reflective cycle")
    by_label(at.text_area, "Prompt 1: text").input("What did you notice?")
    button(at, "Add prompt set").click().run()
    expect_errors(at, "already a prompt set called", "stage of prompt 1",
                  "function prompt 1 serves")
    before = len(prompt_sets.choices(demo))
    by_label(at.text_input, "Name").input("Systemic <questions>")
    by_label(at.text_input, "Prompt 1: stage").input("Noticing")
    by_label(at.selectbox, "Prompt 1: function").select("support")
    by_label(at.checkbox, "Prompt 1 asks for a 0 to 10 score").check()
    button(at, "Add prompt set").click().run()
    assert "Saved the prompt set 'Systemic \\<questions\\>'." in [s.value for s in at.success]
    assert len(prompt_sets.choices(demo)) == before + 1
    made = [s for s in prompt_sets.choices(demo) if s["name"] == "Systemic <questions>"][0]
    assert prompt_sets.get(demo, made["id"])["prompts"][0]["scale"] == 1


def test_edit_retire_and_bring_back_a_set(demo):
    grow = prompt_table.by_key(demo, "grow")
    at = page("admin", PAGE)
    by_label(at.selectbox, "Prompt set").select(grow["id"]).run()
    # the second form on the page is the chosen set's
    [w for w in at.text_area if w.label == "Prompt 1: text"][-1].input(
        "What do you want from today?")
    button(at, "Save changes").click().run()
    assert prompt_sets.get(demo, grow["id"])["prompts"][0]["text"] == "What do you want from today?"
    button(at, "Retire this set").click().run()
    assert prompt_sets.get(demo, grow["id"])["retired_at"]
    assert "is retired" in texts(at)
    button(at, "Bring back into use").click().run()
    assert not prompt_sets.get(demo, grow["id"])["retired_at"]


def test_more_rows_for_a_longer_set(demo):
    at = page("admin", PAGE)
    rows = len([w for w in at.text_area if w.label.endswith(": text")])
    button(at, "More prompt rows").click().run()
    assert len([w for w in at.text_area if w.label.endswith(": text")]) == rows + 3


def test_the_last_set_cannot_be_retired_from_the_page(demo):
    admin = actor(demo, "admin")
    sets = prompt_sets.choices(demo)
    for s in sets[1:]:
        prompt_sets.retire(demo, admin, s["id"])
    at = page("admin", PAGE)
    by_label(at.selectbox, "Prompt set").select(sets[0]["id"]).run()
    button(at, "Retire this set").click().run()
    assert any("last prompt set in use" in e.value for e in at.error)
