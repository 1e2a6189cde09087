"""Sign in; on an empty database, set the portal up first."""

import streamlit as st

from core.admin import setup
from core.demo.people import ACCOUNTS, DEMO_PASSWORD
from core.validation import NAME_MAX, USERNAME_HELP
from ui.kit import auth
from ui.kit import context
from ui.kit import forms
from ui.people import single_sign_on

# Open to anyone, signed in or not: this is the way in.
db = context.database()

st.title("Supervision portal")

if setup.needs_setup(db):
    st.write("This portal has nobody in it yet. Choose how to start.")
    left, right = st.columns(2, gap="large")
    with left:
        st.subheader("Load the demo organisation")
        st.write(
            "Two teams with team leads, supervisors and supervisees, and months of "
            "supervision to explore. For trying the portal out, not for real work."
        )
        if st.button("Load the demo organisation", type="primary", key="load_demo"):
            st.session_state["show_demo_accounts"] = True
            with st.spinner("Loading the demo organisation…"):
                forms.submit("demo", lambda: setup.load_demo(db),
                             success="The demo organisation is loaded. Sign in with one "
                                     "of the accounts below.")
        forms.form_error("demo")
    with right:
        st.subheader("Create the first admin")
        with st.form("first_admin"):
            username = st.text_input("Username", key="fa_username", autocomplete="username",
                                     help=USERNAME_HELP)
            forms.field_error("first_admin", "username")
            name = st.text_input("Full name", key="fa_name", help=forms.limit(NAME_MAX))
            forms.field_error("first_admin", "name")
            password = st.text_input("Password", type="password", key="fa_password",
                                     help="12 to 72 characters.", autocomplete="new-password")
            forms.field_error("first_admin", "password")
            repeat = st.text_input("Password again", type="password", key="fa_repeat",
                                   autocomplete="new-password")
            forms.field_error("first_admin", "repeat")
            forms.form_error("first_admin")
            if st.form_submit_button("Create admin", type="primary"):
                forms.submit(
                    "first_admin",
                    lambda: setup.create_first_admin(db, username=username, name=name,
                                                     password=password, repeat=repeat),
                    success="The admin account is ready. Sign in with it.",
                    clear=("fa_password", "fa_repeat"),
                    fields=("username", "name", "password", "repeat"),
                )
    st.stop()

forms.flash()
sso, password_allowed = auth.sign_in_options(db)
signed_in = False
if sso is not None:
    single_sign_on.sign_in_button(sso)
if password_allowed:
    if sso is not None:
        st.write("Or sign in with your portal username and password.")
    signed_in = auth.login_form()
if signed_in:
    st.rerun()  # the navigation, drawn before the form, now has this person's pages
else:
    notice = auth.take_notice()
    if notice:
        level, text = notice
        getattr(st, level)(text)

if st.session_state.get("show_demo_accounts"):
    st.subheader("Demo accounts")
    st.write(f"Every demo account has the password `{DEMO_PASSWORD}`.")
    st.table([{"Role": role, "Username": username} for role, username in ACCOUNTS])
