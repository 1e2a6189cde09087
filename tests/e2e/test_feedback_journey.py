"""The supervisee's voice in Chromium: Sam Taylor signs a record, the feedback form
appears under it, he scores two statements and shares a comment; Helen Carter
sees the feedback on My supervisees; Priya Shah, the team lead, sees averages
only. axe scans each page. On a server of its own: it signs and writes."""

import pytest
from conftest import demo_server_with
from helpers import assert_accessible, go, settle, sign_in, sign_out
from playwright.sync_api import Page, expect
from record_fixtures import held_and_shared


COMMENT = "Thank you for the time on the Khan family."


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    yield from demo_server_with(tmp_path_factory, "feedback",
                                lambda database: held_and_shared(database, "sam.taylor"))


def score(page: Page, statement: str, option: str) -> None:
    group = page.get_by_role("radiogroup", name=statement)
    group.get_by_text(option, exact=True).click()


def sees_feedback(page: Page, url: str, axe, username: str, title: str, heading: str,
                  shows: str) -> None:
    """Sign in as this person, open the page from the sidebar, find its feedback
    section and what it says, and scan the page."""
    sign_in(page, url, username)
    go(page, title)
    expect(page.get_by_role("heading", name=heading)).to_be_visible(timeout=30_000)
    expect(page.get_by_text(shows, exact=False)).to_be_visible()
    assert_accessible(page, axe, f"{title} with feedback")


def test_sam_gives_feedback_and_helen_reads_it(page: Page, story, axe):
    srv, sid = story
    sign_in(page, srv.url, "sam.taylor")
    page.goto(f"{srv.url}/records?session={sid}")
    settle(page)
    page.get_by_role("button", name="Sign the record").click()
    settle(page)
    heading = page.get_by_role("heading", name="Your feedback on this session")
    expect(heading).to_be_visible(timeout=30_000)
    heading.scroll_into_view_if_needed()
    settle(page)  # a rerun fades stale text: scan the page at rest
    assert_accessible(page, axe, "Records with the feedback form")

    score(page, "I had time to reflect.", "4 agree")
    score(page, "I felt listened to.", "5 strongly agree")
    page.get_by_role("textbox", name="Comment (optional)").fill(COMMENT)
    page.get_by_text("Share my comment with Helen Carter").click()
    page.get_by_role("button", name="Send feedback").click()
    settle(page)
    expect(page.get_by_text("Thank you. Your feedback is saved.")).to_be_visible(
        timeout=30_000)
    expect(page.get_by_text("You gave feedback on")).to_be_visible()
    expect(page.get_by_text(COMMENT)).to_be_visible()
    assert_accessible(page, axe, "Records after giving feedback")

    go(page, "My balance")
    expect(page.get_by_role("heading", name="How my sessions felt")).to_be_visible(
        timeout=30_000)
    expect(page.locator('[data-testid="stVegaLiteChart"]').last).to_be_visible()
    assert_accessible(page, axe, "My balance with the feedback trend")
    sign_out(page)

    sees_feedback(page, srv.url, axe, "helen.carter", "My supervisees",
                  "Feedback from your supervisees", "answered sessions with you")
    sign_out(page)

    # the team lead sees averages only
    sees_feedback(page, srv.url, axe, "priya.shah", "Team", "How sessions felt",
                  "across Assessment and Intervention")
    assert COMMENT not in page.content()
