"""Single sign-on through the sign-in adapter, with the provider's identity stubbed
(st.login itself needs a browser: tests/e2e/test_single_sign_on_journeys.py), the
sign-in page with password sign-in off, and the admin's setting for it."""

import time

import pytest

from conftest import ROOT, button, fill, new_app, texts

from core.people import sign_in as rules
from core.people import single_sign_on
from core.access.roles import load_actor

SECRETS = {
    "auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "c" * 40,
             "client_id": "portal", "client_secret": "secret",
             "server_metadata_url": "http://localhost:9/.well-known/openid-configuration"},
    "single_sign_on": {"provider_name": "Microsoft", "claim": "email"},
}
SETTINGS = str(ROOT / "app_pages/admin_settings.py")


def with_sso(at):
    at.secrets = {k: dict(v) for k, v in SECRETS.items()}
    return at


def through_provider(email: str, issued: float | None = None):
    """The app as it runs once the provider has sent this person back."""
    at = with_sso(new_app())
    at.user = {"is_logged_in": True, "email": email, "name": "From the provider",
               "iat": int(time.time() if issued is None else issued)}
    return at.run()


def passwords_off(demo):
    admin = load_actor(demo, "admin")
    single_sign_on.set_password_sign_in(demo, admin, False, sso_on=True, admin_used_sso=True)


# ---- the sign-in page ------------------------------------------------------------


def test_without_single_sign_on_the_page_is_as_before(demo):
    at = new_app().run()
    assert [w.label for w in at.text_input] == ["Username", "Password"]
    assert not any(b.label.startswith("Sign in with") for b in at.button)


def test_with_single_sign_on_both_ways_in_are_offered(demo):
    at = with_sso(new_app()).run()
    assert button(at, "Sign in with Microsoft")
    assert [w.label for w in at.text_input] == ["Username", "Password"]


def test_with_password_sign_in_off_only_the_provider_is_offered(demo):
    passwords_off(demo)
    at = with_sso(new_app()).run()
    assert [b.label for b in at.button] == ["Sign in with Microsoft"]
    assert not at.text_input
    assert not at.exception


def test_password_sign_in_comes_back_if_single_sign_on_is_removed(demo):
    passwords_off(demo)
    at = new_app().run()
    assert [w.label for w in at.text_input] == ["Username", "Password"]


# ---- the adapter, with the identity stubbed -------------------------------------------


def test_a_known_person_lands_on_their_home_with_their_roles(demo):
    at = through_provider("Helen.Carter@example.gov.uk")
    assert at.session_state["username"] == "helen.carter"
    assert at.title[0].value == "Hello, Helen Carter"
    actor = load_actor(demo, "helen.carter")
    for label in actor.role_labels:
        assert label in texts(at)
    events = demo.execute("SELECT detail FROM audit_events WHERE action = 'signed_in' "
                          "AND actor_id = ?", [actor.id]).fetchall()
    assert any("single_sign_on" in row[0] for row in events)


def test_an_unknown_person_is_refused_with_the_message(demo):
    at = through_provider("stranger@elsewhere.example")
    assert at.session_state["authentication_status"] is not True
    assert any("There is no portal account for stranger@elsewhere.example. Ask the "
               "portal's admin to add you" in e.value for e in at.error)
    assert button(at, "Sign in with Microsoft")


def test_a_closed_account_is_refused(demo):
    demo.execute("UPDATE users SET active = 0 WHERE username = 'sam.taylor'")
    at = through_provider("sam.taylor@example.gov.uk")
    assert at.session_state["authentication_status"] is not True
    assert any("is closed" in e.value for e in at.error)


def test_an_identity_issued_before_sign_out_is_refused(demo):
    issued = time.time() - 120
    rules.sign_out(demo, load_actor(demo, "sam.taylor"))
    at = through_provider("sam.taylor@example.gov.uk", issued)
    assert at.session_state["authentication_status"] is not True
    assert "Your sign-in has ended. Sign in with Microsoft again." in [w.value for w in at.warning]


def test_an_identity_older_than_a_working_day_is_refused(demo):
    at = through_provider("sam.taylor@example.gov.uk", time.time() - rules.SESSION_SECONDS - 60)
    assert at.session_state["authentication_status"] is not True


def test_a_forced_password_change_does_not_hold_up_a_provider_sign_in(demo):
    demo.execute("UPDATE users SET must_change_password = 1 WHERE username = 'sam.taylor'")
    at = through_provider("sam.taylor@example.gov.uk")
    assert at.title[0].value == "Hello, Sam Taylor"


def test_sign_out_ends_the_sign_in_on_the_server_and_at_the_provider(demo):
    at = through_provider("sam.taylor@example.gov.uk")
    button(at, "Sign out").click().run()
    assert at.user.get("is_logged_in") is False, "st.logout ran"
    assert at.session_state["authentication_status"] is not True
    signed_out = demo.execute("SELECT signed_out_at FROM users WHERE username = 'sam.taylor'"
                              ).fetchone()[0]
    assert signed_out, "the sign-out is recorded on the server"
    assert not rules.sign_in_still_valid(demo, "sam.taylor", time.time() - 1)


def test_a_password_sign_in_ends_when_password_sign_in_is_turned_off(demo):
    at = with_sso(new_app()).run()
    fill(at, "Username", "sam.taylor")
    fill(at, "Password", "supervision-demo")
    button(at, "Sign in").click().run()
    at.run()
    assert at.title[0].value == "Hello, Sam Taylor"
    passwords_off(demo)
    at.run()
    assert at.session_state["authentication_status"] is not True
    assert "Password sign-in is turned off. Sign in with Microsoft." in [w.value for w in at.warning]


# ---- Admin → Settings ---------------------------------------------------------------


def settings_page(*, sso: bool, by_provider: bool):
    if by_provider:
        at = through_provider("admin@example.gov.uk")
    else:
        at = with_sso(new_app()) if sso else new_app()
        at.session_state["authentication_status"] = True
        at.session_state["username"] = "admin"
        at.session_state["signed_in_at"] = time.time()
        at.run()
    return at.switch_page(SETTINGS).run()


def test_settings_say_when_single_sign_on_is_not_set_up(demo):
    at = settings_page(sso=False, by_provider=False)
    assert "Single sign-on is not set up" in texts(at)
    assert not [c for c in at.checkbox if c.label == "Allow password sign-in too"]


def test_the_admin_turns_password_sign_in_off(demo):
    at = settings_page(sso=True, by_provider=True)
    assert "Single sign-on through **Microsoft** is set up" in texts(at)
    box = next(c for c in at.checkbox if c.label == "Allow password sign-in too")
    assert box.value is True
    box.uncheck()
    button(at, "Save sign-in settings").click().run()
    assert not single_sign_on.password_sign_in_allowed(demo, sso_on=True)
    assert "Sign-in settings saved." in texts(at)
    assert next(c for c in at.checkbox if c.label == "Allow password sign-in too").value is False


def test_an_admin_signed_in_by_password_cannot_turn_it_off(demo):
    at = settings_page(sso=True, by_provider=False)
    next(c for c in at.checkbox if c.label == "Allow password sign-in too").uncheck()
    button(at, "Save sign-in settings").click().run()
    assert single_sign_on.password_sign_in_allowed(demo, sso_on=True)
    assert any("Sign in through single sign-on yourself" in e.value for e in at.error)


# ---- the Account page -----------------------------------------------------------------


@pytest.mark.parametrize("passwords", ["on", "off"])
def test_a_provider_sign_in_has_no_portal_password_to_change(demo, passwords):
    if passwords == "off":
        passwords_off(demo)
    at = through_provider("sam.taylor@example.gov.uk")
    at.switch_page(str(ROOT / "app_pages/account.py")).run()
    assert at.title[0].value == "Account"
    assert not [w for w in at.text_input if "password" in w.label.lower()]
    assert "Change password" not in [b.label for b in at.button]
    assert any("Your password is managed by the council" in i.value for i in at.info)
    assert "Reminders by email" in [h.value for h in at.subheader]
