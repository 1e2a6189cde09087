"""The Sessions and Plan sessions pages for each role."""

from datetime import timedelta

import pytest
from conftest import button, by_label, page, texts

from core import clock, contracts, sessions
from core.people import arrangements
from core.sessions import informal
from core import workdays
from core.access.roles import load_actor

SESSIONS = "app_pages/sessions.py"
PLAN = "app_pages/plan_sessions.py"


def arrangement_of(db, username):
    return db.execute("SELECT a.id FROM arrangements a JOIN users u ON u.id = a.supervisee_id "
                      "WHERE u.username = ? AND a.kind = 'line' AND a.end_date IS NULL",
                      [username]).fetchone()[0]


def metrics(at) -> dict:
    return {m.label: m.value for m in at.metric}


def test_the_supervisor_plans_several_sessions_ahead(demo):
    sam = arrangement_of(demo, "sam.taylor")
    helen = load_actor(demo, "helen.carter")
    before = sessions.planned_ahead(demo, helen, sam)
    at = page("helen.carter", PLAN)
    by_label(at.selectbox, "Arrangement").select(sam).run()
    assert "computed from the cadence and the last held session" in texts(at)
    suggested = by_label(at.date_input, "Date").value
    assert suggested > max(sessions.starts(s).date() for s in before)  # after those planned
    by_label(at.number_input, "How many sessions to plan").set_value(3)
    button(at, "Plan").click().run()
    assert "Planned. Both of you see it on the Sessions page." in [s.value for s in at.success]
    after = sessions.planned_ahead(demo, helen, sam)
    assert len(after) == len(before) + 3
    assert sessions.starts(after[len(before)]).date() == suggested


def test_bad_planning_input_is_shown_next_to_the_field_and_kept(demo):
    sam = arrangement_of(demo, "sam.taylor")
    at = page("helen.carter", PLAN)
    by_label(at.selectbox, "Arrangement").select(sam).run()
    holiday = next(clock.today() + timedelta(days=i) for i in range(1, 366)
                   if workdays.holiday_name(clock.today() + timedelta(days=i))
                   and (clock.today() + timedelta(days=i)).weekday() < 5)
    by_label(at.date_input, "Date").set_value(holiday)
    by_label(at.text_input, "Venue or mode").input("")
    button(at, "Plan").click().run()
    errors = [e.value for e in at.error]
    assert any("bank holiday" in e for e in errors)
    assert "Enter the venue or mode." in errors
    assert by_label(at.date_input, "Date").value == holiday


def test_planning_waits_for_a_signed_contract(demo):
    new = arrangements.create_arrangement(
        demo, load_actor(demo, "admin"), supervisor_id=load_actor(demo, "aisha.begum").id,
        supervisee_id=load_actor(demo, "sam.taylor").id, kind="child_protection",
        start_date=clock.today())
    at = page("aisha.begum", PLAN)
    by_label(at.selectbox, "Arrangement").select(new).run()
    assert any("only under a signed contract" in w.value for w in at.warning)
    assert "Plan" not in [b.label for b in at.button]
    contracts.draft_contract(demo, load_actor(demo, "aisha.begum"), new)
    at.run()
    assert any("waiting for the supervisor and the supervisee" in w.value for w in at.warning)


def test_the_supervisor_reschedules_and_marks_a_session_held(demo):
    sam = arrangement_of(demo, "sam.taylor")
    helen = load_actor(demo, "helen.carter")
    first = next(iter(sessions.planned_ahead(demo, helen, sam)), None)
    at = page("helen.carter", PLAN)
    by_label(at.selectbox, "Arrangement").select(sam).run()
    new_day = workdays.add_working_days(sessions.starts(first).date(), 2)
    by_label(at.date_input, "New date").set_value(new_day)
    by_label(at.text_input, "Why it moves (optional)").input("Clash with court")
    button(at, "Reschedule").click().run()
    assert any("Rescheduled" in s.value for s in at.success)
    assert sessions.get_session(demo, helen, first["id"])["status"] == "rescheduled"
    # a session that has taken place today is marked held
    moved = next(iter(sessions.planned_ahead(demo, helen, sam)), None)
    demo.execute("UPDATE sessions SET scheduled_at = ? WHERE id = ?", [clock.stamp(), moved["id"]])
    at.run()
    by_label(at.number_input, "How long it took (minutes)").set_value(80)
    button(at, "Mark held").click().run()
    assert "Marked held." in [s.value for s in at.success]
    held = sessions.get_session(demo, helen, moved["id"])
    assert (held["status"], held["held_minutes"]) == ("held", 80)


def test_the_supervisee_cancels_with_a_reason_and_it_shows_who_and_why(demo):
    sam = arrangement_of(demo, "sam.taylor")
    at = page("sam.taylor", SESSIONS)
    assert "Plan sessions" not in texts(at)
    button(at, "Cancel the session").click().run()
    assert "Enter the reason." in [e.value for e in at.error]
    by_label(at.text_area, "Why it is cancelled").input("Off sick <b>today</b>")
    button(at, "Cancel the session").click().run()
    assert any(s.value.startswith("Cancelled the session on") for s in at.success)
    history = at.dataframe[1].value
    row = history[history["Status"] == "Cancelled"].iloc[0]
    assert row["Cancelled or moved by"] == "Sam Taylor" and row["Why"] == "Off sick <b>today</b>"
    assert sessions.sessions_for(demo, load_actor(demo, "sam.taylor"), sam)


def test_regularity_figures_and_the_overdue_flag(demo):
    at = page("grace.holt", SESSIONS)
    shown = metrics(at)
    assert shown["Held on time, last 12 months"].endswith("%")
    assert int(shown["Days since the last formal session"]) > 50
    assert any(e.value.startswith("**Overdue.**") for e in at.error)
    assert "No session is planned." in texts(at)
    at = page("sam.taylor", SESSIONS)
    assert not [e for e in at.error if "Overdue" in e.value]
    assert at.download_button and "(.ics)" in at.download_button[0].label


def test_informal_contacts_are_listed_apart_and_plainly_do_not_count(demo):
    at = page("sam.taylor", SESSIONS)
    assert any("never count towards regularity" in i.value for i in at.info)
    before = metrics(at)
    by_label(at.text_input, "Topic").input("Chat after a child protection conference")
    by_label(at.selectbox, "Function it served").select("support")
    by_label(at.text_area, "Short note (optional)").input("مرحبا — felt shaken 😟")
    button(at, "Log the contact").click().run()
    assert "Informal contact logged. It does not count towards regularity." in [
        s.value for s in at.success]
    contacts = at.dataframe[-1].value
    assert "Chat after a child protection conference" in contacts["Topic"].tolist()
    assert metrics(at) == before


def test_a_bad_informal_contact_is_refused_next_to_the_field(demo):
    at = page("helen.carter", SESSIONS)
    button(at, "Log the contact").click().run()
    assert "Enter the topic." in [e.value for e in at.error]


@pytest.mark.parametrize("username", ["priya.shah", "admin"])
def test_a_team_lead_or_admin_sees_dates_and_status_but_acts_on_nothing(demo, username):
    sam = arrangement_of(demo, "sam.taylor")
    informal.log_contact(demo, load_actor(demo, "sam.taylor"), sam, on=clock.today(),
                         topic="Very private topic", function="support")
    at = page(username, SESSIONS)
    by_label(at.selectbox, "Arrangement").select(sam).run()
    assert metrics(at)["Next due"]
    assert "Cancel the session" not in [b.label for b in at.button]
    assert "Log the contact" not in [b.label for b in at.button]
    assert "Only the supervisee and the supervisor read the topics and notes." in texts(at)
    assert "Very private topic" not in str(at.dataframe[-1].value)


def test_the_supervisor_of_an_ended_arrangement_only_reads(demo):
    ended = demo.execute("SELECT id FROM arrangements WHERE end_date IS NOT NULL").fetchone()[0]
    at = page("marcus.reid", SESSIONS)
    by_label(at.selectbox, "Arrangement").select(ended).run()
    assert metrics(at)["Next due"] == "Not applicable"
    assert "Log the contact" not in [b.label for b in at.button]
    plan = page("marcus.reid", PLAN)
    options = by_label(plan.selectbox, "Arrangement").options
    assert options and not [o for o in options if "Tom Baker" in o or "ended" in o]
