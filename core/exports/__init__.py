"""Exports: an agreed record as a DOCX or PDF document, and a subject access
export (everything the portal holds about one person, as a zip).

- `record_document` builds a plain document model from the record view core
  already gives (`records.agenda`, or `records.file_audit` for a team lead);
- `docx` and `pdf` render that model;
- `record_file` is the one entry point for a record download: it checks the
  matrix, renders, and audits the export when the document is produced;
- `subject_access` builds the subject access zip.
"""
