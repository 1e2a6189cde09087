"""The forms of the Group supervision page: the group's contract, planning, moving
and cancelling sessions, and the facilitator's record of a held session."""

from datetime import date, time, timedelta

import streamlit as st

from core import clock
from core.groups import group_contract, group_records, group_sessions
from core.groups.group_access import Seat
from core.sessions.planning import PLAN_AHEAD_DAYS, REASON_MAX
from core.validation import CASE_REF_MAX, TITLE_MAX
from ui.kit import forms

NOBODY = 0  # the empty choice of a select box of people


def contract_form(db, actor, seat: Seat, current: dict | None) -> None:
    """The facilitator drafts a version (a new one when the group has one)."""
    form = "group_contract"
    base = current or {"purpose": "", "ground_rules": "",
                       "confidentiality": group_contract.CONFIDENTIALITY,
                       "frequency_weeks": 4, "session_minutes": 90}
    forms.seed(form, (seat.group["id"], current["id"] if current else None), {
        "gc_purpose": base["purpose"], "gc_rules": base["ground_rules"],
        "gc_secret": base["confidentiality"], "gc_weeks": int(base["frequency_weeks"]),
        "gc_minutes": int(base["session_minutes"])})
    limit = forms.limit(group_contract.TEXT_LIMIT)
    with st.form(form):
        st.markdown("**" + ("Draft a new version" if current else "Draft the group's contract")
                    + ".** Your draft is your signature; each member then signs it.")
        st.text_area("Purpose of the group", key="gc_purpose", help=limit)
        forms.field_error(form, "purpose")
        st.text_area("Ground rules", key="gc_rules", help=limit)
        forms.field_error(form, "ground_rules")
        st.text_area("Confidentiality", key="gc_secret", help=limit)
        forms.field_error(form, "confidentiality")
        left, right = st.columns(2)
        with left:
            st.number_input("Meets every … weeks", *group_contract.FREQUENCY_WEEKS, step=1,
                            key="gc_weeks")
            forms.field_error(form, "frequency_weeks")
        with right:
            st.number_input("Session length (minutes)", *group_contract.MINUTES, step=15,
                            key="gc_minutes")
            forms.field_error(form, "session_minutes")
        forms.form_error(form)
        if st.form_submit_button("Save and sign this version", type="primary"):
            s = st.session_state
            forms.submit(form, lambda: group_contract.draft(
                db, actor, seat.group["id"], purpose=s["gc_purpose"], ground_rules=s["gc_rules"],
                confidentiality=s["gc_secret"], frequency_weeks=s["gc_weeks"],
                session_minutes=s["gc_minutes"]),
                success="Contract saved and signed. Each member is asked to sign it.",
                fields=("purpose", "ground_rules", "confidentiality", "frequency_weeks",
                        "session_minutes"))


def plan_form(db, actor, seat: Seat) -> None:
    form = "group_plan"
    today = clock.today()
    with st.form(form):
        st.markdown("**Plan sessions.** The first on the date you choose, then one every "
                    "gap the contract sets.")
        left, right = st.columns(2)
        with left:
            on = st.date_input("Date of the first session", None, min_value=today,
                               max_value=today + timedelta(days=PLAN_AHEAD_DAYS),
                               key="gp_on", format="DD/MM/YYYY")
            forms.field_error(form, "on")
            at = st.time_input("Starts at", time(10, 0), key="gp_at", step=900)
            forms.field_error(form, "at")
        with right:
            venue = st.text_input("Venue or mode", key="gp_venue", help=forms.limit(200))
            forms.field_error(form, "venue")
            count = st.number_input("How many sessions", 1, group_sessions.SERIES_MAX, 1,
                                    key="gp_count")
            forms.field_error(form, "count")
        forms.form_error(form)
        if st.form_submit_button("Plan sessions", type="primary"):
            forms.submit(form, lambda: group_sessions.plan(
                db, actor, seat.group["id"], first=on, at=at, venue=venue, count=int(count)),
                success="Sessions planned.", clear=("gp_on", "gp_venue", "gp_count"),
                fields=("on", "at", "venue", "count"))


def _chosen_session(form: str, ahead: dict[int, str]) -> int:
    st.selectbox("Planned session", list(ahead), format_func=ahead.get,
                 key=f"{form}_session")
    return st.session_state.get(f"{form}_session")


def cancel_form(db, actor, ahead: dict[int, str]) -> None:
    """Cancel one of the planned sessions (id: label), saying why."""
    form = "group_cancel"
    with st.form(form):
        st.markdown("**Cancel a session.** Say why: the members see it.")
        chosen = _chosen_session(form, ahead)
        reason = forms.text(form, "reason", "Why it is cancelled", f"{form}_reason", REASON_MAX,
                            area=True)
        forms.form_error(form)
        if st.form_submit_button("Cancel the session"):
            forms.submit(form, lambda: group_sessions.cancel(db, actor, chosen, reason),
                         success="Session cancelled.", clear=(f"{form}_reason",),
                         fields=("reason",))


def move_form(db, actor, ahead: dict[int, str]) -> None:
    """Move one of the planned sessions to another working day or time."""
    form = "group_move"
    today = clock.today()
    with st.form(form):
        st.markdown("**Move a session.** The members see when it was first planned.")
        chosen = _chosen_session(form, ahead)
        left, right = st.columns(2)
        with left:
            on = st.date_input("New date", None, min_value=today,
                               max_value=today + timedelta(days=PLAN_AHEAD_DAYS),
                               key=f"{form}_on", format="DD/MM/YYYY")
            forms.field_error(form, "on")
        with right:
            at = st.time_input("New start time", time(10, 0), key=f"{form}_at", step=900)
            forms.field_error(form, "at")
        reason = forms.text(form, "reason", "Why it moves (optional)", f"{form}_reason",
                            REASON_MAX)
        forms.form_error(form)
        if st.form_submit_button("Move the session"):
            forms.submit(form, lambda: group_sessions.move(db, actor, chosen, on=on, at=at,
                                                           reason=reason),
                         success="Session moved.", clear=(f"{form}_on", f"{form}_reason"),
                         fields=("on", "at", "reason"))


ACTION_ROWS = 3


def record_form(db, actor, seat: Seat, session: dict, record: dict | None) -> None:
    """The facilitator writes (or corrects) the draft record of a session."""
    form = "group_record"
    day = clock.in_london(session["scheduled_at"]).date().isoformat()
    members = {m["user_id"]: m["name"] for m in seat.members  # those in the group that day
               if m["joined_on"] <= day and (m["left_on"] is None or m["left_on"] >= day)}
    people = [NOBODY] + list(members)
    named = lambda i: members.get(i, "Nobody chosen")  # noqa: E731
    record = record or {"attendance": [], "actions": [], "presenter_id": None,
                        "case_ref": "", "theme": "", "learning": ""}
    present = [a["user_id"] for a in record["attendance"] if a["attended"]]
    roles = {a["user_id"]: a["role"] or "" for a in record["attendance"]}
    actions = record["actions"]
    values = {"grf_attended": present or [i for i in seat.current_member_ids() if i in members],
              "grf_presenter": record["presenter_id"] or NOBODY,
              "grf_case": record["case_ref"], "grf_theme": record["theme"],
              "grf_learning": record["learning"]}
    for i in members:
        values[f"grf_role_{i}"] = roles.get(i, "") if roles.get(i) != "presenter" else ""
    for n in range(ACTION_ROWS):
        a = actions[n] if n < len(actions) else {}
        values[f"grf_owner_{n}"] = a.get("owner_id") or NOBODY
        values[f"grf_action_{n}"] = a.get("description", "")
        values[f"grf_due_{n}"] = date.fromisoformat(a["due_date"]) if a.get("due_date") else None
    forms.seed(form, session["id"], values)
    role_names = {"": "No particular role", **{k: v for k, v in group_records.ROLES.items()
                                                if k != "presenter"}}
    with st.form(form):
        st.markdown("**Write the record.** Saving it marks the session held; share it when "
                    "it is ready, and it is locked.")
        st.info(group_records.NO_SUPPORT_NOTE, icon=":material/lock:")
        st.multiselect("Who attended", list(members), format_func=members.get,
                       key="grf_attended")
        forms.field_error(form, "attended")
        st.selectbox("Presenter", people, format_func=named, key="grf_presenter")
        forms.field_error(form, "presenter")
        left, right = st.columns(2)
        with left:
            st.text_input("Case reference (optional)", key="grf_case",
                          help=forms.limit(CASE_REF_MAX, "The case system's ID, like "
                                                         "CR-104233. Never a child's name."))
            forms.field_error(form, "case_ref")
        with right:
            st.text_input("Theme presented", key="grf_theme",
                          help=forms.limit(TITLE_MAX, "Say what it was about without naming "
                                                      "a child or family."))
            forms.field_error(form, "theme")
        st.markdown("**Roles taken by the other members who attended**")
        for i, name in members.items():
            st.selectbox(f"Role of {name}", list(role_names), format_func=role_names.get,
                         key=f"grf_role_{i}")
        forms.field_error(form, "roles")
        st.text_area("Learning for the group", key="grf_learning",
                     help=forms.limit(group_records.LEARNING_MAX))
        forms.field_error(form, "learning")
        st.markdown("**Actions** (each with an owner among the members)")
        for n in range(ACTION_ROWS):
            left, middle, right = st.columns([2, 4, 2])
            with left:
                st.selectbox(f"Owner of action {n + 1}", people, format_func=named,
                             key=f"grf_owner_{n}")
            with middle:
                st.text_input(f"Action {n + 1}", key=f"grf_action_{n}",
                              help=forms.limit(group_records.ACTION_MAX))
            with right:
                st.date_input(f"Action {n + 1} due by (optional)", key=f"grf_due_{n}",
                              format="DD/MM/YYYY", min_value=clock.today() - timedelta(days=400),
                              max_value=clock.today() + timedelta(days=PLAN_AHEAD_DAYS))
            forms.field_error(form, f"action_{n + 1}")
        forms.form_error(form)
        if st.form_submit_button("Save the record", type="primary"):
            s = st.session_state
            forms.submit(form, lambda: group_records.save(
                db, actor, session["id"], attended=s["grf_attended"],
                presenter_id=s["grf_presenter"] or None, case_ref=s["grf_case"],
                theme=s["grf_theme"], learning=s["grf_learning"],
                roles={i: s[f"grf_role_{i}"] for i in members},
                actions=[{"owner_id": s[f"grf_owner_{n}"] or None,
                          "description": s[f"grf_action_{n}"], "due_date": s[f"grf_due_{n}"]}
                         for n in range(ACTION_ROWS)]),
                success="Record saved as a draft. Share it when it is ready.",
                fields=("attended", "presenter", "case_ref", "theme", "roles", "learning",
                        *(f"action_{n + 1}" for n in range(ACTION_ROWS))))
