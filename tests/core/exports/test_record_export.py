"""An agreed record exports as DOCX and PDF, laid out like a council supervision
record (header, items by function, case decisions, actions, signatures,
addenda), with whatever was typed shown as text; who may export what follows
the matrix, and every export is audited."""

import io
import json
import zipfile

import docx
import pypdf
import pytest
from export_fixtures import ACTION, ADDENDUM, ARABIC, DECISION, DEVELOPMENT_TEXT, EMOJI, FLAGGED_TEXT, HEBREW, HOSTILE, PERFORMANCE_TEXT, RATIONALE, SUPPORT_TEXT, agreed_record
from record_fixtures import held_and_shared
from reflection_fixtures import actor

from core import records
from core.errors import PermissionDenied, ValidationError
from core.exports import pdf_file, record_document, record_export

SECTIONS = ["Items by function", "Case decisions", "Actions", "Signatures", "Addenda"]


def docx_text(data: bytes) -> tuple[list[str], list[str], str]:
    """(headings, paragraphs, header table as 'label: value' lines) of a DOCX."""
    word = docx.Document(io.BytesIO(data))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    paragraphs = [p.text for p in word.paragraphs]
    table = "\n".join(f"{r.cells[0].text}: {r.cells[1].text}" for r in word.tables[0].rows)
    return headings, paragraphs, table


def pdf_text(data: bytes) -> str:
    """The PDF's text with every run of white space as one space (lines wrap)."""
    return " ".join(" ".join(page.extract_text() for page in
                             pypdf.PdfReader(io.BytesIO(data)).pages).split())


def audit_rows(db, action: str) -> list[dict]:
    return [dict(r, detail=json.loads(r["detail"])) for r in
            db.query("SELECT * FROM audit_events WHERE action = ? ORDER BY id", [action])]


@pytest.fixture
def agreed(demo):
    return demo, agreed_record(demo)


def test_docx_has_the_header_and_every_section_with_the_record_text(agreed):
    db, sid = agreed
    out = record_export.record_file(db, actor(db, "sam.taylor"), sid, "docx")
    assert out.mime.endswith("wordprocessingml.document")
    assert out.name.endswith(".docx") and "Sam" not in out.name
    headings, paragraphs, table = docx_text(out.data)
    for line in ("Supervisee: Sam Taylor", "Supervisor: Helen Carter", "Length: 60 minutes",
                 "Contract: Version", "Record status: Agreed and locked"):
        assert line in table
    assert [h for h in headings if h in SECTIONS] == SECTIONS
    functions = [h.split(" (")[0] for h in headings if h.endswith(" minutes)")]
    assert functions == ["Performance management", "Professional development",
                         "Personal support"]
    assert "Personal support (2 item(s), 15 minutes)" in headings
    body = "\n".join(paragraphs)
    for text in (PERFORMANCE_TEXT, DEVELOPMENT_TEXT, SUPPORT_TEXT, FLAGGED_TEXT, DECISION,
                 RATIONALE, ACTION, ADDENDUM, "Case CR-100200"):
        assert text in body, text
    assert "Supervisor: Helen Carter, signed" in body
    assert "Supervisee: Sam Taylor, signed" in body
    # The case decision sits under Case decisions with its rationale.
    decisions = paragraphs[paragraphs.index("Case decisions"):paragraphs.index("Actions")]
    assert f"Decision: {DECISION}" in decisions and f"Rationale: {RATIONALE}" in decisions


def test_items_are_grouped_under_their_function(agreed):
    db, sid = agreed
    doc = record_document.build(db, actor(db, "helen.carter"), sid)
    blocks = doc.sections[0].blocks
    titles = [b.text for b in blocks if b.kind == "heading"]
    support = next(i for i, t in enumerate(titles) if t.startswith("Personal support"))
    development = next(i for i, t in enumerate(titles) if t.startswith("Professional development"))
    assert titles.index("Training") in range(development, support)
    assert titles.index("A worry") > support and titles.index("How are you") > support


def test_pdf_has_every_section_and_draws_emoji_and_right_to_left_text(agreed):
    db, sid = agreed
    out = record_export.record_file(db, actor(db, "sam.taylor"), sid, "pdf")
    assert out.mime == "application/pdf" and out.data.startswith(b"%PDF")
    text = pdf_text(out.data)
    for section in SECTIONS:
        assert section in text
    for line in ("Sam Taylor", "Helen Carter", DECISION, RATIONALE, ACTION, ADDENDUM,
                 PERFORMANCE_TEXT, SUPPORT_TEXT, FLAGGED_TEXT, ARABIC, HEBREW, "😀"):
        assert line in text, line
    assert pdf_file.font_dir() is not None, "DejaVu Sans is missing: run scripts/fonts.sh"


def test_a_character_no_font_draws_is_written_as_its_name():
    """Nothing typed silently disappears from a PDF: a newer emoji or a script with no
    embedded font is spelled out; what the fonts draw, and modifiers, are kept."""
    pdf, unicode_font = pdf_file._setup()
    assert unicode_font
    shown = pdf_file.spell_out_missing("Teddy \U0001F9F8, baby \U0001F476\U0001F3FD, 你",
                                       pdf.covered)
    assert "[teddy bear]" in shown and "[cjk unified ideograph-4f60]" in shown
    assert "\U0001F476\U0001F3FD" in shown and shown.startswith("Teddy ")


def test_html_markdown_and_script_are_shown_as_text(agreed):
    db, sid = agreed
    sam = actor(db, "sam.taylor")
    word = record_export.record_file(db, sam, sid, "docx").data
    _headings, paragraphs, _table = docx_text(word)
    assert any(HOSTILE in p for p in paragraphs)
    xml = zipfile.ZipFile(io.BytesIO(word)).read("word/document.xml").decode()
    assert "&lt;script&gt;" in xml and "<script>" not in xml
    assert "w:hyperlink" not in xml
    text = pdf_text(record_export.record_file(db, sam, sid, "pdf").data)
    assert "<script>alert('x')</script>" in text and "[a link](https://example.org)" in text


def test_control_characters_and_lone_surrogates_are_dropped_not_fatal():
    assert record_document.clean("a\x00b\x0bc\ud800d\r\ne\tf") == "abcd\ne\tf"
    doc = record_document.RecordDocument(
        "Supervision record", [("Supervisee", record_document.clean("x\x07y"))],
        [record_document.Section("Items", [record_document.Block(
            "text", record_document.clean(f"bell\x07 {EMOJI} {ARABIC}"))])],
        "footer", record_document.FULL, 1, 1, "2026-01-01")
    from core.exports import docx_file
    assert docx_file.render(doc) and pdf_file.render(doc).startswith(b"%PDF")


def test_without_the_unicode_font_the_pdf_still_comes_out(agreed, monkeypatch):
    db, sid = agreed
    monkeypatch.setattr(pdf_file, "FONT_DIRS", ())
    out = record_export.record_file(db, actor(db, "sam.taylor"), sid, "pdf")
    assert DECISION in pdf_text(out.data)


# ---------------------------------------------------------------- who may export

def test_supervisee_and_supervisor_export_the_whole_record(agreed):
    db, sid = agreed
    for who in ("sam.taylor", "helen.carter"):
        doc = record_document.build(db, actor(db, who), sid)
        assert doc.scope == record_document.FULL
        assert SUPPORT_TEXT in doc.text() and FLAGGED_TEXT in doc.text()
        assert ADDENDUM in doc.text()


def test_a_former_supervisor_exports_the_records_they_wrote(demo):
    marcus = actor(demo, "marcus.reid")
    theirs = [r for r in records.my_records(demo, marcus)
              if r["status"] == "agreed" and r["side"] == "supervisor"
              and r["supervisee_name"] == "Tom Baker"]
    assert theirs
    doc = record_document.build(demo, marcus, theirs[0]["session_id"])
    assert doc.scope == record_document.FULL


def test_team_lead_exports_a_file_audit_copy_audited_and_the_supervisee_told(agreed):
    db, sid = agreed
    priya = actor(db, "priya.shah")
    before = len(records.notices_for(db, actor(db, "sam.taylor")))
    out = record_export.record_file(db, priya, sid, "docx")
    assert "file-audit" in out.name
    body = "\n".join(docx_text(out.data)[1])
    assert PERFORMANCE_TEXT in body and DEVELOPMENT_TEXT in body and DECISION in body
    assert FLAGGED_TEXT in body  # flagged: a safeguarding concern
    assert SUPPORT_TEXT not in body and ADDENDUM not in body
    assert "1 personal support item(s) withheld" in body
    shown = [i["id"] for i in records.agenda(db, actor(db, "sam.taylor"), sid).items
             if i["function"] != "support" or i["safeguarding"]]
    reads = audit_rows(db, "file_audit_read")
    assert sorted(r["entity_id"] for r in reads) == sorted(shown)
    assert all(r["actor_id"] == priya.id for r in reads)
    assert len(records.notices_for(db, actor(db, "sam.taylor"))) == before + 1
    exported = audit_rows(db, "record_exported")
    assert exported[-1]["actor_id"] == priya.id
    assert exported[-1]["detail"] == {"session_id": sid, "format": "docx", "scope": "file_audit"}


@pytest.mark.parametrize("who", ["admin", "aisha.begum", "daniel.okafor", "jordan.ellis"])
def test_others_may_not_export_and_nothing_is_audited(agreed, who):
    """An admin never gets record content; another supervisor, another team's lead
    and another supervisee get nothing."""
    db, sid = agreed
    with pytest.raises(PermissionDenied):
        record_export.record_file(db, actor(db, who), sid, "pdf")
    assert audit_rows(db, "record_exported") == []
    assert audit_rows(db, "file_audit_read") == []


def test_every_export_writes_an_audit_event(agreed):
    db, sid = agreed
    sam, helen = actor(db, "sam.taylor"), actor(db, "helen.carter")
    record_export.record_file(db, sam, sid, "pdf")
    record_export.record_file(db, helen, sid, "docx")
    rows = audit_rows(db, "record_exported")
    assert [(r["actor_id"], r["entity"], r["detail"]["format"], r["detail"]["scope"])
            for r in rows] == [(sam.id, "record", "pdf", "full"),
                               (helen.id, "record", "docx", "full")]
    assert rows[0]["entity_id"] == records.agenda(db, sam, sid).record["id"]


def test_only_an_agreed_record_exports(demo):
    sid = held_and_shared(demo)
    with pytest.raises(ValidationError):
        record_export.record_file(demo, actor(demo, "sam.taylor"), sid, "pdf")
    with pytest.raises(ValidationError):
        record_export.record_file(demo, actor(demo, "sam.taylor"), sid, "html")
    assert audit_rows(demo, "record_exported") == []


def test_a_kept_dispute_is_on_the_record_and_its_comment_withheld_from_a_file_audit(demo):
    """The demo's Tom Baker disputed a record that was then signed with the dispute kept."""
    row = next(demo.query(
        "SELECT s.id AS session_id, d.comment FROM record_disputes d "
        "JOIN records r ON r.id = d.record_id JOIN sessions s ON s.id = r.session_id "
        "WHERE d.resolution = 'kept' AND r.status = 'agreed'"))
    view_actor = next(u for u in ("tom.baker", "marcus.reid", "helen.carter", "sam.taylor")
                      if _party(demo, u, row["session_id"]))
    doc = record_document.build(demo, actor(demo, view_actor), row["session_id"])
    disputes = next(s for s in doc.sections if s.title == "Disputes")
    assert any(row["comment"].strip() in b.text and "signed with the dispute kept" in b.text
               for b in disputes.blocks)


def _party(db, username, session_id) -> bool:
    try:
        view = records.agenda(db, actor(db, username), session_id)
    except PermissionDenied:
        return False
    return view.side is not None
