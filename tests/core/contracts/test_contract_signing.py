"""Both sign from their own accounts; each signature is timestamped; an edit to a draft
clears the signatures given; a signed version never changes."""

import pytest
from supervision_setup import new_arrangement, who

from db import contracts as contract_rows
from core import contracts
from core.errors import PermissionDenied, StaleWrite, ValidationError


@pytest.fixture
def draft(demo):
    arrangement_id = new_arrangement(demo)
    return arrangement_id, contracts.draft_contract(demo, who(demo, "aisha.begum"),
                                                    arrangement_id)


def seen(db, contract_id):
    return contract_rows.get(db, contract_id)["updated_at"]


def test_both_sign_and_then_it_is_in_force(demo, draft):
    arrangement_id, contract_id = draft
    assert contracts.current_contract(demo, arrangement_id) is None
    contracts.sign_contract(demo, who(demo, "aisha.begum"), contract_id, seen(demo, contract_id))
    assert contracts.current_contract(demo, arrangement_id) is None
    row = contract_rows.get(demo, contract_id)
    assert contracts.status(row) == "waiting for the supervisee's signature"
    contracts.sign_contract(demo, who(demo, "sam.taylor"), contract_id, seen(demo, contract_id))
    current = contracts.current_contract(demo, arrangement_id)
    assert current["id"] == contract_id and contracts.status(current) == "signed"
    assert current["supervisor_signed_at"] <= current["supervisee_signed_at"]
    actions = [r[0] for r in demo.execute(
        "SELECT detail FROM audit_events WHERE action = 'contract_signed' AND entity_id = ?",
        [contract_id])]
    assert len(actions) == 2 and '"in_force": true' in actions[1]


def test_the_supervisee_may_sign_first(demo, draft):
    arrangement_id, contract_id = draft
    contracts.sign_contract(demo, who(demo, "sam.taylor"), contract_id, seen(demo, contract_id))
    row = contract_rows.get(demo, contract_id)
    assert row["supervisee_signed_at"] and not row["supervisor_signed_at"]


@pytest.mark.parametrize("username", ["priya.shah", "admin"])
def test_nobody_else_signs(demo, draft, username):
    _arrangement_id, contract_id = draft
    with pytest.raises(PermissionDenied, match="Only the supervisor or the supervisee"):
        contracts.sign_contract(demo, who(demo, username), contract_id, seen(demo, contract_id))


def test_another_supervisor_cannot_even_read_it(demo, draft):
    arrangement_id, _contract_id = draft
    with pytest.raises(PermissionDenied, match="You do not have access"):
        contracts.versions(demo, who(demo, "marcus.reid"), arrangement_id)


def test_signing_twice_is_refused(demo, draft):
    _arrangement_id, contract_id = draft
    sam = who(demo, "sam.taylor")
    contracts.sign_contract(demo, sam, contract_id, seen(demo, contract_id))
    with pytest.raises(ValidationError, match="You signed this version on"):
        contracts.sign_contract(demo, sam, contract_id, seen(demo, contract_id))


def test_an_edit_clears_the_signatures_already_given(demo, draft):
    _arrangement_id, contract_id = draft
    aisha, sam = who(demo, "aisha.begum"), who(demo, "sam.taylor")
    contracts.sign_contract(demo, sam, contract_id, seen(demo, contract_id))
    row = contract_rows.get(demo, contract_id)
    contracts.update_draft(demo, aisha, contract_id, dict(row, session_minutes=60),
                           row["updated_at"])
    row = contract_rows.get(demo, contract_id)
    assert row["session_minutes"] == 60
    assert row["supervisee_signed_at"] is None and row["supervisor_signed_at"] is None


def test_a_signature_never_lands_on_text_the_person_did_not_read(demo, draft):
    _arrangement_id, contract_id = draft
    aisha, sam = who(demo, "aisha.begum"), who(demo, "sam.taylor")
    read = seen(demo, contract_id)           # sam opens the draft
    row = contract_rows.get(demo, contract_id)
    contracts.update_draft(demo, aisha, contract_id, dict(row, purpose="Changed meanwhile."),
                           row["updated_at"])
    with pytest.raises(StaleWrite, match="changed after you opened it"):
        contracts.sign_contract(demo, sam, contract_id, read)
    assert contract_rows.get(demo, contract_id)["supervisee_signed_at"] is None


def test_two_edits_from_stale_copies_do_not_both_land(demo, draft):
    _arrangement_id, contract_id = draft
    aisha = who(demo, "aisha.begum")
    row = contract_rows.get(demo, contract_id)
    contracts.update_draft(demo, aisha, contract_id, dict(row, purpose="First tab."),
                           row["updated_at"])
    with pytest.raises(StaleWrite):
        contracts.update_draft(demo, aisha, contract_id, dict(row, purpose="Second tab."),
                               row["updated_at"])
    assert contract_rows.get(demo, contract_id)["purpose"] == "First tab."


def test_a_signed_version_cannot_change(demo, draft):
    arrangement_id, contract_id = draft
    for person in ("aisha.begum", "sam.taylor"):
        contracts.sign_contract(demo, who(demo, person), contract_id, seen(demo, contract_id))
    aisha = who(demo, "aisha.begum")
    row = contract_rows.get(demo, contract_id)
    with pytest.raises(PermissionDenied, match="cannot change"):
        contracts.update_draft(demo, aisha, contract_id, dict(row, purpose="Sneaky."),
                               row["updated_at"])
    with pytest.raises(PermissionDenied, match="cannot change"):
        contracts.discard_draft(demo, aisha, contract_id)
    assert contracts.current_contract(demo, arrangement_id)["purpose"] == row["purpose"]


def test_only_the_supervisor_edits(demo, draft):
    _arrangement_id, contract_id = draft
    row = contract_rows.get(demo, contract_id)
    with pytest.raises(PermissionDenied, match="Only the supervisor"):
        contracts.update_draft(demo, who(demo, "sam.taylor"), contract_id,
                               dict(row, purpose="Mine."), row["updated_at"])
