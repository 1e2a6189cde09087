"""A record document (record_document.RecordDocument) as a PDF (fpdf2).

Fonts: the PDF embeds DejaVu Sans (Debian's `fonts-dejavu-core`, which
`scripts/fonts.sh` installs for ./run and ./test), which covers Latin, Greek,
Cyrillic, Arabic, Hebrew and many symbols. Any other TrueType font found in
FALLBACKS (Symbola, from `fonts-symbola`, which the same script installs: most
emoji up to Unicode 10; Noto fonts, when installed) is used for characters
DejaVu lacks. With uharfbuzz installed, text is shaped: Arabic letters join and
right-to-left text runs right to left. A character no font covers (newer emoji
such as 🧸) is written as its Unicode name in brackets, "[teddy bear]", so the
PDF still says everything that was typed; the DOCX keeps the character itself. Without DejaVu at all, the
PDF falls back to a built-in font and shows '?' for what it cannot draw.

Typed text is written as text, never parsed (no markdown, no HTML)."""

import logging
import unicodedata
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from core.exports.record_document import RecordDocument

MIME = "application/pdf"
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
             Path("/usr/share/fonts/TTF"))
FACES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
FALLBACKS = (  # (family, path): used only where the file exists
    ("NotoSansArabic", "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"),
    ("NotoSansSymbols", "/usr/share/fonts/truetype/noto/NotoSansSymbols-Regular.ttf"),
    ("NotoSansSymbols2", "/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf"),
    ("NotoEmoji", "/usr/share/fonts/truetype/noto/NotoEmoji-Regular.ttf"),
    ("Symbola", "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"),
)
# fpdf2 warns once per missing glyph; a record full of emoji should not fill the log.
logging.getLogger("fpdf").setLevel(logging.ERROR)


def font_dir() -> Path | None:
    for folder in FONT_DIRS:
        if all((folder / name).is_file() for name in FACES.values()):
            return folder
    return None


def needs_shaping(value: str) -> bool:
    """Right-to-left text or a script whose letters join or combine (Arabic,
    Hebrew, the Indic scripts...). Shaping is slow, so only such text gets it."""
    return any(unicodedata.bidirectional(c) in ("R", "AL", "AN") or 0x0900 <= ord(c) < 0x0E00
               for c in value if ord(c) >= 0x0590)


# Characters that only modify the one before them (skin tones, variation selectors,
# joiners, combining marks): when no font has them they are left out, not named.
_MODIFIERS = ("Mn", "Me", "Cf", "Sk")


def _named(char: str) -> str:
    name = unicodedata.name(char, f"U+{ord(char):04X}")
    return f"[{name.lower()}]"


def spell_out_missing(value: str, covered) -> str:
    """Each character no embedded font can draw, as its Unicode name in brackets."""
    out = []
    for char in value:
        if char in "\n\t" or ord(char) in covered or unicodedata.category(char) in _MODIFIERS:
            out.append(char)
        else:
            out.append(_named(char))
    return "".join(out)


class _Pdf(FPDF):
    family = "Helvetica"
    can_shape = False
    covered: frozenset = frozenset()

    def shaping_for(self, value: str) -> None:
        if self.can_shape:
            self.set_text_shaping(needs_shaping(value))

    def footer(self):
        self.shaping_for("")
        self.set_y(-12)
        self.set_font(self.family, "I", 8)
        self.set_text_color(80, 80, 80)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(0, 0, 0)


def _setup() -> tuple[_Pdf, bool]:
    pdf = _Pdf(format="A4")
    pdf.set_margins(18, 18, 18)
    pdf.set_auto_page_break(True, margin=18)
    folder = font_dir()
    if folder is None:
        return pdf, False
    for style, name in FACES.items():
        pdf.add_font("DejaVu", style, str(folder / name))
    fallbacks = []
    for family, path in FALLBACKS:
        if Path(path).is_file():
            pdf.add_font(family, "", path)
            fallbacks.append(family)
    if fallbacks:
        pdf.set_fallback_fonts(fallbacks, exact_match=False)
    pdf.covered = frozenset().union(*(font.cmap for key, font in pdf.fonts.items()
                                      if hasattr(font, "cmap")))
    pdf.can_shape = True  # uharfbuzz is pinned in requirements.txt
    pdf.family = "DejaVu"
    return pdf, True


def render(doc: RecordDocument) -> bytes:
    return render_many([doc])


def render_many(docs: list[RecordDocument]) -> bytes:
    """Several records in one PDF, each from a new page (loading the fonts takes
    most of the time, so a subject access export makes one file)."""
    pdf, unicode_font = _setup()
    family = pdf.family

    def text(value: str) -> str:
        if unicode_font:
            return spell_out_missing(value, pdf.covered)
        return value.encode("latin-1", "replace").decode("latin-1")

    def para(value: str, *, style: str = "", size: float = 10.5, height: float = 5.5) -> None:
        pdf.set_font(family, style, size)
        pdf.shaping_for(value)
        pdf.multi_cell(0, height, text(value), new_x=XPos.LMARGIN, new_y=YPos.NEXT,
                       align="L")

    pdf.set_title(docs[0].title if len(docs) == 1 else "Supervision records")
    pdf.set_creator("Supervision portal")
    for doc in docs:
        _one(pdf, doc, para, text)
    return bytes(pdf.output())


def _one(pdf: _Pdf, doc: RecordDocument, para, text) -> None:
    family = pdf.family
    pdf.add_page()
    para(doc.title, style="B", size=18, height=9)
    pdf.ln(2)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_font(family, "", 10)
    pdf.shaping_for(" ".join(value for _label, value in doc.header))
    with pdf.table(col_widths=(0.3 * width, 0.7 * width), text_align="LEFT",
                   first_row_as_headings=False, line_height=5.5) as table:
        for label, value in doc.header:
            row = table.row()
            row.cell(text(label))
            row.cell(text(value))
    for section in doc.sections:
        pdf.ln(4)
        para(section.title, style="B", size=14, height=7)
        pdf.set_draw_color(120, 120, 120)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
        pdf.ln(1.5)
        for block in section.blocks:
            if block.kind == "heading":
                pdf.ln(1.5)
                para(block.text, style="B", size=11.5, height=6)
            elif block.kind == "note":
                para(block.text, style="I")
            elif block.kind == "field":
                para(block.label, style="B", size=9.5, height=5)
                para(block.text)
                pdf.ln(1)
            else:
                para("\u2022 " + block.text)
    pdf.ln(4)
    para(doc.footer, style="I", size=9, height=4.5)
