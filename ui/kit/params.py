"""Ids in the address (`?session=12`), read in one place. A number out of range,
text where a number belongs, an id that does not exist and an id this person may
not open all get the same polite "not found": never a crash, and nothing that
tells them apart."""

import streamlit as st

from core.errors import NotFound, PermissionDenied
from core.validation import record_id

NOT_FOUND = ("There is no such session, or it is not one you can open. "
             "Check the link, or choose from the list.")
HIDDEN = (NotFound, PermissionDenied)  # core errors shown as "not found" for a linked id


def given(name: str) -> bool:
    """The address carries this parameter, whatever its value."""
    return name in st.query_params


def id_param(name: str) -> int | None:
    """The parameter as an id SQLite can hold, or None (absent or not an id)."""
    return record_id(st.query_params.get(name))


def not_found() -> None:
    st.error(NOT_FOUND, icon=":material/search_off:")
