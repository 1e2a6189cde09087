"""Home-page tasks: unsigned contracts for whoever must sign, reviews for both, overdue
sessions for the supervisee, the supervisor and the team lead."""

from supervision_setup import new_arrangement, who, working_day

from db import contracts as contract_rows
from core import clock, contracts, sessions, home
from core.contracts.tasks import contract_attention
from core.sessions.tasks import overdue_attention
from core.tasks import Destination


def texts(db, username):
    return [t.text for t in home.tasks_for(db, who(db, username))]


def test_a_new_arrangement_asks_its_supervisor_for_a_contract(demo):
    arrangement_id = new_arrangement(demo)
    assert any("Draft the supervision contract with Sam Taylor" in t
               for t in texts(demo, "aisha.begum"))
    assert arrangement_id in contract_attention(demo, who(demo, "aisha.begum"))
    assert not any("contract" in t for t in texts(demo, "sam.taylor"))


def test_an_unsigned_contract_is_a_task_for_whoever_still_has_to_sign(demo):
    arrangement_id = new_arrangement(demo)
    aisha, sam = who(demo, "aisha.begum"), who(demo, "sam.taylor")
    contract_id = contracts.draft_contract(demo, aisha, arrangement_id)
    assert any("Sign version 1" in t for t in texts(demo, "aisha.begum"))
    assert any("Read and sign version 1" in t for t in texts(demo, "sam.taylor"))
    stamp = contract_rows.get(demo, contract_id)["updated_at"]
    contracts.sign_contract(demo, sam, contract_id, stamp)
    assert not any("sign version" in t.lower() for t in texts(demo, "sam.taylor"))
    assert any("Sign version 1" in t for t in texts(demo, "aisha.begum"))
    contracts.sign_contract(demo, aisha, contract_id, stamp)
    assert not any("version 1" in t for t in texts(demo, "aisha.begum"))


REVIEW = "is due for review"  # not just "review": an action may be to book a review meeting


def test_a_review_due_within_30_days_shows_for_both_people(demo):
    for username in ("helen.carter", "chloe.wright"):
        found = [t for t in home.tasks_for(demo, who(demo, username)) if REVIEW in t.text]
        assert len(found) == 1 and not found[0].urgent
        assert found[0].to is Destination.CONTRACTS
    assert not any(REVIEW in t for t in texts(demo, "sam.taylor"))
    assert not any(REVIEW in t for t in texts(demo, "priya.shah"))


def overdue_sessions(db, username):
    """Urgent tasks about sessions (the demo also has an overdue action for Sam)."""
    return [t for t in home.tasks_for(db, who(db, username))
            if t.urgent and t.to is Destination.SESSIONS]


def test_overdue_sessions_show_for_the_supervisee_supervisor_and_team_lead(demo):
    for username in ("grace.holt", "marcus.reid", "daniel.okafor"):
        found = overdue_sessions(demo, username)
        assert len(found) == 1, username
        assert "a formal session was due by" in found[0].text
        assert found[0].to is Destination.SESSIONS
    assert "by Marcus Reid" in [t for t in texts(demo, "daniel.okafor") if "due by" in t][0]
    for username in ("sam.taylor", "helen.carter", "priya.shah", "admin", "ollie.grant"):
        assert not overdue_sessions(demo, username), username


def test_the_overdue_arrangement_comes_first_on_the_sessions_page(demo):
    grace = demo.execute("SELECT a.id FROM arrangements a JOIN users u ON u.id = a.supervisee_id "
                         "WHERE u.username = 'grace.holt'").fetchone()[0]
    assert overdue_attention(demo, who(demo, "marcus.reid")) == [grace]


def test_holding_the_overdue_session_clears_the_flag(demo):
    grace = demo.execute("SELECT a.id FROM arrangements a JOIN users u ON u.id = a.supervisee_id "
                         "WHERE u.username = 'grace.holt'").fetchone()[0]
    marcus = who(demo, "marcus.reid")
    day, at = working_day(2)
    session_id = sessions.plan_series(demo, marcus, grace, first=day, at=at, minutes=60, venue="Room 1", count=1)[0]
    assert overdue_sessions(demo, "marcus.reid")  # planning alone is not enough
    demo.execute("UPDATE sessions SET scheduled_at = ? WHERE id = ?",  # it took place today
                 [clock.stamp(), session_id])
    sessions.mark_held(demo, marcus, session_id, clock.today(), 60)
    assert not overdue_sessions(demo, "marcus.reid")
    assert not overdue_sessions(demo, "daniel.okafor")
