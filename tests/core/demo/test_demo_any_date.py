"""The demo tells the README's story on whatever day it is loaded.

The demo is loaded with the clock frozen on several days across a year (a bank
holiday, a weekend, both clock changes, today) and each story the README tells
is checked through core functions with the clock still on that day:

- Grace Holt's supervision, and only hers, has fallen overdue (her last session
  cancelled by Marcus Reid); every other current arrangement has its next
  session planned;
- Chloe Wright's contract, and only hers, is due for review;
- Sam Taylor and Zara Hussain each have one overdue action, and nobody else any;
- Chloe Wright's record was once shared late, the only late one;
- Chloe Wright's personal support has faded (a neglect alert), nobody else's;
- Tom Baker changed supervisor nine months ago: Marcus Reid keeps read-only
  access to his earlier records, and Tom has disputed one record;
- Sam Taylor has a reflection draft in progress and Jordan Ellis a submitted one
  for Helen Carter ("reflection ready" on her home page);
- every held session has a record, and one item is flagged for safeguarding;
- Helen Carter's supervisees gave enough feedback for Priya Shah to see averages
  (a quarter's and Helen's); Marcus Reid's too little for Daniel Okafor to see any;
- Priya Shah's sample for the quarter holds Chloe Wright's file, audited and
  shared with Chloe and Helen Carter, and Tom Baker's, still to do.
"""

from datetime import date, datetime, timedelta

import pytest
from supervision_setup import arrangement_of, who

import db as storage
from core import clock, contracts, home, insights, records, sessions
from core.access import arrangement_access
from core.people import sign_in as auth
from core.quality import feedback
from core.quality import file_audits
from core.preparation import reflections
from core.sessions import regularity
from core.demo import load
from core.demo.people import months_ago
from core.preparation.reflections import State
from core.tasks import Destination

DAYS = [
    clock.today(),                    # whatever today is
    date(2026, 12, 25),               # Christmas Day: a bank holiday, a Friday
    date(2027, 1, 16),                # a Saturday
    datetime(2027, 3, 28, 23, 30),    # the clocks went forward that night (BST)
    date(2027, 5, 3),                 # Early May bank holiday, a Monday
    date(2027, 7, 14),                # a Wednesday in the summer
    datetime(2026, 10, 25, 0, 30),    # the clocks go back that night, an hour later
]


def _name(when) -> str:
    return when.isoformat(timespec="minutes") if isinstance(when, datetime) else str(when)


@pytest.fixture(scope="module", params=DAYS, ids=_name)
def loaded(request, tmp_path_factory):
    """The demo loaded on that day: (the moment, the database file)."""
    path = tmp_path_factory.mktemp("demo-on") / "demo.db"
    original, auth.BCRYPT_ROUNDS = auth.BCRYPT_ROUNDS, 4
    try:
        with clock.frozen(request.param):
            db = storage.connect(path)
            with db.atomic():
                load(db, clock.today())
            db.conn.close()
    finally:
        auth.BCRYPT_ROUNDS = original
    return request.param, path


@pytest.fixture
def demo_on(loaded):
    """The demo as loaded on that day, with the clock still on that day."""
    when, path = loaded
    with clock.frozen(when):
        yield storage.connect(path)


def everyone(db) -> list[str]:
    return [r["username"] for r in db.query("SELECT username FROM users ORDER BY username")]


def current_arrangements(db) -> list[dict]:
    return [a for a in arrangement_access.visible(db, who(db, "admin"))
            if not arrangement_access.ended(a)]


def urgent_session_tasks(db, username) -> list[str]:
    return [t.text for t in home.tasks_for(db, who(db, username))
            if t.urgent and t.to is Destination.SESSIONS]


def test_only_grace_holts_supervision_has_fallen_overdue(demo_on):
    db = demo_on
    figures = regularity.summaries(db, who(db, "admin"),
                                   [a["id"] for a in current_arrangements(db)])
    late = {i: (f["last_held"], f["next_due"]) for i, f in figures.items() if f["overdue"]}
    grace = arrangement_of(db, "grace.holt")
    assert list(late) == [grace], late
    last = sessions.sessions_for(db, who(db, "marcus.reid"), grace)[0]
    assert last["status"] == "cancelled" and last["cancelled_by_name"] == "Marcus Reid"
    assert next(iter(sessions.planned_ahead(db, who(db, "admin"), grace)), None) is None
    flagged = {u for u in everyone(db) if urgent_session_tasks(db, u)}
    assert flagged == {"grace.holt", "marcus.reid", "daniel.okafor"}
    for username in flagged:
        assert len(urgent_session_tasks(db, username)) == 1, username


def test_every_other_current_arrangement_has_its_next_session_planned(demo_on):
    db = demo_on
    grace = arrangement_of(db, "grace.holt")
    for arr in current_arrangements(db):
        if arr["id"] != grace:
            ahead = next(iter(sessions.planned_ahead(db, who(db, "admin"), arr["id"])), None)
            assert ahead and sessions.starts(ahead).date() > clock.today(), arr["supervisee_name"]
    for row in db.query("SELECT * FROM sessions WHERE status = 'held'"):
        assert row["held_on"] < clock.today().isoformat()


def test_only_chloe_wrights_contract_is_due_for_review(demo_on):
    db = demo_on
    due = [a["supervisee_name"] for a in current_arrangements(db)
           if contracts.review_due(contracts.current_contract(db, a["id"]), clock.today())]
    assert due == ["Chloe Wright"]
    reviews = {u for u in everyone(db)
               if any("is due for review" in t.text for t in home.tasks_for(db, who(db, u)))}
    assert reviews == {"helen.carter", "chloe.wright"}


def test_sam_taylor_and_zara_hussain_each_have_an_overdue_action(demo_on):
    db = demo_on
    overdue = [r["username"] for r in db.query(
        "SELECT u.username FROM actions x JOIN users u ON u.id = x.owner_id "
        "WHERE x.status = 'open' AND x.due_date < ? ORDER BY u.username",
        [clock.today().isoformat()])]
    assert overdue == ["sam.taylor", "zara.hussain"]
    for username in everyone(db):
        shown = [t for t in home.tasks_for(db, who(db, username))
                 if t.text.startswith("Overdue action")]
        assert len(shown) == (username in overdue), username


def test_only_chloe_wrights_record_was_shared_late(demo_on):
    db = demo_on
    assert [r["supervisee_name"] for r in records.late_records(db, who(db, "priya.shah"))] \
        == ["Chloe Wright"]
    assert records.late_records(db, who(db, "daniel.okafor")) == []
    assert records.late_records(db, who(db, "aisha.begum")) == []
    late = [t.text for u in everyone(db) for t in home.tasks_for(db, who(db, u))
            if t.text.startswith("Share the record") and t.urgent]
    assert late == []  # nothing is waiting to be shared past its time


def test_only_chloe_wrights_personal_support_has_faded(demo_on):
    db = demo_on
    alerts = {}
    for supervisor in ("priya.shah", "daniel.okafor", "helen.carter", "marcus.reid",
                       "aisha.begum"):
        scope = insights.supervisor_scope(db, who(db, supervisor))
        overview = insights.supervisor_overview(db, scope)
        for subject in scope.subjects:
            found = overview.alerts.get(subject.arrangement_id, [])
            if found:
                alerts[subject.arrangement_id] = [(a.function, a.absent, a.low) for a in found]
    assert alerts == {arrangement_of(db, "chloe.wright"): [("support", True, True)]}
    for lead in ("priya.shah", "daniel.okafor"):
        actor = who(db, lead)
        named = []
        for team in insights.led_teams(db, actor):
            scope = insights.team_scope(db, actor, team["id"])
            overview = insights.team_overview(db, scope)
            named += [(s.arrangement_id, a.function)
                      for s, a in insights.alert_list(overview, scope)]
        expected = [(arrangement_of(db, "chloe.wright"), "support")] if lead == "priya.shah" \
            else []
        assert named == expected, lead


def test_tom_baker_changed_supervisor_nine_months_ago_and_disputed_one_record(demo_on):
    db = demo_on
    earlier = arrangement_of(db, "tom.baker", supervisor="marcus.reid")
    now = arrangement_of(db, "tom.baker", supervisor="helen.carter")
    starts = {r["id"]: r for r in db.query("SELECT * FROM arrangements WHERE id IN (?, ?)",
                                           [earlier, now])}
    assert starts[now]["start_date"] == months_ago(clock.today(), 9).isoformat()
    assert starts[earlier]["end_date"] < starts[now]["start_date"]
    contract = contracts.current_contract(db, now)
    assert contract["review_reason"] == "Supervisor changed from Marcus Reid to Helen Carter."
    marcus = {r["arrangement_id"]: r["side"] for r in records.my_records(db, who(db, "marcus.reid"))}
    assert marcus.get(earlier) == "supervisor"  # read-only: the arrangement has ended
    assert arrangement_access.ended(starts[earlier])
    assert earlier not in {r["arrangement_id"] for r in records.my_records(db, who(db, "helen.carter"))}
    disputed = [(r["supervisee_name"], r["supervisor_name"])
                for r in records.my_records(db, who(db, "helen.carter")) if r["status"] == "disputed"]
    assert disputed == [("Tom Baker", "Helen Carter")]
    assert db.execute("SELECT COUNT(*) FROM records WHERE status = 'disputed'").fetchone()[0] == 1


def test_sam_has_a_draft_in_progress_and_jordans_reflection_is_ready(demo_on):
    db = demo_on
    sam, helen = who(db, "sam.taylor"), who(db, "helen.carter")
    upcoming = [s for s in reflections.upcoming(db, sam)
                if reflections.session_date(s["scheduled_at"]) >= clock.today()]
    draft = reflections.open_draft(db, sam, upcoming[0]["session_id"])
    assert draft["state"] is State.DRAFT and reflections.answered_count(draft) >= 2
    ready = [t.text for t in home.tasks_for(db, helen) if t.text.startswith("Reflection ready")]
    assert len(ready) == 1 and ready[0].startswith("Reflection ready: Jordan Ellis, session on")
    assert any(t.text.startswith("Prepare for your session")
               for t in home.tasks_for(db, sam))


def test_every_held_session_has_a_record_and_one_item_is_flagged(demo_on):
    db = demo_on
    assert db.execute("SELECT COUNT(*) FROM sessions s LEFT JOIN records r ON r.session_id = "
                      "s.id WHERE s.status = 'held' AND r.id IS NULL").fetchone()[0] == 0
    flagged = list(db.query("SELECT u.username FROM agenda_items i JOIN sessions s ON "
                            "s.id = i.session_id JOIN arrangements a ON a.id = s.arrangement_id "
                            "JOIN users u ON u.id = a.supervisee_id WHERE i.safeguarding = 1"))
    assert [r["username"] for r in flagged] == ["sam.taylor"]
    statuses = {r["status"] for r in db.query("SELECT status FROM records")}
    assert statuses >= {"agreed", "shared", "disputed"}
    first = min(r["start_date"] for r in db.query("SELECT start_date FROM contracts"))
    assert first >= (months_ago(clock.today(), 18) - timedelta(days=1)).isoformat()


def test_feedback_passes_the_threshold_for_helen_carter_only(demo_on):
    db = demo_on
    year = clock.today() - timedelta(days=365)
    priya, daniel = who(db, "priya.shah"), who(db, "daniel.okafor")
    helen = feedback.team_summary(db, priya, next(iter(priya.led_team_ids)), year)
    assert any(p.average is not None for p in helen.by_quarter)
    assert {p.group for p in helen.by_supervisor if p.average is not None} == {"Helen Carter"}
    marcus = feedback.team_summary(db, daniel, next(iter(daniel.led_team_ids)), year)
    assert marcus.answered == 2
    assert all(p.average is None for p in marcus.by_quarter + marcus.by_supervisor)
    comments = {a.supervisee: a for a in feedback.for_supervisor(db, who(db, "helen.carter"))
                if a.comment or a.comment_kept_out}
    assert comments["Sam Taylor"].comment.startswith("Good to have time")
    assert comments["Zara Hussain"].comment is None and comments["Zara Hussain"].comment_kept_out


def test_one_file_audit_is_done_and_one_is_still_to_do(demo_on):
    db = demo_on
    priya = who(db, "priya.shah")
    drawn = file_audits.sample(db, priya, next(iter(priya.led_team_ids)))
    assert {(r["supervisee_name"], r["done"]) for r in drawn} == {
        ("Chloe Wright", True), ("Tom Baker", False)}
    for username in ("chloe.wright", "helen.carter", "priya.shah"):
        [shown] = file_audits.listing(db, who(db, username))
        found = file_audits.get(db, who(db, username), shown["id"])
        assert found["supervisee_name"] == "Chloe Wright" and found["shared_at"]
        assert all(a["grade"] for a in found["answers"]) and found["overall_grade"]
    for username in ("tom.baker", "sam.taylor", "daniel.okafor", "marcus.reid"):
        assert file_audits.listing(db, who(db, username)) == []
