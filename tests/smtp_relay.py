"""A real SMTP server on localhost for the reminder tests (aiosmtpd), which keeps
what it receives, and can be told to refuse, or to speak only after STARTTLS with
a certificate from a test CA of its own."""

import socket
import ssl
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from core.reminders.relay import Relay

USER, PASSWORD = "portal", "relay-password"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    """The aiosmtpd handler: every accepted message, with its envelope recipients."""

    def __init__(self) -> None:
        self.received: list[tuple[list[str], EmailMessage]] = []
        self.refuse: str | None = None  # e.g. "550 5.7.1 Relaying denied"
        self.logins: list[str] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse:
            return self.refuse
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        self.received.append((list(envelope.rcpt_tos), parsed))
        return "250 Message accepted for delivery"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword) and auth_data.login.decode() == USER \
                and auth_data.password.decode() == PASSWORD:
            self.logins.append(USER)
            return AuthResult(success=True)
        return AuthResult(success=False, handled=False)

    @property
    def messages(self) -> list[EmailMessage]:
        return [m for _, m in self.received]

    def to(self, address: str) -> list[EmailMessage]:
        return [m for rcpts, m in self.received if address in rcpts]


class LocalRelay:
    def __init__(self, *, with_login: bool = False, tls: ssl.SSLContext | None = None) -> None:
        self.inbox = Inbox()
        self.port = free_port()
        options = {}
        if with_login:
            options = {"authenticator": self.inbox.authenticate, "auth_require_tls": False,
                       "auth_required": True}
        if tls is not None:  # STARTTLS offered and required, and login only over it
            options.update(tls_context=tls, require_starttls=True, auth_require_tls=True)
        self.tls = tls is not None
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port,
                                     **options)
        self.with_login = with_login

    def start(self) -> "LocalRelay":
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()

    def relay(self) -> Relay:
        return Relay(host="127.0.0.1", port=self.port, starttls=self.tls,
                     user=USER if self.with_login else "",
                     password=PASSWORD if self.with_login else "",
                     sender="Supervision portal <portal@example.gov.uk>",
                     portal_url="https://portal.example.gov.uk")


def down_relay() -> Relay:
    """A relay address where nothing listens: the connection is refused."""
    return Relay(host="127.0.0.1", port=free_port(), starttls=False, user="", password="",
                 sender="portal@example.gov.uk", portal_url="https://portal.example.gov.uk")
