"""File audits: the admin's checklist, the facts an audit is pre-filled from, the
audits themselves and the quarter's random sample of files.

The preloaded checklist is written here because the migration that installs it
(m015) runs in db/. Items with a key are the ones the portal judges from its data.
"""

import json

from sqlite_utils import Database

CHECKLIST = [
    ("contract", "A signed contract states the frequency and type of supervision."),
    ("frequency", "Supervision is as frequent as the contract says; missed sessions have "
                  "reasons."),
    ("signatures", "Each record is signed by both and was shared within the contract's time."),
    ("agenda", "The agenda was prepared by both."),
    ("review", "Previous decisions and actions were reviewed."),
    ("case_decisions", "Case decisions are recorded with their rationale and copied to the "
                       "case system (case notes downloaded)."),
    ("reflection", "There is evidence of reflection, and wellbeing, learning and workload "
                   "were discussed."),
]


def install_checklist(db: Database) -> None:
    if db.execute("SELECT 1 FROM audit_checklist").fetchone():
        return
    db["audit_checklist"].insert_all(
        [{"position": i, "key": key, "text": text}
         for i, (key, text) in enumerate(CHECKLIST, start=1)])


# ---------------------------------------------------------------- checklist

def checklist(db: Database, *, retired: bool = False) -> list[dict]:
    where = "" if retired else " WHERE retired_at IS NULL"
    return list(db.query(f"SELECT * FROM audit_checklist{where} ORDER BY position, id"))


def update_item(db: Database, item_id: int, **fields) -> None:
    db["audit_checklist"].update(item_id, fields)


def add_item(db: Database, text: str) -> int:
    position = db.execute("SELECT coalesce(max(position), 0) + 1 FROM audit_checklist"
                          ).fetchone()[0]
    return db["audit_checklist"].insert({"position": position, "key": None,
                                         "text": text}).last_pk


# ---------------------------------------------------------------- facts for the evidence

def contracts(db: Database, arrangement_id: int) -> list[dict]:
    return list(db.query(
        "SELECT id, version, cadence_kind, cadence_weeks, fte, start_date, review_date, "
        "share_within_days, supervisor_signed_at, supervisee_signed_at FROM contracts "
        "WHERE arrangement_id = ? ORDER BY version", [arrangement_id]))


def cancelled(db: Database, arrangement_id: int, start: str, end: str) -> list[dict]:
    """Cancelled sessions in the period: whether a reason was given, never the reason."""
    return list(db.query(
        "SELECT id AS session_id, substr(scheduled_at, 1, 10) AS day, "
        "trim(coalesce(cancel_reason, '')) <> '' AS has_reason FROM sessions "
        "WHERE arrangement_id = ? AND status = 'cancelled' "
        "AND substr(scheduled_at, 1, 10) BETWEEN ? AND ? ORDER BY scheduled_at",
        [arrangement_id, start, end]))


def item_facts(db: Database, session_ids: list[int]) -> list[dict]:
    """Per agenda item: its source and function, and whether a case item has a
    decision and a rationale (flags only: no text leaves this query)."""
    return list(db.query(
        """SELECT id, session_id, source, function,
                  trim(case_ref) <> '' AS is_case,
                  trim(decision) <> '' AS has_decision,
                  trim(rationale) <> '' AS has_rationale
           FROM agenda_items WHERE session_id IN (SELECT value FROM json_each(?))""",
        [json.dumps(session_ids)]))


def case_notes_downloaded(db: Database, item_ids: list[int]) -> set[int]:
    """The items whose case note someone downloaded (the audit trail records each)."""
    return {r[0] for r in db.execute(
        "SELECT DISTINCT entity_id FROM audit_events WHERE entity = 'agenda_item' "
        "AND action = 'case_note_downloaded' "
        "AND entity_id IN (SELECT value FROM json_each(?))", [json.dumps(item_ids)])}


def action_facts(db: Database, session_ids: list[int]) -> list[dict]:
    return list(db.query(
        "SELECT id, session_id, status, due_date FROM actions "
        "WHERE session_id IN (SELECT value FROM json_each(?))", [json.dumps(session_ids)]))


def submitted_reflections(db: Database, session_ids: list[int]) -> set[int]:
    return {r[0] for r in db.execute(
        "SELECT session_id FROM reflections WHERE submitted_at IS NOT NULL "
        "AND session_id IN (SELECT value FROM json_each(?))", [json.dumps(session_ids)])}


# ---------------------------------------------------------------- audits

def insert_audit(db: Database, row: dict, answers: list[dict]) -> int:
    audit_id = db["file_audits"].insert(row).last_pk
    db["file_audit_answers"].insert_all(
        [dict(a, audit_id=audit_id, evidence=json.dumps(a["evidence"])) for a in answers])
    return audit_id


def get_audit(db: Database, audit_id: int) -> dict | None:
    rows = list(db.query(
        """SELECT f.*, u.name AS auditor_name, a.supervisee_id, a.supervisor_id,
                  se.name AS supervisee_name, sr.name AS supervisor_name
           FROM file_audits f JOIN users u ON u.id = f.auditor_id
           JOIN arrangements a ON a.id = f.arrangement_id
           JOIN users se ON se.id = a.supervisee_id JOIN users sr ON sr.id = a.supervisor_id
           WHERE f.id = ?""", [audit_id]))
    if not rows:
        return None
    answers = [dict(a, evidence=json.loads(a["evidence"])) for a in db.query(
        "SELECT * FROM file_audit_answers WHERE audit_id = ? ORDER BY position", [audit_id])]
    return dict(rows[0], answers=answers)


def audits_of(db: Database, arrangement_ids: list[int]) -> list[dict]:
    return list(db.query(
        """SELECT f.id, f.arrangement_id, f.auditor_id, f.started_at, f.shared_at,
                  f.overall_grade,
                  f.period_start, f.period_end, u.name AS auditor_name,
                  se.name AS supervisee_name, sr.name AS supervisor_name
           FROM file_audits f JOIN users u ON u.id = f.auditor_id
           JOIN arrangements a ON a.id = f.arrangement_id
           JOIN users se ON se.id = a.supervisee_id JOIN users sr ON sr.id = a.supervisor_id
           WHERE f.arrangement_id IN (SELECT value FROM json_each(?))
           ORDER BY f.started_at DESC, f.id DESC""",
        [json.dumps(arrangement_ids)]))


def update_answer(db: Database, audit_id: int, position: int, grade: str | None,
                  reason: str) -> None:
    db.execute("UPDATE file_audit_answers SET grade = ?, reason = ? "
               "WHERE audit_id = ? AND position = ?", [grade, reason, audit_id, position])


def update_audit(db: Database, audit_id: int, **fields) -> None:
    db["file_audits"].update(audit_id, fields)


# ---------------------------------------------------------------- sampling

def sample(db: Database, team_id: int, quarter: str) -> list[dict]:
    return list(db.query(
        """SELECT s.*, se.name AS supervisee_name, sr.name AS supervisor_name,
                  f.shared_at AS audit_shared_at
           FROM file_audit_samples s JOIN arrangements a ON a.id = s.arrangement_id
           JOIN users se ON se.id = a.supervisee_id JOIN users sr ON sr.id = a.supervisor_id
           LEFT JOIN file_audits f ON f.id = s.audit_id
           WHERE s.team_id = ? AND s.quarter = ? ORDER BY se.name""", [team_id, quarter]))


def insert_sample(db: Database, rows: list[dict]) -> None:
    db["file_audit_samples"].insert_all(rows)


def link_sample(db: Database, quarter: str, arrangement_id: int, audit_id: int) -> None:
    db.execute("UPDATE file_audit_samples SET audit_id = ? WHERE quarter = ? "
               "AND arrangement_id = ? AND audit_id IS NULL",
               [audit_id, quarter, arrangement_id])
