"""Session widgets shared by the Sessions and Plan sessions pages."""

import streamlit as st

from core import clock, sessions
from ui.kit import forms
from ui.kit.text import inert


def when(session: dict) -> str:
    """'Tue 2 Dec 2026, 13:30' in London time."""
    start = sessions.starts(session)
    return f"{start:%a} {clock.local(session['scheduled_at'])}"


def label(session: dict) -> str:
    """A markdown-safe one-line description, for expander labels."""
    return (f"{when(session)} · {session['planned_minutes']} minutes · "
            f"{inert(session['venue'])}")


def rows(items: list[dict]) -> list[dict]:
    """Sessions as table rows (a table shows typed text inert)."""
    return [{
        "When": when(s),
        "Status": sessions.STATUSES[s["status"]],
        "Planned length": f"{s['planned_minutes']} min",
        "Held on": clock.day(s["held_on"]),
        "Held for": f"{s['held_minutes']} min" if s["held_minutes"] else "",
        "Venue or mode": s["venue"],
        "Cancelled or moved by": s["cancelled_by_name"] or "",
        "Why": s["cancel_reason"] or "",
        "Contract version": s["contract_version"],
    } for s in items]


def cancel_form(db, actor, session: dict) -> None:
    form = f"cancel_{session['id']}"
    with st.form(form):
        st.markdown("**Cancel this session.** Say why: it is recorded with your name. "
                    "A cancelled session still counts as due.")
        reason = st.text_area("Why it is cancelled", key=f"{form}_reason",
                              help=forms.limit(sessions.REASON_MAX))
        forms.field_error(form, "reason")
        forms.form_error(form)
        if st.form_submit_button("Cancel the session"):
            forms.submit(form, lambda: sessions.cancel_session(db, actor, session["id"], reason),
                         success=f"Cancelled the session on {when(session)}.",
                         clear=(f"{form}_reason",), fields=("reason",))
