"""How most pages begin: who may open the page (its guard), the database, the
title, a paragraph on what the page is for, and the confirmation the last save
left. A page that needs something between these lines calls them itself."""

import streamlit as st
from sqlite_utils import Database

from core.access.roles import Actor, Role
from ui.kit import context, forms
from ui.kit.guard import guard


def start(title: str, *roles: Role, intro: str = "") -> tuple[Actor, Database]:
    """(the signed-in person, the database) once the guard lets them in (`roles`:
    who may open the page; none named, anyone signed in)."""
    actor = guard(*roles)
    db = context.database()
    st.title(title, anchor=False)
    if intro:
        st.write(intro)
    forms.flash()
    return actor, db
