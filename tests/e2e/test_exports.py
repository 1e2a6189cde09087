"""Exports in Chromium, on the demo organisation (which has agreed records):
Sam Taylor downloads an agreed record as Word and as PDF and the test opens
both again (python-docx, pypdf) to check what they say; then he downloads
everything the portal holds about him (a zip with JSON and the documents).
Every page visited is scanned with axe, and every export is in the audit log."""

import io
import json
import sqlite3
import zipfile
from pathlib import Path

import docx
import pypdf
from helpers import assert_accessible, choose, go, settle, sign_in
from playwright.sync_api import expect

import db as storage
from core import records
from core.access.roles import load_actor

SECTIONS = ["Items by function", "Case decisions", "Actions", "Signatures", "Addenda"]


def agreed_record(database: Path) -> tuple[dict, dict]:
    """Sam's newest agreed record with a case decision: (its summary, its view)."""
    db = storage.connect(database)
    try:
        sam = load_actor(db, "sam.taylor")
        for row in records.my_records(db, sam):
            if row["status"] == "agreed":
                view = records.agenda(db, sam, row["session_id"])
                if any(i["decision"] for i in view.items):
                    return row, view
    finally:
        db.conn.close()
    raise AssertionError("the demo gives Sam an agreed record with a case decision")


def audit_actions(database: Path) -> list[str]:
    with sqlite3.connect(database) as conn:
        return [r[0] for r in conn.execute("SELECT action FROM audit_events WHERE action IN "
                                           "('record_exported', 'subject_access_exported') "
                                           "ORDER BY id")]


def download(page, name: str) -> bytes:
    button = page.get_by_role("button", name=name)
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=90_000) as got:
        button.click()
    return Path(got.value.path()).read_bytes()


def test_record_documents_and_subject_access_export(page, fresh_server, axe, artifacts):
    row, view = agreed_record(fresh_server.database)
    decision = next(i for i in view.items if i["decision"])
    sign_in(page, fresh_server.url, "sam.taylor")
    go(page, "Records")  # opens the record waiting for Sam's signature first
    choose(page, "Open a record", f"{row['when']} with Helen Carter: {row['status_label']}"
           + (", late" if row["late"] else ""))
    expect(page.get_by_role("heading", name="Export", exact=True)).to_be_visible(timeout=20_000)
    assert_accessible(page, axe, "Records with an agreed record's export buttons")
    page.screenshot(path=artifacts / "export-record.png", full_page=True)

    word = docx.Document(io.BytesIO(download(page, "Download the record as Word (.docx)")))
    paragraphs = [p.text for p in word.paragraphs]
    header = {r.cells[0].text: r.cells[1].text for r in word.tables[0].rows}
    assert header["Supervisee"] == "Sam Taylor" and header["Supervisor"] == "Helen Carter"
    assert header["Record status"] == "Agreed and locked"
    assert all(s in paragraphs for s in SECTIONS)
    assert f"Decision: {decision['decision'].strip()}" in paragraphs
    assert f"Rationale: {decision['rationale'].strip()}" in paragraphs

    pdf = download(page, "Download the record as PDF")
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
                    .split())
    for expected in SECTIONS + ["Sam Taylor", "Helen Carter",
                                " ".join(decision["rationale"].split())]:
        assert expected in text, expected
    assert audit_actions(fresh_server.database) == ["record_exported", "record_exported"]

    go(page, "Account")
    expect(page.get_by_role("heading", name="Everything the portal holds about you")
           ).to_be_visible()
    assert_accessible(page, axe, "Password page with the subject access export")
    bundle = zipfile.ZipFile(io.BytesIO(download(page, "Download everything (.zip)")))
    names = bundle.namelist()
    data = json.loads(next(bundle.read(n) for n in names if n.endswith("/data.json")))
    assert data["account"]["username"] == "sam.taylor" and "password_hash" not in data["account"]
    assert any(r["session_id"] == row["session_id"] for r in data["records"])
    assert any(n.endswith(f"session-{row['session_id']}.docx") for n in names)
    assert any(n.endswith("records/supervision-records.pdf") for n in names)
    settle(page)
    assert audit_actions(fresh_server.database)[-1] == "subject_access_exported"
