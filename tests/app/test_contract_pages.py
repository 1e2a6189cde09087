"""The Contracts page for each role: draft, edit, sign, version, read."""

import pytest
from conftest import ROOT, button, by_label, page, texts

from db import contracts as contract_rows
from core import clock, contracts
from core.people import arrangements
from core.access.roles import load_actor
from ui.kit.text import inert

CONTRACTS = "app_pages/contracts.py"


def labels(at):
    return [b.label for b in at.button]


@pytest.fixture
def fresh(demo):
    """Aisha Begum starts child protection supervision of Sam Taylor today: no contract yet."""
    return arrangements.create_arrangement(
        demo, load_actor(demo, "admin"), supervisor_id=load_actor(demo, "aisha.begum").id,
        supervisee_id=load_actor(demo, "sam.taylor").id, kind="child_protection",
        start_date=clock.today())


def test_the_supervisor_drafts_edits_and_signs(demo, fresh):
    at = page("aisha.begum", CONTRACTS)
    assert by_label(at.selectbox, "Arrangement").value == fresh  # the one waiting comes first
    assert "No version has been signed by both yet" in texts(at)
    button(at, "Draft the contract").click().run()
    assert "Draft created. Check every field, then sign it." in [s.value for s in at.success]
    assert "Version 1: draft, not signed" in [h.value for h in at.header]
    # a bad edit: messages next to the fields, and what was typed stays
    by_label(at.text_area, "Purpose").input("")
    by_label(at.text_area, "Confidentiality, with its safeguarding exception").input(
        "<script>alert(1)</script> Nothing leaves the room.")
    button(at, "Save the draft").click().run()
    errors = [e.value for e in at.error]
    assert "Enter purpose." in errors
    assert any("safeguarding exception" in e for e in errors)
    assert by_label(at.text_area, "Confidentiality, with its safeguarding exception").value == \
        "<script>alert(1)</script> Nothing leaves the room."
    # a good edit, with hostile text kept exactly and shown inert
    by_label(at.text_area, "Purpose").input("[Reflect](http://evil.example) **together** 🙂")
    by_label(at.text_area, "Confidentiality, with its safeguarding exception").input(
        "<script>alert(1)</script> Safeguarding concerns go to the team lead.")
    button(at, "Save the draft").click().run()
    assert "Draft saved." in [s.value for s in at.success]
    draft = contracts.versions(demo, load_actor(demo, "aisha.begum"), fresh)[0]
    assert draft["purpose"] == "[Reflect](http://evil.example) **together** 🙂"
    shown = texts(at)
    assert inert("[Reflect](http://evil.example) **together** 🙂") in shown
    assert inert("<script>alert(1)</script>") in shown
    assert "<script>" not in shown
    by_label(at.checkbox, "I have read version 1 and agree to it.").check()
    button(at, "Sign version 1").click().run()
    assert "You signed version 1." in [s.value for s in at.success]
    assert "Version 1: waiting for the supervisee's signature" in [h.value for h in at.header]
    assert "Sign version 1" not in labels(at)


def test_the_supervisee_reads_and_signs_and_then_it_is_in_force(demo, fresh):
    aisha = load_actor(demo, "aisha.begum")
    contract_id = contracts.draft_contract(demo, aisha, fresh)
    contracts.sign_contract(demo, aisha, contract_id,
                            contract_rows.get(demo, contract_id)["updated_at"])
    at = page("sam.taylor", CONTRACTS)
    assert by_label(at.selectbox, "Arrangement").value == fresh
    assert "Edit this draft" not in [e.label for e in at.expander]
    button(at, "Sign version 1").click().run()
    assert "Tick the box to say you have read it, then sign." in [e.value for e in at.error]
    by_label(at.checkbox, "I have read version 1 and agree to it.").check()
    button(at, "Sign version 1").click().run()
    assert "You signed version 1." in [s.value for s in at.success]
    assert contracts.current_contract(demo, fresh)["id"] == contract_id
    assert "Signed by the supervisee, Sam Taylor, on" in texts(at)
    assert "In force" in [h.value for h in at.header]


def test_a_signature_on_a_changed_text_is_refused(demo, fresh):
    aisha = load_actor(demo, "aisha.begum")
    contract_id = contracts.draft_contract(demo, aisha, fresh)
    at = page("sam.taylor", CONTRACTS)   # sam reads version 1 as it stands
    row = contract_rows.get(demo, contract_id)
    contracts.update_draft(demo, aisha, contract_id, dict(row, session_minutes=45),
                           row["updated_at"])
    by_label(at.checkbox, "I have read version 1 and agree to it.").check()
    button(at, "Sign version 1").click().run()
    assert any("changed after you opened it" in e.value for e in at.error)
    assert contract_rows.get(demo, contract_id)["supervisee_signed_at"] is None
    assert "45 minutes" in texts(at)  # the new text is now on screen


def test_a_change_is_a_new_version(demo):
    at = page("helen.carter", CONTRACTS)
    chloe = by_label(at.selectbox, "Arrangement").value
    assert any("due for review" in w.value for w in at.warning)
    button(at, "Start a new version").click().run()
    assert any("Enter why the contract changes" in e.value for e in at.error)
    by_label(at.text_input, "Why it changes").input("Yearly review")
    button(at, "Start a new version").click().run()
    assert "New version started. Edit it, then sign it." in [s.value for s in at.success]
    assert "Version 3: draft, not signed" in [h.value for h in at.header]
    assert "Earlier versions" in [h.value for h in at.header]
    assert contracts.current_contract(demo, chloe)["version"] == 2  # still in force
    button(at, "Discard this draft").click().run()
    assert "Draft discarded." in [s.value for s in at.success]


@pytest.mark.parametrize("username", ["priya.shah", "admin"])
def test_a_team_lead_or_admin_reads_but_acts_on_nothing(demo, username):
    at = page(username, CONTRACTS)
    sam = demo.execute("SELECT a.id FROM arrangements a JOIN users u ON u.id = a.supervisee_id "
                       "WHERE u.username = 'sam.taylor'").fetchone()[0]
    by_label(at.selectbox, "Arrangement").select(sam).run()
    assert "Signed by the supervisee, Sam Taylor, on" in texts(at)
    for label in ("Draft the contract", "Start a new version", "Discard this draft"):
        assert label not in labels(at)
    assert not [b for b in labels(at) if b.startswith("Sign version")]


def test_the_former_supervisor_reads_an_ended_arrangement(demo):
    ended = demo.execute("SELECT id FROM arrangements WHERE end_date IS NOT NULL").fetchone()[0]
    at = page("marcus.reid", CONTRACTS)
    by_label(at.selectbox, "Arrangement").select(ended).run()
    assert any("has ended" in i.value for i in at.info)
    assert "Start a new version" not in labels(at)


def test_a_supervisee_sees_only_their_own_arrangements(demo):
    at = page("ravi.patel", CONTRACTS)
    options = by_label(at.selectbox, "Arrangement").options
    assert len(options) == 2 and all(o.startswith("Your ") for o in options)


def test_the_page_is_registered_for_every_role(demo):
    for username in ("sam.taylor", "helen.carter", "priya.shah", "admin"):
        assert page(username, CONTRACTS).title[0].value == "Contracts"
    assert (ROOT / CONTRACTS).exists()
