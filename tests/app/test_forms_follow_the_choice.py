"""A form that belongs to a chosen person, session or record shows that choice's
stored values, and starts again from them when the choice changes: switching from
one supervisee to another never leaves the first one's date or venue on screen."""

from datetime import date, timedelta

from conftest import button, by_label, page

from core import clock, contracts, sessions
from core.sessions import regularity
from core.access.roles import load_actor

PLAN = "app_pages/plan_sessions.py"


def arrangement_of(db, username, kind="line"):
    return db.execute("SELECT a.id FROM arrangements a JOIN users u ON u.id = a.supervisee_id "
                      "WHERE u.username = ? AND a.kind = ? AND a.end_date IS NULL",
                      [username, kind]).fetchone()[0]


def expected_plan(db, supervisor, arrangement):
    """What Plan sessions should offer for this arrangement: the next due date as the
    page computes it, and the venue and length in its contract."""
    actor = load_actor(db, supervisor)
    today = clock.today()
    contract = contracts.overview(db, actor, arrangement)["current"]
    fig = regularity.summary(db, actor, arrangement, today)
    planned = [sessions.starts(s).date() for s in sessions.planned(db, actor, arrangement)]
    return (sessions.suggested_date(contract, fig["next_due"], planned, today),
            contract["venue"], int(contract["session_minutes"]))


def shown_plan(at):
    return (by_label(at.date_input, "Date").value, by_label(at.text_input, "Venue or mode").value,
            by_label(at.number_input, "Length (minutes)").value)


def test_plan_sessions_follows_the_chosen_supervisee(demo):
    chloe, sam = arrangement_of(demo, "chloe.wright"), arrangement_of(demo, "sam.taylor")
    want_chloe, want_sam = (expected_plan(demo, "helen.carter", a) for a in (chloe, sam))
    assert want_chloe[:2] != want_sam[:2]  # the demo makes them differ; the test needs it
    at = page("helen.carter", PLAN)
    by_label(at.selectbox, "Arrangement").select(chloe).run()
    assert shown_plan(at) == want_chloe
    by_label(at.selectbox, "Arrangement").select(sam).run()
    assert shown_plan(at) == want_sam
    by_label(at.selectbox, "Arrangement").select(chloe).run()
    assert shown_plan(at) == want_chloe


def test_typed_values_stay_after_a_refused_plan_then_reset_on_another_choice(demo):
    chloe, sam = arrangement_of(demo, "chloe.wright"), arrangement_of(demo, "sam.taylor")
    at = page("helen.carter", PLAN)
    by_label(at.selectbox, "Arrangement").select(sam).run()
    saturday = next(clock.today() + timedelta(days=i) for i in range(1, 8)
                    if (clock.today() + timedelta(days=i)).weekday() == 5)
    by_label(at.date_input, "Date").set_value(saturday)
    by_label(at.text_input, "Venue or mode").input("The garden room")
    button(at, "Plan").click().run()
    assert at.error  # a weekend is refused
    assert by_label(at.date_input, "Date").value == saturday
    assert by_label(at.text_input, "Venue or mode").value == "The garden room"
    by_label(at.selectbox, "Arrangement").select(chloe).run()
    assert shown_plan(at) == expected_plan(demo, "helen.carter", chloe)


def test_after_planning_the_form_offers_the_next_date(demo):
    sam = arrangement_of(demo, "sam.taylor")
    at = page("helen.carter", PLAN)
    by_label(at.selectbox, "Arrangement").select(sam).run()
    first = by_label(at.date_input, "Date").value
    button(at, "Plan").click().run()
    assert at.success
    after = expected_plan(demo, "helen.carter", sam)
    assert shown_plan(at) == after and after[0] != first
    assert isinstance(after[0], date)


def test_the_informal_contact_form_starts_again_for_another_supervisee(demo):
    chloe, sam = arrangement_of(demo, "chloe.wright"), arrangement_of(demo, "sam.taylor")
    at = page("helen.carter", "app_pages/sessions.py")
    by_label(at.selectbox, "Arrangement").select(sam).run()
    by_label(at.text_area, "Short note (optional)").input("About Sam's caseload")
    by_label(at.selectbox, "Function it served").select("support")
    button(at, "Log the contact").click().run()  # no topic: refused, and kept
    assert by_label(at.text_area, "Short note (optional)").value == "About Sam's caseload"
    by_label(at.selectbox, "Arrangement").select(chloe).run()
    assert by_label(at.text_area, "Short note (optional)").value == ""
    assert by_label(at.text_input, "Topic").value == ""
    assert by_label(at.date_input, "Date").value == clock.today()


def test_the_admin_user_form_shows_the_chosen_person(demo):
    sam, chloe = load_actor(demo, "sam.taylor"), load_actor(demo, "chloe.wright")
    at = page("admin", "app_pages/admin_users.py")
    by_label(at.selectbox, "Person").select(sam.id).run()
    name = [w for w in at.text_input if w.label == "Full name"][-1]
    name.input("")
    button(at, "Save changes").click().run()  # refused: the typed (empty) name stays
    assert [w for w in at.text_input if w.label == "Full name"][-1].value == ""
    by_label(at.selectbox, "Person").select(chloe.id).run()
    assert [w for w in at.text_input if w.label == "Full name"][-1].value == "Chloe Wright"
    assert at.text_input(key="eu_job_title").value == "Senior social worker"
    assert at.number_input(key="eu_fte").value == 1.0


def test_the_contract_draft_form_shows_the_chosen_arrangement_s_draft(demo):
    helen = load_actor(demo, "helen.carter")
    chloe, sam = arrangement_of(demo, "chloe.wright"), arrangement_of(demo, "sam.taylor")
    drafts = {}
    for arr in (chloe, sam):
        contracts.new_version(demo, helen, arr, "Yearly review")
        drafts[arr] = contracts.overview(demo, helen, arr)["draft"]
    assert drafts[chloe]["venue"] != drafts[sam]["venue"]
    at = page("helen.carter", "app_pages/contracts.py")

    def venue(arr):
        return at.text_input(key=f"edit_{drafts[arr]['id']}_venue")

    at.selectbox(key="contracts_arrangement").select(chloe).run()
    assert venue(chloe).value == drafts[chloe]["venue"]
    venue(chloe).input("")
    button(at, "Save the draft").click().run()  # refused: what was typed stays
    assert at.error and venue(chloe).value == ""
    at.selectbox(key="contracts_arrangement").select(sam).run()
    assert venue(sam).value == drafts[sam]["venue"]
    at.selectbox(key="contracts_arrangement").select(chloe).run()
    assert venue(chloe).value == drafts[chloe]["venue"]
