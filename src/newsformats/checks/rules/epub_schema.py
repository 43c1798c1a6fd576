"""HTML content-model rules that EPUBCheck's XHTML schemas assert (part of ``epub-structure``).

What HTML forbids and a schema can state as a rule about ancestors and attributes
(EPUBCheck reports them as RSC-005): elements nested where they may not be,
obsolete elements, and attributes that must agree with each other.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ..loaders.html import XML_LANG, HtmlPage
from ..registry import Problem

INTERACTIVE_ANCESTORS = frozenset({"a", "button"})
# element -> ancestors it may not have (HTML's content models)
NOT_INSIDE: dict[str, frozenset[str]] = {
    "form": frozenset({"form"}),
    "dfn": frozenset({"dfn"}),
    "noscript": frozenset({"noscript"}),
    "address": frozenset({"address"}),
    "label": frozenset({"label"}) | INTERACTIVE_ANCESTORS,
    "section": frozenset({"address"}),
    "nav": frozenset({"address"}),
    "article": frozenset({"address"}),
    "aside": frozenset({"address"}),
    "footer": frozenset({"header", "footer", "address"}),
    "header": frozenset({"header", "footer", "address"}),
    "table": frozenset({"caption"}),
    "time": frozenset({"time"}),
    "progress": frozenset({"progress"}),
    "meter": frozenset({"meter"}),
    **{h: frozenset({"address"}) for h in ("h1", "h2", "h3", "h4", "h5", "h6")},
    **{
        name: INTERACTIVE_ANCESTORS
        for name in ("a", "details", "embed", "iframe", "button", "textarea", "select", "keygen")
    },
}
OBSOLETE = frozenset({
    "acronym", "applet", "basefont", "big", "center", "dir", "font", "frameset", "noframes",
    "strike", "tt",
})  # fmt: skip
FOREIGN_ROOTS = ("svg", "math")


def _interactive_by_attribute(element: etree._Element) -> bool:
    tag = element.tag
    if tag == "input":
        return (element.get("type") or "").strip().lower() != "hidden"
    if tag in ("video", "audio"):
        return element.get("controls") is not None
    if tag in ("img", "object"):
        return element.get("usemap") is not None
    return False


def content_model(page: HtmlPage) -> Iterator[Problem]:
    """The HTML assertions of EPUBCheck's XHTML schema, one finding per document."""
    for element in page.root.iter():
        if not isinstance(element.tag, str):
            continue
        ancestors = [a.tag for a in element.iterancestors() if isinstance(a.tag, str)]
        if any(f in ancestors for f in FOREIGN_ROOTS) or element.tag in FOREIGN_ROOTS:
            continue  # SVG and MathML have their own elements (an SVG <font>, <a>…)
        problem = _element_problem(element, ancestors)
        if problem:
            yield Problem(problem, page.locate(element))
            return


# EPUB's MathML: the encodings an annotation-xml may name, and the name each requires.
MATHML_CONTENT = ("MathML-Content", "application/mathml-content+xml")
OTHER_ANNOTATIONS = (
    "", "MathML", "MathML-Presentation", "application/mathml-presentation+xml",
    "application/xhtml+xml", "text/html", "SVG1.1",
)  # fmt: skip


def mathml_annotations(page: HtmlPage) -> Iterator[Problem]:
    """EPUB's MathML schema: an ``annotation-xml`` in content MathML is named ``contentequiv``,
    others use an encoding EPUB allows (MathML, XHTML, HTML or SVG)."""
    for element in page.root.iter("annotation-xml"):
        encoding = element.get("encoding")
        if encoding in MATHML_CONTENT and element.get("name") != "contentequiv":
            yield Problem(
                f'an annotation-xml of encoding "{encoding}" needs name="contentequiv"',
                page.locate(element),
            )
        elif encoding is not None and encoding not in MATHML_CONTENT + OTHER_ANNOTATIONS:
            yield Problem(
                f'an annotation-xml may not have the encoding "{encoding}" in EPUB',
                page.locate(element),
            )


def _element_problem(element: etree._Element, ancestors: list[str]) -> str | None:
    tag = str(element.tag)
    forbidden = NOT_INSIDE.get(tag, frozenset())
    if _interactive_by_attribute(element):
        forbidden = forbidden | INTERACTIVE_ANCESTORS
    inside = next((a for a in ancestors if a in forbidden), None)
    if inside:
        return f"<{tag}> may not be inside <{inside}>"
    if tag in OBSOLETE:
        return f"<{tag}> is obsolete in HTML"
    lang, xml_lang = element.get("lang"), element.get(XML_LANG)
    if lang is not None and xml_lang is not None and lang.lower() != xml_lang.lower():
        return f"lang={lang!r} and xml:lang={xml_lang!r} differ"
    if tag == "bdo" and element.get("dir") is None:
        return "<bdo> has no dir"
    if tag == "area" and "map" not in ancestors:
        return "<area> is not inside a <map>"
    ident, name = element.get("id"), element.get("name")
    if tag == "map" and ident is not None and name is not None and ident != name:
        return "<map>'s id and name differ"
    if tag == "select" and element.get("multiple") is None and _selected(element) > 1:
        return "a <select> without multiple has several selected options"
    if tag == "track":
        label = element.get("label")
        if label is not None and not label.strip():
            return "a <track> has an empty label"
        if element.get("default") is not None and any(
            s.get("default") is not None for s in element.itersiblings("track", preceding=True)
        ):
            return "two <track> elements are default"
    return None


def _selected(select: etree._Element) -> int:
    return sum(o.get("selected") is not None for o in select.iter("option"))
