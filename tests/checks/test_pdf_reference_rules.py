"""PDF rules that mirror veraPDF's PDF/UA-1 profile, on PDFs drawn by hand."""

from __future__ import annotations

import warnings
from pathlib import Path

import pikepdf

from newsformats.checks.runner import check_file


def cjk_pdf(
    path: Path, encoding: str, to_unicode: bytes | None = None, ordering: str = "Japan1"
) -> Path:
    """A page in a composite font with the CMap ``encoding`` (and maybe a ToUnicode map),
    whose CIDFont uses the character collection Adobe-``ordering``."""
    pdf = pikepdf.new()
    descendant = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.CIDFontType0,
        BaseFont=pikepdf.Name("/KozMinPr6N-Regular"),
        CIDSystemInfo=pikepdf.Dictionary(
            Registry=pikepdf.String("Adobe"), Ordering=pikepdf.String(ordering), Supplement=6
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
    # So do the CIDs of Adobe-Japan1 under Identity-H (ISO 32000-1 9.10.2, as veraPDF reads it)…
    assert "pdf-text-extractable" not in rules_of(cjk_pdf(tmp_path / "b.pdf", "Identity-H"))
    # …but Adobe-Identity CIDs say nothing about Unicode: a ToUnicode map is needed.
    identity = cjk_pdf(tmp_path / "b2.pdf", "Identity-H", ordering="Identity")
    assert "pdf-text-extractable" in rules_of(identity)


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


def tagged_pdf(path: Path, kids: list[pikepdf.Dictionary]) -> Path:
    """A blank page whose structure tree is a Document holding ``kids``."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    document = pikepdf.Dictionary(
        Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document, K=pikepdf.Array(kids)
    )
    pdf.Root.StructTreeRoot = pdf.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot, K=pikepdf.Array([document]))
    )
    pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    pdf.save(path)
    return path


def element(kind: str, *kids: pikepdf.Dictionary, **entries: object) -> pikepdf.Dictionary:
    node = pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name(f"/{kind}"))
    if kids:
        node.K = pikepdf.Array(list(kids))
    for key, value in entries.items():
        node[f"/{key}"] = value
    return node


def cell(kind: str, scope: str | None = None, **attributes: object) -> pikepdf.Dictionary:
    """A TH or TD with its table attributes (``/O /Table``)."""
    owned = pikepdf.Dictionary(O=pikepdf.Name.Table)
    if scope:
        owned.Scope = pikepdf.Name(f"/{scope}")
    for key, value in attributes.items():
        owned[f"/{key}"] = value
    return element(kind, A=owned)


def grid_table(
    header: list[pikepdf.Dictionary], body: list[list[pikepdf.Dictionary]]
) -> pikepdf.Dictionary:
    rows = [element("TR", *header)] + [element("TR", *r) for r in body]
    return element("Table", *rows)


def test_table_organised_by_scope_passes_even_with_an_empty_corner(tmp_path: Path) -> None:
    # PDF/UA-1 7.5, Matterhorn 15-003: every TH has a Scope, so the table is organised by
    # scope; a corner data cell with no header of its own is fine (as veraPDF reads it).
    table = grid_table(
        [cell("TD"), cell("TH", "Column"), cell("TH", "Column")],
        [[cell("TH", "Row"), cell("TD"), cell("TD")]],
    )
    assert "pdf-tables" not in rules_of(tagged_pdf(tmp_path / "a.pdf", [table]))


def test_table_without_scope_needs_headers_or_a_scoped_header(tmp_path: Path) -> None:
    unscoped = grid_table([cell("TH"), cell("TH")], [[cell("TD"), cell("TD")]])
    assert "pdf-tables" in rules_of(tagged_pdf(tmp_path / "b.pdf", [unscoped]))
    ids = [pikepdf.String("h1"), pikepdf.String("h2")]
    by_ids = grid_table(
        [element("TH", ID=ids[0]), element("TH", ID=ids[1])],
        [
            [
                cell("TD", Headers=pikepdf.Array([ids[0]])),
                cell("TD", Headers=pikepdf.Array([ids[1]])),
            ]
        ],
    )
    assert "pdf-tables" not in rules_of(tagged_pdf(tmp_path / "c.pdf", [by_ids]))
    unknown = grid_table(
        [element("TH", ID=ids[0]), cell("TH")],
        [
            [
                cell("TD", Headers=pikepdf.Array([ids[0]])),
                cell("TD", Headers=pikepdf.Array([ids[1]])),
            ]
        ],
    )
    assert "pdf-tables" in rules_of(tagged_pdf(tmp_path / "d.pdf", [unknown]))


def test_an_empty_actual_text_is_a_replacement_but_a_blank_one(tmp_path: Path) -> None:
    # PDF/UA-1 7.3 and 7.7 as veraPDF reads them: /ActualText, even empty, is the replacement.
    kids = [
        element("Figure", ActualText=pikepdf.String("")),
        element("Formula", ActualText=pikepdf.String("")),
    ]
    path = tagged_pdf(tmp_path / "e.pdf", kids)
    findings = check_file("pdf", path)
    errors = {f.rule for f in findings if f.severity == "error"}
    assert not {"pdf-figure-alt", "pdf-alt-formula-note"} & errors
    blank = [f for f in findings if f.rule == "pdf-alternative-blank"]
    assert len(blank) == 2 and all(f.severity == "warning" for f in blank)
    bare = tagged_pdf(tmp_path / "f.pdf", [element("Figure"), element("Formula")])
    assert {"pdf-figure-alt", "pdf-alt-formula-note"} <= rules_of(bare)


def test_an_embedded_cmap_may_use_only_a_predefined_cmap(tmp_path: Path) -> None:
    # PDF/UA-1 7.21.3.3: /UseCMap names one of ISO 32000-1 Table 118's CMaps, or nothing.
    def with_cmap(name: str, used: str) -> Path:
        path = cjk_pdf(tmp_path / f"{name}.pdf", "UniJIS-UCS2-H")
        with pikepdf.open(path, allow_overwriting_input=True) as pdf:
            font = pdf.pages[0].Resources.Font.F1
            font.Encoding = pdf.make_stream(
                b"begincmap /CMapName /Mine def endcmap",
                Type=pikepdf.Name.CMap,
                CMapName=pikepdf.Name.Mine,
                CIDSystemInfo=font.DescendantFonts[0].CIDSystemInfo,
                UseCMap=pikepdf.Name(f"/{used}"),
            )
            pdf.save(path)
        return path

    assert "pdf-fonts-wellformed" not in rules_of(with_cmap("g", "UniJIS-UCS2-H"))
    assert "pdf-fonts-wellformed" in rules_of(with_cmap("h", "Adobe-Japan1-6"))


def test_a_widget_is_named_by_its_field(tmp_path: Path) -> None:
    # ISO 32000-1 12.7.3.1: /TU belongs to the field; a widget without /T is not one, so
    # its own /TU names nothing and its /Parent field's is read (PDF/UA-1 7.18.1).
    def form(name: str, widget_tu: str | None, parent_tu: str | None) -> Path:
        path = tagged_pdf(tmp_path / f"{name}.pdf", [])
        with pikepdf.open(path, allow_overwriting_input=True) as pdf:
            field = pdf.make_indirect(
                pikepdf.Dictionary(FT=pikepdf.Name.Btn, T=pikepdf.String("r"))
            )
            if parent_tu:
                field.TU = pikepdf.String(parent_tu)
            widget = pdf.make_indirect(
                pikepdf.Dictionary(
                    Type=pikepdf.Name.Annot,
                    Subtype=pikepdf.Name.Widget,
                    Rect=[100, 100, 120, 120],
                    F=4,
                    Parent=field,
                )
            )
            if widget_tu:
                widget.TU = pikepdf.String(widget_tu)
            field.Kids = pikepdf.Array([widget])
            pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array([field]))
            pdf.pages[0].Annots = pikepdf.Array([widget])
            pdf.pages[0].Tabs = pikepdf.Name.S
            tree = pdf.Root.StructTreeRoot.K[0]
            objr = pikepdf.Dictionary(Type=pikepdf.Name.OBJR, Obj=widget)
            tree.K = pikepdf.Array([element("Form", objr)])
            pdf.save(path)
        return path

    def messages(path: Path) -> list[str]:
        return [f.message for f in check_file("pdf", path) if f.rule == "pdf-annotations"]

    assert not messages(form("i", None, "Answer"))
    assert any("/TU" in m for m in messages(form("j", "Answer", None)))


def test_a_form_xobject_with_mcids_is_drawn_once(tmp_path: Path) -> None:
    # PDF/UA-1 7.20 (veraPDF 7.20-2, Matterhorn 30-002): a form's MCIDs belong to one
    # structure parent, so a form holding them may be drawn only once.
    def drawn(name: str, times: int, marked: bool) -> Path:
        path = tagged_pdf(tmp_path / f"{name}.pdf", [element("Figure", Alt=pikepdf.String("x"))])
        with pikepdf.open(path, allow_overwriting_input=True) as pdf:
            inside = b"/Figure <</MCID 0>> BDC 0 0 10 10 re f EMC" if marked else b"0 0 10 10 re f"
            form = pdf.make_stream(
                inside, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 10, 10]
            )
            form.StructParents = 0
            page = pdf.pages[0]
            page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm0=form))
            page.obj.Contents = pdf.make_stream(b"q /Fm0 Do Q " * times)
            pdf.save(path)
        return path

    def messages(path: Path) -> list[str]:
        return [f.message for f in check_file("pdf", path) if f.rule == "pdf-embedded"]

    assert not messages(drawn("once", 1, True))
    assert not messages(drawn("plain", 2, False))  # no MCIDs: drawing twice is fine
    assert any("drawn 2 times" in m for m in messages(drawn("twice", 2, True)))


def test_text_that_shows_the_notdef_glyph(tmp_path: Path) -> None:
    # PDF/UA-1 7.21.8: no text operator may show .notdef; under Identity-H the codes are
    # CIDs, and CID 0 is .notdef in every CIDFont.
    def shown(name: str, content: bytes) -> set[str]:
        path = cjk_pdf(tmp_path / f"{name}.pdf", "Identity-H", ordering="Japan1")
        with pikepdf.open(path, allow_overwriting_input=True) as pdf:
            pdf.pages[0].obj.Contents = pdf.make_stream(content)
            pdf.save(path)
        return rules_of(path)

    assert "pdf-notdef" not in shown("a", b"BT /F1 24 Tf 72 720 Td <3042> Tj ET")
    assert "pdf-notdef" in shown("b", b"BT /F1 24 Tf 72 720 Td [<3042> -20 <0000>] TJ ET")
    # Q restores the font of the graphics state before q: here none, so nothing is judged
    assert "pdf-notdef" not in shown("c", b"q BT /F1 24 Tf ET Q BT <0000> Tj ET")


def test_a_simple_font_whose_differences_name_notdef(tmp_path: Path) -> None:
    def simple(name: str, glyph: str) -> Path:
        pdf = pikepdf.new()
        font = pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica,
            Encoding=pikepdf.Dictionary(Differences=pikepdf.Array([65, pikepdf.Name(glyph)])),
        )
        page = pdf.add_blank_page(page_size=(595, 842))
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.obj.Contents = pdf.make_stream(b"BT /F1 12 Tf 72 720 Td (AB) Tj ET")
        pdf.save(tmp_path / name)
        return tmp_path / name

    assert "pdf-notdef" not in rules_of(simple("a.pdf", "/Aacute"))
    assert "pdf-notdef" in rules_of(simple("b.pdf", "/.notdef"))


def tiny_truetype(path: Path) -> bytes:
    """A TrueType program with one glyph, "A" (advance 500 of 1000), beside .notdef."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", "A"])
    builder.setupCharacterMap({ord("A"): "A"})
    pen = TTGlyphPen(None)
    pen.moveTo((0, 0))
    pen.lineTo((500, 700))
    pen.lineTo((0, 700))
    pen.closePath()
    glyph = pen.glyph()
    builder.setupGlyf({".notdef": glyph, "A": glyph})
    builder.setupHorizontalMetrics({".notdef": (500, 0), "A": (500, 0)})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Tiny", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    builder.save(str(path))
    return path.read_bytes()


def truetype_pdf(path: Path, program: bytes, text: bytes, widths: list[float]) -> Path:
    """A page showing ``text`` in a non-symbolic TrueType font (WinAnsi, codes 65-66)."""
    pdf = pikepdf.new()
    descriptor = pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor,
        FontName=pikepdf.Name("/Tiny"),
        Flags=32,
        FontFile2=pdf.make_stream(program),
    )
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.TrueType,
        BaseFont=pikepdf.Name("/Tiny"),
        Encoding=pikepdf.Name.WinAnsiEncoding,
        FirstChar=65,
        LastChar=66,
        Widths=widths,
        FontDescriptor=descriptor,
    )
    page = pdf.add_blank_page(page_size=(595, 842))
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET")
    pdf.save(path)
    return path


def test_a_truetype_program_without_the_glyph_of_a_code(tmp_path: Path) -> None:
    # ISO 32000-1 9.6.6.4: a non-symbolic TrueType font finds a code's glyph through its
    # name and the (3,1) cmap; a character the program lacks shows .notdef.
    program = tiny_truetype(tmp_path / "tiny.ttf")
    assert "pdf-notdef" not in rules_of(truetype_pdf(tmp_path / "a.pdf", program, b"AA", [500, 0]))
    assert "pdf-notdef" in rules_of(truetype_pdf(tmp_path / "b.pdf", program, b"AB", [500, 0]))


def test_glyph_widths_agree_with_the_program(tmp_path: Path) -> None:
    # PDF/UA-1 7.21.5: /Widths says what the program says, within one unit in 1000.
    program = tiny_truetype(tmp_path / "tiny.ttf")
    assert "pdf-font-widths" not in rules_of(
        truetype_pdf(tmp_path / "a.pdf", program, b"A", [500.4, 0])
    )
    wrong = truetype_pdf(tmp_path / "b.pdf", program, b"A", [400, 0])
    assert "pdf-font-widths" in rules_of(wrong)
    # invisible text (rendering mode 3) is not judged, as in veraPDF
    with pikepdf.open(wrong, allow_overwriting_input=True) as pdf:
        pdf.pages[0].obj.Contents = pdf.make_stream(b"BT 3 Tr /F1 12 Tf (A) Tj ET")
        pdf.save(wrong)
    assert "pdf-font-widths" not in rules_of(wrong)


def test_the_header_says_pdf_1(tmp_path: Path) -> None:
    # PDF/UA-1 6.1 (veraPDF 6.1-1): the header is %PDF-1.0 to %PDF-1.7.
    path = cjk_pdf(tmp_path / "a.pdf", "UniJIS-UCS2-H")
    assert "pdf-version" not in rules_of(path)
    with pikepdf.open(path) as pdf:
        pdf.save(tmp_path / "b.pdf", force_version="2.0")
    assert "pdf-version" in rules_of(tmp_path / "b.pdf")


def test_an_identity_cid_truetype_font(tmp_path: Path) -> None:
    # Under Identity-H a code is a CID, the CIDToGIDMap gives the glyph, /W its width.
    program = tiny_truetype(tmp_path / "tiny.ttf")

    def cid_pdf(name: str, shown: bytes, widths: list[object], gids: bytes | None) -> set[str]:
        pdf = pikepdf.new()
        descriptor = pikepdf.Dictionary(
            Type=pikepdf.Name.FontDescriptor,
            FontName=pikepdf.Name("/Tiny"),
            Flags=4,
            FontFile2=pdf.make_stream(program),
        )
        cid_font = pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.CIDFontType2,
            BaseFont=pikepdf.Name("/Tiny"),
            CIDSystemInfo=pikepdf.Dictionary(
                Registry=pikepdf.String("Adobe"), Ordering=pikepdf.String("Identity"), Supplement=0
            ),
            FontDescriptor=descriptor,
            W=widths,
            CIDToGIDMap=pdf.make_stream(gids) if gids is not None else pikepdf.Name.Identity,
        )
        font = pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type0,
            BaseFont=pikepdf.Name("/Tiny"),
            Encoding=pikepdf.Name("/Identity-H"),
            DescendantFonts=[pdf.make_indirect(cid_font)],
        )
        page = pdf.add_blank_page(page_size=(595, 842))
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.obj.Contents = pdf.make_stream(b"BT /F1 12 Tf 72 720 Td <" + shown + b"> Tj ET")
        pdf.save(tmp_path / name)
        return rules_of(tmp_path / name)

    good = cid_pdf("a.pdf", b"0001", [1, [500]], None)
    assert not {"pdf-notdef", "pdf-font-widths"} & good
    assert "pdf-font-widths" in cid_pdf("b.pdf", b"0001", [1, 1, 300], None)  # first last w
    assert "pdf-notdef" in cid_pdf("c.pdf", b"0002", [1, [500]], None)  # past the glyphs
    # CID 2 drawn with glyph 1 through a CIDToGIDMap stream: a real glyph
    assert "pdf-notdef" not in cid_pdf("d.pdf", b"0002", [2, [500]], b"\0\0\0\0\0\1")


def heading_pdf(path: Path, actual_text: str) -> Path:
    """A page whose H1 has ``actual_text``; its number "2" is drawn large, below its words,
    so that layout analysis puts the number after them (as in a chapter opening)."""
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(595, 842))
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
    )
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=pdf.make_indirect(font)))
    page.obj.Contents = pdf.make_stream(
        b"BT /F1 18 Tf 72 760 Td (Concepts of Abuse and Neglect) Tj ET "
        b"BT /F1 60 Tf 400 600 Td (2) Tj ET"
    )
    heading = element("H1", Pg=page.obj, ActualText=pikepdf.String(actual_text))
    document = element("Document", heading)
    pdf.Root.StructTreeRoot = pdf.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot, K=pikepdf.Array([document]))
    )
    pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    pdf.save(path)
    return path


def test_actual_text_whose_words_layout_analysis_put_in_another_order(tmp_path: Path) -> None:
    # The PDF/UA Reference Suite's chapter openings: the number is read after the title.
    same = heading_pdf(tmp_path / "same.pdf", "2 Concepts of Abuse and Neglect\x00")
    assert "pdf-actual-text" not in {f.rule for f in check_file("pdf", same)}
    other = heading_pdf(tmp_path / "other.pdf", "2 Concepts of Misuse and Neglect")
    assert "pdf-actual-text" in {f.rule for f in check_file("pdf", other)}
    extra = heading_pdf(tmp_path / "extra.pdf", "2 2 Concepts of Abuse and Neglect")
    assert "pdf-actual-text" in {f.rule for f in check_file("pdf", extra)}


XMP = b"""<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
  xmp:ModifyDate="yesterday" pdfuaid:part="1">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"""


def test_the_title_is_read_without_writing_the_metadata_back(tmp_path: Path) -> None:
    # pikepdf's open_metadata() rewrote the packet in memory (pikepdf as its producer, the
    # Info dictionary synced, warning on a date it could not convert) for every PDF checked.
    path = tagged_pdf(tmp_path / "t.pdf", [element("P")])
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.Root.Metadata = pdf.make_stream(XMP % b"Concepts of Abuse")
        pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
        pdf.save(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a check writes nothing, so it warns of nothing
        findings = check_file("pdf", path)
    rules = {f.rule for f in findings}
    assert "pdf-title" not in rules and "pdf-ua-identifier" not in rules
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.Root.Metadata = pdf.make_stream(XMP % b"  ")
        pdf.save(path)
    assert "pdf-title" in rules_of(path)
