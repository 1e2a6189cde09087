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
