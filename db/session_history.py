"""Bulk inserts of a supervision history: a contract, sessions, agenda items with
minutes per function, and wellbeing checks. For tests and for seeding a large
authority in the benchmark; the portal's own pages write through their own
workflows (contracts, sessions, records), never through this."""

from sqlite_utils import Database


def insert_history(db: Database, arrangement_id: int, supervisee_id: int, sessions: list[dict],
                   *, stamp: str, contract_start: str) -> list[int]:
    """Insert the sessions (each a dict: scheduled_at, status, held_on, held_minutes,
    planned_minutes, items=[{function, minutes, title, discussion, safeguarding}],
    wellbeing=None | {score, shared}) under the arrangement's latest contract,
    making a signed one first if it has none. Returns the new session ids.

    Rows go in with executemany (ids given up front), so ten years of sessions
    for thousands of people load in seconds, not hours."""
    with db.atomic():
        contract = db.execute(
            "SELECT id FROM contracts WHERE arrangement_id = ? ORDER BY version DESC LIMIT 1",
            [arrangement_id]).fetchone()
        if contract:
            contract_id = contract[0]
        else:
            contract_id = db["contracts"].insert({
                "arrangement_id": arrangement_id, "version": 1, "start_date": contract_start,
                "review_date": contract_start, "supervisor_signed_at": stamp,
                "supervisee_signed_at": stamp, "created_at": stamp, "updated_at": stamp,
            }).last_pk
        first = db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM sessions").fetchone()[0]
        ids = list(range(first, first + len(sessions)))
        db.conn.executemany(
            """INSERT INTO sessions (id, arrangement_id, contract_id, scheduled_at,
                   planned_minutes, status, held_on, held_minutes, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [(i, arrangement_id, contract_id, s["scheduled_at"], s.get("planned_minutes", 90),
              s.get("status", "held"), s.get("held_on"), s.get("held_minutes"), stamp, stamp)
             for i, s in zip(ids, sessions)])
        db.conn.executemany(
            """INSERT INTO agenda_items (session_id, position, source, title, function,
                   discussion, minutes, safeguarding, safeguarding_reason, created_at,
                   updated_at)
               VALUES (?, ?, 'supervisor', ?, ?, ?, ?, ?, ?, ?, ?)""",
            [(i, position, item.get("title", ""), item["function"], item.get("discussion", ""),
              item.get("minutes"), int(item.get("safeguarding", False)),
              item.get("safeguarding_reason", ""), stamp, stamp)
             for i, s in zip(ids, sessions) for position, item in enumerate(s.get("items", []))])
        db.conn.executemany(
            """INSERT INTO reflections (session_id, supervisee_id, wellbeing_score,
                   wellbeing_shared, saved_at, submitted_at)
               VALUES (?, ?, ?, ?, ?, ?)""",
            [(i, supervisee_id, s["wellbeing"]["score"], int(s["wellbeing"].get("shared", False)),
              stamp, stamp)
             for i, s in zip(ids, sessions) if s.get("wellbeing")])
        return ids
