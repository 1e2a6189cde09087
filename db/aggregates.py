"""Aggregates for the balance and compliance charts: minutes, counts, dates and
statuses, never record text. Each is one query over a set of arrangements,
grouped in SQL, so a page costs the same few queries however long the history.

Arrangement ids go in as one JSON parameter (`json_each`), so a large team
never meets SQLite's limit on bound parameters.
"""

import json

from sqlite_utils import Database

# The date a session counts on: the day it was held, else the day it was planned for.
_ON = "COALESCE(s.held_on, substr(s.scheduled_at, 1, 10))"
_IDS = "(SELECT value FROM json_each(:ids))"


def _ids(arrangement_ids) -> str:
    return json.dumps(sorted({int(i) for i in arrangement_ids}))


def function_totals(db: Database, arrangement_ids, *, since: str | None = None,
                    until: str | None = None, lead: int = 0) -> list[dict]:
    """Minutes and item counts per held session and function.

    Held sessions with at least one agenda item, on `since`..`until` (ISO dates,
    either open), plus the `lead` latest such sessions before `since` for each
    arrangement (the rolling window and the neglect alerts look back past the
    period's start). Rows: arrangement_id, session_id, held_on, function,
    minutes (recorded minutes; items without minutes add 0), items.
    """
    return list(db.query(
        f"""
        WITH held AS (
            SELECT s.id, s.arrangement_id, {_ON} AS held_on
            FROM sessions s
            WHERE s.arrangement_id IN {_IDS} AND s.status = 'held'
              AND EXISTS (SELECT 1 FROM agenda_items i WHERE i.session_id = s.id)
        ),
        ranked AS (
            SELECT h.*, ROW_NUMBER() OVER (
                PARTITION BY h.arrangement_id, (:since IS NULL OR h.held_on >= :since)
                ORDER BY h.held_on DESC, h.id DESC) AS back
            FROM held h
            WHERE :until IS NULL OR h.held_on <= :until
        )
        SELECT r.arrangement_id, r.id AS session_id, r.held_on, i.function,
               SUM(COALESCE(i.minutes, 0)) AS minutes, COUNT(*) AS items
        FROM ranked r JOIN agenda_items i ON i.session_id = r.id
        WHERE :since IS NULL OR r.held_on >= :since OR r.back <= :lead
        GROUP BY r.arrangement_id, r.id, i.function
        ORDER BY r.arrangement_id, r.held_on, r.id, i.function
        """,
        {"ids": _ids(arrangement_ids), "since": since, "until": until, "lead": lead},
    ))


def timeline(db: Database, arrangement_ids, *, since: str, until: str) -> list[dict]:
    """Every session planned or held on since..until, whatever its status, with
    minutes and item counts per function, the number of safeguarding flags and the
    record's status (None when no record was started)."""
    return list(db.query(
        f"""
        SELECT s.id AS session_id, s.arrangement_id, s.status,
               substr(s.scheduled_at, 1, 10) AS scheduled_on, s.held_on,
               s.planned_minutes, s.held_minutes,
               {_ON} AS "on",
               SUM(CASE WHEN i.function = 'performance' THEN COALESCE(i.minutes, 0) END)
                 AS performance_minutes,
               SUM(CASE WHEN i.function = 'development' THEN COALESCE(i.minutes, 0) END)
                 AS development_minutes,
               SUM(CASE WHEN i.function = 'support' THEN COALESCE(i.minutes, 0) END)
                 AS support_minutes,
               COUNT(CASE WHEN i.function = 'performance' THEN 1 END) AS performance_items,
               COUNT(CASE WHEN i.function = 'development' THEN 1 END) AS development_items,
               COUNT(CASE WHEN i.function = 'support' THEN 1 END) AS support_items,
               COUNT(CASE WHEN i.safeguarding = 1 THEN 1 END) AS flagged,
               (SELECT r.status FROM records r WHERE r.session_id = s.id) AS record_status
        FROM sessions s LEFT JOIN agenda_items i ON i.session_id = s.id
        WHERE s.arrangement_id IN {_IDS}
          AND {_ON} >= :since AND {_ON} <= :until
        GROUP BY s.id
        ORDER BY "on", s.id
        """,
        {"ids": _ids(arrangement_ids), "since": since, "until": until},
    ))


def wellbeing(db: Database, supervisee_id: int, arrangement_ids) -> list[dict]:
    """Wellbeing scores from a supervisee's submitted reflections in these
    arrangements, oldest first (through the sessions index, not a table scan).
    `score` and `shared` are the working copy's; `submitted_score` is the score in
    the latest submitted version (None when it was not shared then), and
    `has_versions` says whether there is one (rows seeded without versions)."""
    return list(db.query(
        f"""
        SELECT r.id AS reflection_id, r.session_id, s.arrangement_id, {_ON} AS "on",
               r.wellbeing_score AS score, r.wellbeing_shared AS shared,
               (SELECT json_extract(v.content, '$.wellbeing.score')
                FROM reflection_versions v WHERE v.reflection_id = r.id
                ORDER BY v.number DESC LIMIT 1) AS submitted_score,
               EXISTS (SELECT 1 FROM reflection_versions v
                       WHERE v.reflection_id = r.id) AS has_versions
        FROM sessions s JOIN reflections r ON r.session_id = s.id
        WHERE s.arrangement_id IN {_IDS} AND r.supervisee_id = :who
          AND r.wellbeing_score IS NOT NULL AND r.submitted_at IS NOT NULL
        ORDER BY "on", r.id
        """,
        {"ids": _ids(arrangement_ids), "who": supervisee_id},
    ))


def versions(db: Database, arrangement_ids) -> tuple:
    """A cheap fingerprint of the data behind these arrangements' charts.

    Triggers bump an arrangement's version whenever one of its sessions, agenda
    items (function, minutes, flag) or reflections' wellbeing changes (migration
    m006_arrangement_versions), or its records' status, sharing and signatures,
    actions' status and due dates, or contracts (m..._compliance_versions), so a
    cache keyed on this sees a write at once."""
    return tuple(db.execute(
        f"""SELECT arrangement_id, version FROM arrangement_versions
            WHERE arrangement_id IN {_IDS} ORDER BY arrangement_id""",
        {"ids": _ids(arrangement_ids)},
    ).fetchall())
