"""In Chromium: Tom Baker changed supervisor (Marcus Reid, then
Helen Carter). On Records, under "Your earlier records", he lets Helen read his
records with Marcus, and later withdraws it. Helen's Records page follows each
act at once; Marcus keeps his read-only access throughout; the admin's Audit log
shows both acts as metadata (who, what, which arrangement), never content.
On a server of its own: consent is given and withdrawn."""

import re

import pytest
from conftest import demo_server_with
from helpers import assert_accessible, go, settle, sign_in, sign_out
from playwright.sync_api import Page, expect
from reflection_fixtures import arrangement_id

from core.admin import audit

EARLIER = "(supervised by Marcus Reid)"
LABEL = "Open a record"
GIVE = "Let Helen Carter read my earlier records"
WITHDRAW = "Stop Helen Carter reading my earlier records"


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    """A server on the demo, and the id of Tom Baker's arrangement with Helen Carter
    (his earlier one, in the demo, was with Marcus Reid)."""
    yield from demo_server_with(
        tmp_path_factory, "consent",
        lambda database: arrangement_id(database, "tom.baker", supervisor="helen.carter"))


def records_page(page: Page, url: str, username: str) -> None:
    sign_in(page, url, username)
    go(page, "Records")
    expect(page.get_by_role("heading", name="Records", exact=True)).to_be_visible(
        timeout=20_000)


def _filtered(page: Page, text: str):
    """Type into "Open a record" (its list shows only a window of a long list) and
    wait for the options that match."""
    box = page.get_by_role("combobox", name=LABEL, exact=True)
    box.scroll_into_view_if_needed()
    box.click()
    box.fill(text)
    found = page.get_by_role("option")
    expect(found.first).to_contain_text(re.compile(f"{re.escape(text)}|No results"))
    return found


def matching(page: Page, text: str) -> list[str]:
    texts = [t for t in _filtered(page, text).all_inner_texts() if t != "No results"]
    page.keyboard.press("Escape")
    settle(page)
    return texts


def earlier_records(page: Page) -> list[str]:
    return matching(page, EARLIER)


def audited(page: Page, url: str, axe, action: str, arrangement: int) -> None:
    """The admin's Audit log shows the act: who, what, which arrangement; no content.
    Checked straight after the act, so its row is among the newest ones drawn."""
    sign_in(page, url, "admin")
    go(page, "Audit log")
    table = page.get_by_test_id("stDataFrame").first
    row = table.locator("tr", has_text=audit.EVENT_NAMES[action])  # in plain words
    expect(row).to_have_count(1, timeout=20_000)
    expect(row.locator("td")).to_have_count(4)  # When, Who, Did, To: nothing else
    expect(row).to_contain_text("Tom Baker")
    expect(row.locator("td").last).to_have_text(f"arrangement {arrangement}")
    assert_accessible(page, axe, f"Audit log after {action}")
    sign_out(page)


def test_consent_given_and_withdrawn_changes_what_the_new_supervisor_sees(page, story, axe):
    srv, new = story

    # before: Helen sees none of Tom's records with Marcus
    records_page(page, srv.url, "helen.carter")
    assert earlier_records(page) == []
    expect(page.get_by_role("heading", name="Your earlier records")).to_have_count(0)
    sign_out(page)

    # Tom sees his choice, not given, and gives it
    records_page(page, srv.url, "tom.baker")
    expect(page.get_by_role("heading", name="Your earlier records")).to_be_visible()
    expect(page.get_by_text("Not shared: Helen Carter cannot read these records.")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Earlier records: Marcus Reid, .* records?\)"))
           ).to_be_visible()
    assert_accessible(page, axe, "Records: Tom's earlier records, not shared")
    page.get_by_role("button", name=GIVE).click()
    settle(page)
    expect(page.get_by_text("Agreed. Helen Carter can now read your earlier records.")
           ).to_be_visible()
    expect(page.get_by_text(re.compile("You agreed on .*: Helen Carter can read these records"))
           ).to_be_visible()
    expect(page.get_by_role("button", name=WITHDRAW)).to_be_visible()
    assert_accessible(page, axe, "Records: Tom's earlier records, shared")
    sign_out(page)
    audited(page, srv.url, axe, "history_consent_given", new)

    # Helen now reads them, read-only
    records_page(page, srv.url, "helen.carter")
    shared = earlier_records(page)
    assert shared and not [t for t in shared if t.endswith(": Draft")]
    _filtered(page, EARLIER).first.click()
    settle(page)
    expect(page.get_by_role("combobox", name=LABEL, exact=True)).to_have_value(shared[0])
    # its items are there to read (numbered headings), with nothing to sign or add
    expect(page.get_by_role("heading", name=re.compile(r"^1\. ")).first).to_be_visible()
    for button in ("Sign the record", "Add addendum", "Sign it as it stands, keeping the dispute"):
        expect(page.get_by_role("button", name=button)).to_have_count(0)
    assert_accessible(page, axe, "Records: an earlier supervisor's record, shared")
    sign_out(page)

    # Marcus keeps his read-only access whatever Tom chooses
    records_page(page, srv.url, "marcus.reid")
    assert matching(page, "with Tom Baker")
    sign_out(page)

    # Tom withdraws; Helen's view follows at once
    records_page(page, srv.url, "tom.baker")
    page.get_by_role("button", name=WITHDRAW).click()
    settle(page)
    expect(page.get_by_text("Withdrawn. Helen Carter can no longer read your earlier records.")
           ).to_be_visible()
    expect(page.get_by_role("button", name=GIVE)).to_be_visible()
    sign_out(page)
    audited(page, srv.url, axe, "history_consent_withdrawn", new)
    records_page(page, srv.url, "helen.carter")
    assert earlier_records(page) == []
    sign_out(page)
    records_page(page, srv.url, "marcus.reid")
    assert matching(page, "with Tom Baker")
    sign_out(page)

