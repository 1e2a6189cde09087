"""In Chromium: a team lead's file audit shows on the supervisee's Password page;
the admin filters the audit log to it in plain words and downloads the filtered
trail as CSV (the download itself audited); the Settings page lists records past
the retention period. Every page is scanned with axe."""

import csv
import io
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import Server
from helpers import RUN, assert_accessible, go, settle, sign_in, sign_out
from playwright.sync_api import expect

import db as storage
from core import clock, records
from core.access.roles import load_actor


@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("audit") / "portal.db", demo=True)
    db = storage.connect(server.database)
    try:
        sam = load_actor(db, "sam.taylor")
        agreed = next(r for r in records.my_records(db, sam) if r["status"] == "agreed")
        records.file_audit(db, load_actor(db, "priya.shah"), session_id=agreed["session_id"])
        old = db.execute("SELECT id FROM arrangements WHERE end_date IS NULL "
                         "ORDER BY id DESC").fetchone()[0]
        end = clock.today() - timedelta(days=30 * 366)
        db.execute("UPDATE arrangements SET start_date = ?, end_date = ? WHERE id = ?",
                   [(end - timedelta(days=700)).isoformat(), end.isoformat(), old])
    finally:
        db.conn.close()
    yield server
    server.stop()


def test_reads_audit_log_csv_and_retention(page, srv, axe):
    sign_in(page, srv.url, "sam.taylor")
    go(page, "Account")
    expect(page.get_by_text("Who has read your record items")).to_be_visible()
    expect(page.get_by_test_id("stDataFrame").last).to_be_visible()
    assert_accessible(page, axe, "Account page with reads of my items")
    sign_out(page)

    sign_in(page, srv.url, "admin")
    go(page, "Audit log")
    expect(page.get_by_text("event(s); page 1 of")).to_be_visible()
    assert_accessible(page, axe, "Audit log")
    kinds = page.get_by_role("combobox", name="Kind of event")
    kinds.click()
    kinds.press_sequentially("file audit")
    page.get_by_role("option", name="read a record item for a file audit").click()
    page.keyboard.press("Escape")
    settle(page)
    # The filter has been applied once the chosen kind sits in the box as a chip.
    expect(page.get_by_test_id("stMultiSelect").get_by_text(
        "read a record item for a file audit")).to_be_visible(timeout=RUN)
    settle(page)
    button = page.get_by_role("button", name="Download these events (.csv)")
    expect(button).to_be_visible(timeout=RUN)
    button.scroll_into_view_if_needed(timeout=RUN)
    with page.expect_download(timeout=60_000) as got:
        button.click()
    rows = list(csv.reader(io.StringIO(Path(got.value.path()).read_text())))
    assert rows[0][0] == "event" and len(rows) > 1
    assert {r[4] for r in rows[1:]} == {"read a record item for a file audit"}
    with sqlite3.connect(srv.database) as conn:
        assert conn.execute("SELECT count(*) FROM audit_events "
                            "WHERE action = 'audit_exported'").fetchone()[0] == 1

    go(page, "Settings")
    expect(page.get_by_text("Records past the retention period")).to_be_visible()
    expect(page.get_by_role("button", name="Purge the chosen arrangements")).to_be_visible()
    assert_accessible(page, axe, "Settings with retention")
