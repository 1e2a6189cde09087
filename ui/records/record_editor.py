"""Autosave for the items of a session record, on the binding of ui/kit/autosave.py:
every widget writes its field through core the moment it changes (on blur for
text), carrying the revision of the item it was drawn from, so a save over a
version written elsewhere is refused as stale and the typed text stays on screen.
"""

from datetime import date

import streamlit as st

from core import records
from core.errors import PortalError, StaleWrite, ValidationError

from ui.kit import auth
from ui.kit import autosave
from ui.kit import context

# A decision is refused without its rationale, so the two are always saved together.
TOGETHER = {"decision": ("decision", "rationale"), "rationale": ("decision", "rationale")}
SCOPE = "ri"


def key(item_id: int, field: str) -> str:
    return autosave.key(SCOPE, item_id, field)


def _store(item_id: int, name: str) -> dict:
    return autosave.store(SCOPE, item_id, name)


def _widget_value(field: str, value):
    if field == "next_review":
        return date.fromisoformat(value) if value else None
    return value


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


class Item(autosave.Fields):
    """Widgets bound to the fields of one agenda item."""

    scope = SCOPE
    saver = staticmethod(save)
    keeper = staticmethod(_keep)
    taker = staticmethod(_take)

    def __init__(self, item: dict, editable: bool):
        self.item, self.iid = item, item["id"]
        saved = {field: item[field] for field in records.ITEM_FIELDS}
        super().__init__(item["id"], saved, item["revision"], editable)

    def widget_value(self, field: str, value):
        return _widget_value(field, value)

    def keep_args(self, field: str) -> tuple:
        return (self.iid, field, self.item["revision"])

    def take_args(self, field: str) -> tuple:
        return (self.iid, field, self.item[field], self.item["revision"])
