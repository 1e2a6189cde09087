"""A record document (record_document.RecordDocument) as a Word file (python-docx).

Every piece of typed text goes in as a plain run: nothing is parsed, so HTML,
markdown or a script stays visible text."""

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from core.exports.record_document import RecordDocument

MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def render(doc: RecordDocument) -> bytes:
    word = Document()
    word.core_properties.title = doc.title
    word.core_properties.author = "Supervision portal"
    style = word.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    word.add_heading(doc.title, level=0)
    table = word.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in doc.header:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].paragraphs[0].add_run(value)
    for section in doc.sections:
        word.add_heading(section.title, level=1)
        for block in section.blocks:
            if block.kind == "heading":
                word.add_heading(block.text, level=2)
            elif block.kind == "note":
                word.add_paragraph().add_run(block.text).italic = True
            elif block.kind == "field":
                para = word.add_paragraph()
                para.add_run(f"{block.label}: ").bold = True
                para.add_run(block.text)
            else:
                word.add_paragraph(block.text, style="List Bullet")
    foot = word.sections[0].footer.paragraphs[0]
    foot.text = doc.footer
    foot.alignment = WD_ALIGN_PARAGRAPH.LEFT
    word.add_paragraph().add_run(doc.footer).italic = True
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()
