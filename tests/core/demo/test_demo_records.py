"""The demo's records: every held session has a full record, the set pieces are
there, and Chloe Wright's personal support fades into a neglect alert that most
others do not get."""

from core import clock, insights, records
from core.admin import settings
from core.insights import views as insight_views
from core.insights.balance import Rule, neglect
from core.access.roles import load_actor


def rows(db, sql, args=()):
    return list(db.query(sql, args))


def test_every_held_session_has_a_record_with_all_three_functions_somewhere(demo):
    assert rows(demo, "SELECT s.id FROM sessions s LEFT JOIN records r ON r.session_id = s.id "
                      "WHERE s.status = 'held' AND r.id IS NULL") == []
    functions = {r["function"] for r in rows(demo, "SELECT DISTINCT function FROM agenda_items")}
    assert functions == {"performance", "development", "support"}
    counts = {r["status"]: r["n"] for r in rows(
        demo, "SELECT status, COUNT(*) AS n FROM records GROUP BY status")}
    assert counts["agreed"] > counts.get("draft", 0) + counts.get("shared", 0)
    assert counts["disputed"] == 1 and counts.get("draft", 0) + counts["shared"] >= 2


def test_case_items_have_decisions_with_rationale_and_no_names(demo):
    cases = rows(demo, "SELECT * FROM agenda_items WHERE decision <> ''")
    assert cases and all(c["rationale"].strip() and c["case_ref"] for c in cases)
    assert all(c["case_ref"][:3] in ("CS-", "CR-") for c in cases)


def test_actions_open_done_dropped_and_overdue(demo):
    statuses = {r["status"] for r in rows(demo, "SELECT DISTINCT status FROM actions")}
    assert statuses == {"open", "done", "dropped"}
    overdue = rows(demo, "SELECT u.username FROM actions x JOIN users u ON u.id = x.owner_id "
                         "WHERE x.status = 'open' AND x.due_date < ?", [clock.today().isoformat()])
    assert sorted(r["username"] for r in overdue) == ["sam.taylor", "zara.hussain"]
    carried = rows(demo, "SELECT COUNT(*) AS n FROM agenda_items WHERE source = 'action'")
    assert carried[0]["n"] > 0


def test_one_flag_one_late_record_one_dispute_kept(demo):
    flagged = rows(demo, "SELECT safeguarding_reason FROM agenda_items WHERE safeguarding = 1")
    assert len(flagged) == 1 and flagged[0]["safeguarding_reason"]
    priya = load_actor(demo, "priya.shah")
    late = records.late_records(demo, priya)
    assert [r["supervisee_name"] for r in late] == ["Chloe Wright"]
    kept = rows(demo, "SELECT resolution FROM record_disputes ORDER BY id")
    assert sorted(str(r["resolution"]) for r in kept) == ["None", "kept"]


def _alerts(db, supervisee: str) -> list:
    arr = rows(db, "SELECT a.id, sr.username AS boss FROM arrangements a "
                   "JOIN users se ON se.id = a.supervisee_id JOIN users sr ON sr.id = a.supervisor_id "
                   "WHERE se.username = ? AND a.end_date IS NULL AND a.kind = 'line'", [supervisee])[0]
    scope = insights.personal_scope(db, load_actor(db, arr["boss"]), arr["id"])
    tallies = insight_views._tallies(db, scope, lead=12)[arr["id"]]
    return neglect(tallies, Rule.from_settings(settings.all_values(db)))


def test_chloes_personal_support_fades_into_a_neglect_alert(demo):
    alerts = _alerts(demo, "chloe.wright")
    assert [(a.function, a.absent, a.low) for a in alerts] == [("support", True, True)]
    for supervisee in ("sam.taylor", "jordan.ellis", "zara.hussain", "tom.baker",
                       "ollie.grant", "megan.price", "ravi.patel", "grace.holt",
                       "liam.oconnor", "helen.carter", "marcus.reid"):
        assert _alerts(demo, supervisee) == [], supervisee


def test_the_demo_is_the_same_on_every_load(tmp_path):
    import db as storage
    from core.demo import load

    def content(name):
        db = storage.connect(tmp_path / name)
        with db.atomic():
            load(db, clock.today())
        return (rows(db, "SELECT session_id, position, title, function, minutes, decision "
                         "FROM agenda_items ORDER BY id"),
                rows(db, "SELECT description, status, due_date FROM actions ORDER BY id"))

    first = content("one.db")
    assert first == content("two.db") and len(first[0]) > 100
