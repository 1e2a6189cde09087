"""What every browser test does: wait for Streamlit, sign in, scan with axe."""

import re

from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
# How long a script run may take. A first chart page on a fresh server took over 30 s
# under a load average of 10-30 (`./test --stress`); the wait ends as soon as it is done.
RUN = 120_000


def settle(page: Page) -> None:
    """Wait until the script has finished its run."""
    page.wait_for_selector(IDLE, timeout=RUN)
    page.wait_for_timeout(150)
    page.wait_for_selector(IDLE, timeout=RUN)


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    settle(page)


COOKIE = "supervision_portal"


def sign_in(page: Page, url: str, username: str, password: str = "supervision-demo") -> None:
    """Sign in through the form; once signed in, wait for the sign-in cookie, so a
    page opened next by its address keeps the person signed in."""
    open_app(page, url)
    page.get_by_role("textbox", name="Username").fill(username)
    page.get_by_role("textbox", name="Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    settle(page)
    wait_for_cookie(page)


def wait_for_cookie(page: Page) -> None:
    """The cookie is written by a component after the page has drawn; leaving
    the page before that loses it. A refused sign-in sets none."""
    for _attempt in range(200):
        if any(c["name"] == COOKIE for c in page.context.cookies()):
            settle(page)  # setting the cookie may rerun the page
            return
        page.wait_for_timeout(100)
    if page.get_by_role("button", name="Sign out").count():
        raise AssertionError("signed in, but the sign-in cookie was never set")


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()
    settle(page)
    expect(page.get_by_role("textbox", name="Username")).to_be_visible()


def expect_copied_cookie_refused(browser, url: str, copied: list[dict]) -> None:
    """A sign-in cookie copied before its person signed out signs nobody in: in a
    new browser it opens the sign-in form."""
    later = browser.new_context()
    later.add_cookies(copied)
    replay = later.new_page()
    open_app(replay, url)
    replay.wait_for_timeout(1000)
    settle(replay)
    expect(replay.get_by_role("textbox", name="Username")).to_be_visible()
    expect(replay.get_by_role("heading", name=re.compile("^Hello, "))).to_have_count(0)
    later.close()


def open_expander(page: Page, label: str, *, last: bool = False):
    """Open an expander by its label and wait until it is open and has stopped
    growing (it animates its height): a click inside it before then can miss.
    Returns the expander."""
    found = page.get_by_test_id("stExpander").filter(has_text=label)
    expander = found.last if last else found.first
    expander.get_by_text(label).first.click()
    settle(page)
    expander.locator('[data-testid="stExpanderDetails"]:not([inert])').wait_for()
    page.wait_for_function("el => el.getAnimations({subtree: true}).length === 0",
                           arg=expander.element_handle(), timeout=RUN)
    return expander


def go(page: Page, title: str) -> None:
    """Open a page from the sidebar navigation by its title."""
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
    settle(page)


def assert_accessible(page: Page, axe, label: str) -> None:
    """axe-core finds no serious or critical violations on this page."""
    results = axe.run(page)
    bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    detail = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(str(n["target"]) for n in v["nodes"][:3])
        for v in bad
    )
    assert not bad, f"axe found problems on {label}:\n{detail}"


def choose(page: Page, label: str, option: str) -> None:
    """Pick from a selectbox. Scrolling while its list is open closes it, so
    scroll first; the first click sometimes only focuses it, so try again."""
    box = page.get_by_role("combobox", name=label, exact=True)
    wanted = page.get_by_role("option", name=option, exact=True)
    box.scroll_into_view_if_needed()
    for _attempt in range(3):
        box.click()
        try:
            wanted.wait_for(timeout=3_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    wanted.click()
    settle(page)
