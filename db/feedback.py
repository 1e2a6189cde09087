"""The feedback tables: the admin's versioned statement sets, and the supervisee's
answers on a session (a score 1-5 per statement, an optional comment).

The first set is written here because the migration that installs it (m014) runs
in db/, and db/ never imports core/.
"""

from datetime import datetime, timezone

from sqlite_utils import Database

FIRST_SET = [
    "I had time to reflect.",
    "My wellbeing was considered.",
    "Decisions were clear.",
    "I felt listened to.",
]


def install_first_set(db: Database) -> None:
    if db.execute("SELECT 1 FROM feedback_sets").fetchone():
        return
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    insert_set(db, version=1, created_by=None, created_at=now, texts=FIRST_SET)


def insert_set(db: Database, *, version: int, created_by: int | None, created_at: str,
               texts: list[str]) -> int:
    set_id = db["feedback_sets"].insert(
        {"version": version, "created_by": created_by, "created_at": created_at}).last_pk
    db["feedback_statements"].insert_all(
        [{"set_id": set_id, "position": i, "text": t} for i, t in enumerate(texts, start=1)])
    return set_id


def statements(db: Database, set_id: int) -> list[dict]:
    return list(db.query("SELECT id, position, text FROM feedback_statements "
                         "WHERE set_id = ? ORDER BY position", [set_id]))


def current_set(db: Database) -> dict | None:
    rows = list(db.query("SELECT * FROM feedback_sets ORDER BY version DESC LIMIT 1"))
    return dict(rows[0], statements=statements(db, rows[0]["id"])) if rows else None


def versions(db: Database) -> list[dict]:
    """Every version, newest first, with who made it and how often it was answered."""
    return list(db.query(
        """SELECT s.id, s.version, s.created_at, u.name AS created_by_name,
                  (SELECT count(*) FROM feedback_statements t WHERE t.set_id = s.id)
                      AS statements,
                  (SELECT count(*) FROM session_feedback f WHERE f.set_id = s.id) AS answers
           FROM feedback_sets s LEFT JOIN users u ON u.id = s.created_by
           ORDER BY s.version DESC"""))


def for_session(db: Database, session_id: int) -> dict | None:
    rows = list(db.query("SELECT * FROM session_feedback WHERE session_id = ?", [session_id]))
    if not rows:
        return None
    found = rows[0]
    return dict(found, scores=list(db.query(
        """SELECT t.id AS statement_id, t.position, t.text, c.score
           FROM feedback_scores c JOIN feedback_statements t ON t.id = c.statement_id
           WHERE c.feedback_id = ? ORDER BY t.position""", [found["id"]])))


def insert(db: Database, row: dict, scores: dict[int, int]) -> int:
    feedback_id = db["session_feedback"].insert(row).last_pk
    db["feedback_scores"].insert_all(
        [{"feedback_id": feedback_id, "statement_id": s, "score": v}
         for s, v in scores.items()])
    return feedback_id


_ANSWERS = """
    SELECT f.id AS feedback_id, f.session_id, f.arrangement_id, f.supervisee_id,
           se.name AS supervisee_name, a.supervisor_id, sr.name AS supervisor_name,
           se.team_id, coalesce(s.held_on, substr(s.scheduled_at, 1, 10)) AS day,
           f.comment, f.comment_shared, t.position, t.text, c.score
    FROM session_feedback f
    JOIN sessions s ON s.id = f.session_id
    JOIN arrangements a ON a.id = f.arrangement_id
    JOIN users se ON se.id = f.supervisee_id
    JOIN users sr ON sr.id = a.supervisor_id
    JOIN feedback_scores c ON c.feedback_id = f.id
    JOIN feedback_statements t ON t.id = c.statement_id
"""


def answers_in_arrangements(db: Database, arrangement_ids: list[int]) -> list[dict]:
    """One row per score, oldest session first."""
    if not arrangement_ids:
        return []
    marks = ",".join("?" * len(arrangement_ids))
    return list(db.query(_ANSWERS + f" WHERE f.arrangement_id IN ({marks}) "
                         "ORDER BY day, f.id, t.position", list(arrangement_ids)))


def answers_in_teams(db: Database, team_ids: list[int], since: str) -> list[dict]:
    """One row per score given by a member of these teams on a session since `since`."""
    if not team_ids:
        return []
    marks = ",".join("?" * len(team_ids))
    return list(db.query(
        _ANSWERS + f" WHERE se.team_id IN ({marks}) "
        "AND coalesce(s.held_on, substr(s.scheduled_at, 1, 10)) >= ? "
        "ORDER BY day, f.id, t.position", [*team_ids, since]))
