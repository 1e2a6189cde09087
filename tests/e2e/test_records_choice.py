"""In Chromium: Records opened with ?session= in the address;
choosing another record in "Open a record" keeps it chosen (it used to snap back
to the one in the address) and the address follows, so reloading the page, or
sharing its address, opens the chosen record. Reads only: on the shared demo
server."""

import re

from helpers import assert_accessible, choose, settle, sign_in
from playwright.sync_api import Page, expect

import db as storage
from core import records
from core.access.roles import load_actor

LABEL = "Open a record"


def shown_records(database_path) -> list[dict]:
    """The records Sam Taylor can open (shared with him), newest first, as the page
    lists them (a year at a time)."""
    database = storage.connect(database_path)
    try:
        sam = load_actor(database, "sam.taylor")
        return [r for r in records.my_records(database, sam)
                if r["status"] in ("shared", "agreed", "disputed")]
    finally:
        database.conn.close()


def box(page: Page):
    return page.get_by_role("combobox", name=LABEL, exact=True)


def option_texts(page: Page) -> list[str]:
    box(page).click()
    options = page.get_by_role("option")
    options.first.wait_for()
    texts = options.all_inner_texts()
    page.keyboard.press("Escape")
    return texts


def test_a_record_chosen_stays_chosen_and_the_address_follows(page, server, axe):
    rows = shown_records(server.database)
    # two agreed records of one year: neither is the one the page opens first (waiting
    # for Sam); the page lists the records of the year of the one in the address
    year = records.listed_year([r for r in rows if r["status"] == "agreed"][1])
    rows = [r for r in rows if records.listed_year(r) == year]
    ids = [r["session_id"] for r in rows]
    asked, wanted = [r["session_id"] for r in rows if r["status"] == "agreed"][1:4:2]
    sign_in(page, server.url, "sam.taylor")
    page.goto(f"{server.url}/records?session={asked}")
    settle(page)
    texts = option_texts(page)
    assert len(texts) == len(ids)
    expect(box(page)).to_have_value(texts[ids.index(asked)], timeout=20_000)
    assert_accessible(page, axe, "Records opened from an address")

    chosen = texts[ids.index(wanted)]
    choose(page, LABEL, chosen)
    expect(page).to_have_url(re.compile(rf"[?&]session={wanted}(&|$)"))
    expect(box(page)).to_have_value(chosen)
    settle(page)  # no later run snaps it back
    expect(box(page)).to_have_value(chosen)
    assert_accessible(page, axe, "Records after choosing another record")

    page.reload()  # the address now opens the chosen record
    settle(page)
    expect(box(page)).to_have_value(chosen, timeout=20_000)
    expect(page).to_have_url(re.compile(rf"[?&]session={wanted}(&|$)"))
