"""Retention: ended arrangements past the retention period, and their purge.

What a purge of an arrangement removes (see core/admin/retention.py for why):
its contracts, sessions, records, record items, actions, disputes, addenda,
reflections (and their submitted versions) of its sessions, informal contacts,
notices about its sessions, the supervisee's feedback on its sessions, its
file audits and their place in a sample, and its balance version counter. It keeps people,
teams, journal entries and the audit trail.
"""

import json

from sqlite_utils import Database


def past(db: Database, ended_before: str) -> list[dict]:
    """Arrangements that ended before `ended_before` (an ISO date), oldest first,
    with what a purge would remove, in counts."""
    return list(db.query(
        """SELECT a.id, a.kind, a.start_date, a.end_date,
                  sr.name AS supervisor_name, se.name AS supervisee_name,
                  (SELECT count(*) FROM sessions s WHERE s.arrangement_id = a.id) AS sessions,
                  (SELECT count(*) FROM records r JOIN sessions s ON s.id = r.session_id
                    WHERE s.arrangement_id = a.id) AS records
           FROM arrangements a
           JOIN users sr ON sr.id = a.supervisor_id
           JOIN users se ON se.id = a.supervisee_id
           WHERE a.end_date IS NOT NULL AND a.end_date < ?
           ORDER BY a.end_date, a.id""",
        [ended_before],
    ))


def outside_references(db: Database, arrangement_ids: list[int]) -> list[int]:
    """Arrangements not in the list whose data points at data of the listed ones
    (an item carrying one of their actions, a session rescheduled into one)."""
    ids = json.dumps(arrangement_ids)
    return [r[0] for r in db.execute(
        """SELECT DISTINCT s.arrangement_id FROM agenda_items i
             JOIN sessions s ON s.id = i.session_id
             JOIN actions x ON x.id = i.action_id
            WHERE x.arrangement_id IN (SELECT value FROM json_each(:ids))
              AND s.arrangement_id NOT IN (SELECT value FROM json_each(:ids))
           UNION
           SELECT DISTINCT s.arrangement_id FROM sessions s JOIN sessions t ON t.id = s.rescheduled_to
            WHERE t.arrangement_id IN (SELECT value FROM json_each(:ids))
              AND s.arrangement_id NOT IN (SELECT value FROM json_each(:ids))""",
        {"ids": ids},
    )]


_IN_ARRANGEMENTS = "(SELECT value FROM json_each(:ids))"
_SESSIONS = f"(SELECT id FROM sessions WHERE arrangement_id IN {_IN_ARRANGEMENTS})"
_RECORDS = f"(SELECT id FROM records WHERE session_id IN {_SESSIONS})"
_REFLECTIONS = f"(SELECT id FROM reflections WHERE session_id IN {_SESSIONS})"

# In an order the foreign keys accept: links between rows that both go are cut
# first, then children before parents.
_PURGE = [
    ("", f"UPDATE agenda_items SET action_id = NULL WHERE session_id IN {_SESSIONS}"),
    ("", f"UPDATE actions SET agenda_item_id = NULL WHERE arrangement_id IN {_IN_ARRANGEMENTS}"),
    ("", f"UPDATE sessions SET rescheduled_to = NULL WHERE id IN {_SESSIONS}"),
    ("disputes", f"DELETE FROM record_disputes WHERE record_id IN {_RECORDS}"),
    ("addenda", f"DELETE FROM addenda WHERE record_id IN {_RECORDS}"),
    ("records", f"DELETE FROM records WHERE id IN {_RECORDS}"),
    ("actions", f"DELETE FROM actions WHERE arrangement_id IN {_IN_ARRANGEMENTS} "
                f"OR session_id IN {_SESSIONS}"),
    ("items", f"DELETE FROM agenda_items WHERE session_id IN {_SESSIONS}"),
    ("reflection_versions",
     f"DELETE FROM reflection_versions WHERE reflection_id IN {_REFLECTIONS}"),
    ("reflections", f"DELETE FROM reflections WHERE id IN {_REFLECTIONS}"),
    ("notices", f"DELETE FROM notices WHERE session_id IN {_SESSIONS}"),
    ("", f"DELETE FROM feedback_scores WHERE feedback_id IN (SELECT id FROM session_feedback "
         f"WHERE session_id IN {_SESSIONS})"),
    ("feedback", f"DELETE FROM session_feedback WHERE session_id IN {_SESSIONS}"),
    ("sessions", f"DELETE FROM sessions WHERE arrangement_id IN {_IN_ARRANGEMENTS}"),
    ("contracts", f"DELETE FROM contracts WHERE arrangement_id IN {_IN_ARRANGEMENTS}"),
    ("informal_contacts",
     f"DELETE FROM informal_contacts WHERE arrangement_id IN {_IN_ARRANGEMENTS}"),
    ("", f"DELETE FROM file_audit_samples WHERE arrangement_id IN {_IN_ARRANGEMENTS}"),
    ("", f"DELETE FROM file_audit_answers WHERE audit_id IN (SELECT id FROM file_audits "
         f"WHERE arrangement_id IN {_IN_ARRANGEMENTS})"),
    ("file_audits", f"DELETE FROM file_audits WHERE arrangement_id IN {_IN_ARRANGEMENTS}"),
    ("arrangements", f"DELETE FROM arrangements WHERE id IN {_IN_ARRANGEMENTS}"),
    ("", f"DELETE FROM arrangement_versions WHERE arrangement_id IN {_IN_ARRANGEMENTS}"),
]


def purge(db: Database, arrangement_ids: list[int]) -> dict[str, int]:
    """Delete the arrangements and everything of theirs listed above; the
    caller holds the transaction. Returns how many rows of each kind went."""
    return run_purge(db, _PURGE, arrangement_ids)


def run_purge(db: Database, statements: list[tuple[str, str]], ids: list[int]) -> dict[str, int]:
    """Run (kind, SQL) deletes over `:ids` in order; counts by kind ('' is not counted)."""
    params = {"ids": json.dumps([int(i) for i in ids])}
    counts = {}
    for kind, sql in statements:
        removed = db.execute(sql, params).rowcount
        if kind:
            counts[kind] = removed
    return counts
