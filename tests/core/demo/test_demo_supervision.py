"""The demo organisation's contracts and about 18 months of sessions."""

from datetime import date, timedelta

from supervision_setup import arrangement_of, who

from core import clock, contracts, sessions
from core.access import arrangement_access
from core.sessions import regularity
from core.demo.people import months_ago


def all_arrangements(db):
    return arrangement_access.visible(db, who(db, "admin"))


def test_every_arrangement_has_a_signed_contract(demo):
    for arr in all_arrangements(demo):
        current = contracts.current_contract(demo, arr["id"])
        assert current, arr
        assert current["supervisor_signed_at"] and current["supervisee_signed_at"]
        assert "safeguarding" in current["confidentiality"].lower()


def test_about_eighteen_months_of_sessions(demo):
    today = clock.today()
    go_live = months_ago(today, 18)
    for arr in all_arrangements(demo):
        rows = sessions.sessions_for(demo, who(demo, "admin"), arr["id"])
        first = min(sessions.starts(s).date() for s in rows)
        assert first >= max(go_live, date.fromisoformat(arr["start_date"]))
        if arr["start_date"] <= go_live.isoformat():
            assert first <= go_live + timedelta(days=60), arr["supervisee_name"]
        held = [s for s in rows if s["status"] == "held"]
        assert held and all(30 <= s["held_minutes"] <= 120 for s in held)
        assert all(s["held_on"] <= today.isoformat() for s in held)
    statuses = {r[0]: r[1] for r in demo.execute(
        "SELECT status, count(*) FROM sessions GROUP BY status")}
    assert statuses["held"] > 150 and statuses["cancelled"] >= 5 and statuses["rescheduled"] >= 3


def test_cancellations_say_who_and_why_and_moves_point_to_the_new_session(demo):
    rows = list(demo.query("SELECT * FROM sessions WHERE status IN ('cancelled', 'rescheduled')"))
    people = {r["cancelled_by"] for r in rows}
    assert all(r["cancelled_by"] and r["cancel_reason"] for r in rows)
    supervisees = {r[0] for r in demo.execute("SELECT supervisee_id FROM arrangements")}
    assert people & supervisees  # some were cancelled by the supervisee
    for r in rows:
        if r["status"] == "rescheduled":
            assert demo["sessions"].get(r["rescheduled_to"])["status"] == "held"


def test_one_arrangement_fell_overdue_and_it_is_grace_holts(demo):
    figures = regularity.summaries(demo, who(demo, "admin"),
                                   [a["id"] for a in all_arrangements(demo)])
    overdue = [i for i, f in figures.items() if f["overdue"]]
    assert overdue == [arrangement_of(demo, "grace.holt")]
    last = sessions.sessions_for(demo, who(demo, "marcus.reid"), overdue[0])[0]
    assert last["status"] == "cancelled" and last["cancelled_by_name"] == "Marcus Reid"


def test_every_current_arrangement_but_the_overdue_one_has_its_next_session_planned(demo):
    grace = arrangement_of(demo, "grace.holt")
    for arr in all_arrangements(demo):
        ahead = next(iter(sessions.planned_ahead(demo, who(demo, "admin"), arr["id"])), None)
        if arr["end_date"] or arr["id"] == grace:
            assert ahead is None, arr["supervisee_name"]
        else:
            assert sessions.starts(ahead).date() > clock.today(), arr["supervisee_name"]


def test_one_contract_is_due_for_review(demo):
    today = clock.today()
    due = [a["supervisee_name"] for a in all_arrangements(demo)
           if not a["end_date"]
           and contracts.review_due(contracts.current_contract(demo, a["id"]), today)]
    assert due == ["Chloe Wright"]


def test_jordan_is_on_the_asye_cadence_from_his_start(demo):
    jordan = arrangement_of(demo, "jordan.ellis")
    current = contracts.current_contract(demo, jordan)
    start = demo.execute("SELECT start_date FROM arrangements WHERE id = ?", [jordan]).fetchone()[0]
    assert current["cadence_kind"] == "asye" and current["asye_start"] == start
    held = sorted(s["held_on"] for s in sessions.sessions_for(demo, who(demo, "admin"), jordan)
                  if s["status"] == "held")
    early = [h for h in held if h < (date.fromisoformat(start) + timedelta(weeks=6)).isoformat()]
    assert len(early) >= 4  # weekly at first


def test_zara_is_pro_rata(demo):
    current = contracts.current_contract(demo, arrangement_of(demo, "zara.hussain"))
    assert current["cadence_kind"] == "pro_rata" and current["fte"] == 0.6


def test_the_ended_arrangement_has_its_contract_and_sessions_until_it_ended(demo):
    ended = arrangement_of(demo, "tom.baker", supervisor="marcus.reid")
    end = demo.execute("SELECT end_date FROM arrangements WHERE id = ?", [ended]).fetchone()[0]
    assert contracts.current_contract(demo, ended)
    rows = sessions.sessions_for(demo, who(demo, "marcus.reid"), ended)
    assert rows and all(sessions.starts(s).date().isoformat() <= end for s in rows)
    new = contracts.current_contract(demo, arrangement_of(demo, "tom.baker",
                                                         supervisor="helen.carter"))
    assert new["review_reason"] == "Supervisor changed from Marcus Reid to Helen Carter."


def test_informal_contacts_are_logged_by_both_sides(demo):
    rows = list(demo.query("SELECT i.logged_by, a.supervisor_id FROM informal_contacts i "
                           "JOIN arrangements a ON a.id = i.arrangement_id"))
    assert len(rows) >= 10
    assert {r["logged_by"] == r["supervisor_id"] for r in rows} == {True, False}
