"""Every field of a contract can be edited, and bad input is refused field by field,
with nothing half saved. Text is kept exactly as typed."""

from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from supervision_setup import new_arrangement, who

from db import contracts as contract_rows
from core import clock, contracts
from core.contracts.fields import TEXT_FIELDS
from core.errors import ValidationError

HOSTILE = [
    "<script>alert('x')</script>",
    "[click me](https://evil.example) and **bold**",
    "Feeling 😊 after the visit 🏠",
    "مرحبا بالعالم: right to left",
    "Line one\nLine two\n\n- a list",
]


@pytest.fixture
def draft(demo):
    arrangement_id = new_arrangement(demo)
    aisha = who(demo, "aisha.begum")
    contract_id = contracts.draft_contract(demo, aisha, arrangement_id)
    return contract_id, contract_rows.get(demo, contract_id)


def save(demo, contract_id, row, **changes):
    contracts.update_draft(demo, who(demo, "aisha.begum"), contract_id, dict(row, **changes),
                           row["updated_at"])
    return contract_rows.get(demo, contract_id)


def errors(demo, contract_id, row, **changes) -> dict:
    with pytest.raises(ValidationError) as error:
        save(demo, contract_id, row, **changes)
    after = contract_rows.get(demo, contract_id)
    assert after["updated_at"] == row["updated_at"]  # nothing was saved
    return error.value.errors


@pytest.mark.parametrize("text", HOSTILE)
def test_typed_text_comes_back_exactly(demo, draft, text):
    contract_id, row = draft
    saved = save(demo, contract_id, row, purpose=text,
                 confidentiality=text + " Safeguarding: we tell the lead.")
    assert saved["purpose"] == text
    assert saved["confidentiality"].startswith(text)


def test_every_field_can_be_edited(demo, draft):
    contract_id, row = draft
    start = clock.today() + timedelta(days=3)
    changes = {key: f"New {key}" for key in TEXT_FIELDS}
    changes["confidentiality"] += " with its safeguarding exception"
    changes.update(cadence_kind="asye", cadence_weeks=2, fte=0.8, asye_start="2026-09-01",
                   session_minutes=75, share_within_days=3, start_date=start.isoformat(),
                   review_date=(start + timedelta(days=200)).isoformat(),
                   review_reason="Agreed together")
    saved = save(demo, contract_id, row, **changes)
    for key, value in changes.items():
        assert saved[key] == value, key


@pytest.mark.parametrize("field", [k for k in TEXT_FIELDS])
def test_every_text_field_is_required(demo, draft, field):
    contract_id, row = draft
    assert field in errors(demo, contract_id, row, **{field: "   "})


def test_very_long_text_is_refused_with_its_length(demo, draft):
    contract_id, row = draft
    found = errors(demo, contract_id, row, purpose="x" * 5000)
    assert "5,000 characters" in found["purpose"]


def test_the_confidentiality_statement_must_write_out_the_safeguarding_exception(demo, draft):
    contract_id, row = draft
    found = errors(demo, contract_id, row, confidentiality="Everything stays between us.")
    assert "safeguarding exception" in found["confidentiality"]


def test_the_venue_is_one_line(demo, draft):
    contract_id, row = draft
    assert "venue" in errors(demo, contract_id, row, venue="Room 1\nRoom 2")


@pytest.mark.parametrize("changes, field", [
    ({"cadence_weeks": 0}, "cadence_weeks"),
    ({"cadence_weeks": 27}, "cadence_weeks"),
    ({"cadence_weeks": 2.5}, "cadence_weeks"),
    ({"cadence_kind": "daily"}, "cadence_kind"),
    ({"session_minutes": 10}, "session_minutes"),
    ({"share_within_days": 0}, "share_within_days"),
    ({"fte": 0}, "fte"),
    ({"fte": "lots"}, "fte"),
    ({"cadence_kind": "asye", "asye_start": None}, "asye_start"),
    ({"start_date": "1999-12-31"}, "start_date"),
    ({"start_date": "2026-02-30"}, "start_date"),
    ({"review_date": "2199-01-01"}, "review_date"),
])
def test_bad_values_are_refused_next_to_their_field(demo, draft, changes, field):
    contract_id, row = draft
    assert field in errors(demo, contract_id, row, **changes)


def test_the_review_falls_within_a_year_of_the_start(demo, draft):
    contract_id, row = draft
    start = date.fromisoformat(row["start_date"])
    late = start + relativedelta(years=1) + timedelta(days=1)
    assert "review_date" in errors(demo, contract_id, row, review_date=late.isoformat())
    assert "review_date" in errors(demo, contract_id, row, review_date=row["start_date"])


def test_a_contract_cannot_start_before_its_arrangement(demo, draft):
    contract_id, row = draft
    before = date.fromisoformat(row["start_date"]) - timedelta(days=1)
    assert "start_date" in errors(demo, contract_id, row, start_date=before.isoformat())


def test_all_bad_fields_are_reported_at_once(demo, draft):
    contract_id, row = draft
    found = errors(demo, contract_id, row, purpose="", venue="", session_minutes=1)
    assert {"purpose", "venue", "session_minutes"} <= set(found)
