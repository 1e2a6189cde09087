"""Single sign-on in Chromium against an OpenID Connect provider on localhost:
an unknown person is refused, a known one lands on their Home with their roles,
and sign-out ends the sign-in on the server, so a kept cookie no longer works."""

import pytest
from conftest import Server
from helpers import assert_accessible, settle
from oidc_provider import Provider, secrets_toml
from playwright.sync_api import Page, expect

PROVIDER_NAME = "Test council"
PEOPLE = {
    # The demo account's email in other letter case: matching ignores case.
    "Helen Carter": {"email": "Helen.Carter@Example.gov.uk", "name": "Helen Carter"},
    "A stranger": {"email": "stranger@elsewhere.example", "name": "A Stranger"},
}
STREAMLIT_USER_COOKIE = "_streamlit_user"


class SingleSignOnServer(Server):
    """The demo portal with [auth] in a secrets file of its own (never the repo's)."""

    def __init__(self, folder, provider: Provider):
        self.folder, self.provider = folder, provider
        super().__init__(folder / "portal.db", demo=True)

    def _start(self):
        secrets = self.folder / "secrets.toml"
        secrets.write_text(secrets_toml(self.url, self.provider, provider_name=PROVIDER_NAME))
        self.extra_args = ("--secrets.files", str(secrets))
        super()._start()


@pytest.fixture(scope="module")
def provider():
    running = Provider(PEOPLE).start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def sso_server(tmp_path_factory, provider):
    srv = SingleSignOnServer(tmp_path_factory.mktemp("sso"), provider)
    yield srv
    srv.stop()


def sign_in_through_provider(page: Page, url: str, person: str) -> None:
    page.goto(url)
    settle(page)
    page.get_by_role("button", name=f"Sign in with {PROVIDER_NAME}").click()
    page.get_by_role("link", name=f"Sign in as {person}").click()
    page.wait_for_url(url + "/**")
    settle(page)


def test_an_unknown_person_is_refused_and_told_to_ask_the_admin(page: Page, sso_server, axe):
    sign_in_through_provider(page, sso_server.url, "A stranger")
    expect(page.get_by_text("There is no portal account for stranger@elsewhere.example. "
                            "Ask the portal's admin to add you")).to_be_visible()
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    expect(page.get_by_role("button", name=f"Sign in with {PROVIDER_NAME}")).to_be_visible()
    assert_accessible(page, axe, "the sign-in page after a refused identity")


def test_a_known_person_lands_on_their_home_with_their_roles(page: Page, sso_server, axe):
    sign_in_through_provider(page, sso_server.url, "Helen Carter")
    expect(page.get_by_role("heading", name="Hello, Helen Carter")).to_be_visible()
    nav = page.get_by_test_id("stSidebarNav")
    # Helen supervises (Run session) and is supervised (Prepare); she is no admin.
    expect(nav.get_by_role("link", name="Run session", exact=True)).to_be_visible()
    expect(nav.get_by_role("link", name="Prepare", exact=True)).to_be_visible()
    expect(nav.get_by_role("link", name="Users", exact=True)).to_have_count(0)
    identity = [c for c in page.context.cookies() if c["name"] == STREAMLIT_USER_COOKIE]
    assert identity and identity[0]["httpOnly"], "the identity cookie is set by the server"
    assert_accessible(page, axe, "Home after single sign-on")


def test_sign_out_ends_the_sign_in_on_the_server(page: Page, sso_server, provider, axe):
    sign_in_through_provider(page, sso_server.url, "Helen Carter")
    expect(page.get_by_role("heading", name="Hello, Helen Carter")).to_be_visible()
    kept = [c for c in page.context.cookies() if c["name"].startswith(STREAMLIT_USER_COOKIE)]
    ended_before = provider.sessions_ended

    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("button", name=f"Sign in with {PROVIDER_NAME}").wait_for()
    settle(page)
    assert provider.sessions_ended == ended_before + 1, "the provider's session was ended"
    assert not any(c["name"] == STREAMLIT_USER_COOKIE for c in page.context.cookies())

    # A refresh, or the same cookie put back (copied before sign-out), does not
    # sign her in again without going through the provider.
    page.reload()
    settle(page)
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    page.context.add_cookies(kept)
    page.reload()
    settle(page)
    expect(page.get_by_text("Your sign-in has ended. Sign in with Test council again.")
           ).to_be_visible()
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    expect(page.get_by_role("heading", name="Hello, Helen Carter")).to_have_count(0)
    assert_accessible(page, axe, "the sign-in page after sign-out")

    # Through the provider again, she is back in.
    sign_in_through_provider(page, sso_server.url, "Helen Carter")
    expect(page.get_by_role("heading", name="Hello, Helen Carter")).to_be_visible()
