"""A record item as a file audit reads it: the title, the function and any
safeguarding flag, then each written field. Written text is shown inert."""

import streamlit as st

from core.vocabulary import label as function_label
from ui.kit.text import inert, inert_block


def show(item: dict, fields: tuple[str, ...]) -> None:
    """The item's heading line, then each of these fields that holds text."""
    flag = " · Safeguarding concern" if item["safeguarding"] else ""
    st.markdown(f"**{inert(item['title'])}** · {function_label(item['function'])}{flag}")
    for field in fields:
        if item[field]:
            st.markdown(f"{field.capitalize()}: {inert_block(item[field])}")
