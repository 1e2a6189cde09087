"""Admin → Settings: how people sign in (single sign-on, password sign-in on or off)."""

import streamlit as st

from core.people import single_sign_on as sso_rules
from core.access.roles import Actor
from ui.kit.text import inert

from ui.kit import auth
from ui.kit import forms

FORM = "sign_in_settings"


def section(db, actor: Actor) -> None:
    st.subheader("Sign-in", anchor=False)
    sso, password_allowed = auth.sign_in_options(db)
    if sso is None:
        st.write(
            "Single sign-on is not set up, so everyone signs in with their portal "
            "password. To sign people in through the council's identity provider, add "
            "`[auth]` to `.streamlit/secrets.toml` (see the README)."
        )
        return
    field = "email address" if sso.account_field == "email" else "username"
    st.write(
        f"Single sign-on through **{inert(sso.provider_name)}** is set up. A person is "
        f"matched to the portal account whose {field} is their `{sso.claim}` "
        "claim; nobody without an account gets in."
    )
    with st.form(FORM):
        allowed = st.checkbox(
            "Allow password sign-in too", value=password_allowed,
            help="Off: the sign-in page offers only single sign-on, and password "
                 "sign-ins already open end at their next page.",
        )
        forms.field_error(FORM, sso_rules.PASSWORD_SETTING)
        forms.form_error(FORM)
        if st.form_submit_button("Save sign-in settings"):
            forms.submit(
                FORM,
                lambda: sso_rules.set_password_sign_in(
                    db, actor, allowed, sso_on=True,
                    admin_used_sso=auth.signed_in_with_provider()),
                success="Sign-in settings saved.",
            )
