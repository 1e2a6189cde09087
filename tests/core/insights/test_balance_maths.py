"""Properties of the balance and neglect maths (core/insights/balance.py)."""

import math
from datetime import date, timedelta
from fractions import Fraction

from hypothesis import assume, example, given
from hypothesis import strategies as st

from core.insights import balance as b
from core.insights.balance import ITEMS, MINUTES, Rule, Tally
from core.vocabulary import FUNCTIONS

START = date(2024, 1, 1)
counts = st.integers(min_value=0, max_value=120)


@st.composite
def tallies(draw, min_size=0, max_size=20, timed=None):
    """Sessions a week apart; each either timed (minutes) or counted in items."""
    n = draw(st.integers(min_value=min_size, max_value=max_size))
    out = []
    for i in range(n):
        items = {f: draw(st.integers(0, 4)) for f in FUNCTIONS}
        is_timed = draw(st.booleans()) if timed is None else timed
        minutes = {f: (draw(counts) if items[f] else 0) if is_timed else 0 for f in FUNCTIONS}
        out.append(Tally(i + 1, 1, START + timedelta(days=7 * i), minutes, items))
    return out


def session(i, minutes=None, items=None):
    items = items or {f: 1 if (minutes or {}).get(f) else 0 for f in FUNCTIONS}
    return Tally(i, 1, START + timedelta(days=7 * i),
                 {f: (minutes or {}).get(f, 0) for f in FUNCTIONS},
                 {f: items.get(f, 0) for f in FUNCTIONS})


@given(tallies())
def test_shares_sum_to_one_whenever_anything_was_recorded(window):
    result = b.balance(window)
    if any(t.basis for t in window):
        assert math.isclose(sum(result.shares.values()), 1.0)
        assert all(0 <= s <= 1 for s in result.shares.values())
        assert result.sessions == sum(1 for t in window if t.basis)
    else:
        assert result is None


@given(tallies(min_size=1, timed=True))
def test_a_window_timed_throughout_is_counted_in_minutes(window):
    assume(all(t.basis == MINUTES for t in window))
    result = b.balance(window)
    assert result.basis == MINUTES
    for f in FUNCTIONS:
        assert result.weights[f] == sum(t.minutes[f] for t in window)


@given(tallies(min_size=1), st.integers(0, 19))
def test_one_session_without_minutes_counts_the_whole_window_in_items(window, pick):
    untimed = window[pick % len(window)]
    assume(sum(untimed.items.values()) > 0)
    window[pick % len(window)] = Tally(untimed.session_id, 1, untimed.held_on,
                                       {f: 0 for f in FUNCTIONS}, untimed.items)
    result = b.balance(window)
    assert result.basis == ITEMS
    counted = [t for t in window if t.basis]
    for f in FUNCTIONS:
        assert result.weights[f] == sum(t.items[f] for t in counted)


def test_a_session_falls_back_to_items_only_when_no_minutes_were_recorded():
    timed = session(1, {"performance": 60, "support": 0, "development": 30},
                    items={"performance": 1, "development": 1, "support": 3})
    assert b.balance([timed]).basis == MINUTES
    assert b.balance([timed]).shares["support"] == 0  # three items, no minutes: not there
    untimed = session(2, items={"performance": 1, "development": 1, "support": 2})
    assert b.balance([untimed]).basis == ITEMS
    assert b.balance([untimed]).shares["support"] == 0.5


def test_an_empty_window_has_no_balance_and_no_alerts():
    assert b.balance([]) is None
    assert b.neglect([], Rule()) == []
    assert b.rolling([], 6) == []
    assert b.by_period([]) == {}
    held_without_items = session(1)
    assert held_without_items.basis is None
    assert b.balance([held_without_items]) is None
    assert b.neglect([held_without_items] * 6, Rule()) == []


@given(st.integers(1, 100), st.integers(0, 100), st.sampled_from([0.1, 0.15, 0.2, 0.33]))
@example(17, 3, 0.15).via("exactly the threshold")
@example(18, 2, 0.1).via("exactly the threshold")
@example(18, 3, 0.15).via("just under")
def test_low_share_alert_is_strictly_under_the_threshold(total, support, share):
    """Six sessions; support gets `support` of each session's `total + support` minutes."""
    window = [session(i, {"performance": total, "support": support}) for i in range(6)]
    alerts = {a.function: a for a in b.neglect(window, Rule(share, 6, 3))}
    expected = Fraction(support, total + support) < Fraction(str(share))
    assert ("support" in alerts and alerts["support"].low) == expected


def test_exactly_the_threshold_is_no_alert():
    window = [session(i, {"performance": 51, "development": 0, "support": 9}) for i in range(6)]
    rule = Rule(0.15, 6, 3)  # 9 of 60 minutes is exactly 15%
    alerts = {a.function: a for a in b.neglect(window, rule)}
    assert "support" not in alerts
    assert alerts["development"].absent and alerts["development"].low


@given(st.integers(1, 12), st.integers(0, 12), st.integers(0, 12))
def test_absent_alert_needs_the_last_n_sessions_all_without_the_function(absent, gap, before):
    """`before` sessions with support, then `gap` without it."""
    window = ([session(i, {"performance": 30, "support": 30}) for i in range(before)]
              + [session(before + i, {"performance": 60}) for i in range(gap)])
    rule = Rule(0.01, 24, absent)  # a tiny share threshold and a long window: only 'absent'
    alerts = {a.function: a for a in b.neglect(window, rule)}
    fires = gap >= absent
    assert ("support" in alerts and alerts["support"].absent) == fires


@given(tallies(max_size=12), st.integers(2, 24))
def test_no_low_share_alert_before_a_full_window(window, size):
    counted = [t for t in window if t.basis]
    assume(len(counted) < size)
    assert not any(a.low for a in b.neglect(window, Rule(0.5, size, 30)))


@given(tallies(), st.integers(1, 8))
def test_rolling_windows_end_at_each_session_and_hold_at_most_n(window, n):
    result = b.rolling(window, n)
    counted = b.counted(window)
    assert [t for t, _ in result] == counted
    for i, (_, bal) in enumerate(result):
        assert bal.sessions == min(n, i + 1)


@given(tallies(), st.sampled_from(["month", "quarter"]))
def test_periods_split_the_sessions_without_losing_any(window, period):
    groups = b.by_period(window, period)
    assert sum(bal.sessions for bal in groups.values()) == len(b.counted(window))
    for start in groups:
        assert start.day == 1 and (period == "month" or start.month in (1, 4, 7, 10))


@given(tallies(min_size=1))
def test_alerts_by_month_are_the_alerts_over_the_sessions_held_by_the_months_end(window):
    rule = Rule(0.2, 4, 2)
    counted = b.counted(window)
    assume(counted)
    month_list = b.months(counted[0].held_on, counted[-1].held_on)
    by_month = b.neglect_by_month(window, rule, month_list)
    for start, alerts in by_month.items():
        upto = [t for t in counted if t.held_on < b.add_months(start, 1)]
        assert alerts == b.neglect(upto, rule)


def test_fading_personal_support_raises_both_alerts():
    """The demo story: support shrinks each month and is gone for the last four."""
    window = [session(i, {"performance": 50, "development": 25,
                          "support": max(0, 30 - 3 * i) if i < 14 else 0}) for i in range(18)]
    alerts = b.neglect(window, Rule())
    assert [a.function for a in alerts] == ["support"]
    assert alerts[0].absent and alerts[0].low and alerts[0].share == 0
    assert "not discussed in the last 3 sessions" in alerts[0].describe(Rule())


def test_quarters_and_months_are_named_plainly():
    assert b.quarter_label(b.quarter_start(date(2026, 5, 20))) == "Apr–Jun 2026"
    assert b.month_label(date(2026, 1, 1)) == "Jan 2026"
    assert b.add_months(date(2026, 1, 1), -13) == date(2024, 12, 1)
    assert b.months(date(2025, 11, 30), date(2026, 2, 1)) == [
        date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)]
