"""Reads for a subject access export: rows about one person that no other query
gives whole (core/exports/subject_access.py decides what goes in)."""

import json

from sqlite_utils import Database


def teams(db: Database, user_id: int) -> list[dict]:
    """Teams the person belongs to or leads: [{id, name, member, leads}]."""
    return list(db.query(
        """SELECT t.id, t.name, (u.team_id = t.id) AS member, (t.lead_id = u.id) AS leads
           FROM teams t JOIN users u ON u.id = ?
           WHERE u.team_id = t.id OR t.lead_id = u.id ORDER BY t.name""", [user_id]))


def informal_contacts(db: Database, arrangement_ids: list[int]) -> list[dict]:
    return list(db.query(
        """SELECT * FROM informal_contacts
           WHERE arrangement_id IN (SELECT value FROM json_each(?))
           ORDER BY contact_date, id""", [json.dumps(sorted(set(arrangement_ids)))]))


def reflections_written(db: Database, user_id: int) -> list[dict]:
    """Every reflection the person wrote (drafts and submitted), with the session's
    date, oldest first."""
    return [dict(r, answers=json.loads(r["answers"]), agenda=json.loads(r["agenda"]))
            for r in db.query(
                """SELECT r.*, s.scheduled_at FROM reflections r
                   JOIN sessions s ON s.id = r.session_id
                   WHERE r.supervisee_id = ? ORDER BY s.scheduled_at, r.id""", [user_id])]


def actions_owned(db: Database, user_id: int) -> list[dict]:
    return list(db.query("SELECT * FROM actions WHERE owner_id = ? ORDER BY due_date, id",
                         [user_id]))


def audit_events(db: Database, user_id: int) -> list[dict]:
    """Audit events the person caused, or about their account, oldest first."""
    return [dict(r, detail=json.loads(r["detail"])) for r in db.query(
        """SELECT * FROM audit_events
           WHERE actor_id = ? OR (entity = 'user' AND entity_id = ?) ORDER BY id""",
        [user_id, user_id])]


def notices(db: Database, user_id: int) -> list[dict]:
    return list(db.query("SELECT * FROM notices WHERE user_id = ? ORDER BY at, id", [user_id]))


def feedback(db: Database, user_id: int) -> list[dict]:
    """Session feedback the person gave (as supervisee) or that was given on sessions they
    supervised: one row per feedback with its scores as [{statement, score}]."""
    rows = list(db.query(
        """SELECT f.id, f.session_id, f.arrangement_id, f.supervisee_id, a.supervisor_id,
                  f.comment, f.comment_shared, f.created_at, s.scheduled_at
           FROM session_feedback f JOIN arrangements a ON a.id = f.arrangement_id
           JOIN sessions s ON s.id = f.session_id
           WHERE f.supervisee_id = :u OR a.supervisor_id = :u
           ORDER BY s.scheduled_at, f.id""", {"u": user_id}))
    scores: dict[int, list] = {}
    for r in db.query(
            """SELECT x.feedback_id, st.text AS statement, x.score FROM feedback_scores x
               JOIN feedback_statements st ON st.id = x.statement_id
               WHERE x.feedback_id IN (SELECT value FROM json_each(?))
               ORDER BY st.position""", [json.dumps([r["id"] for r in rows])]):
        scores.setdefault(r["feedback_id"], []).append(
            {"statement": r["statement"], "score": r["score"]})
    return [dict(r, scores=scores.get(r["id"], [])) for r in rows]


def file_audit_ids(db: Database, user_id: int) -> list[dict]:
    """File audits of the person's supervision (as supervisee or supervisor) and those
    they ran as auditor: [{id, auditor_id, supervisee_id, supervisor_id, shared_at}]."""
    return list(db.query(
        """SELECT f.id, f.auditor_id, a.supervisee_id, a.supervisor_id, f.shared_at
           FROM file_audits f JOIN arrangements a ON a.id = f.arrangement_id
           WHERE f.auditor_id = :u OR a.supervisee_id = :u OR a.supervisor_id = :u
           ORDER BY f.started_at, f.id""", {"u": user_id}))
