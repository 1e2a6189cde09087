"""Sign in through the form as each demo role; wrong passwords and the lock-out."""

import pytest
from conftest import PASSWORD, button, fill, new_app, sign_in_through_form, texts

from core.demo.people import ACCOUNTS
from core.access.roles import load_actor


@pytest.mark.parametrize("username", [u for _role, u in ACCOUNTS])
def test_each_demo_role_signs_in_and_lands_home(demo, username):
    at = sign_in_through_form(username)
    assert at.session_state["authentication_status"] is True
    actor = load_actor(demo, username)
    assert at.title[0].value == f"Hello, {actor.name}"
    shown = texts(at)
    for label in actor.role_labels:
        assert label in shown


def test_wrong_password_is_refused_without_saying_which_part(demo):
    at = sign_in_through_form("sam.taylor", "not-the-password")
    assert at.session_state["authentication_status"] is not True
    assert "The username or password is not right." in [e.value for e in at.error]


def test_empty_form_asks_for_both(demo):
    at = new_app().run()
    button(at, "Sign in").click().run()
    assert "Enter your username and password." in [e.value for e in at.error]


def test_fifth_failure_locks_and_even_the_right_password_waits(demo):
    at = new_app().run()
    for _ in range(5):
        fill(at, "Username", "grace.holt")
        fill(at, "Password", "wrong-password-here")
        button(at, "Sign in").click().run()
    assert any("locked" in e.value for e in at.error)
    fill(at, "Password", PASSWORD)
    button(at, "Sign in").click().run()
    assert at.session_state["authentication_status"] is not True
    assert any("Try again after" in e.value for e in at.error)


def test_a_deactivated_person_cannot_sign_in(demo):
    demo.execute("UPDATE users SET active = 0 WHERE username = 'sam.taylor'")
    at = sign_in_through_form("sam.taylor")
    assert at.session_state["authentication_status"] is not True


def test_sign_out_ends_the_session(demo):
    at = sign_in_through_form("helen.carter")
    button(at, "Sign out").click().run()
    assert at.session_state["authentication_status"] is None
    assert "You have signed out." in [i.value for i in at.info]
    assert [t.label for t in at.text_input] == ["Username", "Password"]


def test_signing_out_elsewhere_ends_this_session_too(demo):
    from core.people import sign_in as auth

    at = sign_in_through_form("helen.carter")
    auth.sign_out(demo, load_actor(demo, "helen.carter"))
    at.run()
    assert at.session_state["authentication_status"] is None
    assert "Your sign-in has ended. Please sign in again." in [w.value for w in at.warning]
