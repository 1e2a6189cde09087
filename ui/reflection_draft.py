"""Autosave for a reflection draft: every widget writes its own field through core
the moment it changes (on blur for text), so a refresh, a sign-out or another
computer loses at most the field being typed.

Each widget's value lives in session state under a key per reflection and
field. When the saved draft moved on without this browser (another window,
another computer, a copied journal entry), the widgets are reloaded from the
database. A save refused as stale keeps the typed text on screen and offers
to keep it or to take the saved version.

Callbacks run on the next script run's thread, so they open the database and
find the actor afresh instead of keeping objects from the run that drew them.
"""

import re

import streamlit as st

from core import reflections
from core.errors import PortalError, StaleWrite, ValidationError
from core.reflections import AnswersWouldBeCleared
from core.validation import TEXT_MAX

from . import auth, context, forms
from .text import inert, inert_block


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


def _k(rid: int, name: str) -> str:
    return f"rf:{rid}:{name}"


def _store(rid: int, name: str) -> dict:
    return st.session_state.setdefault(_k(rid, name), {})


class Draft:
    """Widgets bound to the fields of one reflection draft."""

    def __init__(self, draft: dict):
        self.draft = draft
        self.rid = draft["id"]
        self.editable = draft["editable"]
        self.saved = dict(reflections.fields(draft),
                          prompt_set=(draft["prompt_set"] or {}).get("id"))
        self._sync()

    def key(self, field: str) -> str:
        return _k(self.rid, f"f:{field}")

    def _sync(self) -> None:
        state = st.session_state
        reload = state.get(_k(self.rid, "revision")) != self.draft["revision"]
        conflicts = _store(self.rid, "conflicts")
        base = _store(self.rid, "base")
        for field, value in self.saved.items():
            if field in conflicts:
                continue  # what they typed stays until they choose
            if reload or self.key(field) not in state:
                state[self.key(field)] = value
            if reload or field not in base:
                base[field] = value
        state[_k(self.rid, "revision")] = self.draft["revision"]

    def _args(self, field: str) -> dict:
        return {"key": self.key(field), "on_change": _save, "args": (self.rid, field),
                "disabled": not self.editable}

    def text_area(self, field: str, label: str, *, limit: int = TEXT_MAX, **kwargs) -> None:
        st.text_area(label, help=forms.limit(limit), **self._args(field), **kwargs)
        self.notice(field)

    def text_input(self, field: str, label: str, *, limit: int, **kwargs) -> None:
        st.text_input(label, help=forms.limit(limit), **self._args(field), **kwargs)
        self.notice(field)

    def select(self, field: str, label: str, options, *, required: bool = False,
               **kwargs) -> None:
        """A choice; an optional one can be cleared, a required one cannot."""
        st.selectbox(label, options, index=0 if required else None, **self._args(field),
                     **kwargs)
        self.notice(field)

    def checkbox(self, field: str, label: str, **kwargs) -> None:
        st.checkbox(label, **self._args(field), **kwargs)
        self.notice(field)

    def notice(self, field: str) -> None:
        """The message for this field, and the way out of a stale save."""
        message = _store(self.rid, "errors").get(field)
        if message:
            st.error(message, icon=":material/error:")
        conflict = _store(self.rid, "conflicts").get(field)
        if conflict:
            saved = self.saved.get(field)
            st.warning(conflict, icon=":material/sync_problem:")
            st.markdown("**Saved version:** " + (inert_block(saved) if saved not in (None, "")
                                                 else "_empty_"))
            keep, take = st.columns(2)
            keep.button("Keep my version", key=_k(self.rid, f"keep:{field}"), on_click=_keep,
                        args=(self.rid, field, saved), width="stretch")
            take.button("Use the saved version", key=_k(self.rid, f"take:{field}"),
                        on_click=_take, args=(self.rid, field, saved), width="stretch")

    def choose_prompt_set(self, options: dict) -> None:
        """The prompt set; switching after answering asks before clearing the answers."""
        field = "prompt_set"
        chosen = self.saved["prompt_set"]
        st.selectbox("Prompt set", list(options), index=None if chosen is None else 0,
                     format_func=options.get,
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
    key = _k(rid, f"f:{field}")
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
    for name in ("errors", "conflicts"):
        _store(rid, name).pop(field, None)
    _store(rid, "base")[field] = result["value"]
    st.session_state[_k(rid, f"f:{field}")] = result["value"]
    revision = _k(rid, "revision")
    if result["revision"] == st.session_state.get(revision, -1) + 1:
        st.session_state[revision] = result["revision"]  # nobody else wrote in between


def _keep(rid: int, field: str, saved) -> None:
    db, actor = _who()
    try:
        result = reflections.save_field(db, actor, rid, field,
                                        st.session_state.get(_k(rid, f"f:{field}")), was=saved)
    except PortalError as error:
        _store(rid, "conflicts")[field] = str(error)
        return
    _saved(rid, field, result)
    st.session_state.pop(_k(rid, "revision"), None)  # reload the rest from the database


def _take(rid: int, field: str, saved) -> None:
    _store(rid, "conflicts").pop(field, None)
    _store(rid, "base")[field] = saved
    st.session_state[_k(rid, f"f:{field}")] = saved


def _choose(rid: int, chosen=None, discard: bool = False) -> None:
    db, actor = _who()
    key = _k(rid, "f:prompt_set")
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
    st.session_state.pop(_k(rid, "revision"), None)


def _stay(rid: int) -> None:
    _store(rid, "pending").pop("prompt_set", None)
