"""Open actions of an arrangement, and their owner closing them with the outcome."""

import pytest
from reflection_fixtures import actor, arrangement_id, open_action, session

from core.records import actions
from core.errors import PermissionDenied, ValidationError


@pytest.fixture
def demo(people_only):
    """The demo's people and arrangements with no supervision history: these tests
    make their own actions, and the demo's open actions would join the lists."""
    return people_only


@pytest.fixture
def two_actions(demo):
    held = session(demo, "sam.taylor", days=-20, status="held")
    mine = open_action(demo, "sam.taylor", "sam.taylor", "Book the family group conference",
                       due_in=-3, session_id=held)
    hers = open_action(demo, "sam.taylor", "helen.carter", "Ask legal about the PLO letter",
                       due_in=10, session_id=held)
    return mine, hers


def test_open_actions_are_listed_for_supervisee_and_supervisor(demo, two_actions):
    mine, hers = two_actions
    arrangement = arrangement_id(demo, "sam.taylor")
    for username in ("sam.taylor", "helen.carter"):
        listed = actions.open_for_arrangement(demo, actor(demo, username), arrangement)
        assert [a["id"] for a in listed] == [mine, hers]
    first = actions.open_for_arrangement(demo, actor(demo, "sam.taylor"), arrangement)[0]
    assert first["overdue"] and first["mine"] and first["owner_name"] == "Sam Taylor"
    assert first["session_scheduled_at"]


@pytest.mark.parametrize("username", ["marcus.reid", "priya.shah", "admin", "daniel.okafor"])
def test_nobody_else_reads_an_arrangements_actions(demo, two_actions, username):
    with pytest.raises(PermissionDenied):
        actions.open_for_arrangement(demo, actor(demo, username),
                                     arrangement_id(demo, "sam.taylor"))


def test_the_owner_closes_with_an_outcome(demo, two_actions):
    mine, hers = two_actions
    sam = actor(demo, "sam.taylor")
    with pytest.raises(ValidationError) as error:
        actions.close_action(demo, sam, mine, "finished", "  ")
    assert set(error.value.errors) == {"status", "outcome"}
    actions.close_action(demo, sam, mine, "done", "FGC booked for 14 March; invites sent.")
    assert demo["actions"].get(mine)["status"] == "done"
    listed = actions.open_for_arrangement(demo, sam, arrangement_id(demo, "sam.taylor"))
    assert [a["id"] for a in listed] == [hers]
    with pytest.raises(ValidationError, match="already closed"):
        actions.close_action(demo, sam, mine, "dropped", "again")
    event = demo.execute("SELECT detail FROM audit_events WHERE action = 'action_closed'") \
        .fetchone()[0]
    assert "FGC" not in event and "done" in event


def test_only_the_owner_closes_an_action(demo, two_actions):
    mine, hers = two_actions
    with pytest.raises(PermissionDenied, match="Only the action's owner, Helen Carter"):
        actions.close_action(demo, actor(demo, "sam.taylor"), hers, "done", "Did it")
    with pytest.raises(PermissionDenied):
        actions.close_action(demo, actor(demo, "priya.shah"), mine, "done", "Did it")
    actions.close_action(demo, actor(demo, "helen.carter"), hers, "dropped",
                         "Legal advised a letter is not needed yet.")


def test_a_former_supervisor_reads_but_no_longer_closes(demo):
    """Tom Baker moved from Marcus to Helen: Marcus keeps read-only access."""
    old = arrangement_id(demo, "tom.baker", supervisor="marcus.reid")
    now = "2025-01-01T00:00:00+00:00"
    action = demo["actions"].insert({
        "arrangement_id": old, "owner_id": actor(demo, "marcus.reid").id,
        "description": "Send the transfer summary", "due_date": "2025-02-01",
        "created_at": now, "updated_at": now}).last_pk
    marcus = actor(demo, "marcus.reid")
    assert [a["id"] for a in actions.open_for_arrangement(demo, marcus, old)] == [action]
    with pytest.raises(PermissionDenied, match="read-only"):
        actions.close_action(demo, marcus, action, "done", "Sent")
