"""A file audit in Chromium: Priya Shah, team lead, opens File audits, starts the
audit of Sam Taylor's file, sees the evidence pre-filled, reads a linked record
(Sam is told), overrides a grade with a reason, saves and shares; Sam then reads
the shared audit. Then the admin sees the named auditor, Nadia Khan, on Audit
checklist, and Nadia audits Tom Baker's file over dates she chooses (a period
ending in the future is refused first). axe scans each page. On a server of its
own: it writes."""

from datetime import timedelta

import pytest
from conftest import Server
from helpers import assert_accessible, choose, go, settle, sign_in, sign_out
from playwright.sync_api import Page, expect

from core import clock


@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("file-audit") / "portal.db", demo=True)
    yield server
    server.stop()


def _start_page(page: Page, srv, axe, username: str, who: str) -> None:
    """Sign in as someone who audits and open File audits, where they start one."""
    sign_in(page, srv.url, username)
    go(page, "File audits")
    expect(page.get_by_role("heading", name="Start a file audit")).to_be_visible(
        timeout=30_000)
    assert_accessible(page, axe, f"File audits, the {who}'s start")


def test_a_team_lead_audits_a_file_and_the_supervisee_reads_it(page: Page, srv, axe):
    _start_page(page, srv, axe, "priya.shah", "team lead")

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
    page.get_by_role("textbox", name="Reason for the overall grade").fill(
        "Case notes are now downloaded every time: the gap is older.")
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


def _date(page: Page, label: str, day) -> None:
    """A date box is three spin buttons (day, month, year): type into them in turn."""
    page.get_by_role("spinbutton", name=f"day, {label}").click()
    page.keyboard.type(day.strftime("%d%m%Y"))
    page.keyboard.press("Tab")
    settle(page)


def test_a_named_auditor_audits_a_file_over_dates_she_chooses(page: Page, srv, axe):
    sign_in(page, srv.url, "admin")
    go(page, "Audit checklist")
    expect(page.get_by_role("heading", name="File auditors")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("combobox", name="Auditor to remove")).to_have_value(
        "Nadia Khan: the whole service")
    assert_accessible(page, axe, "Audit checklist with the file auditors")
    sign_out(page)

    _start_page(page, srv, axe, "nadia.khan", "named auditor")
    choose(page, "File", "Tom Baker, supervised by Helen Carter")
    page.get_by_role("radiogroup", name="Period to audit").get_by_text(
        "Dates I choose").click()
    settle(page)
    today = clock.today()
    first, last = today - timedelta(days=200), today - timedelta(days=20)
    _date(page, "First day of the period", first)
    _date(page, "Last day of the period", today + timedelta(days=10))
    page.get_by_role("button", name="Start the audit").click()
    settle(page)
    expect(page.get_by_text("cannot reach into the future", exact=False)).to_be_visible(
        timeout=30_000)
    assert_accessible(page, axe, "File audits, a period refused")

    _date(page, "Last day of the period", last)
    page.get_by_role("button", name="Start the audit").click()
    settle(page)
    expect(page.get_by_role("heading", name=f"The file of Tom Baker, supervised by Helen "
                            f"Carter, from {clock.day(first)} to {clock.day(last)}")
           ).to_be_visible(timeout=30_000)
    expect(page.get_by_text("The evidence suggests").first).to_be_visible()
    expect(page.get_by_text("Case notes downloaded for", exact=False)).to_be_visible()
    assert_accessible(page, axe, "File audits, the named auditor's audit pre-filled")
