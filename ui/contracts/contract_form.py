"""A contract on screen: read it, or edit its fields (a contract draft or the template)."""

from datetime import date, timedelta

import streamlit as st

from core import clock, contracts
from core.contracts import cadence
from core.contracts.fields import TEXT_FIELDS
from core.validation import EARLIEST, LATEST_YEARS_AHEAD
from ui.kit import forms
from ui.kit.text import inert, inert_block


def _date(value) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else value


def signatures(contract: dict, names: dict) -> list[str]:
    """One line per side: who signed and when, or who has still to sign."""
    lines = []
    for side in ("supervisor", "supervisee"):
        at = contract[f"{side}_signed_at"]
        who = inert(names[side])
        lines.append(f"Signed by the {side}, {who}, on {clock.local(at)}" if at
                     else f"Not yet signed by the {side}, {who}")
    return lines


def show(contract: dict, names: dict) -> None:
    """The whole contract, read-only; typed text is shown inert."""
    st.markdown(f"**Version {contract['version']}** · {contracts.status(contract)} · "
                f"from {clock.day(contract['start_date'])}, review by "
                f"{clock.day(contract['review_date'])}")
    if contract["review_reason"]:
        st.markdown(f"**Why this version:** {inert(contract['review_reason'])}")
    st.markdown(f"**Cadence:** {inert(cadence.describe(contract))}  \n"
                f"**Session length:** {contract['session_minutes']} minutes  \n"
                f"**Venue or mode:** {inert(contract['venue'])}  \n"
                f"**Record shared within:** {contract['share_within_days']} working days")
    for key, (label, _limit) in TEXT_FIELDS.items():
        if key != "venue":
            st.markdown(f"**{label}**  \n{inert_block(contract[key])}")
    st.markdown("  \n".join(signatures(contract, names)))


def edit(form: str, values: dict, *, template: bool = False) -> dict:
    """Widgets for every field, each with its message; returns what is typed.
    Keys are per form (a form per draft), seeded from the stored values, so text
    stays on screen after a refused save and the stored text shows after a save."""
    fields = ["cadence_kind", "cadence_weeks", "session_minutes", "share_within_days",
              *TEXT_FIELDS]
    if not template:
        fields += ["fte", "asye_start", "start_date", "review_date", "review_reason"]
    seeds = {name: values[name] for name in fields}
    for name in ("cadence_weeks", "session_minutes", "share_within_days"):
        seeds[name] = int(seeds[name])
    if not template:
        seeds["fte"] = float(seeds["fte"])
        for name in ("asye_start", "start_date", "review_date"):
            seeds[name] = _date(seeds[name])
        seeds["review_reason"] = seeds["review_reason"] or ""
    forms.seed(form, form, {f"{form}_{name}": value for name, value in seeds.items()})
    out = {}
    left, right = st.columns(2)
    with left:
        out["cadence_kind"] = st.selectbox(
            "Cadence", list(cadence.KINDS), format_func=cadence.KINDS.get,
            key=f"{form}_cadence_kind")
        forms.field_error(form, "cadence_kind")
        out["cadence_weeks"] = st.number_input(
            "Weeks between sessions (full time)", 1, 26, step=1,
            key=f"{form}_cadence_weeks", help="For the ASYE pattern this is not used.")
        forms.field_error(form, "cadence_weeks")
        out["session_minutes"] = st.number_input(
            "Session length (minutes)", *contracts.SESSION_MINUTES, step=15,
            key=f"{form}_session_minutes")
        forms.field_error(form, "session_minutes")
    with right:
        out["share_within_days"] = st.number_input(
            "Record shared within (working days)", *contracts.SHARE_DAYS, step=1,
            key=f"{form}_share_within_days")
        forms.field_error(form, "share_within_days")
        if not template:
            out["fte"] = st.number_input(
                "Supervisee's working hours (share of full time, for pro rata)",
                *contracts.FTE, step=0.1, key=f"{form}_fte")
            forms.field_error(form, "fte")
            out["asye_start"] = st.date_input(
                "ASYE year began (for the ASYE pattern)", None,
                min_value=EARLIEST, max_value=_latest(), format="DD/MM/YYYY",
                key=f"{form}_asye_start")
            forms.field_error(form, "asye_start")
    for key, (label, limit) in TEXT_FIELDS.items():
        widget = st.text_input if key == "venue" else st.text_area
        out[key] = widget(label, help=forms.limit(limit), key=f"{form}_{key}")
        forms.field_error(form, key)
    if template:
        return out
    left, right = st.columns(2)
    with left:
        out["start_date"] = st.date_input("Start date", None,
                                          min_value=EARLIEST, max_value=_latest(),
                                          format="DD/MM/YYYY", key=f"{form}_start_date")
        forms.field_error(form, "start_date")
    with right:
        out["review_date"] = st.date_input("Review date (within a year)",
                                           None, min_value=EARLIEST,
                                           max_value=_latest(), format="DD/MM/YYYY",
                                           key=f"{form}_review_date")
        forms.field_error(form, "review_date")
    out["review_reason"] = st.text_input("Why this version (optional for the first)",
                                         help=forms.limit(500),
                                         key=f"{form}_review_reason")
    forms.field_error(form, "review_reason")
    return out


def keys(form: str) -> tuple[str, ...]:
    """Every widget key `edit` uses for this form, to clear after a save."""
    names = list(TEXT_FIELDS) + ["cadence_kind", "cadence_weeks", "session_minutes",
                                 "share_within_days", "fte", "asye_start", "start_date",
                                 "review_date", "review_reason"]
    return tuple(f"{form}_{n}" for n in names)


def _latest() -> date:
    return clock.today() + timedelta(days=365 * LATEST_YEARS_AHEAD)
