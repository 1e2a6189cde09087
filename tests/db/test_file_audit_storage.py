"""Storage of file audits: the preloaded checklist comes with the schema (also on
an upgrade), grades are only the three words, and a file is drawn once a quarter."""

import sqlite3

import pytest
from upgrade_fixtures import schema_before

import db as storage
from db import file_audits as table


def test_a_new_database_has_the_preloaded_checklist(tmp_path):
    database = storage.connect(tmp_path / "new.db")
    items = table.checklist(database)
    assert [i["key"] for i in items] == [k for k, _ in table.CHECKLIST]
    assert [i["text"] for i in items] == [t for _, t in table.CHECKLIST]


def test_an_upgrade_from_the_schema_before_adds_the_checklist(tmp_path):
    path = tmp_path / "old.db"
    with schema_before(path, "m015_file_audit") as old:
        assert "file_audits" not in old.table_names()
        assert "session_feedback" in old.table_names()
    assert len(table.checklist(storage.connect(path))) == len(table.CHECKLIST)


def _audit(db) -> int:
    arr, lead = db.execute("SELECT a.id, t.lead_id FROM arrangements a JOIN users u ON "
                           "u.id = a.supervisee_id JOIN teams t ON t.id = u.team_id "
                           "LIMIT 1").fetchone()
    return table.insert_audit(db, {"arrangement_id": arr, "auditor_id": lead,
                                   "period_start": "2026-01-01", "period_end": "2026-12-31",
                                   "started_at": "now", "updated_at": "now"},
                              [{"position": 1, "item_key": "contract", "item_text": "A contract.",
                                "evidence": {"lines": ["x"], "sessions": [1]},
                                "suggested": "good", "grade": None, "reason": ""}])


@pytest.mark.parametrize("grade", ["excellent", "Good", ""])
def test_a_grade_outside_the_three_is_refused_by_the_database(demo, grade):
    audit_id = _audit(demo)
    with pytest.raises(sqlite3.IntegrityError):
        table.update_answer(demo, audit_id, 1, grade, "")
    with pytest.raises(sqlite3.IntegrityError):
        table.update_audit(demo, audit_id, overall_grade=grade)


def test_evidence_reads_back_as_it_was_written(demo):
    found = table.get_audit(demo, _audit(demo))
    assert found["answers"][0]["evidence"] == {"lines": ["x"], "sessions": [1]}


def test_a_file_is_drawn_once_a_quarter(demo):
    arr, team, lead = demo.execute(
        "SELECT a.id, t.id, t.lead_id FROM arrangements a JOIN users u ON u.id = "
        "a.supervisee_id JOIN teams t ON t.id = u.team_id LIMIT 1").fetchone()
    row = {"team_id": team, "quarter": "2030-Q1", "arrangement_id": arr, "drawn_by": lead,
           "drawn_at": "now"}
    table.insert_sample(demo, [row])
    with pytest.raises(sqlite3.IntegrityError):
        table.insert_sample(demo, [row])
    table.insert_sample(demo, [dict(row, quarter="2030-Q2")])
