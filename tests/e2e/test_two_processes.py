"""Two server processes on one WAL database file, as behind a proxy that keeps each
browser on one process: a sign-in made on one is honoured by the other, a sign-out
on one ends a copied cookie on the other, and text saved on one is read on the other.

Cookies do not depend on the port, so one browser context carries the sign-in
cookie between the two processes, as a browser moved to another process would."""

import pytest
from conftest import Server
from helpers import (
    assert_accessible, choose, expect_copied_cookie_refused, open_app, settle, sign_in, sign_out,
)
from playwright.sync_api import expect
from reflection_fixtures import session

import db as storage

COOKIE = "supervision_portal"
TEXT = "Typed on the first process, read on the second"


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    path = tmp_path_factory.mktemp("two") / "portal.db"
    first = Server(path, demo=True)
    second = Server(path, demo=False)  # the same file: no second demo load
    database = storage.connect(path)
    mode = database.execute("PRAGMA journal_mode").fetchone()[0]
    planned = session(database, "sam.taylor", days=3, hour=9)
    database.conn.close()
    yield first, second, planned, mode
    second.stop()
    first.stop()


def test_the_database_is_in_wal_mode_and_both_processes_answer(pair):
    first, second, _planned, mode = pair
    assert mode == "wal"
    assert first.process.pid != second.process.pid
    assert first.process.poll() is None and second.process.poll() is None


def test_a_sign_in_on_one_process_is_honoured_by_the_other(browser, pair, axe):
    first, second, _planned, _mode = pair
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, first.url, "helen.carter")
    expect(page.get_by_role("heading", name="Hello, Helen Carter")).to_be_visible()
    other = context.new_page()
    open_app(other, second.url)
    expect(other.get_by_role("heading", name="Hello, Helen Carter")).to_be_visible()
    assert_accessible(other, axe, "Home on the second process")
    context.close()


def test_a_sign_out_on_one_process_ends_a_copied_cookie_on_the_other(browser, pair):
    first, second, _planned, _mode = pair
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, first.url, "priya.shah")
    expect(page.get_by_role("heading", name="Hello, Priya Shah")).to_be_visible()
    copied = [c for c in context.cookies() if c["name"] == COOKIE]
    assert copied
    sign_out(page)
    context.close()

    expect_copied_cookie_refused(browser, second.url, copied)


def test_text_saved_on_one_process_is_read_on_the_other(browser, pair):
    first, second, planned, _mode = pair
    answer = "Describe the situation you want to look at"
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, first.url, "sam.taylor")
    page.goto(f"{first.url}/prepare?session={planned}")
    settle(page)
    choose(page, "Prompt set", "Gibbs reflective cycle")
    page.get_by_role("textbox", name=answer).fill(TEXT)
    page.get_by_role("heading", name="Prepare for supervision").click()  # blur saves
    settle(page)
    expect(page.get_by_text("Last saved")).to_be_visible()

    other = context.new_page()
    other.goto(f"{second.url}/prepare?session={planned}")
    settle(other)
    expect(other.get_by_role("textbox", name=answer)).to_have_value(TEXT)
    context.close()
