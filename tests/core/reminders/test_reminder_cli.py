"""`python -m core.cli reminders`, as cron runs it: off without a relay, and through
the relay from the environment once configured; a second run sends nothing new."""

import pytest

from core import cli
from core.reminders import relay as relays

from smtp_relay import LocalRelay


@pytest.fixture
def no_secrets(tmp_path, monkeypatch):
    monkeypatch.setattr(relays, "SECRETS", tmp_path / "secrets.toml")
    for name, _key in relays.SOURCES.values():
        monkeypatch.delenv(name, raising=False)


def _path(db) -> str:
    return db.conn.execute("PRAGMA database_list").fetchone()[2]


def test_without_a_relay_the_command_says_reminders_are_off(demo, no_secrets, capsys):
    assert cli.main(["--db", _path(demo), "reminders"]) == 0
    assert "Reminders are off" in capsys.readouterr().out
    assert demo["reminder_sends"].count == 0


def test_the_command_sends_through_the_configured_relay_once(demo, no_secrets, monkeypatch,
                                                             capsys):
    server = LocalRelay().start()
    try:
        monkeypatch.setenv("SUPERVISION_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("SUPERVISION_SMTP_PORT", str(server.port))
        monkeypatch.setenv("SUPERVISION_SMTP_STARTTLS", "false")
        monkeypatch.setenv("SUPERVISION_MAIL_FROM", "portal@example.gov.uk")
        monkeypatch.setenv("SUPERVISION_PORTAL_URL", "https://portal.example.gov.uk")
        assert cli.main(["--db", _path(demo), "reminders"]) == 0
        first = len(server.inbox.messages)
        assert first > 20 and f"{first} sent, 0 failed" in capsys.readouterr().out
        assert cli.main(["--db", _path(demo), "reminders"]) == 0
        assert "0 sent, 0 failed" in capsys.readouterr().out
        assert len(server.inbox.messages) == first
    finally:
        server.stop()
