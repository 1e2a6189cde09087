"""Each item the portal pre-fills in a file audit, judged on crafted histories."""

from datetime import date, timedelta

import pytest

from core import clock
from core.quality.file_audit_evidence import GOOD, IMPROVE, INADEQUATE, History, agenda, case_decisions, contract, frequency, reflection, review, signatures, worst

TODAY = date(2027, 5, 12)


@pytest.fixture(autouse=True)
def on_a_known_day():
    with clock.frozen(TODAY):
        yield


def history(**kw) -> History:
    return History(start=TODAY - timedelta(days=365), end=TODAY, kind="line", **kw)


def signed_contract(**kw) -> dict:
    row = {"id": 1, "version": 1, "cadence_kind": "weeks", "cadence_weeks": 4, "fte": 1.0,
           "start_date": "2026-06-01", "review_date": "2027-06-01", "share_within_days": 5,
           "supervisor_signed_at": "2026-06-01T09:00:00+00:00",
           "supervisee_signed_at": "2026-06-02T09:00:00+00:00"}
    return {**row, **kw}


def record(sid: int, *, status="agreed", late=False, share_by="2027-01-10",
           minutes=None) -> dict:
    return {"session_id": sid, "session_status": "held", "status": status, "late": late,
            "share_by": share_by, "minutes": minutes or {"performance": 30, "development": 20,
                                                         "support": 20}}


def item(sid: int, source="supervisor", **kw) -> dict:
    return {"id": kw.pop("id", sid), "session_id": sid, "source": source, "function": "performance", "is_case": 0,
            "has_decision": 0, "has_rationale": 0, **kw}


# ---------------------------------------------------------------- contract

def test_a_contract_signed_by_both_is_good_and_states_frequency_and_type():
    found = contract(history(contracts=[signed_contract()]))
    assert found.suggested == GOOD
    assert "every 4 weeks, line-management supervision" in found.lines[0]
    assert "Signed by both" in found.lines[1]


def test_the_latest_version_in_force_is_judged():
    found = contract(history(contracts=[
        signed_contract(), signed_contract(version=2, cadence_kind="asye",
                                           start_date="2027-01-01", supervisee_signed_at=None),
        signed_contract(version=3, start_date="2027-09-01")]))  # not yet in force
    assert found.suggested == IMPROVE
    assert "Version 2" in found.lines[0] and "ASYE" in found.lines[0]
    assert found.lines[1] == "Signed only by the supervisor."


@pytest.mark.parametrize("contracts, words", [
    ([], "No contract has been drafted."),
    ([signed_contract(supervisor_signed_at=None, supervisee_signed_at=None)],
     "Not signed by either.")])
def test_no_contract_or_an_unsigned_one_is_inadequate(contracts, words):
    found = contract(history(contracts=contracts))
    assert found.suggested == INADEQUATE and words in found.lines


# ---------------------------------------------------------------- frequency

@pytest.mark.parametrize("due, on_time, grade", [
    (12, 12, GOOD), (10, 9, GOOD), (12, 10, IMPROVE), (12, 9, IMPROVE), (12, 8, INADEQUATE),
    (0, 0, None)])
def test_frequency_follows_the_share_held_on_time(due, on_time, grade):
    found = frequency(history(due=due, on_time=on_time))
    assert found.suggested == grade


def test_a_missed_session_without_a_reason_caps_frequency_and_is_linked():
    cancelled = [{"session_id": 7, "day": "2027-02-01", "has_reason": 1},
                 {"session_id": 8, "day": "2027-03-01", "has_reason": 0}]
    found = frequency(history(due=12, on_time=12, cancelled=cancelled))
    assert found.suggested == IMPROVE and found.sessions == [8]
    assert "2 cancelled, 1 of them with a reason recorded." in found.lines


# ---------------------------------------------------------------- signatures

def test_every_record_signed_and_on_time_is_good():
    found = signatures(history(records=[record(n) for n in range(1, 11)]))
    assert found.suggested == GOOD and found.sessions == []


def test_unsigned_and_late_records_are_linked_and_graded():
    rows = [record(n) for n in range(1, 11)]
    rows[0] = record(1, status="disputed")
    assert signatures(history(records=rows)).suggested == IMPROVE
    rows[1] = record(2, late=True)
    rows[2] = record(3, status="shared", share_by="2027-01-01")  # past its time, unsigned
    found = signatures(history(records=rows))
    assert found.suggested == INADEQUATE and found.sessions == [1, 2, 3]


def test_a_record_still_within_its_time_to_share_is_not_held_against_the_file():
    rows = [record(1), record(2, status="draft", share_by="2027-05-14")]
    found = signatures(history(records=rows))
    assert found.suggested == GOOD and "1 still within the time to share" in found.lines[0]


# ---------------------------------------------------------------- agenda

def test_the_agenda_prepared_by_both():
    rows = [record(n) for n in range(1, 5)]
    both = [item(n, "supervisee") for n in range(1, 5)] + [item(n) for n in range(1, 5)]
    assert agenda(history(records=rows, items=both)).suggested == GOOD
    three = [i for i in both if not (i["session_id"] == 4 and i["source"] == "supervisee")]
    found = agenda(history(records=rows, items=three))
    assert found.suggested == GOOD and found.sessions == [4]  # 3 of 4: 75%
    two = [i for i in three if not (i["session_id"] == 3 and i["source"] == "supervisee")]
    assert agenda(history(records=rows, items=two)).suggested == IMPROVE
    only_theirs = [item(n, "supervisee") for n in range(1, 5)]  # nothing from the supervisor
    assert agenda(history(records=rows, items=only_theirs)).suggested == INADEQUATE


def test_carried_actions_count_as_the_supervisors_side():
    found = agenda(history(records=[record(1)], items=[item(1, "supervisee"),
                                                         item(1, "action")]))
    assert found.suggested == GOOD


# ---------------------------------------------------------------- review

def action(n: int, status="done", due="2027-03-01", sid=1) -> dict:
    return {"id": n, "session_id": sid, "status": status, "due_date": due}


@pytest.mark.parametrize("overdue, grade", [(0, GOOD), (1, IMPROVE), (2, INADEQUATE)])
def test_actions_open_past_their_due_date_lower_the_review(overdue, grade):
    actions = [action(1), action(2, "dropped"), action(3, "open", due="2027-06-01", sid=2)]
    actions += [action(10 + n, "open", due="2027-04-01", sid=5 + n) for n in range(overdue)]
    found = review(history(actions=actions, items=[item(2, "action")]))
    assert found.suggested == grade
    assert found.sessions == [5 + n for n in range(overdue)]
    assert found.lines[0].startswith(f"{3 + overdue} actions agreed in the period: 2 closed, "
                                     f"{overdue} open past their due date")
    assert "1 session(s) reviewed actions carried forward" in found.lines[1]


def test_no_actions_leave_the_review_to_the_auditor():
    assert review(history()).suggested is None


# ---------------------------------------------------------------- case decisions

def test_case_decisions_need_their_rationale():
    rows = [record(n) for n in range(1, 6)]
    cases = [item(n, is_case=1, has_decision=1, has_rationale=1) for n in range(1, 6)]
    noted = set(range(1, 6))
    found = case_decisions(history(records=rows, items=cases + [item(1, id=99)], noted=noted))
    assert found.suggested == GOOD
    assert "case system" in found.lines[1]  # the notes themselves are the auditor's to check
    cases[4] = item(5, is_case=1, has_decision=1, has_rationale=0)
    found = case_decisions(history(records=rows, items=cases, noted=noted))
    assert found.suggested == IMPROVE and found.sessions == [5]
    cases[3] = item(4, is_case=1, has_decision=1, has_rationale=0)
    assert case_decisions(history(records=rows, items=cases, noted=noted)).suggested == INADEQUATE


def test_case_notes_downloaded_are_counted_per_decision_and_record():
    rows = [record(n) for n in range(1, 5)]
    cases = [item(n, is_case=1, has_decision=1, has_rationale=1) for n in range(1, 5)]
    cases.append(item(4, id=40, is_case=1, has_decision=1, has_rationale=1))
    found = case_decisions(history(records=rows, items=cases, noted={1, 2, 3, 4}))
    assert found.lines[0] == "5 case decisions recorded in 4 records; 5 with their rationale."
    assert found.lines[1].startswith("Case notes downloaded for 4 of 5 case decisions: every "
                                     "case note in 3 of 4 records.")
    assert found.suggested == IMPROVE and found.sessions == [4]  # the record to look at
    found = case_decisions(history(records=rows, items=cases, noted={1, 2, 3, 4, 40}))
    assert found.suggested == GOOD and found.sessions == []
    found = case_decisions(history(records=rows, items=cases, noted={1}))
    assert found.suggested == INADEQUATE and found.sessions == [2, 3, 4]


def test_no_case_decisions_leave_the_item_to_the_auditor():
    found = case_decisions(history(records=[record(1)], items=[item(1, is_case=1)]))
    assert found.suggested is None and found.lines[0].startswith("0 case decisions")


# ---------------------------------------------------------------- reflection

def test_reflection_and_the_functions_discussed():
    rows = [record(n) for n in range(1, 5)]
    assert reflection(history(records=rows, reflections={1, 2})).suggested == GOOD
    assert reflection(history(records=rows, reflections={1})).suggested == IMPROVE
    thin = [record(n, minutes={"performance": 60, "development": 5, "support": 5})
            for n in range(1, 5)]
    found = reflection(history(records=thin, reflections={1, 2, 3}))
    assert found.suggested == IMPROVE and "20 personal support" in found.lines[1]
    assert reflection(history(records=thin, reflections=set())).suggested == INADEQUATE
    assert reflection(history()).suggested is None


def test_the_overall_suggestion_is_the_lowest_grade():
    assert worst([GOOD, None, IMPROVE]) == IMPROVE
    assert worst([GOOD, INADEQUATE, IMPROVE]) == INADEQUATE
    assert worst([None, None]) is None
