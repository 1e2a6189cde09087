"""In Chromium, about 1 MB pasted into a reflection answer (limit 20,000
characters) is never lost or cut without a word: the field says its limit, the
pasted text stays on screen, a message next to it says how long it is and what
the limit is, and nothing is saved until it fits."""

import pytest
from conftest import demo_server_with
from helpers import assert_accessible, choose, settle, sign_in
from playwright.sync_api import Page, expect
from reflection_fixtures import session

import db as storage
from core.preparation import reflections
from core.access.roles import load_actor

PROMPT = "Describe the situation you want to look at"
KEPT = "What I wrote before the paste."
PASTE = ("A very long paste from another document. " * 25_000)[:1_000_000]


@pytest.fixture(scope="module")
def prep(tmp_path_factory):
    yield from demo_server_with(tmp_path_factory, "long_paste",
                                lambda database: session(database, "jordan.ellis", days=3, hour=9))


def saved_answer(srv, sid) -> str:
    database = storage.connect(srv.database)
    try:
        draft = reflections.open_draft(database, load_actor(database, "jordan.ellis"), sid)
        return draft["answers"][0]["answer"]
    finally:
        database.conn.close()


def blur(page: Page) -> None:
    page.get_by_role("heading", name="Prepare for supervision").click()
    settle(page)


def test_a_1_mb_paste_is_kept_on_screen_with_a_message_and_not_saved(page, prep, axe):
    srv, sid = prep
    sign_in(page, srv.url, "jordan.ellis")
    page.goto(f"{srv.url}/prepare?session={sid}")
    settle(page)
    choose(page, "Prompt set", "Gibbs reflective cycle")
    answer = page.get_by_role("textbox", name=PROMPT)
    answer.fill(KEPT)
    blur(page)
    assert saved_answer(srv, sid) == KEPT

    answer.click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(PASTE)  # what a paste does: one input of the whole text
    blur(page)
    expect(page.get_by_text("Your answer is 1,000,000 characters; the limit is 20,000."
                            )).to_be_visible(timeout=20_000)
    assert answer.input_value() == PASTE  # kept on screen, not cut
    assert saved_answer(srv, sid) == KEPT  # and not saved
    assert_accessible(page, axe, "Prepare with a too-long answer")

    answer.click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(PASTE[:20_000])
    blur(page)
    expect(page.get_by_text("the limit is 20,000")).to_have_count(0)
    assert saved_answer(srv, sid) == PASTE[:20_000]
