"""Mend WeasyPrint's structure tree where PDF/UA-1 asks for more.

Runs as WeasyPrint's ``finisher`` (after tagging, before the file is written),
on the pydyf objects. What it mends (docs/pdf.md lists each with its check):

- page-margin boxes (running header, page numbers) become pagination artifacts,
  and decorative images (empty alt) plain artifacts;
- elements cut by page breaks (one ``Art`` per page, a paragraph split across
  two pages) become one element again; a table split across pages becomes one
  ``Table`` with one ``THead`` and its rows in one ``TBody`` (a row cut by the
  page break one ``TR`` with its cells), and the header (and footer) rows that
  WeasyPrint repeats on each later page become pagination artifacts;
- the anonymous wrappers layout adds inside an element are dissolved, and so
  are the ``span.nf-nowrap`` that keep a hyphenated or Korean word on one line;
- text in another language (``lang`` on an element) gets ``/Lang``;
- abbreviations become ``Span`` with their expansion in ``/E``;
- a ``figure`` (photo or quotation with its caption) becomes a ``Div`` that
  groups ``Figure`` and ``Caption``: the caption follows the figure, as the PDF
  Association's Tagged PDF Best Practice Guide recommends for PDF 1.7 (inside the
  Figure, screen readers would skip it for the /Alt);
- each link becomes one Link element holding all its annotations, whatever the
  lines, pages and elements it spans (:mod:`newsformats.pdf.links`), and its
  annotations get an alternate description (/Contents) made from its text;
- runs of text with format characters that glyphs do not carry (the zero-width
  non-joiner of Persian) get them back in /ActualText;
- raised marks (the tanwin of تقریباً) copy out with their letter
  (:mod:`newsformats.pdf.marks`), format characters (the ZWNJ) from the page
  too (:mod:`newsformats.pdf.formatchars`), and right-to-left ligatures
  (lam-alef) in the right order (:mod:`newsformats.pdf.tounicode`);
- each line of shaped left-to-right text whose glyphs do not copy out as its
  letters (Devanagari, Thai) gets them in /ActualText on its marked content
  (:mod:`newsformats.pdf.actualtext`).
"""

from __future__ import annotations

import unicodedata
from typing import Any

import pydyf  # type: ignore[import-untyped]

from ..errors import EngineError
from .actualtext import give_actual_text
from .artifacts import REPEATED, make_artifacts
from .codes import cid_fonts, write_codes
from .formatchars import restore_format_characters
from .links import join_links
from .marks import attach_raised_marks
from .objects import marked_content, resolve
from .origins import TEXT, Node, Origin, walk_document
from .tounicode import fix_rtl_ligatures

REPEATED_GROUPS = ("THead", "TFoot")
"""Row groups WeasyPrint repeats on each page a table spans."""
CONTINUED_PAST_SIBLINGS = ("/Table", "/TR")
CELLS = ("/TD", "/TH")
NOWRAP = "nf-nowrap"
SCOPES = {"col": "/Column", "colgroup": "/Column", "row": "/Row", "rowgroup": "/Row"}
"""Where a piece continues an earlier sibling, not only the one before it.

The next page's body rows follow the first page's footer, and a row cut by the
page break starts again with its first cell after its last one.
"""


def fix_structure(document: Any, pdf: Any) -> None:
    """Apply every mend to the tagged ``pdf`` that WeasyPrint made from ``document``."""
    nodes = pair_origins(pdf, walk_document(document))
    by_reference = {node.element.reference: node for node in nodes}
    _artifacts(pdf, nodes)
    join_links(pdf, nodes)
    root = resolve(pdf, resolve(pdf, pdf.catalog["StructTreeRoot"])["K"][0])
    _merge_pieces(pdf, root, by_reference)
    for node in nodes:
        _retag(pdf, node)
        _keep_format_characters(node)
    for node in nodes:
        _wrap_list_body(pdf, node.element)
    fonts = cid_fonts(pdf)
    attach_raised_marks(pdf, fonts)
    texts = _texts_by_marked_content(nodes)
    restore_format_characters(pdf, fonts, texts)
    give_actual_text(pdf, fonts, texts)
    write_codes(pdf, fonts)
    fix_rtl_ligatures(pdf)


def _texts_by_marked_content(nodes: list[Node]) -> dict[tuple[int, int], str]:
    """The layout's text of each run of article text, by (page index, MCID)."""
    texts = {}
    for node in nodes:
        origin = node.origin
        mcids = list(marked_content(node.element))
        if origin.tag == TEXT and origin.margin is None and origin.text and len(mcids) == 1:
            texts[origin.page, mcids[0]] = origin.text
    return texts


def pair_origins(pdf: Any, origins: list[Origin]) -> list[Node]:
    """Pair the structure elements, in creation order, with the origins of the layout walk."""
    elements = [
        obj
        for obj in pdf.objects
        if isinstance(obj, pydyf.Dictionary) and obj.get("Type") == "/StructElem"
    ][1:]  # the first is the /Document root
    tags = [f"/{'Span' if origin.tag == TEXT else origin.tag}" for origin in origins]
    if [element["S"] for element in elements] != tags:
        raise EngineError(
            "the PDF structure tree does not match the layout (unsupported WeasyPrint version?)"
        )
    return [Node(element, origin) for element, origin in zip(elements, origins, strict=True)]


def _artifacts(pdf: Any, nodes: list[Node]) -> None:
    contents: dict[int, dict[int, str | None]] = {}
    groups = _repeated_groups(nodes)
    copies = _inside(nodes, groups)
    for node in nodes:
        origin = node.origin
        if node.element.reference in copies:
            page = contents.setdefault(origin.page, {})
            for mcid in marked_content(node.element):
                page[mcid] = REPEATED
            # Only annotations stay (a link's, joined to the link in the first header).
            node.element["K"] = pydyf.Array(k for k in node.element["K"] if isinstance(k, bytes))
            continue
        decorative = origin.tag == "Figure" and _is_decorative(origin.element)
        if origin.margin is None and not decorative:
            continue
        page = contents.setdefault(origin.page, {})
        for mcid in marked_content(node.element):
            page[mcid] = origin.margin
        if decorative:
            parent = resolve(pdf, node.element["P"])
            parent["K"] = pydyf.Array(k for k in parent["K"] if k != node.element.reference)
    for group in groups:
        parent = resolve(pdf, resolve(pdf, group)["P"])
        parent["K"] = pydyf.Array(k for k in parent["K"] if k != group)
    if groups:
        _name_first_headers(nodes, copies)
    make_artifacts(pdf, contents)


def _repeated_groups(nodes: list[Node]) -> set[bytes]:
    """The table header and footer row groups WeasyPrint repeats on each page after the first.

    WeasyPrint lays out a ``thead`` (``tfoot``) whole or not at all, on every
    page the table spans: a second piece is a copy, not a continuation. The
    copies are taken out of their tables here.
    """
    seen: set[tuple[int, str | None]] = set()
    repeated: set[bytes] = set()
    for node in nodes:
        origin = node.origin
        if origin.tag in REPEATED_GROUPS and origin.margin is None and origin.element is not None:
            if origin.key in seen:
                repeated.add(node.element.reference)
            seen.add(origin.key)
    return repeated


def _inside(nodes: list[Node], groups: set[bytes]) -> set[bytes]:
    """``groups`` and every element inside them (WeasyPrint makes a parent before its kids)."""
    found = set(groups)
    if groups:
        for node in nodes:
            if node.element.get("P") in found:
                found.add(node.element.reference)
    return found


def _name_first_headers(nodes: list[Node], copies: set[bytes]) -> None:
    """Point cells at the header cells of the table's first header, not at their copies.

    WeasyPrint names header cells (``/ID``) and lists them in each cell's
    ``/Headers`` per page the table spans.
    """
    first: dict[tuple[int, str | None], Any] = {}
    renamed: dict[str, Any] = {}
    for node in nodes:
        if "ID" not in node.element or node.origin.element is None:
            continue
        if node.element.reference not in copies:
            first.setdefault(node.origin.key, node.element["ID"])
        elif node.origin.key in first:
            renamed[str(node.element["ID"])] = first[node.origin.key]
    for node in nodes:
        attributes = node.element.get("A")
        if isinstance(attributes, dict) and "Headers" in attributes:
            attributes["Headers"] = pydyf.Array(
                renamed.get(str(header), header) for header in attributes["Headers"]
            )


def _is_decorative(element: Any) -> bool:
    return element is not None and element.tag == "img" and element.get("alt") == ""


def _merge_pieces(pdf: Any, parent: Any, by_reference: dict[bytes, Node]) -> None:
    """Join consecutive pieces of one box, dissolve anonymous copies of the parent, drop empties."""
    parent_key = (
        by_reference[parent.reference].origin.key if parent.reference in by_reference else None
    )
    kids: list[Any] = []
    for kid in parent["K"]:
        node = by_reference.get(kid) if isinstance(kid, bytes) else None
        if node is None or not _holds_only_elements(node.element):
            kids.append(kid)
            continue
        if (
            node.origin.key == parent_key and node.origin.element is not None
        ) or _is_layout_wrapper(node.origin):
            _adopt(pdf, parent, node.element, kids)
            continue
        previous = _previous_piece(kids, node, by_reference, parent.get("S"))
        if (
            previous is not None
            and previous.origin.element is not None
            and previous.origin.key == node.origin.key
            and _holds_only_elements(previous.element)
        ):
            _adopt(pdf, previous.element, node.element, previous.element["K"])
            continue
        kids.append(kid)
    for kid in kids:
        if isinstance(kid, bytes) and kid in by_reference:
            _merge_pieces(pdf, by_reference[kid].element, by_reference)
    # A group left empty (a decorative image's figure) says nothing: drop it. An
    # empty table cell still holds its place in the row (pdf-tables counts columns).
    parent["K"] = pydyf.Array(
        kid
        for kid in kids
        if not (
            isinstance(kid, bytes)
            and kid in by_reference
            and not by_reference[kid].element["K"]
            and by_reference[kid].element.get("S") not in CELLS
        )
    )


def _is_layout_wrapper(origin: Origin) -> bool:
    """A ``span.nf-nowrap`` (pdf/page.py keeps a word on one line with it): no structure of its own.

    A Korean article has one per word; as elements they would double the tree's Spans.
    """
    element = origin.element
    if origin.tag != "Span" or element is None or not hasattr(element, "get"):
        return False
    return NOWRAP in (element.get("class") or "").split()


def _previous_piece(
    kids: list[Any], node: Node, by_reference: dict[bytes, Node], parent_tag: str | None
) -> Node | None:
    """The kid that ``node`` may continue: the one before it, or in a table the last of its box."""
    candidates = kids[::-1] if parent_tag in CONTINUED_PAST_SIBLINGS else kids[-1:]
    for kid in candidates:
        previous = by_reference.get(kid) if isinstance(kid, bytes) else None
        if previous is not None and previous.origin.key == node.origin.key:
            return previous
    return by_reference.get(kids[-1]) if kids and isinstance(kids[-1], bytes) else None


def _holds_only_elements(element: Any) -> bool:
    return all(isinstance(kid, bytes) for kid in element["K"])


def _adopt(pdf: Any, parent: Any, piece: Any, kids: list[Any]) -> None:
    """Move the children of ``piece`` to the end of ``kids`` (the children of ``parent``)."""
    for kid in piece["K"]:
        resolve(pdf, kid)["P"] = parent.reference
        kids.append(kid)
    piece["K"] = pydyf.Array()


def _retag(pdf: Any, node: Node) -> None:
    element, origin = node.element, node.origin
    source = origin.element
    if source is None or origin.margin is not None:
        return
    language = source.get("lang")
    if language:
        element["Lang"] = pydyf.String(language)
    if origin.element_tag == "abbr" and source.get("title"):
        element["S"] = "/Span"
        element["E"] = pydyf.String(source.get("title"))
    elif origin.element_tag == "figure":
        element["S"] = "/Div"
    elif origin.element_tag == "th" and source.get("scope") in SCOPES:
        _give_scope(element, SCOPES[source.get("scope")])
    elif origin.tag == "Link":
        for kid in element["K"]:
            reference = resolve(pdf, kid) if isinstance(kid, bytes) else None
            if reference is not None and reference.get("Type") == "/OBJR":
                annotation = resolve(pdf, reference["Obj"])
                annotation["Contents"] = pydyf.String(_link_description(source))


def _give_scope(element: Any, scope: str) -> None:
    """The HTML header cell's ``scope`` as the TH's Table attribute ``Scope`` (ISO 32000-1 14.8.5).

    WeasyPrint lists ``Headers`` on data cells only; an empty data cell (a
    league table's top-left corner) has none and nothing above it, so without
    ``Scope`` the table's headers cannot be determined (PDF/UA-1 7.5).
    """
    attributes = element.get("A")
    if not isinstance(attributes, dict) or attributes.get("O") != "/Table":
        attributes = pydyf.Dictionary({"O": "/Table"})
        element["A"] = attributes
    attributes["Scope"] = scope


def _keep_format_characters(node: Node) -> None:
    """Give a run of text its exact characters when glyphs cannot carry them (ZWNJ in Persian).

    Set on the structure element only: poppler reverses right-to-left
    ``/ActualText`` met in the content stream, so page-text extraction keeps
    the glyphs' text while assistive technology reads the exact words.
    """
    text = node.origin.text
    if node.origin.tag != TEXT or node.origin.margin is not None or not text:
        return
    if any(unicodedata.category(char) == "Cf" for char in text):
        node.element["ActualText"] = pydyf.String(text)


def _link_description(anchor: Any) -> str:
    text = " ".join("".join(anchor.itertext()).split())
    title = anchor.get("title")
    if title and title != text:
        text = f"{text} ({title})" if text else title
    return text or anchor.get("href", "")


def _wrap_list_body(pdf: Any, element: Any) -> None:
    """Put the elements an ``LI`` holds besides ``Lbl``/``LBody`` into one ``LBody``.

    WeasyPrint tags a list item's text as a ``Span`` right under ``LI``; PDF/UA-1
    (ISO 32000-1 Table 336, veraPDF 7.2-t20, ``newsformats check``'s
    ``pdf-structure-nesting``) allows only ``Lbl`` and ``LBody`` there.
    """
    if element.get("S") != "/LI":
        return
    loose = [
        kid
        for kid in element["K"]
        if isinstance(kid, bytes) and resolve(pdf, kid).get("S") not in ("/Lbl", "/LBody")
    ]
    if not loose or any(isinstance(kid, int) for kid in element["K"]):
        return
    body = pydyf.Dictionary(
        {"Type": "/StructElem", "S": "/LBody", "P": element.reference, "K": pydyf.Array()}
    )
    pdf.add_object(body)
    for kid in loose:
        resolve(pdf, kid)["P"] = body.reference
        body["K"].append(kid)
    kept = [kid for kid in element["K"] if kid not in loose]
    element["K"] = pydyf.Array([*kept, body.reference])
