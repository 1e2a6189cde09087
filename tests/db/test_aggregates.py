"""The SQL behind the balance charts: grouped per session and function, no
record text, one query however many arrangements, and a fingerprint that
moves with every write that changes a chart."""

from datetime import date

import pytest


import balance_fixtures as bf  # noqa: E402

from db import aggregates  # noqa: E402


@pytest.fixture
def demo(people_only):
    """The demo's people and arrangements with no supervision history: these tests
    make their own, and the demo's sessions and records would change their sums."""
    return people_only


D = date(2026, 3, 2)


def sessions(demo):
    """Sam: one timed, one counted in items, one cancelled, one held with no items yet."""
    return bf.add(demo, "sam.taylor", [
        bf.session(date(2026, 1, 5), {"performance": 40, "development": 20, "support": 30}),
        bf.session(date(2026, 2, 2), items={"performance": 2, "support": 1}),
        bf.session(date(2026, 2, 16), status="cancelled"),
        bf.session(D),
    ])


def test_function_totals_group_per_held_session_and_function(demo):
    timed, untimed, _cancelled, _empty = sessions(demo)
    sam = bf.arrangement_id(demo, "sam.taylor")
    rows = aggregates.function_totals(demo, [sam])
    assert {(r["session_id"], r["function"]): (r["minutes"], r["items"]) for r in rows} == {
        (timed, "performance"): (40, 1), (timed, "development"): (20, 1),
        (timed, "support"): (30, 1),
        (untimed, "performance"): (0, 2), (untimed, "support"): (0, 1),
    }
    assert set(rows[0]) == {"arrangement_id", "session_id", "held_on", "function", "minutes",
                            "items"}


def test_other_arrangements_are_left_out(demo):
    sessions(demo)
    chloe = bf.arrangement_id(demo, "chloe.wright")
    assert aggregates.function_totals(demo, [chloe]) == []
    assert aggregates.function_totals(demo, []) == []


def test_the_period_with_a_lead_of_earlier_sessions(demo):
    bf.add(demo, "sam.taylor", [bf.session(date(2025, m, 10), bf.balanced(0)) for m in range(1, 13)])
    sam = bf.arrangement_id(demo, "sam.taylor")
    days = lambda rows: sorted({r["held_on"] for r in rows})  # noqa: E731
    assert days(aggregates.function_totals(demo, [sam], since="2025-10-01")) == [
        "2025-10-10", "2025-11-10", "2025-12-10"]
    assert days(aggregates.function_totals(demo, [sam], since="2025-10-01", lead=2)) == [
        "2025-08-10", "2025-09-10", "2025-10-10", "2025-11-10", "2025-12-10"]
    assert days(aggregates.function_totals(demo, [sam], since="2025-10-01",
                                           until="2025-11-30")) == ["2025-10-10", "2025-11-10"]


def test_timeline_has_every_status_minutes_and_flag_counts_but_no_text(demo):
    bf.add(demo, "sam.taylor", [
        bf.session(date(2026, 1, 5), {"performance": 40, "support": 30}, flagged=True),
        bf.session(date(2026, 2, 16), status="cancelled"),
    ])
    sam = bf.arrangement_id(demo, "sam.taylor")
    rows = aggregates.timeline(demo, [sam], since="2026-01-01", until="2026-12-31")
    assert [(r["status"], r["performance_minutes"], r["support_minutes"], r["flagged"])
            for r in rows] == [("held", 40, 30, 1), ("cancelled", None, None, 0)]
    text = " ".join(str(v) for r in rows for v in r.values())
    assert bf.SUPPORT_TEXT not in text and bf.SUPPORT_TITLE not in text
    assert "Risk to a child" not in text


def test_wellbeing_only_from_submitted_reflections_with_a_score(demo):
    bf.add(demo, "sam.taylor", [
        bf.session(date(2026, 1, 5), bf.balanced(0), wellbeing={"score": 3, "shared": True}),
        bf.session(date(2026, 2, 5), bf.balanced(0), wellbeing={"score": 7}),
        bf.session(date(2026, 3, 5), bf.balanced(0)),
    ])
    sam, who = bf.arrangement_id(demo, "sam.taylor"), bf.user_id(demo, "sam.taylor")
    demo.execute("UPDATE reflections SET submitted_at = NULL WHERE wellbeing_score = 7")
    rows = aggregates.wellbeing(demo, who, [sam])
    assert [(r["score"], r["shared"]) for r in rows] == [(3, 1)]


def test_the_fingerprint_moves_with_chart_data_only(demo):
    ids = sessions(demo)
    sam = bf.arrangement_id(demo, "sam.taylor")
    chloe = bf.arrangement_id(demo, "chloe.wright")
    before = aggregates.versions(demo, [sam, chloe])
    assert [a for a, _ in before] == [sam]  # Chloe has no data yet: no row

    def moved(sql, args):
        old = aggregates.versions(demo, [sam])
        demo.execute(sql, args)
        return aggregates.versions(demo, [sam]) != old

    item = demo.execute("SELECT id FROM agenda_items WHERE session_id = ?", [ids[0]]).fetchone()[0]
    assert moved("UPDATE agenda_items SET minutes = 5 WHERE id = ?", [item])
    assert moved("UPDATE agenda_items SET function = 'support' WHERE id = ?", [item])
    assert moved("UPDATE sessions SET status = 'held', held_on = '2026-02-16' WHERE id = ?",
                 [ids[2]])
    assert moved("DELETE FROM agenda_items WHERE id = ?", [item])
    # Typing in a record or a reflection draft leaves cached charts alone.
    other = demo.execute("SELECT id FROM agenda_items WHERE session_id = ?", [ids[1]]).fetchone()[0]
    assert not moved("UPDATE agenda_items SET discussion = 'more words' WHERE id = ?", [other])
    assert not moved("UPDATE sessions SET private_notes = 'note' WHERE id = ?", [ids[0]])


def test_reflection_wellbeing_moves_the_fingerprint_but_drafting_does_not(demo):
    bf.add(demo, "sam.taylor", [bf.session(date(2026, 1, 5), bf.balanced(0),
                                           wellbeing={"score": 3})])
    sam = bf.arrangement_id(demo, "sam.taylor")
    before = aggregates.versions(demo, [sam])
    demo.execute("UPDATE reflections SET answers = '[\"draft\"]'")
    assert aggregates.versions(demo, [sam]) == before
    demo.execute("UPDATE reflections SET wellbeing_shared = 1")
    assert aggregates.versions(demo, [sam]) != before


def test_one_query_however_many_arrangements(demo):
    """The team view reads a fixed number of statements, never one per session or person."""
    from core import insights
    from core.access.roles import load_actor

    bf.seed_story(demo, date.today())
    priya = load_actor(demo, "priya.shah")
    team = next(iter(priya.led_team_ids))
    statements = []
    demo.conn.set_trace_callback(statements.append)
    scope = insights.team_scope(demo, priya, team)
    insights.team_overview(demo, scope)
    demo.conn.set_trace_callback(None)
    reads = [s for s in statements if "agenda_items" in s or "FROM sessions" in s]
    assert len(reads) == 1, reads
