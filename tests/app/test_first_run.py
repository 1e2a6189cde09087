"""An empty database offers the demo organisation or a first admin."""

from conftest import button, expect_errors, fill, new_app, sign_in_through_form, texts

from core.demo.people import DEMO_PASSWORD
from core.access.roles import Role, load_actor


def test_first_screen_offers_two_choices(database):
    at = new_app().run()
    shown = texts(at)
    assert "Load the demo organisation" in shown and "Create the first admin" in shown
    assert [b.label for b in at.button] == ["Load the demo organisation", "Create admin"]


def test_create_the_first_admin_with_clear_messages(database):
    at = new_app().run()
    fill(at, "Username", "Root User")
    fill(at, "Full name", "")
    fill(at, "Password", "short")
    fill(at, "Password again", "short")
    button(at, "Create admin").click().run()
    expect_errors(at, "2 to 40 characters", "Enter a full name", "at least 12")
    assert next(t for t in at.text_input if t.label == "Username").value == "Root User"
    fill(at, "Username", "root")
    fill(at, "Full name", "Root Admin")
    fill(at, "Password", "a-long-password")
    fill(at, "Password again", "a-long-password")
    button(at, "Create admin").click().run()
    assert "The admin account is ready. Sign in with it." in [s.value for s in at.success]
    assert Role.ADMIN in load_actor(database, "root").roles
    signed = sign_in_through_form("root", "a-long-password")
    assert signed.title[0].value == "Hello, Root Admin"


def test_load_the_demo_from_the_first_screen(database):
    at = new_app().run()
    button(at, "Load the demo organisation").click().run()
    assert load_actor(database, "sam.taylor") is not None
    shown = texts(at)
    assert "Demo accounts" in shown and DEMO_PASSWORD in shown
    assert "sam.taylor" in str(at.table[0].value)
