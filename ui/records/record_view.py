"""A session record, read-only, as core.records gives it: timeline, minutes per
function, items (text only where this person may read it), actions, disputes and
addenda, and a case note per case item, built when asked. Typed text is inert."""

import streamlit as st

from core import clock, records
from core.vocabulary import FUNCTIONS

from ui.kit import context
from ui.kit.text import inert, inert_block

CASE_FIELDS = (("situation", "Current situation"), ("analysis", "Analysis"),
               ("risk", "Risk"), ("decision", "Decision"), ("rationale", "Rationale"))


def summary_rows(rows: list[dict], *, names: bool = False) -> list[dict]:
    """Records as table rows: dates, status, timeliness and minutes, never text."""
    out = []
    for r in rows:
        row = {"Session": r["when"]}
        if names:
            row |= {"Supervisee": r["supervisee_name"], "Supervisor": r["supervisor_name"]}
        row |= {
            "Record": r["status_label"],
            "Share by": clock.day(r["share_by"]) if r["share_by"] else "",
            "Shared": clock.local(r["first_shared_at"]) if r["first_shared_at"] else "",
            "Late": "Late" if r["late"] else "",
            "Agreed": clock.local(r["agreed_at"]) if r["agreed_at"] else "",
            "Disputed": "Yes" if r["disputed"] else "",
            "Items": r["items"],
            "Safeguarding flags": r["flagged"],
        }
        row |= {f"{label} (min)": r["minutes"][f] for f, label in FUNCTIONS.items()}
        out.append(row)
    return out


def timeline(view: dict) -> None:
    record = view.record
    steps = [("Opened", record["created_at"]), ("First shared", record["first_shared_at"]),
             ("Last shared", record["shared_at"] if record["shared_at"] !=
              record["first_shared_at"] else None),
             (f"Signed by {inert(view.supervisor_name)}", record["supervisor_signed_at"]),
             (f"Signed by {inert(view.supervisee_name)}", record["supervisee_signed_at"]),
             ("Agreed and locked", record["agreed_at"])]
    st.markdown(f"**Status:** {record['status_label']}  \n"
                + "  \n".join(f"{label}: {clock.local(at)}" for label, at in steps if at))
    if view.held_on:
        st.markdown(f"Held on {clock.day(view.held_on)} for {view.held_minutes} "
                    f"minutes. To be shared by {clock.day(view.share_by)}.")
    if view.late:
        st.warning("**Late:** this record was not shared within the contract's number of "
                   "working days.", icon=":material/schedule:")


def minutes(view: dict) -> None:
    parts = [f"{label}: {view.minutes[f]} min" for f, label in FUNCTIONS.items()]
    st.markdown("**Minutes per function:** " + " · ".join(parts)
                + f" · Total: {view.total_minutes} min")


def item(db, actor, view: dict, it: dict, n: int) -> None:
    with st.container(border=True):
        title = inert(it["title"]) if it["title"] is not None else "Item text not shown"
        st.subheader(f"{n}. {title}", anchor=False)
        facts = [it["function_label"], it["source_label"],
                 f"{it['minutes']} min" if it["minutes"] is not None else "minutes not recorded"]
        if it["case_ref"]:
            facts.append(f"Case {inert(it['case_ref'])}")
        st.markdown(" · ".join(facts))
        if it["safeguarding"]:
            reason = (f" Reason: {inert_block(it['safeguarding_reason'])}"
                      if it["safeguarding_reason"] else "")
            st.warning(f"**Safeguarding concern**, flagged {clock.local(it['safeguarding_at'])}."
                       + reason, icon=":material/shield:")
        if it["text_hidden"]:
            st.markdown("The text of this item is not shown to you."
                        + (" Personal support is confidential between the supervisee and "
                           "the supervisor." if it["function"] == "support" else ""))
            return
        st.markdown("**Discussion:** " + (inert_block(it["discussion"]) if it["discussion"]
                                          else "_not recorded_"))
        if it["case_ref"]:
            for field, label in CASE_FIELDS:
                if it[field]:
                    st.markdown(f"**{label}:** {inert_block(it[field])}")
            if it["risk_score"] is not None:
                st.markdown(f"**Signs of Safety scale:** {it['risk_score']} out of 10")
            if it["next_review"]:
                st.markdown(f"**Next review:** {clock.day(it['next_review'])}")
        for a in it["actions"]:
            st.markdown(f"**Action** · {inert(a['owner_name'])} · due {clock.day(a['due_date'])}"
                        f" · {a['status'].capitalize()}"
                        + (" (overdue)" if a["overdue"] else "")
                        + f": {inert_block(a['description'])}")
        if it["case_ref"] and view.side is not None:
            case_note(db, actor, it)


def case_note(db, actor, it: dict) -> None:
    """The case note, marked 'Supervision', built only when asked: a copy button
    (st.code has one) and a .txt download."""
    wanted = f"case_note_{it['id']}"
    if not st.session_state.get(wanted):
        if st.button(f"Case note for {it['case_ref']}", key=f"{wanted}_button",
                     icon=":material/content_paste:",
                     help="Plain text marked 'Supervision', to paste into the case system."):
            st.session_state[wanted] = True
            st.rerun()
        return
    note = records.case_note(db, actor, it["id"])
    st.markdown(f"**Case note for {inert(it['case_ref'])}**. Use the copy button at the top "
                "right of the box, or download it.")
    st.code(note, language=None, wrap_lines=True)
    st.download_button("Download the case note (.txt)", _recorded_note(actor, it["id"]),
                       file_name=records.case_note_filename(db, actor, it["id"]),
                       mime="text/plain", key=f"{wanted}_download", on_click="ignore",
                       icon=":material/download:",
                       help="The download is recorded, so a file audit can count the case "
                            "decisions that went to the case system.")


def _recorded_note(actor, item_id: int):
    """Built on the click, on the download's own thread and connection: each download
    is recorded in the audit trail (see ui/records/exports.py)."""
    def make() -> str:
        return records.download_case_note(context.database(), actor, item_id)
    return make


def disputes_and_addenda(view: dict) -> None:
    if view.disputes:
        st.subheader("Disputes", anchor=False)
    for d in view.disputes:
        state = {"revised": "the supervisor revised the record and shared it again",
                 "kept": "the supervisor signed it as it stood; the dispute is kept on the "
                         "record", None: "open"}[d["resolution"]]
        text = inert_block(d["comment"]) if d["comment"] is not None else "_comment not shown_"
        st.markdown(f"**{inert(d['by_name'])}, {clock.local(d['created_at'])}** ({state}):  \n"
                    + text)
    if view.record["status"] == "agreed":
        st.subheader("Addenda", anchor=False)
        if not view.addenda:
            st.markdown("No addenda. The original text never changes; corrections are added "
                        "here.")
    for x in view.addenda:
        body = inert_block(x["body"]) if x["body"] is not None else "_text not shown_"
        st.markdown(f"**Addendum by {inert(x['author_name'])}, {clock.local(x['created_at'])}:**"
                    f"  \n{body}")


def render(db, actor, view: dict) -> None:
    timeline(view)
    minutes(view)
    for n, it in enumerate(view.items, start=1):
        item(db, actor, view, it, n)
    disputes_and_addenda(view)
