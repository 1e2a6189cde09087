"""The period a file audit covers: the last 3, 6 or 12 months, or dates the auditor
chooses, checked with a plain message; the evidence follows the period and the
audit records it."""

from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from reflection_fixtures import actor, arrangement_id

from core import clock
from core.errors import ValidationError
from core.quality import file_audits

TODAY = date(2027, 5, 12)


@pytest.mark.parametrize("months", [3, 6, 12])
def test_the_offered_periods_end_today(months):
    assert file_audits.period(months, today=TODAY) == (TODAY - relativedelta(months=months),
                                                       TODAY)


def test_dates_of_ones_own_are_kept_as_chosen():
    chosen = (date(2026, 1, 1), date(2026, 12, 31))
    assert file_audits.period(None, *chosen, today=TODAY) == chosen
    assert file_audits.period(None, date(2027, 1, 1), TODAY, today=TODAY)[1] == TODAY


@pytest.mark.parametrize("start, end, field, says", [
    (None, TODAY, "period_start", "Choose the first day"),
    (date(2027, 1, 1), None, "period_end", "Choose the last day"),
    ("2027-01-01", TODAY, "period_start", "Choose the first day"),
    (date(2027, 3, 1), date(2027, 2, 1), "period_start", "must come before"),
    (date(2027, 3, 1), date(2027, 3, 1), "period_start", "must come before"),
    (date(2027, 1, 1), TODAY + timedelta(days=1), "period_end", "cannot reach into the future"),
    (TODAY + timedelta(days=1), TODAY + timedelta(days=9), "period_start", "into the future"),
    (date(1900, 1, 1), TODAY, "period_start", "at most 10 years"),
])
def test_a_bad_period_is_refused_in_plain_words(start, end, field, says):
    with pytest.raises(ValidationError) as error:
        file_audits.period(None, start, end, today=TODAY)
    assert says in error.value.errors[field]


@pytest.mark.parametrize("months", [0, 1, 24, "12"])
def test_only_the_offered_lengths(months):
    with pytest.raises(ValidationError) as error:
        file_audits.period(months, today=TODAY)
    assert "period" in error.value.errors


def test_the_evidence_follows_the_period_and_the_audit_records_it(demo):
    priya, arr = actor(demo, "priya.shah"), arrangement_id(demo, "sam.taylor")
    today = clock.today()
    year = file_audits.get(demo, priya, file_audits.start(demo, priya, arr))
    quarter = file_audits.get(demo, priya, file_audits.start(demo, priya, arr, months=3))
    assert (year["period_start"], year["period_end"]) == (
        (today - relativedelta(months=12)).isoformat(), today.isoformat())
    assert quarter["period_start"] == (today - relativedelta(months=3)).isoformat()
    held = lambda found: int(found["answers"][2]["evidence"]["lines"][0].split()[0])  # noqa: E731
    assert 0 < held(quarter) < held(year)  # "N records of held sessions"
    first = today - relativedelta(months=18)
    last = today - relativedelta(months=12)
    older = file_audits.get(demo, priya, file_audits.start(
        demo, priya, arr, months=None, period_start=first, period_end=last))
    assert (older["period_start"], older["period_end"]) == (first.isoformat(),
                                                            last.isoformat())
    assert f"from {clock.day(first)} to {clock.day(last)}" in \
        older["answers"][1]["evidence"]["lines"][0]
    started = demo.execute("SELECT detail FROM audit_events WHERE action = "
                           "'file_audit_started' ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert first.isoformat() in started and last.isoformat() in started


def test_a_refused_period_starts_nothing(demo):
    priya, arr = actor(demo, "priya.shah"), arrangement_id(demo, "sam.taylor")
    count = demo.execute("SELECT count(*) FROM file_audits").fetchone()[0]
    with pytest.raises(ValidationError):
        file_audits.start(demo, priya, arr, months=None, period_start=clock.today(),
                          period_end=clock.today() - timedelta(days=1))
    assert demo.execute("SELECT count(*) FROM file_audits").fetchone()[0] == count
