"""The compliance views over a scope: exact figures on a history of our own,
a fixed number of queries however big the team, and a scope that changes with
every write and setting behind the figures."""

from datetime import date, timedelta

import pytest


import balance_fixtures as bf  # noqa: E402
import compliance_fixtures as cf  # noqa: E402

from core import clock, insights  # noqa: E402
from core.insights import compliance
from core.admin import settings
from core.insights.balance import month_start  # noqa: E402
from core.access.roles import load_actor  # noqa: E402
from core.insights.timeliness import share_by  # noqa: E402


@pytest.fixture
def sam(people_only):
    """Four held sessions in the last months: records on time and agreed, late,
    never started, and one still inside its working days."""
    today = clock.today()
    days = [today - timedelta(days=n) for n in (100, 70, 40, 1)]
    ids = bf.add(people_only, "sam.taylor", [bf.session(d, bf.balanced(0)) for d in days])
    cf.record(people_only, ids[0], "agreed", shared=share_by(days[0], 5),
              supervisor_signed=share_by(days[0], 5), supervisee_signed=share_by(days[0], 5))
    cf.record(people_only, ids[1], "shared", shared=share_by(days[1], 5) + timedelta(days=1),
              supervisor_signed=share_by(days[1], 5) + timedelta(days=1))
    cf.record(people_only, ids[3], "draft")
    return {"db": people_only, "days": days, "ids": ids}


def team(db, username="priya.shah", **kwargs):
    actor = load_actor(db, username)
    return insights.team_scope(db, actor, next(iter(actor.led_team_ids)), **kwargs)


def test_team_timeliness_counts_each_record_once(sam):
    db, days = sam["db"], sam["days"]
    view = compliance.team_compliance(db, team(db))
    whole = compliance.total(view.timeliness.values())
    assert (whole.due, whole.on_time, whole.agreed, whole.pending) == (3, 1, 1, 1)
    assert whole.shared_share == pytest.approx(1 / 3)
    first = view.timeliness[month_start(days[0])]
    assert first.on_time >= 1 and first.agreed >= 1
    arrangement = bf.arrangement_id(db, "sam.taylor")
    assert view.timeliness_by[arrangement] == compliance.Timeliness(None, 3, 1, 1, 1)
    chloe = bf.arrangement_id(db, "chloe.wright")
    assert view.timeliness_by[chloe].due == 0 and view.timeliness_by[chloe].shared_share is None


def test_team_regularity_pools_the_arrangements(sam):
    db = sam["db"]
    scope = team(db)
    view = compliance.team_compliance(db, scope)
    assert [m.month for m in view.regularity] == view.months
    assert sum(m.due for m in view.regularity) == sum(
        r.due for r in view.regularity_by.values())
    arrangement = bf.arrangement_id(db, "sam.taylor")
    assert view.regularity_by[arrangement].due >= 1  # a contract since 2020
    assert all(m.share is None or 0 <= m.share <= 1 for m in view.regularity)


def test_the_supervisor_sees_who_must_sign_and_overdue_actions(sam):
    db = sam["db"]
    arrangement = bf.arrangement_id(db, "sam.taylor")
    cf.action(db, arrangement, bf.user_id(db, "sam.taylor"), clock.today() - timedelta(days=3))
    cf.action(db, arrangement, bf.user_id(db, "sam.taylor"), clock.today())  # due today: not yet
    scope = insights.supervisor_scope(db, load_actor(db, "helen.carter"))
    columns = insights.summary_extras(db, scope)[arrangement]
    assert columns["Records waiting for a signature"] == 1
    assert columns["Who must sign"] == "Sam Taylor (1)"
    assert columns["Overdue actions"] == 1
    assert columns["Oldest overdue action due"] == clock.day(clock.today() - timedelta(days=3))
    assert columns["Regularity, last 12 months"].endswith("on time)")
    jordan = bf.arrangement_id(db, "jordan.ellis")
    assert insights.summary_extras(db, scope)[jordan]["Regularity, last 12 months"] == \
        "No signed contract yet"


def test_a_fixed_number_of_queries_however_big_the_team(sam):
    db = sam["db"]

    def statements(scope):
        seen = []
        db.conn.set_trace_callback(seen.append)
        compliance.team_compliance(db, scope)
        db.conn.set_trace_callback(None)
        return [s for s in seen if s.lstrip().upper().startswith(("SELECT", "WITH"))]

    small = statements(team(db, kind="line", months_back=3))
    bf.add(db, "chloe.wright", bf.monthly(clock.today(), 12, bf.balanced))
    bf.add(db, "zara.hussain", bf.monthly(clock.today(), 12, bf.balanced))
    large = statements(team(db, kind="line", months_back=24))
    assert len(small) == len(large)


def test_the_scope_changes_with_records_actions_contracts_and_the_grace_setting(sam):
    db = sam["db"]
    arrangement = bf.arrangement_id(db, "sam.taylor")
    scopes = [team(db)]
    db.execute("UPDATE records SET status = 'agreed' WHERE status = 'shared'")
    scopes.append(team(db))
    cf.action(db, arrangement, bf.user_id(db, "sam.taylor"), date(2026, 1, 1))
    scopes.append(team(db))
    db.execute("UPDATE contracts SET share_within_days = 2 WHERE arrangement_id = ?",
               [arrangement])
    scopes.append(team(db))
    settings.update(db, load_actor(db, "admin"), {"overdue_grace_days": 9})
    scopes.append(team(db))
    assert len(set(scopes)) == len(scopes)
    assert scopes[-1].grace_days == 9
