"""Admins edit the contract template; nobody else can."""

import pytest
from supervision_setup import who

from core.contracts import template as contract_template
from core.contracts.template import DEFAULTS
from core.errors import PermissionDenied, ValidationError


def test_an_admin_edits_the_template_and_it_is_audited(demo):
    values = dict(contract_template.template(demo), purpose="<b>Ours</b> 😊",
                  session_minutes=60)
    contract_template.update_template(demo, who(demo, "admin"), values)
    saved = contract_template.template(demo)
    assert saved["purpose"] == "<b>Ours</b> 😊" and saved["session_minutes"] == 60
    detail = demo.execute("SELECT detail FROM audit_events "
                          "WHERE action = 'contract_template_changed'").fetchone()[0]
    assert "Ours" not in detail and "purpose" in detail


@pytest.mark.parametrize("username", ["helen.carter", "priya.shah", "sam.taylor"])
def test_only_an_admin_edits_it(demo, username):
    with pytest.raises(PermissionDenied):
        contract_template.update_template(demo, who(demo, username),
                                          contract_template.template(demo))


def test_bad_template_values_are_refused(demo):
    values = dict(contract_template.template(demo), purpose="", cadence_weeks=40)
    with pytest.raises(ValidationError) as error:
        contract_template.update_template(demo, who(demo, "admin"), values)
    assert {"purpose", "cadence_weeks"} <= set(error.value.errors)
    assert contract_template.template(demo) == DEFAULTS


def test_the_asye_pattern_is_never_the_default(demo):
    with pytest.raises(ValidationError) as error:
        contract_template.update_template(
            demo, who(demo, "admin"), dict(contract_template.template(demo), cadence_kind="asye"))
    assert "cadence_kind" in error.value.errors
