"""The supervisor's private preparation notes for a session: theirs alone,
saved as written, checked like any other text, audited without their words."""


import pytest


from record_fixtures import actor, planned  # noqa: E402

from core import records, sessions  # noqa: E402
from core.errors import PermissionDenied, ValidationError  # noqa: E402

NOTES = "Ask how the court statement went; she seemed tired last time"


def test_the_supervisor_writes_notes_only_they_read_back(demo):
    sid = planned(demo)
    helen = actor(demo, "helen.carter")
    sessions.save_private_notes(demo, helen, sid, NOTES)
    assert records.agenda(demo, helen, sid).private_notes == NOTES
    assert records.agenda(demo, actor(demo, "sam.taylor"), sid).private_notes is None


@pytest.mark.parametrize("username", ["sam.taylor", "priya.shah", "marcus.reid", "admin"])
def test_nobody_else_can_write_them(demo, username):
    sid = planned(demo)
    with pytest.raises(PermissionDenied):
        sessions.save_private_notes(demo, actor(demo, username), sid, "Not mine to write")
    assert demo["sessions"].get(sid)["private_notes"] == ""


def test_too_long_notes_are_refused_and_nothing_is_saved(demo):
    sid = planned(demo)
    helen = actor(demo, "helen.carter")
    sessions.save_private_notes(demo, helen, sid, NOTES)
    with pytest.raises(ValidationError) as refused:
        sessions.save_private_notes(demo, helen, sid, "x" * (sessions.NOTES_MAX + 1))
    assert "limit is 20,000" in refused.value.errors["private_notes"]
    assert demo["sessions"].get(sid)["private_notes"] == NOTES


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "[a link](http://x.test)",
                                  "Feeling 😀 better", "مرحبا بالعالم", ""])
def test_any_text_is_kept_as_typed(demo, text):
    sid = planned(demo)
    helen = actor(demo, "helen.carter")
    sessions.save_private_notes(demo, helen, sid, text)
    assert demo["sessions"].get(sid)["private_notes"] == text


def test_the_audit_says_they_changed_but_not_what_they_say(demo):
    sid = planned(demo)
    sessions.save_private_notes(demo, actor(demo, "helen.carter"), sid, NOTES)
    rows = list(demo["audit_events"].rows_where("action = ? AND entity_id = ?",
                                                ["private_notes_saved", sid]))
    assert len(rows) == 1
    assert "court statement" not in str(rows[0])
