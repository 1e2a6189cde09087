"""Every text field with a limit says so ("Up to 20,000 characters."), and none
sets max_chars: with it the browser refuses or cuts a long paste without a word.
Core checks the length; the message shows next to the field, the text kept."""

import re
from pathlib import Path

import pytest
from conftest import ROOT, page
from conftest import signed_in as sign_in
from reflection_fixtures import actor, session

from core.preparation import reflections
from core.people import users
from core.access.roles import load_actor
from db import prompt_sets as prompt_table

# Nothing typed here is stored: a search, the password you have, and a repeat.
NO_LIMIT = {"Find a person", "Find a supervisor", "Find a supervisee", "Find a team lead",
            "Find arrangements", "Find an arrangement", "Find teams",
            "Find a facilitator", "Find members",
            "Current password", "New password again", "Password again"}


def text_fields(at):
    return list(at.text_input) + list(at.text_area)


def check(at):
    assert not at.exception, at.exception
    fields = [f for f in text_fields(at) if f.label not in NO_LIMIT]
    assert fields
    for field in fields:
        assert not field.max_chars, f"{field.label!r} sets max_chars"
        assert re.search(r"\d[\d,]* characters", field.help or ""), \
            f"{field.label!r} does not say its limit: {field.help!r}"
    return fields


def test_no_text_field_in_the_code_sets_max_chars():
    offenders = [f"{path.relative_to(ROOT)}:{n}"
                 for folder in ("app_pages", "ui")
                 for path in sorted((ROOT / folder).glob("*.py"))
                 for n, line in enumerate(Path(path).read_text().splitlines(), start=1)
                 if re.search(r"\bmax_chars\s*=", line)]
    assert not offenders, offenders


def test_the_prepare_page_states_every_limit(demo):
    sam = actor(demo, "sam.taylor")
    sid = session(demo, "sam.taylor", days=5)
    draft = reflections.open_draft(demo, sam, sid)
    reflections.choose_prompt_set(demo, sam, draft["id"], prompt_table.by_key(demo, "gibbs")["id"])
    reflections.add_agenda_item(demo, sam, draft["id"], title="Caseload", function="support",
                                case_ref="", wants="support")
    at = sign_in("sam.taylor")
    at.switch_page(str(ROOT / "app_pages/prepare.py"))
    at.query_params["session"] = str(sid)
    fields = check(at.run())
    helps = {f.label: f.help for f in fields}
    assert helps["A note about your wellbeing (optional)"] == "Up to 2,000 characters."
    assert helps["Item 1: title"] == "Up to 200 characters."
    assert "Up to 20,000 characters." in helps.values()  # the answers


@pytest.mark.parametrize("username, path", [
    ("helen.carter", "app_pages/plan_sessions.py"),
    ("helen.carter", "app_pages/sessions.py"),
    ("helen.carter", "app_pages/contracts.py"),
    ("sam.taylor", "app_pages/journal.py"),
    ("admin", "app_pages/admin_teams.py"),
    ("admin", "app_pages/admin_contract_template.py"),
    ("admin", "app_pages/account.py"),
])
def test_each_page_states_its_limits(demo, username, path):
    check(page(username, path))


def test_the_admin_user_and_prompt_set_forms_state_their_limits(demo):
    at = page("admin", "app_pages/admin_users.py")
    at.selectbox(key="manage_user").select(load_actor(demo, "sam.taylor").id).run()
    helps = {f.label: f.help for f in check(at)}
    assert helps["Job title"] == f"Up to {users.JOB_TITLE_MAX} characters."
    at = page("admin", "app_pages/admin_prompt_sets.py")
    at.selectbox(key="ps_chosen").select(prompt_table.by_key(demo, "gibbs")["id"]).run()
    check(at)
