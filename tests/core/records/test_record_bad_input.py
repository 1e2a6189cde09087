"""Bad input on a record gets a message on its field and nothing is half saved;
text is kept exactly as typed (HTML, markdown, emoji, right-to-left)."""

from datetime import date, timedelta

import pytest
from record_fixtures import actor, opened

from core import clock, records
from core.errors import ValidationError
from core.validation import TEXT_MAX

ODD = ["<script>alert('x')</script>", "[click](javascript:alert(1))", "Feeling 😩 then 🙂",
       "הערה בעברית עם מספר 12", "Line one\nLine two"]


@pytest.fixture
def item(demo):
    helen = actor(demo, "helen.carter")
    sid, _view = opened(demo)
    return helen, sid, records.add_item(demo, helen, sid, title="Case", function="performance",
                                        case_ref="CR-1")


def stored(db, item_id):
    return db.execute("SELECT * FROM agenda_items WHERE id = ?", [item_id]).fetchone()


def test_a_decision_needs_its_rationale(demo, item):
    helen, _sid, item_id = item
    with pytest.raises(ValidationError) as error:
        records.save_item(demo, helen, item_id, {"decision": "Step down to child in need"}, 0)
    assert set(error.value.errors) == {"rationale"}
    assert "disclosable in court" in error.value.errors["rationale"]
    with pytest.raises(ValidationError):
        records.save_item(demo, helen, item_id, {"decision": "Step down", "rationale": "  "}, 0)
    saved = records.save_item(demo, helen, item_id, {"decision": "Step down",
                                                     "rationale": "Risk reduced for 6 months"}, 0)
    with pytest.raises(ValidationError, match="disclosable"):
        records.save_item(demo, helen, item_id, {"rationale": ""}, saved["revision"])


@pytest.mark.parametrize("fields,bad", [
    ({"minutes": -1}, "minutes"), ({"minutes": 481}, "minutes"), ({"minutes": "ten"}, "minutes"),
    ({"minutes": 2.5}, "minutes"), ({"risk_score": 11}, "risk_score"),
    ({"risk_score": "high"}, "risk_score"), ({"function": "wellbeing"}, "function"),
    ({"title": ""}, "title"), ({"title": "x" * 201}, "title"), ({"title": "two\nlines"}, "title"),
    ({"case_ref": "Jayden Smith"}, "case_ref"), ({"discussion": "x" * (TEXT_MAX + 1)}, "discussion"),
    ({"next_review": "2026-02-30"}, "next_review"), ({"next_review": "1999-01-01"}, "next_review"),
    ({"next_review": (date.today() + timedelta(days=365 * 6)).isoformat()}, "next_review"),
    ({"discussion": "bell\x07"}, "discussion"),
])
def test_bad_values_are_refused_on_their_field_and_nothing_is_saved(demo, item, fields, bad):
    helen, _sid, item_id = item
    before = stored(demo, item_id)
    with pytest.raises(ValidationError) as error:
        records.save_item(demo, helen, item_id, dict(fields, analysis="kept only if all good"), 0)
    assert bad in error.value.errors
    assert stored(demo, item_id) == before


@pytest.mark.parametrize("text", ODD)
def test_text_is_kept_exactly_as_typed(demo, item, text):
    helen, sid, item_id = item
    records.save_item(demo, helen, item_id, {"discussion": text, "decision": text,
                                             "rationale": text, "minutes": "15"}, 0)
    shown = next(i for i in records.agenda(demo, helen, sid).items if i["id"] == item_id)
    assert shown["discussion"] == shown["decision"] == text and shown["minutes"] == 15


def test_empty_values_clear_optional_fields(demo, item):
    helen, _sid, item_id = item
    one = records.save_item(demo, helen, item_id, {"minutes": 20, "risk_score": 3,
                                                   "next_review": clock.today()}, 0)
    records.save_item(demo, helen, item_id, {"minutes": "", "risk_score": None,
                                             "next_review": ""}, one["revision"])
    row = next(demo.query("SELECT minutes, risk_score, next_review FROM agenda_items "
                          "WHERE id = ?", [item_id]))
    assert row == {"minutes": None, "risk_score": None, "next_review": None}


def test_flags_and_actions_need_their_reasons(demo, item):
    helen, sid, item_id = item
    with pytest.raises(ValidationError) as error:
        records.flag_safeguarding(demo, helen, item_id, "  ")
    assert "reason" in error.value.errors
    with pytest.raises(ValidationError) as error:
        records.add_action(demo, helen, item_id, owner_id=helen.id, description="x" * 1001,
                           due_date=date(1990, 1, 1))
    assert set(error.value.errors) == {"description", "due_date"}
    with pytest.raises(ValidationError) as error:
        records.add_item(demo, helen, sid, title="<b>x</b>", function="nope", case_ref="Smith")
    assert set(error.value.errors) == {"function", "case_ref"}
    records.flag_safeguarding(demo, helen, item_id, "Disclosure at school ⚠️")
    with pytest.raises(ValidationError, match="already flagged"):
        records.flag_safeguarding(demo, helen, item_id, "again")
    records.unflag_safeguarding(demo, helen, item_id, "Flagged the wrong item")
    row = records.agenda(demo, helen, sid)
    assert not next(i for i in row.items if i["id"] == item_id)["safeguarding"]
    reasons = [r[0] for r in demo.execute(
        "SELECT detail FROM audit_events WHERE entity = 'agenda_item' AND entity_id = ? "
        "AND action LIKE 'safeguarding%' ORDER BY id", [item_id])]
    assert "Disclosure at school" in reasons[0] and "wrong item" in reasons[1]


def test_a_dispute_comment_is_required_and_bounded(demo):
    from record_fixtures import held_and_shared

    sid = held_and_shared(demo)
    sam = actor(demo, "sam.taylor")
    for comment in ("", "x" * 4001):
        with pytest.raises(ValidationError) as error:
            records.dispute(demo, sam, sid, comment)
        assert "comment" in error.value.errors
    assert records.agenda(demo, sam, sid).record["status"] == "shared"
