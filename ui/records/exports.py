"""Downloads of an agreed record (DOCX, PDF) and of a subject access export.

Each file is built only when its button is pressed: st.download_button runs
a callable on click, on another thread, so the callable opens that thread's
own database connection (ui/kit/context.py) and the core function audits the
export as the file is made. A page calls one function here."""

import streamlit as st

from core.exports import record_export, subject_access
from ui.kit import context
from ui.kit.text import inert

LABELS = {"docx": ("Word (.docx)", ":material/description:"),
          "pdf": ("PDF", ":material/picture_as_pdf:")}


def _record_file(actor, session_id: int, fmt: str):
    def make() -> bytes:
        return record_export.record_file(context.database(), actor, session_id, fmt).data
    return make


def _buttons(actor, session_id: int, day: str, *, file_audit: bool, key: str) -> None:
    columns = st.columns(2)
    for column, fmt in zip(columns, ("docx", "pdf")):
        label, icon = LABELS[fmt]
        with column:
            st.download_button(
                f"Download the record as {label}", _record_file(actor, session_id, fmt),
                file_name=record_export.name_for(session_id, day, fmt, file_audit=file_audit),
                mime=record_export.FORMATS[fmt][1], key=f"{key}_{fmt}", icon=icon,
                on_click="ignore", width="stretch")


def record_downloads(actor, view: dict) -> None:
    """For the supervisee and the supervisor: the agreed record as a document."""
    record = view.record
    if not record or record["status"] != "agreed":
        return
    st.subheader("Export", anchor=False)
    st.markdown("The whole agreed record, laid out as a supervision record with both "
                "signatures and any addenda. Each download is recorded in the audit log.")
    day = view.held_on or view.scheduled_at[:10]
    _buttons(actor, view.session_id, day, file_audit=False,
             key=f"export_{view.session_id}")


def file_audit_downloads(actor, arr: dict, rows: list[dict]) -> None:
    """For the team lead: an agreed record's file-audit copy as a document."""
    agreed = {r["session_id"]: r for r in rows if r["status"] == "agreed"}
    if not agreed:
        return
    st.subheader("Export a file audit copy", anchor=False)
    st.markdown(f"Performance and development items, and items flagged as a safeguarding "
                f"concern; never other personal support items. Each download is a file audit: "
                f"every item read is recorded and **{inert(arr['supervisee_name'])} is told**.")
    chosen = st.selectbox("Agreed record to export", list(agreed),
                          key=f"export_audit_choice_{arr['id']}",
                          format_func=lambda i: agreed[i]["when"])
    row = agreed[chosen]
    _buttons(actor, chosen, row["held_on"] or row["scheduled_at"][:10], file_audit=True,
             key=f"export_audit_{chosen}")


def subject_access_download(actor, user_id: int, username: str, name: str) -> None:
    """Everything the portal holds about one person, as a zip: on the Account page
    for the person themselves, on the Users page for an admin."""
    yourself = actor.id == user_id
    st.subheader("Everything the portal holds about you" if yourself
                 else "Subject access export", anchor=False)
    if yourself:
        st.markdown("One zip file with your account, supervision arrangements, contracts, "
                    "sessions, records (and the agreed ones as Word and PDF documents), your "
                    "reflections and drafts, your journal, your actions, your session "
                    "feedback, the file audits of your supervision, notices to you and "
                    "the audit log of what you did. The download is recorded in the audit log.")
    else:
        st.warning(f"This is a subject access request: a legal disclosure to "
                   f"**{inert(name)}** of everything the portal holds about them, including "
                   f"their private journal and the full text of their records. Give it to "
                   f"{inert(name)} only, through your council's subject access process. It is "
                   f"recorded in the audit log and {inert(name)} is told.",
                   icon=":material/gavel:")

    def make() -> bytes:
        return subject_access.export(context.database(), actor, user_id).data

    st.download_button("Download everything (.zip)" if yourself
                       else f"Download everything about {inert(name)} (.zip)", make,
                       file_name=subject_access.zip_name(username), mime="application/zip",
                       key=f"subject_access_{user_id}", icon=":material/folder_zip:",
                       on_click="ignore")
    st.markdown("The file is made when you press the button; it can take a little while.")
