"""In Chromium: Helen Carter opens Jordan Ellis's session (the
demo's submitted reflection) and re-tags an item that came from it. The item
keeps its new function, and Run session never says Jordan submitted more items
after the agenda was built (which offered the same item again, a duplicate).
On a server of its own: the session is opened and changed."""

import pytest
from conftest import Server
from helpers import assert_accessible, choose, settle, sign_in
from playwright.sync_api import expect

import db as storage
from core import records
from core.preparation import reflections
from core.vocabulary import FUNCTIONS
from core.access.roles import load_actor

SUBMITTED_AFTER = "after this agenda was built"


@pytest.fixture(scope="module")
def jordan(tmp_path_factory):
    """A server on the demo; Jordan's planned session with a submitted reflection,
    and the first item he proposed."""
    srv = Server(tmp_path_factory.mktemp("retag") / "portal.db", demo=True)
    database = storage.connect(srv.database)
    helen = load_actor(database, "helen.carter")
    sid = next(r["session_id"] for r in records.runnable_sessions(database, helen)
               if r["supervisee_name"] == "Jordan Ellis" and r["status"] == "planned"
               and reflections.latest_submitted(database, helen, r["session_id"]))
    first = reflections.latest_submitted(database, helen, sid)["agenda"][0]
    database.conn.close()
    yield srv, sid, first
    srv.stop()


def test_retagging_a_supervisee_item_leaves_no_offer_to_add_it_again(page, jordan, axe):
    srv, sid, first = jordan
    sign_in(page, srv.url, "helen.carter")
    page.goto(f"{srv.url}/run_session?session={sid}")
    settle(page)
    page.get_by_role("button", name="Open the session").click()
    settle(page)
    expect(page.get_by_role("heading", name=f"1. {first['title']}")).to_be_visible(
        timeout=20_000)
    expect(page.get_by_text("From the supervisee's reflection").first).to_be_visible()
    expect(page.get_by_text(SUBMITTED_AFTER)).to_have_count(0)

    other = next(label for key, label in FUNCTIONS.items() if key != first["function"])
    choose(page, "Item 1: function", other)
    expect(page.get_by_text(f"From the supervisee's reflection · {other}").first).to_be_visible(
        timeout=20_000)
    expect(page.get_by_text(SUBMITTED_AFTER)).to_have_count(0)
    expect(page.get_by_role("button", name="Add them to the agenda")).to_have_count(0)
    assert_accessible(page, axe, "Run session after re-tagging a supervisee's item")

    page.reload()  # as the supervisor comes back to it: still nothing offered
    settle(page)
    expect(page.get_by_role("heading", name=f"1. {first['title']}")).to_be_visible(
        timeout=20_000)
    expect(page.get_by_text(f"From the supervisee's reflection · {other}").first).to_be_visible()
    expect(page.get_by_text(SUBMITTED_AFTER)).to_have_count(0)
    titles = page.get_by_role("heading", name=first["title"])
    expect(titles).to_have_count(1)  # no duplicate
