"""A change to a signed contract is a new version, signed again; reviews fall due yearly
and when the supervisor changes."""

from datetime import date, timedelta

import pytest
from supervision_setup import arrangement_of, new_arrangement, signed, signed_arrangement, who

from db import contracts as contract_rows
from core import clock, contracts
from core.errors import ValidationError


def test_a_new_version_copies_the_one_in_force_and_leaves_it_in_force(demo):
    arrangement_id = new_arrangement(demo)
    first = signed(demo, arrangement_id)
    aisha = who(demo, "aisha.begum")
    second = contracts.new_version(demo, aisha, arrangement_id, "Cadence change")
    draft = contract_rows.get(demo, second)
    original = contract_rows.get(demo, first)
    assert draft["version"] == 2 and draft["review_reason"] == "Cadence change"
    assert draft["purpose"] == original["purpose"]
    assert draft["supervisor_signed_at"] is None and draft["supervisee_signed_at"] is None
    contracts.update_draft(demo, aisha, second, dict(draft, cadence_weeks=2),
                           draft["updated_at"])
    assert contracts.current_contract(demo, arrangement_id)["id"] == first
    for person in ("aisha.begum", "sam.taylor"):
        contracts.sign_contract(demo, who(demo, person), second,
                                contract_rows.get(demo, second)["updated_at"])
    current = contracts.current_contract(demo, arrangement_id)
    assert current["id"] == second and current["cadence_weeks"] == 2
    versions = contracts.versions(demo, who(demo, "sam.taylor"), arrangement_id)
    assert [v["version"] for v in versions] == [2, 1]
    assert versions[1]["cadence_weeks"] == 4  # the old version is kept as it was signed


def test_one_draft_at_a_time_and_it_can_be_discarded(demo):
    arrangement_id = signed_arrangement(demo)
    aisha = who(demo, "aisha.begum")
    draft = contracts.new_version(demo, aisha, arrangement_id, "Review")
    with pytest.raises(ValidationError, match="already being drafted"):
        contracts.new_version(demo, aisha, arrangement_id, "Another")
    contracts.discard_draft(demo, aisha, draft)
    assert [v["version"] for v in contracts.versions(demo, aisha, arrangement_id)] == [1]
    assert contracts.new_version(demo, aisha, arrangement_id, "Again")


def test_a_new_version_needs_a_reason_and_a_signed_contract(demo):
    arrangement_id = new_arrangement(demo)
    aisha = who(demo, "aisha.begum")
    with pytest.raises(ValidationError, match="no signed contract"):
        contracts.new_version(demo, aisha, arrangement_id, "Review")
    signed(demo, arrangement_id)
    with pytest.raises(ValidationError) as error:
        contracts.new_version(demo, aisha, arrangement_id, "   ")
    assert "review_reason" in error.value.errors


def contract(review: date, created_by=7, supervisor_id=7):
    return {"review_date": review.isoformat(), "created_by": created_by,
            "supervisor_id": supervisor_id}


@pytest.mark.parametrize("days_ahead, due", [(90, False), (31, False), (30, True), (1, True),
                                             (0, True), (-10, True)])
def test_a_review_is_flagged_30_days_ahead(days_ahead, due):
    today = date(2026, 11, 23)
    assert contracts.review_due(contract(today + timedelta(days=days_ahead)), today) is due


def test_a_review_is_due_when_the_supervisor_changed():
    today = date(2026, 11, 23)
    assert contracts.review_due(contract(today + timedelta(days=200), created_by=3), today)


def test_the_demo_contract_under_review(demo):
    chloe = arrangement_of(demo, "chloe.wright")
    current = contracts.current_contract(demo, chloe)
    assert contracts.review_due(current, clock.today())
    assert current["version"] == 2 and "senior" in current["review_reason"]
