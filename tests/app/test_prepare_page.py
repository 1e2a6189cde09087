"""The Prepare page through its widgets: autosave, the agenda, wellbeing, open
actions, a journal copy and submitting, for the supervisee; refused to others."""

import pytest
from conftest import ROOT, button, by_label, expect_errors, page, texts
from conftest import signed_in as sign_in
from reflection_fixtures import actor, open_action, session

from core.preparation import journal
from core.preparation import reflections
from core.preparation.reflections import State
from db import prompt_sets as prompt_table
from ui.kit.params import NOT_FOUND
from ui.kit.text import inert

PAGE = "app_pages/prepare.py"


def prepare(username: str, session_id: int):
    return page(username, PAGE, session_id)


def draft_of(demo, session_id, username="sam.taylor"):
    return reflections.open_draft(demo, actor(demo, username), session_id)


def answer_key(draft, n=0, part="answer"):
    return f"rf:{draft['id']}:answers.{draft['answers'][n]['id']}.{part}"


@pytest.fixture
def planned(demo):
    return session(demo, "sam.taylor", days=6)


def test_choose_a_set_type_and_find_it_saved_in_a_new_browser(demo, planned):
    at = prepare("sam.taylor", planned)
    assert at.title[0].value == "Prepare for supervision"
    assert "Draft: not shared yet" in texts(at) and "Last saved" in texts(at)
    gibbs = prompt_table.by_key(demo, "gibbs")["id"]
    by_label(at.selectbox, "Prompt set").select(gibbs).run()
    shown = texts(at)
    assert "Function: Personal support" in shown and "Feelings" in shown
    draft = draft_of(demo, planned)
    at.text_area(key=answer_key(draft)).input("We met at the school.").run()
    assert draft_of(demo, planned)["answers"][0]["answer"] == "We met at the school."
    assert not at.exception
    # a refresh, or another computer: a fresh session reads it back from the database
    again = prepare("sam.taylor", planned)
    assert again.text_area(key=answer_key(draft)).value == "We met at the school."


def test_a_stale_save_keeps_the_typed_text_and_offers_a_choice(demo, planned):
    sam = actor(demo, "sam.taylor")
    draft = draft_of(demo, planned)
    reflections.choose_prompt_set(demo, sam, draft["id"], prompt_table.by_key(demo, "grow")["id"])
    draft = draft_of(demo, planned)
    desk = prepare("sam.taylor", planned)
    laptop = prepare("sam.taylor", planned)
    laptop.text_area(key=answer_key(draft)).input("From the laptop").run()
    desk.text_area(key=answer_key(draft)).input("From the desk").run()
    assert "changed in another window" in texts(desk)
    assert desk.text_area(key=answer_key(draft)).value == "From the desk"
    assert draft_of(demo, planned)["answers"][0]["answer"] == "From the laptop"
    button(desk, "Keep my version").click().run()
    assert draft_of(demo, planned)["answers"][0]["answer"] == "From the desk"
    assert "changed in another window" not in texts(desk)


def test_switching_sets_asks_before_clearing_answers(demo, planned):
    sam = actor(demo, "sam.taylor")
    draft = draft_of(demo, planned)
    reflections.choose_prompt_set(demo, sam, draft["id"], prompt_table.by_key(demo, "grow")["id"])
    draft = draft_of(demo, planned)
    reflections.save_field(demo, sam, draft["id"], f"answers.{draft['answers'][0]['id']}.answer",
                           "My goal", was="")
    at = prepare("sam.taylor", planned)
    by_label(at.selectbox, "Prompt set").select(prompt_table.by_key(demo, "gibbs")["id"]).run()
    assert "clears the answers you have written" in texts(at)
    assert draft_of(demo, planned)["answers"][0]["answer"] == "My goal"
    button(at, "Switch and clear my answers").click().run()
    assert draft_of(demo, planned)["prompt_set"]["name"] == "Gibbs reflective cycle"


def test_agenda_items_with_messages_next_to_the_fields(demo, planned):
    at = prepare("sam.taylor", planned)
    by_label(at.text_input, "Title").input("<b>Drift</b> in the plan")
    by_label(at.text_input, "Case reference (optional)").input("Jayden Smith")
    button(at, "Add to the agenda").click().run()
    expect_errors(at, "Never a child's name", "Choose the function")
    assert draft_of(demo, planned)["agenda"] == []
    assert by_label(at.text_input, "Title").value == "<b>Drift</b> in the plan"
    by_label(at.text_input, "Case reference (optional)").input("CR-104233")
    by_label(at.selectbox, "Function").select("performance")
    by_label(at.selectbox, "What you want from supervision").select("decision")
    button(at, "Add to the agenda").click().run()
    assert "Added to the agenda." in [s.value for s in at.success]
    item = draft_of(demo, planned)["agenda"][0]
    assert (item["title"], item["case_ref"], item["wants"]) == (
        "<b>Drift</b> in the plan", "CR-104233", "decision")
    assert by_label(at.text_input, "Title").value == ""
    # the item is then edited in place, saved as it changes
    by_label(at.selectbox, "Item 1: what you want").select("advice").run()
    assert draft_of(demo, planned)["agenda"][0]["wants"] == "advice"
    button(at, "Remove item 1").click().run()
    assert draft_of(demo, planned)["agenda"] == []


def test_wellbeing_is_private_until_shared(demo, planned):
    at = prepare("sam.taylor", planned)
    by_label(at.selectbox, "How are you? 0 is struggling, 10 is thriving").select(4).run()
    by_label(at.text_area, "A note about your wellbeing (optional)").input("Court week").run()
    saved = draft_of(demo, planned)["wellbeing"]
    assert saved == {"score": 4, "note": "Court week", "shared": False}
    by_label(at.checkbox, "Share my wellbeing check with Helen Carter").check().run()
    assert draft_of(demo, planned)["wellbeing"]["shared"] is True


def test_open_actions_show_and_the_owner_closes_theirs(demo, planned):
    demo.execute("UPDATE actions SET status = 'done'")  # a clean slate: the demo has open ones
    earlier = session(demo, "sam.taylor", days=-25, status="held")
    open_action(demo, "sam.taylor", "sam.taylor", "Book the family group conference",
                due_in=-2, session_id=earlier)
    open_action(demo, "sam.taylor", "helen.carter", "Ask legal about the letter",
                session_id=earlier)
    at = prepare("sam.taylor", planned)
    shown = texts(at)
    assert "Book the family group conference" in shown and "(overdue)" in shown
    assert "Ask legal about the letter" in shown
    assert len([b for b in at.button if b.label == "Close this action"]) == 1
    by_label(at.text_area, "Evidence or outcome").input("Booked for 14 March.")
    button(at, "Close this action").click().run()
    assert "Action closed." in [s.value for s in at.success]
    assert "Book the family group conference" not in texts(at)


def test_copy_a_journal_entry_into_an_answer(demo, planned):
    sam = actor(demo, "sam.taylor")
    draft = draft_of(demo, planned)
    reflections.choose_prompt_set(demo, sam, draft["id"],
                                  prompt_table.by_key(demo, "restorative")["id"])
    journal.save(demo, sam, None, title="The visit", body="It stayed with me.")
    draft = draft_of(demo, planned)
    at = prepare("sam.taylor", planned)
    by_label(at.selectbox, "Copy into the answer to").select(draft["answers"][1]["id"])
    button(at, "Copy into my reflection").click().run()
    assert at.text_area(key=answer_key(draft, 1)).value == "The visit\nIt stayed with me."
    assert journal.entries(demo, sam)[0]["body"] == "It stayed with me."


def test_submit_then_changes_not_yet_shared(demo, planned):
    at = prepare("sam.taylor", planned)
    button(at, "Submit to Helen Carter").click().run()
    assert any("nothing to share yet" in e.value for e in at.error)
    by_label(at.text_input, "Title").input("Caseload")
    by_label(at.selectbox, "Function").select("performance")
    by_label(at.selectbox, "What you want from supervision").select("support")
    button(at, "Add to the agenda").click().run()
    button(at, "Submit to Helen Carter").click().run()
    assert "Submitted. Helen Carter can now see your reflection." in [s.value for s in at.success]
    assert "Helen Carter sees version 1" in texts(at)
    by_label(at.text_input, "Item 1: title").input("Caseload and overtime").run()
    assert "Changes not yet shared" in texts(at)
    button(at, "Share my changes").click().run()
    helen = actor(demo, "helen.carter")
    assert reflections.latest_submitted(demo, helen, planned)["agenda"][0]["title"] \
        == "Caseload and overtime"
    assert draft_of(demo, planned)["state"] is State.SUBMITTED


def test_hostile_text_comes_back_exactly_and_is_shown_inert(demo, planned):
    hostile = ("<script>alert('x')</script> [click me](javascript:alert(1)) "
               "<img src=x onerror=alert(2)> **bold** 🧸👶🏽 مرحبا بالعالم שלום\n" + "long " * 2_000)
    sam = actor(demo, "sam.taylor")
    draft = draft_of(demo, planned)
    reflections.choose_prompt_set(demo, sam, draft["id"], prompt_table.by_key(demo, "gibbs")["id"])
    draft = draft_of(demo, planned)
    at = prepare("sam.taylor", planned)
    at.text_area(key=answer_key(draft)).input(hostile).run()
    assert draft_of(demo, planned)["answers"][0]["answer"] == hostile
    assert prepare("sam.taylor", planned).text_area(key=answer_key(draft)).value == hostile
    button(at, "Submit to Helen Carter").click().run()
    view = sign_in("helen.carter")
    view.switch_page(str(ROOT / "app_pages/reflections.py"))
    view.query_params["session"] = str(planned)
    view.run()
    markdown = [m.value for m in view.markdown]
    first_line = hostile.split("\n")[0]
    assert inert(first_line) in "\n".join(markdown)
    assert not any("<script>" in m or "](javascript" in m for m in markdown)


@pytest.mark.parametrize("username", ["helen.carter", "marcus.reid", "jordan.ellis"])
def test_someone_elses_session_is_refused_by_url(demo, planned, username):
    sam = actor(demo, "sam.taylor")
    draft = draft_of(demo, planned)
    reflections.add_agenda_item(demo, sam, draft["id"], title="Secret item",
                                function="support", wants="support")
    at = prepare(username, planned)
    assert NOT_FOUND in [e.value for e in at.error]
    assert "Secret item" not in texts(at)
    assert not at.text_area and not at.text_input


def test_a_held_session_shows_what_was_shared_read_only(demo, planned):
    from reflection_fixtures import mark

    sam = actor(demo, "sam.taylor")
    draft = draft_of(demo, planned)
    reflections.add_agenda_item(demo, sam, draft["id"], title="Kept item", function="support",
                                wants="support")
    reflections.submit(demo, sam, draft["id"])
    mark(demo, planned, "held")
    at = prepare("sam.taylor", planned)
    assert "can no longer change" in texts(at)
    assert "Kept item" in texts(at)
    assert not at.text_input


def test_no_planned_session_says_so(demo):
    chloe = actor(demo, "chloe.wright")
    demo.execute("UPDATE sessions SET status = 'cancelled' WHERE arrangement_id IN "
                  "(SELECT id FROM arrangements WHERE supervisee_id = ?)", [chloe.id])
    at = sign_in("chloe.wright")
    at.switch_page(str(ROOT / PAGE)).run()
    assert "You have no planned sessions to prepare for" in texts(at)
    assert not at.selectbox
