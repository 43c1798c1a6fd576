"""PDF rules that mirror veraPDF's PDF/UA-1 profile, on PDFs drawn by hand."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from newsformats.checks.runner import check_file


def cjk_pdf(path: Path, encoding: str, to_unicode: bytes | None = None) -> Path:
    """A page in a composite font with the CMap ``encoding`` (and maybe a ToUnicode map)."""
    pdf = pikepdf.new()
    descendant = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.CIDFontType0,
        BaseFont=pikepdf.Name("/KozMinPr6N-Regular"),
        CIDSystemInfo=pikepdf.Dictionary(
            Registry=pikepdf.String("Adobe"), Ordering=pikepdf.String("Japan1"), Supplement=6
        ),
    )
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.Type0,
        BaseFont=pikepdf.Name("/KozMinPr6N-Regular"),
        Encoding=pikepdf.Name(f"/{encoding}"),
        DescendantFonts=pikepdf.Array([pdf.make_indirect(descendant)]),
    )
    if to_unicode is not None:
        font.ToUnicode = pdf.make_stream(to_unicode)
    page = pdf.add_blank_page(page_size=(595, 842))
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=pdf.make_indirect(font)))
    page.obj.Contents = pdf.make_stream(b"BT /F1 24 Tf 72 720 Td <3042> Tj ET")
    pdf.save(path)
    return path


def rules_of(path: Path) -> set[str]:
    return {f.rule for f in check_file("pdf", path) if f.severity == "error"}


def test_japanese_cid_font_with_a_predefined_cmap_needs_no_to_unicode(tmp_path: Path) -> None:
    # PDF/UA-1 7.21.7: a predefined CJK CMap maps to Unicode through its character collection.
    assert "pdf-text-extractable" not in rules_of(cjk_pdf(tmp_path / "a.pdf", "UniJIS-UCS2-H"))
    # Identity-H says nothing about Unicode: a ToUnicode map is needed.
    assert "pdf-text-extractable" in rules_of(cjk_pdf(tmp_path / "b.pdf", "Identity-H"))


def test_cmap_neither_predefined_nor_embedded(tmp_path: Path) -> None:
    assert "pdf-fonts-wellformed" in rules_of(cjk_pdf(tmp_path / "c.pdf", "Private-H"))


def test_to_unicode_to_u0000_is_an_error(tmp_path: Path) -> None:
    cmap = b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
    good = cmap + b"1 beginbfchar <3042> <3042> endbfchar\n"
    bad = cmap + b"1 beginbfchar <3042> <0000> endbfchar\n"
    assert "pdf-fonts-wellformed" not in rules_of(cjk_pdf(tmp_path / "d.pdf", "Identity-H", good))
    assert "pdf-fonts-wellformed" in rules_of(cjk_pdf(tmp_path / "e.pdf", "Identity-H", bad))


def test_untagged_content_in_a_tagged_pdf(tmp_path: Path) -> None:
    path = cjk_pdf(tmp_path / "f.pdf", "UniJIS-UCS2-H")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        element = pdf.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.P)
        )
        pdf.Root.StructTreeRoot = pdf.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot, K=pikepdf.Array([element]))
        )
        pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
        pdf.save(path)
    assert "pdf-content-tagged" in rules_of(path)  # the text is neither tagged nor an artifact
