"""Sign-in rules: passwords, lock-out, the cookie key and how long a sign-in lasts.

The sign-in widget itself (streamlit-authenticator) lives in ui/kit/auth.py, the
only file that imports it; this module holds the rules it is held to, in plain
Python, so they are tested without Streamlit.
"""

import os
import secrets
from dataclasses import dataclass

import bcrypt

from db import settings as settings_table
from db import users as user_table

from core import clock
from core.admin import audit
from core.errors import PermissionDenied, ValidationError
from core.access.roles import Actor, require_admin

PASSWORD_MIN_BYTES = 12
PASSWORD_MAX_BYTES = 72  # bcrypt's limit; bcrypt 5 raises beyond it
LOCK_AFTER_FAILURES = 5
LOCK_MINUTES = 15
# A sign-in lasts at most one working day, in the browser and on the server.
SESSION_HOURS = 10
SESSION_SECONDS = SESSION_HOURS * 3600
COOKIE_KEY_ENV = "SUPERVISION_COOKIE_KEY"
COOKIE_KEY_SETTING = "cookie_key"
BCRYPT_ROUNDS = 12


def password_problem(password: str | None) -> str | None:
    """Why this password cannot be used, or None if it can."""
    password = password or ""
    size = len(password.encode("utf-8"))
    if size < PASSWORD_MIN_BYTES:
        return f"A password needs at least {PASSWORD_MIN_BYTES} characters."
    if size > PASSWORD_MAX_BYTES:
        return (
            f"A password can be at most {PASSWORD_MAX_BYTES} bytes; this one is {size} "
            "(accented letters and emoji take more than one byte)."
        )
    if password != password.strip():
        return "A password cannot start or end with a space."
    return None


def hash_password(password: str) -> str:
    problem = password_problem(password)
    if problem:
        raise ValidationError.single("password", problem)
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(BCRYPT_ROUNDS)).decode()


def verify_password(password: str, hashed: str) -> bool:
    try:
        return bcrypt.checkpw((password or "").encode(), hashed.encode())
    except ValueError:
        return False


# ---- lock-out -------------------------------------------------------------


@dataclass(frozen=True)
class Attempt:
    """What happened to one sign-in attempt, for the message shown."""

    ok: bool
    locked_until: float | None = None

    @property
    def message(self) -> str:
        if self.ok:
            return ""
        if self.locked_until:
            return (
                f"This account is locked after {LOCK_AFTER_FAILURES} failed attempts. "
                f"Try again after {clock.local(self.locked_until)}."
            )
        return "The username or password is not right."


def locked_until(db, username: str, now: float | None = None) -> float | None:
    """When a lock on this username ends, if it is locked now."""
    now = clock.epoch() if now is None else now
    user = user_table.by_username(db, (username or "").strip().lower())
    if user and user["locked_until"] and user["locked_until"] > now:
        return user["locked_until"]
    return None


def record_failure(db, username: str, now: float | None = None) -> Attempt:
    now = clock.epoch() if now is None else now
    user = user_table.by_username(db, (username or "").strip().lower())
    if not user or not user["active"]:
        return Attempt(ok=False)
    with db.atomic():
        if user["locked_until"] and user["locked_until"] <= now:
            user_table.update(db, user["id"], failed_attempts=0, locked_until=None)
        failures = user_table.add_failed_attempt(db, user["id"])
        audit.record(db, user["id"], "sign_in_failed", "user", user["id"], failures=failures)
        if failures >= LOCK_AFTER_FAILURES:
            until = now + LOCK_MINUTES * 60
            user_table.update(db, user["id"], failed_attempts=0, locked_until=until)
            audit.record(db, user["id"], "account_locked", "user", user["id"])
            return Attempt(ok=False, locked_until=until)
    return Attempt(ok=False)


def record_success(db, username: str) -> None:
    user = user_table.by_username(db, username)
    with db.atomic():
        user_table.update(db, user["id"], failed_attempts=0, locked_until=None)
        audit.record(db, user["id"], "signed_in", "user", user["id"])


# ---- how long a sign-in lasts ----------------------------------------------


def token_issued_at(token: dict) -> float:
    """The cookie carries only its expiry; it was issued one session length before."""
    return float(token.get("exp_date", 0)) - SESSION_SECONDS


def sign_in_still_valid(db, username: str, signed_in_at: float | None, now: float | None = None) -> bool:
    """A sign-in ends at sign-out, deactivation, password reset or after a working day."""
    if signed_in_at is None:
        return False
    now = clock.epoch() if now is None else now
    user = user_table.by_username(db, (username or "").strip().lower())
    if not user or not user["active"]:
        return False
    if user["signed_out_at"] and signed_in_at < user["signed_out_at"]:
        return False
    return now < signed_in_at + SESSION_SECONDS


def sign_out(db, actor: Actor) -> float:
    """End every sign-in of this person issued before now, on the server."""
    now = clock.epoch()
    with db.atomic():
        user_table.update(db, actor.id, signed_out_at=now)
        audit.record(db, actor.id, "signed_out", "user", actor.id)
    return now


# ---- passwords -------------------------------------------------------------


MANAGED_BY_COUNCIL = ("Your password is managed by the council: change it where you "
                      "change your council password.")


def change_password(db, actor: Actor, current: str, new: str, repeat: str, *,
                    portal_keeps_password: bool = True) -> float:
    """Change one's own password. Other sign-ins end; returns the new sign-in time.

    Not for someone signed in through the council's provider, nor while password
    sign-in is off: the portal's password is then not the one they use."""
    if not portal_keeps_password:
        raise PermissionDenied(MANAGED_BY_COUNCIL)
    errors = {}
    hashed = user_table.password_hash(db, actor.id)
    if not verify_password(current, hashed):
        errors["current"] = "Your current password is not right."
    problem = password_problem(new)
    if problem:
        errors["new"] = problem
    elif new != repeat:
        errors["repeat"] = "The two new passwords are not the same."
    elif current == new:
        errors["new"] = "Choose a password different from your current one."
    if errors:
        raise ValidationError(errors)
    now = clock.epoch()
    with db.atomic():
        user_table.update(
            db, actor.id, password_hash=hash_password(new), must_change_password=0,
            signed_out_at=now,
        )
        audit.record(db, actor.id, "password_changed", "user", actor.id)
    return now


def reset_password(db, admin: Actor, user_id: int, temporary: str) -> None:
    """An admin sets a temporary password; the person must choose a new one."""
    require_admin(admin)
    problem = password_problem(temporary)
    if problem:
        raise ValidationError.single("temporary", problem)
    user = user_table.get(db, user_id)
    if not user:
        raise PermissionDenied("There is no such user.")
    with db.atomic():
        user_table.update(
            db, user_id, password_hash=hash_password(temporary), must_change_password=1,
            failed_attempts=0, locked_until=None, signed_out_at=clock.epoch(),
        )
        audit.record(db, admin.id, "password_reset", "user", user_id)


# ---- the cookie key --------------------------------------------------------


def cookie_key(db, override: str | None = None) -> str:
    """The cookie signing key: the environment, then st.secrets (passed in), then
    a random key made on first run and kept in the database. Never a default."""
    for candidate in (os.environ.get(COOKIE_KEY_ENV), override):
        if candidate:
            if len(candidate) < 32:
                raise ValueError("The cookie key must be at least 32 characters long.")
            return candidate
    kept = settings_table.get(db, COOKIE_KEY_SETTING)
    if kept:  # read first: every script run asks, and a read never waits for writers
        return kept
    settings_table.put_if_absent(db, COOKIE_KEY_SETTING, secrets.token_urlsafe(48))
    return settings_table.get(db, COOKIE_KEY_SETTING)


def credentials(db, username: str | None) -> dict:
    """The credentials dict for the sign-in widget: only the person whose sign-in is
    being tried, read afresh each time so a reset or deactivation counts at once."""
    username = (username or "").strip().lower()
    rows = user_table.credentials(db, username) if username else []
    return {
        "usernames": {
            u["username"]: {"name": u["name"], "email": u["email"], "password": u["password_hash"]}
            for u in rows
        }
    }
