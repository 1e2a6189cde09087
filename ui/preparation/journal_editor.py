"""The journal editor: an entry is saved as it is written (on blur), like a
reflection draft, and a save from a stale window is refused with the typed text
kept on screen. Callbacks open the database afresh: they run on another thread."""

import streamlit as st

from core import clock
from core.preparation import journal
from core.errors import NotFound, PortalError, StaleWrite, ValidationError
from core.vocabulary import FUNCTIONS
from core.validation import TEXT_MAX, TITLE_MAX

from ui.kit import auth
from ui.kit import context
from ui.kit import forms
from ui.kit import widget_state
from ui.kit.text import inert_block

EDITING, SEEN, ERRORS, CONFLICT, CONFIRM = ("jr:editing", "jr:seen", "jr:errors", "jr:conflict",
                                            "jr:confirm_delete")
KEYS = {"title": "jr:title", "body": "jr:body", "function": "jr:function"}
NO_FUNCTION = "none"


def _load(entry: dict | None) -> None:
    state = st.session_state
    state[EDITING] = entry["id"] if entry else None
    state[SEEN] = {f: entry[f] for f in journal.FIELDS} | {"updated_at": entry["updated_at"]} \
        if entry else None
    state[KEYS["title"]] = entry["title"] if entry else ""
    state[KEYS["body"]] = entry["body"] if entry else ""
    state[KEYS["function"]] = (entry["function"] or NO_FUNCTION) if entry else NO_FUNCTION
    state[ERRORS] = {}
    state.pop(CONFLICT, None)


def _typed() -> dict:
    function = st.session_state.get(KEYS["function"])
    return {"title": st.session_state.get(KEYS["title"], ""),
            "body": st.session_state.get(KEYS["body"], ""),
            "function": None if function in (None, NO_FUNCTION) else function}


def _save(force: bool = False) -> None:
    db, actor = context.database(), auth.current_actor()
    if actor is None:
        return
    state = st.session_state
    seen = state.get(SEEN)
    if force:
        seen = None  # keep mine: write over whatever is saved now
    try:
        saved = journal.save(db, actor, state.get(EDITING), was=seen, **_typed())
    except ValidationError as error:
        state[ERRORS] = error.errors
        return
    except StaleWrite as error:
        state[CONFLICT] = str(error)
        return
    except PortalError as error:
        state[ERRORS] = {"body": str(error)}
        return
    state[EDITING] = saved["id"]
    state[SEEN] = {f: saved[f] for f in journal.FIELDS} | {"updated_at": saved["updated_at"]}
    state[ERRORS] = {}
    state.pop(CONFLICT, None)


def _edit(entry_id: int) -> None:
    db, actor = context.database(), auth.current_actor()
    _load(journal.entry(db, actor, entry_id))


def _take_saved() -> None:
    _edit(st.session_state[EDITING])


def _delete(entry_id: int) -> None:
    db, actor = context.database(), auth.current_actor()
    try:
        journal.delete(db, actor, entry_id)
    except PortalError as error:  # e.g. busy: the entry stays, and so does the question
        st.session_state[ERRORS] = {"body": str(error)}
        return
    if st.session_state.get(EDITING) == entry_id:
        _load(None)
    st.session_state.pop(CONFIRM, None)


def _ask_delete(entry_id: int | None) -> None:
    st.session_state[CONFIRM] = entry_id


def editor(db, actor) -> None:
    state = st.session_state
    if EDITING not in state:
        _load(None)
    editing = state.get(EDITING)
    if editing is not None and not state.get(CONFLICT):
        try:
            saved = journal.entry(db, actor, editing)
        except NotFound:
            saved = None
            st.info("The entry you were editing was deleted in another window.")
        if saved is None or saved["updated_at"] != (state.get(SEEN) or {}).get("updated_at"):
            _load(saved)  # changed elsewhere: show what is saved
        editing = state.get(EDITING)
    for name in KEYS.values():
        widget_state.resend(name)  # the browser shows what this entry holds, every run
    errors = state.get(ERRORS, {})
    st.markdown("**Editing an entry**" if editing is not None else "**A new entry**")
    st.text_input("Title (optional)", key=KEYS["title"], on_change=_save,
                  help=forms.limit(TITLE_MAX))
    if errors.get("title"):
        st.error(errors["title"], icon=":material/error:")
    st.selectbox("Function (optional)", [NO_FUNCTION, *FUNCTIONS], key=KEYS["function"],
                 on_change=_save,
                 format_func=lambda f: "No function" if f == NO_FUNCTION else FUNCTIONS[f])
    st.text_area("Entry", key=KEYS["body"], on_change=_save, height=220,
                 help=forms.limit(TEXT_MAX, "Saved as you write: when you move out of "
                                            "the box."))
    for field in ("body", "function"):
        if errors.get(field):
            st.error(errors[field], icon=":material/error:")
    if state.get(CONFLICT):
        st.warning(state[CONFLICT], icon=":material/sync_problem:")
        saved = journal.entry(db, actor, editing)
        st.markdown("**Saved entry:** " + (inert_block(saved["body"]) or "_empty_"))
        keep, take = st.columns(2)
        keep.button("Keep my version", on_click=_save, args=(True,), width="stretch")
        take.button("Use the saved entry", on_click=_take_saved, width="stretch")
    if editing is not None:
        st.markdown(f"Saved {clock.local(state[SEEN]['updated_at'])}. Only you can read it.")
    else:
        st.markdown("Nothing saved yet: the entry is saved when you move out of a box.")
    st.button("Start a new entry", icon=":material/add:", on_click=_load, args=(None,))


def entry_actions(entry: dict) -> None:
    """Edit or delete one listed entry (deleting asks first)."""
    edit, delete = st.columns(2)
    edit.button("Edit", key=f"jr_edit_{entry['id']}", on_click=_edit, args=(entry["id"],),
                icon=":material/edit:", width="stretch")
    if st.session_state.get(CONFIRM) == entry["id"]:
        st.warning("Delete this entry for good? It cannot be brought back.")
        yes, no = st.columns(2)
        yes.button("Yes, delete it", key=f"jr_yes_{entry['id']}", on_click=_delete,
                   args=(entry["id"],), type="primary", width="stretch")
        no.button("Keep it", key=f"jr_no_{entry['id']}", on_click=_ask_delete, args=(None,),
                  width="stretch")
    else:
        delete.button("Delete", key=f"jr_delete_{entry['id']}", on_click=_ask_delete,
                      args=(entry["id"],), icon=":material/delete:", width="stretch")
