"""Admin: the template every new supervision contract starts from."""

import streamlit as st

from core.contracts import template as contract_template
from core.access.roles import Role
from ui.contracts import contract_form
from ui.kit import forms
from ui.kit.page_start import start

actor, db = start(
    "Contract template", Role.ADMIN,
    intro="A supervisor's new contract starts from this text; the two people can change any "
          "field before they sign. Changing the template changes no contract already drafted.")

with st.form("contract_template"):
    values = contract_form.edit("contract_template", contract_template.template(db),
                                template=True)
    forms.form_error("contract_template")
    if st.form_submit_button("Save the template", type="primary"):
        forms.submit("contract_template",
                     lambda: contract_template.update_template(db, actor, values),
                     success="Template saved. New contracts start from it.",
                     clear=contract_form.keys("contract_template"), fields=tuple(values))
