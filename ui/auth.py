"""Sign-in through streamlit-authenticator: the only file that imports it, so
single sign-on (st.login, OIDC) can replace it later.

The library checks the password and keeps the browser signed in with a signed
cookie. The portal's own rules (core/auth.py) are put in front of it: the
lock-out count in the database, and refusing a cookie or a browser session
that began before the person last signed out, was reset or was deactivated.
"""

import contextvars

import streamlit as st
import streamlit_authenticator as stauth

from core import auth as rules
from core import clock
from core.roles import Actor, load_actor

COOKIE_NAME = "supervision_portal"
SIGNED_IN_AT = "signed_in_at"   # when this browser session's sign-in began (epoch)
RENEW = "renew_cookie"          # set a fresh cookie on the next run
NOTICE = "sign_in_notice"       # (level, text) for the sign-in page

_current = contextvars.ContextVar("authenticator", default=None)


def _secret_cookie_key() -> str | None:
    try:
        return st.secrets.get("cookie_key")
    except Exception:  # no secrets file: that is the normal case
        return None


def start(db) -> stauth.Authenticate:
    """Build the authenticator for this run (once: it renders a cookie component)."""
    # No credentials up front: each attempt is handed only its own person (below).
    authenticator = stauth.Authenticate(
        {"usernames": {}},
        COOKIE_NAME,
        rules.cookie_key(db, _secret_cookie_key()),
        cookie_expiry_days=rules.SESSION_HOURS / 24,
        auto_hash=False,
        login_sleep_time=0,
    )
    _hold_to_portal_rules(authenticator, db)
    _current.set((authenticator, db))
    return authenticator


def _authenticator():
    held = _current.get()
    if held is None:
        from . import context

        start(context.database())
        held = _current.get()
    return held[0]


def _hold_to_portal_rules(authenticator: stauth.Authenticate, db) -> None:
    """Put the portal's rules in front of the library's credential check."""
    controller = authenticator.authentication_controller
    library_login = controller.login
    model = controller.authentication_model

    def hand_over(username) -> None:
        # Read afresh on every attempt, never kept: an old password must stop
        # working the moment it is reset.
        model.credentials = rules.credentials(db, username)

    def login(username=None, password=None, *args, token=None, **kwargs):
        if token:
            issued = rules.token_issued_at(token)
            if not rules.sign_in_still_valid(db, token.get("username"), issued):
                return None
            hand_over(token.get("username"))
            if token.get("username") not in model.credentials["usernames"]:
                return None  # deactivated a moment ago
            library_login(token=token)
            st.session_state[SIGNED_IN_AT] = issued
            return None
        if not username or not password:
            st.session_state[NOTICE] = ("error", "Enter your username and password.")
            return False
        username = username.strip().lower()
        until = rules.locked_until(db, username)
        if until:
            st.session_state["authentication_status"] = False
            st.session_state[NOTICE] = ("error", rules.Attempt(False, until).message)
            return False
        hand_over(username)
        if library_login(username, password, *args, **kwargs):
            rules.record_success(db, username)
            st.session_state[SIGNED_IN_AT] = clock.epoch()
            st.session_state.pop(NOTICE, None)
            return True
        st.session_state["authentication_status"] = False
        st.session_state[NOTICE] = ("error", rules.record_failure(db, username).message)
        return False

    controller.login = login


def signed_in_actor(db) -> Actor | None:
    """Who is signed in on this run: from this session, or from the cookie."""
    authenticator = start(db)
    authenticator.login(location="unrendered")
    actor = current_actor()
    if actor is not None and st.session_state.pop(RENEW, False):
        authenticator.cookie_controller.set_cookie()
    return actor


def current_actor() -> Actor | None:
    if st.session_state.get("authentication_status") is not True:
        return None
    username = st.session_state.get("username")
    held = _current.get()
    if held is None:
        from . import context

        db = context.database()
    else:
        db = held[1]
    if not rules.sign_in_still_valid(db, username, st.session_state.get(SIGNED_IN_AT)):
        _end_session(("warning", "Your sign-in has ended. Please sign in again."))
        return None
    return load_actor(db, username)


def login_form() -> bool:
    """The sign-in form. True once the person has signed in on this run."""
    authenticator = _authenticator()
    authenticator.login(
        location="main",
        fields={"Form name": "Sign in", "Username": "Username", "Password": "Password",
                "Login": "Sign in"},
        key="sign_in_form",
    )
    return st.session_state.get("authentication_status") is True


def sign_out(db, actor: Actor) -> None:
    rules.sign_out(db, actor)
    _end_session(("info", "You have signed out."))


def _end_session(notice: tuple[str, str]) -> None:
    held = _current.get()
    if held is not None and st.session_state.get("authentication_status"):
        held[0].logout(location="unrendered")  # clears the session and deletes the cookie
    for key in ("authentication_status", "username", "name"):
        st.session_state[key] = None
    st.session_state.pop(SIGNED_IN_AT, None)
    st.session_state[NOTICE] = notice


def renew_cookie(signed_in_at: float) -> None:
    """After a password change this browser's sign-in starts again. The new cookie
    is set on the next run: a rerun straight away would drop the cookie component."""
    st.session_state[SIGNED_IN_AT] = signed_in_at
    st.session_state[RENEW] = True


def take_notice() -> tuple[str, str] | None:
    """(st function name, text) left for the sign-in page, once."""
    return st.session_state.pop(NOTICE, None)
