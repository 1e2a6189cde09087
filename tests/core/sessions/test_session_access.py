"""Contracts, session dates and status follow the matrix: the supervisee, the supervisor,
the team lead of the team and admins; the supervisor's private notes reach nobody else."""

import pytest
from supervision_setup import arrangement_of, who

from core import contracts, sessions
from core.access import arrangement_access
from core.sessions import regularity
from core.errors import PermissionDenied

ALLOWED = ["sam.taylor", "helen.carter", "priya.shah", "admin"]
REFUSED = ["marcus.reid", "daniel.okafor", "jordan.ellis", "aisha.begum"]


@pytest.mark.parametrize("username", ALLOWED)
def test_those_the_matrix_allows_read_dates_and_status(demo, username):
    sam = arrangement_of(demo, "sam.taylor")
    actor = who(demo, username)
    assert sessions.sessions_for(demo, actor, sam)
    assert contracts.versions(demo, actor, sam)
    assert regularity.summary(demo, actor, sam)["due"] > 0
    assert sam in [a["id"] for a in arrangement_access.visible(demo, actor)]


@pytest.mark.parametrize("username", REFUSED)
def test_everyone_else_is_refused(demo, username):
    sam = arrangement_of(demo, "sam.taylor")
    actor = who(demo, username)
    for read in (sessions.sessions_for, contracts.versions, regularity.summary,
                 sessions.planned_ahead):
        with pytest.raises(PermissionDenied, match="You do not have access"):
            read(demo, actor, sam)
    assert sam not in [a["id"] for a in arrangement_access.visible(demo, actor)]


def test_private_notes_are_the_supervisors_alone(demo):
    sam = arrangement_of(demo, "sam.taylor")
    session = next(iter(sessions.planned_ahead(demo, who(demo, "helen.carter"), sam)), None)
    demo.execute("UPDATE sessions SET private_notes = 'Ask about the Smith case' WHERE id = ?",
                 [session["id"]])
    assert sessions.get_session(demo, who(demo, "helen.carter"), session["id"])[
        "private_notes"] == "Ask about the Smith case"
    for username in ("sam.taylor", "priya.shah", "admin"):
        assert sessions.get_session(demo, who(demo, username), session["id"])[
            "private_notes"] is None
        assert all(s["private_notes"] is None
                   for s in sessions.sessions_for(demo, who(demo, username), sam))


def test_the_former_supervisor_keeps_read_only_access(demo):
    ended = arrangement_of(demo, "tom.baker", supervisor="marcus.reid")
    marcus = who(demo, "marcus.reid")
    assert sessions.sessions_for(demo, marcus, ended)
    figures = regularity.summary(demo, marcus, ended)
    assert figures["ended"] and figures["next_due"] is None and not figures["overdue"]
    with pytest.raises(PermissionDenied, match="You do not have access"):
        sessions.sessions_for(demo, who(demo, "helen.carter"), ended)


def test_child_protection_is_kept_apart_from_line_supervision(demo):
    line = arrangement_of(demo, "ravi.patel", kind="line")
    cp = arrangement_of(demo, "ravi.patel", kind="child_protection")
    ravi = who(demo, "ravi.patel")
    line_contract = contracts.current_contract(demo, line)
    cp_contract = contracts.current_contract(demo, cp)
    assert line_contract["id"] != cp_contract["id"]
    assert (line_contract["cadence_weeks"], cp_contract["cadence_weeks"]) == (4, 6)
    assert {s["arrangement_id"] for s in sessions.sessions_for(demo, ravi, cp)} == {cp}
    line_figures = regularity.summary(demo, ravi, line)
    cp_figures = regularity.summary(demo, ravi, cp)
    assert line_figures["last_held"] != cp_figures["last_held"] or \
        line_figures["next_due"] != cp_figures["next_due"]
    with pytest.raises(PermissionDenied):  # the line supervisor does not see the CP sessions
        sessions.sessions_for(demo, who(demo, "marcus.reid"), cp)
