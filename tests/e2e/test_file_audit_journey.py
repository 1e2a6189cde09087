"""A file audit in Chromium: Priya Shah, team lead, opens File audits, starts the
audit of Sam Taylor's file, sees the evidence pre-filled, reads a linked record
(Sam is told), overrides a grade with a reason, saves and shares; Sam then reads
the shared audit. axe scans each page. On a server of its own: it writes."""

import pytest
from conftest import Server
from helpers import assert_accessible, choose, go, settle, sign_in, sign_out
from playwright.sync_api import Page, expect


@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("file-audit") / "portal.db", demo=True)
    yield server
    server.stop()


def test_a_team_lead_audits_a_file_and_the_supervisee_reads_it(page: Page, srv, axe):
    sign_in(page, srv.url, "priya.shah")
    go(page, "File audits")
    expect(page.get_by_role("heading", name="Start a file audit")).to_be_visible(
        timeout=30_000)
    assert_accessible(page, axe, "File audits, the team lead's start")

    choose(page, "File", "Sam Taylor, supervised by Helen Carter")
    page.get_by_role("button", name="Start the audit").click()
    settle(page)
    expect(page.get_by_text("The evidence suggests").first).to_be_visible(timeout=30_000)
    expect(page.get_by_text("held on time", exact=False).first).to_be_visible()
    assert_accessible(page, axe, "File audits, an audit pre-filled")

    read = page.get_by_role("button", name="Read the record of").first
    read.scroll_into_view_if_needed()
    read.click()
    settle(page)
    expect(page.get_by_text("Discussion:", exact=False).first).to_be_visible(timeout=30_000)

    choose(page, "Item 1: grade", "Requires improvement")
    page.get_by_role("textbox", name="Item 1: reason").fill("The signed copy is not on file.")
    page.get_by_role("textbox", name="Actions for the supervisor").fill(
        "Agree the agenda together before each session.")
    choose(page, "Overall grade", "Requires improvement")
    page.get_by_role("button", name="Save the audit").click()
    settle(page)
    expect(page.get_by_text("Saved.", exact=True)).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Share with the supervisor and the supervisee").click()
    settle(page)
    expect(page.get_by_text("It no longer changes.", exact=False)).to_be_visible(
        timeout=30_000)
    assert_accessible(page, axe, "File audits, shared")
    sign_out(page)

    sign_in(page, srv.url, "sam.taylor")
    go(page, "File audits")
    expect(page.get_by_text("Overall: Requires improvement", exact=False)).to_be_visible(
        timeout=30_000)
    expect(page.get_by_text("Agree the agenda together", exact=False)).to_be_visible()
    expect(page.get_by_role("button", name="Save the audit")).to_have_count(0)
    assert_accessible(page, axe, "File audits, the supervisee's view")
    go(page, "Records")
    expect(page.get_by_text("for a file audit", exact=False).first).to_be_visible(
        timeout=30_000)
