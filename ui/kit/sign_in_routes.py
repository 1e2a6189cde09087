"""The server's own routes for the password sign-in cookie (mounted by portal.py).

A script run cannot set a response header, so the page hands the browser a
one-time token and the browser posts it here; the answer sets the cookie
HttpOnly (no page script can read it), SameSite=Strict, and Secure over https.
Signing out posts to the second route, which deletes it.
"""

import streamlit as st
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

import db as storage
from core.errors import Busy
from core.people import sign_in as rules
from core.people import sign_in_cookie

SIGN_IN_PATH = "/api/sign-in"
SIGN_OUT_PATH = "/api/sign-out"


def signing_key(db) -> str:
    """The cookie key: the environment, st.secrets, or the one kept in the database."""
    try:
        secret = st.secrets.get("cookie_key")
    except Exception:  # no secrets file: that is the normal case
        secret = None
    return rules.cookie_key(db, secret)


def _same_origin(request: Request) -> bool:
    # Browsers say where a request comes from; another site may not set or clear it.
    return request.headers.get("sec-fetch-site", "same-origin") == "same-origin"


def _secure(request: Request) -> bool:
    return request.url.scheme == "https" or request.headers.get("x-forwarded-proto") == "https"


def _swap(token: str) -> tuple[str, int] | None:
    """The cookie's value and lifetime for a good token (a thread of its own: sqlite)."""
    db = storage.connect()
    try:
        held = sign_in_cookie.redeem(db, token)
        if held is None:
            return None
        username, signed_in_at = held
        value = sign_in_cookie.cookie_value(signing_key(db), username, signed_in_at)
        return value, sign_in_cookie.seconds_left(signed_in_at)
    finally:
        db.conn.close()


async def _sign_in(request: Request) -> Response:
    if not _same_origin(request):
        return Response(status_code=403)
    token = (await request.body())[:200].decode(errors="replace").strip()
    try:
        swapped = await run_in_threadpool(_swap, token)
    except Busy:  # the token stays unused; the page's script asks again
        return Response(status_code=503, headers={"Retry-After": "1"})
    if swapped is None:
        return Response(status_code=403)
    value, seconds = swapped
    response = Response(status_code=204, headers={"Cache-Control": "no-store"})
    response.set_cookie(sign_in_cookie.COOKIE_NAME, value, max_age=seconds, path="/",
                        httponly=True, samesite="strict", secure=_secure(request))
    return response


async def _sign_out(request: Request) -> Response:
    if not _same_origin(request):
        return Response(status_code=403)
    response = Response(status_code=204, headers={"Cache-Control": "no-store"})
    response.delete_cookie(sign_in_cookie.COOKIE_NAME, path="/", httponly=True,
                           samesite="strict", secure=_secure(request))
    return response


ROUTES = [
    Route(SIGN_IN_PATH, _sign_in, methods=["POST"]),
    Route(SIGN_OUT_PATH, _sign_out, methods=["POST"]),
]
