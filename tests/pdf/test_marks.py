"""Raised Arabic-script marks copy out with their letter (pdftotext); the page looks the same."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pdf_read import pdftotext, squeeze

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
            attach_raised_marks(pdf)
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
