"""In Chromium, with a relay on localhost: a supervisee turns a kind of reminder off
on the Password page, cron's command sends the rest, and the admin sees the sends
on the Settings page, without content. Each page passes axe."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, Server
from helpers import assert_accessible, go, settle, sign_in, sign_out
from playwright.sync_api import Page, expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from smtp_relay import LocalRelay  # noqa: E402

import db as storage  # noqa: E402


@pytest.fixture(scope="module")
def relay():
    server = LocalRelay().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def srv(tmp_path_factory, relay):
    env = {"SUPERVISION_SMTP_HOST": "127.0.0.1", "SUPERVISION_SMTP_PORT": str(relay.port),
           "SUPERVISION_SMTP_STARTTLS": "false", "SUPERVISION_MAIL_FROM": "p@example.gov.uk",
           "SUPERVISION_PORTAL_URL": "https://portal.example.gov.uk"}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        server = Server(tmp_path_factory.mktemp("reminders") / "portal.db", demo=True)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    yield server
    server.stop()


def opted_out(srv, username: str) -> set[str]:
    database = storage.connect(srv.database)
    try:
        return {r[0] for r in database.execute(
            "SELECT o.kind FROM reminder_opt_outs o JOIN users u ON u.id = o.user_id "
            "WHERE u.username = ?", [username])}
    finally:
        database.conn.close()


def test_choose_send_and_see_the_sends(page: Page, srv, relay, axe):
    sign_in(page, srv.url, "sam.taylor")
    go(page, "Account")
    expect(page.get_by_role("heading", name="Reminders by email")).to_be_visible()
    box = page.get_by_role("checkbox", name="A record to read and sign")
    expect(box).to_be_checked()
    box.uncheck(force=True)  # Streamlit draws its own box over the input
    page.get_by_role("button", name="Save my reminder choices").click()
    settle(page)
    expect(page.get_by_text("Your reminder choices are saved.")).to_be_visible()
    assert opted_out(srv, "sam.taylor") == {"record_to_sign"}
    expect(page.get_by_role("checkbox", name="A record to read and sign")).not_to_be_checked()
    assert_accessible(page, axe, "Password page with reminder choices")
    sign_out(page)

    done = subprocess.run([sys.executable, "-m", "core.cli", "--db", str(srv.database),
                           "reminders"], cwd=ROOT, env=srv.env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert " sent, 0 failed" in done.stdout
    sams = [m["X-Supervision-Reminder"] for m in relay.inbox.to("sam.taylor@example.gov.uk")]
    assert sams and "record_to_sign" not in sams

    sign_in(page, srv.url, "admin")
    go(page, "Settings")
    expect(page.get_by_text("Reminders are on")).to_be_visible()
    expect(page.get_by_text("Latest sends and failures")).to_be_visible()
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible()
    assert_accessible(page, axe, "Settings with the latest sends")
