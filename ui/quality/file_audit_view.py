"""The File audits page's parts: the quarter's sample, starting an audit, the
auditor's form (evidence, suggested grade, their grade and reason), reading a
linked record under the file-audit rules, and a shared audit as both people read it."""

import pandas as pd
import streamlit as st

from core import clock, records
from core.quality import file_audits
from core.errors import PortalError
from core.quality.file_audit_evidence import GRADES
from core.validation import TEXT_MAX

from ui.kit import forms
from ui.kit.text import inert, inert_block, inert_message
from ui.records import audited_item

FORM = "file_audit"
READ = "file_audit_read_result"
GRADE_OPTIONS = list(GRADES)


def sample_section(db, actor, team_id: int, team: str) -> None:
    quarter = file_audits.quarter_of()
    st.header(f"Sample for {quarter}", anchor=False)
    st.markdown(f"Draw a random sample of the current files in {inert(team)} to audit this "
                "quarter. A file is done once its audit is shared.")
    rows = file_audits.sample(db, actor, team_id)
    if rows:
        st.dataframe(pd.DataFrame.from_records([
            {"Supervisee": r["supervisee_name"], "Supervisor": r["supervisor_name"],
             "Drawn": clock.local(r["drawn_at"]),
             "Audit": "Done" if r["done"] else "Started" if r["audit_id"] else "Not started"}
            for r in rows]), hide_index=True, width="stretch")
        st.markdown(f"{sum(r['done'] for r in rows)} of {len(rows)} done.")
    else:
        st.markdown("No sample drawn for this quarter yet.")
    forms.form_error("draw_sample")
    with st.form(f"draw_sample_{team_id}"):
        size = st.number_input("Files to draw", min_value=1, max_value=file_audits.SAMPLE_MAX,
                               value=2, step=1, key=f"sample_size_{team_id}")
        forms.field_error("draw_sample", "size")
        if st.form_submit_button("Draw a random sample", icon=":material/casino:"):
            forms.submit("draw_sample", lambda: file_audits.draw_sample(
                db, actor, team_id, int(size)), success="Sample drawn.", fields=("size",))


def start_section(db, actor) -> None:
    st.header("Start a file audit", anchor=False)
    files = {a["id"]: a for a in file_audits.auditable(db, actor)}
    if not files:
        st.markdown("Nobody in the teams you lead has a current supervision arrangement.")
        return
    chosen = st.selectbox("File", list(files), key="audit_start_choice",
                          format_func=lambda i: f"{files[i]['supervisee_name']}, supervised by "
                                                f"{files[i]['supervisor_name']}")
    forms.form_error("start_audit")
    if st.button("Start the audit", icon=":material/fact_check:"):
        try:
            audit_id = file_audits.start(db, actor, chosen)
        except PortalError as error:
            st.error(inert_message(error), icon=":material/block:")
            return
        st.session_state["audit_open"] = audit_id
        st.rerun()


def _read_record(db, actor, sid: int, when: str) -> None:
    """A linked record, read on a deliberate act: audited, and the supervisee told."""
    if st.button(f"Read the record of {when}", key=f"audit_read_{sid}",
                 icon=":material/folder_open:",
                 help="Performance, development and flagged items only. The supervisee is "
                      "told and the read is recorded."):
        try:
            st.session_state[READ] = (sid, records.file_audit(db, actor, session_id=sid))
        except PortalError as error:
            st.error(inert_message(error), icon=":material/block:")
    shown = st.session_state.get(READ)
    if not shown or shown[0] != sid:
        return
    with st.container(border=True):
        if not shown[1]:
            st.markdown("No performance, development or flagged items in this record.")
        for row in shown[1]:
            audited_item.show(row["item"],
                              ("discussion", "situation", "analysis", "decision", "rationale"))


def _evidence(answer: dict) -> None:
    for line in answer["evidence"]["lines"]:
        st.markdown(f"- {inert(line)}")
    if answer["suggested"]:
        st.markdown(f"The evidence suggests: **{GRADES[answer['suggested']]}**.")
    elif answer["item_key"]:
        st.markdown("The evidence is not enough to suggest a grade: judge it yourself.")
    else:
        st.markdown("The portal holds no evidence for this item: judge it yourself.")


def editor(db, actor, found: dict) -> None:
    """The auditor's form: evidence and suggestion per item, their grade and reason."""
    aid = found["id"]
    keys = {}
    for a in found["answers"]:
        keys[f"audit_{aid}_grade_{a['position']}"] = a["grade"] or a["suggested"]
        keys[f"audit_{aid}_reason_{a['position']}"] = a["reason"]
    keys[f"audit_{aid}_overall"] = found["overall_grade"] or found["suggested_overall"]
    keys[f"audit_{aid}_overall_reason"] = found["overall_reason"]
    keys[f"audit_{aid}_actions"] = found["actions"]
    forms.seed(FORM, (aid, found["updated_at"]), keys)
    for a in found["answers"]:
        st.subheader(f"{a['position']}. {inert(a['item_text'])}", anchor=False)
        _evidence(a)
        for sid in a["evidence"]["sessions"]:
            _read_record(db, actor, sid, found["linked"].get(sid, str(sid)))
    st.divider()
    forms.form_error(FORM)
    with st.form(FORM):
        st.markdown("**Your grades.** Each starts at the grade the evidence suggests; a "
                    "different grade needs a reason.")
        grades, reasons = {}, {}
        for a in found["answers"]:
            p = a["position"]
            grades[p] = st.selectbox(f"Item {p}: grade", GRADE_OPTIONS,
                                     key=f"audit_{aid}_grade_{p}", format_func=GRADES.get,
                                     placeholder="Choose a grade")
            forms.field_error(FORM, f"grade_{p}")
            reasons[p] = st.text_area(f"Item {p}: reason", key=f"audit_{aid}_reason_{p}",
                                      height=70, help=forms.limit(file_audits.REASON_MAX))
            forms.field_error(FORM, f"reason_{p}")
        overall = st.selectbox("Overall grade", GRADE_OPTIONS, key=f"audit_{aid}_overall",
                               format_func=GRADES.get, placeholder="Choose a grade")
        forms.field_error(FORM, "overall")
        overall_reason = st.text_area("Reason for the overall grade",
                                      key=f"audit_{aid}_overall_reason", height=70,
                                      help=forms.limit(file_audits.REASON_MAX))
        forms.field_error(FORM, "overall_reason")
        actions = st.text_area("Actions for the supervisor", key=f"audit_{aid}_actions",
                               help=forms.limit(TEXT_MAX))
        forms.field_error(FORM, "actions")
        fields = ("overall", "overall_reason", "actions",
                  *(f"{k}_{a['position']}" for a in found["answers"] for k in ("grade", "reason")))
        if st.form_submit_button("Save the audit", type="primary", icon=":material/save:"):
            forms.submit(FORM, lambda: file_audits.save(
                db, actor, aid, grades=grades, reasons=reasons, overall=overall,
                overall_reason=overall_reason, actions=actions),
                success="Saved.", fields=fields)
    forms.form_error("share_audit")
    if st.button("Share with the supervisor and the supervisee", icon=":material/send:"):
        forms.submit("share_audit", lambda: file_audits.share(db, actor, aid),
                     success=f"Shared with {inert(found['supervisor_name'])} and "
                             f"{inert(found['supervisee_name'])}. It no longer changes.")


def read_only(found: dict) -> None:
    """A shared audit, as the supervisor, the supervisee and the auditor read it."""
    st.markdown(f"Overall: **{GRADES[found['overall_grade']]}**. "
                f"Audited by {inert(found['auditor_name'])}, shared "
                f"{clock.local(found['shared_at'])}.")
    if found["overall_reason"].strip():
        st.markdown(inert_block(found["overall_reason"]))
    st.dataframe(pd.DataFrame.from_records([
        {"Item": f"{a['position']}. {a['item_text']}",
         "Evidence": " ".join(a["evidence"]["lines"]),
         "Suggested": GRADES.get(a["suggested"], "–"), "Grade": GRADES.get(a["grade"], "–"),
         "Reason": a["reason"]} for a in found["answers"]]), hide_index=True, width="stretch")
    st.subheader("Actions for the supervisor", anchor=False)
    st.markdown(inert_block(found["actions"]) if found["actions"].strip() else "None.")
