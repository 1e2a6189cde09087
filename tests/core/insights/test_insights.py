"""Who sees which balance: core/insights/views.py against the permission matrix,
for every role, on the demo organisation with a seeded history."""

from datetime import date

import pytest


import balance_fixtures as bf  # noqa: E402

from core import clock, insights  # noqa: E402
from core.insights import views as insight_views  # noqa: E402
from core.admin import settings
from core.errors import PermissionDenied  # noqa: E402
from core.access.roles import load_actor  # noqa: E402


@pytest.fixture
def demo(people_only):
    """The demo's people and arrangements with no supervision history: these tests
    make their own, and the demo's sessions and records would change their sums."""
    return people_only


@pytest.fixture
def story(demo):
    bf.seed_story(demo, clock.today())
    return demo


def who(db, username):
    return load_actor(db, username)


@pytest.mark.parametrize("username", ["sam.taylor", "helen.carter", "priya.shah"])
def test_the_supervisee_their_supervisor_and_their_team_lead_see_the_balance(story, username):
    sam = bf.arrangement_id(story, "sam.taylor")
    scope = insights.personal_scope(story, who(story, username), sam)
    view = insights.personal_balance(story, scope)
    assert [a.function for a in view.alerts] == ["support"]
    assert view.latest.shares["support"] == 0


@pytest.mark.parametrize("username", ["marcus.reid", "aisha.begum", "admin", "daniel.okafor",
                                      "chloe.wright"])
def test_everyone_else_is_refused_the_balance(story, username):
    sam = bf.arrangement_id(story, "sam.taylor")
    with pytest.raises(PermissionDenied, match="You do not have access to minutes"):
        insights.personal_scope(story, who(story, username), sam)
    with pytest.raises(PermissionDenied):
        insights.timeline_scope(story, who(story, username), sam, since=date(2025, 1, 1))


def test_a_supervisor_sees_only_their_current_supervisees(story):
    helen = insights.supervisor_scope(story, who(story, "helen.carter"))
    assert {s.supervisee for s in helen.subjects} == {
        "Sam Taylor", "Jordan Ellis", "Chloe Wright", "Tom Baker", "Zara Hussain"}
    marcus = insights.supervisor_scope(story, who(story, "marcus.reid"))
    names = {s.supervisee for s in marcus.subjects}
    assert "Sam Taylor" not in names and "Tom Baker" not in names  # Tom's ended
    view = insights.supervisor_overview(story, helen)
    alerted = {helen.label(i) for i, alerts in view.alerts.items() if alerts}
    assert alerted == {"Sam Taylor"}
    assert view.held[bf.arrangement_id(story, "jordan.ellis")] == 0


def test_admin_has_no_supervisees_and_no_team(story):
    admin = who(story, "admin")
    assert insights.supervisor_scope(story, admin).subjects == ()
    assert insights.led_teams(story, admin) == []
    team = story.execute("SELECT id FROM teams ORDER BY id").fetchone()[0]
    with pytest.raises(PermissionDenied, match="teams you lead"):
        insights.team_scope(story, admin, team)


def test_a_team_lead_sees_only_their_own_teams(story):
    priya, daniel = who(story, "priya.shah"), who(story, "daniel.okafor")
    mine = next(iter(priya.led_team_ids))
    theirs = next(iter(daniel.led_team_ids))
    scope = insights.team_scope(story, priya, mine)
    assert "Sam Taylor" in {s.supervisee for s in scope.subjects}
    assert "Ollie Grant" not in {s.supervisee for s in scope.subjects}
    with pytest.raises(PermissionDenied):
        insights.team_scope(story, priya, theirs)
    view = insights.team_overview(story, scope)
    alerts = insights.alert_list(view, scope)
    assert [(s.supervisee, a.function) for s, a in alerts] == [("Sam Taylor", "support")]


def test_the_team_grid_shows_support_neglected_for_sam(story):
    priya = who(story, "priya.shah")
    scope = insights.team_scope(story, priya, next(iter(priya.led_team_ids)))
    cells = insights.grid(insights.team_overview(story, scope), scope)
    sam = bf.arrangement_id(story, "sam.taylor")
    latest = [c for c in cells if c.arrangement_id == sam][-1]
    assert latest.state == "Personal support neglected" and latest.mark == "S"
    assert len(cells) == len(scope.subjects) * 12
    jordan = [c for c in cells if c.arrangement_id == bf.arrangement_id(story, "jordan.ellis")]
    assert {c.state for c in jordan} == {"No session"} and {c.mark for c in jordan} == {"–"}


def test_filters_by_kind_and_period(story):
    daniel = who(story, "daniel.okafor")
    team = next(iter(daniel.led_team_ids))
    cp = insights.team_scope(story, daniel, team, kind="child_protection")
    assert [(s.supervisee, s.kind) for s in cp.subjects] == [("Ravi Patel", "child_protection")]
    everyone = insights.team_scope(story, daniel, team, kind="all")
    assert len(everyone.subjects) > len(cp.subjects)
    assert insights.team_scope(story, daniel, team, kind="clinical").subjects == ()
    short = insights.team_scope(story, daniel, team, months_back=3)
    assert (short.until.year * 12 + short.until.month) - (
        short.since.year * 12 + short.since.month) == 2
    with pytest.raises(ValueError):
        insights.team_scope(story, daniel, team, months_back=5)


def test_a_team_with_no_data_in_the_period_says_so(story):
    daniel = who(story, "daniel.okafor")
    scope = insights.team_scope(story, daniel, next(iter(daniel.led_team_ids)))
    view = insights.team_overview(story, scope)
    assert scope.subjects and not view.has_data()
    assert insights.alert_list(view, scope) == []


def test_a_supervisee_who_changed_supervisor_is_named_apart(story):
    priya = who(story, "priya.shah")
    scope = insights.team_scope(story, priya, next(iter(priya.led_team_ids)))
    toms = [scope.label(s.arrangement_id) for s in scope.subjects if s.supervisee == "Tom Baker"]
    assert len(toms) == 2 and len(set(toms)) == 2
    assert any("Marcus Reid" in t for t in toms)


def test_timeline_has_dates_statuses_minutes_and_no_text(story):
    bf.add(story, "sam.taylor", [bf.session(clock.today(), status="cancelled")])
    priya = who(story, "priya.shah")
    sam = bf.arrangement_id(story, "sam.taylor")
    rows = insights.timeline(story, insights.timeline_scope(
        story, priya, sam, since=date(2020, 1, 1)))
    assert len(rows) == 19 and rows[-1].status == "cancelled"
    assert rows[0].minutes == {"performance": 50, "development": 25, "support": 30}
    assert rows[-2].minutes["support"] == 0
    assert bf.SUPPORT_TEXT not in repr(rows) and bf.SUPPORT_TITLE not in repr(rows)


def test_views_carry_no_record_text(story):
    priya = who(story, "priya.shah")
    scope = insights.team_scope(story, priya, next(iter(priya.led_team_ids)))
    everything = repr(insights.team_overview(story, scope)) + repr(scope)
    for text in (bf.SUPPORT_TEXT, bf.SUPPORT_TITLE, bf.PERFORMANCE_TEXT):
        assert text not in everything


def test_wellbeing_is_the_supervisees_own_unless_shared(story):
    chloe_id = bf.user_id(story, "chloe.wright")
    own = insights.wellbeing(story, who(story, "chloe.wright"), chloe_id)
    assert len(own) == 6 and {p.shared for p in own} == {True, False}
    supervisor = insights.wellbeing(story, who(story, "helen.carter"), chloe_id)
    assert supervisor == [p for p in own if p.shared]
    for username in ("priya.shah", "admin", "marcus.reid", "sam.taylor"):
        with pytest.raises(PermissionDenied, match="wellbeing"):
            insights.wellbeing(story, who(story, username), chloe_id)


def test_a_supervisor_sees_no_wellbeing_when_nothing_was_shared(story):
    sam_id = bf.user_id(story, "sam.taylor")
    bf.add(story, "sam.taylor", [bf.session(clock.today(), bf.balanced(0),
                                            wellbeing={"score": 2, "shared": False})])
    assert insights.wellbeing(story, who(story, "helen.carter"), sam_id) == []
    assert [p.score for p in insights.wellbeing(story, who(story, "sam.taylor"), sam_id)] == [2]


def test_thresholds_come_from_settings(story):
    sam = bf.arrangement_id(story, "sam.taylor")
    settings.update(story, who(story, "admin"), {"neglect_window": 24, "neglect_absent": 12})
    scope = insights.personal_scope(story, who(story, "sam.taylor"), sam)
    assert (scope.rule.share, scope.rule.window, scope.rule.absent) == (0.15, 24, 12)
    # 18 sessions are too few for a 24-session window; support is missing from 8, not 12.
    assert insights.personal_balance(story, scope).alerts == []


def test_a_write_changes_the_scope_so_cached_views_refresh(story):
    sam = bf.arrangement_id(story, "sam.taylor")
    actor = who(story, "sam.taylor")
    before = insights.personal_scope(story, actor, sam)
    assert insights.personal_scope(story, actor, sam) == before
    bf.add(story, "sam.taylor", [bf.session(clock.today(), bf.balanced(0))])
    after = insights.personal_scope(story, actor, sam)
    assert after != before
    [alert] = insights.personal_balance(story, after).alerts
    assert alert.low and not alert.absent  # support is back, but still too little


def test_other_parts_add_summary_columns(story, monkeypatch):
    scope = insights.supervisor_scope(story, who(story, "helen.carter"))
    monkeypatch.setattr(insight_views, "SUMMARY_PROVIDERS", [
        lambda db, sc: {i: {"Overdue actions": 0} for i in sc.arrangement_ids}])
    extras = insights.summary_extras(story, scope)
    assert set(extras) == set(scope.arrangement_ids)
    assert all(v == {"Overdue actions": 0} for v in extras.values())


def test_an_ended_arrangement_keeps_its_history_but_raises_no_alert(story):
    """Tom Baker's earlier arrangement with Marcus Reid ended nine months ago."""
    with_marcus = bf.arrangement_id(story, "tom.baker", current=False)
    bf.add(story, "tom.baker", bf.monthly(bf.add_months(clock.today(), -10), 4,
                                          lambda i: {"performance": 60}), current=False)
    priya = who(story, "priya.shah")
    scope = insights.team_scope(story, priya, next(iter(priya.led_team_ids)))
    view = insights.team_overview(story, scope)
    assert view.alerts[with_marcus]  # support never came up with Marcus Reid
    assert view.held[with_marcus] > 0  # and the grid still shows those months
    assert all(s.arrangement_id != with_marcus for s, _ in insights.alert_list(view, scope))
