"""Regularity on real data: on-time share over 12 months, days since the last session,
next due date, the overdue flag with its grace setting, and the bulk figures."""

from datetime import date, timedelta

import pytest
from supervision_setup import arrangement_of, new_arrangement, signed, who, working_day

from core import clock, sessions
from core.access import arrangement_access
from core.sessions import regularity
from core.admin import settings
from core.errors import PermissionDenied


def test_the_demo_overdue_arrangement(demo):
    grace = arrangement_of(demo, "grace.holt")
    figures = regularity.summary(demo, who(demo, "daniel.okafor"), grace)
    assert figures["overdue"] and figures["grace_days"] == 7
    assert clock.today() > figures["next_due"] + timedelta(days=7)
    assert figures["days_since_last"] == (clock.today() - figures["last_held"]).days > 50
    assert 0 < figures["share"] < 1 and figures["on_time"] < figures["due"]


def test_the_grace_period_is_the_setting(demo):
    grace = arrangement_of(demo, "grace.holt")
    marcus = who(demo, "marcus.reid")
    figures = regularity.summary(demo, marcus, grace)
    waited = (clock.today() - figures["next_due"]).days
    settings.update(demo, who(demo, "admin"), {"overdue_grace_days": min(60, waited)})
    assert not regularity.summary(demo, marcus, grace)["overdue"]
    settings.update(demo, who(demo, "admin"), {"overdue_grace_days": 0})
    assert regularity.summary(demo, marcus, grace)["overdue"]


def test_a_cancelled_session_still_counts_as_due(demo):
    arrangement_id = new_arrangement(demo, start=clock.today() - timedelta(days=60))
    contract_id = signed(demo, arrangement_id)
    demo.execute("UPDATE contracts SET start_date = ? WHERE id = ?",
                 [(clock.today() - timedelta(days=60)).isoformat(), contract_id])
    aisha = who(demo, "aisha.begum")
    day, at = working_day(3)
    session_id = sessions.plan_series(demo, aisha, arrangement_id, first=day, at=at, minutes=60, venue="Room 1", count=1)[0]
    before = regularity.summary(demo, aisha, arrangement_id)
    sessions.cancel_session(demo, who(demo, "sam.taylor"), session_id, "Off sick")
    after = regularity.summary(demo, aisha, arrangement_id)
    assert after["due"] == before["due"] >= 1 and after["on_time"] == 0
    assert after["overdue"]  # due four weeks after the start, nothing held since


def test_no_signed_contract_means_nothing_due(demo):
    arrangement_id = new_arrangement(demo)
    figures = regularity.summary(demo, who(demo, "aisha.begum"), arrangement_id)
    assert not figures["has_contract"] and figures["due"] == 0 and figures["share"] is None
    assert figures["next_due"] is None and not figures["overdue"]


def test_the_jordan_asye_figures(demo):
    jordan = arrangement_of(demo, "jordan.ellis")
    figures = regularity.summary(demo, who(demo, "jordan.ellis"), jordan)
    start = date.fromisoformat(demo.execute("SELECT start_date FROM arrangements WHERE id = ?",
                                            [jordan]).fetchone()[0])
    assert figures["due"] >= 8  # weekly then fortnightly since a start about 5 months ago
    assert (figures["next_due"] - figures["last_held"]).days <= 18
    assert figures["chain"][0].due <= start + timedelta(days=11)


def test_bulk_figures_match_one_at_a_time(demo):
    admin = who(demo, "admin")
    ids = [a["id"] for a in arrangement_access.visible(demo, admin)]
    many = regularity.summaries(demo, admin, ids)
    for arrangement_id in ids:
        one = regularity.summary(demo, admin, arrangement_id)
        for key in ("due", "on_time", "share", "last_held", "next_due", "overdue"):
            assert many[arrangement_id][key] == one[key], (arrangement_id, key)


def test_bulk_figures_follow_the_matrix(demo):
    sam = arrangement_of(demo, "sam.taylor")
    grace = arrangement_of(demo, "grace.holt")
    assert set(regularity.summaries(demo, who(demo, "priya.shah"), [sam])) == {sam}
    with pytest.raises(PermissionDenied):
        regularity.summaries(demo, who(demo, "priya.shah"), [sam, grace])
    with pytest.raises(PermissionDenied):
        regularity.monthly(demo, who(demo, "helen.carter"), [grace], clock.today(), clock.today())


def test_monthly_figures_add_up_to_the_twelve_month_figures(demo):
    priya = who(demo, "priya.shah")
    ids = [a["id"] for a in arrangement_access.visible(demo, priya)]
    today = clock.today()
    first = (today.replace(day=1) - timedelta(days=330)).replace(day=1)
    months = regularity.monthly(demo, priya, ids, first, today, today)
    assert set(months) == set(ids)
    for arrangement_id, rows in months.items():
        assert [r["month"] for r in rows] == sorted(r["month"] for r in rows)
        assert rows[0]["month"] == first and rows[-1]["month"] == today.replace(day=1)
        for r in rows:
            assert 0 <= r["on_time"] <= r["due"]
            assert r["share"] == (r["on_time"] / r["due"] if r["due"] else None)
        one = regularity.summary(demo, priya, arrangement_id, today)
        in_period = [d for d in one["chain"] if d.outcome != "pending" and d.due >= first]
        assert sum(r["due"] for r in rows) == len(in_period)
        assert sum(r["on_time"] for r in rows) == sum(d.outcome == "on_time" for d in in_period)
