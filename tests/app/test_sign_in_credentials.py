"""The sign-in widget is handed only the person being tried, read afresh each time."""

from conftest import PASSWORD, new_app, sign_in_through_form

from core.people import sign_in as auth
from core.access.roles import load_actor

NEW_PASSWORD = "a-temporary-password"


def spy_on_credentials(monkeypatch) -> list[dict]:
    handed = []
    original = auth.credentials

    def spy(db, username):
        creds = original(db, username)
        handed.append(creds)
        return creds

    monkeypatch.setattr(auth, "credentials", spy)
    return handed


def test_only_the_one_username_tried_is_handed_over(demo, monkeypatch):
    handed = spy_on_credentials(monkeypatch)
    at = sign_in_through_form("Sam.Taylor")
    assert at.session_state["authentication_status"] is True
    assert handed, "the widget was never handed credentials"
    assert all(list(c["usernames"]) == ["sam.taylor"] for c in handed)


def test_no_credentials_are_handed_before_anyone_tries(demo, monkeypatch):
    handed = spy_on_credentials(monkeypatch)
    new_app().run()
    assert handed == []


def test_an_old_password_stops_working_at_once_after_a_reset(demo):
    assert sign_in_through_form("sam.taylor").session_state["authentication_status"] is True
    admin = load_actor(demo, "admin")
    auth.reset_password(demo, admin, load_actor(demo, "sam.taylor").id, NEW_PASSWORD)
    assert sign_in_through_form("sam.taylor", PASSWORD).session_state[
        "authentication_status"] is not True
    assert sign_in_through_form("sam.taylor", NEW_PASSWORD).session_state[
        "authentication_status"] is True
