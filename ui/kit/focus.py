"""A focus ring everyone can see. Streamlit draws none on many elements (links in
the page, table toolbars, the table itself); keyboard users must always see where
they are (WCAG 2.2, 2.4.7 focus visible). :focus-visible leaves mouse clicks alone."""

import streamlit as st

# A constant style block, never user text. The blue holds 3:1 against white and
# against the grey of the sidebar.
STYLE = """<style>
:focus-visible { outline: 3px solid #1c4fb4 !important; outline-offset: 2px !important; }
</style>"""


def style() -> None:
    st.html(STYLE)
