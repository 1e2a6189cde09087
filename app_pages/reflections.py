"""Submitted reflections: for a supervisor, their supervisees' upcoming sessions
with "reflection ready" and the latest submitted version; for a supervisee, what
they have shared. Never a draft, and nothing of anyone else's arrangements."""

import streamlit as st

from core import clock
from core.preparation import reflections
from core.vocabulary import KINDS
from core.errors import PortalError
from core.access.roles import Role
from ui.kit import context
from ui.kit import params
from ui.preparation import reflection_view
from ui.kit.guard import guard
from ui.kit.text import inert, inert_message

actor = guard(Role.SUPERVISOR, Role.SUPERVISEE)
db = context.database()

st.title("Reflections", anchor=False)


def show(session_id: int, label: str, key: str) -> None:
    """The versions of one session's reflection, if the actor may read them."""
    try:
        shown = reflections.versions(db, actor, session_id)
    except params.HIDDEN:
        params.not_found()
        return
    except PortalError as error:
        st.error(inert_message(error), icon=":material/block:")
        return
    if not shown:
        st.markdown("Nothing has been submitted for this session yet.")
        return
    st.markdown(f"**{inert(label)}**")
    reflection_view.render(reflection_view.choose_version(shown, key))


def session_label(row: dict, person: str) -> str:
    return f"{row['when']}: {row[person]} ({KINDS[row['kind']].lower()})"


if params.given("session"):
    st.header("The session you linked to", anchor=False)
    asked = params.id_param("session")
    if asked is None:
        params.not_found()
    else:
        show(asked, "The latest submitted version", "version_linked")

if actor.has(Role.SUPERVISOR):
    st.header("From the people you supervise", anchor=False)
    held = st.toggle("Include sessions already held", key="reflections_held")
    rows = reflections.for_supervisor(db, actor, include_held=held)
    if not rows:
        st.markdown("None of the people you supervise has a planned session yet.")
    else:
        st.dataframe(
            [{"Session": r["when"], "Supervisee": r["supervisee_name"],
              "Kind": KINDS[r["kind"]], "Status": r["status"].capitalize(),
              "Reflection": (f"Reflection ready (version {r['versions']})" if r["ready"]
                             else "Not submitted yet")}
             for r in rows],
            hide_index=True, width="stretch")
        ready = {r["session_id"]: r for r in rows if r["ready"]}
        if ready:
            chosen = st.selectbox("Open a reflection", list(ready), key="reflections_open",
                                  format_func=lambda i: session_label(ready[i],
                                                                      "supervisee_name"))
            show(chosen, session_label(ready[chosen], "supervisee_name"), f"version_{chosen}")
        else:
            st.markdown("No reflection has been submitted for these sessions yet.")

if actor.has(Role.SUPERVISEE):
    st.header("What you have shared", anchor=False)
    own = {r["session_id"]: r for r in reflections.submitted_sessions(db, actor)}
    if not own:
        st.markdown("You have not submitted a reflection yet. Prepare one on the Prepare page.")
    else:
        mine = st.selectbox("Your reflection for", list(own), key="reflections_own",
                            format_func=lambda i: session_label(own[i], "supervisor_name"))
        show(mine, f"Shared with {own[mine]['supervisor_name']}, last on "
                   f"{clock.local(own[mine]['submitted_at'])}", f"own_version_{mine}")
