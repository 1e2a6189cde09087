"""The main journeys with the keyboard alone, and focus always visible (WCAG 2.2:
2.1.1 keyboard, 2.4.7 focus visible). A supervisee signs in, prepares with an
agenda item and submits the reflection; the supervisor signs in, opens the
session, records the item, marks the session held and shares the record.

Fields are reached with Tab (never a click), text is typed with the keys, a
selectbox is chosen by typing and Enter, a button pressed with Enter. Pages are
opened from the sidebar's links with Tab and Enter, or by typing their address.
At every stop the focused element must draw a ring: an outline at least 2 px wide."""

import pytest
from conftest import demo_server_with
from helpers import assert_accessible, settle
from playwright.sync_api import Locator, Page, expect
from reflection_fixtures import session


STOPS = 150  # the most Tab presses to reach one thing
ANSWER = "The home visit on Tuesday, typed with the keyboard alone"
DISCUSSION = "Talked the visit through; recorded with the keyboard alone"

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return {tag: el.tagName, text: (el.getAttribute('aria-label') || el.innerText || '').slice(0, 60),
          outline: style.outlineStyle, width: parseFloat(style.outlineWidth) || 0,
          area: box.width * box.height};
}"""


@pytest.fixture(scope="module")
def keyboard(tmp_path_factory):
    yield from demo_server_with(tmp_path_factory, "keyboard",
                                lambda database: session(database, "sam.taylor", days=0, hour=8))


def focus_is_visible(page: Page) -> dict | None:
    """The focused element, which must draw a ring if it can be seen at all."""
    focused = page.evaluate(FOCUSED)
    if focused and focused["area"] > 0:
        assert focused["outline"] not in ("none", "hidden") and focused["width"] >= 2, \
            f"no visible focus on {focused}"
    return focused


def tab_to(page: Page, target: Locator) -> None:
    """Press Tab until the target has focus, checking the ring at every stop."""
    target.wait_for()
    for _ in range(STOPS):
        if target.evaluate("el => el === document.activeElement"):
            focus_is_visible(page)
            return
        page.keyboard.press("Tab")
        focus_is_visible(page)
    raise AssertionError(f"Tab never reached {target}")


def type_into(page: Page, target: Locator, text: str) -> None:
    tab_to(page, target)
    page.keyboard.type(text)
    page.keyboard.press("Tab")  # moving on saves, as it does for anyone
    settle(page)


def press(page: Page, target: Locator) -> None:
    tab_to(page, target)
    page.keyboard.press("Enter")
    settle(page)


def choose(page: Page, label: str, option: str) -> None:
    tab_to(page, page.get_by_role("combobox", name=label, exact=True))
    page.keyboard.type(option)
    page.get_by_role("option", name=option, exact=True).wait_for()
    page.keyboard.press("Enter")
    settle(page)


def sign_in(page: Page, url: str, username: str) -> None:
    page.goto(url)
    settle(page)
    type_into(page, page.get_by_role("textbox", name="Username"), username)
    tab_to(page, page.get_by_role("textbox", name="Password"))
    page.keyboard.type("supervision-demo")
    page.keyboard.press("Enter")
    settle(page)
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    for _attempt in range(100):  # the cookie, so an address typed next keeps us in
        if any(c["name"] == "supervision_portal" for c in page.context.cookies()):
            break
        page.wait_for_timeout(100)
    settle(page)


def open_from_sidebar(page: Page, title: str) -> None:
    press(page, page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True))


def sign_out(page: Page) -> None:
    press(page, page.get_by_role("button", name="Sign out"))
    expect(page.get_by_role("textbox", name="Username")).to_be_visible()


def open_the_session(browser, keyboard, username: str, title: str, path: str) -> Page:
    """In a browser of its own: sign in, open the page from the sidebar, then type
    its address with the planned session in it."""
    srv, planned = keyboard
    page = browser.new_context().new_page()
    sign_in(page, srv.url, username)
    open_from_sidebar(page, title)
    page.goto(f"{srv.url}/{path}?session={planned}")
    settle(page)
    return page


def test_a_supervisee_prepares_and_submits_by_keyboard(browser, keyboard, axe):
    page = open_the_session(browser, keyboard, "sam.taylor", "Prepare", "prepare")
    expect(page.get_by_role("heading", name="Prepare for supervision")).to_be_visible()
    choose(page, "Prompt set", "Gibbs reflective cycle")
    type_into(page, page.get_by_role("textbox", name="Describe the situation you want to look at"),
              ANSWER)
    type_into(page, page.get_by_role("textbox", name="Title", exact=True), "Cold home")
    choose(page, "Function", "Performance management")
    choose(page, "What you want from supervision", "A decision")
    press(page, page.get_by_role("button", name="Add to the agenda"))
    expect(page.get_by_role("textbox", name="Item 1: title")).to_have_value("Cold home")
    assert_accessible(page, axe, "Prepare, by keyboard")
    press(page, page.get_by_role("button", name="Submit to Helen Carter"))
    expect(page.get_by_text("Helen Carter can now see your reflection")).to_be_visible()
    sign_out(page)
    page.context.close()


def test_a_supervisor_records_an_item_and_shares_the_record_by_keyboard(browser, keyboard,
                                                                          axe):
    page = open_the_session(browser, keyboard, "helen.carter", "Run session", "run_session")
    press(page, page.get_by_role("button", name="Open the session"))
    expect(page.get_by_role("heading", name="1. Cold home")).to_be_visible()
    type_into(page, page.get_by_role("textbox", name="Item 1: discussion", exact=True),
              DISCUSSION)
    expect(page.get_by_role("textbox", name="Item 1: discussion", exact=True)).to_have_value(
        DISCUSSION)
    assert_accessible(page, axe, "Run session, by keyboard")
    press(page, page.get_by_role("button", name="Mark held"))
    expect(page.get_by_text("Marked held.")).to_be_visible()
    press(page, page.get_by_role("button", name="Share the record with Sam Taylor"))
    expect(page.get_by_text("Shared. The supervisee can now read and sign it.")).to_be_visible()
    sign_out(page)
    page.context.close()
