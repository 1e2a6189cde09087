"""Checks for typed input. Each returns the cleaned value or records a message.

Free text is kept exactly as typed (it is shown inert, never as HTML); only
names and identifiers are trimmed.

The one rule on characters: control characters (NUL and the other C0 codes, and
DEL) are refused with a message that names the field and says so, never
silently stripped. They cannot be typed on a keyboard, SQLite and the XML inside
a DOCX choke on NUL, and a PDF shows nothing for them. Tab and line breaks are
fine in free text; names are a single line. Everything else people type (HTML,
markdown, right-to-left marks and overrides, emoji, quotes and SQL) is stored
exactly as typed.
"""

import re
from datetime import date, timedelta

from core import clock
from core.errors import NotFound, ValidationError

NAME_MAX = 120
TITLE_MAX = 200
TEXT_MAX = 20_000
EARLIEST = date(2000, 1, 1)
LATEST_YEARS_AHEAD = 5
EMAIL_MAX = 254
ID_MAX = 2**63 - 1  # the largest integer SQLite stores

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
USERNAME_HELP = ("2 to 40 characters: lower-case letters, digits, dots, dashes or "
                 "underscores, starting with a letter or digit.")
# A case is named by the case system's ID, never by a child's name.
CASE_REF_MAX = 30  # the pattern below allows 1 + 29
CASE_REF = re.compile(r"^(?=.*\d)[A-Za-z0-9][A-Za-z0-9/_.-]{0,29}$")
EMAIL_RE = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _control_message(label: str, value: str, *, lines: bool = False) -> str:
    code = ord(_CONTROL.search(value).group())
    return (f"{label.capitalize()} contains a control character (U+{code:04X}), which cannot "
            "be stored: remove it." + (" Tabs and line breaks are fine." if lines else ""))


def record_id(value) -> int | None:
    """An id that came from outside (an address, a form): a whole number from 1 to
    what SQLite can hold, else None. Never raises, whatever the text."""
    text = str(value if value is not None else "")
    if not text.isascii() or not text.isdigit() or len(text) > 19:
        return None
    number = int(text)
    return number if 1 <= number <= ID_MAX else None


def must_exist(row: dict | None, what: str) -> dict:
    """The row a lookup found, or NotFound in the same words everywhere."""
    if not row:
        raise NotFound(f"There is no such {what}.")
    return row


class Checker:
    """Collects field messages so every bad field is reported at once."""

    def __init__(self):
        self.errors: dict[str, str] = {}

    def fail(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def done(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)

    def name(self, field: str, value: str | None, label: str, *, max_len: int = NAME_MAX) -> str:
        value = (value or "").strip()
        if not value:
            self.fail(field, f"Enter {label}.")
        elif len(value) > max_len:
            self.fail(field, f"{label.capitalize()} must be {max_len} characters or fewer.")
        elif "\n" in value or "\r" in value:
            self.fail(field, f"{label.capitalize()} must be a single line of plain text.")
        elif _CONTROL.search(value):
            self.fail(field, _control_message(label, value))
        return value

    def text(
        self, field: str, value: str | None, label: str, *, required: bool = False,
        max_len: int = TEXT_MAX,
    ) -> str:
        value = value or ""
        if required and not value.strip():
            self.fail(field, f"Enter {label}.")
        elif len(value) > max_len:
            self.fail(
                field,
                f"{label.capitalize()} is {len(value):,} characters; the limit is {max_len:,}.",
            )
        elif _CONTROL.search(value):
            self.fail(field, _control_message(label, value, lines=True))
        return value

    def username(self, field: str, value: str | None) -> str:
        value = (value or "").strip().lower()
        if not value:
            self.fail(field, "Enter a username.")
        elif not USERNAME_RE.match(value):
            self.fail(
                field,
                "A username is 2 to 40 characters: lower-case letters, digits, dots, "
                "dashes or underscores, starting with a letter or digit.",
            )
        return value

    def email(self, field: str, value: str | None, *, required: bool = False) -> str:
        value = (value or "").strip()
        if not value:
            if required:
                self.fail(field, "Enter an email address.")
        elif len(value) > EMAIL_MAX or not EMAIL_RE.match(value):
            self.fail(field, "Enter an email address like name@council.gov.uk.")
        return value

    def day(
        self, field: str, value, label: str, *, required: bool = True,
        earliest: date | None = None, latest: date | None = None,
    ) -> date | None:
        if value in (None, ""):
            if required:
                self.fail(field, f"Enter {label}.")
            return None
        try:
            d = value if isinstance(value, date) else date.fromisoformat(str(value))
        except ValueError:
            self.fail(field, f"{label.capitalize()} must be a real date, like 2026-03-31.")
            return None
        earliest = earliest or EARLIEST
        latest = latest or clock.today() + timedelta(days=365 * LATEST_YEARS_AHEAD)
        if d < earliest:
            self.fail(field, f"{label.capitalize()} cannot be before {clock.day(earliest)}.")
        elif d > latest:
            self.fail(field, f"{label.capitalize()} cannot be after {clock.day(latest)}.")
        return d

    def choice(self, field: str, value, allowed, label: str):
        if value not in allowed:
            self.fail(field, f"Choose {label}.")
        return value

    def case_ref(self, field: str, value) -> str:
        value = (value or "").strip()
        if value and not CASE_REF.match(value):
            self.fail(field, "A case reference is the case system's ID, like CR-104233: up to "
                             "30 letters, digits, dashes or slashes, with at least one digit. "
                             "Never a child's name.")
        return value
