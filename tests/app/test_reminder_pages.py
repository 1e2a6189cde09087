"""Reminders on the pages: each person's choices on the Account page, and the
admin's view of the relay, the mandatory kinds and the latest sends (Settings),
for each role."""

import pytest
from conftest import ROOT, button, page, registered, signed_in, texts

from core.reminders import outbox, preferences
from ui.kit.text import inert
from core.reminders.kinds import KINDS
from core.access.roles import load_actor

ACCOUNT, SETTINGS = "app_pages/account.py", "app_pages/admin_settings.py"
RELAY_ENV = {"SUPERVISION_SMTP_HOST": "127.0.0.1", "SUPERVISION_MAIL_FROM": "p@example.gov.uk",
             "SUPERVISION_PORTAL_URL": "https://portal.example.gov.uk"}


def boxes(at) -> dict:
    return {c.label: c for c in at.checkbox}


@pytest.mark.parametrize("username, offered, not_offered", [
    ("sam.taylor", ["prepare", "record_to_sign", "action_due"], ["weekly_digest",
                                                                 "record_to_share"]),
    ("helen.carter", ["record_to_share", "record_disputed", "prepare"], ["weekly_digest"]),
    ("priya.shah", ["weekly_digest", "session_overdue", "action_due"], ["prepare"]),
])
def test_the_account_page_offers_each_role_its_kinds(demo, username, offered, not_offered):
    at = page(username, ACCOUNT)
    assert not at.exception
    assert "Reminders by email" in [s.value for s in at.subheader]
    shown = boxes(at)
    for key in offered:
        assert shown[KINDS[key].label].value is True
    for key in not_offered:
        assert KINDS[key].label not in shown
    assert "off in this portal" in texts(at)  # no relay configured in the tests
    assert inert(f"{username}@example.gov.uk") in texts(at)


def test_the_admin_is_offered_none(demo):
    at = page("admin", ACCOUNT)
    assert "No reminders are sent to you" in texts(at)
    assert not at.checkbox


def test_a_person_turns_a_kind_off_and_sees_it_stored(demo):
    at = page("sam.taylor", ACCOUNT)
    boxes(at)[KINDS["record_to_sign"].label].uncheck()
    button(at, "Save my reminder choices").click().run()
    assert "Your reminder choices are saved." in [s.value for s in at.success]
    assert "record_to_sign" in preferences.opted_out(demo, load_actor(demo, "sam.taylor").id)
    again = page("sam.taylor", ACCOUNT)
    assert boxes(again)[KINDS["record_to_sign"].label].value is False
    assert boxes(again)[KINDS["prepare"].label].value is True


def test_a_mandatory_kind_shows_on_and_cannot_be_changed(demo):
    preferences.set_mandatory(demo, load_actor(demo, "admin"), ["prepare"])
    at = page("sam.taylor", ACCOUNT)
    box = boxes(at)[KINDS["prepare"].label]
    assert box.value is True and box.disabled
    button(at, "Save my reminder choices").click().run()
    assert not at.exception and "Your reminder choices are saved." in [s.value for s in at.success]


def test_a_person_without_an_email_address_is_told(demo):
    demo.execute("UPDATE users SET email = '' WHERE username = 'sam.taylor'")
    at = page("sam.taylor", ACCOUNT)
    assert "no email address" in " ".join(w.value for w in at.warning)


def test_the_admin_sees_reminders_are_off_without_a_relay(demo):
    at = page("admin", SETTINGS)
    assert not at.exception
    warning = " ".join(w.value for w in at.warning)
    assert "Reminders are off" in warning and "the relay's host" in warning


def test_the_admin_sees_the_sends_and_failures_without_content(demo, monkeypatch):
    for name, value in RELAY_ENV.items():
        monkeypatch.setenv(name, value)
    from core.reminders import relay as relays

    def refuse_sams(relay, message):
        if "sam.taylor" in message["To"]:
            raise ConnectionRefusedError()

    outbox.run(demo, relays.configured(), send=refuse_sams)
    at = page("admin", SETTINGS)
    assert "Reminders are on" in " ".join(s.value for s in at.success)
    table = at.dataframe[0].value
    assert set(table.columns) == {"Person", "Username", "Reminder", "When", "Outcome",
                                  "Attempts", "Error", "Next try"}
    sams = table[table["Username"] == "sam.taylor"]
    assert len(sams) and set(sams["Error"]) == {"ConnectionRefusedError"}
    assert set(sams["Outcome"]) == {"Failed: tried again later"}
    others = table[table["Username"] != "sam.taylor"]
    assert set(others["Outcome"]) == {"Sent"} and set(others["Error"]) == {""}
    assert set(table["Reminder"]) <= {k.label for k in KINDS.values()}


def test_the_admin_makes_a_kind_mandatory(demo):
    at = page("admin", SETTINGS)
    boxes(at)[KINDS["record_to_sign"].label].check()
    button(at, "Save mandatory reminders").click().run()
    assert "Mandatory reminders saved." in [s.value for s in at.success]
    assert preferences.mandatory(demo) == {"record_to_sign"}


@pytest.mark.parametrize("username", ["priya.shah", "helen.carter", "sam.taylor"])
def test_only_the_admin_opens_the_sends(demo, username):
    assert str(SETTINGS) not in registered(signed_in(username))
    assert ACCOUNT in registered(signed_in(username))
    assert (ROOT / SETTINGS).exists()
