"""AppTest from app.py: the real script, pages and guards, without a browser."""

import time
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PASSWORD = "supervision-demo"


@pytest.fixture(autouse=True)
def clear_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


def new_app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=30)


def signed_in(username: str) -> AppTest:
    """An app run as this person, signed in as the sign-in code would leave it."""
    at = new_app()
    at.session_state["authentication_status"] = True
    at.session_state["username"] = username
    at.session_state["signed_in_at"] = time.time()
    return at.run()


def sign_in_through_form(username: str, password: str = PASSWORD) -> AppTest:
    at = new_app().run()
    fill(at, "Username", username)
    fill(at, "Password", password)
    button(at, "Sign in").click().run()
    return at.run() if at.session_state["authentication_status"] else at


def page(username: str, path: str, session_id=None) -> AppTest:
    """This person's page, opened at a session (`?session=` in the address) where
    one is given."""
    at = signed_in(username)
    at.switch_page(str(ROOT / path))
    if session_id is not None:
        at.query_params["session"] = str(session_id)
    return at.run()


def fill(at: AppTest, label: str, value) -> None:
    widget = next(w for w in at.text_input if w.label == label)
    widget.input(value)


def button(at: AppTest, label: str):
    for b in at.button:
        if b.label == label:
            return b
    raise AssertionError(f"no button {label!r}; have {[b.label for b in at.button]}")


def by_label(widgets, label: str):
    """The widget among these (at.text_input, at.selectbox, ...) with this label."""
    return next(w for w in widgets if w.label == label)


def expect_errors(at: AppTest, *phrases: str) -> None:
    """Each phrase is part of an error message the page shows."""
    errors = [str(e.value) for e in at.error]
    missing = [p for p in phrases if not any(p in e for e in errors)]
    assert not missing, f"no error saying {missing}; the page shows {errors}"


def texts(at: AppTest) -> str:
    """Everything the page wrote, as one string, for searching."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "error",
                 "warning", "info", "success"):
        parts += [str(e.value) for e in at.get(kind)]
    return "\n".join(parts)


def registered(at: AppTest) -> set[str]:
    return {Path(info["script_path"]).relative_to(ROOT).as_posix()
            for info in at._registered_pages.values() if info.get("script_path")}


def choose(box, option: str):
    """Select the option a selectbox shows as `option`, even where a format function
    turns ids into names (AppTest's select() wants the value, not the name)."""
    for value in (*range(1, 5000), option):
        try:
            if str(box.format_func(value)) == option:
                return box.select(value)
        except Exception:  # noqa: BLE001 - a format function that only knows its own ids
            continue
    raise AssertionError(f"no value shows as {option!r}")


SESSION_PAGES = {"app_pages/prepare.py", "app_pages/records.py", "app_pages/run_session.py"}


def page_views(username: str, sids, pick, per_box: int = 1):
    """(where, AppTest after a run) for every page this person has: each page plain,
    the session pages at each of `sids`, and again after choosing, in each select
    box, up to `per_box` options for which `pick(option)` holds."""
    first = signed_in(username)
    for path in sorted(registered(first)):
        for sid in [None] + (list(sids) if path in SESSION_PAGES else []):
            at = signed_in(username)
            at.switch_page(str(ROOT / path))
            if sid is not None:
                at.query_params["session"] = str(sid)
            at.run()
            yield f"{path}?session={sid}", at
            wanted = [(box.key, box.label, o) for box in at.selectbox
                      for o in [o for o in box.options if pick(o)][:per_box]]
            for key, label, option in wanted:  # the tree is new after each run: look again
                box = next((b for b in at.selectbox if (b.key, b.label) == (key, label)), None)
                if box is not None and option in box.options:
                    choose(box, option).run()
                    yield f"{path}?session={sid} choosing {option!r}", at
