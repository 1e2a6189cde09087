"""For every page and every role: shown, or refused by its guard.

Two doors are tested: the navigation built in app.py (a page outside the
person's roles is not registered, so its URL cannot open it), and the page
script run directly, where its own guard must refuse."""

import time

import pytest
from conftest import ROOT, registered, signed_in
from streamlit.testing.v1 import AppTest

from ui import navigation
from core.access.roles import load_actor

PEOPLE = ["admin", "priya.shah", "helen.carter", "aisha.begum", "sam.taylor", "jordan.ellis"]
PAGES = [p.path for p in navigation.PAGES]


def run_page_directly(path: str, username: str | None) -> AppTest:
    at = AppTest.from_file(str(ROOT / path), default_timeout=30)
    if username:
        at.session_state["authentication_status"] = True
        at.session_state["username"] = username
        at.session_state["signed_in_at"] = time.time()
    return at.run()


@pytest.mark.parametrize("username", PEOPLE)
def test_navigation_registers_exactly_the_pages_of_the_roles(demo, username):
    actor = load_actor(demo, username)
    expected = {p.path for p in navigation.PAGES if p.open_to(actor)}
    assert registered(signed_in(username)) == expected


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("username", PEOPLE)
def test_each_page_guard_shows_or_refuses(demo, username, path):
    actor = load_actor(demo, username)
    at = run_page_directly(path, username)
    assert not at.exception, at.exception
    refusals = [e.value for e in at.error if "This page is for" in e.value]
    if navigation.spec(path).open_to(actor):
        assert not refusals
        assert at.title, f"{path} showed nothing to {username}"
    else:
        assert refusals, f"{path} did not refuse {username}"
        assert not at.title


@pytest.mark.parametrize("path", PAGES)
def test_signed_out_every_page_refuses(demo, path):
    at = run_page_directly(path, None)
    assert [e.value for e in at.error] == ["Sign in to open this page."]


@pytest.mark.parametrize("path", PAGES)
def test_a_stale_session_is_refused(demo, path):
    at = AppTest.from_file(str(ROOT / path), default_timeout=30)
    at.session_state["authentication_status"] = True
    at.session_state["username"] = "admin"
    at.session_state["signed_in_at"] = time.time() - 11 * 3600  # longer than a working day
    at.run()
    assert [e.value for e in at.error] == ["Sign in to open this page."]


def test_switching_to_a_page_outside_the_roles_is_impossible(demo):
    at = signed_in("sam.taylor")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(str(ROOT / "app_pages/admin_users.py"))


def test_a_forced_password_change_shows_only_that_page(demo):
    demo.execute("UPDATE users SET must_change_password = 1 WHERE username = 'helen.carter'")
    at = signed_in("helen.carter")
    assert registered(at) == {"app_pages/account.py"}
    assert at.title[0].value == "Account"
    home = run_page_directly("app_pages/home.py", "helen.carter")
    assert "Choose a new password before you go on." in [w.value for w in home.warning]
