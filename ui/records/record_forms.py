"""What each person can do with a record on the Records page: the supervisee signs
or disputes; the supervisor revises and shares again, or signs with the dispute
kept; either adds an addendum to an agreed record; the team lead runs a file
audit, a deliberate and audited read."""

import streamlit as st

from core import clock, records
from core.errors import PortalError
from core.tasks import Destination
from core.validation import TEXT_MAX

from ui import navigation
from ui.kit import forms
from ui.kit.text import inert, inert_block, inert_message
from ui.records import audited_item

AUDIT = "file_audit_result"


def respond(db, actor, view: dict) -> None:
    """Sign or dispute (supervisee); revise or sign keeping the dispute (supervisor)."""
    sid, record = view.session_id, view.record
    revision = record["revision"]
    if view.side == "supervisee" and view.can_sign:
        st.header("Your response", anchor=False)
        st.markdown("Read the record. Sign it if it is a fair account, or say what you "
                    "disagree with: it goes back to your supervisor.")
        forms.form_error("sign")
        if st.button("Sign the record", type="primary", icon=":material/draw:"):
            forms.submit("sign", lambda: records.sign(db, actor, sid,
                                                      expected_revision=revision),
                         success="Signed. The record is agreed and locked.")
        with st.form("dispute"):
            comment = st.text_area("What you disagree with, and why", key=f"dispute_{sid}",
                                   help=forms.limit(records.COMMENT_MAX))
            forms.field_error("dispute", "comment")
            forms.form_error("dispute")
            if st.form_submit_button("Dispute the record"):
                forms.submit("dispute", lambda: records.dispute(
                    db, actor, sid, comment, expected_revision=revision),
                    success="Your comment is recorded and the record goes back to your "
                            "supervisor.", clear=(f"dispute_{sid}",), fields=("comment",))
    elif view.side == "supervisor" and record["status"] == "disputed":
        st.header("The supervisee disputes this record", anchor=False)
        st.markdown("Revise the record on Run session and share it again, or sign it as it "
                    "stands: the dispute is then kept on the record.")
        navigation.link(Destination.RUN_SESSION, "Revise it on Run session",
                        icon=":material/edit:", query_params={"session": str(sid)})
        forms.form_error("sign")
        if view.can_sign and st.button("Sign it as it stands, keeping the dispute",
                                          icon=":material/draw:"):
            forms.submit("sign", lambda: records.sign(db, actor, sid,
                                                      expected_revision=revision),
                         success="Signed with the dispute kept. The record is agreed and "
                                 "locked.")
    elif record["status"] == "shared" and view.side == "supervisor":
        st.info("Shared and signed by you. It waits for the supervisee's signature or "
                "comment.", icon=":material/hourglass_top:")
    elif record["status"] == "agreed":
        st.success("Agreed by both and locked: the text never changes. Corrections are "
                   "added as addenda.", icon=":material/lock:")


def addendum(db, actor, view: dict) -> None:
    if not view.can_add_addendum:
        return
    sid = view.session_id
    with st.form("addendum"):
        st.markdown("**Add an addendum.** It is timestamped with your name and shown under "
                    "the record; the original text is never changed.")
        body = st.text_area("Addendum", key=f"addendum_{sid}", help=forms.limit(TEXT_MAX))
        forms.field_error("addendum", "body")
        forms.form_error("addendum")
        if st.form_submit_button("Add addendum"):
            forms.submit("addendum", lambda: records.add_addendum(db, actor, sid, body),
                         success="Addendum added.", clear=(f"addendum_{sid}",),
                         fields=("body",))


def file_audit(db, actor, arr: dict, rows: list[dict]) -> None:
    """The team lead reads performance and development text, and flagged items, on
    a deliberate act, with a warning first. Support text never."""
    st.header("File audit", anchor=False)
    st.warning(f"A file audit shows the text of performance and development items, and of "
               f"any item flagged as a safeguarding concern. Personal support text is never "
               f"shown. **{inert(arr['supervisee_name'])} will be told**, and every read is "
               "recorded in the audit log.", icon=":material/policy:")
    held = [r for r in rows if r["status"] is not None]
    if not held:
        st.markdown("There are no records to audit yet.")
        return
    by_id = {r["session_id"]: r for r in held}
    chosen = st.selectbox("Record to audit", list(by_id), key=f"audit_choice_{arr['id']}",
                          format_func=lambda i: f"{by_id[i]['when']} ({by_id[i]['status_label']})")
    forms.form_error("file_audit")
    if st.button("Open for file audit", icon=":material/folder_open:"):
        try:
            st.session_state[AUDIT] = (chosen, records.file_audit(db, actor, session_id=chosen))
        except PortalError as error:
            st.error(inert_message(error), icon=":material/block:")
            return
    shown = st.session_state.get(AUDIT)
    if not shown or shown[0] != chosen:
        return
    st.subheader(f"File audit of the session on {by_id[chosen]['when']}", anchor=False)
    if not shown[1]:
        st.markdown("This record has no performance, development or flagged items.")
    for row in shown[1]:
        it = row["item"]
        audited_item.show(it, ("discussion", "situation", "analysis", "risk", "decision",
                               "rationale"))
        for a in it["actions"]:
            st.markdown(f"Action · {inert(a['owner_name'])} · due {clock.day(a['due_date'])}"
                        f" · {a['status']}: {inert_block(a['description'])}")
    if st.button("Close the file audit", icon=":material/close:"):
        st.session_state.pop(AUDIT, None)
        st.rerun()
