"""Aggregates for the compliance views: record sharing and signatures, overdue
actions and safeguarding flag counts. Dates, statuses and counts only: never
record text, never an action's description.

Arrangement ids go in as one JSON parameter (`json_each`), like db/aggregates.py.
"""

from sqlite_utils import Database

from .aggregates import _IDS, _ids


def record_states(db: Database, arrangement_ids, *, since: str, until: str) -> list[dict]:
    """Every held session held on since..until, with its contract's working days to
    share the record and the record's status and timestamps (None when no record
    has been started). Rows: arrangement_id, session_id, held_on, share_within_days,
    status, first_shared_at, supervisor_signed_at, supervisee_signed_at, agreed_at."""
    return list(db.query(
        f"""
        SELECT s.arrangement_id, s.id AS session_id, s.held_on, c.share_within_days,
               r.status, r.first_shared_at, r.supervisor_signed_at,
               r.supervisee_signed_at, r.agreed_at
        FROM sessions s
        JOIN contracts c ON c.id = s.contract_id
        LEFT JOIN records r ON r.session_id = s.id
        WHERE s.arrangement_id IN {_IDS} AND s.status = 'held'
          AND s.held_on >= :since AND s.held_on <= :until
        ORDER BY s.arrangement_id, s.held_on, s.id
        """,
        {"ids": _ids(arrangement_ids), "since": since, "until": until},
    ))


def awaiting_signature(db: Database, arrangement_ids) -> list[dict]:
    """Records shared or disputed and not yet agreed, whenever their session was.
    Rows: arrangement_id, session_id, held_on, status, shared_at,
    supervisor_signed_at, supervisee_signed_at."""
    return list(db.query(
        f"""
        SELECT s.arrangement_id, s.id AS session_id, s.held_on, r.status, r.shared_at,
               r.supervisor_signed_at, r.supervisee_signed_at
        FROM records r JOIN sessions s ON s.id = r.session_id
        WHERE s.arrangement_id IN {_IDS} AND r.status IN ('shared', 'disputed')
        ORDER BY s.arrangement_id, s.held_on, s.id
        """,
        {"ids": _ids(arrangement_ids)},
    ))


def open_actions(db: Database, arrangement_ids, *, today: str) -> list[dict]:
    """Open actions counted per arrangement and owner: how many, how many are
    overdue (due before today) and the earliest overdue due date.
    Rows: arrangement_id, owner_id, owner_name, open, overdue, oldest_due."""
    return list(db.query(
        f"""
        SELECT x.arrangement_id, x.owner_id, u.name AS owner_name, COUNT(*) AS open,
               SUM(x.due_date < :today) AS overdue,
               MIN(CASE WHEN x.due_date < :today THEN x.due_date END) AS oldest_due
        FROM actions x JOIN users u ON u.id = x.owner_id
        WHERE x.arrangement_id IN {_IDS} AND x.status = 'open'
        GROUP BY x.arrangement_id, x.owner_id
        ORDER BY x.arrangement_id, u.name
        """,
        {"ids": _ids(arrangement_ids), "today": today},
    ))


def flagged_counts(db: Database, arrangement_ids, *, since: str, until: str) -> list[dict]:
    """Agenda items flagged as a safeguarding concern in sessions held on
    since..until, counted per arrangement. Rows: arrangement_id, flagged."""
    return list(db.query(
        f"""
        SELECT s.arrangement_id, COUNT(*) AS flagged
        FROM sessions s JOIN agenda_items i ON i.session_id = s.id
        WHERE s.arrangement_id IN {_IDS} AND s.status = 'held' AND i.safeguarding = 1
          AND s.held_on >= :since AND s.held_on <= :until
        GROUP BY s.arrangement_id
        """,
        {"ids": _ids(arrangement_ids), "since": since, "until": until},
    ))
