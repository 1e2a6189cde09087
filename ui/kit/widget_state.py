"""A widget shows what is stored, on every run.

Streamlit tells the browser a keyed widget's value only on the run in which
the key was assigned. If the browser never drew that run (a sign-in cookie, a
click or a server restart interrupted it), it builds the widget from its
default instead: an empty box, the first option of a select. The server still
holds the right value, so the next change the person makes sends those
defaults back, and an autosave writes them over what was stored.

So every keyed widget that shows stored data is given its value here, right
before it draws, on every run: the stored value the first time or when it must
be reloaded, otherwise what the widget holds now (what the person typed stays).
"""

import streamlit as st


def show(key: str, stored, *, reload: bool = False) -> None:
    """Before the widget under `key` draws: hold `stored` the first time (or when
    `reload`), else keep the current value, and send it to the browser."""
    state = st.session_state
    state[key] = stored if reload or key not in state else state[key]


def resend(key: str) -> None:
    """Send the value the widget already holds to the browser on this run."""
    state = st.session_state
    if key in state:
        state[key] = state[key]
