"""A group session in Chromium, with an axe-core scan on every page visited: the
facilitator writes the record of a held group session (a child's name as the case
reference is refused), shares it; the presenter, sent by a home task, signs it
and the record is agreed. On a server of its own."""

import re
from datetime import datetime, time, timedelta

import pytest
from conftest import Server
from helpers import assert_accessible, choose, open_expander, settle, sign_in, sign_out
from playwright.sync_api import Page, expect

import db as storage
from core import clock, workdays
from db import groups as table

LEARNING = "Ask the school first; write the bottom lines in the family's words 🧸 مرحبا"


@pytest.fixture(scope="module")
def journey(tmp_path_factory):
    """A server on the demo, with a group session held yesterday (or the last working
    day) whose record is still to write."""
    srv = Server(tmp_path_factory.mktemp("group") / "portal.db", demo=True)
    database = storage.connect(srv.database)
    day = clock.today() - timedelta(days=1)
    while not workdays.is_working_day(day):
        day -= timedelta(days=1)
    group = database.execute("SELECT id FROM groups").fetchone()[0]
    sid = table.insert_session(database, {
        "group_id": group, "minutes": 90, "venue": "Team room 2", "status": "planned",
        "scheduled_at": clock.stamp(datetime.combine(day, time(10), tzinfo=clock.LONDON)),
        "created_at": clock.stamp()})
    database.conn.close()
    yield srv, sid
    srv.stop()


def enter(page: Page, url: str, username: str) -> None:
    sign_in(page, url, username)
    expect(page.get_by_role("heading", name=re.compile("^Hello, "))).to_be_visible(
        timeout=20_000)


def open_group(page: Page, url: str, sid: int) -> None:
    page.goto(f"{url}/group_supervision?session={sid}")
    settle(page)
    expect(page.get_by_role("heading", name="Group supervision", exact=True)).to_be_visible(
        timeout=20_000)


def test_the_facilitator_records_and_shares_and_the_presenter_agrees(page, journey, axe):
    srv, sid = journey

    enter(page, srv.url, "helen.carter")
    expect(page.get_by_role("link", name=re.compile("Write and share the record of the group"))
           ).to_be_visible()
    open_group(page, srv.url, sid)
    expect(page.get_by_text("not recorded about any one member").first).to_be_visible()
    assert_accessible(page, axe, "Group supervision, a record to write")
    choose(page, "Presenter", "Sam Taylor")
    page.get_by_role("textbox", name="Case reference (optional)").fill("Amira Khan")
    page.get_by_role("textbox", name="Theme presented").fill("Neglect and the school")
    page.get_by_role("textbox", name="Learning for the group").fill(LEARNING)
    page.get_by_role("button", name="Save the record").click()
    settle(page)
    expect(page.get_by_text("Never a child's name").first).to_be_visible()
    expect(page.get_by_role("textbox", name="Learning for the group")).to_have_value(LEARNING)
    page.get_by_role("textbox", name="Case reference (optional)").fill("CR-880011")
    page.get_by_role("button", name="Save the record").click()
    settle(page)
    expect(page.get_by_text("Record saved as a draft")).to_be_visible()
    expect(page.get_by_role("paragraph").filter(has_text=LEARNING)).to_be_visible()
    assert_accessible(page, axe, "Group supervision, a draft record")
    page.get_by_role("button", name="Share the record with the group").click()
    settle(page)
    expect(page.get_by_text("Record shared.")).to_be_visible()
    expect(page.get_by_role("button", name="Save the record")).to_have_count(0)
    assert_accessible(page, axe, "Group supervision, shared")
    sign_out(page)

    enter(page, srv.url, "sam.taylor")
    assert_accessible(page, axe, "Home with group tasks")
    held = page.get_by_role("link", name=re.compile("You presented at the group"))
    expect(held.first).to_be_visible()
    open_group(page, srv.url, sid)
    expect(page.get_by_role("paragraph").filter(has_text=LEARNING)).to_be_visible()
    expect(page.get_by_text("CR-880011")).to_be_visible()
    assert_accessible(page, axe, "Group supervision for the presenter")
    page.get_by_role("button", name="Sign as presenter").click()
    settle(page)
    expect(page.get_by_text("Signed. The record is agreed.")).to_be_visible()
    expect(page.get_by_text("Status: Agreed", exact=False).first).to_be_visible()
    assert_accessible(page, axe, "Group supervision, agreed")


def press(page: Page, button: str, then: str) -> None:
    """Click a button and wait for the message the page shows after it."""
    page.get_by_role("button", name=button).click()
    settle(page)
    expect(page.get_by_text(then).first).to_be_visible()


def as_person(page: Page, url: str, username: str) -> None:
    """Whoever was signed in signs out; this person opens Group supervision."""
    if page.get_by_role("button", name="Sign out").count():
        sign_out(page)
    enter(page, url, username)
    page.goto(f"{url}/group_supervision")
    settle(page)


def test_members_change_and_an_owner_marks_an_action_done(page, journey, axe):
    """The facilitator adds a member and records that another left (Tom Baker, who
    then keeps only what he attended); Sam Taylor marks his group action done."""
    srv, _sid = journey
    as_person(page, srv.url, "helen.carter")
    members = open_expander(page, "Change the members")
    assert_accessible(page, axe, "Group supervision, changing the members")
    search = members.get_by_role("textbox", name="Find a person to add")
    search.fill("jordan")
    search.press("Enter")
    settle(page)
    choose(page, "Person to add", "Jordan Ellis (jordan.ellis)")
    press(page, "Add to the group", "Member added.")
    open_expander(page, "Change the members")
    choose(page, "Member who left", "Tom Baker")
    press(page, "Record that they left today", "Recorded. Their attendance at past sessions")
    expect(page.get_by_text(re.compile(r"Tom Baker \(left "))).to_be_visible()
    assert_accessible(page, axe, "Group supervision, a member left")

    as_person(page, srv.url, "tom.baker")
    expect(page.get_by_text("You left this group on")).to_be_visible()
    expect(page.get_by_role("button", name="Close the action")).to_have_count(0)
    assert_accessible(page, axe, "Group supervision for a member who left")

    as_person(page, srv.url, "sam.taylor")
    expect(page.get_by_role("heading", name="Open actions")).to_be_visible()
    page.get_by_role("textbox", name="Evidence or outcome").fill(
        "Done with the family on Tuesday 🧸")
    press(page, "Close the action", "Action closed.")
    expect(page.get_by_text("No open group actions.")).to_be_visible()
    assert_accessible(page, axe, "Group supervision, the action closed")
