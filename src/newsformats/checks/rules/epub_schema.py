"""HTML content-model rules that EPUBCheck's XHTML schemas assert (part of ``epub-structure``).

What HTML forbids and a schema can state as a rule about ancestors and attributes
(EPUBCheck reports them as RSC-005): elements nested where they may not be,
obsolete elements, and attributes that must agree with each other.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from lxml import etree

from ...language import is_well_formed_tag
from ..loaders.epub import is_ncname
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


# Content MathML's own elements (MathML 3 chapter 4), which EPUB allows only in an
# annotation-xml of encoding MathML-Content (epub-mathml3-inc.rnc)
CONTENT_MATHML = frozenset({
    "apply", "bind", "ci", "cn", "csymbol", "cs", "cerror", "share", "bvar",
    "domainofapplication", "condition", "degree", "lowlimit", "uplimit", "interval",
    "lambda", "piecewise", "piece", "otherwise", "sep", "matrixrow",
})  # fmt: skip


def mathml_annotations(page: HtmlPage) -> Iterator[Problem]:
    """EPUB's MathML schema: an ``annotation-xml`` in content MathML is named ``contentequiv``,
    others use an encoding EPUB allows (MathML, XHTML, HTML or SVG); content MathML appears
    only in such an annotation."""
    bare = (
        element
        for math in page.root.iter("math")
        for element in math.iterdescendants(*CONTENT_MATHML)
        if not any(
            a.tag == "annotation-xml" and a.get("encoding") in MATHML_CONTENT
            for a in element.iterancestors()
        )
    )
    first = next(bare, None)
    if first is not None:
        yield Problem(
            f"<{first.tag}> is content MathML, allowed only in an annotation-xml "
            'of encoding "MathML-Content"',
            page.locate(first),
        )
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


SSML_PH = "{http://www.w3.org/2001/10/synthesis}ph"
IDREFS = ("aria-describedby", "aria-flowto", "aria-labelledby", "aria-owns", "aria-controls")
LABELABLE = frozenset({"button", "meter", "output", "progress", "select", "textarea", "input"})


def xhtml_assertions(page: HtmlPage) -> Iterator[Problem]:
    """The other assertions of EPUBCheck's ``epub-xhtml-30.sch`` (its errors, RSC-005).

    References by id (ARIA relations, ``label for``, ``output for``, ``input list``,
    ``form``, ``headers``, ``aria-activedescendant``, MathML ``xref``) name elements
    of the right kind that exist; encoding declarations agree; a title has text;
    ``img ismap`` sits in a link; media elements do not nest; map names are
    unique; ``ssml:ph`` does not nest; ``sizes`` is for icons; microdata on links and
    embedded content comes with the resource.
    """
    root = page.root
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    by_id: dict[str, etree._Element] = {}
    for element in elements:
        if element.get("id") is not None:
            by_id.setdefault(str(element.get("id")), element)
    map_names: set[str] = set()
    charsets = 0
    for element in elements:
        problem = _assertion(element, by_id, map_names)
        if element.tag == "meta" and element.get("charset") is not None and not _foreign(element):
            charsets += 1
            if charsets == 2:
                problem = problem or "the document has more than one <meta charset>"
        if problem:
            yield Problem(problem, page.locate(element))


# Where other schemas or any markup apply: SVG, MathML, and EPUB's epub:case, which
# may hold elements of any namespace (the loader drops namespaces).
OPEN_CONTENT = frozenset({"svg", "math", "case"})


def _foreign(element: etree._Element) -> bool:
    """True inside SVG, MathML or an ``epub:case`` (by the nearest such ancestor)."""
    return element.tag in FOREIGN_ROOTS or any(
        a.tag in OPEN_CONTENT for a in element.iterancestors() if isinstance(a.tag, str)
    )


def _assertion(
    element: etree._Element, by_id: dict[str, etree._Element], map_names: set[str]
) -> str | None:
    get = element.get
    tag = str(element.tag)
    for attribute in IDREFS:
        value = get(attribute)
        if value is not None and any(ref not in by_id for ref in value.split()):
            return f"{attribute}={value!r} names an id that is not in the document"
    if get(SSML_PH) is not None and any(
        a.get(SSML_PH) is not None for a in element.iterancestors()
    ):
        return "ssml:ph is set inside an element that also sets it"
    foreign = _foreign(element)
    if foreign:
        for attribute in ("xref", "indenttarget"):
            if get(attribute) is not None and get(attribute) not in by_id and _in_math(element):
                return f"MathML {attribute}={get(attribute)!r} names no element"
        return None
    if get("aria-activedescendant") is not None and not any(
        d.get("id") == get("aria-activedescendant") for d in element.iterdescendants()
    ):
        return "aria-activedescendant names no descendant"
    if get("form") is not None and _target(by_id, get("form")) != "form":
        return f"form={get('form')!r} names no <form>"
    if tag == "output" and get("for") is not None:
        if any(ref not in by_id for ref in (get("for") or "").split()):
            return f"<output for={get('for')!r}> names an id that is not in the document"
    elif tag == "label" and get("for") is not None:
        target = by_id.get(get("for") or "")
        if (
            target is None
            or target.tag not in LABELABLE
            or (target.tag == "input" and target.get("type") == "hidden")
        ):
            return f"<label for={get('for')!r}> names no labelable element"
    elif tag == "input" and get("list") is not None and _target(by_id, get("list")) != "datalist":
        return f"<input list={get('list')!r}> names no <datalist>"
    if get("headers") is not None:
        table = next(element.iterancestors("table"), None)
        heads = {str(t.get("id")) for t in table.iter("th")} if table is not None else set()
        if any(ref not in heads for ref in (get("headers") or "").split()):
            return "headers names a cell that is no <th> of the same table"
    if tag == "meta" and (get("http-equiv") or "").lower() == "content-type":
        content = " ".join((get("content") or "").split())
        if not re.search(r"text/html;\s*charset=utf-8", content, re.IGNORECASE):
            return "<meta http-equiv=content-type> does not say text/html; charset=utf-8"
        parent = element.getparent()
        if parent is not None and any(m.get("charset") is not None for m in parent.iter("meta")):
            return "the document declares its encoding twice (http-equiv and charset)"
    if tag == "title" and not "".join(str(t) for t in element.itertext()).strip():
        return "<title> is empty"
    if (
        tag == "img"
        and get("ismap") is not None
        and not any(a.get("href") is not None for a in element.iterancestors("a"))
    ):
        return "<img ismap> is not inside <a href>"
    if (
        tag in ("audio", "video")
        and next(element.iterancestors("audio", "video"), None) is not None
    ):
        return f"<{tag}> is inside another media element"
    if tag == "map" and get("name") is not None:
        if get("name") in map_names:
            return f"two maps are named {get('name')!r}"
        map_names.add(str(get("name")))
    if tag == "link" and get("sizes") is not None and get("rel") != "icon":
        return "sizes is set on a <link> that is not rel=icon"
    if get("itemprop") is not None:
        needed = {"a": "href", "area": "href", "iframe": "data", "embed": "data", "object": "data",
                  "audio": "src", "video": "src"}.get(tag)  # fmt: skip
        if needed and get(needed) is None:
            return f"<{tag} itemprop> needs {needed}"
    return None


def _target(by_id: dict[str, etree._Element], ident: str | None) -> str | None:
    target = by_id.get(ident or "")
    return None if target is None else str(target.tag)


def _in_math(element: etree._Element) -> bool:
    return element.tag == "math" or next(element.iterancestors("math"), None) is not None


# The elements of HTML (and EPUB's switch and trigger, whose namespace the loader drops).
HTML_ELEMENTS = frozenset({
    "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo",
    "blockquote", "body", "br", "button", "canvas", "caption", "cite", "code", "col",
    "colgroup", "data", "datalist", "dd", "del", "details", "dfn", "dialog", "div", "dl", "dt",
    "em", "embed", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "img", "input", "ins",
    "kbd", "label", "legend", "li", "link", "main", "map", "mark", "menu", "meta", "meter",
    "nav", "noscript", "object", "ol", "optgroup", "option", "output", "p", "param", "picture",
    "pre", "progress", "q", "rb", "rp", "rt", "rtc", "ruby", "s", "samp", "script", "search",
    "section", "select", "slot", "small", "source", "span", "strong", "style", "sub",
    "summary", "sup", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead",
    "time", "title", "tr", "track", "u", "ul", "var", "video", "wbr", "svg", "math",
    "switch", "case", "default", "trigger",
}) | OBSOLETE  # fmt: skip
# Elements whose content is phrasing only, and flow elements that are not phrasing.
PHRASING_ONLY = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "em", "strong", "b", "i", "u", "s",
    "small", "sub", "sup", "code", "kbd", "samp", "var", "cite", "q", "abbr", "dfn", "time",
    "mark", "bdi", "bdo", "label", "pre", "output", "data", "button", "rt",
})  # fmt: skip
FLOW_ONLY = frozenset({
    "address", "article", "aside", "blockquote", "details", "dialog", "div", "dl",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul",
})  # fmt: skip
TRANSPARENT = frozenset(
    {"a", "ins", "del", "map", "object", "video", "audio", "canvas", "noscript", "slot"}
)
SCRIPT_SUPPORTING = frozenset({"script", "template"})
# parent -> the children it may hold (script-supporting elements aside)
ONLY_CHILDREN = {
    "ul": frozenset({"li"}), "ol": frozenset({"li"}),
    "dl": frozenset({"dt", "dd", "div"}), "tr": frozenset({"td", "th"}),
    "thead": frozenset({"tr"}), "tbody": frozenset({"tr"}), "tfoot": frozenset({"tr"}),
    "table": frozenset({"caption", "colgroup", "thead", "tbody", "tfoot", "tr"}),
    "colgroup": frozenset({"col"}), "select": frozenset({"option", "optgroup", "hr"}),
    "optgroup": frozenset({"option"}), "picture": frozenset({"source", "img"}),
    "html": frozenset({"head", "body"}),
}  # fmt: skip
# child -> the parents it may have
ONLY_PARENTS = {
    "li": frozenset({"ul", "ol", "menu"}), "dt": frozenset({"dl", "div"}),
    "dd": frozenset({"dl", "div"}), "tr": frozenset({"table", "thead", "tbody", "tfoot"}),
    "td": frozenset({"tr"}), "th": frozenset({"tr"}), "caption": frozenset({"table"}),
    "thead": frozenset({"table"}), "tbody": frozenset({"table"}), "tfoot": frozenset({"table"}),
    "colgroup": frozenset({"table"}), "col": frozenset({"colgroup"}),
    "figcaption": frozenset({"figure"}), "legend": frozenset({"fieldset"}),
    "summary": frozenset({"details"}), "option": frozenset({"select", "datalist", "optgroup"}),
    "optgroup": frozenset({"select"}), "param": frozenset({"object"}),
    "track": frozenset({"audio", "video"}), "body": frozenset({"html"}),
    "head": frozenset({"html"}), "title": frozenset({"head"}),
    "style": frozenset({"head", "noscript"}),
}  # fmt: skip


def html_content_models(page: HtmlPage) -> Iterator[Problem]:
    """Elements HTML knows, in parents that may hold them (EPUBCheck's XHTML schema, RSC-005).

    Only HTML elements are judged (SVG and MathML have their own schemas; an
    ``epub:case`` may hold any markup): unknown
    elements, flow content such as ``div`` where only phrasing content may be (a
    ``p``, a ``span``, a heading; seen through transparent elements such as ``a``
    and custom elements such as ``my-widget``),
    and the elements that hold, or belong in, given parents (lists, tables, ``dl``…).
    One finding per document.
    """
    for element in page.root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = str(element.tag)
        ancestors = [a for a in element.iterancestors() if isinstance(a.tag, str)]
        if tag in FOREIGN_ROOTS or any(a.tag in OPEN_CONTENT for a in ancestors):
            continue
        problem = _model_problem(element, tag, ancestors)
        if problem:
            yield Problem(problem, page.locate(element))
            return


CUSTOM_ELEMENT = re.compile(r"^[a-z][^A-Z\s]*-[^A-Z\s]*$")


def _custom(tag: str) -> bool:
    """A custom element name (``my-widget``), which the schema lets through as transparent.

    >>> _custom("my-widget"), _custom("div"), _custom("My-Widget")
    (True, False, False)
    """
    return bool(CUSTOM_ELEMENT.match(tag))


def _model_problem(
    element: etree._Element, tag: str, ancestors: list[etree._Element]
) -> str | None:
    if _custom(tag):
        return None  # an autonomous custom element: transparent, any attributes
    if tag not in HTML_ELEMENTS:
        return f"<{tag}> is not an element of HTML"
    if tag == "switch":  # epub-switch.rnc: epub:case+, then one epub:default
        kids = [str(c.tag) for c in element if isinstance(c.tag, str)]
        if len(kids) < 2 or kids[-1] != "default" or any(k != "case" for k in kids[:-1]):
            return "an epub:switch holds epub:case elements, then one epub:default"
    if tag == "case" and element.get("required-namespace") is None:
        return "an epub:case needs the attribute required-namespace"
    parent = ancestors[0] if ancestors else None
    parent_tag = str(parent.tag) if parent is not None else ""
    if tag in FLOW_ONLY:
        holder = next(
            (a for a in ancestors if a.tag not in TRANSPARENT and not _custom(str(a.tag))), None
        )
        if holder is not None and holder.tag in PHRASING_ONLY:
            return f"<{tag}> may not be inside <{holder.tag}>, which holds phrasing content"
    allowed = ONLY_CHILDREN.get(parent_tag)
    if allowed is not None and tag not in allowed and tag not in SCRIPT_SUPPORTING:
        return f"<{parent_tag}> may not hold <{tag}>"
    parents = ONLY_PARENTS.get(tag)
    if parents is not None and parent is not None and parent_tag not in parents:
        return f"<{tag}> may not be inside <{parent_tag}>"
    if allowed is not None and ((parent.text or "").strip() if parent is not None else ""):
        return f"<{parent_tag}> holds text outside its items"
    return None


# Global attributes of EPUBCheck's XHTML schema with a closed set of values.
ENUMERATED = {
    "dir": ("ltr", "rtl", "auto"),
    "translate": ("", "yes", "no"),
    "contenteditable": ("true", "plaintext-only", "false", ""),
    "draggable": ("true", "false"),
    "hidden": ("hidden", "until-found", ""),
    "spellcheck": ("true", "false", ""),
}
INTEGER = re.compile(r"^\s*[+-]?\d+\s*$")


def global_attribute_values(page: HtmlPage) -> Iterator[Problem]:
    """What the derived attribute table (:mod:`.epub_xhtml_attributes`) does not judge (RSC-005).

    The table judges every attribute of every HTML element it lists, values and all
    (obsolete ones such as ``align``, ``table border``, ``id``, ``dir``, ``tabindex``,
    ``lang``, empty URLs); it leaves out custom elements (``<my-card>``) and the
    elements whose schema is open (``embed``), and takes ``link``'s ``href`` as any
    URL. So this checks the global attributes of custom elements (an ``id`` is one
    token; ``dir``, ``translate``, ``contenteditable``, ``draggable``, ``hidden`` and
    ``spellcheck`` take their listed values; ``tabindex`` is an integer; ``lang``
    and ``xml:lang`` are well-formed BCP 47 tags or empty), and that the URL of
    ``link`` and ``embed`` is not empty. One finding per document.
    """
    for element in page.root.iter():
        if not isinstance(element.tag, str) or _foreign(element):
            continue
        problem = _empty_url(element) or (_custom(element.tag) and _value_problem(element))
        if problem:
            yield Problem(problem, page.locate(element))
            return


# elements whose URL HTML wants non-empty and the attribute table does not judge
NON_EMPTY_URL = {"embed": "src", "link": "href"}


def _empty_url(element: etree._Element) -> str | None:
    url = NON_EMPTY_URL.get(str(element.tag))
    if url is not None and element.get(url) is not None and not str(element.get(url)).strip():
        return f"<{element.tag}> has an empty {url}"
    return None


def _value_problem(element: etree._Element) -> str | None:
    ident = element.get("id")
    if ident is not None and (not ident.strip() or len(ident.split()) > 1):
        return f"id={ident!r} is not one token"
    for attribute, values in ENUMERATED.items():
        value = element.get(attribute)
        # HTML's enumerated values are ASCII case-insensitive (EPUBCheck lower-cases them)
        if value is not None and " ".join(value.split()).lower() not in values:
            return f"{attribute}={value!r} is not one of {', '.join(repr(v) for v in values)}"
    tabindex = element.get("tabindex")
    if tabindex is not None and not INTEGER.match(tabindex):
        return f"tabindex={tabindex!r} is not an integer"
    for attribute in ("lang", XML_LANG):
        value = element.get(attribute)
        if value is not None and value.strip() and not is_well_formed_tag(value.strip()):
            return f"{etree.QName(attribute).localname}={value!r} is not a language tag"
    return None


# element -> attributes it must have, one set of alternatives each (EPUBCheck's XHTML schema)
REQUIRED_ATTRIBUTES: dict[str, tuple[tuple[str, ...], ...]] = {
    "img": (("src",),),
    "track": (("src",),),
    "param": (("name",),),
    "optgroup": (("label",),),
    "meter": (("value",),),
    "data": (("value",),),
    "map": (("name",),),
    "object": (("data", "type"),),
    "link": (("href", "resource"),),  # RDFa's resource stands for the href
    "base": (("href", "target"),),
}


def required_attributes(page: HtmlPage) -> Iterator[Problem]:
    """HTML elements with the attributes the XHTML schema requires (RSC-005).

    ``img`` and ``track`` have ``src``, ``param`` a name, ``optgroup`` a label,
    ``meter`` and ``data`` a value, ``map`` a name, ``object`` data or a type, ``link``
    an ``href`` (or RDFa's ``resource``); an ``area`` that links has ``alt``; a
    ``source`` has ``src`` in a media element and ``srcset`` in a ``picture``. One
    finding per document.
    """
    for element in page.root.iter():
        if not isinstance(element.tag, str) or _foreign(element):
            continue
        tag = str(element.tag)
        missing = [
            alternatives
            for alternatives in REQUIRED_ATTRIBUTES.get(tag, ())
            if not any(element.get(a) is not None for a in alternatives)
        ]
        if tag == "area" and element.get("href") is not None and element.get("alt") is None:
            missing.append(("alt",))
        if tag == "source":
            parent = element.getparent()
            wanted = "srcset" if parent is not None and parent.tag == "picture" else "src"
            if element.get(wanted) is None:
                missing.append((wanted,))
        if missing:
            names = " or ".join(missing[0])
            yield Problem(f"<{tag}> needs the attribute {names}", page.locate(element))
            return


# namespaces EPUBCheck knows in XHTML; an attribute in any other is a custom attribute
KNOWN_NAMESPACES = frozenset({
    "http://www.w3.org/1999/xhtml", "http://www.w3.org/XML/1998/namespace",
    "http://www.idpf.org/2007/ops", "http://www.w3.org/2000/svg",
    "http://www.w3.org/1998/Math/MathML", "http://www.w3.org/2001/10/synthesis",
    "http://www.w3.org/2001/xml-events", "http://www.w3.org/1999/xlink",
})  # fmt: skip
RESERVED_HOSTS = ("w3.org", "idpf.org")


def custom_attributes(page: HtmlPage) -> Iterator[Problem]:
    """Custom data and namespaced attributes as EPUBCheck reads them (HTM-061, HTM-054).

    A ``data-*`` name has a character after the hyphen, is an XML name without
    colons and has no ASCII capital; a custom attribute namespace has no ``w3.org`` or
    ``idpf.org`` in its host. One finding per document.
    """
    for element in page.root.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in element.attrib:
            name = str(attribute)
            if name.startswith("data-"):
                rest = name[len("data-") :]
                if not is_ncname(rest) or any("A" <= c <= "Z" for c in rest):
                    yield Problem(
                        f"{name!r} is not a valid custom data attribute", page.locate(element)
                    )
                    return
            namespace = etree.QName(attribute).namespace
            if namespace and namespace.strip() not in KNOWN_NAMESPACES:
                host = urlsplit(namespace.strip()).hostname or ""
                reserved = next((r for r in RESERVED_HOSTS if r in host), None)
                if reserved:
                    yield Problem(
                        f"the attribute namespace {namespace!r} has {reserved!r} in its host",
                        page.locate(element),
                    )
                    return
