"""The team lead's and supervisor's late-record lists read only the records that may
be late (shared after the contract's days counted as calendar days, or not shared),
and still find every late one: the same answer as judging every record."""

from datetime import date, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from record_fixtures import actor, opened

from core import clock, records


def _set(db, sid, held: date, days: int, shared_at: datetime | None):
    db.execute("UPDATE sessions SET status = 'held', held_on = ? WHERE id = ?",
               [held.isoformat(), sid])
    db.execute("UPDATE contracts SET share_within_days = ? WHERE id = "
               "(SELECT contract_id FROM sessions WHERE id = ?)", [days, sid])
    db.execute("UPDATE records SET first_shared_at = ?, status = ? WHERE session_id = ?",
               [clock.stamp(shared_at) if shared_at else None,
                "shared" if shared_at else "draft", sid])


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(back=st.integers(0, 60), days=st.integers(0, 15),
       shared_after=st.none() | st.integers(0, 30), hour=st.sampled_from([0, 9, 23]))
def test_the_filtered_list_is_every_late_record(demo, back, days, shared_after, hour):
    if not hasattr(demo, "_late_sid"):
        demo._late_sid = opened(demo)[0]
    sid = demo._late_sid
    today = clock.today()
    held = today - timedelta(days=back)
    shared_at = None
    if shared_after is not None:  # late at night in London is the next day in UTC, or not
        day = min(held + timedelta(days=shared_after), today)
        shared_at = datetime.combine(day, time(hour, 30), tzinfo=clock.LONDON)
    _set(demo, sid, held, days, shared_at)
    for username in ("helen.carter", "priya.shah"):
        listed = {r["session_id"] for r in records.late_records(demo, actor(demo, username))}
        judged = records.agenda(demo, actor(demo, "helen.carter"), sid).late
        assert (sid in listed) == judged, (username, held, days, shared_at)
