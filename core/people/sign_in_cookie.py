"""The password sign-in's cookie, set by the server so page scripts cannot read it.

A script run cannot set an HTTP header: it talks to the browser over the
WebSocket after the page's HTTP response has gone. So a password sign-in hands
the browser a one-time token (valid a minute, kept only as a hash), and the
browser swaps it at a route of the portal's own server for an HttpOnly cookie.
The cookie carries the username and when the sign-in began, signed with the
cookie key; the server-side record (core/people/sign_in.py) stays the
authority, so a copied cookie stops working at sign-out, reset or deactivation.
"""

import base64
import binascii
import hashlib
import hmac
import json
import secrets

from db import sign_in_handoffs as handoff_table
from db import users as user_table

from core import clock
from core.people import sign_in as rules

COOKIE_NAME = "supervision_portal"
HANDOFF_SECONDS = 60


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def hand_over(db, username: str, signed_in_at: float) -> str:
    """A one-time token the browser swaps for the sign-in cookie."""
    user = user_table.by_username(db, username)
    token = secrets.token_urlsafe(32)
    now = clock.epoch()
    with db.atomic():
        handoff_table.remove_expired(db, now)
        handoff_table.add(db, _hash(token), user["id"], signed_in_at, now + HANDOFF_SECONDS)
    return token


def waiting(db, token: str) -> bool:
    """Whether this token has still to be swapped (and can be)."""
    return handoff_table.waiting(db, _hash(token), clock.epoch())


def redeem(db, token: str) -> tuple[str, float] | None:
    """(username, signed_in_at) for a token used once, within its minute, for a
    sign-in that still holds; None otherwise."""
    if not token or len(token) > 100:
        return None
    now = clock.epoch()
    with db.atomic():
        taken = handoff_table.take(db, _hash(token), now)
    if taken is None:
        return None
    user = user_table.get(db, taken["user_id"])
    if not user or not rules.sign_in_still_valid(db, user["username"], taken["signed_in_at"]):
        return None
    return user["username"], taken["signed_in_at"]


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(key: str, payload: str) -> str:
    return _b64(hmac.new(key.encode(), payload.encode(), hashlib.sha256).digest())


def cookie_value(key: str, username: str, signed_in_at: float) -> str:
    payload = _b64(json.dumps({"u": username, "t": signed_in_at}).encode())
    return f"{payload}.{_signature(key, payload)}"


def read(key: str, value: str | None) -> tuple[str, float] | None:
    """(username, signed_in_at) from a cookie this portal signed; None for anything
    else. Whether the sign-in still holds is for sign_in.sign_in_still_valid."""
    if not isinstance(value, str):
        return None
    payload, _, signature = value.partition(".")
    if not payload or not hmac.compare_digest(signature, _signature(key, payload)):
        return None
    try:
        held = json.loads(_unb64(payload))
        return str(held["u"]), float(held["t"])
    except (ValueError, KeyError, TypeError, binascii.Error):
        return None


def seconds_left(signed_in_at: float) -> int:
    """How long the cookie should last: what is left of the working day's sign-in."""
    return max(0, int(signed_in_at + rules.SESSION_SECONDS - clock.epoch()))
