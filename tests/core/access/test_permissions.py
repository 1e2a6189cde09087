"""The permission matrix (core/access/permissions.py), cell by cell, for every relation."""

import pytest

from core.access import permissions
from core.errors import PermissionDenied
from core.access.permissions import Access, Relation
from core.access.roles import load_actor

A, R = Access, Relation
YES, AUDITED, NO = "yes", "audited", "no"

# Rows of the matrix; columns: supervisee, supervisor, other supervisor,
# team lead of the team, admin.
EXPECTED = {
    A.CONTRACT: (YES, YES, NO, YES, YES),
    A.REFLECTION_SUBMITTED: (YES, YES, NO, NO, NO),
    A.REFLECTION_DRAFT: (YES, NO, NO, NO, NO),
    A.RECORD_TEXT: (YES, YES, NO, AUDITED, NO),
    A.SUPPORT_TEXT: (YES, YES, NO, NO, NO),
    A.SAFEGUARDING_ITEM: (YES, YES, NO, AUDITED, NO),
    A.METRICS: (YES, YES, NO, YES, NO),
    A.WELLBEING: (YES, NO, NO, NO, NO),  # the supervisor only once shared: below
}
COLUMNS = ("sam.taylor", "helen.carter", "marcus.reid", "priya.shah", "admin")


def sam_line(demo):
    row = demo.execute(
        "SELECT a.id FROM arrangements a JOIN users u ON u.id = a.supervisee_id "
        "WHERE u.username = 'sam.taylor' AND a.kind = 'line'").fetchone()
    return permissions.arrangement(demo, row[0])


@pytest.mark.parametrize("access", list(Access))
@pytest.mark.parametrize("column", range(len(COLUMNS)))
def test_matrix_cell(demo, access, column):
    actor = load_actor(demo, COLUMNS[column])
    arr = sam_line(demo)
    expected = EXPECTED[access][column]
    if expected == NO:
        with pytest.raises(PermissionDenied, match="You do not have access to"):
            permissions.require(demo, actor, access, arr)
    else:
        decision = permissions.require(demo, actor, access, arr)
        assert decision.audited == (expected == AUDITED)


def test_wellbeing_reaches_the_supervisor_only_when_shared(demo):
    arr = sam_line(demo)
    helen = load_actor(demo, "helen.carter")
    assert permissions.require(demo, helen, Access.WELLBEING, arr, wellbeing_shared=True).allowed
    priya = load_actor(demo, "priya.shah")
    with pytest.raises(PermissionDenied):
        permissions.require(demo, priya, Access.WELLBEING, arr, wellbeing_shared=True)


def test_team_lead_of_another_team_sees_nothing(demo):
    daniel = load_actor(demo, "daniel.okafor")
    arr = sam_line(demo)
    for access in Access:
        with pytest.raises(PermissionDenied):
            permissions.require(demo, daniel, access, arr)


def test_a_lead_who_is_also_the_supervisor_reads_unaudited(demo):
    priya = load_actor(demo, "priya.shah")
    helen_line = demo.execute(
        "SELECT a.id FROM arrangements a JOIN users u ON u.id = a.supervisee_id "
        "WHERE u.username = 'helen.carter'").fetchone()[0]
    arr = permissions.arrangement(demo, helen_line)
    assert permissions.relations(demo, priya, arr) == {R.SUPERVISOR, R.TEAM_LEAD}
    assert not permissions.require(demo, priya, Access.RECORD_TEXT, arr).audited
    assert permissions.require(demo, priya, Access.SUPPORT_TEXT, arr).allowed


def test_earlier_records_reach_a_new_supervisor_only_after_the_supervisee_agrees(demo):
    tom_arrangements = {
        row[1]: row[0] for row in demo.execute(
            "SELECT a.id, s.username FROM arrangements a JOIN users s ON s.id = a.supervisor_id "
            "JOIN users u ON u.id = a.supervisee_id WHERE u.username = 'tom.baker'")
    }
    old = permissions.arrangement(demo, tom_arrangements["marcus.reid"])
    helen = load_actor(demo, "helen.carter")
    marcus = load_actor(demo, "marcus.reid")
    with pytest.raises(PermissionDenied):
        permissions.require(demo, helen, Access.RECORD_TEXT, old)
    # the old supervisor keeps read access to what they wrote
    assert permissions.require(demo, marcus, Access.SUPPORT_TEXT, old).allowed
    demo.execute("UPDATE arrangements SET history_shared_at = '2026-01-01T00:00:00+00:00' "
                 "WHERE id = ?", [tom_arrangements["helen.carter"]])
    assert permissions.require(demo, helen, Access.SUPPORT_TEXT, old).allowed
    with pytest.raises(PermissionDenied):
        permissions.require(demo, helen, Access.REFLECTION_SUBMITTED, old)
