"""In Chromium, an admin saves the same person twice in a row, and a prompt set is
retired then brought back: every submit is saved and confirmed, and the choice of
person or set stays put. Before, the second save was dropped without a word: the
browser sent back the person's old name as the choice, which matched nobody."""

import pytest
from conftest import Server
from helpers import assert_accessible, choose, go, settle, sign_in
from playwright.sync_api import Page, expect

import db as storage


@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("second_save") / "portal.db", demo=True)
    yield server
    server.stop()


def stored_name(srv, username: str) -> str:
    database = storage.connect(srv.database)
    try:
        return database.execute("SELECT name FROM users WHERE username = ?",
                                [username]).fetchone()[0]
    finally:
        database.conn.close()


def edit_form(page: Page):
    return page.get_by_test_id("stForm").filter(
        has=page.get_by_role("button", name="Save changes"))


def save_name(page: Page, name: str) -> None:
    form = edit_form(page)
    form.get_by_role("textbox", name="Full name").fill(name)
    form.get_by_role("button", name="Save changes").click()
    settle(page)


def test_rename_a_person_twice_and_both_saves_land(page, srv, axe):
    sign_in(page, srv.url, "admin")
    go(page, "Users")
    choose(page, "Person", "Zara Hussain (zara.hussain)")
    save_name(page, "Zara Hussain-Ahmed")
    expect(page.get_by_text("Saved the changes to Zara Hussain-Ahmed.")).to_be_visible()
    assert stored_name(srv, "zara.hussain") == "Zara Hussain-Ahmed"
    person = page.get_by_role("combobox", name="Person", exact=True)
    expect(person).to_have_value("Zara Hussain-Ahmed (zara.hussain)")
    save_name(page, "Zara Ahmed")
    expect(page.get_by_text("Saved the changes to Zara Ahmed.")).to_be_visible()
    assert stored_name(srv, "zara.hussain") == "Zara Ahmed"
    expect(person).to_have_value("Zara Ahmed (zara.hussain)")
    expect(edit_form(page).get_by_role("textbox", name="Full name")).to_have_value("Zara Ahmed")
    save_name(page, "Zara Hussain")
    expect(page.get_by_text("Saved the changes to Zara Hussain.")).to_be_visible()
    assert stored_name(srv, "zara.hussain") == "Zara Hussain"
    expect(person).to_have_value("Zara Hussain (zara.hussain)")
    assert_accessible(page, axe, "Users after two saves")


def test_retire_a_prompt_set_then_bring_it_back(page, srv):
    sign_in(page, srv.url, "admin")
    go(page, "Prompt sets")
    choose(page, "Prompt set", "GROW coaching model")
    page.get_by_role("button", name="Retire this set").click()
    settle(page)
    expect(page.get_by_text("'GROW coaching model' is retired.")).to_be_visible()
    expect(page.get_by_role("combobox", name="Prompt set", exact=True)).to_have_value(
        "GROW coaching model (retired)")
    page.get_by_role("button", name="Bring back into use").click()
    settle(page)
    expect(page.get_by_text("'GROW coaching model' is offered to supervisees again.")
           ).to_be_visible()
