"""Form helpers: a message next to each bad field, nothing typed lost, and a
confirmation that survives the rerun after a save."""

import streamlit as st

from core.errors import PortalError, ValidationError

_ERRORS = "form_errors:{}"
_FLASH = "flash_message"
_RESET = "form_resets"


def field_error(form: str, field: str) -> None:
    """Show the message for this field, if the last submit of the form left one."""
    message = st.session_state.get(_ERRORS.format(form), {}).get(field)
    if message:
        st.error(message, icon=":material/error:")


def form_error(form: str) -> None:
    """Show messages that belong to no single field."""
    errors = st.session_state.get(_ERRORS.format(form), {})
    for field, message in errors.items():
        if field.startswith("_"):
            st.error(message, icon=":material/error:")


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
