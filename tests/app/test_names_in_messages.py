"""Names typed by people come back inert in the confirmations after a save, as in
content: a name like [x](javascript:alert(1)) is never a link, and ** never bold."""

import pytest
from conftest import ROOT, button, by_label, page
from conftest import signed_in as sign_in
from reflection_fixtures import session

from core.preparation import prompt_sets
from core.preparation import reflections
from core.people import teams
from core.people import users
from core.access.roles import load_actor
from db import prompt_sets as prompt_table
from ui.kit.text import inert

LINK = "[x](javascript:alert(1))"
NAMES = [LINK, "**Bold** <b>team</b>", "![img](https://evil.test/x.png)"]


def successes(at) -> list[str]:
    return [s.value for s in at.success]


@pytest.mark.parametrize("name", NAMES)
def test_a_new_team_name_is_inert_in_the_confirmation(demo, name):
    at = page("admin", "app_pages/admin_teams.py")
    by_label(at.text_input, "Team name").input(name)
    button(at, "Create team").click().run()
    assert successes(at) == [f"Created the team '{inert(name)}'."]


def test_a_team_and_lead_are_inert_when_the_lead_changes(demo):
    admin = load_actor(demo, "admin")
    team = teams.create_team(demo, admin, name=LINK, lead_id=None)
    marcus = load_actor(demo, "marcus.reid")
    users.update_user(demo, admin, marcus.id, name="**Marcus** [m](javascript:1)",
                      email="", job_title="", team_id=None, is_admin=False, fte=1.0)
    at = page("admin", "app_pages/admin_teams.py")
    by_label(at.selectbox, "Team").select(team)
    by_label(at.selectbox, "New team lead").select(marcus.id)
    button(at, "Set lead").click().run()
    [message] = successes(at)
    assert "[x](" not in message and "[m](" not in message and "**Marcus**" not in message
    assert inert(LINK) in message


def test_a_person_s_name_is_inert_after_each_user_action(demo):
    sam = load_actor(demo, "sam.taylor")
    at = page("admin", "app_pages/admin_users.py")
    by_label(at.selectbox, "Person").select(sam.id).run()
    [w for w in at.text_input if w.label == "Full name"][-1].input(LINK)  # the edit form
    button(at, "Save changes").click().run()
    assert successes(at) == [f"Saved the changes to {inert(LINK)}."]
    by_label(at.text_input, "New temporary password").input("temporary-pass-9")
    button(at, "Reset password").click().run()
    assert successes(at) == [f"Password reset for {inert(LINK)}."]
    button(at, "Deactivate this account").click().run()
    assert successes(at) == [f"{inert(LINK)} is deactivated. Their records are kept."]
    button(at, "Reactivate this account").click().run()
    assert successes(at) == [f"{inert(LINK)} can sign in again."]


def test_a_prompt_set_name_is_inert_when_saved_retired_and_restored(demo):
    admin = load_actor(demo, "admin")
    gibbs = prompt_table.by_key(demo, "gibbs")["id"]
    found = prompt_sets.get(demo, gibbs)
    prompt_sets.update(demo, admin, gibbs, name=LINK, description=found["description"],
                       prompts=found["prompts"])
    at = page("admin", "app_pages/admin_prompt_sets.py")
    by_label(at.selectbox, "Prompt set").select(gibbs).run()
    button(at, "Retire this set").click().run()
    assert successes(at) == [f"'{inert(LINK)}' is retired. Reflections that used it keep "
                             "their prompts."]
    button(at, "Bring back into use").click().run()
    assert successes(at) == [f"'{inert(LINK)}' is offered to supervisees again."]


def test_the_supervisor_s_name_is_inert_when_a_reflection_is_submitted(demo):
    admin = load_actor(demo, "admin")
    helen = load_actor(demo, "helen.carter")
    users.update_user(demo, admin, helen.id, name=LINK, email="", job_title="",
                      team_id=None, is_admin=False, fte=1.0)
    planned = session(demo, "sam.taylor", days=6)
    sam = load_actor(demo, "sam.taylor")
    draft = reflections.open_draft(demo, sam, planned)
    reflections.add_agenda_item(demo, sam, draft["id"], title="Caseload", function="support",
                                case_ref="", wants="support")
    at = sign_in("sam.taylor")
    at.switch_page(str(ROOT / "app_pages/prepare.py"))
    at.query_params["session"] = str(planned)
    at.run()
    [submit] = [b for b in at.button if b.label.startswith("Submit to")]
    assert submit.label == f"Submit to {inert(LINK)}"
    submit.click().run()
    assert f"Submitted. {inert(LINK)} can now see your reflection." in successes(at)


def test_a_name_quoted_in_an_error_message_is_inert_too(demo):
    teams.create_team(demo, load_actor(demo, "admin"), name=LINK, lead_id=None)
    at = page("admin", "app_pages/admin_teams.py")
    by_label(at.text_input, "Team name").input(LINK)
    button(at, "Create team").click().run()
    [message] = [e.value for e in at.error]
    assert "already a team called" in message
    assert "[x](" not in message and "\\[x\\]" in message


def test_a_message_quoting_a_web_address_or_an_email_makes_no_link():
    from ui.kit.text import inert_message

    shown = inert_message("There is already a team called www.example.test (ops@example.test).")
    assert "www." not in shown and "www\\." in shown
    assert "@" not in shown.replace("\\@", "")
    assert shown.endswith(").")  # ordinary punctuation reads as typed
