"""Admin: the checklist a file audit follows. Preloaded with what councils' audit
tools ask; the admin rewords items and adds their own. Audits keep the wording
they were audited against."""

import streamlit as st

from core.quality import file_audits
from core.access.roles import Role
from ui.kit import forms
from ui.kit.page_start import start

actor, db = start(
    "Audit checklist", Role.ADMIN,
    intro="A team lead audits a supervision file against these items. The portal pre-fills "
          "the items marked 'checked from the portal's data' with evidence and a suggested "
          "grade; the auditor judges the others. Admins never see an audit.")
FORM = "audit_checklist"

items = file_audits.checklist(db)
keys = {f"checklist_{i['id']}": i["text"] for i in items}
forms.seed(FORM, tuple((i["id"], i["text"]) for i in items), {**keys, "checklist_new": ""})
with st.form(FORM):
    typed = {}
    for n, item in enumerate(items, start=1):
        how = "checked from the portal's data" if item["key"] else "judged by the auditor"
        typed[item["id"]] = st.text_input(f"Item {n} ({how})", key=f"checklist_{item['id']}",
                                          help=forms.limit(file_audits.ITEM_MAX))
        forms.field_error(FORM, f"item_{item['id']}")
    new_item = st.text_input("Add an item (optional)", key="checklist_new",
                             help=forms.limit(file_audits.ITEM_MAX))
    forms.field_error(FORM, "new_item")
    forms.form_error(FORM)
    if st.form_submit_button("Save the checklist", type="primary"):
        forms.submit(FORM, lambda: file_audits.update_checklist(db, actor, typed, new_item),
                     success="Saved. New audits follow this checklist.",
                     fields=("new_item", *(f"item_{i}" for i in typed)))

own = [i for i in items if not i["key"]]
if own:
    st.header("Retire an item you added", anchor=False)
    forms.form_error("retire_item")
    by_id = {i["id"]: i["text"] for i in own}
    chosen = st.selectbox("Item", list(by_id), format_func=by_id.get, key="checklist_retire")
    if st.button("Retire this item", icon=":material/archive:"):
        forms.submit("retire_item", lambda: file_audits.retire_item(db, actor, chosen),
                     success="Retired. Audits already started keep it.")
