"""st.navigation pages from the registry in core/navigation.py.

A flat list, in the registry's order: Streamlit's sectioned sidebar puts its
section headings inside the list markup, which axe-core reports as a serious
accessibility failure (list items outside a list)."""

import streamlit as st

from core import navigation
from core.roles import Actor


def pages(actor: Actor | None, only: str | None = None):
    """This person's pages; `only` narrows them to that one page (the shared screen)."""
    specs = navigation.pages_for(actor)
    if only is not None:
        specs = [s for s in specs if s.path == only] or specs
    first_default = next((s for s in specs if s.default), specs[0])
    return [st.Page(spec.path, title=spec.title, icon=spec.icon, default=spec is first_default)
            for spec in specs]
