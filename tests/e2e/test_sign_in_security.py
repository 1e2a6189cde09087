"""What stops the wrong person: a copied cookie after sign-out, a typed URL on a
freshly started server, and the lock-out on the sixth wrong password."""

from helpers import expect_copied_cookie_refused, open_app, settle, sign_in, sign_out
from playwright.sync_api import expect


def test_a_cookie_copied_before_sign_out_no_longer_signs_in(browser, server):
    first = browser.new_context()
    page = first.new_page()
    sign_in(page, server.url, "priya.shah")
    expect(page.get_by_role("heading", name="Hello, Priya Shah")).to_be_visible(timeout=20_000)
    copied = [c for c in first.cookies() if c["name"] == "supervision_portal"]
    assert copied, "no sign-in cookie was set"
    # the copy works while the person is signed in
    thief = browser.new_context()
    thief.add_cookies(copied)
    stolen = thief.new_page()
    open_app(stolen, server.url)
    expect(stolen.get_by_role("heading", name="Hello, Priya Shah")).to_be_visible(timeout=20_000)
    thief.close()
    sign_out(page)
    # after sign-out the same copy signs nobody in
    expect_copied_cookie_refused(browser, server.url, copied)
    first.close()


def test_a_direct_url_on_a_fresh_server_shows_the_sign_in_form(page, fresh_server):
    page.goto(fresh_server.url + "/admin_users")
    settle(page)
    expect(page.get_by_role("textbox", name="Username")).to_be_visible()
    expect(page.get_by_role("heading", name="Users")).to_have_count(0)
    assert "Alex Morgan" not in page.content()


def test_a_typed_url_outside_the_roles_shows_nothing_of_it(page, server):
    sign_in(page, server.url, "sam.taylor")
    expect(page.get_by_role("heading", name="Hello, Sam Taylor")).to_be_visible(timeout=20_000)
    page.goto(server.url + "/admin_users")
    settle(page)
    page.wait_for_timeout(500)
    expect(page.get_by_role("heading", name="Users", exact=True)).to_have_count(0)
    assert "Temporary password" not in page.content()


def test_the_sixth_wrong_password_meets_a_lock(page, server):
    open_app(page, server.url)
    for attempt in range(6):
        page.get_by_role("textbox", name="Username").fill("liam.oconnor")
        page.get_by_role("textbox", name="Password").fill(f"wrong-password-{attempt}")
        page.get_by_role("button", name="Sign in").click()
        settle(page)
        if attempt < 4:
            expect(page.get_by_text("The username or password is not right.")).to_be_visible()
    expect(page.get_by_text("This account is locked after 5 failed attempts")).to_be_visible()
    expect(page.get_by_text("Try again after")).to_be_visible()
    page.get_by_role("textbox", name="Password").fill("supervision-demo")
    page.get_by_role("button", name="Sign in").click()
    settle(page)
    expect(page.get_by_text("Try again after")).to_be_visible()
    expect(page.get_by_role("heading", name="Hello, Liam O'Connor")).to_have_count(0)
