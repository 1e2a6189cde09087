"""A record not shared within the contract's working days of the held date is
late: for the supervisor (a task, the record view) and on the team lead's view."""

from datetime import date, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from record_fixtures import actor, held_with_sharing, opened, opened_once

from core import clock, records, home
from core import workdays


def _set(db, sid, held: date, days: int, shared: date | None):
    """Shared at four in the afternoon, London time, on the day `shared`."""
    at = datetime.combine(shared, time(16), tzinfo=clock.LONDON) if shared else None
    held_with_sharing(db, sid, held, days, at)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(back=st.integers(0, 60), days=st.integers(1, 20), shared_after=st.none() | st.integers(0, 40))
def test_late_means_more_working_days_than_the_contract_allows(demo, back, days, shared_after):
    sid = opened_once(demo)
    today = clock.today()
    held = today - timedelta(days=back)
    shared = None
    if shared_after is not None:
        shared = min(held + timedelta(days=shared_after), today)
    _set(demo, sid, held, days, shared)
    view = records.agenda(demo, actor(demo, "helen.carter"), sid)
    counted_to = shared or today
    # More working days than allowed; or exactly that many and then a weekend or
    # bank holiday gone by (shared on a Saturday after a Friday deadline is late).
    used = workdays.working_days_between(held, counted_to)
    assert view.late == (used > days or
                            (used == days and not workdays.is_working_day(counted_to)))
    assert view.share_by == workdays.add_working_days(held, days).isoformat()


def test_a_late_record_is_flagged_for_the_supervisor_and_the_team_lead(demo):
    helen, priya = actor(demo, "helen.carter"), actor(demo, "priya.shah")
    sid = opened(demo)[0]
    held = workdays.add_working_days(clock.today(), -8)
    _set(demo, sid, held, 5, None)
    late = {r["session_id"]: r for r in records.late_records(demo, helen)}
    assert sid in late and late[sid]["share_by"] == workdays.add_working_days(held, 5).isoformat()
    assert sid in {r["session_id"] for r in records.late_records(demo, priya)}
    assert sid not in {r["session_id"] for r in records.late_records(demo, actor(demo, "marcus.reid"))}
    texts = [t for t in home.tasks_for(demo, helen) if "Share the record" in t.text and t.urgent]
    assert any("Sam Taylor" in t.text and "was due by" in t.text for t in texts)
    # the team lead sees the flag, never the text, on the record listing
    listed = {r["session_id"]: r for r in records.records_for(demo, priya, records.agenda(
        demo, helen, sid).arrangement_id)}
    assert listed[sid]["late"] and "discussion" not in listed[sid]


def test_shared_in_time_stays_on_time_after_a_dispute(demo):
    sid = opened(demo)[0]
    held = workdays.add_working_days(clock.today(), -10)
    _set(demo, sid, held, 5, workdays.add_working_days(held, 5))
    demo.execute("UPDATE records SET status = 'disputed' WHERE session_id = ?", [sid])
    assert not records.agenda(demo, actor(demo, "helen.carter"), sid).late
