"""Storage of feedback: the first statements come with the schema, an upgraded
database keeps its records and gains them, and the database itself refuses a
score outside 1-5, a second feedback on a session, or a dangling statement."""

import sqlite3

import pytest
from upgrade_fixtures import schema_before

import db as storage
from db import feedback as table


def test_a_new_database_has_version_1_of_the_statements(tmp_path):
    database = storage.connect(tmp_path / "new.db")
    found = table.current_set(database)
    assert found["version"] == 1 and found["created_by"] is None
    assert [s["text"] for s in found["statements"]] == table.FIRST_SET


def test_an_upgrade_from_the_schema_before_adds_the_statements(tmp_path):
    path = tmp_path / "old.db"
    with schema_before(path, "m014_session_feedback") as old:
        assert "feedback_sets" not in old.table_names()
    new = storage.connect(path)
    assert table.current_set(new)["version"] == 1
    assert new["session_feedback"].count == 0


def _feedback_row(db) -> dict:
    session = db.execute("SELECT s.id, s.arrangement_id, a.supervisee_id FROM sessions s "
                         "JOIN arrangements a ON a.id = s.arrangement_id "
                         "WHERE s.id NOT IN (SELECT session_id FROM session_feedback) "
                         "LIMIT 1").fetchone()
    return {"session_id": session[0], "arrangement_id": session[1],
            "supervisee_id": session[2], "set_id": table.current_set(db)["id"],
            "comment": "", "created_at": "2026-01-01T00:00:00+00:00"}


@pytest.mark.parametrize("score", [0, 6, -1])
def test_a_score_outside_1_to_5_is_refused_by_the_database(demo, score):
    statement = table.current_set(demo)["statements"][0]["id"]
    with pytest.raises(sqlite3.IntegrityError):
        table.insert(demo, _feedback_row(demo), {statement: score})


def test_one_feedback_per_session_and_real_statements_only(demo):
    row = _feedback_row(demo)
    statement = table.current_set(demo)["statements"][0]["id"]
    table.insert(demo, row, {statement: 3})
    with pytest.raises(sqlite3.IntegrityError):
        table.insert(demo, row, {statement: 3})
    with pytest.raises(sqlite3.IntegrityError):
        table.insert(demo, _feedback_row(demo), {99_999: 3})


def test_answers_read_back_with_the_wording_answered(demo):
    row = _feedback_row(demo)
    first = table.current_set(demo)["statements"]
    table.insert(demo, row, {first[0]["id"]: 2})
    table.insert_set(demo, version=2, created_by=None, created_at="2026-02-01T00:00:00+00:00",
                     texts=["A new wording."])
    rows = table.answers_in_arrangements(demo, [row["arrangement_id"]])
    mine = [r for r in rows if r["session_id"] == row["session_id"]]
    assert [(r["text"], r["score"]) for r in mine] == [(first[0]["text"], 2)]
