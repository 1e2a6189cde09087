"""A retention purge also removes the supervisee's feedback on the arrangement's
sessions, its file audits and its place in a quarter's sample."""

from datetime import timedelta

from reflection_fixtures import actor, arrangement_id

from core import clock
from core.admin import retention


def _counts(db, arr: int) -> dict:
    queries = {
        "feedback": "SELECT count(*) FROM session_feedback WHERE arrangement_id = ?",
        "scores": "SELECT count(*) FROM feedback_scores WHERE feedback_id IN "
                  "(SELECT id FROM session_feedback WHERE arrangement_id = ?)",
        "audits": "SELECT count(*) FROM file_audits WHERE arrangement_id = ?",
        "answers": "SELECT count(*) FROM file_audit_answers WHERE audit_id IN "
                   "(SELECT id FROM file_audits WHERE arrangement_id = ?)",
        "samples": "SELECT count(*) FROM file_audit_samples WHERE arrangement_id = ?",
    }
    return {k: db.execute(q, [arr]).fetchone()[0] for k, q in queries.items()}


def test_chloe_wrights_feedback_and_audit_go_with_her_arrangement(demo):
    arr = arrangement_id(demo, "chloe.wright")
    assert all(n > 0 for n in _counts(demo, arr).values())  # the demo's
    end = clock.today() - timedelta(days=26 * 366)
    demo.execute("UPDATE arrangements SET start_date = ?, end_date = ? WHERE id = ?",
                 [(end - timedelta(days=1000)).isoformat(), end.isoformat(), arr])
    counts = retention.purge(demo, actor(demo, "admin"), [arr], "PURGE")
    assert counts["feedback"] > 0 and counts["file_audits"] == 1
    assert all(n == 0 for n in _counts(demo, arr).values())
