"""Closing an action with its evidence or outcome, as done or dropped."""

import streamlit as st

from core.records import actions

from ui.kit import forms


def close_form(db, actor, action_id: int) -> None:
    form = f"close_action_{action_id}"
    with st.expander("Close this action", icon=":material/task_alt:"):
        with st.form(form):
            status = st.radio("Outcome", list(actions.CLOSED), format_func=actions.CLOSED.get,
                              horizontal=True, key=f"{form}_status")
            forms.field_error(form, "status")
            outcome = st.text_area("Evidence or outcome", key=f"{form}_outcome",
                                   help=forms.limit(actions.OUTCOME_MAX))
            forms.field_error(form, "outcome")
            forms.form_error(form)
            if st.form_submit_button("Close this action", key=f"{form}_submit"):
                forms.submit(form, lambda: actions.close_action(
                    db, actor, action_id, status, outcome), success="Action closed.",
                    clear=(f"{form}_outcome",), fields=("status", "outcome"))
