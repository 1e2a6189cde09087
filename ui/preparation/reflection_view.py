"""A submitted reflection, read-only, as core.reflections gives it. Everything the
supervisee typed is shown inert."""

import streamlit as st

from core import clock
from core.vocabulary import label as function_label
from core.preparation.reflections import WANTS

from ui.kit.text import inert, inert_block


def version_label(version: dict, latest: bool = False) -> str:
    return (f"Version {version['number']}{' (latest)' if latest else ''}, submitted "
            f"{clock.local(version['submitted_at'])}")


def choose_version(shown: list[dict], key: str) -> dict:
    """A choice of version when there is more than one; the latest first."""
    if len(shown) == 1:
        return shown[0]
    numbers = [v["number"] for v in shown]
    by_number = {v["number"]: v for v in shown}
    chosen = st.selectbox("Version", numbers, key=key,
                          format_func=lambda n: version_label(by_number[n], n == numbers[0]))
    return by_number[chosen]


def render(version: dict) -> None:
    st.markdown(version_label(version) + (f" · Prompt set: {inert(version['prompt_set'])}"
                                         if version["prompt_set"] else ""))
    if version["answers"]:
        st.subheader("Reflection", anchor=False)
    for n, answer in enumerate(version["answers"], start=1):
        st.markdown(f"**{n}. {inert(answer['stage'])}** · {function_label(answer['function'])}")
        st.markdown(f"_{inert(answer['prompt'])}_")
        if answer["scale"] is not None:
            st.markdown(f"Score: **{answer['scale']}** out of 10")
        if answer["answer"].strip():
            st.markdown(inert_block(answer["answer"]))
        else:
            st.markdown("Not answered.")
    st.subheader("Proposed agenda", anchor=False)
    for n, item in enumerate(version["agenda"], start=1):
        facts = [function_label(item["function"]),
                 f"Case {inert(item['case_ref'])}" if item["case_ref"] else None,
                 f"Wants: {WANTS.get(item['wants'], '')}"]
        st.markdown(f"**{n}. {inert(item['title'])}** · " + " · ".join(f for f in facts if f))
    if not version["agenda"]:
        st.markdown("No agenda items proposed.")
    wellbeing = version.get("wellbeing")
    if wellbeing:
        st.subheader("Wellbeing check (shared)", anchor=False)
        if wellbeing["score"] is not None:
            st.markdown(f"Score: **{wellbeing['score']}** out of 10")
        if wellbeing["note"].strip():
            st.markdown(inert_block(wellbeing["note"]))
