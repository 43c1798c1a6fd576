"""The NCX (the EPUB 2 table of contents, also allowed in EPUB 3), as EPUBCheck checks it.

Part of ``epub-structure``. EPUBCheck validates every NCX item against its
``ncx.rng`` and ``ncx.sch`` (RSC-005): ``ncx`` (version 2005-1) holds ``head``
(``meta`` elements), ``docTitle``, ``docAuthor`` elements, a ``navMap`` of
``navPoint`` elements, an optional ``pageList`` and ``navList`` elements; each entry
has an id (where required), a label and a ``content`` with ``src``; ids are unique,
``playOrder`` starts at 1, has no gaps and gives one place to one target. The NCX
names the package's unique identifier in ``dtb:uid`` (NCX-001). Its links are
judged with the other references (``epub_references``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from lxml import etree

from ..findings import Location
from ..loaders import Unreadable
from ..loaders.epub import DC, EpubBook, normalized, parse_xml
from ..registry import Problem

NCX = "{http://www.daisy.org/z3986/2005/ncx/}"
NCX_TYPE = "application/x-dtbncx+xml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LABELLED = ("docTitle", "docAuthor", "navLabel", "navInfo")
# element -> (required attributes, allowed attributes) of ncx.rng (xml:lang is let through)
ATTRIBUTES: dict[str, tuple[set[str], set[str]]] = {
    "ncx": ({"version"}, {"version", "lang", "dir"}),
    "meta": ({"name", "content"}, {"name", "content", "scheme"}),
    "docTitle": (set(), {"id", "lang", "dir"}),
    "docAuthor": (set(), {"id", "lang", "dir"}),
    "navLabel": (set(), {"lang", "dir"}),
    "navInfo": (set(), {"lang", "dir"}),
    "text": (set(), {"id", "class"}),
    "img": ({"src"}, {"id", "class", "src"}),
    "content": ({"src"}, {"id", "src"}),
    "navMap": (set(), {"id"}),
    "navPoint": ({"id"}, {"id", "class", "playOrder"}),
    "pageList": (set(), {"id", "class"}),
    "pageTarget": ({"type"}, {"id", "value", "type", "class", "playOrder"}),
    "navList": (set(), {"id", "class"}),
    "navTarget": ({"id"}, {"id", "class", "value", "playOrder"}),
    "head": (set(), set()),
}


def ncx_checks(book: EpubBook) -> Iterator[Problem]:
    """Every NCX item of the manifest against EPUBCheck's NCX schemas and identifier check."""
    for item in book.local_items(NCX_TYPE):
        where = Location(member=item.path)
        try:
            root = parse_xml(book.read(item.path), item.path)
        except Unreadable as error:
            yield Problem(str(error), where)
            continue
        problem = _schema(root)
        if problem:
            yield Problem(problem, where)
        uid = _uid(book)
        for meta in root.iterfind(f"{NCX}head/{NCX}meta"):
            if meta.get("name") == "dtb:uid" and uid is not None:
                content = (meta.get("content") or "").strip()
                if content != uid:
                    yield Problem(
                        f"the NCX's dtb:uid {content!r} is not the package identifier {uid!r}",
                        where,
                    )


def _uid(book: EpubBook) -> str | None:
    unique = book.package.get("unique-identifier")
    for identifier in book.package.iter(f"{DC}identifier"):
        if identifier.get("id") == unique:
            return "".join(str(t) for t in identifier.itertext()).strip()
    return None


def _schema(root: etree._Element) -> str | None:
    if root.tag != f"{NCX}ncx" or root.get("version") != "2005-1":
        return 'the NCX root is not <ncx version="2005-1"> in the NCX namespace'
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        problem = _element(element)
        if problem:
            return problem
    return _assertions(root)


def _names(element: etree._Element) -> list[str]:
    return [
        etree.QName(c).localname if c.tag.startswith(NCX) else "?"
        for c in element
        if isinstance(c.tag, str)
    ]


def _element(element: etree._Element) -> str | None:
    name = etree.QName(element).localname
    if not element.tag.startswith(NCX) or name not in ATTRIBUTES:
        return f"<{name}> is not an NCX element"
    required, allowed = ATTRIBUTES[name]
    own = {str(a) for a in element.attrib} - {XML_LANG}
    if own - allowed or not required <= own:
        return f"<{name}> may have only the attributes {', '.join(sorted(allowed))}"
    if element.get("dir") is not None and element.get("dir") not in ("ltr", "rtl"):
        return f"dir={element.get('dir')!r} is not ltr or rtl"
    kids = _names(element)
    if name == "ncx":
        expected = ["head", "docTitle"]
        if kids[:2] != expected:
            return "<ncx> starts with <head> and <docTitle>"
        rest = kids[2:]
        while rest and rest[0] == "docAuthor":
            rest = rest[1:]
        if not rest or rest[0] != "navMap":
            return "<ncx> holds a <navMap> after its title and authors"
        rest = rest[1:]
        if rest and rest[0] == "pageList":
            rest = rest[1:]
        if any(k != "navList" for k in rest):
            return "<ncx> ends with an optional <pageList> and <navList> elements"
    elif name == "head" and (not kids or any(k != "meta" for k in kids)):
        return "<head> holds <meta> elements, at least one"
    elif name in LABELLED and kids not in (["text"], ["text", "img"]):
        return f"<{name}> holds a <text> and an optional <img>"
    elif name in ("navPoint", "pageTarget", "navTarget"):
        labels = 0
        while labels < len(kids) and kids[labels] == "navLabel":
            labels += 1
        rest = kids[labels:]
        nested = ["navPoint"] if name == "navPoint" else []
        if not labels or not rest or rest[0] != "content" or any(k not in nested for k in rest[1:]):
            return f"<{name}> holds <navLabel> elements and a <content>"
        if name == "pageTarget" and element.get("type") not in ("front", "normal", "special"):
            return f"pageTarget type={element.get('type')!r} is not front, normal or special"
    elif name == "navMap":
        body = [k for k in kids if k not in ("navInfo", "navLabel")]
        if not body or any(k != "navPoint" for k in body):
            return "<navMap> holds <navPoint> elements, at least one"
    elif name in ("pageList", "navList"):
        entry = "pageTarget" if name == "pageList" else "navTarget"
        if entry not in kids or any(k not in ("navLabel", "navInfo", entry) for k in kids):
            return f"<{name}> holds <{entry}> elements, at least one"
    elif name in ("text", "img", "content", "meta") and kids:
        return f"<{name}> is empty"
    return None


def _assertions(root: etree._Element) -> str | None:
    """ncx.sch: unique ids and page targets, and a play order without gaps or doubles."""
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    ids = Counter(normalized(e.get("id")) for e in elements if e.get("id") is not None)
    if any(n > 1 for n in ids.values()):
        return "an id of the NCX is used twice"
    pages = Counter(
        (e.get("value"), e.get("type"))
        for e in root.iter(f"{NCX}pageTarget")
        if e.get("value") is not None
    )
    if any(n > 1 for n in pages.values()):
        return "two page targets have the same value and type"
    ordered = [e for e in elements if e.get("playOrder") is not None]
    if not ordered:
        return None
    numbers: dict[float, set[str]] = {}
    places: dict[str, set[float]] = {}
    for entry in ordered:
        try:
            number = float(entry.get("playOrder") or "")
        except ValueError:
            continue
        content = entry.find(f"{NCX}content")
        src = content.get("src") or "" if content is not None else ""
        numbers.setdefault(number, set()).add(src)
        if content is not None:
            places.setdefault(src, set()).add(number)
    if not any(e.get("playOrder") == "1" for e in ordered):
        return "the NCX play order does not start at 1"
    if any(n > 1 and (n - 1) not in numbers for n in numbers):
        return "the NCX play order has a gap"
    if any(len(sources) > 1 for sources in numbers.values()):
        return "one playOrder leads to two places"
    if any(len(order) > 1 for order in places.values()):
        return "one place has two playOrder values"
    return None
