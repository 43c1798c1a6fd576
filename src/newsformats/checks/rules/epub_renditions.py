"""EPUB Multiple-Rendition Publications 1.0, as EPUBCheck checks them (part of ``epub-structure``).

In ``META-INF/container.xml`` (``ocf-container-30.rnc`` with
``multiple-renditions/container.rnc`` and ``.sch``, RSC-005): a ``rootfile``'s
rendition selection attributes are the five defined, with valid values
(``rendition:media`` a media query list, ``rendition:layout`` reflowable or
pre-paginated, ``rendition:language`` a language tag, ``rendition:accessMode`` a
list of access modes without repeats); at most one ``mapping`` link, whose media
type is XHTML. When the container names several renditions, the rendition mapping
document it links to follows ``multiple-renditions/mapping.rnc`` and ``.sch``: a
head of ``meta`` elements, one of them
``epub.multiple.renditions.version`` 1.0, and a body of typed ``nav`` elements,
exactly one of them the ``resource-map``, each of lists of two or more links. Then
``META-INF/metadata.xml`` follows ``ocf-metadata-30`` (a unique identifier, one
``dcterms:modified``) and, in an EDUPUB, the metadata and every rendition's package
have ``dc:type`` edupub (``edu-ocf-metadata.sch``, ``edu-opf.sch``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from lxml import etree

from ...language import is_well_formed_tag
from ..findings import Location
from ..loaders import Unreadable
from ..loaders.epub import CONTAINER, DC, EpubBook, child_elements, normalized, parse_xml
from ..loaders.html import EPUB_TYPE
from ..registry import Problem

RENDITION = "{http://www.idpf.org/2013/rendition}"
XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB_RENDITION = "{http://www.idpf.org/2007/ops}rendition"
EPUB_PREFIX = "{http://www.idpf.org/2007/ops}prefix"
MEDIA_QUERY = re.compile(
    r"\s*(((only|not)\s+)?all|\([^>)]+\))(\s+and\s+\([^>)]+\))*\s*"
    r"(,\s*(((only|not)\s+)?all|\([^>)]+\))(\s+and\s+\([^>)]+\))*\s*)*"
)
ACCESS_MODES = {"auditory", "tactile", "textual", "visual"}
CONTAINER_XML = "META-INF/container.xml"
WHERE = Location(member=CONTAINER_XML)


def renditions(book: EpubBook) -> Iterator[Problem]:
    """The container's rendition selection attributes and mapping link, and the mapping
    document of a publication with several renditions."""
    if not (book.package.get("version") or "").startswith("3") or not book.has(CONTAINER_XML):
        return
    try:
        root = parse_xml(book.read(CONTAINER_XML), CONTAINER_XML)
    except Unreadable:
        return  # reported as the unreadable container it is
    for rootfile in root.iter(f"{CONTAINER}rootfile"):
        for message in _selection(rootfile):
            yield Problem(message, WHERE)
    mappings = [
        link
        for link in root.iterfind(f"{CONTAINER}links/{CONTAINER}link")
        if normalized(link.get("rel")) == "mapping"
    ]
    if len(mappings) > 1:
        yield Problem("the container links to more than one mapping document", WHERE)
    for link in mappings:
        if normalized(link.get("media-type")) != "application/xhtml+xml":
            yield Problem(
                "a rendition mapping document's media-type is application/xhtml+xml", WHERE
            )
    rootfiles = list(root.iter(f"{CONTAINER}rootfile"))
    several = len(rootfiles) > 1
    if several:
        edupub = "edupub" in book.dc.get("type", [])
        yield from _metadata_file(book, edupub)
        if edupub:
            yield from _edupub_renditions(book, rootfiles[1:])
    href = (mappings[-1].get("href") or "").strip() if mappings else ""
    if several and href:
        path = unquote(urlsplit(href).path)
        if book.has(path):
            where = Location(member=path)
            try:
                mapping = parse_xml(book.read(path), path)
            except Unreadable as error:
                yield Problem(str(error), where)
                return
            for message in _mapping(mapping):
                yield Problem(message, where)
                break


METADATA_XML = "META-INF/metadata.xml"
OCF_METADATA = "{http://www.idpf.org/2013/metadata}"
MODIFIED = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


def _metadata_file(book: EpubBook, edupub: bool) -> Iterator[Problem]:
    """``META-INF/metadata.xml`` of a multiple-rendition publication (``ocf-metadata-30``).

    Its unique identifier names a ``dc:identifier``; one ``dcterms:modified`` (not
    refining anything) in the package's date syntax; an EDUPUB's has ``dc:type`` edupub
    (``edu-ocf-metadata.sch``).
    """
    if not book.has(METADATA_XML):
        return
    where = Location(member=METADATA_XML)
    try:
        root = parse_xml(book.read(METADATA_XML), METADATA_XML)
    except Unreadable as error:
        yield Problem(str(error), where)
        return
    if root.tag != f"{OCF_METADATA}metadata":
        yield Problem("the root of META-INF/metadata.xml is not <metadata>", where)
        return
    unique = normalized(root.get("unique-identifier"))
    if not any(normalized(i.get("id")) == unique for i in root.iterfind(f"{DC}identifier")):
        yield Problem(f"unique-identifier {unique!r} names no dc:identifier", where)
    modified = [
        m
        for m in root.iterfind(f"{OCF_METADATA}meta")
        if normalized(m.get("property")) == "dcterms:modified" and m.get("refines") is None
    ]
    if len(modified) != 1:
        yield Problem("META-INF/metadata.xml needs exactly one dcterms:modified", where)
    elif not MODIFIED.fullmatch(normalized(modified[0].text)):
        yield Problem("dcterms:modified is not CCYY-MM-DDThh:mm:ssZ", where)
    if edupub and "edupub" not in {normalized(t.text) for t in root.iterfind(f"{DC}type")}:
        yield Problem("the metadata of an EDUPUB needs dc:type edupub", where)


def _edupub_renditions(book: EpubBook, rootfiles: list[etree._Element]) -> Iterator[Problem]:
    """Every rendition of an EDUPUB is one too (``edu-opf.sch``: ``dc:type`` edupub)."""
    for rootfile in rootfiles:
        path = unquote(normalized(rootfile.get("full-path")))
        if not path or not book.has(path):
            continue  # a missing package is reported as such
        try:
            package = parse_xml(book.read(path), path)
        except Unreadable:
            continue
        types = {normalized(t.text) for t in package.iter(f"{DC}type")}
        if "edupub" not in types:
            yield Problem("a rendition of an EDUPUB needs dc:type edupub", Location(member=path))


def _selection(rootfile: etree._Element) -> Iterator[str]:
    """A rootfile's ``rendition:`` attributes (multiple-renditions/container.rnc, .sch)."""
    for attribute, raw in rootfile.attrib.items():
        name = str(attribute)
        if not name.startswith(RENDITION):
            continue
        local, value = name[len(RENDITION) :], str(raw)
        if local == "media":
            if not MEDIA_QUERY.fullmatch(value):
                yield f"rendition:media {value!r} is not a media query"
        elif local == "layout":
            if value not in ("reflowable", "pre-paginated"):
                yield f"rendition:layout {value!r} is not reflowable or pre-paginated"
        elif local == "language":
            if not is_well_formed_tag(value.strip()):
                yield f"rendition:language {value!r} is not a language tag"
        elif local == "accessMode":
            modes = value.split()
            if not modes or any(m not in ACCESS_MODES for m in modes):
                yield f"rendition:accessMode {value!r} is not a list of access modes"
            elif len(set(modes)) < len(modes):
                yield "rendition:accessMode repeats a value"
        elif local != "label":
            yield f"a rootfile may not have the attribute rendition:{local}"


def _mapping(root: etree._Element) -> Iterator[str]:
    """The rendition mapping document (multiple-renditions/mapping.rnc and .sch)."""
    kids = child_elements(root)
    if root.tag != f"{XHTML}html" or [c.tag for c in kids] != [f"{XHTML}head", f"{XHTML}body"]:
        yield "a rendition mapping document is an html element of a head and a body"
        return
    if any(str(a) != EPUB_PREFIX for a in root.attrib):
        yield "the mapping document's html element may have only epub:prefix"
    head, body = kids
    metas = child_elements(head)
    if any(m.tag != f"{XHTML}meta" for m in metas):
        yield "the mapping document's head holds only meta elements"
    if not any(
        m.get("name") == "epub.multiple.renditions.version" and m.get("content") == "1.0"
        for m in metas
    ):
        yield 'the mapping document has no meta "epub.multiple.renditions.version" of 1.0'
    navs = child_elements(body)
    if not navs or any(n.tag != f"{XHTML}nav" for n in navs):
        yield "the mapping document's body holds only nav elements"
        return
    if sum(1 for n in navs if "resource-map" in (n.get(EPUB_TYPE) or "").split()) != 1:
        yield 'the mapping document needs exactly one "resource-map" nav'
    if any(not (n.get(EPUB_TYPE) or "").strip() for n in navs):
        yield "a nav of the mapping document has no epub:type"
    for nav in navs:
        lists = child_elements(nav)
        if not lists or any(u.tag != f"{XHTML}ul" for u in lists):
            yield "a nav of the mapping document holds only ul lists"
            return
        for ul in lists:
            items = child_elements(ul)
            if len(items) < 2 or any(li.tag != f"{XHTML}li" for li in items):
                yield "a list of the mapping document holds two or more li"
                return
            for li in items:
                links = child_elements(li)
                if len(links) != 1 or links[0].tag != f"{XHTML}a" or links[0].get("href") is None:
                    yield "an li of the mapping document holds one link (a with href)"
                    return
                extra = {str(a) for a in links[0].attrib} - {"href", EPUB_RENDITION}
                if extra:
                    yield "a link of the mapping document has only href and epub:rendition"
                    return
