"""A supervisee prepares in Chromium: types, reloads and finds the text; submits;
the supervisor sees it; a team lead and another supervisor cannot reach it by any
page or URL. Hostile text comes back exactly as typed and is shown inert.

The demo has no sessions of its own until contracts and sessions land,
so this module starts its own server and makes the sessions it needs first."""

import pytest
from conftest import Server
from helpers import assert_accessible, choose, go, settle, sign_in, sign_out
from playwright.sync_api import Page, expect
from reflection_fixtures import open_action, session

import db as storage

SECRET = "The flat was cold and the baby's cot had no mattress"
HOSTILE = ("<script>window.__pwned=1</script> [click me](javascript:window.__pwned=2) "
           "<img src=x onerror=\"window.__pwned=3\"> **not bold** 🧸👶🏽 مرحبا بالعالم שלום"
           "\nsecond line\n" + "a long line of text " * 250)


@pytest.fixture(scope="module")
def prep(tmp_path_factory):
    """A server on the demo, with planned sessions for Sam and Jordan and an open action."""
    srv = Server(tmp_path_factory.mktemp("prepare") / "portal.db", demo=True)
    database = storage.connect(srv.database)
    earlier = session(database, "sam.taylor", days=-21, status="held")
    open_action(database, "sam.taylor", "sam.taylor", "Book the family group conference",
                due_in=-2, session_id=earlier)
    ids = {"sam": session(database, "sam.taylor", days=2, hour=9),
           "jordan": session(database, "jordan.ellis", days=2, hour=9)}
    database.conn.close()
    yield srv, ids
    srv.stop()


def blur(page: Page) -> None:
    """Text is saved when the field loses focus, as when the person moves on."""
    page.get_by_role("heading", name="Prepare for supervision").click()
    settle(page)


def open_prepare(page: Page, url: str, session_id: int) -> None:
    page.goto(f"{url}/prepare?session={session_id}")
    settle(page)
    expect(page.get_by_role("heading", name="Prepare for supervision")).to_be_visible()


def first_answer(page: Page):
    prompt = "Describe the situation you want to look at"
    return page.get_by_role("textbox", name=prompt)


def test_type_reload_submit_and_the_supervisor_sees_it(page, prep, axe, artifacts):
    srv, ids = prep
    sign_in(page, srv.url, "sam.taylor")
    open_prepare(page, srv.url, ids["sam"])
    expect(page.get_by_text("Book the family group conference")).to_be_visible()
    choose(page, "Prompt set", "Gibbs reflective cycle")
    expect(page.get_by_text("Function: Personal support").first).to_be_visible()
    first_answer(page).fill(SECRET)
    blur(page)
    page.reload()
    settle(page)
    expect(first_answer(page)).to_have_value(SECRET, timeout=20_000)
    expect(page.get_by_text("Last saved")).to_be_visible()
    page.get_by_role("textbox", name="Title").fill("Cold home conditions")
    page.get_by_role("textbox", name="Case reference (optional)").fill("CR-104233")
    choose(page, "Function", "Performance management")
    choose(page, "What you want from supervision", "A decision")
    page.get_by_role("button", name="Add to the agenda").click()
    settle(page)
    expect(page.get_by_role("textbox", name="Item 1: title")).to_have_value("Cold home conditions")
    assert_accessible(page, axe, "Prepare with a draft")
    page.get_by_role("button", name="Submit to Helen Carter").click()
    settle(page)
    expect(page.get_by_text("Helen Carter can now see your reflection")).to_be_visible()
    page.screenshot(path=artifacts / "prepare-submitted.png", full_page=True)
    sign_out(page)

    sign_in(page, srv.url, "helen.carter")
    expect(page.get_by_text("Reflection ready: Sam Taylor").first).to_be_visible(timeout=20_000)
    go(page, "Reflections")
    expect(page.get_by_text(SECRET)).to_be_visible()
    expect(page.get_by_text("Cold home conditions").first).to_be_visible()
    assert_accessible(page, axe, "Reflections for the supervisor")
    page.screenshot(path=artifacts / "reflections-supervisor.png", full_page=True)
    sign_out(page)


@pytest.mark.parametrize("username", ["priya.shah", "marcus.reid"])
def test_a_team_lead_and_another_supervisor_cannot_reach_it(page, prep, username):
    srv, ids = prep
    sign_in(page, srv.url, username)
    expect(page.get_by_role("heading", level=1)).to_be_visible(timeout=20_000)
    for path in (f"/reflections?session={ids['sam']}", f"/prepare?session={ids['sam']}",
                 "/reflections", "/prepare", "/journal"):
        page.goto(srv.url + path)
        settle(page)
        page.wait_for_timeout(300)
        assert SECRET not in page.content(), path
    page.goto(srv.url)  # a page outside their roles leaves a "page not found" dialog open
    settle(page)
    titles = [link.inner_text().split("\n")[-1].strip() for link in
              page.get_by_test_id("stSidebarNav").get_by_role("link").all()]
    for title in titles:
        go(page, title)
        assert SECRET not in page.content(), title
    page.goto(f"{srv.url}/reflections?session={ids['sam']}")
    settle(page)
    expect(page.get_by_text("There is no such session, or it is not one")).to_be_visible()


def test_hostile_text_comes_back_exactly_and_is_inert(page, prep):
    srv, ids = prep
    sign_in(page, srv.url, "jordan.ellis")
    open_prepare(page, srv.url, ids["jordan"])
    choose(page, "Prompt set", "Gibbs reflective cycle")
    first_answer(page).fill(HOSTILE)
    blur(page)
    page.reload()
    settle(page)
    expect(first_answer(page)).to_have_value(HOSTILE, timeout=20_000)
    page.get_by_role("button", name="Submit to Helen Carter").click()
    settle(page)
    page.get_by_text("What Helen Carter sees now").click()
    settle(page)
    shown = page.get_by_test_id("stExpanderDetails")
    for part in ("<script>window.__pwned=1</script>", "[click me](javascript:window.__pwned=2)",
                 "**not bold** 🧸👶🏽 مرحبا بالعالم שלום", "second line"):
        expect(shown.get_by_text(part, exact=False).first).to_be_visible()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.locator("[data-testid='stMarkdown'] img").count() == 0
