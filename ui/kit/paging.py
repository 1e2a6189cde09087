"""Lists that grow with the authority (people, arrangements, audit events) are
searched and shown a page at a time, so drawing them costs the same at any size."""

import math

import streamlit as st

from core.people import users

PAGE_SIZE = 25
CHOICES = 50  # the most options a searched selectbox offers


def offset(key: str, total: int, size: int = PAGE_SIZE) -> int:
    """Where the page the person chose starts. Draws a page number box only when
    there is more than one page; the key should change with the search."""
    pages = max(1, math.ceil(total / size))
    if pages == 1:
        return 0
    if st.session_state.get(key, 1) > pages:  # the list shrank since
        st.session_state[key] = 1
    number = st.number_input(f"Page (1 to {pages:,})", min_value=1, max_value=pages, step=1,
                             key=key)
    return (int(number) - 1) * size


def showing(start: int, count: int, total: int, noun: str) -> None:
    if total == 0:
        st.write(f"No {noun} found.")
    elif count == total:
        st.write(f"{total:,} {noun}.")
    else:
        st.write(f"Showing {start + 1:,} to {start + count:,} of {total:,} {noun}.")


def more_to_choose(count: int, total: int, noun: str) -> None:
    """Say when a searched selectbox offers only the first matches."""
    if total > count:
        st.write(f"The first {count:,} of {total:,} {noun} are offered: type part of a "
                 "name to find others.")


def people_found(db, admin, search: str, *, active_only: bool = True) -> dict:
    """People a search finds, as selectbox options {id: "Name (username)"}: the
    first few, never all the staff of an authority."""
    people, found = users.find(db, admin, search, limit=CHOICES, active_only=active_only)
    more_to_choose(len(people), found, "people found")
    return {u["id"]: f"{u['name']} ({u['username']})" for u in people}
