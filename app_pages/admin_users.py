"""Admin: create users, edit them, reset passwords, deactivate (never delete)."""

import streamlit as st

from core.people import sign_in as rules
from core import clock
from core.people import teams
from core.people import users
from core.access.roles import Role
from core.validation import EMAIL_MAX, NAME_MAX, USERNAME_HELP
from ui.records import exports
from ui.kit import forms
from ui.kit import paging
from ui.kit.page_start import start
from ui.kit.text import inert

actor, db = start("Users", Role.ADMIN)

team_rows = teams.names(db)
team_names = {t["id"]: t["name"] for t in team_rows}
team_options = [None] + list(team_names)


def team_label(team_id):
    return "No team" if team_id is None else team_names[team_id]


with st.expander("Create a user", expanded=False, icon=":material/person_add:"):
    with st.form("create_user"):
        left, right = st.columns(2)
        with left:
            username = st.text_input("Username", key="cu_username",
                                     help=USERNAME_HELP)
            forms.field_error("create_user", "username")
            name = st.text_input("Full name", key="cu_name", help=forms.limit(NAME_MAX))
            forms.field_error("create_user", "name")
            email = st.text_input("Email (optional)", key="cu_email", help=forms.limit(EMAIL_MAX))
            forms.field_error("create_user", "email")
            job_title = st.text_input("Job title (optional)", key="cu_job_title",
                                      help=forms.limit(users.JOB_TITLE_MAX))
            forms.field_error("create_user", "job_title")
        with right:
            team_id = st.selectbox("Team", team_options, format_func=team_label, key="cu_team")
            forms.field_error("create_user", "team")
            fte = st.number_input("Working hours (share of full time)", 0.1, 1.0, 1.0, 0.1,
                                  key="cu_fte")
            forms.field_error("create_user", "fte")
            password = st.text_input(
                "Temporary password", type="password", key="cu_password",
                help=f"{rules.PASSWORD_MIN_BYTES} to {rules.PASSWORD_MAX_BYTES} characters. "
                     "The person chooses their own at first sign-in.")
            forms.field_error("create_user", "password")
            is_admin = st.checkbox("Admin (runs the portal; sees no record content)",
                                   key="cu_admin")
        if st.form_submit_button("Create user", type="primary"):
            forms.submit(
                "create_user",
                lambda: users.create_user(
                    db, actor, username=username, name=name, email=email,
                    job_title=job_title, team_id=team_id, fte=fte, password=password,
                    is_admin=is_admin),
                success=f"Created the account '{inert(username.strip().lower())}'.",
                clear=("cu_username", "cu_name", "cu_email", "cu_job_title", "cu_password",
                       "cu_admin", "cu_fte", "cu_team"),
            )

search = st.text_input("Find a person", key="user_search", placeholder="Name or username")
start = paging.offset(f"user_page:{search.strip().lower()}",
                      users.count_found(db, actor, search))
shown, found = users.find(db, actor, search, limit=paging.PAGE_SIZE, offset=start)
st.dataframe(
    [
        {
            "Name": u["name"], "Username": u["username"], "Team": u["team_name"] or "",
            "Job title": u["job_title"], "Admin": "Yes" if u["is_admin"] else "No",
            "Status": ("Active" if u["active"] else "Deactivated")
            + (" (locked)" if u["locked_until"] and u["locked_until"] > clock.epoch() else "")
            + (" (must change password)" if u["must_change_password"] else ""),
        }
        for u in shown
    ],
    hide_index=True, width="stretch",
)
paging.showing(start, len(shown), found, "people")

st.subheader("Manage a person", anchor=False)
by_id = {u["id"]: u for u in shown}
forms.hold("manage_user")
chosen = st.selectbox("Person", list(by_id), index=None, key="manage_user",
                      format_func=lambda i: f"{by_id[i]['name']} ({by_id[i]['username']})",
                      placeholder="Choose a person")
if chosen is None:
    st.stop()
person = by_id[chosen]

form = f"edit_user_{chosen}"
stored = {"name": person["name"], "email": person["email"] or "",
          "job_title": person["job_title"] or "", "team": person["team_id"],
          "fte": float(person["fte"]), "is_admin": bool(person["is_admin"])}
forms.seed("edit_user", chosen, {f"eu_{field}": value for field, value in stored.items()})
with st.form(form):
    name = st.text_input("Full name", key="eu_name", help=forms.limit(NAME_MAX))
    forms.field_error(form, "name")
    email = st.text_input("Email", key="eu_email", help=forms.limit(EMAIL_MAX))
    forms.field_error(form, "email")
    job_title = st.text_input("Job title", key="eu_job_title",
                              help=forms.limit(users.JOB_TITLE_MAX))
    forms.field_error(form, "job_title")
    team_id = st.selectbox("Team", team_options, format_func=team_label, key="eu_team")
    fte = st.number_input("Working hours (share of full time)", 0.1, 1.0, step=0.1,
                          key="eu_fte")
    forms.field_error(form, "fte")
    is_admin = st.checkbox("Admin", key="eu_is_admin")
    forms.field_error(form, "is_admin")
    if st.form_submit_button("Save changes"):
        forms.submit(form, lambda: users.update_user(
            db, actor, chosen, name=name, email=email, job_title=job_title,
            team_id=team_id, is_admin=is_admin, fte=fte),
            success=f"Saved the changes to {inert(name.strip())}.",
            clear=tuple(f"eu_{field}" for field in stored))

with st.form(f"reset_{chosen}"):
    form = f"reset_{chosen}"
    st.markdown("**Reset password.** The person must choose a new one at their next sign-in, "
                "and every browser signed in as them is signed out.")
    temporary = st.text_input("New temporary password", type="password",
                              key=f"reset_pw_{chosen}",
                              help=f"{rules.PASSWORD_MIN_BYTES} to {rules.PASSWORD_MAX_BYTES} "
                                   "characters.")
    forms.field_error(form, "temporary")
    if st.form_submit_button("Reset password"):
        forms.submit(form, lambda: rules.reset_password(db, actor, chosen, temporary),
                     success=f"Password reset for {inert(person['name'])}.",
                     clear=(f"reset_pw_{chosen}",))

form = f"active_{chosen}"
forms.form_error(form)
if person["active"]:
    if st.button("Deactivate this account", key=f"deactivate_{chosen}",
                 help="They can no longer sign in. Their records are kept."):
        forms.submit(form, lambda: users.deactivate_user(db, actor, chosen),
                     success=f"{inert(person['name'])} is deactivated. Their records are kept.",
                     fields=("none",))
else:
    if st.button("Reactivate this account", key=f"reactivate_{chosen}"):
        forms.submit(form, lambda: users.reactivate_user(db, actor, chosen),
                     success=f"{inert(person['name'])} can sign in again.", fields=("none",))

exports.subject_access_download(actor, chosen, person["username"], person["name"])
