"""A relay that speaks STARTTLS, with a certificate from the council's own CA:
reminders go over TLS with the login, the CA is trusted only when it is set, and
a relay that does not offer STARTTLS when it is required fails cleanly and is
tried again later."""

from dataclasses import replace
from datetime import timedelta

import pytest

from core import clock
from core.reminders import outbox
from core.reminders import relay as relays

from smtp_relay import LocalRelay
from tls_certificates import make


@pytest.fixture
def council_ca(tmp_path):
    return make(tmp_path)


@pytest.fixture
def tls_relay(council_ca):
    _ca_file, context = council_ca
    server = LocalRelay(with_login=True, tls=context).start()
    yield server
    server.stop()


def _statuses(db) -> dict:
    return {r["status"]: r for r in db["reminder_sends"].rows}


def test_reminders_go_over_tls_with_the_login(demo, tls_relay, council_ca):
    ca_file, _context = council_ca
    report = outbox.run(demo, replace(tls_relay.relay(), ca_file=str(ca_file)))
    assert report.sent == report.due > 0 and report.failed == 0
    assert len(tls_relay.inbox.messages) == report.due
    assert tls_relay.inbox.logins  # the login was accepted, and only over TLS


def test_the_relay_certificate_is_checked(demo, tls_relay):
    """Without the council's CA the relay's certificate is not trusted: no email,
    no login in clear text, a failure recorded for a later run."""
    report = outbox.run(demo, tls_relay.relay())
    assert report.sent == 0 and report.failed == report.due > 0
    assert tls_relay.inbox.messages == [] and tls_relay.inbox.logins == []
    assert set(_statuses(demo)) == {"failed"}
    assert {r["error_class"] for r in demo["reminder_sends"].rows} == {"SSLCertVerificationError"}


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_a_relay_without_starttls_fails_cleanly_and_is_tried_again(demo, tls_relay, council_ca):
    ca_file, _context = council_ca
    plain = LocalRelay(with_login=True).start()
    try:
        required = replace(plain.relay(), starttls=True, ca_file=str(ca_file))
        report = outbox.run(demo, required)
    finally:
        plain.stop()
    assert report.sent == 0 and report.failed == report.due > 0  # every one tried, none stuck
    assert plain.inbox.messages == [] and plain.inbox.logins == []
    rows = list(demo["reminder_sends"].rows)
    assert {r["error_class"] for r in rows} == {"SMTPNotSupportedError"}
    assert all(r["status"] == "failed" and r["next_attempt_at"] for r in rows)
    # the relay is fixed: the next run after the wait sends them, over TLS
    with clock.frozen(clock.now() + outbox.wait_after(1) + timedelta(seconds=5)):
        again = outbox.run(demo, replace(tls_relay.relay(), ca_file=str(ca_file)))
    assert again.sent == report.failed and again.failed == 0
    assert len(tls_relay.inbox.messages) == report.failed


def test_the_council_ca_comes_from_the_environment_or_secrets(tmp_path):
    env = {"SUPERVISION_SMTP_HOST": "relay.council.gov.uk",
           "SUPERVISION_MAIL_FROM": "portal@council.gov.uk",
           "SUPERVISION_PORTAL_URL": "https://supervision.council.gov.uk",
           "SUPERVISION_SMTP_CA_FILE": "/etc/ssl/council-ca.pem"}
    assert relays.configured(env, tmp_path / "none.toml").ca_file == "/etc/ssl/council-ca.pem"
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[reminders]\nsmtp_ca_file = "/srv/ca.pem"\n')
    del env["SUPERVISION_SMTP_CA_FILE"]
    assert relays.configured(env, secrets).ca_file == "/srv/ca.pem"
    assert relays.configured(env, tmp_path / "none.toml").ca_file == ""
