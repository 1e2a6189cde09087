"""Each role signs in in Chromium, sees their home page, and every page they can
open passes an axe-core scan; then they sign out."""

import pytest
from helpers import assert_accessible, go, open_app, settle, sign_in, sign_out
from playwright.sync_api import expect

from ui import navigation

ROLES = {
    "admin": ("Alex Morgan", "Admin"),
    "priya.shah": ("Priya Shah", "Supervisor, Team lead"),
    "helen.carter": ("Helen Carter", "Supervisee, Supervisor"),
    "sam.taylor": ("Sam Taylor", "Supervisee"),
}


def test_sign_in_page_is_accessible(page, server, axe):
    open_app(page, server.url)
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    assert_accessible(page, axe, "the sign-in page")


@pytest.mark.parametrize("username", ROLES)
def test_role_signs_in_visits_every_page_and_signs_out(page, server, axe, artifacts, username):
    name, roles = ROLES[username]
    sign_in(page, server.url, username)
    expect(page.get_by_role("heading", name=f"Hello, {name}")).to_be_visible(timeout=20_000)
    expect(page.get_by_text(roles, exact=False).first).to_be_visible()
    page.screenshot(path=artifacts / f"home-{username}.png", full_page=True)
    assert_accessible(page, axe, f"home as {username}")
    titles = [link.inner_text().split("\n")[-1].strip() for link in
              page.get_by_test_id("stSidebarNav").get_by_role("link").all()]
    for title in titles[1:]:
        go(page, title)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert "This page is for" not in page.content()
        assert_accessible(page, axe, f"{title} as {username}")
    sign_out(page)
    assert_accessible(page, axe, "the sign-in page after sign-out")


def test_sidebar_lists_only_the_roles_pages(page, server):
    sign_in(page, server.url, "sam.taylor")
    expect(page.get_by_role("heading", name="Hello, Sam Taylor")).to_be_visible(timeout=20_000)
    nav = page.get_by_test_id("stSidebarNav")
    expect(nav.get_by_role("link", name="Home", exact=True)).to_be_visible()
    for spec in navigation.PAGES:
        if spec.roles and "admin" in {r.value for r in spec.roles} and len(spec.roles) == 1:
            expect(nav.get_by_role("link", name=spec.title, exact=True)).to_have_count(0)


def test_a_refresh_keeps_the_person_signed_in(page, server):
    sign_in(page, server.url, "helen.carter")
    expect(page.get_by_role("heading", name="Hello, Helen Carter")).to_be_visible(timeout=20_000)
    page.reload()
    settle(page)
    expect(page.get_by_role("heading", name="Hello, Helen Carter")).to_be_visible(timeout=20_000)
