"""Group actions: an open action is reviewed at each later session until its owner
or the facilitator closes it, saying what came of it; an overdue one is a task for
its owner, and for nobody else."""

from datetime import timedelta

import pytest

from core import clock
from core.errors import PermissionDenied, ValidationError
from core.groups import group_actions, group_membership, group_records, tasks
from group_fixtures import actor, demo_group, past_session, record


def _overdue(db) -> int:
    """A shared record 20 days old with an action for Zara due 10 days ago."""
    sid = past_session(db, days_ago=20)
    held = group_records.read(db, actor(db, "helen.carter"), sid)["session"]
    due = clock.in_london(held["scheduled_at"]).date() + timedelta(days=10)
    record(db, sid, actions=[{"owner_id": actor(db, "zara.hussain").id,
                              "description": "Find the previous school", "due_date": due}])
    group_records.share(db, actor(db, "helen.carter"), sid)
    return next(a["id"] for a in group_actions.to_review(db, actor(db, "zara.hussain"),
                                                          demo_group(db))
                if a["description"] == "Find the previous school")


def test_open_actions_are_there_to_review_at_the_next_session(demo):
    found = group_actions.to_review(demo, actor(demo, "chloe.wright"), demo_group(demo))
    assert [a["description"] for a in found] == [
        "Complete the graded care profile before the review"]
    assert not found[0]["overdue"] and not found[0]["mine"]


def test_an_overdue_action_is_a_task_for_its_owner_only(demo):
    _overdue(demo)
    words = [t.text for t in tasks.tasks(demo, actor(demo, "zara.hussain"))]
    assert any("Your action from the group Assessment team case group was due" in w
               for w in words)
    for other in ("sam.taylor", "helen.carter"):
        assert not any("Your action" in t.text for t in tasks.tasks(demo, actor(demo, other)))


@pytest.mark.parametrize("who", ["zara.hussain", "helen.carter"])
def test_the_owner_or_the_facilitator_marks_it_done(demo, who):
    action = _overdue(demo)
    group_actions.close(demo, actor(demo, who), action, "done", "Found: St Mary's")
    assert action not in [a["id"] for a in group_actions.to_review(
        demo, actor(demo, "helen.carter"), demo_group(demo))]
    assert not any("Your action" in t.text for t in tasks.tasks(demo, actor(demo, "zara.hussain")))
    row = demo.execute("SELECT status, outcome, closed_by FROM group_actions WHERE id = ?",
                       [action]).fetchone()
    assert tuple(row) == ("done", "Found: St Mary's", actor(demo, who).id)
    with pytest.raises(ValidationError, match="already closed"):
        group_actions.close(demo, actor(demo, who), action, "done", "again")


def test_other_members_and_outsiders_cannot_close_it_and_an_outcome_is_needed(demo):
    action = _overdue(demo)
    for who in ("sam.taylor", "priya.shah", "admin"):
        with pytest.raises(PermissionDenied):
            group_actions.close(demo, actor(demo, who), action, "done", "x")
    with pytest.raises(ValidationError, match="evidence or outcome"):
        group_actions.close(demo, actor(demo, "zara.hussain"), action, "done", " ")
    with pytest.raises(ValidationError):
        group_actions.close(demo, actor(demo, "zara.hussain"), action, "finished", "x")


def test_an_owner_who_left_has_no_task_and_cannot_close(demo):
    action = _overdue(demo)
    group_membership.record_leaving(demo, actor(demo, "helen.carter"), demo_group(demo),
                                    actor(demo, "zara.hussain").id)
    zara = actor(demo, "zara.hussain")
    assert not any("Your action" in t.text for t in tasks.tasks(demo, zara))
    with pytest.raises(PermissionDenied, match="no longer in this group"):
        group_actions.close(demo, zara, action, "done", "x")
    group_actions.close(demo, actor(demo, "helen.carter"), action, "dropped", "Zara left")
