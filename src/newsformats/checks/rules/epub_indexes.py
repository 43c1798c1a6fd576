"""EPUB Indexes 1.0, as EPUBCheck's index schematrons assert it (part of ``epub-structure``).

EPUBCheck applies ``idx/idx-xhtml.sch`` and ``idx/idx-xhtml-index.sch`` (RSC-005) to
the XHTML documents of a publication whose ``dc:type`` is ``index``, to those whose
manifest item has the ``index`` property and to those an ``index`` collection links
to. Checked here: such a document has an element typed ``index``; an ``index`` is on
``body`` or a sectioning element, and holds at most one heading, at most one
``index-headnotes``, and either one (possibly implied: a ``ul``) ``index-entry-list``
or ``index-group`` sections; an ``index-group`` is a sectioning element inside an
``index``. The finer rules of index entries are not mirrored.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from lxml import etree

from ..loaders.epub import DC, OPF, EpubBook, normalized
from ..loaders.html import EPUB_TYPE, HtmlPage, epub_types
from ..registry import Problem

SECTIONING = frozenset({"section", "article", "aside", "nav"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def index_documents(book: EpubBook) -> Iterator[Problem]:
    """The index documents of the publication against EPUBCheck's index schematrons."""
    if not (book.package.get("version") or "").startswith("3"):
        return
    types = {normalized(t.text) for t in book.package.iter(f"{DC}type")}
    chosen = {i.path for i in book.items.values() if "index" in i.properties}
    base = posixpath.dirname(book.opf_path)
    for collection in book.package.iterfind(f"{OPF}collection"):
        if "index" not in (collection.get("role") or "").split():
            continue
        for link in collection.iter(f"{OPF}link"):
            path = unquote(urlsplit(link.get("href") or "").path)
            chosen.add(posixpath.normpath(posixpath.join(base, path)))
    for page in book.content_pages:  # the navigation document has its own checker
        if "index" in types or page.member in chosen:
            for message in _index_document(page):
                yield Problem(message, page.locate(page.root))
                break


def _semantic_children(current: etree._Element) -> list[etree._Element]:
    """Descendants whose nearest typed (or ``ul``) ancestor is ``current``."""
    found = []
    for element in current.iterdescendants():
        if not isinstance(element.tag, str):
            continue
        holder = next(
            a for a in element.iterancestors() if a is current or a.get(EPUB_TYPE) or a.tag == "ul"
        )
        if holder is current:
            found.append(element)
    return found


def _index_document(page: HtmlPage) -> Iterator[str]:
    indexes = [e for e in page.root.iter() if isinstance(e.tag, str) and "index" in epub_types(e)]
    if not indexes:
        yield 'a document declared an index has no element typed "index"'
    for index in indexes:
        if index.tag != "body" and index.tag not in SECTIONING:
            yield f'"index" is on <{index.tag}>, not on body or a sectioning element'
        kids = _semantic_children(index)
        if sum(1 for k in kids if k.tag in HEADINGS) > 1:
            yield 'an "index" has more than one heading'
        if sum(1 for k in kids if "index-headnotes" in epub_types(k)) > 1:
            yield 'an "index" has more than one "index-headnotes"'
        groups = [k for k in kids if "index-group" in epub_types(k)]
        lists = [k for k in kids if k.tag == "ul" or "index-entry-list" in epub_types(k)]
        if (groups and lists) or (not groups and len(lists) != 1):
            yield 'an "index" holds one "index-entry-list" (a ul) or "index-group" sections'
    for group in page.root.iter():
        if not isinstance(group.tag, str) or "index-group" not in epub_types(group):
            continue
        if group.tag not in SECTIONING:
            yield f'"index-group" is on <{group.tag}>, not on a sectioning element'
        typed = next((a for a in group.iterancestors() if a.get(EPUB_TYPE)), None)
        if typed is None or "index" not in epub_types(typed):
            yield '"index-group" is only allowed in an "index"'
