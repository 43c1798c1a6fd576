"""EPUB Dictionaries and Glossaries 1.0, as EPUBCheck checks them (part of ``epub-structure``).

``dict/dict-xhtml.sch`` (RSC-005), applied to the XHTML documents of a publication
whose ``dc:type`` is ``dictionary``: a ``dictionary`` is a ``body`` or ``section``
with ``article`` entries, each with a ``dfn`` outside its condensed entry; a
``condensed-entry`` is a hidden ``aside`` child of an entry; the list types are on
lists (``part-of-speech-list``, ``sense-list`` on ``ol``; ``phrase-list`` on ``ol``
or ``ul``), an ``idiom`` on a ``dfn``, a ``tran-info`` next to a ``tran``.
``dict/search-key-map.rnc`` (RSC-005), for every search key map: a
``search-key-map`` with ``xml:lang``, of ``search-key-group`` elements (with
``href``) of ``match`` elements, which hold ``value`` elements (with ``value``); the
links of a search key map lead to content documents of the spine (RSC-007, RSC-021).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from lxml import etree

from ..findings import Location
from ..loaders import Unreadable
from ..loaders.epub import DC, EpubBook, child_elements, is_remote, normalized, parse_xml
from ..loaders.html import HtmlPage, epub_types
from ..registry import Problem

OPS = "{http://www.idpf.org/2007/ops}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SEARCH_KEY_MAP = "application/vnd.epub.search-key-map+xml"
LANGUAGE = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")
# epub:type -> the elements that may carry it
ON_ELEMENTS = {
    "dictionary": ("body", "section"),
    "dictentry": ("article",),
    "condensed-entry": ("aside",),
    "part-of-speech-list": ("ol",),
    "sense-list": ("ol",),
    "idiom": ("dfn",),
    "phrase-list": ("ol", "ul"),
}


def dictionaries(book: EpubBook) -> Iterator[Problem]:
    """Dictionary content documents and search key maps against EPUBCheck's schemas."""
    if not (book.package.get("version") or "").startswith("3"):
        return
    types = {normalized(t.text) for t in book.package.iter(f"{DC}type")}
    if "dictionary" in types:
        for page in book.content_pages:
            for message, element in _dictionary_page(page):
                yield Problem(message, page.locate(element))
                break
    for item in book.items.values():
        if item.remote or item.media_type != SEARCH_KEY_MAP or not book.has(item.path):
            continue
        try:
            root = parse_xml(book.read(item.path), item.path)
        except Unreadable as error:
            yield Problem(str(error), Location(member=item.path))
            continue
        for message in _search_key_map(root):
            yield Problem(message, Location(member=item.path))
            break
        for message in _search_key_links(book, item.path, root):
            yield Problem(message, Location(member=item.path))
            break


def _search_key_links(book: EpubBook, path: str, root: etree._Element) -> Iterator[str]:
    """Search keys lead to content documents of the spine (RSC-007, RSC-021)."""
    folder = posixpath.dirname(path)
    spine = {book.items[i].path for i in book.spine if i in book.items}
    for element in root.iter(f"{OPS}search-key-group", f"{OPS}match"):
        href = (element.get("href") or "").strip()
        parts = urlsplit(href)
        if not href or is_remote(href) or parts.scheme:
            continue
        target = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
        if not book.has(target):
            yield f"the search key map leads to {target}, which is not in the container"
        elif target not in spine and not parts.fragment.startswith("epubcfi("):
            yield f"the search key map leads to {target}, which is not in the spine"


def _dictionary_page(page: HtmlPage) -> Iterator[tuple[str, etree._Element]]:
    for element in page.root.iter():
        if not isinstance(element.tag, str):
            continue
        types = epub_types(element)
        for kind, tags in ON_ELEMENTS.items():
            if kind in types and element.tag not in tags:
                yield f'"{kind}" is on <{element.tag}>, not on <{"> or <".join(tags)}>', element
        parent = element.getparent()
        entry = "dictentry" in types or (
            element.tag == "article" and parent is not None and "dictionary" in epub_types(parent)
        )
        if "dictionary" in types and not any(c.tag == "article" for c in element):
            yield 'a "dictionary" has no article entry', element
        if entry and not any(
            not any("condensed-entry" in epub_types(a) for a in d.iterancestors())
            for d in element.iter("dfn")
        ):
            yield "a dictionary entry has no dfn outside its condensed entry", element
        if "condensed-entry" in types:
            grand = parent.getparent() if parent is not None else None
            if (
                parent is None
                or parent.tag != "article"
                or grand is None
                or ("dictionary" not in epub_types(grand))
            ):
                yield 'a "condensed-entry" is a child of a dictionary entry', element
            if (element.get("hidden") or "x").lower() not in ("", "hidden"):
                yield 'a "condensed-entry" is hidden', element
        if "tran-info" in types and (
            parent is None or not any("tran" in epub_types(s) for s in parent if s is not element)
        ):
            yield 'a "tran-info" has no "tran" sibling', element


def _search_key_map(root: etree._Element) -> Iterator[str]:
    if root.tag != f"{OPS}search-key-map":
        yield "a search key map's root is <search-key-map>"
        return
    if not LANGUAGE.fullmatch(root.get(XML_LANG) or ""):
        yield "a search key map has an xml:lang"
    groups = child_elements(root)
    if not groups or any(
        g.tag != f"{OPS}search-key-group" or g.get("href") is None for g in groups
    ):
        yield "a search key map holds search-key-group elements, each with an href"
        return
    for group in groups:
        matches = child_elements(group)
        if not matches or any(m.tag != f"{OPS}match" for m in matches):
            yield "a search-key-group holds match elements"
            return
        for match in matches:
            if (match.text or "").strip() or any(
                isinstance(v.tag, str) and (v.tag != f"{OPS}value" or v.get("value") is None)
                for v in match
            ):
                yield "a match holds only value elements, each with a value"
                return
