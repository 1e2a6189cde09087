"""Autosave for the items of a session record, like ui/reflection_draft.py: every
widget writes its field through core the moment it changes (on blur for text),
carrying the revision of the item it was drawn from.

A save refused as stale (another window, another person) keeps the typed text
on screen: the widget state is never overwritten while that field is in
conflict, and the person chooses to keep their version or take the saved one.
When an item moved on without this browser and nothing typed here is pending,
its widgets are reloaded from the database.

Callbacks run on the next script run's thread, so they open the database and
find the actor afresh instead of keeping objects from the run that drew them.
"""

from datetime import date

import streamlit as st

from core import records
from core.errors import PortalError, StaleWrite, ValidationError
from core.validation import TEXT_MAX

from . import auth, context, forms
from .text import inert_block

# A decision is refused without its rationale, so the two are always saved together.
TOGETHER = {"decision": ("decision", "rationale"), "rationale": ("decision", "rationale")}
EARLIEST, LATEST = date(1900, 1, 1), date(2199, 12, 31)  # core says what is too far


def key(item_id: int, field: str) -> str:
    return f"ri:{item_id}:{field}"


def _store(item_id: int, name: str) -> dict:
    return st.session_state.setdefault(key(item_id, f"_{name}"), {})


def _widget_value(field: str, value):
    if field == "next_review":
        return date.fromisoformat(value) if value else None
    return value


def sync(item: dict) -> None:
    """Load the item's saved values into its widgets: the first time, and whenever
    it changed elsewhere, except for fields whose typed text is in conflict."""
    state = st.session_state
    revision = key(item["id"], "_revision")
    reload = state.get(revision) != item["revision"]
    conflicts = _store(item["id"], "conflicts")
    for field in records.ITEM_FIELDS:
        if field in conflicts:
            continue
        if reload or key(item["id"], field) not in state:
            state[key(item["id"], field)] = _widget_value(field, item[field])
    state[revision] = item["revision"]


def _typed(item_id: int, field: str):
    value = st.session_state.get(key(item_id, field))
    if field == "next_review" and isinstance(value, date):
        return value.isoformat()
    return value


def save(item_id: int, field: str) -> None:
    """on_change: save this field (with its partner) at the revision last read."""
    db, actor = context.database(), auth.current_actor()
    if actor is None:
        return
    names = TOGETHER.get(field, (field,))
    errors, conflicts = _store(item_id, "errors"), _store(item_id, "conflicts")
    revision = st.session_state.get(key(item_id, "_revision"))
    try:
        result = records.save_item(db, actor, item_id, {n: _typed(item_id, n) for n in names},
                                   expected_revision=revision)
    except ValidationError as error:
        for n in names:
            errors.pop(n, None)
        errors.update({n: m for n, m in error.errors.items() if n in names}
                      or {field: str(error)})
        return
    except StaleWrite as error:
        conflicts[field] = str(error)
        return
    except PortalError as error:
        errors[field] = str(error)
        return
    for n in names:
        errors.pop(n, None)
        conflicts.pop(n, None)
    st.session_state[key(item_id, "_revision")] = result["revision"]


def _keep(item_id: int, field: str, saved_revision: int) -> None:
    """Keep what I typed: save it over the version saved elsewhere."""
    st.session_state[key(item_id, "_revision")] = saved_revision
    _store(item_id, "conflicts").pop(field, None)
    save(item_id, field)


def _take(item_id: int, field: str, saved, saved_revision: int) -> None:
    _store(item_id, "conflicts").pop(field, None)
    _store(item_id, "errors").pop(field, None)
    st.session_state[key(item_id, field)] = _widget_value(field, saved)
    st.session_state[key(item_id, "_revision")] = saved_revision


class Item:
    """Widgets bound to the fields of one agenda item."""

    def __init__(self, item: dict, editable: bool):
        self.item, self.iid, self.editable = item, item["id"], editable
        sync(item)

    def _args(self, field: str) -> dict:
        return {"key": key(self.iid, field), "on_change": save, "args": (self.iid, field),
                "disabled": not self.editable}

    def text_area(self, field: str, label: str, *, help: str | None = None, **kwargs) -> None:
        st.text_area(label, help=forms.limit(TEXT_MAX, help), **self._args(field), **kwargs)
        self.notice(field)

    def text_input(self, field: str, label: str, **kwargs) -> None:
        st.text_input(label, **self._args(field), **kwargs)
        self.notice(field)

    def number(self, field: str, label: str, low: int, high: int, **kwargs) -> None:
        st.number_input(label, min_value=low, max_value=high, step=1, **self._args(field),
                        **kwargs)
        self.notice(field)

    def select(self, field: str, label: str, options, **kwargs) -> None:
        st.selectbox(label, options, **self._args(field), **kwargs)
        self.notice(field)

    def day(self, field: str, label: str, **kwargs) -> None:
        st.date_input(label, min_value=EARLIEST, max_value=LATEST, format="DD/MM/YYYY",
                      **self._args(field), **kwargs)
        self.notice(field)

    def notice(self, field: str) -> None:
        """The message for this field, and the way out of a stale save."""
        message = _store(self.iid, "errors").get(field)
        if message:
            st.error(message, icon=":material/error:")
        conflict = _store(self.iid, "conflicts").get(field)
        if not conflict:
            return
        saved = self.item[field]
        st.warning(conflict, icon=":material/sync_problem:")
        shown = inert_block(saved) if saved not in (None, "") else "_empty_"
        st.markdown(f"**Saved version:** {shown}")
        keep, take = st.columns(2)
        keep.button("Keep my version", key=key(self.iid, f"_keep:{field}"), on_click=_keep,
                    args=(self.iid, field, self.item["revision"]), width="stretch")
        take.button("Use the saved version", key=key(self.iid, f"_take:{field}"),
                    on_click=_take, args=(self.iid, field, saved, self.item["revision"]),
                    width="stretch")
