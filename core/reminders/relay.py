"""The SMTP relay reminders go through, from configuration, and sending one email.

Each value comes from the environment first, then from the `[reminders]` table
of `.streamlit/secrets.toml` (read here with tomllib, as the CLI runs outside
Streamlit). With no host, sender or portal address, reminders are off.
"""

import os
import smtplib
import ssl
import tomllib
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SECRETS = ROOT / ".streamlit" / "secrets.toml"
TIMEOUT_S = 20

# setting: (environment variable, key in [reminders] of secrets.toml)
SOURCES = {
    "host": ("SUPERVISION_SMTP_HOST", "smtp_host"),
    "port": ("SUPERVISION_SMTP_PORT", "smtp_port"),
    "starttls": ("SUPERVISION_SMTP_STARTTLS", "smtp_starttls"),
    "ca_file": ("SUPERVISION_SMTP_CA_FILE", "smtp_ca_file"),
    "user": ("SUPERVISION_SMTP_USER", "smtp_user"),
    "password": ("SUPERVISION_SMTP_PASSWORD", "smtp_password"),
    "sender": ("SUPERVISION_MAIL_FROM", "sender"),
    "portal_url": ("SUPERVISION_PORTAL_URL", "portal_url"),
}
NEEDED = {"host": "the relay's host", "sender": "the sender address",
          "portal_url": "the portal's address for links"}


@dataclass(frozen=True)
class Relay:
    host: str
    port: int
    starttls: bool
    user: str
    password: str
    sender: str
    portal_url: str
    ca_file: str = ""  # a council's own CA (PEM), trusted beside the system's

    def __repr__(self) -> str:  # never print the password
        return f"Relay({self.host}:{self.port}, starttls={self.starttls}, user={self.user!r})"


def _secrets(path: Path) -> dict:
    try:
        with open(path, "rb") as f:
            return dict(tomllib.load(f).get("reminders", {}))
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def _raw(environ=None, secrets_path: Path | None = None) -> dict:
    environ = os.environ if environ is None else environ
    secrets = _secrets(secrets_path or SECRETS)
    values = {}
    for name, (variable, key) in SOURCES.items():
        value = environ.get(variable)
        values[name] = value if value not in (None, "") else secrets.get(key)
    return values


def missing(environ=None, secrets_path: Path | None = None) -> list[str]:
    """What configuration reminders still need, in words; empty when they are on."""
    values = _raw(environ, secrets_path)
    return [words for name, words in NEEDED.items() if not str(values[name] or "").strip()]


def _flag(value, default: bool) -> bool:
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() not in ("0", "false", "no", "off")


def configured(environ=None, secrets_path: Path | None = None) -> Relay | None:
    """The relay, or None when reminders are off."""
    if missing(environ, secrets_path):
        return None
    v = _raw(environ, secrets_path)
    starttls = _flag(v["starttls"], True)
    return Relay(host=str(v["host"]).strip(), port=int(v["port"] or (587 if starttls else 25)),
                 starttls=starttls, user=str(v["user"] or ""), password=str(v["password"] or ""),
                 sender=str(v["sender"]).strip(), portal_url=str(v["portal_url"]).rstrip("/"),
                 ca_file=str(v["ca_file"] or "").strip())


def tls_context(relay: Relay) -> ssl.SSLContext:
    """The system's trusted CAs, plus the council's own when one is set: the relay's
    certificate and name are always checked."""
    context = ssl.create_default_context()
    if relay.ca_file:
        context.load_verify_locations(cafile=relay.ca_file)
    return context


def send(relay: Relay, message: EmailMessage) -> None:
    """Hand one email to the relay; any refusal or network error is raised."""
    with smtplib.SMTP(relay.host, relay.port, timeout=TIMEOUT_S) as smtp:
        if relay.starttls:
            smtp.starttls(context=tls_context(relay))
        if relay.user:
            smtp.login(relay.user, relay.password)
        smtp.send_message(message)
