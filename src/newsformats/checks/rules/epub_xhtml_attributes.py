"""HTML attributes by EPUBCheck's XHTML schema (part of ``epub-structure``).

EPUBCheck validates XHTML content documents with the Nu Html Checker's RELAX NG
schemas (patched for EPUB) and reports RSC-005 for an attribute an element does not
allow (``<p href>``) and for a value outside the attribute's datatype (a ``time``'s
``datetime``, an ``id`` that is not an XML name, a ``colspan`` of ``0``, an unknown
``role``, an ``ssml:alphabet`` other than ``ipa`` or ``x-…``). The table of which
element allows which attribute, and what each may hold, is data
(``xhtml_attributes.json``), derived from those schemas by
``scripts/derive_xhtml_attributes.py``; its licence notices are in
``xhtml_attributes.NOTICE``. Where the schema says it in several ways (an ``input`` of
each type, an ``a`` with or without ``href``) the table keeps their union, and where
a pattern cannot be read in Python the value is accepted, so the check reports less
than EPUBCheck, never more. Before the schema sees a document, EPUBCheck drops
``data-*`` and ``its-*`` attributes and those of namespaces it does not know, and
lowercases the values of HTML's case-insensitive attributes; so does this module.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

from lxml import etree

from ..loaders import Unreadable
from ..loaders.epub import EpubBook
from ..loaders.html import HtmlPage, parse_xhtml
from ..registry import Problem
from .epub_schema import KNOWN_NAMESPACES, _custom

# HTML attributes whose values EPUBCheck lowercases before validating (HTMLUtils).
CASE_INSENSITIVE = frozenset({
    "align", "allowfullscreen", "allowpaymentrequest", "allowusermedia", "async",
    "autocapitalize", "autocomplete", "autofocus", "autoplay", "checked", "contenteditable",
    "controls", "crossorigin", "default", "defer", "dir", "disabled", "draggable",
    "formnovalidate", "hidden", "http-equiv", "ismap", "itemscope", "kind", "loop", "multiple",
    "muted", "nomodule", "novalidate", "open", "playsinline", "preload", "readonly", "required",
    "reversed", "scope", "selected", "shape", "sizes", "spellcheck", "step", "translate",
    "type", "typemustmatch", "valign", "value", "wrap",
})  # fmt: skip
# EPUB's elements, whose namespace the loader drops, as the table names them.
EPUB_ELEMENTS = frozenset({"switch", "case", "default", "trigger"})
XML_SPACE = "[ \t\n\r]+"  # XML's whitespace, narrower than Python's \s
# ASCII punctuation that is in no XML name (the rest of the name rules are not checked)
NOT_NAME = r"""!"#$%&'()*+,/;<=>?@\[\\\]^`{|}~"""
NMTOKEN = re.compile(rf"[^ \t\n\r{NOT_NAME}]+")
NCNAME = re.compile(rf"[^ \t\n\r{NOT_NAME}:0-9.\-][^ \t\n\r{NOT_NAME}:]*")
INTEGER = re.compile(r"[+-]?[0-9]+")
FLOAT = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?INF|NaN")
LANGUAGE = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")


@cache
def schema_table() -> dict[str, Any]:
    """The derived table: value specs, shared attributes and each element's differences."""
    data = resources.files(__package__).joinpath("xhtml_attributes.json").read_text("utf-8")
    table: dict[str, Any] = json.loads(data)
    return table


def xhtml_attributes(page: HtmlPage) -> Iterator[Problem]:
    """HTML attributes the XHTML schema allows, with values of their datatypes (RSC-005).

    One finding per document, as EPUBCheck's message: ``attribute "href" not allowed
    here`` on ``<p href>``, ``value of attribute "datetime" is invalid`` on
    ``<time datetime="May 5">``; and the content an attribute decides: a ``time``
    without ``datetime`` holds text only, an ``audio`` or ``video`` with ``src`` no
    ``source`` (and without, its ``source`` elements come before ``track``, then the
    content).
    """
    table = schema_table()
    for element in page.root.iter():
        if not isinstance(element.tag, str) or not _in_html(element) or _custom(element.tag):
            continue
        name = f"epub:{element.tag}" if element.tag in EPUB_ELEMENTS else element.tag
        rules = table["elements"].get(name)
        if rules is None or name in table["open"]:
            continue  # unknown elements are html_content_models' finding
        problem = (
            _attribute_problem(element, name, rules, table)
            or _text_only(element)
            or _media_children(element)
        )
        if problem:
            yield Problem(problem, page.locate(element))
            return


def svg_documents_html(book: EpubBook) -> Iterator[Problem]:
    """The HTML in SVG documents' ``foreignObject`` and ``title``, as :func:`xhtml_attributes`."""
    for item in book.local_items("image/svg+xml"):
        try:
            root = parse_xhtml(book.read(item.path))
        except Unreadable:
            continue  # reported as not well-formed elsewhere
        yield from xhtml_attributes(HtmlPage(item.path, root, member=item.path, in_epub=True))


def _in_html(element: etree._Element) -> bool:
    """HTML, rather than SVG, MathML or an ``epub:case``'s any markup, by the nearest
    ancestor that changes it; SVG's ``foreignObject`` and ``title`` hold HTML again."""
    if element.tag in ("svg", "math"):
        return False
    for ancestor in element.iterancestors():
        if ancestor.tag == "foreignObject":
            return True
        parent = ancestor.getparent()
        if ancestor.tag == "title" and parent is not None and parent.tag != "head":
            return True
        if ancestor.tag in ("svg", "math", "case"):
            return False
    return True


def _attribute_problem(
    element: etree._Element, name: str, rules: dict[str, Any], table: dict[str, Any]
) -> str | None:
    for qualified, raw in element.attrib.items():
        attribute = str(qualified)
        namespace, local = _split(attribute)
        if namespace == "" and local.startswith(("data-", "its-")):
            continue
        if namespace and namespace not in KNOWN_NAMESPACES:
            continue
        spec = rules["more"].get(attribute)
        if spec is None and attribute not in rules["not"]:
            spec = table["global"].get(attribute)
        shown = _shown(namespace, local)
        if spec is None:
            return f'attribute "{shown}" not allowed here (<{name}>)'
        value = str(raw).lower() if namespace == "" and local in CASE_INSENSITIVE else str(raw)
        if not matches(table["specs"][spec], value):
            return f'value of attribute "{shown}" is invalid (<{name} {shown}="{value}">)'
    return None


# element -> the attribute without which it holds text only (data.rnc: time.inner is text)
TEXT_ONLY_WITHOUT = {"time": "datetime"}


def _text_only(element: etree._Element) -> str | None:
    needed = TEXT_ONLY_WITHOUT.get(str(element.tag))
    if needed is None or element.get(needed) is not None:
        return None
    child = next((c for c in element if isinstance(c.tag, str)), None)
    if child is None:
        return None
    return f'element "{child.tag}" not allowed here (<{element.tag}> without {needed} holds text)'


def _media_children(element: etree._Element) -> str | None:
    """media.rnc: ``source`` elements (none with ``src``), then ``track``, then content."""
    if element.tag not in ("audio", "video"):
        return None
    stage = 1 if element.get("src") is not None else 0  # 0 sources, 1 tracks, 2 content
    if (element.text or "").strip():
        stage = 2
    for child in element:
        if isinstance(child.tag, str):
            order = {"source": 0, "track": 1}.get(child.tag, 2)
            if order < stage:
                held = "source, track, then content"
                return f'element "{child.tag}" not allowed here (<{element.tag}> holds {held})'
            stage = order
        if (child.tail or "").strip():
            stage = 2
    return None


def _split(attribute: str) -> tuple[str, str]:
    if attribute.startswith("{"):
        namespace, local = attribute[1:].split("}", 1)
        return namespace, local
    return "", attribute


PREFIXES = {
    "http://www.w3.org/XML/1998/namespace": "xml",
    "http://www.idpf.org/2007/ops": "epub",
    "http://www.w3.org/2001/10/synthesis": "ssml",
    "http://www.w3.org/1999/xlink": "xlink",
}


def _shown(namespace: str, local: str) -> str:
    return f"{PREFIXES.get(namespace, namespace)}:{local}" if namespace else local


def _collapse(value: str) -> str:
    return " ".join(re.split(XML_SPACE, value.strip(" \t\n\r")))


def matches(spec: list[Any], value: str) -> bool:
    """Whether an attribute value matches a value spec of the table.

    >>> matches(["choice", [["value", "ltr", "token"], ["value", "rtl", "token"]]], " rtl ")
    True
    >>> matches(["list", [["data", "positiveInteger", {}]]], "1 0")
    False
    """
    kind = spec[0]
    if kind == "value":
        return (value if spec[2] == "string" else _collapse(value)) == str(spec[1])
    if kind == "choice":
        return any(matches(option, value) for option in spec[1])
    if kind == "list":
        tokens = _collapse(value).split(" ") if _collapse(value) else []
        return all(any(matches(item, token) for item in spec[1]) for token in tokens)
    if kind == "data":
        return _datatype(spec[1], spec[2], value)
    return True


def _datatype(name: str, params: dict[str, str], value: str) -> bool:
    if name not in ("string",):
        value = _collapse(value)
    if "minLength" in params and len(value) < int(params["minLength"]):
        return False
    if "pattern" in params and not re.fullmatch(str(params["pattern"]), value):
        return False
    if name in ("integer", "nonNegativeInteger", "positiveInteger"):
        if not INTEGER.fullmatch(value):
            return False
        number = int(value)
        return number >= {"integer": number, "nonNegativeInteger": 0}.get(name, 1)
    if name == "float":
        return bool(FLOAT.fullmatch(value)) and _float_bounds(float(value), params)
    checks = {"NCName": NCNAME, "NMTOKEN": NMTOKEN, "language": LANGUAGE}
    if name in checks:
        return bool(checks[name].fullmatch(value))
    if name == "NMTOKENS":
        return bool(value) and all(NMTOKEN.fullmatch(t) for t in value.split(" "))
    if name == "anyURI":
        return _uri(value)
    return True  # string, token and the types EPUBCheck's HTML schema does not use


PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*")


def _uri(value: str) -> bool:
    """What the RELAX NG validator EPUBCheck runs (Jing) accepts as ``xsd:anyURI``.

    Escapes are ``%`` and two hex digits, there is at most one ``#``, a scheme (text
    before a ``:`` with no ``/``, ``?`` or ``#`` before it) is a letter and then letters,
    digits, ``+``, ``-`` or ``.``, with something after the colon; brackets belong to
    the host, the query or the fragment, not to the path.

    >>> [_uri(u) for u in ("a%20b", "%zz", "#a#b", "1a:b", "x:", "a[1]", "http://[::1]/?q=[1]")]
    [True, False, False, False, False, False, True]
    """
    if PERCENT.search(value) or value.count("#") > 1:
        return False
    scheme, colon, rest = value.partition(":")
    if colon and not any(c in scheme for c in "/?#"):
        if not SCHEME.fullmatch(scheme) or not rest:
            return False
    else:
        rest = value
    path = re.split(r"[?#]", rest, maxsplit=1)[0]
    if path.startswith("//"):
        path = path[2:].partition("/")[2]
    return "[" not in path and "]" not in path


def _float_bounds(number: float, params: dict[str, str]) -> bool:
    if "minExclusive" in params and not number > float(params["minExclusive"]):
        return False
    return not ("minInclusive" in params and number < float(params["minInclusive"]))
