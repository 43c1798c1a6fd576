"""The document tree as XHTML content documents: chapters, the cover page, the nav.

The semantic tree from :func:`newsformats.document.build_document` has no
namespace; here it moves into the XHTML namespace and gets the page shell an
EPUB content document needs (``lang`` and ``xml:lang``, ``dir``, a title, the
stylesheet). Nothing the tree says is changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

XHTML = "http://www.w3.org/1999/xhtml"
EPUB = "http://www.idpf.org/2007/ops"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NSMAP: dict[Any, str] = {None: XHTML, "epub": EPUB}


@dataclass(frozen=True)
class TocEntry:
    """One line of the table of contents, with the entries under it."""

    title: str
    href: str
    language: str
    direction: str
    children: tuple[TocEntry, ...] = ()


@dataclass(frozen=True)
class Landmark:
    """One entry of the landmarks nav: an ``epub:type`` such as ``cover`` or ``bodymatter``."""

    kind: str
    title: str
    href: str


@dataclass(frozen=True)
class PageShell:
    """What every content document of a book needs around its body."""

    title: str
    language: str
    direction: str
    stylesheets: Sequence[str] = field(default_factory=tuple)


def h(tag: str) -> str:
    """The XHTML-namespaced name of an element."""
    return f"{{{XHTML}}}{tag}"


def to_xhtml(element: etree._Element) -> etree._Element:
    """Copy a namespace-less tree into the XHTML namespace.

    >>> to_xhtml(etree.fromstring("<p>Hi <em>there</em></p>")).tag
    '{http://www.w3.org/1999/xhtml}p'
    """
    copy = etree.Element(h(str(element.tag)), nsmap=NSMAP)
    _copy_into(element, copy)
    return copy


def _copy_into(source: etree._Element, target: etree._Element) -> None:
    for name, value in source.attrib.items():
        target.set(name, value)
        if name == "lang":
            target.set(XML_LANG, value)
    target.text = source.text
    for child in source:
        if not isinstance(child.tag, str):  # comments and processing instructions
            continue
        copied = etree.SubElement(target, h(child.tag))
        _copy_into(child, copied)
        copied.tail = child.tail


def page(shell: PageShell) -> tuple[etree._Element, etree._Element]:
    """A new XHTML page and its ``<body>``, with language, direction, title and CSS."""
    root = etree.Element(h("html"), nsmap=NSMAP)
    root.set("lang", shell.language)
    root.set(XML_LANG, shell.language)
    root.set("dir", shell.direction)
    head = etree.SubElement(root, h("head"))
    etree.SubElement(head, h("meta"), charset="utf-8")
    etree.SubElement(head, h("title")).text = shell.title
    for href in shell.stylesheets:
        etree.SubElement(head, h("link"), rel="stylesheet", type="text/css", href=href)
    return root, etree.SubElement(root, h("body"))


def xhtml_bytes(root: etree._Element) -> bytes:
    """Serialise an XHTML page with the XML declaration and the HTML doctype."""
    data: bytes = etree.tostring(
        root, xml_declaration=True, encoding="utf-8", doctype="<!DOCTYPE html>"
    )
    return data + b"\n"


def chapter_document(article_tree: etree._Element, shell: PageShell) -> etree._Element:
    """The content document of one article: its ``<article>`` inside ``<main>``.

    >>> tree = etree.fromstring('<article id="article"><h1 id="headline">Hi</h1></article>')
    >>> doc = chapter_document(tree, PageShell("Hi", "en", "ltr"))
    >>> doc.find(f"{{{XHTML}}}body/{{{XHTML}}}main/{{{XHTML}}}article").get("id")
    'article'
    """
    root, body = page(shell)
    main = etree.SubElement(body, h("main"))
    main.append(to_xhtml(article_tree))
    return root


def cover_document(image_href: str, alt: str, shell: PageShell) -> etree._Element:
    """The cover page: the cover image with its text alternative, nothing else."""
    root, body = page(shell)
    section = etree.SubElement(body, h("section"), {"class": "nf-cover"})
    section.set("aria-label", shell.title)
    img = etree.SubElement(section, h("img"), src=image_href, alt=alt)
    img.set("role", "doc-cover")
    img.set(f"{{{EPUB}}}type", "cover")
    return root


def nav_document(
    toc: Sequence[TocEntry],
    landmarks: Sequence[Landmark],
    shell: PageShell,
    *,
    toc_title: str,
    landmarks_title: str,
) -> etree._Element:
    """The EPUB navigation document: a table of contents and the landmarks."""
    root, body = page(shell)
    nav = etree.SubElement(body, h("nav"), {f"{{{EPUB}}}type": "toc"})
    nav.set("id", "toc")
    nav.set("role", "doc-toc")
    nav.set("aria-labelledby", "toc-title")
    etree.SubElement(nav, h("h1"), id="toc-title").text = toc_title
    _toc_list(nav, toc, shell)

    marks = etree.SubElement(body, h("nav"), {f"{{{EPUB}}}type": "landmarks"})
    marks.set("id", "landmarks")
    marks.set("aria-labelledby", "landmarks-title")
    marks.set("hidden", "hidden")
    etree.SubElement(marks, h("h2"), id="landmarks-title").text = landmarks_title
    items = etree.SubElement(marks, h("ol"))
    for landmark in landmarks:
        link = etree.SubElement(etree.SubElement(items, h("li")), h("a"), href=landmark.href)
        link.set(f"{{{EPUB}}}type", landmark.kind)
        link.text = landmark.title
    return root


def _toc_list(parent: etree._Element, entries: Sequence[TocEntry], shell: PageShell) -> None:
    items = etree.SubElement(parent, h("ol"))
    for entry in entries:
        item = etree.SubElement(items, h("li"))
        link = etree.SubElement(item, h("a"), href=entry.href)
        link.text = entry.title
        if entry.language != shell.language:
            link.set("lang", entry.language)
            link.set(XML_LANG, entry.language)
        if entry.direction != shell.direction:
            link.set("dir", entry.direction)
        if entry.children:
            _toc_list(item, entry.children, shell)
