"""The audit page's parts: filters, one page of the trail, the CSV download.
Metadata only: who, what, which record, when; never what a record says."""

from datetime import timedelta

import streamlit as st

from core import clock
from core.admin import audit
from ui.kit import context
from ui.kit import paging

ANYONE = 0
ANY_RECORD = ""


def filters(db, actor) -> audit.Filters:
    """The filter widgets; returns what they select."""
    kinds = audit.kinds(db, actor)
    entities = {ANY_RECORD: "Any record"} | audit.ENTITY_NAMES
    first, second = st.columns(2)
    with first:
        search = st.text_input("Find a person", key="audit_find_person",
                               placeholder="Part of a name or username")
        people = {ANYONE: "Anyone"} | paging.people_found(db, actor, search, active_only=False)
        person = st.selectbox("Person", list(people), format_func=people.get, key="audit_person")
        chosen_kinds = st.multiselect("Kind of event", list(kinds), format_func=kinds.get,
                                      key="audit_kinds", placeholder="Any kind")
    with second:
        entity = st.selectbox("Kind of record", list(entities), format_func=entities.get,
                              key="audit_entity")
        entity_id = st.number_input("Record number", min_value=0, value=None, step=1,
                                    key="audit_entity_id", placeholder="Any number",
                                    help="The number after the kind of record in the list.")
    today = clock.today()
    dates = st.date_input("Between", value=(), max_value=today + timedelta(days=1),
                          key="audit_dates", format="DD/MM/YYYY",
                          help="Leave empty for the whole trail; both days are included.")
    since = dates[0] if len(dates) >= 1 else None
    until = dates[1] if len(dates) == 2 else since
    return audit.Filters(actor_id=person or None, entity=entity or None,
                         entity_id=None if entity_id is None else int(entity_id),
                         actions=tuple(chosen_kinds), since=since, until=until)


def trail(db, actor, chosen: audit.Filters) -> None:
    """One page of the filtered trail, with the pages to move through it."""
    total = audit.trail(db, actor, chosen, per_page=audit.PAGE_SIZE)["pages"]
    if st.session_state.get("audit_page", 1) > total:  # fewer pages after a new filter
        st.session_state["audit_page"] = total
    page = st.number_input("Page", min_value=1, max_value=total, step=1,
                           key="audit_page") if total > 1 else 1
    shown = audit.trail(db, actor, chosen, page=page)
    st.write(f"{shown['total']:,} event(s); page {shown['page']} of {shown['pages']}, "
               f"newest first.")
    if not shown["events"]:
        st.write("No events match these filters.")
        return
    st.dataframe(
        [{"When": e["when"], "Who": e["who"], "Did": e["did"], "To": e["to"]}
         for e in shown["events"]],
        hide_index=True, width="stretch",
    )


def download(actor, chosen: audit.Filters) -> None:
    """The filtered trail as CSV, made (and audited) when the button is pressed."""
    def make() -> bytes:
        return audit.export_csv(context.database(), actor, chosen)

    st.download_button("Download these events (.csv)", make,
                       file_name=f"audit-trail-{clock.today().isoformat()}.csv",
                       mime="text/csv", key="audit_csv", icon=":material/download:",
                       on_click="ignore")
    st.write("The whole filtered trail, not only this page. The download is itself "
               "recorded in the audit log.")
