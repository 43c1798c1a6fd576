"""Rules for PDFs: tagged PDF/UA-1 as the Matterhorn Protocol checks it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pikepdf
from lxml import etree

from ..findings import Location
from ..loaders import Unreadable
from ..loaders.epub import parse_xml
from ..loaders.pdf import PdfFile, StructElement, page_contents
from ..references import matterhorn, pdf_technique, pdfua, wcag
from ..registry import Problem, rule
from ..tags import tag_problem
from .pdf_glyphs import notdef_codes, width_mismatches

HEADING = re.compile(r"^H([1-6])$")
# A language tag as PDF/UA-1 asks for it (RFC 3066 syntax, as veraPDF checks it);
# BCP 47 and the IANA registry are judged by pdf-lang-registry.
RFC3066 = re.compile(r"^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")
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
    mirrors=["pdfua/7.16", "matterhorn/26-001"],
)
def readable(document: PdfFile) -> Iterator[Problem]:
    """Reported when the file cannot be opened; the other rules need it open."""
    return iter(())


# The versions of ISO 32000-1, which PDF/UA-1 files conform to (PDF/UA-1 6.1).
PDF_1_VERSIONS = {f"1.{minor}" for minor in range(8)}


@rule(
    "pdf-version",
    target="pdf",
    severity="error",
    summary="The file header says PDF 1.0 to 1.7 (ISO 32000-1)",
    fix="Save as PDF 1.7 (PDF/UA-1 builds on ISO 32000-1; PDF 2.0 files are PDF/UA-2's).",
    references=[pdfua("6.1", "Conformance requirements: General")],
    mirrors=["pdfua/6.1"],
)
def version(document: PdfFile) -> Iterator[Problem]:
    """A version past 1.7 (or before 1.0) is not ISO 32000-1, which PDF/UA-1 requires.

    As veraPDF's rule 6.1-1, the header only: a catalog ``/Version`` is not judged.
    """
    header = document.pdf.pdf_version
    if header not in PDF_1_VERSIONS:
        yield Problem(f"the file header says PDF {header}, not 1.0 to 1.7", _document())


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
    mirrors=["pdfua/6.2", "pdfua/7.1", "matterhorn/01-005"],
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
    summary="The language of all text can be determined: `/Lang` in the catalog, or on every "
    "structure element that holds text; every `/Lang` a valid BCP 47 tag",
    fix="Set /Lang in the catalog (WeasyPrint takes it from <html lang>).",
    references=[wcag("3.1.1"), matterhorn("11-001", "Natural language cannot be determined")],
    mirrors=["pdfua/7.2", "matterhorn/11-001"],
)
def lang(document: PdfFile) -> Iterator[Problem]:
    """Screen readers pick their voice from the document language.

    As in PDF/UA-1 (and veraPDF), a catalog without ``/Lang`` is enough to fail
    only when some content, alternative text or metadata then has no language.
    """
    value = document.catalog.get("/Lang")
    text = str(value).strip() if value is not None else ""
    if text:
        if not RFC3066.match(text):
            yield Problem(f"/Lang {text!r} is not a language tag", _document())
    else:
        marked = any(p.lang_marked for p in page_contents(document))
        missing = [
            e
            for e in document.elements
            if not (e.inherited_lang or "").strip()
            and ((e.has_content and not marked) or e.alt or e.actual_text or e.expansion)
        ]
        if missing or not document.elements:
            where = (
                Location(element=missing[0].path, page=missing[0].page) if missing else _document()
            )
            yield Problem("the catalog has no /Lang and some text has no language", where)
        elif _outlines(document):
            yield Problem("the catalog has no /Lang: the bookmarks have no language", _document())
    for element in document.elements:
        if element.lang and element.lang.strip() and not RFC3066.match(element.lang.strip()):
            yield Problem(
                f"/Lang {element.lang!r} is not a language tag",
                Location(element=element.path, page=element.page),
            )


@rule(
    "pdf-lang-registry",
    target="pdf",
    severity="warning",
    summary="Every `/Lang` names languages, scripts and regions of the IANA registry",
    fix="Use a registered tag: fa-AF, not fa-XX or 'persian'.",
    references=[wcag("3.1.1"), wcag("3.1.2")],
    mirrors=["newsformats"],
)
def lang_registry(document: PdfFile) -> Iterator[Problem]:
    """A well-formed tag with an unknown subtag (``nl-1234abcd``) picks no voice.

    A warning: PDF/UA-1 (and veraPDF) ask only for the syntax of RFC 3066.
    """
    value = document.catalog.get("/Lang")
    candidates = [(str(value).strip(), _document())] if value is not None else []
    candidates += [
        (e.lang.strip(), Location(element=e.path, page=e.page)) for e in document.elements if e.lang
    ]
    for tag, where in candidates:
        if tag and RFC3066.match(tag):
            problem = tag_problem(tag)
            if problem:
                yield Problem(f"/Lang: {problem}", where)


def _outlines(document: PdfFile) -> bool:
    outlines = document.catalog.get("/Outlines")
    return isinstance(outlines, pikepdf.Dictionary) and "/First" in outlines


def _xmp(document: PdfFile) -> etree._Element | None:
    if "xmp" in document.cache:
        cached: etree._Element | None = document.cache["xmp"]
        return cached
    root = None
    metadata = document.catalog.get("/Metadata")
    if isinstance(metadata, pikepdf.Stream):
        try:
            root = parse_xml(metadata.read_bytes().strip(b"\x00 \r\n\t"), "the XMP metadata")
        except (Unreadable, pikepdf.PdfError, ValueError):
            root = None
    document.cache["xmp"] = root
    return root


DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"


def _xmp_title(document: PdfFile) -> str:
    """The XMP packet's ``dc:title`` (any language), read as the file has it.

    Read from the packet's bytes (``_xmp``), not through pikepdf's ``open_metadata``,
    whose context writes the packet back (marking pikepdf as its producer and syncing
    the Info dictionary): a check must not change what the next rule reads. A broken
    packet counts as no title.
    """
    root = _xmp(document)
    if root is None:
        return ""
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue  # a comment or processing instruction
        # the element (an rdf:Alt of languages), or an attribute of an rdf:Description
        if node.tag == DC_TITLE:
            text = "".join(str(part) for part in node.itertext())
        else:
            text = str(node.get(DC_TITLE) or "")
        if text.strip():
            return " ".join(text.split())
    return ""


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
    mirrors=["pdfua/7.1", "matterhorn/06-003", "matterhorn/07-001"],
)
def title(document: PdfFile) -> Iterator[Problem]:
    """The title, not the file name, is what the window and a screen reader announce."""
    if not _xmp_title(document):
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
    mirrors=["pdfua/7.3", "matterhorn/13-004"],
)
def figure_alt(document: PdfFile) -> Iterator[Problem]:
    """A figure without /Alt is skipped or announced as "graphic".

    As PDF/UA-1 7.3 (and veraPDF) read it, an ``/ActualText`` entry, even empty, is the
    figure's replacement text; blank texts are left to ``pdf-alternative-blank``.
    """
    for element in document.elements:
        if element.type == "Figure" and not _has_alternative(element):
            yield Problem("a Figure has no /Alt", Location(element=element.path, page=element.page))


def _has_alternative(element: StructElement) -> bool:
    """``/Alt`` that is not empty, or any ``/ActualText``: PDF/UA-1 7.3 and 7.7."""
    return bool(element.alt) or element.actual_text is not None


@rule(
    "pdf-alternative-blank",
    target="pdf",
    severity="warning",
    summary="A Figure or Formula whose only alternative is blank (`/ActualText ()`) is "
    "an artifact, not content",
    fix="Write what the figure or formula says, or mark a decorative picture as an Artifact.",
    references=[
        wcag("1.1.1"),
        matterhorn("13-004", "Figure tag alternative or replacement text missing"),
        matterhorn("17-002", "Formula tag is missing an Alt attribute"),
    ],
    mirrors=["newsformats"],
)
def alternative_blank(document: PdfFile) -> Iterator[Problem]:
    """PDF/UA-1 accepts an empty ``/ActualText`` as a replacement, but it is read as nothing.

    Deliberately stricter than veraPDF, hence a warning: a tagged figure or formula
    promises content, and a blank alternative gives the listener none.
    """
    for element in document.elements:
        if element.type not in ("Figure", "Formula") or not _has_alternative(element):
            continue
        if not (element.alt or "").strip() and not (element.actual_text or "").strip():
            yield Problem(
                f"the {element.type}'s alternative text is blank",
                Location(element=element.path, page=element.page),
            )


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
    mirrors=["pdfua/7.4.2", "matterhorn/14-002", "matterhorn/14-003"],
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
    mirrors=["pdfua/7.21.4", "matterhorn/31-009"],
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
    mirrors=["pdfua/7.21.7", "pdfua/7.16", "matterhorn/10-001"],
)
def text_extractable(document: PdfFile) -> Iterator[Problem]:
    """Assistive technology reads the text through its Unicode mapping.

    A composite font with a predefined CJK CMap (``UniJIS-UCS2-H``…), or whose
    CIDFont uses one of Adobe's CJK character collections (``Adobe-Japan1``…, also
    under ``Identity-H``), needs no ToUnicode: ISO 32000-1 9.10.2 maps its codes
    through the collection's UCS2 CMap, which PDF/UA-1 7.21.7 accepts.
    """
    if document.pdf.is_encrypted and not document.pdf.allow.accessibility:
        yield Problem("the encryption forbids text extraction for accessibility", _document())
    for page, name, font in _fonts(document):
        if "/ToUnicode" in font or font.get("/Subtype") == pikepdf.Name.Type3:
            continue
        encoding = font.get("/Encoding")
        if (
            font.get("/Subtype") == pikepdf.Name.Type0
            and isinstance(encoding, pikepdf.Name)
            and not str(encoding).startswith("/Identity")
            and is_predefined_cmap(str(encoding)[1:])
        ):
            continue  # a predefined CJK CMap maps to Unicode through its ordering (7.21.7)
        if font.get("/Subtype") == pikepdf.Name.Type0 and _cjk_collection(_descendant(font)):
            continue  # the CIDs of an Adobe CJK collection map to Unicode (9.10.2)
        if font.get("/Subtype") != pikepdf.Name.Type0 and (
            encoding in SIMPLE_ENCODINGS or isinstance(encoding, pikepdf.Dictionary)
        ):
            continue
        yield Problem(f"font {name} has no ToUnicode map", Location(page=page, element=name))


# The character collections whose CIDs map to Unicode by a predefined UCS2 CMap
# (ISO 32000-1 9.10.2; ``KR`` is Adobe-KR, the successor of Adobe-Korea1).
CJK_COLLECTIONS = ("GB1", "CNS1", "Japan1", "Korea1", "KR")


def _cjk_collection(cid_font: pikepdf.Dictionary) -> bool:
    info = cid_font.get("/CIDSystemInfo")
    if not isinstance(info, pikepdf.Dictionary):
        return False
    return str(info.get("/Registry", "")) == "Adobe" and (
        str(info.get("/Ordering", "")) in CJK_COLLECTIONS
    )


@rule(
    "pdf-bookmarks",
    target="pdf",
    severity="warning",
    summary="A PDF with headings has bookmarks (an outline)",
    fix="Export with bookmarks from headings (WeasyPrint makes them from h1–h6).",
    references=[wcag("2.4.5"), pdf_technique("PDF2", "Creating bookmarks in PDF documents")],
    mirrors=["newsformats"],
)
def bookmarks(document: PdfFile) -> Iterator[Problem]:
    """Bookmarks are the table of contents a PDF reader shows beside the pages."""
    headings = [e for e in document.elements if HEADING.match(e.type)]
    outlines = document.catalog.get("/Outlines")
    has_outline = isinstance(outlines, pikepdf.Dictionary) and "/First" in outlines
    if len(headings) > 1 and not has_outline:
        yield Problem(f"the PDF has {len(headings)} headings but no bookmarks", _document())


PDFUAID = "http://www.aiim.org/pdfua/ns/id/"


@rule(
    "pdf-ua-identifier",
    target="pdf",
    severity="error",
    summary="The XMP metadata declares PDF/UA-1 (`pdfuaid:part` 1, with the `pdfuaid` prefix)",
    fix="Declare pdfuaid:part 1 in the XMP metadata once the file meets PDF/UA-1.",
    references=[matterhorn("06-002", "XMP metadata does not include the PDF/UA identifier")],
    mirrors=["pdfua/5", "matterhorn/06-002"],
)
def ua_identifier(document: PdfFile) -> Iterator[Problem]:
    """The identifier tells readers and validators which rules the file claims to meet.

    An error, as in veraPDF: without it a file is not a PDF/UA file at all.
    """
    root = _xmp(document)
    values: list[tuple[str, str, str | None]] = []  # (property, value, prefix)
    if root is not None:
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            qname = etree.QName(element)
            if qname.namespace == PDFUAID:
                values.append((qname.localname, (element.text or "").strip(), element.prefix))
            for name, value in element.attrib.items():
                attribute = etree.QName(name)
                if attribute.namespace == PDFUAID:
                    prefix = next(
                        (p for p, ns in (element.nsmap or {}).items() if ns == PDFUAID), None
                    )
                    values.append((attribute.localname, str(value).strip(), prefix))
    parts = [v for v in values if v[0] == "part"]
    if not parts:
        yield Problem("the XMP metadata has no pdfuaid:part", _document())
    for prop, value, prefix in values:
        if prop == "part" and value != "1":
            yield Problem(f"pdfuaid:part is {value!r}, not 1", _document())
        if prefix not in (None, "pdfuaid"):
            yield Problem(
                f"the PDF/UA identifier's {prop} uses the prefix {prefix!r}, not 'pdfuaid'",
                _document(),
            )


@rule(
    "pdf-content-tagged",
    target="pdf",
    severity="error",
    summary="All page content is tagged or marked as an artifact, and the two never nest",
    fix="Export a tagged PDF in which headers, footers and decorations are artifacts.",
    references=[
        pdfua("7.1", "General: tagged content"),
        matterhorn("01-005", "Content neither marked as artifact nor tagged"),
        matterhorn("01-001", "Artifact is tagged as real content"),
        matterhorn("01-002", "Tagged content is marked as artifact"),
    ],
    mirrors=["pdfua/7.1", "matterhorn/01-001", "matterhorn/01-002", "matterhorn/01-005"],
)
def content_tagged(document: PdfFile) -> Iterator[Problem]:
    """Untagged text is read out of order, or not at all, by assistive technology."""
    if "/StructTreeRoot" not in document.catalog:
        return  # pdf-tagged says it once
    for page in page_contents(document):
        where = Location(page=page.page)
        if page.untagged:
            yield Problem(
                f"{page.untagged} painting operators are neither tagged nor artifacts", where
            )
        if page.artifact_in_tagged:
            yield Problem("an artifact is marked inside tagged content", where)
        if page.tagged_in_artifact:
            yield Problem("tagged content is marked inside an artifact", where)


STANDARD_TYPES = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl",
    "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note",
    "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT",
    "WP", "Figure", "Formula", "Form",
}  # fmt: skip


@rule(
    "pdf-structure-types",
    target="pdf",
    severity="error",
    summary="Every structure type is standard or role-mapped to one; standard types are not "
    "remapped; the file is not marked `Suspects`",
    fix="Map each custom tag to a standard one in /RoleMap, without cycles.",
    references=[
        pdfua("7.1", "General: structure types"),
        matterhorn("02-001", "Non-standard tag's mapping does not terminate with a standard type"),
        matterhorn("02-003", "A circular mapping exists"),
        matterhorn("02-004", "One or more standard types are remapped"),
        matterhorn("01-004", "Suspects value is true"),
    ],
    mirrors=["pdfua/7.1", "matterhorn/02-001", "matterhorn/02-003", "matterhorn/02-004"],
)
def structure_types(document: PdfFile) -> Iterator[Problem]:
    """A type a screen reader does not know is read as plain text, or not at all."""
    mark_info = document.catalog.get("/MarkInfo")
    suspects: object = (
        mark_info.get("/Suspects") if isinstance(mark_info, pikepdf.Dictionary) else None
    )
    if suspects is True:
        yield Problem("/MarkInfo /Suspects is true: the tags may be wrong", _document())
    for name in document.role_map:
        if name in STANDARD_TYPES:
            yield Problem(f"the standard type {name} is remapped", _document())
    reported: set[str] = set()
    for element in document.elements:
        if element.type not in STANDARD_TYPES and element.raw_type not in reported:
            reported.add(element.raw_type)
            yield Problem(
                f"the type {element.raw_type} is not mapped to a standard type",
                Location(element=element.path, page=element.page),
            )


# parent type -> the kid types it may hold; kid type -> the parents it may have (PDF/UA-1 7.2)
ALLOWED_KIDS = {
    "Table": {"TR", "THead", "TBody", "TFoot", "Caption"},
    "TR": {"TH", "TD"},
    "THead": {"TR"},
    "TBody": {"TR"},
    "TFoot": {"TR"},
    "L": {"L", "LI", "Caption"},
    "LI": {"Lbl", "LBody"},
    "TOC": {"TOC", "TOCI", "Caption"},
}
ALLOWED_PARENTS = {
    "TR": {"Table", "THead", "TBody", "TFoot"},
    "THead": {"Table"},
    "TBody": {"Table"},
    "TFoot": {"Table"},
    "TH": {"TR"},
    "TD": {"TR"},
    "LI": {"L"},
    "LBody": {"LI"},
    "TOCI": {"TOC"},
}


@rule(
    "pdf-structure-nesting",
    target="pdf",
    severity="error",
    summary="Tables, lists and tables of contents are nested as PDF/UA-1 requires",
    fix="Tag tables Table > (THead|TBody|TFoot) > TR > TH|TD, lists L > LI > Lbl|LBody, "
    "TOC > TOCI.",
    references=[
        wcag("1.3.1"),
        pdfua("7.2", "Text: structure"),
        matterhorn("09-004", "A table-related structure element is used improperly"),
        matterhorn("09-005", "A list-related structure element is used improperly"),
        matterhorn("09-006", "A TOC-related structure element is used improperly"),
    ],
    mirrors=["pdfua/7.2", "matterhorn/09-004", "matterhorn/09-005", "matterhorn/09-006"],
)
def structure_nesting(document: PdfFile) -> Iterator[Problem]:
    """A table or list tagged wrongly is announced without its rows, cells or items."""
    for element in document.elements:
        where = Location(element=element.path, page=element.page)
        allowed = ALLOWED_KIDS.get(element.type)
        if allowed is not None:
            wrong = sorted({k for k in element.kid_types if k not in allowed})
            if wrong:
                yield Problem(f"{element.type} holds {', '.join(wrong)}", where)
        parents = ALLOWED_PARENTS.get(element.type)
        if parents is not None and element.parent_type not in parents:
            yield Problem(f"{element.type} is inside {element.parent_type or 'nothing'}", where)
        kids = list(element.kid_types)
        if element.type == "Table":
            for part in ("THead", "TFoot", "Caption"):
                if kids.count(part) > 1:
                    yield Problem(f"the Table has {kids.count(part)} {part}", where)
            if ("THead" in kids or "TFoot" in kids) and "TBody" not in kids:
                yield Problem("the Table has THead or TFoot but no TBody", where)
            if "Caption" in kids[1:-1]:
                yield Problem("the Table's Caption is neither first nor last", where)
        if element.type in ("L", "TOC") and "Caption" in kids[1:]:
            yield Problem(f"the {element.type}'s Caption is not its first kid", where)


@rule(
    "pdf-heading-h",
    target="pdf",
    severity="error",
    summary="Unnumbered `H` headings: at most one per structure node, and never mixed with H1–H6",
    fix="Use H1–H6 throughout (WeasyPrint does), or one H per section.",
    references=[
        wcag("1.3.1"),
        pdfua("7.4.4", "Unnumbered headings"),
        matterhorn("14-006", "A node contains more than one H tag"),
        matterhorn("14-007", "Document uses both H and H# tags"),
    ],
    mirrors=["pdfua/7.4.4", "matterhorn/14-006", "matterhorn/14-007"],
)
def heading_h(document: PdfFile) -> Iterator[Problem]:
    """Two H in one section leave a screen reader unable to tell which heads it."""
    numbered = any(HEADING.match(e.type) for e in document.elements)
    for element in document.elements:
        count = element.kid_types.count("H")
        if count > 1:
            yield Problem(
                f"{element.type} holds {count} H headings",
                Location(element=element.path, page=element.page),
            )
    unnumbered = [e for e in document.elements if e.type == "H"]
    if numbered and unnumbered:
        first = unnumbered[0]
        yield Problem(
            "the document mixes H with H1–H6", Location(element=first.path, page=first.page)
        )


@rule(
    "pdf-alt-formula-note",
    target="pdf",
    severity="error",
    summary="Formulas have alternative text; every Note has a unique `/ID`",
    fix="Give each Formula /Alt (or /ActualText) and each Note an /ID of its own.",
    references=[
        pdfua("7.7", "Mathematical expressions"),
        pdfua("7.9", "Notes and references"),
        matterhorn("17-002", "Formula tag is missing an Alt attribute"),
        matterhorn("19-003", "ID entry of the Note tag is not present"),
        matterhorn("19-004", "ID entry of the Note tag is non-unique"),
    ],
    mirrors=["pdfua/7.7", "pdfua/7.9", "matterhorn/17-002", "matterhorn/19-003"],
)
def alt_formula_note(document: PdfFile) -> Iterator[Problem]:
    """A formula without words is silence; a note without an id cannot be reached from its mark."""
    seen: set[str] = set()
    for element in document.elements:
        where = Location(element=element.path, page=element.page)
        if element.type == "Formula" and not _has_alternative(element):
            yield Problem("a Formula has no /Alt", where)
        if element.type == "Note":
            if not (element.ident or "").strip():
                yield Problem("a Note has no /ID", where)
            elif element.ident in seen:
                yield Problem(f"the Note /ID {element.ident!r} is used twice", where)
            else:
                seen.add(element.ident or "")


def _media_clips(obj: object, depth: int = 0) -> Iterator[pikepdf.Dictionary]:
    """Media clip data dictionaries in ``obj`` and its direct (not indirect) values."""
    if depth > 12:
        return
    values: list[object] = []
    if isinstance(obj, pikepdf.Dictionary):
        if obj.get("/Type") == pikepdf.Name.MediaClip and obj.get("/S") == pikepdf.Name.MCD:
            yield obj
        values = [v for _, v in obj.items()]
    elif isinstance(obj, pikepdf.Array):
        values = list(obj)
    for value in values:
        if isinstance(value, pikepdf.Dictionary | pikepdf.Array) and not value.is_indirect:
            yield from _media_clips(value, depth + 1)


def _annotations(document: PdfFile) -> Iterator[tuple[int, pikepdf.Dictionary, bool]]:
    for number, page in enumerate(document.pdf.pages, start=1):
        annots = page.obj.get("/Annots")
        if not isinstance(annots, pikepdf.Array):
            continue
        box = page.obj.get("/CropBox") or page.obj.get("/MediaBox")
        for annot in annots:
            if isinstance(annot, pikepdf.Dictionary):
                flags = annot.get("/F")
                hidden = isinstance(flags, int) and bool(int(flags) & 2)
                yield number, annot, hidden or _outside(annot.get("/Rect"), box)


def _outside(rect: object, box: object) -> bool:
    """True when an annotation's rectangle lies wholly outside the page's crop box."""
    try:
        x0, y0, x1, y1 = (float(v) for v in rect)  # type: ignore[attr-defined]
        bx0, by0, bx1, by1 = (float(v) for v in box)  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        return False
    left, right = min(x0, x1), max(x0, x1)
    bottom, top = min(y0, y1), max(y0, y1)
    return right < bx0 or left > bx1 or top < by0 or bottom > by1


@rule(
    "pdf-annotations",
    target="pdf",
    severity="error",
    summary="Annotations are tagged (Link, Annot, Form) and described, and pages with them "
    "set the tab order (`/Tabs /S`)",
    fix="Tag each link in a Link element with /Contents; set /Tabs /S on every page.",
    references=[
        wcag("2.4.4"),
        pdfua("7.18", "Annotations"),
        matterhorn("28-002", "An annotation is not nested inside an Annot tag"),
        matterhorn("28-004", "An annotation has no Contents or alternate description"),
        matterhorn("28-011", "A link annotation is not nested within a Link tag"),
        matterhorn("28-012", "A link annotation has no Contents"),
        matterhorn("09-004", "Tabs key is not S"),
    ],
    mirrors=["pdfua/7.18", "matterhorn/28-002", "matterhorn/28-011", "matterhorn/28-012"],
)
def annotations_tagged(document: PdfFile) -> Iterator[Problem]:
    """Links and notes outside the structure cannot be reached in reading order."""
    tagged: dict[tuple[int, int], str] = {}
    described: set[tuple[int, int]] = set()
    for element in document.elements:
        for objgen in element.annotations:
            tagged[objgen] = element.type
            if (element.alt or "").strip():
                described.add(objgen)
    pages_with_annots: set[int] = set()
    for number, annot, hidden in _annotations(document):
        subtype = str(annot.get("/Subtype", ""))[1:]
        where = Location(page=number, element=f"/Annots {subtype}")
        pages_with_annots.add(number)
        if subtype == "TrapNet" and not hidden:
            yield Problem("a TrapNet annotation is not allowed in PDF/UA", where)
        if hidden or subtype in ("Popup", "TrapNet"):
            continue
        parent = tagged.get(annot.objgen) if annot.is_indirect else None
        contents = str(annot.get("/Contents", "")).strip()
        if subtype == "PrinterMark":
            if parent is not None:
                yield Problem("a PrinterMark annotation is tagged (it is an artifact)", where)
            continue
        if subtype == "Link":
            if parent != "Link":
                yield Problem("a link annotation is not in a Link element", where)
            if not contents:
                yield Problem("a link annotation has no /Contents", where)
        elif subtype == "Widget":
            if parent != "Form":
                yield Problem("a form field is not in a Form element", where)
            # /TU names a field: the widget's own when it is merged with its field
            # (has /T), else its /Parent's (ISO 32000-1 12.7.3.1; as veraPDF reads it).
            field = annot if "/T" in annot else annot.get("/Parent")
            field_name = (
                str(field.get("/TU", "")).strip() if isinstance(field, pikepdf.Dictionary) else ""
            )
            if not field_name and annot.objgen not in described:
                yield Problem("a form field has no /TU and its widget no /Alt", where)
        else:
            if parent != "Annot":
                yield Problem(f"a {subtype} annotation is not in an Annot element", where)
            if not contents and annot.objgen not in described:
                yield Problem(f"a {subtype} annotation has no /Contents or /Alt", where)
    for number in sorted(pages_with_annots):
        tabs = document.pdf.pages[number - 1].obj.get("/Tabs")
        if tabs != pikepdf.Name.S:
            yield Problem(
                f"page {number} has annotations but /Tabs is not /S", Location(page=number)
            )


@rule(
    "pdf-embedded",
    target="pdf",
    severity="error",
    summary="Embedded files are named (`/F` and `/UF`), optional content configurations are "
    "named, there are no reference XObjects, and a form XObject whose content has MCIDs "
    "is drawn once",
    fix="Give attached files /F and /UF names; name each optional content configuration; "
    "draw tagged content once per copy (a form XObject's MCIDs belong to one place).",
    references=[
        pdfua("7.10", "Optional content"),
        pdfua("7.11", "Embedded files"),
        pdfua("7.20", "XObjects"),
        matterhorn("20-001", "Name entry is missing in an optional content configuration"),
        matterhorn("21-001", "The file specification dictionary lacks F or UF"),
        matterhorn("30-001", "A reference XObject is present"),
    ],
    mirrors=["pdfua/7.10", "pdfua/7.11", "pdfua/7.18.6.2", "pdfua/7.18.7", "pdfua/7.20"],
)
def embedded(document: PdfFile) -> Iterator[Problem]:
    """A nameless attachment or layer cannot be told apart by a screen reader user."""
    properties = document.catalog.get("/OCProperties")
    if isinstance(properties, pikepdf.Dictionary):
        configs = [properties.get("/D")]
        more = properties.get("/Configs")
        if isinstance(more, pikepdf.Array):
            configs += list(more)
        for config in configs:
            if not isinstance(config, pikepdf.Dictionary):
                continue
            if not str(config.get("/Name", "")).strip():
                yield Problem("an optional content configuration has no /Name", _document())
            if "/AS" in config:
                yield Problem("an optional content configuration has an /AS entry", _document())
    for obj in document.pdf.objects:
        if not isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            continue
        if isinstance(obj, pikepdf.Dictionary) and "/EF" in obj:
            if not (str(obj.get("/F", "")).strip() and str(obj.get("/UF", "")).strip()):
                yield Problem("an embedded file's specification lacks /F or /UF", _document())
        elif (
            isinstance(obj, pikepdf.Stream)
            and obj.get("/Subtype") == pikepdf.Name.Form
            and "/Ref" in obj
        ):
            yield Problem("a reference XObject is present", _document())
        for clip in _media_clips(obj):
            alt = clip.get("/Alt")
            texts = [str(a).strip() for a in alt][1::2] if isinstance(alt, pikepdf.Array) else []
            if "/CT" not in clip or not any(texts):
                yield Problem("a media clip has no /CT or no /Alt text", _document())
    # A form's marked content belongs to one structure parent (its /StructParents):
    # drawn twice, the same MCIDs would stand for two places on the pages.
    drawn: Counter[tuple[int, int]] = Counter()
    marked: set[tuple[int, int]] = set()
    for content in page_contents(document):
        for form, has_mcids in content.forms:
            drawn[form] += 1
            if has_mcids:
                marked.add(form)
    for form in sorted(marked):
        if drawn[form] > 1:
            yield Problem(
                f"the form XObject {form[0]} {form[1]} R has MCIDs and is drawn {drawn[form]} "
                "times",
                _document(),
            )


# The CMaps a PDF may name without embedding them (ISO 32000-1, 9.7.5.2, Table 118).
PREDEFINED_CMAPS = {
    "GB-EUC", "GBpc-EUC", "GBK-EUC", "GBKp-EUC", "GBK2K", "UniGB-UCS2", "UniGB-UTF16",
    "B5pc", "HKscs-B5", "ETen-B5", "ETenms-B5", "CNS-EUC", "UniCNS-UCS2", "UniCNS-UTF16",
    "83pv-RKSJ", "90ms-RKSJ", "90msp-RKSJ", "90pv-RKSJ", "Add-RKSJ", "EUC", "Ext-RKSJ", "",
    "UniJIS-UCS2", "UniJIS-UCS2-HW", "UniJIS-UTF16", "KSC-EUC", "KSCms-UHC", "KSCms-UHC-HW",
    "KSCpc-EUC", "UniKS-UCS2", "UniKS-UTF16", "Identity",
}  # fmt: skip
FORBIDDEN_UNICODE = re.compile(rb"<\s*(0000|fffe|feff)\s*>", re.IGNORECASE)


def is_predefined_cmap(name: str) -> bool:
    """True for the CMaps of Table 118 (``UniJIS-UCS2-H``, ``Identity-V``, ``H``…).

    >>> is_predefined_cmap("UniJIS-UCS2-H"), is_predefined_cmap("Custom-H")
    (True, False)
    """
    if name in ("H", "V"):
        return True
    base, _, direction = name.rpartition("-")
    return direction in ("H", "V") and base in PREDEFINED_CMAPS


@rule(
    "pdf-fonts-wellformed",
    target="pdf",
    severity="error",
    summary="Fonts are as PDF/UA-1 asks: CID fonts with their CIDToGIDMap and matching CMaps, "
    "embedded CMaps that use only predefined ones, TrueType encodings by their symbolic flag, "
    "no ToUnicode entry to U+0000, U+FFFE, U+FEFF",
    fix="Export with fonts embedded by a PDF/UA-aware tool (WeasyPrint's are).",
    references=[
        pdfua("7.21", "Fonts"),
        matterhorn("31-003", "CIDSystemInfo of a Type 0 font and its CMap differ"),
        matterhorn("31-006", "A Type 2 CIDFont has no CIDToGIDMap"),
        matterhorn("31-007", "A CMap that is not predefined is not embedded"),
        matterhorn("31-016", "A non-symbolic TrueType font has no standard encoding"),
        matterhorn("31-018", "A ToUnicode entry maps to U+0000, U+FEFF or U+FFFE"),
    ],
    mirrors=["pdfua/7.21.3", "pdfua/7.21.6", "pdfua/7.21.7"],
)
def fonts_wellformed(document: PdfFile) -> Iterator[Problem]:
    """A font whose codes cannot be mapped reliably makes text unreadable when extracted."""
    for page, name, font in _fonts(document):
        where = Location(page=page, element=name)
        subtype = font.get("/Subtype")
        if subtype == pikepdf.Name.Type0:
            yield from _composite(font, name, where)
        elif subtype == pikepdf.Name.TrueType:
            descriptor = font.get("/FontDescriptor")
            flags = descriptor.get("/Flags") if isinstance(descriptor, pikepdf.Dictionary) else 0
            symbolic = bool(int(flags or 0) & 4)
            encoding = font.get("/Encoding")
            if isinstance(encoding, pikepdf.Dictionary):
                encoding = encoding.get("/BaseEncoding")
            if symbolic and font.get("/Encoding") is not None:
                yield Problem(f"the symbolic TrueType font {name} has an /Encoding", where)
            if not symbolic and encoding not in (
                pikepdf.Name.WinAnsiEncoding,
                pikepdf.Name.MacRomanEncoding,
            ):
                yield Problem(
                    f"the non-symbolic TrueType font {name} has no WinAnsi or MacRoman encoding",
                    where,
                )
            yield from _truetype_tables(font, name, symbolic, where)
        to_unicode = font.get("/ToUnicode")
        if isinstance(to_unicode, pikepdf.Stream):
            try:
                data = to_unicode.read_bytes()
            except pikepdf.PdfError:
                data = b""
            if _maps_to_forbidden(data):
                yield Problem(
                    f"the ToUnicode map of {name} maps a code to U+0000, U+FFFE or U+FEFF", where
                )


@rule(
    "pdf-notdef",
    target="pdf",
    severity="error",
    summary="No text operator shows the `.notdef` glyph",
    fix="Use a font that has every character of the text; embed it again when it was "
    "subset without some of them.",
    references=[
        wcag("1.1.1"),
        pdfua("7.21.8", "Use of .notdef glyph"),
    ],
    mirrors=["pdfua/7.21.8"],
)
def notdef(document: PdfFile) -> Iterator[Problem]:
    """A ``.notdef`` glyph is an empty box or nothing on the page: no one can read it."""
    for font, visible, invisible in shown_by_font(document).values():
        codes = notdef_codes(font, visible | invisible)
        if codes:
            name = str(font.get("/BaseFont", "(unnamed)"))[1:]
            shown = ", ".join(f"{c:#x}" for c in codes[:5])
            yield Problem(
                f"text in the font {name} shows the .notdef glyph (codes {shown})",
                Location(element=name),
            )


@rule(
    "pdf-font-widths",
    target="pdf",
    severity="error",
    summary="The widths of the glyphs shown agree with the embedded TrueType program's "
    "(`/Widths`, `/W`) within one unit in 1000",
    fix="Embed the font again with a PDF/UA-aware tool; do not edit /Widths by hand.",
    references=[
        pdfua("7.21.5", "Font metrics"),
    ],
    mirrors=["pdfua/7.21.5"],
)
def font_widths(document: PdfFile) -> Iterator[Problem]:
    """Wrong widths misplace the glyphs, so text is extracted with words run together.

    As veraPDF, only visible text counts (rendering mode 3, invisible, is left out).
    """
    for font, visible, _ in shown_by_font(document).values():
        wrong = width_mismatches(font, visible)
        if wrong:
            name = str(font.get("/BaseFont", "(unnamed)"))[1:]
            code, stated, actual = wrong[0]
            yield Problem(
                f"the font {name} gives {len(wrong)} glyphs another width than its program "
                f"(code {code:#x}: {stated:g}, the program {actual:g})",
                Location(element=name),
            )


def shown_by_font(
    document: PdfFile,
) -> dict[object, tuple[pikepdf.Dictionary, set[bytes], set[bytes]]]:
    """The strings shown in each font on all pages: (font, visible, invisible)."""
    fonts: dict[object, tuple[pikepdf.Dictionary, set[bytes], set[bytes]]] = {}
    for content in page_contents(document):
        for key, (font, visible, invisible) in content.shown.items():
            entry = fonts.setdefault(key, (font, set(), set()))
            entry[1].update(visible)
            entry[2].update(invisible)
    return fonts


def _truetype_tables(
    font: pikepdf.Dictionary, name: str, symbolic: bool, where: Location
) -> Iterator[Problem]:
    """The encoding's glyph names and the embedded program's cmap (PDF/UA-1 7.21.6)."""
    from fontTools.agl import toUnicode  # type: ignore[import-untyped]

    encoding = font.get("/Encoding")
    differences = encoding.get("/Differences") if isinstance(encoding, pikepdf.Dictionary) else None
    if not symbolic and isinstance(differences, pikepdf.Array):
        unknown = [
            str(g)[1:]
            for g in differences
            if isinstance(g, pikepdf.Name) and not toUnicode(str(g)[1:])
        ]
        if unknown:
            yield Problem(
                f"the TrueType font {name} names glyphs outside the Adobe Glyph List "
                f"({', '.join(unknown[:3])})",
                where,
            )
    descriptor = font.get("/FontDescriptor")
    program = descriptor.get("/FontFile2") if isinstance(descriptor, pikepdf.Dictionary) else None
    if not isinstance(program, pikepdf.Stream):
        return
    try:
        import io

        from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

        cmap = TTFont(io.BytesIO(program.read_bytes()), lazy=True).get("cmap")
        tables = [(t.platformID, t.platEncID) for t in cmap.tables] if cmap is not None else []
    except Exception:  # a program fontTools cannot read is judged by other rules
        return
    has_30 = (3, 0) in tables
    if not symbolic and not (len(tables) > 1 if has_30 else tables):
        yield Problem(f"the non-symbolic TrueType font {name} has no Unicode cmap", where)
    if symbolic and len(tables) != 1 and not has_30:
        yield Problem(f"the symbolic TrueType font {name} has no (3,0) cmap", where)


def _composite(font: pikepdf.Dictionary, name: str, where: Location) -> Iterator[Problem]:
    descendant = _descendant(font)
    encoding = font.get("/Encoding")
    descriptor = descendant.get("/FontDescriptor")
    embedded = isinstance(descriptor, pikepdf.Dictionary) and "/FontFile2" in descriptor
    cid_to_gid = descendant.get("/CIDToGIDMap")
    if (
        descendant.get("/Subtype") == pikepdf.Name.CIDFontType2
        and embedded
        and not (isinstance(cid_to_gid, pikepdf.Stream) or cid_to_gid == pikepdf.Name.Identity)
    ):
        yield Problem(
            f"the CIDFontType2 font {name} has no /CIDToGIDMap (Identity or a stream)", where
        )
    if isinstance(encoding, pikepdf.Name):
        if not is_predefined_cmap(str(encoding)[1:]):
            yield Problem(f"the CMap {encoding} of {name} is not predefined nor embedded", where)
    elif isinstance(encoding, pikepdf.Stream):
        cmap_info = encoding.get("/CIDSystemInfo")
        font_info = descendant.get("/CIDSystemInfo")
        if isinstance(cmap_info, pikepdf.Dictionary) and isinstance(font_info, pikepdf.Dictionary):
            for key in ("/Registry", "/Ordering"):
                if str(cmap_info.get(key, "")) != str(font_info.get(key, "")):
                    yield Problem(
                        f"the CIDSystemInfo {key[1:]} of {name} differs from its CMap's", where
                    )
                    break
            else:
                try:
                    newer = int(font_info.get("/Supplement", 0)) > int(
                        cmap_info.get("/Supplement", 0)
                    )
                except (TypeError, ValueError):
                    newer = False
                if newer:
                    yield Problem(
                        f"the CIDSystemInfo Supplement of {name} is above its CMap's", where
                    )
        used = encoding.get("/UseCMap")
        if isinstance(used, pikepdf.Stream):
            used = used.get("/CMapName")
        if isinstance(used, pikepdf.Name) and not is_predefined_cmap(str(used)[1:]):
            yield Problem(
                f"the CMap of {name} uses the CMap {used}, which is not predefined", where
            )
        wmode = encoding.get("/WMode")
        if wmode is not None:
            try:
                text = encoding.read_bytes()
            except pikepdf.PdfError:
                text = b""
            found = re.search(rb"/WMode\s+(\d)", text)
            if found and int(found.group(1)) != int(wmode):
                yield Problem(f"the CMap of {name} states two different WModes", where)


def _maps_to_forbidden(data: bytes) -> bool:
    """True when a bfchar or bfrange destination of a ToUnicode CMap is U+0000/FFFE/FEFF."""
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for _, destination in re.findall(rb"<([0-9a-fA-F\s]+)>\s*<([0-9a-fA-F\s]+)>", block):
            if FORBIDDEN_UNICODE.match(b"<" + destination.strip() + b">"):
                return True
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for match in re.finditer(
            rb"<[0-9a-fA-F\s]+>\s*<[0-9a-fA-F\s]+>\s*<([0-9a-fA-F\s]+)>", block
        ):
            if FORBIDDEN_UNICODE.match(b"<" + match.group(1).strip() + b">"):
                return True
    return False


@rule(
    "pdf-actual-text",
    target="pdf",
    severity="warning",
    summary="The page text says what the structure's `/ActualText` says",
    fix="Use a font whose ToUnicode map is right (see docs/pdf.md), so that copied text "
    "and the replacement text agree.",
    references=[wcag("1.3.1"), matterhorn("10-001", "Character code cannot be mapped to Unicode")],
    mirrors=["newsformats"],
)
def actual_text(document: PdfFile) -> Iterator[Problem]:
    """Copied or extracted text that differs from /ActualText is the lam-alef kind of error.

    A screen reader reads the replacement text, but a reader who copies the text,
    searches it or has it read by another tool gets the page's letters. A
    warning: /ActualText may also replace content on purpose (a drop cap, a logo).

    Layout analysis may read a run set apart in size or place (a chapter's big
    number beside its title, a drop cap) before or after its neighbours, so the
    words need not stand in the replacement's order: each must be on the page as
    often as the replacement says it.
    """
    wanted = [e for e in document.elements if (e.actual_text or "").strip() and e.page]
    if not wanted:
        return
    from ..loaders.outputs import contains, pdf_text, words_of

    pages: dict[int, list[str]] = {}
    for element in wanted[:200]:
        number = element.page or 1
        if number not in pages:
            try:
                pages[number] = words_of(pdf_text(document.file, number))
            except Exception:  # an extraction failure is judged by the other rules
                return
        expected = words_of(element.actual_text or "")
        if (
            expected
            and not contains(pages[number], expected)
            and not _has_all(pages[number], expected)
        ):
            yield Problem(
                f"the page text does not contain the /ActualText {element.actual_text!r}",
                Location(element=element.path, page=element.page),
            )


def _has_all(words: list[str], part: list[str]) -> bool:
    """True when every word of ``part`` is among ``words``, as often, in any order."""
    return not Counter(part) - Counter(words)


@rule(
    "pdf-font-subsets",
    target="pdf",
    severity="error",
    summary="A subset font's `CharSet` or `CIDSet` lists every glyph its font program holds",
    fix="Write the subset again with a tool that keeps CharSet/CIDSet in step (or drop them).",
    references=[
        pdfua("7.21.4.2", "Subset embedding"),
        matterhorn("31-011", "CharSet does not list all glyphs of a Type 1 subset"),
        matterhorn("31-012", "CIDSet does not identify all CIDs of a CID subset"),
    ],
    mirrors=["pdfua/7.21.4.2", "matterhorn/31-011", "matterhorn/31-012"],
)
def font_subsets(document: PdfFile) -> Iterator[Problem]:
    """A wrong glyph list makes validators and some readers treat glyphs as missing."""
    for page, name, font in _fonts(document):
        descendant = _descendant(font)
        descriptor = descendant.get("/FontDescriptor")
        if not isinstance(descriptor, pikepdf.Dictionary) or not SUBSET.match(name):
            continue
        where = Location(page=page, element=name)
        try:
            missing = _subset_gap(descendant, descriptor)
        except Exception:  # a font program we cannot parse is judged by other rules
            continue
        if missing:
            yield Problem(
                f"the {missing} of {name} does not match the glyphs of its font program", where
            )


SUBSET = re.compile(r"^[A-Z]{6}\+")


def _subset_gap(font: pikepdf.Dictionary, descriptor: pikepdf.Dictionary) -> str | None:
    import io

    charset = descriptor.get("/CharSet")
    cidset = descriptor.get("/CIDSet")
    if charset is not None and "/FontFile3" in descriptor:
        from fontTools.cffLib import CFFFontSet  # type: ignore[import-untyped]

        cff = CFFFontSet()
        cff.decompile(io.BytesIO(descriptor["/FontFile3"].read_bytes()), None)
        glyphs = set(cff[cff.fontNames[0]].charset) - {".notdef"}
        listed = {g for g in str(charset).split("/") if g}
        return "CharSet" if glyphs != listed - {".notdef"} else None
    if isinstance(cidset, pikepdf.Stream):
        bits = cidset.read_bytes()
        present: set[int] = set()
        if "/FontFile2" in descriptor and font.get("/CIDToGIDMap") == pikepdf.Name.Identity:
            from fontTools.ttLib import TTFont

            count = len(
                TTFont(io.BytesIO(descriptor["/FontFile2"].read_bytes()), lazy=True).getGlyphOrder()
            )
            present = set(range(1, count))
        elif "/FontFile3" in descriptor:
            from fontTools.cffLib import CFFFontSet

            cff = CFFFontSet()
            cff.decompile(io.BytesIO(descriptor["/FontFile3"].read_bytes()), None)
            names = cff[cff.fontNames[0]].charset
            present = {int(n[3:]) for n in names if n.startswith("cid") and n[3:].isdigit()}
            present.discard(0)
        for cid in present:
            byte = cid // 8
            if byte >= len(bits) or not bits[byte] & (0x80 >> (cid % 8)):
                return "CIDSet"
    return None


@rule(
    "pdf-tables",
    target="pdf",
    severity="error",
    summary="Every table cell is tied to its headers (TH `Scope`, or `Headers` that name TH ids), "
    "and every row spans the same number of columns",
    fix='Give header cells a Scope (Column, Row or Both; in HTML <th scope="col">), or give '
    "data cells Headers with the ids of their header cells.",
    references=[
        wcag("1.3.1"),
        pdfua("7.5", "Tables"),
        matterhorn(
            "15-003",
            "In a table not organized with Headers attributes and IDs, a TH "
            "cell does not contain a Scope attribute",
        ),
        matterhorn("15-005", "A given cell's header cannot be unambiguously determined"),
    ],
    mirrors=["pdfua/7.5", "pdfua/7.2", "matterhorn/15-003", "matterhorn/15-005"],
)
def tables(document: PdfFile) -> Iterator[Problem]:
    """A screen reader announces a cell with its headers; untied cells are numbers without names.

    As veraPDF reads 7.5 for PDF/UA-1: a regular table whose header cells all have
    a ``Scope`` is organised by scope (Matterhorn 15-003) and passes; otherwise
    each data cell needs ``Headers`` naming the ids of the table's header cells, or
    a header cell scoped to it above it in its column or left of it in its row.
    """
    elements = document.elements
    for table in (e for e in elements if e.type == "Table"):
        rows = [
            e
            for e in elements
            if e.type == "TR"
            and e.path.startswith(table.path + "[")
            and "/Table" not in e.path[len(table.path) :]
        ]
        grid: dict[tuple[int, int], StructElement] = {}
        origins: dict[tuple[int, int], StructElement] = {}
        widths: list[int] = []
        for r, row in enumerate(rows):
            column = 0
            for cell in (e for e in elements if e.type in ("TH", "TD") and _is_kid(e, row)):
                while (r, column) in grid:
                    column += 1
                origins[(r, column)] = cell
                for dr in range(int(cell.table.get("RowSpan", 1))):
                    for dc in range(int(cell.table.get("ColSpan", 1))):
                        grid[(r + dr, column + dc)] = cell
                column += int(cell.table.get("ColSpan", 1))
            widths.append(max([c + 1 for (rr, c) in grid if rr == r], default=0))
        where = Location(element=table.path, page=table.page)
        if len(set(widths)) > 1:
            yield Problem(f"the table's rows span different numbers of columns: {widths}", where)
            continue
        headers_cells = [c for c in origins.values() if c.type == "TH"]
        if all(str(c.table.get("Scope", "")).lstrip("/") for c in headers_cells):
            continue  # organised by scope
        ids = {c.ident for c in headers_cells if c.ident}
        for (r, c), cell in sorted(origins.items()):
            if cell.type != "TD":
                continue
            headers = cell.table.get("Headers") or []
            unknown = [h for h in headers if h not in ids]
            if (headers and not unknown) or _has_header(grid, cell, r, c):
                continue
            if unknown:
                yield Problem(f"a cell's Headers name no TH: {', '.join(unknown[:3])}", where)
            else:
                yield Problem(f"the cell in row {r + 1}, column {c + 1} has no header", where)
            break


def _is_kid(element: StructElement, parent: StructElement) -> bool:
    rest = element.path[len(parent.path) :]
    return element.path.startswith(parent.path + "[") and rest.count("/") == 1


def _has_header(
    grid: dict[tuple[int, int], StructElement], cell: StructElement, row: int, column: int
) -> bool:
    """A TH scoped to the cell above it in one of its columns or left of it in one of its rows.

    Walking away from the cell, the search stops at the first data cell after a run of
    header cells, as veraPDF's does.
    """
    rows = range(row, row + int(cell.table.get("RowSpan", 1)))
    columns = range(column, column + int(cell.table.get("ColSpan", 1)))
    lines = [[(r, c) for r in range(row - 1, -1, -1)] for c in columns]
    wanted = ["Column"] * len(lines)
    lines += [[(r, c) for c in range(column - 1, -1, -1)] for r in rows]
    wanted += ["Row"] * len(rows)
    for line, scope_wanted in zip(lines, wanted, strict=True):
        seen_header = False
        for position in line:
            other = grid.get(position)
            if other is not None and other.type == "TH":
                scope = str(other.table.get("Scope", "")).lstrip("/")
                if scope in (scope_wanted, "Both"):
                    return True
                seen_header = True
            elif seen_header:
                break
    return False
