"""The Records page for each role: the supervisee signs or disputes; the
supervisor revises and shares again, or signs keeping the dispute; addenda on a
locked record; case notes; the late flag; the team lead's metrics and audited
file audit; refused to admins, and nothing of it for another supervisor."""

from datetime import timedelta

import pytest
from conftest import ROOT, button, page, signed_in, texts
from record_fixtures import actor, item_of, opened
from test_page_access import run_page_directly

from core import clock, records
from ui.kit.text import inert

PAGE = "app_pages/records.py"
RUN = "app_pages/run_session.py"
HOSTILE = "<img src=x onerror=alert(1)> [me](javascript:x) **no** 🧸 مرحبا שלום"
SUPPORT = "Feeling worn down by the court work"


def records_page(username: str, session_id: int | None = None):
    return page(username, PAGE, session_id)


def status(db, sid):
    return records.agenda(db, actor(db, "helen.carter"), sid).record["status"]


@pytest.fixture
def shared(demo):
    """Sam's record, shared, with a case item and a personal support item."""
    sid, _view = opened(demo)
    helen = actor(demo, "helen.carter")
    support = records.add_item(demo, helen, sid, title="How you are", function="support")
    records.save_item(demo, helen, support, {"discussion": SUPPORT}, expected_revision=0)
    case = records.add_item(demo, helen, sid, title="Drift", function="performance",
                            case_ref="CR-104233")
    records.save_item(demo, helen, case, {"discussion": "Reviewed the plan.", "minutes": 30,
                                          "decision": "Convene a strategy meeting",
                                          "rationale": "Two missed visits"},
                      expected_revision=0)
    records.add_action(demo, helen, case, owner_id=actor(demo, "sam.taylor").id,
                       description="Book the meeting", due_date=clock.today())
    records.mark_held(demo, helen, sid, clock.today() - timedelta(days=1), 60)
    records.share(demo, helen, sid)
    return sid


def test_the_supervisee_reads_and_signs_then_adds_an_addendum(demo, shared):
    at = records_page("sam.taylor")
    assert at.selectbox(key="records_open").value == shared  # waiting for them: opened first
    shown = texts(at)
    assert "Shared, waiting for the supervisee" in shown
    assert SUPPORT in shown and "Convene a strategy meeting" in shown
    assert "Book the meeting" in shown
    button(at, "Sign the record").click().run()
    assert "Signed. The record is agreed and locked." in texts(at)
    assert status(demo, shared) == "agreed"
    assert "Agreed by both and locked" in texts(at)
    assert "Sign the record" not in [b.label for b in at.button]
    button(at, "Add addendum").click().run()
    assert "Enter the addendum." in [e.value for e in at.error]
    at.text_area(key=f"addendum_{shared}").input(HOSTILE)
    button(at, "Add addendum").click().run()
    view = records.agenda(demo, actor(demo, "sam.taylor"), shared)
    assert [a["body"] for a in view.addenda] == [HOSTILE]
    assert "Addendum by Sam Taylor" in texts(at)
    assert item_of(view, title="Drift")["discussion"] == "Reviewed the plan."  # unchanged


def test_dispute_revise_share_again_and_sign(demo, shared):
    at = records_page("sam.taylor", shared)
    button(at, "Dispute the record").click().run()
    assert "Enter what you disagree with and why." in [e.value for e in at.error]
    at.text_area(key=f"dispute_{shared}").input("The plan said weekly visits. " + HOSTILE)
    button(at, "Dispute the record").click().run()
    assert status(demo, shared) == "disputed"

    helen = records_page("helen.carter", shared)
    assert "The supervisee disputes this record" in texts(helen)
    assert "The plan said weekly visits" in texts(helen)
    assert any(link.label == "Revise it on Run session" for link in helen.get("page_link"))
    run = signed_in("helen.carter")
    run.switch_page(str(ROOT / RUN))
    run.query_params["session"] = str(shared)
    run.run()
    item = item_of(records.agenda(demo, actor(demo, "helen.carter"), shared), title="Drift")
    run.text_area(key=f"ri:{item['id']}:discussion").input("Weekly visits agreed.").run()
    button(run, "Share the record with Sam Taylor").click().run()
    assert status(demo, shared) == "shared"

    at = records_page("sam.taylor", shared)
    assert inert("Weekly visits agreed.") in texts(at)
    assert "revised the record and shared it again" in texts(at)
    button(at, "Sign the record").click().run()
    assert status(demo, shared) == "agreed"


def test_the_supervisor_signs_keeping_the_dispute(demo, shared):
    records.dispute(demo, actor(demo, "sam.taylor"), shared, "Not what was said")
    at = records_page("helen.carter", shared)
    button(at, "Sign it as it stands, keeping the dispute").click().run()
    assert status(demo, shared) == "agreed"
    assert "the dispute is kept on the record" in texts(at)
    assert "Not what was said" in texts(at)


def test_a_case_note_is_built_when_asked(demo, shared):
    at = records_page("sam.taylor", shared)
    assert not at.code
    button(at, "Case note for CR-104233").click().run()
    note = at.code[0].value
    assert note.startswith("Supervision\n")
    for part in ("Case reference: CR-104233", "Convene a strategy meeting", "Two missed visits",
                 "Book the meeting"):
        assert part in note
    assert at.get("download_button")


def test_the_supervisee_never_sees_a_draft(demo):
    sid, _view = opened(demo)
    records.add_item(demo, actor(demo, "helen.carter"), sid, title="Unshared draft item",
                     function="performance")
    at = records_page("sam.taylor", sid)
    assert "Unshared draft item" not in texts(at)
    helen = records_page("helen.carter", sid)
    assert "Unshared draft item" in texts(helen)


def test_a_late_record_is_flagged(demo):
    sid, _view = opened(demo, days=-40)
    helen = actor(demo, "helen.carter")
    records.add_item(demo, helen, sid, title="Late one", function="development")
    records.mark_held(demo, helen, sid, clock.today() - timedelta(days=40), 60)
    at = records_page("helen.carter", sid)
    assert "this record was not shared within the contract's number of working days" in texts(at)
    assert any(o.endswith(", late") for o in at.selectbox(key="records_open").options)
    lead = records_page("priya.shah")
    assert "were not shared in time" in texts(lead)


def test_the_team_lead_sees_metrics_and_reads_text_only_by_file_audit(demo, shared):
    sam_arr = records.agenda(demo, actor(demo, "helen.carter"), shared).arrangement_id
    at = records_page("priya.shah")
    at.selectbox(key="records_team_arrangement").select(sam_arr).run()
    assert "Sam Taylor will be told" in texts(at)
    assert inert("Reviewed the plan.") not in texts(at) and SUPPORT not in texts(at)
    table = at.dataframe[-1].value
    assert "Shared, waiting for the supervisee" in list(table["Record"])
    before = demo.execute("SELECT count(*) FROM audit_events WHERE action = 'file_audit_read'"
                          ).fetchone()[0]
    at.selectbox(key=f"audit_choice_{sam_arr}").select(shared).run()
    button(at, "Open for file audit").click().run()
    shown = texts(at)
    assert inert("Reviewed the plan.") in shown and "Convene a strategy meeting" in shown
    assert SUPPORT not in shown  # personal support text never
    after = demo.execute("SELECT count(*) FROM audit_events WHERE action = 'file_audit_read'"
                         ).fetchone()[0]
    audited = [i for i in records.agenda(demo, actor(demo, "helen.carter"), shared).items
               if i["function"] != "support" or i["safeguarding"]]
    assert after == before + len(audited)  # every item read is audited, support never
    notice = records_page("sam.taylor")
    assert inert(f"read {len(audited)} item(s) of the record") in texts(notice)


def test_an_admin_is_refused(demo, shared):
    at = run_page_directly(PAGE, "admin")
    assert any("This page is for supervisees or supervisors or team leads" in e.value
               for e in at.error)
    assert inert("Reviewed the plan.") not in texts(at)


def test_another_supervisor_gets_nothing_of_it(demo, shared):
    at = records_page("marcus.reid", shared)
    shown = texts(at)
    assert inert("Reviewed the plan.") not in shown and SUPPORT not in shown
    assert "Sam Taylor" not in shown


def test_the_owner_closes_an_open_action_with_its_outcome(demo, shared):
    action = records.agenda(demo, actor(demo, "sam.taylor"), shared).actions[0]
    at = records_page("sam.taylor", shared)
    assert "Your open actions" in texts(at) and "Book the meeting" in texts(at)
    form = f"close_action_{action['id']}"
    at.button(key=f"{form}_submit").click().run()
    assert "Enter the evidence or outcome." in [e.value for e in at.error]
    at.text_area(key=f"{form}_outcome").input("Booked for Thursday 🗓️ <b>10:00</b>")
    at.button(key=f"{form}_submit").click().run()
    closed = records.agenda(demo, actor(demo, "sam.taylor"), shared).actions[0]
    assert closed["status"] == "done" and closed["outcome"] == "Booked for Thursday 🗓️ <b>10:00</b>"
    assert "Action closed." in texts(at)


def test_a_record_chosen_stays_chosen_and_the_address_follows(demo, shared):
    """Opened with ?session= in the address, choosing another record
    keeps that choice (it never snaps back) and the address follows it."""
    at = records_page("sam.taylor", shared)
    assert at.selectbox(key="records_open").value == shared
    other = next(r["session_id"] for r in records.my_records(demo, actor(demo, "sam.taylor"))
                 if r["session_id"] != shared and r["status"] in ("shared", "agreed"))
    at.selectbox(key="records_open").select(other).run()
    assert at.selectbox(key="records_open").value == other
    assert at.query_params["session"] == str(other)
    at.run()  # and on the next run too
    assert at.selectbox(key="records_open").value == other
