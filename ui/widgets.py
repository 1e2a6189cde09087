"""Small rendering helpers shared by pages."""

import streamlit as st
from streamlit.errors import StreamlitAPIException


def link(page: str | None, label: str, icon: str = ":material/arrow_forward:",
         query_params: dict | None = None) -> None:
    """A link to a page, or the plain label where the page is not open to this
    run (a page run on its own in tests, or a person without that page)."""
    if page:
        try:
            st.page_link(page, label=label, icon=icon, query_params=query_params)
            return
        except StreamlitAPIException:
            pass
    st.markdown(f"- {label}")
