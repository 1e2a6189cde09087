"""Form helpers: a message next to each bad field, nothing typed lost, and a
confirmation that survives the rerun after a save."""

import streamlit as st

from core.errors import PortalError, ValidationError

from ui.kit import widget_state
from ui.kit.text import inert_message

_ERRORS = "form_errors:{}"
_FLASH = "flash_message"
_RESET = "form_resets"


def limit(characters: int, help: str | None = None) -> str:
    """The help line of a text field with a limit. Fields take no `max_chars`: the
    browser would refuse or cut a long paste without a word. Core checks the length
    and the message shows next to the field, with the typed text kept."""
    said = f"Up to {characters:,} characters."
    return f"{help} {said}" if help else said


def text(form: str, field: str, label: str, key: str, characters: int, *,
         area: bool = False, help: str | None = None) -> str:
    """A text box with its limit stated and, under it, the message its field got."""
    draw = st.text_area if area else st.text_input
    value = draw(label, key=key, help=limit(characters, help))
    field_error(form, field)
    return value


def field_error(form: str, field: str) -> None:
    """Show the message for this field, if the last submit of the form left one."""
    message = st.session_state.get(_ERRORS.format(form), {}).get(field)
    if message:
        st.error(inert_message(message), icon=":material/error:")


def form_error(form: str) -> None:
    """Show messages that belong to no single field."""
    errors = st.session_state.get(_ERRORS.format(form), {})
    for field, message in errors.items():
        if field.startswith("_"):
            st.error(inert_message(message), icon=":material/error:")


def has_errors(form: str) -> bool:
    """The last submit of this form was refused: keep it open where its messages show."""
    return bool(st.session_state.get(_ERRORS.format(form)))


def submit(form: str, action, *, success: str, clear=(), fields=()) -> bool:
    """Run a core action for a submitted form.

    On bad input the messages are kept for `field_error` and the typed values
    stay in their widgets; on success the named widget keys are cleared and a
    confirmation is shown after the rerun. Fields the action reports that the
    form does not show are reported at the top.

    `clear` names widget keys to forget, or maps them to the value to show next.
    Only a mapped value reaches a browser that already drew the widget (it keeps
    what it shows otherwise), so a form used again, like "Add an item", maps its
    keys to their empty values: no leftover case reference goes with the next."""
    try:
        action()
    except ValidationError as error:
        shown = set(fields)
        st.session_state[_ERRORS.format(form)] = {
            (f if not shown or f in shown else f"_{f}"): m for f, m in error.errors.items()
        }
        st.rerun()
    except PortalError as error:
        st.session_state[_ERRORS.format(form)] = {"_": str(error)}
        st.rerun()
    st.session_state.pop(_ERRORS.format(form), None)
    for key in clear:
        st.session_state.pop(key, None)
    if isinstance(clear, dict):
        st.session_state[_RESET] = dict(clear)
    st.session_state[_FLASH] = success
    st.rerun()
    return True


def apply_resets() -> None:
    """Before any widget draws: give cleared widgets the values `submit` mapped."""
    for key, value in st.session_state.pop(_RESET, {}).items():
        st.session_state[key] = value


def flash() -> None:
    """Show the confirmation left by the last successful save, once."""
    message = st.session_state.pop(_FLASH, None)
    if message:
        st.success(message, icon=":material/check_circle:")


def seed(scope: str, owner, values: dict) -> None:
    """A widget shows what is stored. Before the widgets draw, set each key to its
    stored (or computed) value when the thing the form belongs to changes (`owner`:
    the chosen person, session or record) and for any key cleared by a save. A
    refused save keeps what was typed, as long as the choice stays the same.
    Widgets seeded this way take no `value` or `index` of their own."""
    marker = f"seeded_for:{scope}"
    fresh = st.session_state.get(marker) != owner
    for key, value in values.items():
        widget_state.show(key, value, reload=fresh)
    st.session_state[marker] = owner


def hold(key: str) -> None:
    """Keep a select box's choice when the labels of its options change, as when the
    chosen person is renamed. The browser sends back the label it last showed, and
    an old label matches no option, so the choice would clear and the next submit be
    dropped unseen. Setting the choice again before the box draws sends the browser
    the new label."""
    if st.session_state.get(key) is not None:
        widget_state.resend(key)
