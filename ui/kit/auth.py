"""The sign-in adapter: the council's identity provider (st.login, in
ui/people/single_sign_on.py) when it is set up, and passwords through
streamlit-authenticator, the only file that imports it.

The library checks the password. The browser is kept signed in by the portal's
own HttpOnly cookie, which the server sets (core/people/sign_in_cookie.py,
ui/kit/sign_in_routes.py) in place of the library's cookie, which a script in the
page wrote. The portal's own rules (core/people/sign_in.py) are put in front of both
ways in: the lock-out count in the database, and refusing a cookie or a browser
session that began before the person last signed out, was reset or was deactivated.
"""

import contextvars
import dataclasses
import json

import streamlit as st
import streamlit_authenticator as stauth
from streamlit_authenticator.views import authentication_view

from core.people import sign_in as rules
from core.people import sign_in_cookie
from core import clock
from core.people import single_sign_on as sso_rules
from core.access.roles import Actor, load_actor
from ui.kit import context
from ui.kit import sign_in_routes

from ui.people import single_sign_on

COOKIE_NAME = sign_in_cookie.COOKIE_NAME
HANDOFF = "sign_in_handoff"     # the token this browser has still to swap for its cookie
SIGNED_IN_AT = "signed_in_at"   # when this browser session's sign-in began (epoch)
RENEW = "renew_cookie"          # set a fresh cookie on the next run
NOTICE = "sign_in_notice"       # (level, text) for the sign-in page
METHOD = "signed_in_with"       # PASSWORD or PROVIDER, for this browser session
PASSWORD, PROVIDER = "password", "single_sign_on"
PROVIDER_IDENTITY = "provider_identity"  # the claim value matched on this session

_current = contextvars.ContextVar("authenticator", default=None)
_slot = contextvars.ContextVar("cookie_slot", default=None)


def _post(path: str, body: str) -> None:
    """Have the browser post to the portal's own route (same origin, so the answer
    can set or clear the HttpOnly cookie). keepalive: a rerun or a page change
    straight after must not cancel it."""
    slot = _slot.get()
    if slot is None:
        slot = st.empty()
        _slot.set(slot)
    slot.html(  # 503: the database was busy; try again a few times
        "<script>(function send(tries) {"
        f"fetch({json.dumps(path)}, {{method: 'POST', body: {json.dumps(body)}, "
        "credentials: 'same-origin', keepalive: true}).then(function (answer) {"
        "if (answer.status === 503 && tries < 5) setTimeout(send, 1000, tries + 1);});"
        "})(0);</script>",
        unsafe_allow_javascript=True,
    )


class ServerCookie:
    """Stands in for the library's cookie controller (same methods): the cookie is
    read from the request that opened the page and written by the server."""

    def __init__(self, cookie_name, cookie_key, cookie_expiry_days, path=None):
        self.key = cookie_key

    def get_cookie(self) -> dict | None:
        held = sign_in_cookie.read(self.key, st.context.cookies.get(COOKIE_NAME))
        if held is None:
            return None
        username, signed_in_at = held
        return {"username": username, "exp_date": signed_in_at + rules.SESSION_SECONDS}

    def set_cookie(self) -> None:
        token = sign_in_cookie.hand_over(context.database(), st.session_state["username"],
                                         st.session_state[SIGNED_IN_AT])
        st.session_state[HANDOFF] = token
        _post(sign_in_routes.SIGN_IN_PATH, token)

    def delete_cookie(self) -> None:
        st.session_state.pop(HANDOFF, None)
        _post(sign_in_routes.SIGN_OUT_PATH, "")


# The library would render a component whose script writes the cookie (readable
# by page scripts); the portal's cookie is the server's.
authentication_view.CookieController = ServerCookie


def start(db) -> stauth.Authenticate:
    """Build the authenticator for this run."""
    # No credentials up front: each attempt is handed only its own person (below).
    authenticator = stauth.Authenticate(
        {"usernames": {}},
        COOKIE_NAME,
        sign_in_routes.signing_key(db),
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
            st.session_state[METHOD] = PASSWORD
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
            st.session_state[METHOD] = PASSWORD
            st.session_state.pop(NOTICE, None)
            return True
        st.session_state["authentication_status"] = False
        st.session_state[NOTICE] = ("error", rules.record_failure(db, username).message)
        return False

    controller.login = login


def sign_in_options(db) -> tuple[sso_rules.SingleSignOn | None, bool]:
    """Single sign-on (if set up), and whether password sign-in is offered."""
    sso = single_sign_on.setup()
    return sso, sso_rules.password_sign_in_allowed(db, sso is not None)


def signed_in_with_provider() -> bool:
    return st.session_state.get(METHOD) == PROVIDER


def signed_in_actor(db) -> Actor | None:
    """Who is signed in on this run: through the provider, from this session, or
    from the password cookie."""
    _slot.set(st.empty())  # where the browser is asked to set or clear the cookie
    sso, password_allowed = sign_in_options(db)
    signed_in_by_password = (st.session_state.get(METHOD) == PASSWORD
                             and st.session_state.get("authentication_status") is True)
    if sso is not None and not signed_in_by_password:
        actor = _provider_sign_in(db, sso)
        if actor is not None:
            return actor
    if not password_allowed:
        if st.session_state.get(METHOD) == PASSWORD:
            _end_session(("warning", f"Password sign-in is turned off. Sign in with "
                                     f"{sso.provider_name}."))
        return None
    authenticator = start(db)
    authenticator.login(location="unrendered")
    actor = current_actor()
    if actor is not None and st.session_state.pop(RENEW, False):
        authenticator.cookie_controller.set_cookie()
    elif actor is not None and st.session_state.get(HANDOFF):
        _hand_over_again(db)
    return actor


def _hand_over_again(db) -> None:
    """Keep asking the browser to swap its token until it has (a rerun straight
    after sign-in may come before the browser did)."""
    token = st.session_state[HANDOFF]
    if sign_in_cookie.waiting(db, token):
        _post(sign_in_routes.SIGN_IN_PATH, token)
    else:
        st.session_state.pop(HANDOFF, None)


def _provider_sign_in(db, sso: sso_rules.SingleSignOn) -> Actor | None:
    """The person the provider signed in, if the portal lets them in."""
    claims = single_sign_on.identity()
    if claims is None:
        if signed_in_with_provider():  # st.logout ran in this session
            _end_session(("info", "You have signed out."))
        return None
    value = sso_rules.identity_value(claims, sso)
    if signed_in_with_provider() and st.session_state.get(PROVIDER_IDENTITY) == value:
        return current_actor()  # matched earlier this session; the portal's rules still apply
    try:
        username = sso_rules.match(db, claims, sso)
    except sso_rules.SignInRefused as refusal:
        st.session_state[NOTICE] = ("error", str(refusal))
        return None
    signed_in_at = sso_rules.signed_in_at(claims)
    if not rules.sign_in_still_valid(db, username, signed_in_at):
        st.session_state[NOTICE] = (
            "warning", f"Your sign-in has ended. Sign in with {sso.provider_name} again.")
        return None
    actor = load_actor(db, username)
    sso_rules.record_sign_in(db, actor.id)
    st.session_state.update({
        "authentication_status": True, "username": username, "name": actor.name,
        SIGNED_IN_AT: signed_in_at, METHOD: PROVIDER, PROVIDER_IDENTITY: value,
    })
    st.session_state.pop(NOTICE, None)
    return current_actor()


def current_actor() -> Actor | None:
    if st.session_state.get("authentication_status") is not True:
        return None
    username = st.session_state.get("username")
    held = _current.get()
    if held is None:
        db = context.database()
    else:
        db = held[1]
    if not rules.sign_in_still_valid(db, username, st.session_state.get(SIGNED_IN_AT)):
        _end_session(("warning", "Your sign-in has ended. Please sign in again."))
        return None
    actor = load_actor(db, username)
    if actor is not None and signed_in_with_provider():
        # The provider checked who they are: a portal password to change is not in use.
        actor = dataclasses.replace(actor, must_change_password=False)
    return actor


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
    """End the sign-in on the server (a copied cookie of either kind stops
    working), then in this browser, and at the provider where it can."""
    rules.sign_out(db, actor)
    _end_session(("info", "You have signed out."))
    single_sign_on.sign_out_of_provider()


def _end_session(notice: tuple[str, str]) -> None:
    held = _current.get()
    if (held is not None and st.session_state.get("authentication_status")
            and not signed_in_with_provider()):  # a provider sign-in has no password cookie
        held[0].logout(location="unrendered")  # clears the session and deletes the cookie
    for key in ("authentication_status", "username", "name"):
        st.session_state[key] = None
    for key in (SIGNED_IN_AT, METHOD, PROVIDER_IDENTITY):
        st.session_state.pop(key, None)
    st.session_state[NOTICE] = notice


def renew_cookie(signed_in_at: float) -> None:
    """After a password change this browser's sign-in starts again. The new cookie
    is set on the next run: a rerun straight away would drop the cookie component."""
    st.session_state[SIGNED_IN_AT] = signed_in_at
    st.session_state[RENEW] = True


def take_notice() -> tuple[str, str] | None:
    """(st function name, text) left for the sign-in page, once."""
    return st.session_state.pop(NOTICE, None)
