"""Streamlit's own single sign-on (st.login, st.user, st.logout), read for the
sign-in adapter in ui/kit/auth.py. The rules it is held to are in core/people/single_sign_on.py.

Streamlit keeps the provider's identity in its own cookie, set by the server
(HttpOnly) when the provider sends the person back to /oauth2callback. That
cookie lasts 30 days and st.logout only deletes it in this browser, so the
portal never trusts it alone: every run matches it to an account and applies
the portal's sign-out and one-working-day rules (core/people/sign_in.py).
"""

import streamlit as st

from core.people import single_sign_on as rules


def setup() -> rules.SingleSignOn | None:
    """Single sign-on as set up in .streamlit/secrets.toml, or None."""
    try:
        secrets = st.secrets.to_dict()
    except Exception:  # no secrets file: the normal case without a provider
        return None
    return rules.configured(secrets)


def identity() -> dict | None:
    """The claims the provider gave this browser session, if it gave any."""
    try:
        claims = st.user.to_dict()
    except Exception:  # outside a script run
        return None
    return claims if claims.get("is_logged_in") else None


def sign_in_button(sso: rules.SingleSignOn) -> None:
    """The way in through the provider: st.login sends the browser there."""
    if st.button(f"Sign in with {sso.provider_name}", type="primary", key="sso_sign_in",
                 icon=":material/login:"):
        st.login(sso.provider)


def sign_out_of_provider() -> None:
    """Delete the provider's cookie in this browser, and end the provider's own
    session where its metadata offers an end_session_endpoint."""
    if identity() is not None:
        st.logout()
