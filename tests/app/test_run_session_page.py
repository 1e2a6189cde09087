"""The Run session page through its widgets: opening a session, autosave with
revisions, a stale save that keeps the typed text, reordering, case decisions
with their rationale, actions, safeguarding flags, marking held and sharing;
refused to everyone but the arrangement's supervisor."""

from datetime import date, timedelta

import pytest
from conftest import button, by_label, page, signed_in, texts
from test_page_access import run_page_directly
from record_fixtures import actor, opened, planned

from core import clock, records

PAGE = "app_pages/run_session.py"
HOSTILE = ("<script>alert(1)</script> [link](javascript:alert(2)) **bold** 🧸 مرحبا שלום"
           "\n" + "long " * 2000)


def run_page(username: str, session_id: int | None = None):
    return page(username, PAGE, session_id)


def view_of(db, session_id, username="helen.carter"):
    return records.agenda(db, actor(db, username), session_id)


def key(item_id, field):
    return f"ri:{item_id}:{field}"


@pytest.fixture
def started(demo):
    """Sam's session from yesterday, opened, with one case item of Helen's."""
    sid, _view = opened(demo)
    item = records.add_item(demo, actor(demo, "helen.carter"), sid, title="Drift in the plan",
                            function="performance", case_ref="CR-104233")
    return sid, item


def test_the_supervisor_opens_a_session_and_its_agenda_is_built(demo):
    sid = planned(demo)
    at = run_page("helen.carter", sid)
    assert at.selectbox(key="run_session").value == sid
    assert "Opening the session builds its agenda" in texts(at)
    assert view_of(demo, sid).record is None
    button(at, "Open the session").click().run()
    assert "Session opened. Every field is saved as you write it." in texts(at)
    assert view_of(demo, sid).record["status"] == "draft"
    shown = texts(at)
    assert "Minutes so far" in shown and "Agenda" in shown and "Record: Draft" in shown


def test_fields_save_as_they_are_written_and_totals_follow(demo, started):
    sid, item = started
    at = run_page("helen.carter", sid)
    at.text_area(key=key(item, "discussion")).input(HOSTILE).run()
    at.number_input(key=key(item, "minutes")).set_value(25).run()
    saved = records.agenda(demo, actor(demo, "helen.carter"), sid)
    found = next(i for i in saved.items if i["id"] == item)
    assert found["discussion"] == HOSTILE and found["minutes"] == 25
    assert found["revision"] == 2
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Performance management"] == "25 min"
    assert metrics["Total recorded"] == "25 min"
    at.selectbox(key=key(item, "function")).select("support").run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Personal support"] == "25 min" and metrics["Performance management"] == "0 min"
    # a refresh, or another computer: a fresh session reads it all back
    again = run_page("helen.carter", sid)
    assert again.text_area(key=key(item, "discussion")).value == HOSTILE
    assert again.number_input(key=key(item, "minutes")).value == 25


def test_a_decision_without_rationale_is_refused_and_kept_on_screen(demo, started):
    sid, item = started
    at = run_page("helen.carter", sid)
    at.text_area(key=key(item, "decision")).input("Escalate to a strategy meeting").run()
    assert any("Give the rationale for this decision" in e.value for e in at.error)
    assert at.text_area(key=key(item, "decision")).value == "Escalate to a strategy meeting"
    assert view_of(demo, sid).items[-1]["decision"] == ""
    at.text_area(key=key(item, "rationale")).input("Two missed visits and a new injury").run()
    assert not any("Give the rationale" in e.value for e in at.error)
    saved = view_of(demo, sid).items[-1]
    assert (saved["decision"], saved["rationale"]) == ("Escalate to a strategy meeting",
                                                       "Two missed visits and a new injury")
    at.selectbox(key=key(item, "risk_score")).select(3).run()
    at.date_input(key=key(item, "next_review")).set_value(date(1990, 1, 1)).run()
    assert any("cannot be before" in e.value for e in at.error)
    assert view_of(demo, sid).items[-1]["next_review"] is None
    assert view_of(demo, sid).items[-1]["risk_score"] == 3


def test_a_stale_save_keeps_the_typed_text_and_offers_a_choice(demo, started):
    sid, item = started
    desk = run_page("helen.carter", sid)
    laptop = run_page("helen.carter", sid)
    laptop.text_area(key=key(item, "discussion")).input("From the laptop").run()
    desk.text_area(key=key(item, "discussion")).input("From the desk").run()
    assert "changed in another window" in texts(desk)
    assert desk.text_area(key=key(item, "discussion")).value == "From the desk"
    assert view_of(demo, sid).items[-1]["discussion"] == "From the laptop"
    button(desk, "Keep my version").click().run()
    assert view_of(demo, sid).items[-1]["discussion"] == "From the desk"
    assert "changed in another window" not in texts(desk)


def test_items_are_added_reordered_and_retagged(demo, started):
    sid, item = started
    at = run_page("helen.carter", sid)
    button(at, "Add the item").click().run()
    assert "Enter a title for the agenda item." in [e.value for e in at.error]
    at.text_input(key="add_item_title").input("Training plan")
    at.selectbox(key="add_item_function").select("development")
    at.text_input(key="add_item_case").input("Jayden Smith")
    button(at, "Add the item").click().run()
    assert any("Never a child's name" in e.value for e in at.error)
    assert at.text_input(key="add_item_title").value == "Training plan"
    at.text_input(key="add_item_case").input("")
    button(at, "Add the item").click().run()
    titles = [i["title"] for i in view_of(demo, sid).items]
    assert titles[-2:] == ["Drift in the plan", "Training plan"]
    new = view_of(demo, sid).items[-1]["id"]
    at.button(key=f"up_{new}").click().run()
    titles = [i["title"] for i in view_of(demo, sid).items]
    assert titles[-2:] == ["Training plan", "Drift in the plan"]
    assert "Agenda order saved." in texts(at)


def test_actions_and_safeguarding_flags_with_messages_next_to_the_fields(demo, started):
    sid, item = started
    at = run_page("helen.carter", sid)
    form = f"action_{item}"
    at.button(key=f"{form}_submit").click().run()
    assert "Enter what is to be done." in [e.value for e in at.error]
    at.text_area(key=f"{form}_description").input("Book the family group conference 🧸")
    at.date_input(key=f"{form}_due").set_value(date(2300, 1, 1) - timedelta(days=200 * 365))
    at.button(key=f"{form}_submit").click().run()
    assert any("cannot be after" in e.value for e in at.error)
    assert view_of(demo, sid).actions == []
    sam = actor(demo, "sam.taylor")
    at.selectbox(key=f"{form}_owner").select(sam.id)
    at.date_input(key=f"{form}_due").set_value(clock.today() + timedelta(days=10))
    at.button(key=f"{form}_submit").click().run()
    raised = view_of(demo, sid).actions
    assert [(a["owner_name"], a["description"]) for a in raised] == [
        ("Sam Taylor", "Book the family group conference 🧸")]
    assert "Book the family group conference 🧸" in texts(at)

    flag = f"flag_{item}"
    at.button(key=f"{flag}_submit").click().run()
    assert "Enter the reason." in [e.value for e in at.error]
    at.text_area(key=f"{flag}_reason").input("Disclosure of harm in the home")
    at.button(key=f"{flag}_submit").click().run()
    flagged = view_of(demo, sid).items[-1]
    assert flagged["safeguarding"] and flagged["safeguarding_reason"].startswith("Disclosure")
    assert "Flagged as a safeguarding concern" in texts(at)


def test_mark_held_then_share_locks_the_fields(demo, started):
    sid, item = started
    at = run_page("helen.carter", sid)
    assert "Share the record with Sam Taylor" not in [b.label for b in at.button]
    at.text_area(key=key(item, "discussion")).input("Reviewed the plan").run()
    at.number_input(key="held_minutes").set_value(85)
    button(at, "Mark held").click().run()
    assert view_of(demo, sid).session_status == "held"
    assert view_of(demo, sid).held_minutes == 85
    button(at, "Share the record with Sam Taylor").click().run()
    assert "Shared. The supervisee can now read and sign it." in texts(at)
    assert view_of(demo, sid).record["status"] == "shared"
    assert at.text_area(key=key(item, "discussion")).disabled
    assert "waits for the supervisee's signature" in texts(at)


@pytest.mark.parametrize("username", ["sam.taylor", "admin"])
def test_people_who_are_not_supervisors_are_refused(demo, started, username):
    at = run_page_directly(PAGE, username)
    assert any("This page is for supervisors" in e.value for e in at.error)
    assert not at.text_area and not at.button


def test_another_supervisor_cannot_run_or_see_the_session(demo, started):
    sid, item = started
    records.save_item(demo, actor(demo, "helen.carter"), item,
                      {"discussion": "Private to the two"}, expected_revision=0)
    at = run_page("marcus.reid", sid)
    assert at.selectbox(key="run_session").value != sid
    assert not any("Sam Taylor" in o for o in at.selectbox(key="run_session").options)
    assert "Private to the two" not in texts(at)


def test_the_team_lead_cannot_run_a_session_of_their_team(demo, started):
    sid, item = started
    records.save_item(demo, actor(demo, "helen.carter"), item,
                      {"discussion": "Private to the two"}, expected_revision=0)
    at = run_page("priya.shah", sid)  # leads Sam's team, and supervises Helen
    options = at.selectbox(key="run_session").options
    assert options and all(o.startswith("Helen Carter") for o in options)
    assert "Private to the two" not in texts(at)
    shared = signed_in("priya.shah")
    shared.query_params["shared"] = str(sid)
    shared.run()
    assert "Only the supervisor of this arrangement runs its sessions." in texts(shared)
    assert "Private to the two" not in texts(shared) and not shared.text_area


def test_text_is_saved_up_to_the_limit_and_over_it_kept_with_a_message(demo, started):
    sid, item = started
    at = run_page("helen.carter", sid)
    field = at.text_area(key=key(item, "discussion"))
    assert not field.proto.max_chars  # the browser would cut a paste without a word
    assert field.help == "Up to 20,000 characters."
    longest = ("مرحبا 🧸 " * 3000)[:20_000]
    field.input(longest).run()
    assert not at.error
    assert view_of(demo, sid).items[-1]["discussion"] == longest
    at.text_area(key=key(item, "discussion")).input(longest + "!").run()
    assert any("the limit is 20,000" in e.value for e in at.error)
    assert at.text_area(key=key(item, "discussion")).value == longest + "!"
    assert view_of(demo, sid).items[-1]["discussion"] == longest


def test_an_item_the_supervisor_added_can_be_removed(demo, started):
    sid, item = started
    at = run_page("helen.carter", sid)
    at.button(key=f"remove_{item}").click().run()
    assert "Item removed from the agenda." in texts(at)
    assert item not in [i["id"] for i in view_of(demo, sid).items]
    carried = [i for i in view_of(demo, sid).items if i["source"] != "supervisor"]
    assert all(f"remove_{i['id']}" not in [b.key for b in at.button] for i in carried)


def test_the_supervisor_writes_private_notes_that_save_as_written(demo):
    sid = planned(demo)
    at = run_page("helen.carter", sid)
    notes = by_label(at.text_area, "Private notes")
    notes.input("Ask about the court statement first").run()
    assert view_of(demo, sid).private_notes == "Ask about the court statement first"
    assert not at.error
    # a refresh brings them back from the database
    again = run_page("helen.carter", sid)
    assert by_label(again.text_area, "Private notes").value == \
        "Ask about the court statement first"
    assert records.agenda(demo, actor(demo, "sam.taylor"), sid).private_notes is None


def test_private_notes_keep_hostile_text_as_typed(demo):
    sid = planned(demo)
    at = run_page("helen.carter", sid)
    text = HOSTILE[:5000]
    by_label(at.text_area, "Private notes").input(text).run()
    assert view_of(demo, sid).private_notes == text
    assert "<script>" not in "".join(m.value for m in at.markdown)


def test_items_submitted_after_opening_are_offered_to_the_supervisor(demo):
    from core.preparation import reflections

    sam = actor(demo, "sam.taylor")
    sid = planned(demo, days=3)
    records.open_session(demo, actor(demo, "helen.carter"), sid)
    draft = reflections.open_draft(demo, sam, sid)
    reflections.add_agenda_item(demo, sam, draft["id"], title="Workload since the merger",
                                function="support", wants="support")
    reflections.submit(demo, sam, draft["id"])
    at = run_page("helen.carter", sid)
    assert "submitted 1 more agenda item after this agenda was built" in texts(at)
    button(at, "Add them to the agenda").click().run()
    assert "Workload since the merger" in [i["title"] for i in view_of(demo, sid).items]
    assert "more agenda item" not in texts(at)
