"""Admins edit the contract template on its page."""

from conftest import button, by_label, page

from core.contracts import template as contract_template

TEMPLATE = "app_pages/admin_contract_template.py"


def test_an_admin_edits_the_template(demo):
    at = page("admin", TEMPLATE)
    assert at.title[0].value == "Contract template"
    purpose = by_label(at.text_area, "Purpose")
    assert purpose.value == contract_template.DEFAULTS["purpose"]
    purpose.input("")
    by_label(at.text_input, "Venue or mode").input("Line one\u0007")
    button(at, "Save the template").click().run()
    errors = [e.value for e in at.error]
    assert "Enter purpose." in errors and any("control character" in e for e in errors)
    assert contract_template.template(demo) == contract_template.DEFAULTS
    by_label(at.text_area, "Purpose").input("Our purpose, in our words. 👍")
    by_label(at.text_input, "Venue or mode").input("Room 2 or Teams")
    by_label(at.number_input, "Session length (minutes)").set_value(60)
    button(at, "Save the template").click().run()
    assert "Template saved. New contracts start from it." in [s.value for s in at.success]
    saved = contract_template.template(demo)
    assert saved["purpose"] == "Our purpose, in our words. 👍"
    assert saved["venue"] == "Room 2 or Teams" and saved["session_minutes"] == 60
    assert by_label(at.text_area, "Purpose").value == "Our purpose, in our words. 👍"


def test_the_template_has_no_per_contract_fields(demo):
    at = page("admin", TEMPLATE)
    assert not [d for d in at.date_input]
    assert "Supervisee's working hours (share of full time, for pro rata)" not in [
        n.label for n in at.number_input]
