"""The password sign-in's cookie is set by the server, HttpOnly: page scripts
cannot read it, a reload keeps the person signed in, signing out clears it, and a
copy kept from before sign-out is refused."""

from helpers import COOKIE, assert_accessible, open_app, settle, sign_in, sign_out
from playwright.sync_api import expect


def _cookie(context):
    return [c for c in context.cookies() if c["name"] == COOKIE]


def _signs_nobody_in(browser, server, cookie: dict, name: str) -> None:
    """A fresh browser holding only this cookie sees the sign-in form, not a home page."""
    context = browser.new_context()
    context.add_cookies([cookie])
    page = context.new_page()
    open_app(page, server.url)
    expect(page.get_by_role("textbox", name="Username")).to_be_visible()
    expect(page.get_by_role("heading", name=f"Hello, {name}")).to_have_count(0)
    context.close()


def _wait_until_gone(page):
    for _attempt in range(200):
        if not _cookie(page.context):
            return
        page.wait_for_timeout(100)
    raise AssertionError("signing out left the sign-in cookie in the browser")


def test_the_sign_in_cookie_is_http_only_and_ends_at_sign_out(browser, server, axe):
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, server.url, "helen.carter")
    expect(page.get_by_role("heading", name="Hello, Helen Carter")).to_be_visible()
    (cookie,) = _cookie(context)
    assert cookie["httpOnly"] is True
    assert cookie["sameSite"] == "Strict"
    assert cookie["path"] == "/"
    assert COOKIE not in page.evaluate("document.cookie")
    # a fresh page load signs in from the cookie alone
    page.reload()
    settle(page)
    expect(page.get_by_role("heading", name="Hello, Helen Carter")).to_be_visible()
    assert_accessible(page, axe, "home after a reload")
    sign_out(page)
    _wait_until_gone(page)
    page.reload()
    settle(page)
    expect(page.get_by_role("textbox", name="Username")).to_be_visible()
    context.close()
    _signs_nobody_in(browser, server, cookie, "Helen Carter")  # the copy kept from before


def test_a_cookie_not_signed_by_the_portal_signs_nobody_in(browser, server):
    forged = {"name": COOKIE, "value": "eyJ1IjoiYWRtaW4iLCJ0IjoxfQ.forged", "url": server.url}
    _signs_nobody_in(browser, server, forged, "Alex Morgan")


def test_the_cookie_routes_refuse_other_sites_and_spent_tokens(page, server):
    open_app(page, server.url)
    answer = page.request.post(server.url + "/api/sign-in", data="not-a-token")
    assert answer.status == 403
    assert COOKIE not in answer.headers.get("set-cookie", "")
    other_site = page.request.post(server.url + "/api/sign-out",
                                   headers={"Sec-Fetch-Site": "cross-site"})
    assert other_site.status == 403
