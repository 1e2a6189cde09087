"""The team lead's (and supervisor's) list of records not shared in time: ten years
of a team's records are judged once, and kept until a session, record or contract
behind them changes or the day turns; the list is shown a page at a time."""

from datetime import timedelta

import streamlit as st

from core import records
from ui.kit import context, paging
from ui.records import record_view


@st.cache_data(ttl=timedelta(hours=1), max_entries=200, show_spinner=False)
def _late_ids(key: str, _scope: records.LateScope) -> list[int]:
    return records.late_session_ids(context.database(), _scope)


def section(db, actor) -> None:
    scope = records.late_scope(db, actor)
    # The key is the Scope's repr: plain values, the data fingerprint among them.
    late = _late_ids(repr(scope), scope)
    if not late:
        return
    st.warning(f"{len(late)} record(s) in your teams were not shared in time.",
               icon=":material/schedule:")
    start = paging.offset("late_records_page", len(late))
    rows = records.late_records_by_id(db, scope, late[start:start + paging.PAGE_SIZE])
    st.dataframe(record_view.summary_rows(rows, names=True), hide_index=True, width="stretch")
    if len(late) > paging.PAGE_SIZE:
        paging.showing(start, len(rows), len(late), "late records")
