"""The compliance arithmetic: regularity pooled per month, record timeliness,
records waiting for a signature and overdue actions, grouped per arrangement."""

from datetime import date, datetime, time, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from core.insights import compliance
from core.insights.balance import add_months, month_start
from core.insights.compliance import MonthShare, Timeliness
from core.insights.timeliness import LATE, ON_TIME, PENDING, record_outcome
from core.insights.timeliness import share_by

MONTHS = [date(2026, m, 1) for m in range(1, 13)]
TODAY = date(2026, 12, 15)

monthly_rows = st.lists(st.lists(
    st.builds(lambda m, due, frac: {"month": m, "due": due, "on_time": round(due * frac)},
              st.sampled_from(MONTHS + [date(2025, 12, 1)]), st.integers(0, 6),
              st.floats(0, 1)), max_size=12), max_size=6)


@given(monthly_rows)
def test_pooled_regularity_keeps_every_month_and_every_count(per_arrangement):
    pooled = compliance.pool_by_month(per_arrangement, MONTHS)
    assert [p.month for p in pooled] == MONTHS
    inside = [r for rows in per_arrangement for r in rows if r["month"] in MONTHS]
    assert sum(p.due for p in pooled) == sum(r["due"] for r in inside)
    assert sum(p.met for p in pooled) == sum(r["on_time"] for r in inside)
    for p in pooled:
        if p.due:
            assert 0 <= p.share <= 1
        else:
            assert p.share is None  # nothing due: no share, never 0%


def test_a_month_with_nothing_due_has_no_share():
    assert MonthShare(MONTHS[0], 0, 0).share is None
    assert MonthShare(MONTHS[0], 4, 3).share == 0.75


def shared_at(day: date) -> str:
    return datetime.combine(day, time(15), tzinfo=timezone.utc).isoformat()


def test_a_record_is_on_time_until_the_last_working_day():
    held = date(2026, 3, 2)  # a Monday: 5 working days later is Monday 9 March
    assert share_by(held, 5) == date(2026, 3, 9)
    assert record_outcome(held, 5, shared_at(date(2026, 3, 9)), TODAY) == ON_TIME
    assert record_outcome(held, 5, shared_at(date(2026, 3, 10)), TODAY) == LATE
    assert record_outcome(held, 5, None, date(2026, 3, 9)) == PENDING
    assert record_outcome(held, 5, None, date(2026, 3, 10)) == LATE


def test_bank_holidays_give_more_calendar_days():
    # Good Friday 3 April and Easter Monday 6 April 2026 are not working days.
    held = date(2026, 4, 1)
    assert record_outcome(held, 3, shared_at(date(2026, 4, 8)), TODAY) == ON_TIME
    assert record_outcome(held, 3, shared_at(date(2026, 4, 9)), TODAY) == LATE


record_rows = st.lists(st.builds(
    lambda held, within, shared_after, status: {
        "held_on": held.isoformat(), "share_within_days": within,
        "first_shared_at": shared_at(held + timedelta(days=shared_after))
        if shared_after is not None else None,
        "status": status if shared_after is not None else "draft",
    },
    st.dates(date(2025, 12, 1), TODAY), st.integers(1, 10),
    st.none() | st.integers(0, 30), st.sampled_from(["shared", "agreed", "disputed"]),
), max_size=40)


@given(record_rows)
def test_timeliness_shares_are_fractions_of_the_records_due(rows):
    months = [add_months(MONTHS[0], -1)] + MONTHS
    result = compliance.timeliness(rows, TODAY, months)
    assert list(result) == months  # every month, in order, even with no records
    assert sum(t.due + t.pending for t in result.values()) == len(rows)
    for month, t in result.items():
        assert t.on_time <= t.due and t.agreed <= t.due
        if t.due:
            assert 0 <= t.shared_share <= 1 and 0 <= t.agreed_share <= 1
        else:
            assert t.shared_share is None and t.agreed_share is None
        held = [r for r in rows if month_start(date.fromisoformat(r["held_on"])) == month]
        assert t.agreed == sum(r["status"] == "agreed" for r in held)
    whole = compliance.total(result.values())
    assert whole.due == sum(t.due for t in result.values())
    assert whole.on_time == sum(t.on_time for t in result.values())


def test_no_records_means_no_share():
    result = compliance.timeliness([], TODAY, MONTHS)
    assert all(t == Timeliness(m) for m, t in result.items())
    assert compliance.total(result.values()).shared_share is None


def test_a_record_inside_its_working_days_counts_in_neither_share():
    row = {"held_on": "2026-12-14", "share_within_days": 5, "first_shared_at": None,
           "status": None}
    [t] = compliance.timeliness([row], TODAY).values()
    assert (t.due, t.pending, t.shared_share) == (0, 1, None)


def test_waiting_records_say_who_must_sign():
    rows = [
        {"arrangement_id": 1, "held_on": "2026-03-02", "status": "shared",
         "supervisor_signed_at": None, "supervisee_signed_at": None},
        {"arrangement_id": 1, "held_on": "2026-02-02", "status": "shared",
         "supervisor_signed_at": "2026-02-03T10:00:00+00:00", "supervisee_signed_at": None},
        {"arrangement_id": 1, "held_on": "2026-04-02", "status": "disputed",
         "supervisor_signed_at": "x", "supervisee_signed_at": None},
        {"arrangement_id": 2, "held_on": "2026-05-02", "status": "shared",
         "supervisor_signed_at": None, "supervisee_signed_at": "y"},
    ]
    waits = compliance.waiting(rows)
    assert waits[1] == compliance.Waiting(3, 1, 2, 1, date(2026, 2, 2))
    assert waits[2] == compliance.Waiting(1, 1, 0, 0, date(2026, 5, 2))
    assert compliance._who_signs(waits[1], "Chloe Wright") == \
        "you (1); Chloe Wright (2); 1 disputed, for you to respond"


@given(st.lists(st.builds(
    lambda a, owner, n, k, due: {"arrangement_id": a, "owner_name": owner, "open": n,
                                 "overdue": min(k, n), "oldest_due": due.isoformat()
                                 if min(k, n) else None},
    st.integers(1, 3), st.sampled_from(["Sam", "Helen"]), st.integers(1, 5),
    st.integers(0, 5), st.dates(date(2025, 1, 1), date(2026, 12, 1))), max_size=10))
def test_actions_are_summed_per_arrangement(rows):
    result = compliance.actions(rows)
    assert set(result) == {r["arrangement_id"] for r in rows}
    for a, counts in result.items():
        mine = [r for r in rows if r["arrangement_id"] == a]
        assert counts.open == sum(r["open"] for r in mine)
        assert counts.overdue == sum(r["overdue"] for r in mine) <= counts.open
        assert sum(n for _, n in counts.by_owner) == counts.overdue
        dues = [r["oldest_due"] for r in mine if r["oldest_due"]]
        assert counts.oldest_due == (date.fromisoformat(min(dues)) if dues else None)
