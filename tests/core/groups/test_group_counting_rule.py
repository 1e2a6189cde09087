"""How group sessions count: never, unless the council's setting lets a group session
attended stand for a missed formal session, at most one in every N due."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.admin import settings
from core.errors import PermissionDenied, ValidationError
from core.groups import group_counting
from core.groups.group_counting import counted
from core.sessions import regularity
from group_fixtures import actor
from reflection_fixtures import arrangement_id

dues = st.integers(0, 60)


@given(due=dues, on_time=dues, attended=dues, one_in=st.integers(0, 12))
def test_group_sessions_never_lift_regularity_past_the_rule(due, on_time, attended, one_in):
    on_time = min(on_time, due)
    figure = counted(due, on_time, attended, one_in)
    assert figure.on_time == on_time and figure.due == due
    assert 0 <= figure.by_group <= attended
    assert figure.met <= due
    if one_in < 2:
        assert figure.by_group == 0
    else:
        assert figure.by_group <= due // one_in


@given(due=dues, on_time=dues, attended=dues, one_in=st.integers(2, 12))
def test_attending_more_never_counts_less(due, on_time, attended, one_in):
    on_time = min(on_time, due)
    assert counted(due, on_time, attended + 1, one_in).met >= \
        counted(due, on_time, attended, one_in).met


@given(due=st.integers(1, 60), attended=st.integers(0, 60), one_in=st.integers(2, 12))
def test_with_nothing_held_one_to_one_group_sessions_still_leave_a_gap(due, attended, one_in):
    """Group supervision never replaces one-to-one: nothing held one-to-one is never
    fully met by groups alone."""
    assert counted(due, 0, attended, one_in).met < due


def test_the_worked_example():
    assert counted(12, 8, 5, 3).by_group == 4
    assert counted(12, 8, 2, 3).by_group == 2
    assert counted(12, 11, 5, 3).by_group == 1
    assert counted(12, 8, 5, 0).by_group == 0


def test_the_rule_is_off_by_default_and_stated_when_on(demo):
    assert not group_counting.rule(demo).on
    settings.update(demo, actor(demo, "admin"), {"group_counts_one_in": 4})
    rule = group_counting.rule(demo)
    assert rule.on and "one in every 4" in rule.describe()
    assert "never replaces one-to-one" in rule.describe()


@pytest.mark.parametrize("value", [1, -1, 13, 2.5])
def test_the_setting_refuses_values_that_make_no_sense(demo, value):
    with pytest.raises(ValidationError):
        settings.update(demo, actor(demo, "admin"), {"group_counts_one_in": value})


def test_regularity_itself_ignores_group_sessions(demo):
    """core/sessions/regularity.py counts formal sessions only, whatever the setting."""
    helen, sam = actor(demo, "helen.carter"), actor(demo, "sam.taylor")
    arr = arrangement_id(demo, "sam.taylor")
    before = regularity.summary(demo, helen, arr)
    settings.update(demo, actor(demo, "admin"), {"group_counts_one_in": 2})
    after = regularity.summary(demo, helen, arr)
    assert (before["due"], before["on_time"]) == (after["due"], after["on_time"])
    assert group_counting.attended(demo, sam, [sam.id])[sam.id]


def test_group_time_counts_only_attended_held_sessions(demo):
    sam = actor(demo, "sam.taylor")
    rows = group_counting.attended(demo, sam, [sam.id])[sam.id]
    assert len(rows) == 3 and all(r["minutes"] == 90 for r in rows)
    helen = actor(demo, "helen.carter")
    assert len(group_counting.attended(demo, helen, [sam.id])[sam.id]) == 3
    priya = actor(demo, "priya.shah")  # leads Sam's team: counts, never content
    assert len(group_counting.attended(demo, priya, [sam.id])[sam.id]) == 3


@pytest.mark.parametrize("username", ["admin", "daniel.okafor", "marcus.reid", "jordan.ellis"])
def test_group_time_is_refused_to_others(demo, username):
    sam = actor(demo, "sam.taylor")
    with pytest.raises(PermissionDenied):
        group_counting.attended(demo, actor(demo, username), [sam.id])
