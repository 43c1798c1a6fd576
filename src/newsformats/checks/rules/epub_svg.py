"""SVG in EPUB 3, as EPUBCheck's SVG schemas assert it (part of ``epub-structure``).

EPUBCheck's ``epub-svg-forgiving-inc.rnc`` (for SVG documents and SVG embedded in
XHTML) and ``epub-svg-30.rnc`` report RSC-005 for: a ``foreignObject`` that holds
other than HTML flow content (an SVG document's may hold one HTML ``body``
instead); an SVG ``title`` that holds other than one HTML ``html`` or ``body`` or
HTML flow content; ``epub:`` attributes other than ``epub:type`` (and
``epub:prefix`` on an SVG document's root), ``epub:type`` on elements that do not
allow it; and, in an SVG document, an ``id`` used twice (``xsd:ID``). The markup is
read again with its namespaces (the pages' trees have theirs dropped), only for
documents with SVG.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ...safe_xml import parse_xml_bytes
from ..findings import Location
from ..loaders import Unreadable
from ..loaders.epub import EpubBook, child_elements, is_ncname
from ..registry import Problem
from .epub_schema import HTML_ELEMENTS

SVG_NS = "http://www.w3.org/2000/svg"
XHTML_NS = "http://www.w3.org/1999/xhtml"
MATHML_NS = "http://www.w3.org/1998/Math/MathML"
EPUB_NS = "http://www.idpf.org/2007/ops"
SVG_TYPE = "image/svg+xml"
# HTML elements that are not flow content (validator.nu's common.elem.flow leaves them out)
NOT_FLOW = frozenset({
    "html", "head", "body", "title", "base", "link", "meta", "style", "li", "dt", "dd", "tr",
    "td", "th", "thead", "tbody", "tfoot", "caption", "colgroup", "col", "option",
    "optgroup", "legend", "summary", "figcaption", "param", "source", "track", "rp", "rt",
    "rb", "rtc", "area", "case", "default",
})  # fmt: skip
# SVG elements that may carry epub:type (svg.renderable.elem)
EPUB_TYPE_ALLOWED = frozenset({
    "a", "audio", "canvas", "circle", "ellipse", "g", "iframe", "image", "line", "path",
    "polygon", "polyline", "rect", "svg", "switch", "symbol", "text", "textPath", "tspan",
    "unknown", "use", "video",
})  # fmt: skip


def svg_content(book: EpubBook) -> Iterator[Problem]:
    """SVG documents and the SVG in XHTML documents against EPUBCheck's SVG schemas."""
    if not (book.package.get("version") or "").startswith("3"):
        return
    members = [
        (p.member, False)
        for p in book.pages
        if p.member and next(p.root.iter("svg"), None) is not None
    ]
    members += [(i.path, True) for i in book.local_items(SVG_TYPE)]
    for member, document in members:
        try:
            root = parse_xml_bytes(book.read(member), remove_comments=True)
        except (Unreadable, etree.XMLSyntaxError):
            continue  # reported as not well-formed elsewhere
        for message in _problems(root, document):
            yield Problem(message, Location(member=member))
            break


def _problems(root: etree._Element, document: bool) -> Iterator[str]:
    svg_roots = [root] if document else list(root.iter(f"{{{SVG_NS}}}svg"))
    seen: set[str] = set()
    for svg_root in svg_roots:
        for element in _svg_elements(svg_root):
            name = etree.QName(element).localname
            for attribute in element.attrib:
                qname = etree.QName(attribute)
                if qname.namespace != EPUB_NS:
                    continue
                if qname.localname == "prefix" and document and element is root:
                    continue
                if qname.localname != "type":
                    yield f"the SVG element <{name}> may not have epub:{qname.localname}"
                elif name not in EPUB_TYPE_ALLOWED:
                    yield f"the SVG element <{name}> may not have epub:type"
            ident = element.get("id")
            if document and ident is not None:
                if not is_ncname(ident):
                    yield f"the id {ident!r} is no XML name without colons"
                if ident in seen:
                    yield f"the id {ident!r} is used twice"
                seen.add(ident)
            if name == "foreignObject":
                yield from _foreign_object(element, document)
            elif name == "title":
                yield from _title(element)


def _svg_elements(svg_root: etree._Element) -> Iterator[etree._Element]:
    """The SVG elements of an SVG tree, not those inside its foreignObject or title."""
    stack = [svg_root]
    while stack:
        element = stack.pop()
        yield element
        name = etree.QName(element).localname
        if name in ("foreignObject", "title"):
            continue
        stack.extend(
            c
            for c in reversed(element)
            if isinstance(c.tag, str) and etree.QName(c).namespace == SVG_NS
        )


def _foreign_object(element: etree._Element, document: bool) -> Iterator[str]:
    kids = child_elements(element)
    bodies = [k for k in kids if k.tag == f"{{{XHTML_NS}}}body"]
    if document and bodies and len(kids) == 1 and not (element.text or "").strip():
        return  # an SVG document's foreignObject may hold one HTML body
    problem = _not_flow(kids)
    if problem:
        yield f"the SVG foreignObject holds {problem}, not HTML flow content"


def _title(element: etree._Element) -> Iterator[str]:
    kids = child_elements(element)
    whole = (f"{{{XHTML_NS}}}html", f"{{{XHTML_NS}}}body")
    if len(kids) == 1 and kids[0].tag in whole and not (element.text or "").strip():
        return
    problem = _not_flow(kids)
    if problem:
        yield f"the SVG title holds {problem}, not HTML"


def _not_flow(kids: list[etree._Element]) -> str | None:
    """The first child that is not HTML flow content (SVG and MathML roots are)."""
    for kid in kids:
        qname = etree.QName(kid)
        if qname.namespace == SVG_NS and qname.localname == "svg":
            continue
        if qname.namespace == MATHML_NS and qname.localname == "math":
            continue
        if qname.namespace != XHTML_NS:
            return f"<{qname.localname}> of {qname.namespace or 'no namespace'}"
        name = qname.localname
        if "-" in name or (name in ("link", "meta") and kid.get("itemprop") is not None):
            continue  # a custom element; metadata with itemprop is flow content
        if name not in HTML_ELEMENTS or name in NOT_FLOW:
            return f"<{name}>"
    return None
