"""Your account: reminder choices, your own password where the portal keeps one
(required after an admin reset), your data and who has read your records."""

import streamlit as st

from core.people import sign_in as rules
from ui import reminders
from ui.kit import auth
from ui.kit import context
from ui.records import exports
from ui.kit import forms
from ui.records import item_reads
from ui.kit.guard import guard

actor = guard(password_page=True)
db = context.database()

st.title("Account", anchor=False)
if actor.must_change_password:
    st.warning("An admin has reset your password. Choose a new one to go on.")
forms.flash()


def password_section() -> None:
    st.subheader("Change your password", anchor=False)
    with st.form("change_password"):
        current = st.text_input("Current password", type="password", key="cp_current",
                                autocomplete="current-password")
        forms.field_error("change_password", "current")
        new = st.text_input("New password", type="password", key="cp_new",
                            help=f"{rules.PASSWORD_MIN_BYTES} to {rules.PASSWORD_MAX_BYTES} "
                                 "characters, with no space at the start or end.",
                            autocomplete="new-password")
        forms.field_error("change_password", "new")
        repeat = st.text_input("New password again", type="password", key="cp_repeat",
                               autocomplete="new-password")
        forms.field_error("change_password", "repeat")
        if st.form_submit_button("Change password", type="primary"):
            def change():
                signed_in_at = rules.change_password(
                    db, actor, current, new, repeat,
                    portal_keeps_password=portal_keeps_password)
                auth.renew_cookie(signed_in_at)

            forms.submit("change_password", change,
                         success="Your password is changed. Other browsers signed in as you "
                                 "have been signed out.",
                         clear=("cp_current", "cp_new", "cp_repeat"))


sso, password_allowed = auth.sign_in_options(db)
provider = sso.provider_name if sso else "the council's provider"
portal_keeps_password = password_allowed and not auth.signed_in_with_provider()
if auth.signed_in_with_provider():
    st.subheader("Password", anchor=False)
    st.info(f"Your password is managed by the council: you signed in with {provider}. "
            "Change it where you change your council password.", icon=":material/key:")
elif not password_allowed:
    st.subheader("Password", anchor=False)
    st.info(f"Password sign-in is turned off: you sign in with {provider}, and your "
            "password is managed by the council.", icon=":material/key:")
else:
    password_section()

reminders.choices_section(db, actor)
exports.subject_access_download(actor, actor.id, actor.username, actor.name)
item_reads.section(db, actor)
