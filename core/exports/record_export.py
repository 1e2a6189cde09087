"""A record download: the document built for this actor, rendered, and audited
when it is produced (the export is a read: the audit event is written as soon
as the document exists)."""

from dataclasses import dataclass

from core.admin import audit
from core.errors import ValidationError
from core.access.roles import Actor
from core.exports import docx_file, pdf_file, record_document

FORMATS = {"docx": (docx_file.render, docx_file.MIME), "pdf": (pdf_file.render, pdf_file.MIME)}


@dataclass(frozen=True)
class ExportFile:
    name: str
    data: bytes
    mime: str


def filename(doc: record_document.RecordDocument, fmt: str) -> str:
    return name_for(doc.session_id, doc.day, fmt,
                    file_audit=doc.scope == record_document.FILE_AUDIT)


def name_for(session_id: int, day: str, fmt: str, *, file_audit: bool = False) -> str:
    """A download name with no one's name in it, e.g.
    'supervision-record-2026-03-03-session-42.pdf'."""
    audit_part = "-file-audit" if file_audit else ""
    return f"supervision-record-{day}-session-{session_id}{audit_part}.{fmt}"


def record_file(db, actor: Actor, session_id: int, fmt: str) -> ExportFile:
    """The agreed record of this session as 'docx' or 'pdf', for this actor (see
    record_document for who gets what). Writes a 'record_exported' audit event;
    a team lead's export is a file audit, so each item read is audited and the
    supervisee is told."""
    if fmt not in FORMATS:
        raise ValidationError.single("format", "Choose DOCX or PDF.")
    render, mime = FORMATS[fmt]
    # No transaction around the reads: a deferred one that reads first cannot take
    # the write lock later under load. A team lead's file-audit reads are audited
    # as they are read (records.file_audit); the export event follows the file.
    doc = record_document.build(db, actor, session_id)
    data = render(doc)
    audit.record(db, actor.id, "record_exported", "record", doc.record_id,
                 session_id=doc.session_id, format=fmt, scope=doc.scope)
    return ExportFile(filename(doc, fmt), data, mime)
