"""The team lead's and supervisor's late-record lists read only the records that may
be late (shared after the contract's days counted as calendar days, or not shared),
and still find every late one: the same answer as judging every record."""

from datetime import datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from record_fixtures import actor, held_with_sharing, opened_once

from core import clock, records


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(back=st.integers(0, 60), days=st.integers(0, 15),
       shared_after=st.none() | st.integers(0, 30), hour=st.sampled_from([0, 9, 23]))
def test_the_filtered_list_is_every_late_record(demo, back, days, shared_after, hour):
    sid = opened_once(demo)
    today = clock.today()
    held = today - timedelta(days=back)
    shared_at = None
    if shared_after is not None:  # late at night in London is the next day in UTC, or not
        day = min(held + timedelta(days=shared_after), today)
        shared_at = datetime.combine(day, time(hour, 30), tzinfo=clock.LONDON)
    held_with_sharing(demo, sid, held, days, shared_at)
    for username in ("helen.carter", "priya.shah"):
        listed = {r["session_id"] for r in records.late_records(demo, actor(demo, username))}
        judged = records.agenda(demo, actor(demo, "helen.carter"), sid).late
        assert (sid in listed) == judged, (username, held, days, shared_at)
