"""Widgets bound to the stored fields of one thing (a reflection draft, a record
item): each widget saves its own field through core the moment it changes (on
blur for text), so a refresh, a sign-out or another computer loses at most the
field being typed.

- A widget shows what is stored: every field is given its value before it
  draws, on every run (ui/kit/widget_state.py says why), from the database the
  first time and whenever the thing moved on without this browser.
- A save refused as stale (another window, another person) or as invalid keeps
  the typed text on screen: a field in conflict is never reloaded, and the
  person chooses to keep their version or take the saved one.

Subclasses say how a field is saved (`saver`, a module-level callback taking
the thing's id and the field) and what "keep" and "take" do. Callbacks run on
the next script run's thread, so they open the database and find the actor
afresh instead of keeping objects from the run that drew them.
"""

from datetime import date

import streamlit as st

from core.validation import TEXT_MAX

from ui.kit import forms
from ui.kit import widget_state
from ui.kit.text import inert_block, inert_message

EARLIEST, LATEST = date(1900, 1, 1), date(2199, 12, 31)  # core says what is too far


def key(scope: str, ident: int, field: str) -> str:
    """The session-state key of one field's widget, e.g. 'rf:12:answers.3.answer'."""
    return f"{scope}:{ident}:{field}"


def store(scope: str, ident: int, name: str) -> dict:
    """Bookkeeping kept beside the widgets: errors, conflicts, the base values."""
    return st.session_state.setdefault(key(scope, ident, f"_{name}"), {})


def typed(scope: str, ident: int, field: str):
    return st.session_state.get(key(scope, ident, field))


class Fields:
    """Widgets bound to the fields of one stored thing."""

    scope = ""
    # Module-level callbacks, as staticmethods: saver(ident, field) saves one field;
    # keeper and taker are "Keep my version" and "Use the saved version".
    saver = keeper = taker = None

    def __init__(self, ident: int, saved: dict, revision, editable: bool):
        self.ident, self.saved, self.editable = ident, saved, editable
        self._sync(revision)

    def key(self, field: str) -> str:
        return key(self.scope, self.ident, field)

    def store(self, name: str) -> dict:
        return store(self.scope, self.ident, name)

    def widget_value(self, field: str, value):
        """The stored value as its widget holds it."""
        return value

    def _sync(self, revision) -> None:
        state = st.session_state
        seen = self.key("_revision")
        reload = state.get(seen) != revision
        conflicts = self.store("conflicts")
        base = self.store("base")
        for field, value in self.saved.items():
            if field in conflicts:
                widget_state.resend(self.key(field))  # what they typed stays until they choose
                continue
            widget_state.show(self.key(field), self.widget_value(field, value), reload=reload)
            if reload or field not in base:
                base[field] = value
        state[seen] = revision

    def _args(self, field: str) -> dict:
        return {"key": self.key(field), "on_change": self.saver,
                "args": (self.ident, field), "disabled": not self.editable}

    # Text fields state their limit and take no max_chars: the browser would refuse
    # or cut a long paste without a word. Core checks the length; its message shows
    # next to the field with the typed text kept (see forms.limit).
    def text_area(self, field: str, label: str, *, limit: int = TEXT_MAX,
                  help: str | None = None, **kwargs) -> None:
        st.text_area(label, help=forms.limit(limit, help), **self._args(field), **kwargs)
        self.notice(field)

    def text_input(self, field: str, label: str, *, limit: int, help: str | None = None,
                   **kwargs) -> None:
        st.text_input(label, help=forms.limit(limit, help), **self._args(field), **kwargs)
        self.notice(field)

    def number(self, field: str, label: str, low: int, high: int, **kwargs) -> None:
        st.number_input(label, min_value=low, max_value=high, step=1, **self._args(field),
                        **kwargs)
        self.notice(field)

    def select(self, field: str, label: str, options, **kwargs) -> None:
        st.selectbox(label, options, **self._args(field), **kwargs)
        self.notice(field)

    def checkbox(self, field: str, label: str, **kwargs) -> None:
        st.checkbox(label, **self._args(field), **kwargs)
        self.notice(field)

    def day(self, field: str, label: str, **kwargs) -> None:
        st.date_input(label, min_value=EARLIEST, max_value=LATEST, format="DD/MM/YYYY",
                      **self._args(field), **kwargs)
        self.notice(field)

    def notice(self, field: str) -> None:
        """The message for this field, and the way out of a stale save."""
        message = self.store("errors").get(field)
        if message:
            st.error(inert_message(message), icon=":material/error:")
        conflict = self.store("conflicts").get(field)
        if not conflict:
            return
        saved = self.saved.get(field)
        st.warning(conflict, icon=":material/sync_problem:")
        st.markdown("**Saved version:** " + (inert_block(saved) if saved not in (None, "")
                                             else "_empty_"))
        keep, take = st.columns(2)
        keep.button("Keep my version", key=self.key(f"_keep:{field}"), on_click=self.keeper,
                    args=self.keep_args(field), width="stretch")
        take.button("Use the saved version", key=self.key(f"_take:{field}"),
                    on_click=self.taker, args=self.take_args(field), width="stretch")

    def keep_args(self, field: str) -> tuple:
        raise NotImplementedError

    def take_args(self, field: str) -> tuple:
        raise NotImplementedError


def settle(scope: str, ident: int, field: str, value) -> None:
    """A field saved: clear its message and conflict, and remember what is stored."""
    for name in ("errors", "conflicts"):
        store(scope, ident, name).pop(field, None)
    store(scope, ident, "base")[field] = value
