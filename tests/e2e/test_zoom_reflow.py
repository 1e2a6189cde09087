"""At 400% zoom, a 1280 px screen is 320 CSS px wide (WCAG 2.2, 1.4.10 reflow): the
main journeys still work and no page scrolls sideways. On each page visited the
document is no wider than the window, and axe finds nothing serious.

Tables and charts may scroll inside their own box (the exception the criterion
makes for content that needs two dimensions); the page around them must not."""

import pytest
from conftest import demo_server_with
from helpers import assert_accessible, choose, settle, sign_in
from playwright.sync_api import Page, expect
from reflection_fixtures import session


NARROW = {"width": 320, "height": 640}
ANSWER = "Typed on a narrow screen"


@pytest.fixture(scope="module")
def narrow(tmp_path_factory):
    yield from demo_server_with(tmp_path_factory, "reflow",
                                lambda database: session(database, "sam.taylor", days=1, hour=9))


def no_sideways_scroll(page: Page, label: str) -> None:
    wide, window = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert wide <= window, f"{label} scrolls sideways: {wide} px in a {window} px window"


def visit(page: Page, url: str, heading: str, axe) -> None:
    page.goto(url)
    settle(page)
    expect(page.get_by_role("heading", name=heading, exact=True).first).to_be_visible()
    no_sideways_scroll(page, heading)
    assert_accessible(page, axe, f"{heading} at 320 px")


def narrow_page(browser) -> Page:
    return browser.new_context(viewport=NARROW).new_page()


def test_sign_in_and_the_supervisee_pages_reflow(browser, narrow, axe):
    srv, planned = narrow
    page = narrow_page(browser)
    page.goto(srv.url)
    settle(page)
    no_sideways_scroll(page, "Sign in")
    sign_in(page, srv.url, "sam.taylor")
    expect(page.get_by_role("heading", name="Hello, Sam Taylor")).to_be_visible()
    no_sideways_scroll(page, "Home")
    assert_accessible(page, axe, "Home at 320 px")
    visit(page, f"{srv.url}/prepare?session={planned}", "Prepare for supervision", axe)
    choose(page, "Prompt set", "Gibbs reflective cycle")
    box = page.get_by_role("textbox", name="Describe the situation you want to look at")
    box.fill(ANSWER)
    page.get_by_role("heading", name="Prepare for supervision").click()  # leaving saves
    settle(page)
    page.reload()
    settle(page)
    expect(box).to_have_value(ANSWER)
    no_sideways_scroll(page, "Prepare after saving")
    visit(page, f"{srv.url}/my_balance", "My balance", axe)
    visit(page, f"{srv.url}/records", "Records", axe)
    visit(page, f"{srv.url}/journal", "Journal", axe)
    visit(page, f"{srv.url}/sessions", "Sessions", axe)
    page.context.close()


def test_the_supervisor_and_team_lead_pages_reflow(browser, narrow, axe):
    srv, _planned = narrow
    page = narrow_page(browser)
    sign_in(page, srv.url, "helen.carter")
    for path, heading in (("/run_session", "Run session"), ("/my_supervisees", "My supervisees"),
                          ("/records", "Records"), ("/contracts", "Contracts")):
        visit(page, srv.url + path, heading, axe)
    page.context.close()
    page = narrow_page(browser)
    sign_in(page, srv.url, "priya.shah")
    visit(page, f"{srv.url}/team", "Team", axe)
    page.context.close()
