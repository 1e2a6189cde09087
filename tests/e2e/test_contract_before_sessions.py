"""In Chromium: a supervisor drafts a contract and the supervisee signs it; only then can a
session be planned. On a server of its own, so the shared demo stays as it is."""

from helpers import assert_accessible, go, settle, sign_in, sign_out
from playwright.sync_api import Page, expect


def choose(page: Page, label: str, option: str) -> None:
    page.get_by_role("combobox", name=label).click()
    page.get_by_role("option", name=option).click()
    settle(page)


def test_no_contract_no_sessions_then_both_sign_and_a_session_is_planned(
        page, fresh_server, axe, artifacts):
    url = fresh_server.url
    # the admin starts child protection supervision of Sam Taylor by Aisha Begum
    sign_in(page, url, "admin")
    go(page, "Arrangements")
    choose(page, "Supervisor", "Aisha Begum (aisha.begum)")
    choose(page, "Supervisee", "Sam Taylor (sam.taylor)")
    choose(page, "Kind", "Child protection supervision")
    page.get_by_role("button", name="Create arrangement").click()
    settle(page)
    expect(page.get_by_text("Arrangement created.")).to_be_visible()
    sign_out(page)

    # the supervisor: nothing can be planned yet; she drafts and signs
    sign_in(page, url, "aisha.begum")
    task = page.get_by_role("link", name="Draft the supervision contract with Sam Taylor")
    expect(task).to_be_visible(timeout=20_000)
    go(page, "Plan sessions")
    choose(page, "Arrangement", "Sam Taylor: child protection supervision with you")
    expect(page.get_by_text("has none yet")).to_be_visible()
    expect(page.get_by_role("button", name="Plan", exact=True)).to_have_count(0)
    go(page, "Home")
    page.get_by_role("link", name="Draft the supervision contract with Sam Taylor").click()
    settle(page)
    expect(page.get_by_role("heading", name="Contracts", level=1)).to_be_visible()
    page.get_by_role("button", name="Draft the contract").click()
    settle(page)
    expect(page.get_by_text("Draft created.")).to_be_visible()
    expect(page.get_by_role("heading", name="Version 1: draft, not signed")).to_be_visible()
    assert_accessible(page, axe, "a contract draft for its supervisor")
    page.get_by_text("I have read version 1 and agree to it.").click()
    page.get_by_role("button", name="Sign version 1").click()
    settle(page)
    expect(page.get_by_text("You signed version 1.")).to_be_visible()
    go(page, "Plan sessions")
    expect(page.get_by_text("waiting for the supervisee to sign it")).to_be_visible()
    expect(page.get_by_role("button", name="Plan", exact=True)).to_have_count(0)
    sign_out(page)

    # the supervisee reads and signs from her own account
    sign_in(page, url, "sam.taylor")
    page.get_by_role("link", name="Read and sign version 1 of the supervision contract "
                                  "with Aisha Begum").click()
    settle(page)
    expect(page.get_by_text("Safeguarding exception").first).to_be_visible()
    assert_accessible(page, axe, "a contract waiting for the supervisee's signature")
    page.get_by_text("I have read version 1 and agree to it.").click()
    page.get_by_role("button", name="Sign version 1").click()
    settle(page)
    expect(page.get_by_text("You signed version 1.")).to_be_visible()
    expect(page.get_by_text("Signed by the supervisee, Sam Taylor, on")).to_be_visible()
    expect(page.get_by_text("Signed by the supervisor, Aisha Begum, on")).to_be_visible()
    sign_out(page)

    # now the supervisor can plan
    sign_in(page, url, "aisha.begum")
    expect(page.get_by_role("link", name="Draft the supervision contract")).to_have_count(0)
    go(page, "Plan sessions")
    choose(page, "Arrangement", "Sam Taylor: child protection supervision with you")
    expect(page.get_by_text("Next due:")).to_be_visible()
    page.get_by_role("button", name="Plan", exact=True).click()
    settle(page)
    expect(page.get_by_text("Planned. Both of you see it on the Sessions page.")).to_be_visible()
    page.screenshot(path=artifacts / "plan-after-signing.png", full_page=True)
    assert_accessible(page, axe, "Plan sessions after planning")
    sign_out(page)

    sign_in(page, url, "sam.taylor")
    go(page, "Sessions")
    choose(page, "Arrangement", "Your child protection supervision with Aisha Begum")
    expect(page.get_by_role("button", name="Download to your calendar (.ics)")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download to your calendar (.ics)").click()
    body = download.value.path().read_text()
    assert body.startswith("BEGIN:VCALENDAR") and "Aisha Begum" in body
