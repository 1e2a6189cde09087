"""A supervisor drafts the contract for one of their arrangements, from the template."""

import json
from datetime import timedelta

import pytest
from dateutil.relativedelta import relativedelta
from supervision_setup import arrangement_of, new_arrangement, who

from db import contracts as contract_rows
from core import clock, contracts
from core.people import arrangements
from core.contracts import template as contract_template
from core.contracts.fields import TEXT_FIELDS
from core.contracts.template import DEFAULTS
from core.errors import PermissionDenied, ValidationError


def test_a_draft_starts_from_the_template(demo):
    arrangement_id = new_arrangement(demo)
    contract_id = contracts.draft_contract(demo, who(demo, "aisha.begum"), arrangement_id)
    draft = contract_rows.get(demo, contract_id)
    for key in TEXT_FIELDS:
        assert draft[key] == DEFAULTS[key]
    assert draft["version"] == 1 and contracts.status(draft) == "draft, not signed"
    assert draft["cadence_kind"] == "weeks" and draft["cadence_weeks"] == 4
    assert draft["start_date"] == clock.today().isoformat()
    assert draft["review_date"] == (clock.today() + relativedelta(years=1)).isoformat()
    assert draft["created_by"] == who(demo, "aisha.begum").id
    event = demo.execute("SELECT detail FROM audit_events WHERE action = 'contract_drafted' "
                         "AND entity_id = ?", [contract_id]).fetchone()[0]
    assert json.loads(event) == {"arrangement_id": arrangement_id, "version": 1}


def test_the_template_covers_everything_a_council_contract_covers():
    for key in ("purpose", "venue", "protected_time", "preparation", "confidentiality",
                "record_keeping", "cancellation_rule", "disagreement_route"):
        assert DEFAULTS[key].strip()
    assert "Safeguarding exception" in DEFAULTS["confidentiality"]
    assert "who books" in TEXT_FIELDS["protected_time"][0]
    assert {"cadence_kind", "cadence_weeks", "session_minutes", "share_within_days"} <= set(
        DEFAULTS)


def test_a_changed_template_reaches_new_drafts_only(demo):
    first = new_arrangement(demo)
    old = contracts.draft_contract(demo, who(demo, "aisha.begum"), first)
    changed = dict(contract_template.template(demo), purpose="Our own purpose.",
                   cadence_weeks=6)
    contract_template.update_template(demo, who(demo, "admin"), changed)
    second = new_arrangement(demo, supervisee="chloe.wright")
    new = contracts.draft_contract(demo, who(demo, "aisha.begum"), second)
    aisha = who(demo, "aisha.begum")
    assert contract_rows.get(demo, new)["purpose"] == "Our own purpose."
    assert contract_rows.get(demo, new)["cadence_weeks"] == 6
    assert contract_rows.get(demo, old)["purpose"] == DEFAULTS["purpose"]


def test_a_part_time_supervisee_starts_on_pro_rata(demo):
    arrangement_id = new_arrangement(demo, supervisee="zara.hussain")
    contract_id = contracts.draft_contract(demo, who(demo, "aisha.begum"), arrangement_id)
    draft = contract_rows.get(demo, contract_id)
    assert draft["cadence_kind"] == "pro_rata" and draft["fte"] == 0.6


def test_a_new_supervisor_starts_from_the_previous_contract(demo):
    admin = who(demo, "admin")
    helen_tom = arrangement_of(demo, "tom.baker", supervisor="helen.carter")
    arrangements.end_arrangement(demo, admin, helen_tom, clock.today())
    tomorrow = clock.today() + timedelta(days=1)
    priya_tom = new_arrangement(demo, supervisor="priya.shah", supervisee="tom.baker",
                                kind="line", start=tomorrow)
    contract_id = contracts.draft_contract(demo, who(demo, "priya.shah"), priya_tom)
    draft = contract_rows.get(demo, contract_id)
    previous = contracts.current_contract(demo, helen_tom)
    assert draft["venue"] == previous["venue"]
    assert draft["review_reason"] == "Supervisor changed from Helen Carter to Priya Shah."
    assert draft["start_date"] == tomorrow.isoformat()


@pytest.mark.parametrize("username, message", [
    ("sam.taylor", "Only the supervisor"),
    ("priya.shah", "Only the supervisor"),       # the team lead of sam's team
    ("admin", "Only the supervisor"),
    ("marcus.reid", "You do not have access"),   # another supervisor
])
def test_only_the_supervisor_drafts(demo, username, message):
    arrangement_id = new_arrangement(demo)
    with pytest.raises(PermissionDenied, match=message):
        contracts.draft_contract(demo, who(demo, username), arrangement_id)
    assert not demo["contracts"].count_where("arrangement_id = ?", [arrangement_id])


def test_one_contract_series_per_arrangement(demo):
    arrangement_id = new_arrangement(demo)
    contracts.draft_contract(demo, who(demo, "aisha.begum"), arrangement_id)
    with pytest.raises(ValidationError, match="already has a contract"):
        contracts.draft_contract(demo, who(demo, "aisha.begum"), arrangement_id)


def test_an_ended_arrangement_is_read_only(demo):
    ended = arrangement_of(demo, "tom.baker", supervisor="marcus.reid")
    marcus = who(demo, "marcus.reid")
    with pytest.raises(PermissionDenied, match="ended"):
        contracts.new_version(demo, marcus, ended, "A change")
    assert contracts.versions(demo, marcus, ended)  # still readable
