"""Reminders go through a real SMTP server on localhost (aiosmtpd): each to its
person, each once, once only when two runs race, and a relay that refuses or is
down leaves a failure that a later run tries again."""

from datetime import timedelta

import pytest
from concurrency_fixtures import run_together

import db as storage
from core import clock
from core.reminders import due, outbox
from db import reminders as table

from smtp_relay import LocalRelay, down_relay


@pytest.fixture
def relay():
    server = LocalRelay().start()
    yield server
    server.stop()


def _sends(db) -> dict[str, dict]:
    return {r["key"]: r for r in db.query("SELECT * FROM reminder_sends")}


def test_every_reminder_due_reaches_its_person(demo, relay):
    wanted = due.everything(demo)
    report = outbox.run(demo, relay.relay())
    assert report.sent == len(wanted) > 20 and report.failed == 0
    assert len(relay.inbox.messages) == len(wanted)
    for r in wanted:
        got = relay.inbox.to(r.email)
        assert got, r.key
        assert all(m["To"].addresses[0].addr_spec == r.email for m in got)
    kinds = {m["X-Supervision-Reminder"] for m in relay.inbox.messages}
    assert {"prepare", "record_to_sign", "action_due", "session_invite", "reflection_submitted",
            "record_disputed", "session_overdue", "contract_review", "weekly_digest"} <= kinds
    assert all(s["status"] == "sent" and s["attempts"] == 1 for s in _sends(demo).values())


def test_the_email_says_what_is_waiting_and_links_to_the_page(demo, relay):
    outbox.run(demo, relay.relay())
    sam = relay.inbox.to("sam.taylor@example.gov.uk")
    to_sign = [m for m in sam if m["X-Supervision-Reminder"] == "record_to_sign"][0]
    body = to_sign.get_body(("plain",)).get_content()
    assert to_sign["Subject"] == "A supervision record is waiting for your signature"
    assert "Hello Sam Taylor" in body and "Helen Carter" in body
    assert "https://portal.example.gov.uk/records?session=" in body
    assert "https://portal.example.gov.uk/account" in body
    digest = [m for m in relay.inbox.to("priya.shah@example.gov.uk")
              if m["X-Supervision-Reminder"] == "weekly_digest"][0]
    text = digest.get_body(("plain",)).get_content()
    assert "https://portal.example.gov.uk/team" in text and "neglect alerts" in text


def test_a_second_run_sends_nothing_new(demo, relay):
    first = outbox.run(demo, relay.relay())
    count = len(relay.inbox.messages)
    second = outbox.run(demo, relay.relay())
    assert first.sent == count and second.sent == 0 and second.failed == 0
    assert len(relay.inbox.messages) == count


def test_something_new_is_sent_on_the_next_run(demo, relay):
    outbox.run(demo, relay.relay())
    before = len(relay.inbox.messages)
    with clock.frozen(clock.today() + timedelta(days=7)):
        outbox.run(demo, relay.relay())  # a new week: the team leads' digests, and more
    digests = [m for m in relay.inbox.messages[before:]
               if m["X-Supervision-Reminder"] == "weekly_digest"]
    assert len(digests) == 2


def test_two_runs_at_once_send_each_reminder_once(demo, relay):
    path = demo.conn.execute("PRAGMA database_list").fetchone()[2]
    wanted = len(due.everything(demo))
    reports = []

    def one_run():
        db = storage.connect(path)  # a connection of its own, as another machine has
        reports.append(outbox.run(db, relay.relay()))
        db.conn.close()

    assert run_together([one_run] * 2, wait=120) == []
    assert sum(r.sent for r in reports) == wanted
    assert len(relay.inbox.messages) == wanted
    assert {r["status"] for r in _sends(demo).values()} == {"sent"}
    assert {r["attempts"] for r in _sends(demo).values()} == {1}


def test_a_claimed_reminder_is_not_sent_by_another_run(demo, relay):
    first = due.everything(demo)[0]
    assert outbox.claim(demo, first, "another-machine")
    report = outbox.run(demo, relay.relay())
    assert report.sent == report.due - 1 == len(relay.inbox.messages)
    assert _sends(demo)[first.key]["claimed_by"] == "another-machine"
    assert _sends(demo)[first.key]["status"] == "sending"


def test_a_relay_that_refuses_is_a_failure_tried_again_later(demo, relay):
    relay.inbox.refuse = "550 5.7.1 Relaying denied"
    report = outbox.run(demo, relay.relay())
    assert report.sent == 0 and report.failed == report.due > 0
    rows = _sends(demo).values()
    assert {r["status"] for r in rows} == {"failed"}
    assert {r["error_class"] for r in rows} == {"SMTPRecipientsRefused"}
    assert all(r["next_attempt_at"] > r["updated_at"] for r in rows)

    relay.inbox.refuse = None
    assert outbox.run(demo, relay.relay()).sent == 0  # too soon: the backoff holds
    with clock.frozen(clock.now() + outbox.wait_after(1) + timedelta(seconds=5)):
        again = outbox.run(demo, relay.relay())
    assert again.sent == report.failed and again.failed == 0
    assert {r["status"] for r in _sends(demo).values()} == {"sent"}
    assert {r["attempts"] for r in _sends(demo).values()} == {2}


def test_a_relay_that_is_down_is_a_failure_and_nothing_is_lost(demo, relay):
    report = outbox.run(demo, down_relay())
    assert report.sent == 0 and report.failed == report.due > 0
    assert {r["error_class"] for r in _sends(demo).values()} == {"ConnectionRefusedError"}
    with clock.frozen(clock.now() + outbox.wait_after(1) + timedelta(seconds=5)):
        again = outbox.run(demo, relay.relay())
    assert again.sent == report.failed
    assert len(relay.inbox.messages) == report.failed


def test_one_failure_does_not_block_the_others(demo, relay):
    real = relay.relay()
    calls = []

    def flaky(r, message):
        calls.append(message)
        if len(calls) == 1:
            raise ConnectionResetError("the relay dropped the line")
        from core.reminders.relay import send

        send(r, message)

    report = outbox.run(demo, real, send=flaky)
    assert report.failed == 1 and report.sent == report.due - 1
    assert len(relay.inbox.messages) == report.due - 1


def test_the_wait_doubles_up_to_a_ceiling():
    waits = [outbox.wait_after(n) for n in range(1, 12)]
    assert waits[0] == outbox.FIRST_WAIT and waits[1] == 2 * outbox.FIRST_WAIT
    assert all(a <= b for a, b in zip(waits, waits[1:]))
    assert waits[-1] == outbox.LONGEST_WAIT


def test_after_the_last_attempt_it_gives_up(demo, monkeypatch):
    r = due.everything(demo)[0]
    monkeypatch.setattr(due, "everything", lambda db: [r])

    def refuse(relay, message):
        raise ConnectionRefusedError()

    for attempt in range(outbox.MAX_ATTEMPTS):
        with clock.frozen(clock.now() + timedelta(hours=7 * attempt)):
            outbox.run(demo, down_relay(), send=refuse)
    row = table.send(demo, r.key)
    assert row["status"] == "given_up" and row["attempts"] == outbox.MAX_ATTEMPTS
    assert row["error_class"] == "ConnectionRefusedError"


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_the_relay_login_is_used(demo):
    server = LocalRelay(with_login=True).start()
    try:
        report = outbox.run(demo, server.relay())
    finally:
        server.stop()
    assert report.sent > 0 and report.failed == 0
    assert server.inbox.logins


def test_with_no_relay_nothing_is_sent(demo, monkeypatch):
    from core.reminders import relay as relays

    monkeypatch.setattr(relays, "configured", lambda *a, **k: None)
    report = outbox.run(demo)
    assert report.off and report.sent == 0
    assert demo["reminder_sends"].count == 0


def test_a_relay_without_starttls_is_refused_when_starttls_is_set(demo, relay):
    """STARTTLS configured, and the relay cannot do it: nothing goes in clear text."""
    from dataclasses import replace

    report = outbox.run(demo, replace(relay.relay(), starttls=True))
    assert report.sent == 0 and report.failed == report.due > 0
    assert relay.inbox.messages == []
    assert {r["error_class"] for r in _sends(demo).values()} == {"SMTPNotSupportedError"}


def test_an_address_that_cannot_make_an_email_fails_alone(demo, relay):
    """A stored address that would add a header (a line break in it) makes no email;
    the others still go."""
    demo.execute("UPDATE users SET email = 'sam@example.gov.uk' || char(13, 10) || "
                 "'Bcc: someone@example.com' WHERE username = 'sam.taylor'")
    sam = demo.execute("SELECT id FROM users WHERE username = 'sam.taylor'").fetchone()[0]
    report = outbox.run(demo, relay.relay())
    sams = [s for s in _sends(demo).values() if s["user_id"] == sam]
    assert sams and {s["status"] for s in sams} == {"failed"}
    assert report.sent == report.due - len(sams) > 0
    assert not any("someone@example.com" in rcpts for rcpts, _ in relay.inbox.received)
