"""Rules for PDFs: tagged PDF/UA-1 as the Matterhorn Protocol checks it."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pikepdf

from ...language import is_well_formed_tag
from ..findings import Location
from ..loaders.pdf import PdfFile
from ..references import matterhorn, pdf_technique, pdfua, wcag
from ..registry import Problem, rule

HEADING = re.compile(r"^H([1-6])$")
EMBEDDED = ("/FontFile", "/FontFile2", "/FontFile3")
SIMPLE_ENCODINGS = ("/WinAnsiEncoding", "/MacRomanEncoding", "/MacExpertEncoding")


def _document() -> Location:
    return Location(element="/Root")


@rule(
    "pdf-readable",
    target="pdf",
    severity="error",
    summary="The file opens as a PDF without a password",
    fix="Save the PDF again without a password to open it.",
    references=[pdfua("7.16", "Security")],
)
def readable(document: PdfFile) -> Iterator[Problem]:
    """Reported when the file cannot be opened; the other rules need it open."""
    return iter(())


@rule(
    "pdf-tagged",
    target="pdf",
    severity="error",
    summary="The PDF is tagged: `/MarkInfo /Marked true` and a structure tree",
    fix='Export a tagged PDF (WeasyPrint: pdf_variant="pdf/ua-1"; word processors: '
    "'tagged PDF' / 'accessibility' option).",
    references=[
        wcag("1.3.1"),
        pdfua("7.1", "General: tagged content"),
        matterhorn("01-005", "Content neither marked as artifact nor tagged"),
    ],
)
def tagged(document: PdfFile) -> Iterator[Problem]:
    """Without tags a screen reader gets no headings, no reading order and no alt text."""
    mark_info = document.catalog.get("/MarkInfo")
    marked: object = mark_info.get("/Marked") if isinstance(mark_info, pikepdf.Dictionary) else None
    if marked is not True:
        yield Problem("the catalog has no /MarkInfo /Marked true", _document())
    if "/StructTreeRoot" not in document.catalog or not document.elements:
        yield Problem("the PDF has no structure tree (no tags)", _document())


@rule(
    "pdf-lang",
    target="pdf",
    severity="error",
    summary="The catalog names the document's language (`/Lang`, BCP 47)",
    fix="Set /Lang in the catalog (WeasyPrint takes it from <html lang>).",
    references=[wcag("3.1.1"), matterhorn("11-001", "Natural language cannot be determined")],
)
def lang(document: PdfFile) -> Iterator[Problem]:
    """Screen readers pick their voice from the document language."""
    value = document.catalog.get("/Lang")
    text = str(value).strip() if value is not None else ""
    if not text:
        yield Problem("the catalog has no /Lang", _document())
    elif not is_well_formed_tag(text):
        yield Problem(f"/Lang {text!r} is not a BCP 47 tag", _document())


@rule(
    "pdf-title",
    target="pdf",
    severity="error",
    summary="The PDF has a title (XMP `dc:title`) shown as the window title (DisplayDocTitle)",
    fix="Set the title in the metadata and /ViewerPreferences /DisplayDocTitle true.",
    references=[
        wcag("2.4.2"),
        matterhorn("06-003", "XMP metadata does not contain dc:title"),
        matterhorn("07-001", "ViewerPreferences has no DisplayDocTitle true"),
    ],
)
def title(document: PdfFile) -> Iterator[Problem]:
    """The title, not the file name, is what the window and a screen reader announce."""
    title_text = ""
    try:
        with document.pdf.open_metadata() as xmp:
            title_text = str(xmp.get("dc:title") or "").strip()
    except Exception:  # XMP is untrusted XML; a broken packet counts as no title
        title_text = ""
    if not title_text:
        info_title = (
            document.pdf.docinfo.get("/Title") if document.pdf.trailer.get("/Info") else None
        )
        where = "has /Title only in the Info dictionary" if info_title else "has no title"
        yield Problem(f"the PDF {where}: no dc:title in its XMP metadata", _document())
    preferences = document.catalog.get("/ViewerPreferences")
    shown: object = (
        preferences.get("/DisplayDocTitle") if isinstance(preferences, pikepdf.Dictionary) else None
    )
    if shown is not True:
        yield Problem("/ViewerPreferences /DisplayDocTitle is not true", _document())


@rule(
    "pdf-figure-alt",
    target="pdf",
    severity="error",
    summary="Every Figure has alternative text (`/Alt`)",
    fix="Give each figure alt text (in HTML: the img's alt before converting).",
    references=[wcag("1.1.1"), matterhorn("13-004", "Figure tag alternative text missing")],
)
def figure_alt(document: PdfFile) -> Iterator[Problem]:
    """A figure without /Alt is skipped or announced as "graphic"."""
    for element in document.elements:
        if element.type == "Figure" and not (element.alt or element.actual_text or "").strip():
            yield Problem("a Figure has no /Alt", Location(element=element.path, page=element.page))


@rule(
    "pdf-heading-order",
    target="pdf",
    severity="error",
    summary="The first heading is H1 and heading levels do not skip",
    fix="Tag the headline H1 and the subheadings H2, H3… in order.",
    references=[
        wcag("1.3.1"),
        matterhorn("14-002", "First numbered heading is not H1"),
        matterhorn("14-003", "Numbered heading levels are skipped"),
    ],
)
def heading_order(document: PdfFile) -> Iterator[Problem]:
    """Screen reader users navigate a PDF by its heading tags."""
    previous: int | None = None
    for element in document.elements:
        match = HEADING.match(element.type)
        if not match:
            continue
        level = int(match.group(1))
        where = Location(element=element.path, page=element.page)
        if previous is None and level != 1:
            yield Problem(f"the first heading is H{level}, not H1", where)
        elif previous is not None and level > previous + 1:
            yield Problem(f"H{level} follows H{previous}: a level is skipped", where)
        previous = level


def _fonts(document: PdfFile) -> Iterator[tuple[int, str, pikepdf.Dictionary]]:
    seen: set[tuple[int, int]] = set()
    for number, page in enumerate(document.pdf.pages, start=1):
        resources = page.obj.get("/Resources")
        fonts = resources.get("/Font") if isinstance(resources, pikepdf.Dictionary) else None
        if not isinstance(fonts, pikepdf.Dictionary):
            continue
        for _, font in fonts.items():
            if not isinstance(font, pikepdf.Dictionary):
                continue
            if font.is_indirect:
                if font.objgen in seen:
                    continue
                seen.add(font.objgen)
            yield number, str(font.get("/BaseFont", "(unnamed)"))[1:], font


def _descendant(font: pikepdf.Dictionary) -> pikepdf.Dictionary:
    descendants = font.get("/DescendantFonts")
    if isinstance(descendants, pikepdf.Array) and len(descendants):
        first = descendants[0]
        if isinstance(first, pikepdf.Dictionary):
            return first
    return font


@rule(
    "pdf-fonts-embedded",
    target="pdf",
    severity="error",
    summary="Every font used on a page is embedded",
    fix="Embed the fonts when exporting (WeasyPrint always does; check other tools' settings).",
    references=[pdfua("7.21.4", "Embedding"), matterhorn("31-009", "Font program not embedded")],
)
def fonts_embedded(document: PdfFile) -> Iterator[Problem]:
    """A font that is not embedded may be replaced, and text can render or extract wrongly."""
    for page, name, font in _fonts(document):
        if font.get("/Subtype") == pikepdf.Name.Type3:
            continue
        descriptor = _descendant(font).get("/FontDescriptor")
        if not isinstance(descriptor, pikepdf.Dictionary) or not any(
            k in descriptor for k in EMBEDDED
        ):
            yield Problem(f"font {name} is not embedded", Location(page=page, element=name))


@rule(
    "pdf-text-extractable",
    target="pdf",
    severity="error",
    summary="Text can be extracted: every font maps to Unicode and the PDF allows extraction",
    fix="Export with fonts that carry a ToUnicode map; do not forbid text extraction.",
    references=[
        wcag("1.3.1"),
        matterhorn("10-001", "Character code cannot be mapped to Unicode"),
        matterhorn("26-002", "Encryption forbids extraction for accessibility"),
    ],
)
def text_extractable(document: PdfFile) -> Iterator[Problem]:
    """Assistive technology reads the text through its Unicode mapping."""
    if document.pdf.is_encrypted and not document.pdf.allow.accessibility:
        yield Problem("the encryption forbids text extraction for accessibility", _document())
    for page, name, font in _fonts(document):
        if "/ToUnicode" in font or font.get("/Subtype") == pikepdf.Name.Type3:
            continue
        encoding = font.get("/Encoding")
        if font.get("/Subtype") != pikepdf.Name.Type0 and (
            encoding in SIMPLE_ENCODINGS or isinstance(encoding, pikepdf.Dictionary)
        ):
            continue
        yield Problem(f"font {name} has no ToUnicode map", Location(page=page, element=name))


@rule(
    "pdf-bookmarks",
    target="pdf",
    severity="warning",
    summary="A PDF with headings has bookmarks (an outline)",
    fix="Export with bookmarks from headings (WeasyPrint makes them from h1–h6).",
    references=[wcag("2.4.5"), pdf_technique("PDF2", "Creating bookmarks in PDF documents")],
)
def bookmarks(document: PdfFile) -> Iterator[Problem]:
    """Bookmarks are the table of contents a PDF reader shows beside the pages."""
    headings = [e for e in document.elements if HEADING.match(e.type)]
    outlines = document.catalog.get("/Outlines")
    has_outline = isinstance(outlines, pikepdf.Dictionary) and "/First" in outlines
    if len(headings) > 1 and not has_outline:
        yield Problem(f"the PDF has {len(headings)} headings but no bookmarks", _document())


@rule(
    "pdf-ua-identifier",
    target="pdf",
    severity="warning",
    summary="The XMP metadata declares PDF/UA (`pdfuaid:part`)",
    fix="Declare pdfuaid:part 1 in the XMP metadata once the file meets PDF/UA-1.",
    references=[matterhorn("06-002", "XMP metadata does not include the PDF/UA identifier")],
)
def ua_identifier(document: PdfFile) -> Iterator[Problem]:
    """The identifier tells readers and validators which rules the file claims to meet."""
    part = None
    try:
        with document.pdf.open_metadata() as xmp:
            part = xmp.get("pdfuaid:part")
    except Exception:  # untrusted XMP: a broken packet declares nothing
        part = None
    if not part:
        yield Problem("the XMP metadata has no pdfuaid:part", _document())
