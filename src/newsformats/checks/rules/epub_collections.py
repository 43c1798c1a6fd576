"""Package collections and the publication types built on them (part of ``epub-structure``).

EPUBCheck validates every EPUB 3 package against the collection schematrons
(``collection-do-30.sch``, ``collection-manifest-30.sch``, ``previews/preview-collection.sch``,
``dict/dict-collection.sch``, ``idx/idx-collection.sch``: RSC-005), checks what the links
of the top-level ``preview``, ``dictionary`` and ``index`` collections point at
(``OPFChecker30``: OPF-071, OPF-075, OPF-076, OPF-078, OPF-081 to OPF-084), and, when
the package's ``dc:type`` declares a dictionary or a preview, the schematrons of that
specification (``dict/dict-opf.sch``, ``previews/preview-pub-opf.sch``; for EDUPUB, the
accessibility feature of ``edupub/edu-opf.sch`` and the page list, NAV-003, and
pagination source, OPF-066). Warnings are left out.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from lxml import etree

from ..findings import Location
from ..loaders.epub import DC, OPF, EpubBook, Item, normalized
from ..loaders.html import EPUB_TYPE
from ..registry import Problem

XHTML = "application/xhtml+xml"
SVG = "image/svg+xml"
SEARCH_KEY_MAP = "application/vnd.epub.search-key-map+xml"
DICTIONARY_TYPES = {
    "monolingual", "bilingual", "multilingual", "thesaurus", "encyclopedia", "spelling",
    "pronouncing", "etymological",
}  # fmt: skip


def _roles(collection: etree._Element) -> list[str]:
    return (collection.get("role") or "").split()


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in element if c.tag == f"{OPF}{name}"]


def _metas(metadata: etree._Element | None, prop: str) -> list[str]:
    if metadata is None:
        return []
    return [
        normalized(m.text)
        for m in _children(metadata, "meta")
        if normalized(m.get("property")) == prop
    ]


def collections(book: EpubBook) -> Iterator[Problem]:
    """The EPUB 3 package's collections, and the dictionary and preview publication types."""
    if not (book.package.get("version") or "").startswith("3"):
        return
    where = Location(member=book.opf_path)
    messages = [*_schematrons(book)]
    top = _children(book.package, "collection")
    by_path = {item.path: item for item in book.items.values() if not item.remote}
    for collection in top:
        roles = _roles(collection)
        if "dictionary" in roles:
            messages += _dictionary_links(book, collection, by_path)
        if "index" in roles:
            messages += _index_links(book, collection, by_path)
        if "preview" in roles:
            messages += _preview_links(book, collection, by_path)
    types = {normalized(t.text) for t in book.package.iterfind(f"{OPF}metadata/{DC}type")}
    if "dictionary" in types:
        messages += _dictionary_package(book)
        if not any(_has_dictionary_content(page.root) for page in book.pages):
            messages.append("a dictionary has no content document with dictionary content")
    if "preview" in types:
        messages += _preview_package(book)
    if "edupub" in types:
        messages += _edupub_package(book)
    for message in messages:
        yield Problem(message, where)


def _schematrons(book: EpubBook) -> Iterator[str]:
    """The collection schematrons EPUBCheck applies to every EPUB 3 package."""
    package_metadata = book.package.find(f"{OPF}metadata")
    for collection in book.package.iter(f"{OPF}collection"):
        roles = _roles(collection)
        parent = collection.getparent()
        parent_roles = _roles(parent) if parent is not None and parent.tag == collection.tag else []
        subs = _children(collection, "collection")
        links = _children(collection, "link")
        metadata = collection.find(f"{OPF}metadata")
        if "distributable-object" in roles:
            if metadata is None:
                yield "a distributable-object collection needs a metadata element"
            else:
                if len(_children_dc(metadata, "identifier")) != 1:
                    yield "a distributable-object's metadata needs exactly one dc:identifier"
                if not _children_dc(metadata, "title") or not _children_dc(metadata, "language"):
                    yield "a distributable-object's metadata needs a dc:title and a dc:language"
            if sum(1 for s in subs if s.get("role") == "manifest") > 1:
                yield "a distributable-object collection has more than one manifest collection"
            if not links:
                yield "a distributable-object collection needs a link element"
        if "manifest" in roles:
            if metadata is not None or subs:
                yield "a manifest collection holds only link elements"
            if not links:
                yield "a manifest collection needs a link element"
            if parent is None or parent.tag != collection.tag:
                yield "a manifest collection must be the child of another collection"
        if "preview" in roles:
            if sum(1 for s in subs if s.get("role") == "manifest") != 1:
                yield 'a "preview" collection needs exactly one "manifest" collection'
            if not links:
                yield 'a "preview" collection needs a link to a content document'
        if "dictionary" in roles:
            if subs:
                yield "a dictionary collection may not have sub-collections"
            for prop in ("source-language", "target-language"):
                if not _metas(package_metadata, prop) and not _metas(metadata, prop):
                    yield f'a dictionary must declare its {prop} with a "{prop}" meta'
            if len(_metas(metadata, "source-language")) > 1:
                yield "a dictionary may not declare more than one source language"
        if "index" in roles and any("index-group" not in _roles(s) for s in subs):
            yield 'an "index" collection may hold only "index-group" collections'
        if "index-group" in roles:
            if "index" not in parent_roles:
                yield 'an "index-group" collection must be the child of an "index" collection'
            if subs:
                yield 'an "index-group" collection may not have child collections'


def _children_dc(metadata: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in metadata if c.tag == f"{DC}{name}"]


def _linked(
    book: EpubBook, collection: etree._Element, by_path: dict[str, Item]
) -> Iterator[tuple[str, Item | None]]:
    """Each link's href with the manifest item of the resource it names (None if none)."""
    base = posixpath.dirname(book.opf_path)
    for link in _children(collection, "link"):
        href = link.get("href") or ""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            yield href, None
            continue
        path = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
        yield href, by_path.get(path)


def _preview_links(
    book: EpubBook, collection: etree._Element, by_path: dict[str, Item]
) -> list[str]:
    """OPF-075, OPF-076: a preview's links lead to content documents, not by a CFI."""
    messages = []
    for href, item in _linked(book, collection, by_path):
        if item is None or item.media_type not in (XHTML, SVG):
            messages.append(f"the preview collection links to {href!r}, no content document")
        elif urlsplit(href).fragment.startswith("epubcfi("):
            messages.append(f"the preview collection links by a canonical fragment ({href!r})")
    return messages


def _index_links(book: EpubBook, collection: etree._Element, by_path: dict[str, Item]) -> list[str]:
    """OPF-071: an index collection (and its groups) links only to XHTML documents."""
    messages = []
    for href, item in _linked(book, collection, by_path):
        if item is None or item.media_type != XHTML:
            messages.append(f"the index collection links to {href!r}, no XHTML document")
    for group in _children(collection, "collection"):
        if "index-group" in _roles(group):
            messages += _index_links(book, group, by_path)
    return messages


def _dictionary_links(
    book: EpubBook, collection: etree._Element, by_path: dict[str, Item]
) -> list[str]:
    """OPF-081 to OPF-084, OPF-078: one search key map and XHTML dictionary content."""
    messages = []
    maps = 0
    content = False
    pages = {page.member: page for page in book.pages}
    for href, item in _linked(book, collection, by_path):
        if item is None:
            messages.append(f"the dictionary collection's resource {href!r} was not found")
        elif item.media_type == SEARCH_KEY_MAP:
            maps += 1
        elif item.media_type != XHTML:
            messages.append(f"the dictionary collection links to {href!r}, no XHTML document")
        else:
            page = pages.get(item.path)
            content = content or (page is not None and _has_dictionary_content(page.root))
    if maps > 1:
        messages.append("a dictionary collection holds more than one search key map")
    if maps == 0:
        messages.append("a dictionary collection holds no search key map")
    if not content:
        messages.append("a dictionary collection has no document with dictionary content")
    return messages


def _has_dictionary_content(root: etree._Element) -> bool:
    """An element whose ``epub:type`` says ``dictionary`` (EPUBCheck's DICTIONARY feature)."""
    return any(
        "dictionary" in (e.get(EPUB_TYPE) or "").split()
        for e in root.iter()
        if isinstance(e.tag, str)
    )


def _dictionary_package(book: EpubBook) -> Iterator[str]:
    """``dict/dict-opf.sch``, for a package whose dc:type says dictionary."""
    package = book.package
    metadata = package.find(f"{OPF}metadata")
    dictionaries = [c for c in _children(package, "collection") if "dictionary" in _roles(c)]
    if len(dictionaries) < 2:
        maps = [
            i
            for i in package.iterfind(f"{OPF}manifest/{OPF}item")
            if {"search-key-map", "dictionary"} <= set((i.get("properties") or "").split())
        ]
        if len(maps) != 1:
            yield "a single dictionary needs exactly one search key map (dictionary) item"
    if not dictionaries:
        for prop in ("source-language", "target-language"):
            if not _metas(metadata, prop):
                yield f'a dictionary must declare its {prop} with a "{prop}" meta'
        if len(_metas(metadata, "source-language")) > 1:
            yield "a dictionary may not declare more than one source language"
    for item in package.iterfind(f"{OPF}manifest/{OPF}item"):
        if "search-key-map" in (item.get("properties") or "").split():
            href = normalized(item.get("href"))
            uses = sum(
                1
                for c in dictionaries
                for link in _children(c, "link")
                if normalized(link.get("href")) == href
            )
            if uses > 1:
                yield f"the search key map {href!r} is in more than one dictionary collection"
    languages = (
        {normalized(e.text) for e in metadata.iterfind(f"{DC}language")}
        if metadata is not None
        else set()
    )
    for meta in package.iter(f"{OPF}meta"):
        prop, value = normalized(meta.get("property")), normalized(meta.text)
        if prop in ("source-language", "target-language") and value not in languages:
            yield f"the dictionary's {prop} {value!r} is no dc:language of the package"
        if prop == "dictionary-type" and value not in DICTIONARY_TYPES:
            yield f"the dictionary-type {value!r} is not one EPUB Dictionaries defines"


def _preview_package(book: EpubBook) -> Iterator[str]:
    """``previews/preview-pub-opf.sch``: a preview names its source, not its own identifier."""
    unique = book.package.get("unique-identifier")
    own = {
        normalized(e.text)
        for e in book.package.iter(f"{DC}identifier")
        if unique is not None and e.get("id") == unique
    }
    for source in book.package.iterfind(f"{OPF}metadata/{DC}source"):
        if source.get("refines") is None and normalized(source.text) in own:
            yield "a preview's dc:source is its own package identifier"


def _edupub_package(book: EpubBook) -> Iterator[str]:
    """EDUPUB: ``edupub/edu-opf.sch`` (an accessibility feature, not "none") and
    ``OPFChecker30.checkPagination`` (page breaks need a page list, NAV-003, and a
    ``dc:source`` refined by ``source-of`` "pagination", OPF-066)."""
    features = [
        normalized(m.text)
        for m in book.package.iterfind(f"{OPF}metadata/{OPF}meta")
        if normalized(m.get("property")) == "schema:accessibilityFeature"
    ]
    if not features:
        yield "an EDUPUB publication needs a schema:accessibilityFeature"
    if "none" in features:
        yield 'an EDUPUB publication may not state the accessibilityFeature "none"'
    breaks = any(
        "pagebreak" in (e.get(EPUB_TYPE) or "").split()
        for page in book.content_pages
        for e in page.root.iter()
        if isinstance(e.tag, str)
    )
    if not breaks:
        return
    nav = book.nav
    if nav is None or not any(
        "page-list" in (e.get(EPUB_TYPE) or "").split() for e in nav.root.iter("nav")
    ):
        yield "the content has page breaks but the navigation document has no page list"
    sources = {
        "#" + str(s.get("id"))
        for s in book.package.iterfind(f"{OPF}metadata/{DC}source")
        if s.get("id")
    }
    if not any(
        normalized(m.get("property")) == "source-of"
        and normalized(m.text) == "pagination"
        and normalized(m.get("refines")) in sources
        for m in book.package.iterfind(f"{OPF}metadata/{OPF}meta")
    ):
        yield 'the content has page breaks but no dc:source is the "source-of" its pagination'
