"""Raised marks and the ZWNJ copy out of the page (pdftotext); the page looks the same."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pdf_read import pdftotext, squeeze

from conftest import SCRIPT_ARTICLES
from newsformats import convert, read
from newsformats.pdf import structure
from newsformats.pdf.codes import cid_fonts, write_codes
from newsformats.pdf.fonts import fonts_dir
from newsformats.pdf.marks import attach_raised_marks
from newsformats.pdf.tounicode import fix_rtl_ligatures

# tanwin (تقریباً، فوراً), hamza above (خانهٔ), shadda (عمّان), and a fully vowelled word
WORDS = "تقریباً دو هزار نفر فوراً آمدند خانهٔ ما عمّان الرَّحْمَٰنِ"
NASKH = (fonts_dir() / "NotoNaskhArabic-Regular.ttf").as_uri()


def render(path: Path, attach: bool) -> Path:
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    def finish(document: object, pdf: object) -> None:
        if attach:
            fonts = cid_fonts(pdf)
            attach_raised_marks(pdf, fonts)
            write_codes(pdf, fonts)
        fix_rtl_ligatures(pdf)

    html = (
        f'<html lang="fa" dir="rtl"><title>t</title><style>@font-face {{ font-family: "Naskh"; '
        f'src: url("{NASKH}") }}</style><p style="font-family: Naskh">{WORDS}</p>'
    )
    fonts = FontConfiguration()
    document = HTML(string=html).render(font_config=fonts, pdf_variant="pdf/ua-1")
    document.write_pdf(path, pdf_variant="pdf/ua-1", finisher=finish)
    return path


def test_marks_copy_out_with_their_letters(tmp_path: Path) -> None:
    assert squeeze(pdftotext(render(tmp_path / "mended.pdf", attach=True))) == squeeze(WORDS)


def test_without_the_mend_raised_marks_leave_their_words(tmp_path: Path) -> None:
    text = pdftotext(render(tmp_path / "raw.pdf", attach=False))
    assert "تقریباً" not in text and "عمّان" not in text


def test_the_page_looks_the_same(tmp_path: Path) -> None:
    pictures = []
    for attach in (False, True):
        pdf = render(tmp_path / f"{attach}.pdf", attach=attach)
        subprocess.run(["pdftoppm", "-r", "72", "-png", pdf, tmp_path / f"{attach}"], check=True)
        pictures.append((tmp_path / f"{attach}-1.png").read_bytes())
    assert pictures[0] == pictures[1]


def test_format_characters_reach_the_page_text_and_the_page_looks_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ZWNJ mend, on the real writer: 11 ZWNJ copied out, the same pixels as without it."""
    source = SCRIPT_ARTICLES / "fa.json"
    mended = convert(read(source), tmp_path / "a", ["pdf"], source_dir=source.parent)
    monkeypatch.setattr(structure, "restore_format_characters", lambda *args: 0)
    plain = convert(read(source), tmp_path / "b", ["pdf"], source_dir=source.parent)
    pictures, counts = [], []
    for done in (mended, plain):
        pdf = done.by_format["pdf"][0]
        subprocess.run(["pdftoppm", "-r", "72", "-png", pdf, pdf.with_suffix("")], check=True)
        pictures.append(pdf.with_name(pdf.stem + "-1.png").read_bytes())
        counts.append(pdftotext(pdf).count("\u200c"))
    assert pictures[0] == pictures[1]
    assert counts == [11, 0]


def test_format_character_codes_keep_the_font_programs_width_and_no_bom(tmp_path: Path) -> None:
    """The mend's blank code states the blank's own width in /W (PDF/UA 7.21.5) and moves back;
    a zero-width no-break space (U+FEFF) copies out as WORD JOINER, never as U+FEFF (Matterhorn
    31-018). Before: /W said 0 for the space glyph (program 260) and the map gave <feff>."""
    from newsformats import check
    from newsformats.model import Article

    body = ["گفت\u200cوگو و نامه\u200cها\ufeff را خواندند.", "سه\ufeffشنبه و نامه\u200cها."]
    article = Article(headline="گفت\u200cوگو", body=body, language="fa")
    pdf = convert(article, tmp_path, ["pdf"]).by_format["pdf"][0]
    found = {finding.rule for finding in check([pdf]).findings if finding.severity == "error"}
    assert not found & {"pdf-font-widths", "pdf-fonts-wellformed"}
    copied = pdftotext(pdf)
    assert "\u200c" in copied and "\ufeff" not in copied
