"""No email holds what people wrote: every message the demo's reminders send
(subject, body, invite) is checked against every text field in the demo
organisation: record items, case references, reflections and their versions,
journals, actions, disputes, addenda, private notes, contracts, informal
contacts, venues, reasons. Names, dates and counts are what an email may say."""

import json
from email.message import EmailMessage

import pytest

from core.reminders import outbox

from smtp_relay import LocalRelay

# Columns that say who, when, which or what state, rather than what someone wrote.
NOT_TEXT = {"name", "supervisee_name", "username", "email", "password_hash", "job_title", "key", "status", "kind",
            "function", "source", "stage", "action", "entity", "migration_set", "cadence_kind",
            "thing", "error_class", "claimed_by", "detail", "wants", "method"}
SHORTEST = 6  # shorter values ("Teams", "Yes") are words any email may use


def _strings(value):
    """A column's value, and every string inside it when it holds JSON."""
    if not isinstance(value, str):
        return
    yield value
    if value[:1] in "[{":
        try:
            parsed = json.loads(value)
        except ValueError:
            return
        stack = [parsed]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                yield item
            elif isinstance(item, dict):
                stack += list(item.values())
            elif isinstance(item, list):
                stack += item


def demo_texts(db) -> set[str]:
    tables = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '_sqlite%'")]
    found = set()
    for table in tables:
        columns = [c.name for c in db[table].columns
                   if c.name not in NOT_TEXT and not c.name.endswith(("_at", "_date", "_on"))]
        if not columns:
            continue
        for row in db.execute(f"SELECT {', '.join(columns)} FROM [{table}]"):
            for value in row:
                for text in _strings(value):
                    text = text.strip()
                    enum = text.isidentifier() and text.islower()  # "reflection", "support"
                    if len(text) >= SHORTEST and not enum and not text.replace("-", "").isdigit():
                        found.add(text)
    return found


def everything_in(message) -> str:
    parts = [f"{k}: {v}" for k, v in message.items()]
    for part in message.walk():
        if not part.is_multipart():
            content = part.get_content()
            parts.append(content.decode() if isinstance(content, bytes) else content)
    return "\n".join(parts)


@pytest.fixture
def sent(demo):
    server = LocalRelay().start()
    try:
        outbox.run(demo, server.relay())
    finally:
        server.stop()
    return server.inbox.messages


def test_the_demo_has_the_texts_to_look_for(demo):
    texts = demo_texts(demo)
    assert len(texts) > 300
    case_refs = {r[0] for r in demo.execute(
        "SELECT case_ref FROM agenda_items WHERE case_ref <> ''")}
    assert case_refs and case_refs <= texts | {c for c in case_refs if len(c) < SHORTEST}
    assert demo.execute("SELECT count(*) FROM agenda_items WHERE function = 'support' "
                        "AND discussion <> ''").fetchone()[0] > 0


def leaks(db, messages) -> list[tuple[str, str]]:
    texts = demo_texts(db)
    case_refs = {r[0] for r in db.execute(
        "SELECT case_ref FROM agenda_items WHERE case_ref <> ''")}
    found = []
    for message in messages:
        whole = everything_in(message)
        found += [(message["Subject"], text[:60]) for text in texts if text in whole]
        found += [(message["Subject"], ref) for ref in case_refs if ref in whole]
    return found


def test_no_email_holds_any_text_of_the_demo(demo, sent):
    assert len(sent) > 20
    assert leaks(demo, sent) == []


def test_the_check_finds_a_leak(demo, sent):
    """The same check, on a message that does quote a support item and a case."""
    support = demo.execute("SELECT discussion FROM agenda_items WHERE function = 'support' "
                           "AND length(discussion) > 20 LIMIT 1").fetchone()[0]
    case = demo.execute("SELECT case_ref FROM agenda_items WHERE case_ref <> '' "
                        "LIMIT 1").fetchone()[0]
    bad = EmailMessage()
    bad["Subject"] = "A reminder"
    bad.set_content(f"You discussed: {support}\nAbout {case}")
    assert len(leaks(demo, sent + [bad])) >= 2


def test_every_email_names_only_what_is_waiting_and_where(sent):
    for message in sent:
        body = message.get_body(("plain",)).get_content()
        assert "https://portal.example.gov.uk/" in body
        assert "It holds no record content" in body
