"""Contracts: draft from the template, edit, sign, version, and read every version."""

import streamlit as st

from core import clock, contracts
from core.contracts import tasks as contract_tasks
from core.errors import ValidationError
from core.access.roles import Role
from ui.kit import arrangement_picker
from ui.contracts import contract_form
from ui.kit import forms
from ui.kit.page_start import start

actor, db = start(
    "Contracts", Role.SUPERVISEE, Role.SUPERVISOR, Role.TEAM_LEAD, Role.ADMIN,
    intro="Every formal session works inside a supervision contract that both the supervisee "
          "and the supervisor have signed. A signed version never changes: a change is a new "
          "version, which both sign again.")

arr = arrangement_picker.choose(db, actor, key="contracts_arrangement",
                                prefer=contract_tasks.contract_attention(db, actor))
if arr is None:
    st.stop()
view = contracts.overview(db, actor, arr["id"])
names = view["names"]
current, draft = view["current"], view["draft"]


def seen(contract: dict) -> str:
    """The version of the text this person had on screen before this run (what they
    read), remembered so a signature or an edit never lands on text they did not see."""
    key = f"contract_seen_{contract['id']}"
    before = st.session_state.get(key, contract["updated_at"])
    st.session_state[key] = contract["updated_at"]
    return before


if not view["open"]:
    st.info("This arrangement has ended. Its contracts are kept read-only.")

st.header("In force", anchor=False)
if current:
    if view["review_due"]:
        st.warning(f"This contract is due for review by {clock.day(current['review_date'])}. "
                   "The supervisor starts a new version below; both sign it.",
                   icon=":material/event_repeat:")
    with st.container(border=True):
        contract_form.show(current, names)
else:
    st.write("No version has been signed by both yet, so no sessions can be planned.")

if draft:
    st.header(f"Version {draft['version']}: {contracts.status(draft)}", anchor=False)
    seen_draft = seen(draft)
    with st.container(border=True):
        contract_form.show(draft, names)
    if view["may_sign"]:
        form = f"sign_{draft['id']}"
        with st.form(form):
            agreed = st.checkbox(f"I have read version {draft['version']} and agree to it.",
                                 key=f"{form}_agreed")
            forms.form_error(form)
            if st.form_submit_button(f"Sign version {draft['version']}", type="primary"):
                def sign():
                    if not agreed:
                        raise ValidationError.single(
                            "_", "Tick the box to say you have read it, then sign.")
                    contracts.sign_contract(db, actor, draft["id"], seen_draft)
                forms.submit(form, sign, success=f"You signed version {draft['version']}.",
                             clear=(f"{form}_agreed",))
    if view["may_edit"]:
        form = f"edit_{draft['id']}"
        with st.expander("Edit this draft", icon=":material/edit:"):
            st.write("Saving an edit clears any signature already given: you both sign "
                       "the text as it finally stands.")
            with st.form(form):
                values = contract_form.edit(form, draft)
                forms.form_error(form)
                if st.form_submit_button("Save the draft", type="primary"):
                    forms.submit(form, lambda: contracts.update_draft(
                        db, actor, draft["id"], values, seen_draft),
                        success="Draft saved.", clear=contract_form.keys(form),
                        fields=tuple(values))
        discard = f"discard_{draft['id']}"
        forms.form_error(discard)
        if st.button("Discard this draft", key=discard, icon=":material/delete:"):
            forms.submit(discard, lambda: contracts.discard_draft(db, actor, draft["id"]),
                         success="Draft discarded.", fields=("none",))

if view["may_draft"]:
    st.header("Draft the contract", anchor=False)
    st.write("The draft starts from the portal's template (or from the supervisee's contract "
             "with their previous supervisor). Every field can then be edited.")
    forms.form_error("draft_contract")
    if st.button("Draft the contract", type="primary", key="draft_contract"):
        forms.submit("draft_contract", lambda: contracts.draft_contract(db, actor, arr["id"]),
                     success="Draft created. Check every field, then sign it.",
                     fields=("none",))

if view["may_new_version"]:
    st.header("Change the contract", anchor=False)
    forms.seed("new_version", arr["id"], {"nv_reason": ""})
    with st.form("new_version"):
        st.write("A change makes a new version from the one in force. The version in force "
                 "stays in force until you have both signed the new one.")
        reason = st.text_input("Why it changes", key="nv_reason", help=forms.limit(500),
                               placeholder="For example: yearly review")
        forms.field_error("new_version", "review_reason")
        forms.form_error("new_version")
        if st.form_submit_button("Start a new version"):
            forms.submit("new_version",
                         lambda: contracts.new_version(db, actor, arr["id"], reason),
                         success="New version started. Edit it, then sign it.",
                         clear=("nv_reason",), fields=("review_reason",))

earlier = [v for v in view["versions"] if v is not current and v is not draft]
if earlier:
    st.header("Earlier versions", anchor=False)
    for version in earlier:
        with st.expander(f"Version {version['version']}, from {clock.day(version['start_date'])}"):
            contract_form.show(version, names)
