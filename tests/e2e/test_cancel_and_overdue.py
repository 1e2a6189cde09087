"""In Chromium: a session is cancelled with a reason, it still counts as due, and the
overdue flag shows on the supervisee's, the supervisor's and the team lead's home pages,
and nowhere else. On a server of its own."""

from helpers import assert_accessible, go, settle, sign_in, sign_out
from playwright.sync_api import Page, expect

FLAG = "a formal session was due by"


def home_flags(page: Page, url: str, username: str):
    sign_in(page, url, username)
    expect(page.get_by_role("heading", level=1)).to_be_visible(timeout=20_000)
    return page.get_by_role("link").filter(has_text=FLAG)


def test_a_cancelled_session_leaves_the_arrangement_overdue_where_it_should_show(
        page, fresh_server, axe, artifacts):
    url = fresh_server.url
    # Grace Holt's supervision has fallen overdue; Marcus Reid plans a session
    flags = home_flags(page, url, "marcus.reid")
    expect(flags).to_have_count(1)
    expect(flags).to_contain_text("Grace Holt")
    go(page, "Plan sessions")
    expect(page.get_by_text("Overdue:").first).to_be_visible()
    page.get_by_role("button", name="Plan", exact=True).click()
    settle(page)
    expect(page.get_by_text("Planned. Both of you see it on the Sessions page.")).to_be_visible()
    go(page, "Home")
    expect(page.get_by_role("link").filter(has_text=FLAG)).to_have_count(1)  # planned is not held
    sign_out(page)

    # Grace cancels it, saying why
    sign_in(page, url, "grace.holt")
    go(page, "Sessions")
    page.get_by_text("Cancel a planned session").click()
    page.get_by_role("textbox", name="Why it is cancelled").fill(
        "Called to an emergency strategy meeting")
    page.get_by_role("button", name="Cancel the session").click()
    settle(page)
    expect(page.get_by_text("Cancelled the session on")).to_be_visible()
    history = page.get_by_test_id("stDataFrame").first
    reason = history.locator("td", has_text="Called to an emergency strategy meeting")
    expect(reason).to_have_count(1)
    expect(history.locator("td", has_text="Grace Holt")).to_have_count(1)
    expect(page.get_by_text("Overdue.")).to_be_visible()
    expect(page.get_by_text("No session is planned.")).to_be_visible()
    page.screenshot(path=artifacts / "sessions-overdue-after-cancel.png", full_page=True)
    assert_accessible(page, axe, "Sessions with an overdue arrangement")
    go(page, "Home")
    flags = page.get_by_role("link").filter(has_text=FLAG)
    expect(flags).to_have_count(1)
    expect(flags).to_contain_text("Overdue:")
    expect(flags).to_contain_text("Your line-management supervision with Marcus Reid")
    sign_out(page)

    # the supervisor and the team lead of Grace's team see it too
    for username, names in (("marcus.reid", "Grace Holt"), ("daniel.okafor", "by Marcus Reid")):
        flags = home_flags(page, url, username)
        expect(flags).to_have_count(1)
        expect(flags).to_contain_text(names)
        assert_accessible(page, axe, f"home with an overdue flag as {username}")
        flags.click()
        settle(page)
        expect(page.get_by_role("heading", name="Sessions", level=1)).to_be_visible()
        expect(page.get_by_text("Overdue.")).to_be_visible()
        sign_out(page)

    # and nobody else does
    for username in ("sam.taylor", "helen.carter", "priya.shah"):
        expect(home_flags(page, url, username)).to_have_count(0)
        sign_out(page)
