"""The chain of due dates behind regularity: on time, missed, late, pending."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from core.contracts import cadence
from core.sessions.regularity import contract_at, dues

START = date(2026, 1, 5)  # a Monday
FOUR_WEEKS = [{"id": 1, "cadence_kind": "weeks", "cadence_weeks": 4, "fte": 1.0,
               "asye_start": None, "start_date": START.isoformat()}]


def chain(held, until, grace=7, today=None, contracts=FOUR_WEEKS):
    return dues(contracts, held, START, until, grace, today or until)


def test_sessions_held_on_every_due_date_are_all_on_time():
    held = [START]
    for _ in range(6):
        held.append(cadence.due_after(FOUR_WEEKS[0], held[-1]))
    held = held[1:]  # the 25 May bank holiday moves one of them to the 26th
    result = chain(held, date(2026, 7, 22))  # the seventh is due on 20 July
    assert [d.outcome for d in result] == ["on_time"] * 6 + ["pending"]
    assert [d.due for d in result[:6]] == held


def test_a_session_within_the_grace_period_is_on_time_and_one_day_later_is_not():
    due = START + timedelta(weeks=4)
    assert chain([due + timedelta(days=7)], due + timedelta(days=20))[0].outcome == "on_time"
    assert chain([due + timedelta(days=8)], due + timedelta(days=20))[0].outcome == "missed"


def test_the_grace_period_is_a_parameter():
    due = START + timedelta(weeks=4)
    assert chain([due + timedelta(days=10)], due + timedelta(days=20), grace=14)[0].outcome \
        == "on_time"


def test_a_missed_due_date_counts_and_the_next_falls_one_gap_later():
    result = chain([], date(2026, 4, 30))
    assert [d.outcome for d in result] == ["missed", "missed", "missed", "pending"]
    assert result[1].due == result[0].due + timedelta(weeks=4)


def test_a_late_session_restarts_the_clock_from_the_day_it_was_held():
    late = date(2026, 2, 16)  # the first was due on 2 Feb; the grace ran out on 9 Feb
    result = chain([late], date(2026, 3, 20))
    assert result[0].outcome == "missed"
    assert result[1].due == late + timedelta(weeks=4)
    assert result[1].outcome == "pending"


def test_a_due_date_still_within_its_grace_counts_in_neither_figure():
    due = START + timedelta(weeks=4)
    result = chain([], due + timedelta(days=3))
    assert [d.outcome for d in result] == ["pending"]


def test_several_sessions_in_one_gap_meet_one_due_date_and_the_last_sets_the_next():
    held = [date(2026, 1, 20), date(2026, 1, 27)]
    result = chain(held, date(2026, 3, 10))
    assert result[0].outcome == "on_time"
    assert result[1].due == date(2026, 2, 24)  # four weeks after the later one


def test_a_new_version_changes_the_gap_from_its_start():
    contracts = FOUR_WEEKS + [dict(FOUR_WEEKS[0], id=2, cadence_weeks=2,
                                   start_date="2026-03-01")]
    assert contract_at(contracts, date(2026, 2, 28))["id"] == 1
    assert contract_at(contracts, date(2026, 3, 2))["id"] == 2
    held = [date(2026, 2, 2), date(2026, 3, 2)]
    result = chain(held, date(2026, 3, 31), contracts=contracts)
    assert result[2].due == date(2026, 3, 16)


HELD = st.lists(st.dates(min_value=START, max_value=date(2028, 12, 31)), max_size=40)


@given(HELD, st.integers(min_value=0, max_value=30),
       st.dates(min_value=START, max_value=date(2029, 6, 30)))
def test_the_chain_is_consistent(held, grace, until):
    result = chain(held, until, grace=grace)
    dues_in_order = [d.due for d in result]
    assert dues_in_order == sorted(set(dues_in_order))
    assert all(d.due <= until for d in result)
    assert [d.outcome for d in result].count("pending") <= 1
    for d in result:
        if d.outcome == "on_time":
            assert d.held_on in held and d.held_on <= d.due + timedelta(days=grace)
        if d.outcome == "missed":
            assert until > d.due + timedelta(days=grace)


@given(HELD, st.dates(min_value=START, max_value=date(2029, 6, 30)))
def test_each_on_time_due_date_is_met_by_its_own_session(held, until):
    met = [d.held_on for d in chain(held, until) if d.outcome == "on_time"]
    assert len(met) == len(set(met)) <= len(set(held))


def test_a_due_date_moved_off_a_weekend_is_not_counted_twice():
    # Found by the property test: 13 June meets the 19 May due date within the
    # grace; 11 and 12 July are a weekend, so both 13 and 14 June give 13 July.
    result = chain([date(2026, 2, 24), date(2026, 6, 13), date(2026, 6, 14)],
                   date(2027, 1, 1), grace=25)
    dues_in_order = [d.due for d in result]
    assert dues_in_order == sorted(set(dues_in_order))
    assert [(d.due, d.outcome) for d in result[3:6]] == [
        (date(2026, 5, 19), "on_time"), (date(2026, 7, 13), "on_time"),
        (date(2026, 8, 10), "missed")]
