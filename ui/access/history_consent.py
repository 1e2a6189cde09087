"""The supervisee's choice, on the Records page, whether a new supervisor reads
the records of their earlier supervision (core/access/history_consent.py)."""

import streamlit as st

from core import clock
from core.access import history_consent
from core.vocabulary import KINDS

from ui.kit import forms
from ui.kit.text import inert


def _period(earlier: dict) -> str:
    return (f"{inert(earlier['supervisor_name'])}, {clock.day(earlier['start_date'])} to "
            f"{clock.day(earlier['end_date'])} ({earlier['records']} record"
            f"{'' if earlier['records'] == 1 else 's'})")


def render(db, actor) -> None:
    """'Your earlier records': for each new supervisor, what they may read, and a
    button to give or withdraw consent. Nothing shows for someone who never
    changed supervisor."""
    choices = history_consent.choices(db, actor)
    if not choices:
        return
    st.header("Your earlier records", anchor=False)
    st.markdown("When your supervisor changes, your new supervisor reads the records of "
                "your earlier supervision only if you agree. You can change your mind at "
                "any time. A former supervisor always keeps read-only access to the "
                "records they wrote.")
    for choice in choices:
        arrangement_id, name = choice["arrangement_id"], inert(choice["supervisor_name"])
        form = f"history_consent_{arrangement_id}"
        earlier = "; ".join(_period(e) for e in choice["earlier"])
        with st.container(border=True):
            st.markdown(f"**{name}**, your {KINDS[choice['kind']].lower()} supervisor "
                        f"from {clock.day(choice['start_date'])}"
                        + ("" if choice["current"] else " (ended)"))
            st.markdown(f"Earlier records: {earlier}.")
            forms.form_error(form)
            if choice["given_at"]:
                st.success(f"You agreed on {clock.local(choice['given_at'])}: {name} can "
                           "read these records.", icon=":material/visibility:")
                if st.button(f"Stop {name} reading my earlier records", key=f"{form}_withdraw",
                             icon=":material/visibility_off:"):
                    forms.submit(form, lambda: history_consent.withdraw(db, actor,
                                                                         arrangement_id),
                                 success=f"Withdrawn. {name} can no longer read your "
                                         "earlier records.")
            else:
                st.info(f"Not shared: {name} cannot read these records.",
                        icon=":material/visibility_off:")
                if choice["current"] and st.button(
                        f"Let {name} read my earlier records", key=f"{form}_give",
                        icon=":material/visibility:"):
                    forms.submit(form, lambda: history_consent.give(db, actor, arrangement_id),
                                 success=f"Agreed. {name} can now read your earlier records.")
