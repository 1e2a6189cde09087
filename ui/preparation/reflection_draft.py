"""Autosave for a reflection draft, on the binding of ui/kit/autosave.py: every
widget writes its own field through core the moment it changes, carrying the
value it was drawn from, so a save over a version written elsewhere is refused
as stale and the typed text stays on screen. Choosing another prompt set after
answering asks before the answers are cleared.
"""

import re

import streamlit as st

from core.preparation import reflections
from core.errors import PortalError, StaleWrite, ValidationError
from core.preparation.reflections import AnswersWouldBeCleared

from ui.kit import auth
from ui.kit import autosave
from ui.kit import context
from ui.kit.text import inert


# Plain prose that markdown leaves alone: shown as typed, so a screen reader hears it
# without the backslashes inert() adds. Anything else is escaped.
_PLAIN = re.compile(r"^(?:[^\W_]|[ ,.;:?!'\"()/%\u2013\u2014\u2019-])*$")
_ACTIVE = re.compile(r":\w[\w/]*[:\[]|^\s*(\d+[.)]|[-+#>])|https?:|www\.|mailto:", re.I)


def label(text: str) -> str:
    """Text someone typed, safe as a widget label (labels take some markdown)."""
    text = str(text or "")
    if _PLAIN.match(text) and not _ACTIVE.search(text):
        return text
    return inert(text)


SCOPE = "rf"


def _k(rid: int, name: str) -> str:
    return autosave.key(SCOPE, rid, name)


def _store(rid: int, name: str) -> dict:
    return autosave.store(SCOPE, rid, name)


class Draft(autosave.Fields):
    """Widgets bound to the fields of one reflection draft."""

    scope = SCOPE

    def __init__(self, draft: dict):
        self.draft = draft
        self.rid = draft["id"]
        saved = dict(reflections.fields(draft),
                     prompt_set=(draft["prompt_set"] or {}).get("id"))
        super().__init__(draft["id"], saved, draft["revision"], draft["editable"])

    @staticmethod
    def saver(rid: int, field: str) -> None:
        _save(rid, field)

    @staticmethod
    def keeper(rid: int, field: str, saved) -> None:
        _keep(rid, field, saved)

    @staticmethod
    def taker(rid: int, field: str, saved) -> None:
        _take(rid, field, saved)

    def keep_args(self, field: str) -> tuple:
        return (self.rid, field, self.saved.get(field))

    def take_args(self, field: str) -> tuple:
        return (self.rid, field, self.saved.get(field))

    def select(self, field: str, label: str, options, *, required: bool = False,
               **kwargs) -> None:
        """A choice; an optional one can be cleared, a required one cannot. The stored
        value is in the widget's state before it draws, so no index is passed."""
        super().select(field, label, options, **kwargs)

    def choose_prompt_set(self, options: dict) -> None:
        """The prompt set; switching after answering asks before clearing the answers."""
        field = "prompt_set"
        st.selectbox("Prompt set", list(options), format_func=options.get,
                     key=self.key(field), on_change=_choose, args=(self.rid,),
                     placeholder="Choose a prompt set", disabled=not self.editable)
        self.notice(field)
        pending = _store(self.rid, "pending").get(field)
        if pending is not None:
            st.warning(f"Switching to {inert(options.get(pending, 'that set'))} clears the "
                       f"answers you have written. Your answers are still here.",
                       icon=":material/warning:")
            yes, no = st.columns(2)
            yes.button("Switch and clear my answers", key=_k(self.rid, "switch"),
                       on_click=_choose, args=(self.rid, pending, True), width="stretch")
            no.button("Keep my answers", key=_k(self.rid, "stay"), on_click=_stay,
                      args=(self.rid,), width="stretch")


def _who():
    return context.database(), auth.current_actor()


def _save(rid: int, field: str) -> None:
    db, actor = _who()
    if actor is None:
        return
    key = _k(rid, field)
    base, errors, conflicts = (_store(rid, n) for n in ("base", "errors", "conflicts"))
    value = st.session_state.get(key)
    try:
        result = reflections.save_field(db, actor, rid, field, value, was=base.get(field))
    except ValidationError as error:
        errors[field] = error.errors.get(field) or str(error)
        return
    except StaleWrite as error:
        conflicts[field] = str(error)
        errors.pop(field, None)
        return
    except PortalError as error:
        errors[field] = str(error)
        return
    _saved(rid, field, result)


def _saved(rid: int, field: str, result: dict) -> None:
    autosave.settle(SCOPE, rid, field, result["value"])
    st.session_state[_k(rid, field)] = result["value"]
    revision = _k(rid, "_revision")
    if result["revision"] == st.session_state.get(revision, -1) + 1:
        st.session_state[revision] = result["revision"]  # nobody else wrote in between


def _keep(rid: int, field: str, saved) -> None:
    db, actor = _who()
    try:
        result = reflections.save_field(db, actor, rid, field,
                                        st.session_state.get(_k(rid, field)), was=saved)
    except PortalError as error:
        _store(rid, "conflicts")[field] = str(error)
        return
    _saved(rid, field, result)
    st.session_state.pop(_k(rid, "_revision"), None)  # reload the rest from the database


def _take(rid: int, field: str, saved) -> None:
    _store(rid, "conflicts").pop(field, None)
    _store(rid, "base")[field] = saved
    st.session_state[_k(rid, field)] = saved


def _choose(rid: int, chosen=None, discard: bool = False) -> None:
    db, actor = _who()
    key = _k(rid, "prompt_set")
    chosen = st.session_state.get(key) if chosen is None else chosen
    pending, errors = _store(rid, "pending"), _store(rid, "errors")
    if chosen is None:  # cleared: keep the set chosen before
        st.session_state[key] = _store(rid, "base").get("prompt_set")
        return
    try:
        reflections.choose_prompt_set(db, actor, rid, chosen, discard=discard)
    except AnswersWouldBeCleared:
        pending["prompt_set"] = chosen
        st.session_state[key] = _store(rid, "base").get("prompt_set")
        return
    except PortalError as error:
        errors["prompt_set"] = str(error)
        return
    pending.pop("prompt_set", None)
    errors.pop("prompt_set", None)
    st.session_state.pop(_k(rid, "_revision"), None)


def _stay(rid: int) -> None:
    _store(rid, "pending").pop("prompt_set", None)
