"""The EPUB 3 package document's schema, as EPUBCheck asserts it (part of ``epub-structure``).

EPUBCheck's ``package-30.rnc`` (the elements and attributes of the package document)
and ``package-30.sch`` (assertions across them) report RSC-005: elements in their
place, with their required attributes and allowed values; ``refines`` naming an
element that exists, and the properties that must refine a given element;
rendition, media-overlay and duration properties with allowed values, at most once;
one ``nav`` item; unique ids. Warnings of the schema (deprecated features) are left
out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from lxml import etree

from ..findings import Location
from ..loaders.epub import DC, OPF, EpubBook, child_elements, normalized
from ..registry import Problem

NCX = "application/x-dtbncx+xml"
DC_ELEMENTS = {
    "identifier", "title", "language", "date", "source", "type", "format", "creator",
    "subject", "description", "publisher", "contributor", "relation", "coverage", "rights",
}  # fmt: skip
# Attributes each element may carry (package-30.rnc); "i18n" is xml:lang and dir.
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
I18N = {XML_LANG, "dir"}
DC_ID_ONLY = {"identifier", "language", "date", "type", "format"}
ATTRIBUTES: dict[str, set[str]] = {
    "package": {"version", "unique-identifier", "id", "prefix"} | I18N,
    "metadata": {"id"} | I18N,
    "link": {"href", "hreflang", "rel", "id", "refines", "media-type", "properties"},
    "manifest": {"id"},
    "item": {"id", "href", "media-type", "fallback", "media-overlay", "properties"},
    "spine": {"id", "toc", "page-progression-direction"},
    "itemref": {"idref", "linear", "id", "properties"},
    "guide": set(),
    "reference": {"href", "type", "title"},
    "bindings": set(),
    "mediaType": {"media-type", "handler"},
    "collection": {"id", "dir", XML_LANG, "role"},
}
REQUIRED = {
    "package": ("version", "unique-identifier"),
    "link": ("href", "rel"),
    "item": ("id", "href", "media-type"),
    "itemref": ("idref",),
    "reference": ("href", "type"),
}
COLLECTION_LINK = {"href", "rel", "id", "media-type"}
META3 = {"property", "refines", "id", "scheme"} | I18N
CHILDREN = {
    "package": ("metadata", "manifest", "spine", "guide", "bindings", "collection"),
    "manifest": ("item",),
    "spine": ("itemref",),
    "guide": ("reference",),
    "bindings": ("mediaType",),
}
MODIFIED = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
CLOCK = re.compile(
    r"^((\d+:[0-5]\d:[0-5]\d(\.\d+)?)|(\s*[0-5]\d:[0-5]\d(\.\d+)?\s*)"
    r"|(\s*\d+(\.\d+)?(h|min|s|ms)?\s*))$"
)
SCHEME = re.compile(r"[a-zA-Z]([a-zA-Z0-9]|\+|-|\.)*:")
RENDITION_VALUES = {
    "rendition:flow": ("paginated", "scrolled-continuous", "scrolled-doc", "auto"),
    "rendition:layout": ("reflowable", "pre-paginated"),
    "rendition:orientation": ("landscape", "portrait", "auto"),
    "rendition:spread": ("none", "landscape", "portrait", "both", "auto"),
}
VIEWPORT = re.compile(r"^((width=\d+,\s*height=\d+)|(height=\d+,\s*width=\d+))$")
EXCLUSIVE_OVERRIDES = (
    ("rendition:flow-paginated", "rendition:flow-scrolled-continuous",
     "rendition:flow-scrolled-doc", "rendition:flow-auto"),
    ("rendition:layout-reflowable", "rendition:layout-pre-paginated"),
    ("rendition:orientation-landscape", "rendition:orientation-portrait",
     "rendition:orientation-auto"),
    ("page-spread-right", "page-spread-left", "rendition:page-spread-center"),
    ("rendition:spread-portrait", "rendition:spread-landscape", "rendition:spread-both",
     "rendition:spread-none", "rendition:spread-auto"),
)  # fmt: skip
# property -> the elements (local names, "meta:<property>" for a meta) it must refine
MUST_REFINE = {
    "authority": ("subject",),
    "term": ("subject",),
    "identifier-type": ("identifier", "source"),
    "role": ("creator", "contributor", "publisher"),
    "source-of": ("source",),
    "title-type": ("title",),
    "collection-type": ("meta:belongs-to-collection",),
}
ONCE_PER_REFINED = (
    "collection-type", "display-seq", "file-as", "group-position", "identifier-type",
    "source-of", "title-type",
)  # fmt: skip


def _name(element: etree._Element) -> str:
    return etree.QName(element).localname


def _in_collection(element: etree._Element) -> bool:
    return any(a.tag == f"{OPF}collection" for a in element.iterancestors())


def _top_level(element: etree._Element) -> bool:
    """True for a child of the package's own metadata (not a collection's)."""
    parent = element.getparent()
    grandparent = parent.getparent() if parent is not None else None
    return (
        parent is not None
        and parent.tag == f"{OPF}metadata"
        and (grandparent is not None and grandparent.tag == f"{OPF}package")
    )


def package_schema(book: EpubBook) -> Iterator[Problem]:
    """The EPUB 3 package document against EPUBCheck's package schemas (RSC-005)."""
    if not (book.package.get("version") or "").startswith("3"):
        return
    where = Location(member=book.opf_path)
    for message in [*_structure(book.package), *_assertions(book)]:
        yield Problem(message, where)


def _structure(package: etree._Element) -> Iterator[str]:
    """Elements in their place with the attributes package-30.rnc allows."""
    if package.get("version") != "3.0":
        yield f"<package version={package.get('version')!r}>: EPUB 3 packages say 3.0"
    for element in package.iter():
        if not isinstance(element.tag, str):
            continue
        name = _name(element)
        namespace = etree.QName(element).namespace
        parent = element.getparent()
        if name == "link" and parent is not None and parent.tag == f"{OPF}collection":
            # a collection's own links: rel optional, fewer attributes (opf.collection.link)
            yield from _attributes(element, name, COLLECTION_LINK, ("href",))
        elif namespace == OPF[1:-1] and name in ATTRIBUTES and name != "metadata":
            yield from _attributes(element, name, ATTRIBUTES[name])
        allowed_children = CHILDREN.get(name)
        if namespace == OPF[1:-1] and allowed_children is not None:
            kids = child_elements(element)
            for child in kids:
                if (
                    etree.QName(child).namespace != OPF[1:-1]
                    or _name(child) not in allowed_children
                ):
                    yield f"<{name}> may not hold <{_name(child)}>"
            if name in ("manifest", "spine", "guide", "bindings") and not kids:
                yield f"<{name}> is empty"
        if element.tag == f"{OPF}collection":
            yield from _collection_content(element)
        if element.get("dir") is not None and element.get("dir") not in ("ltr", "rtl", "auto"):
            yield f"dir={element.get('dir')!r} is not ltr, rtl or auto"
    order = [_name(c) for c in package if isinstance(c.tag, str)]
    wanted = [n for n in CHILDREN["package"] if n in order]
    if order[: len(wanted)] != wanted or order[:3] != ["metadata", "manifest", "spine"]:
        yield "the package holds metadata, manifest and spine, in this order"
    spine = package.find(f"{OPF}spine")
    direction = spine.get("page-progression-direction") if spine is not None else None
    if direction is not None and direction not in ("ltr", "rtl", "default"):
        yield f"page-progression-direction={direction!r} is not ltr, rtl or default"
    for itemref in package.iterfind(f"{OPF}spine/{OPF}itemref"):
        if itemref.get("linear") is not None and itemref.get("linear") not in ("yes", "no"):
            yield f"linear={itemref.get('linear')!r} is not yes or no"
    metadata = package.find(f"{OPF}metadata")
    if metadata is not None:
        yield from _attributes(metadata, "metadata", ATTRIBUTES["metadata"])
        yield from _metadata(metadata)


def _collection_content(collection: etree._Element) -> Iterator[str]:
    """``metadata?, (collection+ | (collection*, link+))`` (opf.collection.content)."""
    kids = [
        _name(c) if etree.QName(c).namespace == OPF[1:-1] else "?"
        for c in collection
        if isinstance(c.tag, str)
    ]
    rest = kids[1:] if kids[:1] == ["metadata"] else kids
    links = rest.index("link") if "link" in rest else len(rest)
    if (
        not rest
        or any(k != "collection" for k in rest[:links])
        or any(k != "link" for k in rest[links:])
    ):
        yield "a <collection> holds an optional <metadata>, then collections, then links"


def _attributes(
    element: etree._Element,
    name: str,
    allowed: set[str],
    required: tuple[str, ...] | None = None,
) -> Iterator[str]:
    for attribute in element.attrib:
        if str(attribute) not in allowed:
            yield f"<{name}> may not have the attribute {etree.QName(attribute).localname!r}"
    for attribute in REQUIRED.get(name, ()) if required is None else required:
        if element.get(attribute) is None:
            yield f"<{name}> needs the attribute {attribute!r}"


def _metadata(metadata: etree._Element) -> Iterator[str]:
    """The metadata holds Dublin Core elements, meta and link elements, each well formed."""
    counts: Counter[str] = Counter()
    for child in metadata:
        if not isinstance(child.tag, str):
            continue
        name = _name(child)
        if child.tag.startswith(DC):
            if name not in DC_ELEMENTS:
                yield f"<dc:{name}> is not a Dublin Core element of the package"
                continue
            counts[name] += 1
            allowed = {"id"} if name in DC_ID_ONLY else {"id"} | I18N
            for attribute in child.attrib:
                if str(attribute) not in allowed:
                    local = etree.QName(attribute).localname
                    yield f"<dc:{name}> may not have the attribute {local!r}"
        elif child.tag == f"{OPF}meta":
            if child.get("property") is not None:
                for attribute in child.attrib:
                    if str(attribute) not in META3:
                        local = etree.QName(attribute).localname
                        yield f"<meta> may not have the attribute {local!r}"
            elif child.get("name") is None or child.get("content") is None:
                yield "a <meta> needs property (EPUB 3) or name and content (EPUB 2)"
        elif child.tag != f"{OPF}link":
            yield f"<metadata> may not hold <{name}>"
    if counts["date"] > 1:  # (missing identifier, title and language have their own checks)
        yield "the package metadata has more than one dc:date"


def _assertions(book: EpubBook) -> Iterator[str]:
    """package-30.sch: what the schema asserts across elements (its errors, not warnings)."""
    package = book.package
    metadata = package.find(f"{OPF}metadata")
    ids = Counter(
        normalized(e.get("id"))
        for e in package.iter()
        if isinstance(e.tag, str) and e.get("id") is not None
    )
    for ident, count in ids.items():
        if count > 1:
            yield f'the id "{ident}" is used {count} times in the package'
    by_id = {
        normalized(e.get("id")): e
        for e in package.iter()
        if isinstance(e.tag, str) and e.get("id") is not None
    }
    metas = [m for m in package.iter(f"{OPF}meta") if not _in_collection(m)]
    for element in package.iter():
        if not isinstance(element.tag, str) or element.get("refines") is None:
            continue
        if _in_collection(element):
            continue
        refines = normalized(element.get("refines"))
        if SCHEME.search(element.get("refines") or ""):
            yield f"refines={refines!r} must be a relative URL"
        elif refines.startswith("#") and refines[1:] and refines[1:] not in by_id:
            # (an empty id compares equal to any element without one, in the schema's XPath)
            yield f'refines="{refines}" names no element'
    for meta in metas:
        prop = normalized(meta.get("property"))
        value = normalized("".join(str(t) for t in meta.itertext()))
        refines = normalized(meta.get("refines"))
        target = by_id.get(refines[1:]) if refines.startswith("#") else None
        wanted = MUST_REFINE.get(prop)
        if wanted is not None and _top_level(meta):
            target_name = None
            if target is not None and _top_level(target):
                target_name = _name(target)
                if target.tag == f"{OPF}meta":
                    target_name = "meta:" + normalized(target.get("property"))
            if target_name not in wanted:
                yield f'the "{prop}" property must refine {" or ".join(wanted)}'
        refines_collection = target is not None and (
            normalized(target.get("property")) == "belongs-to-collection"
        )
        if prop == "belongs-to-collection" and refines and not refines_collection:
            yield '"belongs-to-collection" may refine only another "belongs-to-collection"'
        if prop == "source-of" and value != "pagination":
            yield 'the "source-of" property has the value "pagination"'
        if prop == "dcterms:modified" and not MODIFIED.match(value):
            yield f"dcterms:modified {value!r} is not CCYY-MM-DDThh:mm:ssZ"
        if prop == "media:duration" and not CLOCK.match(value):
            yield f"media:duration {value!r} is not a SMIL clock value"
        if prop in RENDITION_VALUES:
            if meta.get("refines") is not None:
                yield f'the "{prop}" property may not refine an element'
            if value not in RENDITION_VALUES[prop]:
                yield f"{prop} {value!r} is not one of {', '.join(RENDITION_VALUES[prop])}"
        if prop == "rendition:viewport" and not VIEWPORT.match(value):
            yield f"rendition:viewport {value!r} is not width=x, height=y"
        if prop in ("media:active-class", "media:playback-active-class"):
            if meta.get("refines") is not None:
                yield f'the "{prop}" property may not refine an element'
            if " " in value:
                yield f"{prop} names more than one class"
        if prop in ONCE_PER_REFINED and any(
            normalized(p.get("property")) == prop and normalized(p.get("refines")) == refines
            for p in meta.itersiblings(f"{OPF}meta", preceding=True)
        ):
            yield f'the "{prop}" property refines {refines or "the package"} twice'
    if metadata is not None:
        yield from _global_counts(metadata)
        yield from _subjects(metadata, metas)
    for link in package.iterfind(f"{OPF}metadata/{OPF}link"):
        rel = (link.get("rel") or "").split()
        if "record" in rel and link.get("refines") is not None:
            yield 'a "record" link may not refine an element'
        if "voicing" in rel and link.get("refines") is None:
            yield 'a "voicing" link must refine an element'
    yield from _manifest_and_spine(book)


def _global_counts(metadata: etree._Element) -> Iterator[str]:
    props = Counter(
        normalized(m.get("property"))
        for m in metadata.iterfind(f"{OPF}meta")
        if m.get("refines") is None
    )
    every = Counter(normalized(m.get("property")) for m in metadata.iterfind(f"{OPF}meta"))
    for prop in ("rendition:flow", "rendition:layout", "rendition:orientation", "rendition:spread",
                 "media:active-class", "media:playback-active-class"):  # fmt: skip
        if every[prop] > 1:
            yield f'the "{prop}" property is stated more than once'
    if props["rendition:viewport"] > 1:
        yield 'the "rendition:viewport" property is stated more than once'


def _subjects(metadata: etree._Element, metas: list[etree._Element]) -> Iterator[str]:
    for subject in metadata.iterfind(f"{DC}subject"):
        ident = normalized(subject.get("id"))
        refining = [m for m in metas if normalized(m.get("refines"))[1:] == ident and ident]
        authority = sum(normalized(m.get("property")) == "authority" for m in refining)
        term = sum(normalized(m.get("property")) == "term" for m in refining)
        if (authority, term) in ((1, 0), (0, 1)) or authority > 1 or term > 1:
            yield "a dc:subject has an authority and a term, as a pair, or neither"


def _manifest_and_spine(book: EpubBook) -> Iterator[str]:
    package = book.package
    items = list(package.iterfind(f"{OPF}manifest/{OPF}item"))
    by_id = {normalized(i.get("id")): i for i in items}
    navs = [i for i in items if "nav" in (i.get("properties") or "").split()]
    if len(navs) > 1:
        yield f'{len(navs)} manifest items have the "nav" property; one may'
    for nav in navs:
        if nav.get("media-type") != "application/xhtml+xml":
            yield "the navigation document's item is not application/xhtml+xml"
    for prop in ("data-nav", "cover-image"):
        if sum(prop in (i.get("properties") or "").split() for i in items) > 1:
            yield f'more than one manifest item has the "{prop}" property'
    spine = package.find(f"{OPF}spine")
    toc = spine.get("toc") if spine is not None else None
    if toc is not None:
        target = by_id.get(normalized(toc))
        if target is None or normalized(target.get("media-type")) != NCX:
            yield "the spine's toc attribute does not name the NCX item"
    elif any(normalized(i.get("media-type")) == NCX for i in items):
        yield "the package has an NCX but the spine has no toc attribute"
    for item in items:
        overlay = item.get("media-overlay")
        if overlay is None:
            continue
        target = by_id.get(normalized(overlay))
        if target is None or normalized(target.get("media-type")) != "application/smil+xml":
            yield f"item {item.get('id')!r}'s media-overlay is no application/smil+xml item"
        if normalized(item.get("media-type")) not in ("application/xhtml+xml", "image/svg+xml"):
            yield f"item {item.get('id')!r} has a media-overlay but is no content document"
    seen: set[str] = set()
    for itemref in package.iterfind(f"{OPF}spine/{OPF}itemref"):
        properties = set((itemref.get("properties") or "").split())
        for group in EXCLUSIVE_OVERRIDES:
            both = sorted(properties & set(group))
            if len(both) > 1:
                yield f"the spine properties {', '.join(both)} exclude each other"
        idref = normalized(itemref.get("idref"))
        if idref in seen:
            yield f"the spine names {idref!r} twice"
        seen.add(idref)
