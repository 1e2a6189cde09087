"""Choosing one arrangement on the contract and session pages. The choice is
remembered across those pages for the browser session."""

import streamlit as st

from core.access import arrangement_access
from core.access.roles import Actor

from ui.kit import paging

REMEMBERED = "chosen_arrangement"


def choose(db, actor: Actor, *, key: str, rows: list[dict] | None = None,
           prefer: list[int] = (), empty: str = "") -> dict | None:
    """A select box of the arrangements this person may see (or `rows`). Starts on the
    one chosen last, else the first in `prefer`, else the first listed. An admin sees
    every arrangement of the authority: they search it by name."""
    if rows is None and actor.is_admin:
        search = st.text_input("Find an arrangement", key=f"{key}_search",
                               placeholder="Part of the supervisor's or supervisee's name")
        rows, found = arrangement_access.visible_found(
            db, actor, search, limit=paging.CHOICES, keep=st.session_state.get(REMEMBERED))
        paging.more_to_choose(min(len(rows), paging.CHOICES), found, "arrangements found")
    rows = arrangement_access.visible(db, actor) if rows is None else rows
    if not rows:
        st.info(empty or "You are not part of any supervision arrangement yet. "
                         "An admin sets them up.")
        return None
    by_id = {a["id"]: a for a in rows}
    ids = list(by_id)
    remembered = st.session_state.get(REMEMBERED)
    preferred = [i for i in prefer if i in by_id]
    start = remembered if remembered in by_id else (preferred[0] if preferred else ids[0])
    chosen = st.selectbox("Arrangement", ids, index=ids.index(start), key=key,
                          format_func=lambda i: arrangement_access.label(by_id[i], actor))
    st.session_state[REMEMBERED] = chosen
    return by_id[chosen]
