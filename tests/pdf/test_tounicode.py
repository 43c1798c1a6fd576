"""Right-to-left ligatures copy out in logical order, in any font (DejaVu Sans showed the bug)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_read import pdftotext, squeeze

from newsformats.pdf.fonts import fonts_dir
from newsformats.pdf.tounicode import fix_rtl_ligatures

# lam-alef (لا), lam-alef with hamza (لأ), the Allah ligature (الله), in Persian and Arabic words
WORDS = "ولایت بالاتر سلام لأن الله"


NASKH = (fonts_dir() / "NotoNaskhArabic-Regular.ttf").as_uri()


def render(path: Path, family: str, mend: bool) -> str:
    """``WORDS`` in ``family`` (DejaVu Sans from the system, or our bundled Naskh)."""
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    html = (
        f'<html lang="fa" dir="rtl"><title>t</title><style>@font-face {{ font-family: "Naskh"; '
        f'src: url("{NASKH}") }}</style><p style="font-family: \'{family}\'">{WORDS}</p>'
    )
    finisher = (lambda document, pdf: fix_rtl_ligatures(pdf)) if mend else None
    fonts = FontConfiguration()
    document = HTML(string=html).render(font_config=fonts, pdf_variant="pdf/ua-1")
    document.write_pdf(path, pdf_variant="pdf/ua-1", finisher=finisher)
    return squeeze(pdftotext(path))


@pytest.mark.parametrize("family", ["DejaVu Sans", "Naskh"])
def test_ligatures_copy_out_in_order_once_mended(tmp_path: Path, family: str) -> None:
    assert render(tmp_path / "mended.pdf", family, mend=True) == squeeze(WORDS)


def test_without_the_mend_dejavu_reverses_lam_alef(tmp_path: Path) -> None:
    """The bug the mend fixes, seen in WeasyPrint's own output (Naskh's Allah ligature too)."""
    text = render(tmp_path / "raw.pdf", "DejaVu Sans", mend=False)
    assert "والیت" in text and "باالتر" in text
    assert "اهلل" in render(tmp_path / "raw-naskh.pdf", "Naskh", mend=False)
