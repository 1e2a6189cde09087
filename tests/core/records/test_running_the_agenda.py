"""The supervisor reorders, adds, removes and re-tags items, and sees the minutes
per function so far; the sessions they can run are listed."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from record_fixtures import actor, opened, planned

from core import clock, records
from core.errors import ValidationError


def test_reorder_add_remove_and_running_totals(demo):
    helen = actor(demo, "helen.carter")
    sid, view = opened(demo)
    carried = len(view.items)
    a = records.add_item(demo, helen, sid, title="A", function="performance")
    b = records.add_item(demo, helen, sid, title="B", function="support")
    c = records.add_item(demo, helen, sid, title="C", function="development")
    records.move_item(demo, helen, c, "up")
    records.move_item(demo, helen, a, "down")
    order = [i["title"] for i in records.agenda(demo, helen, sid).items][carried:]
    assert order == ["C", "A", "B"]
    records.move_item(demo, helen, b, "down")  # already last: nothing moves
    records.save_item(demo, helen, a, {"minutes": 30}, 0)
    records.save_item(demo, helen, b, {"minutes": 15}, 0)
    records.save_item(demo, helen, c, {"function": "support"}, 0)
    records.save_item(demo, helen, c, {"minutes": "5"}, 1)
    view = records.agenda(demo, helen, sid)
    assert view.minutes == {"performance": 30, "development": 0, "support": 20}
    assert view.total_minutes == 50
    records.remove_item(demo, helen, b)
    view = records.agenda(demo, helen, sid)
    assert [i["title"] for i in view.items][carried:] == ["C", "A"]
    assert [i["position"] for i in view.items] == list(range(len(view.items)))
    with pytest.raises(ValueError):
        records.move_item(demo, helen, a, "sideways")


def test_items_with_actions_or_from_elsewhere_stay(demo):
    helen = actor(demo, "helen.carter")
    sid, view = opened(demo)
    item = records.add_item(demo, helen, sid, title="A", function="performance")
    records.add_action(demo, helen, item, owner_id=helen.id, description="Do it",
                       due_date=clock.today())
    with pytest.raises(ValidationError, match="has actions"):
        records.remove_item(demo, helen, item)
    carried = [i for i in view.items if i["source"] != "supervisor"]
    if carried:
        with pytest.raises(ValidationError, match="Only items you added"):
            records.remove_item(demo, helen, carried[0]["id"])


def test_the_supervisor_lists_the_sessions_to_run(demo):
    helen = actor(demo, "helen.carter")
    sid = planned(demo, days=2)
    listed = {r["session_id"]: r for r in records.runnable_sessions(demo, helen)}
    assert listed[sid]["record_status"] is None and listed[sid]["supervisee_name"] == "Sam Taylor"
    records.open_session(demo, helen, sid)
    listed = {r["session_id"]: r for r in records.runnable_sessions(demo, helen)}
    assert listed[sid]["record_status"] == "draft"
    assert sid not in {r["session_id"] for r in records.runnable_sessions(demo, actor(demo, "marcus.reid"))}
    assert sid not in {r["session_id"] for r in records.runnable_sessions(demo, actor(demo, "sam.taylor"))}


def test_a_cancelled_session_cannot_be_run(demo):
    helen = actor(demo, "helen.carter")
    sid = planned(demo, days=2)
    demo.execute("UPDATE sessions SET status = 'cancelled' WHERE id = ?", [sid])
    with pytest.raises(ValidationError, match="cancelled"):
        records.open_session(demo, helen, sid)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["performance", "development", "support"]),
                          st.none() | st.integers(0, records.MINUTES_MAX)),
                min_size=1, max_size=6))
def test_running_totals_are_the_minutes_recorded_per_function(demo, entries):
    helen = actor(demo, "helen.carter")
    sid, view = opened(demo)
    expected = dict(view.minutes)  # whatever the carried items already hold
    for function, minutes in entries:
        item = records.add_item(demo, helen, sid, title="Item", function=function)
        records.save_item(demo, helen, item, {"minutes": minutes}, 0)
        expected[function] += minutes or 0
    view = records.agenda(demo, helen, sid)
    assert view.minutes == expected
    assert view.total_minutes == sum(expected.values())
