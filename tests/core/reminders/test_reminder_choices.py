"""Each person turns each kind of reminder off for themselves, except the kinds
the council makes mandatory; the relay comes from the environment or secrets.toml."""

import pytest

from core.errors import PermissionDenied, ValidationError
from core.reminders import due, outbox, preferences, relay as relays
from core.access.roles import load_actor

from smtp_relay import LocalRelay


def _kinds_to(db, username):
    actor = load_actor(db, username)
    return {r.kind for r in due.everything(db) if r.person_id == actor.id}


def test_each_role_is_offered_its_own_kinds(demo):
    sam = {c.kind.key for c in preferences.choices(demo, load_actor(demo, "sam.taylor"))}
    assert {"prepare", "record_to_sign", "action_due", "session_invite"} <= sam
    assert not sam & {"record_to_share", "weekly_digest"}
    priya = {c.kind.key for c in preferences.choices(demo, load_actor(demo, "priya.shah"))}
    assert {"weekly_digest", "record_to_share", "session_overdue"} <= priya
    assert preferences.choices(demo, load_actor(demo, "admin")) == []


def test_a_kind_turned_off_is_not_sent(demo):
    sam = load_actor(demo, "sam.taylor")
    assert "record_to_sign" in _kinds_to(demo, "sam.taylor")
    preferences.set_choices(demo, sam, {"record_to_sign": False})
    assert "record_to_sign" not in _kinds_to(demo, "sam.taylor")
    assert "record_to_sign" in _kinds_to(demo, "tom.baker")  # only his own
    assert {c.kind.key: c.on for c in preferences.choices(demo, sam)}["record_to_sign"] is False
    assert demo["audit_events"].count_where("action = 'reminder_choices_changed'") == 1
    preferences.set_choices(demo, sam, {"record_to_sign": True})
    assert "record_to_sign" in _kinds_to(demo, "sam.taylor")


def test_a_mandatory_kind_cannot_be_turned_off_and_is_sent_anyway(demo):
    sam = load_actor(demo, "sam.taylor")
    preferences.set_choices(demo, sam, {"record_to_sign": False})
    preferences.set_mandatory(demo, load_actor(demo, "admin"), ["record_to_sign"])
    assert "record_to_sign" in _kinds_to(demo, "sam.taylor")
    choice = {c.kind.key: c for c in preferences.choices(demo, sam)}["record_to_sign"]
    assert choice.on and choice.mandatory
    with pytest.raises(ValidationError, match="sends this reminder to everyone"):
        preferences.set_choices(demo, sam, {"record_to_sign": False})


def test_a_mandatory_reminder_says_so_instead_of_how_to_turn_it_off(demo):
    preferences.set_mandatory(demo, load_actor(demo, "admin"), ["weekly_digest"])
    server = LocalRelay().start()
    try:
        outbox.run(demo, server.relay())
    finally:
        server.stop()
    digest = [m for m in server.inbox.messages if m["X-Supervision-Reminder"] == "weekly_digest"]
    other = [m for m in server.inbox.messages if m["X-Supervision-Reminder"] != "weekly_digest"]
    assert "Your council sends this reminder to everyone" in digest[0].get_body().get_content()
    assert "turn it off on your account page" in other[0].get_body().get_content()


def test_only_an_admin_sets_mandatory_kinds_and_sees_the_sends(demo):
    with pytest.raises(PermissionDenied):
        preferences.set_mandatory(demo, load_actor(demo, "priya.shah"), ["prepare"])
    with pytest.raises(PermissionDenied):
        outbox.status(demo, load_actor(demo, "priya.shah"))
    with pytest.raises(ValidationError):
        preferences.set_mandatory(demo, load_actor(demo, "admin"), ["no_such_kind"])


def test_a_person_cannot_choose_kinds_they_do_not_receive(demo):
    with pytest.raises(ValidationError):
        preferences.set_choices(demo, load_actor(demo, "sam.taylor"), {"weekly_digest": False})


ENV = {"SUPERVISION_SMTP_HOST": "relay.council.gov.uk", "SUPERVISION_SMTP_PORT": "2525",
       "SUPERVISION_SMTP_USER": "portal", "SUPERVISION_SMTP_PASSWORD": "s3cret",
       "SUPERVISION_MAIL_FROM": "portal@council.gov.uk",
       "SUPERVISION_PORTAL_URL": "https://supervision.council.gov.uk/"}


def test_the_relay_comes_from_the_environment(tmp_path):
    relay = relays.configured(ENV, tmp_path / "none.toml")
    assert (relay.host, relay.port, relay.starttls, relay.user) == (
        "relay.council.gov.uk", 2525, True, "portal")
    assert relay.portal_url == "https://supervision.council.gov.uk"
    assert "s3cret" not in repr(relay)


def test_the_relay_comes_from_secrets_toml_when_the_environment_is_silent(tmp_path):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('cookie_key = "x"\n[reminders]\nsmtp_host = "mail.local"\n'
                       'smtp_starttls = false\nsender = "p@council.gov.uk"\n'
                       'portal_url = "https://p.council.gov.uk"\n')
    relay = relays.configured({}, secrets)
    assert (relay.host, relay.port, relay.starttls) == ("mail.local", 25, False)
    assert relays.configured({"SUPERVISION_SMTP_HOST": "other"}, secrets).host == "other"


def test_without_a_host_reminders_are_off(tmp_path):
    env = {k: v for k, v in ENV.items() if k != "SUPERVISION_SMTP_HOST"}
    assert relays.configured(env, tmp_path / "none.toml") is None
    assert relays.missing(env, tmp_path / "none.toml") == ["the relay's host"]
