"""An EPUB 3 publication: its package document, navigation and content documents."""

from __future__ import annotations

import contextlib
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from ...safe_xml import parse_xml_bytes
from . import MAX_BYTES, Unreadable
from .html import MAX_CSS_BYTES, HtmlPage, collect_css, parse_xhtml

OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"
CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
SMIL = "{http://www.w3.org/ns/SMIL}"
MAX_MEMBERS = 10_000


@dataclass(frozen=True)
class Item:
    """One manifest item; ``path`` is its full name inside the zip."""

    id: str
    path: str
    media_type: str
    properties: frozenset[str]
    media_overlay: str | None
    fallback: str | None = None
    remote: bool = False
    href: str = ""

    @property
    def kind(self) -> str:
        """The media type without its parameters: ``text/css; charset=utf-8`` is ``text/css``."""
        return self.media_type.split(";")[0].strip()


@dataclass(frozen=True)
class Meta:
    """One ``<meta>`` of the package: property (or EPUB 2 name), value, refines."""

    property: str
    value: str
    refines: str | None


@dataclass
class EpubBook:
    """What the EPUB rules read; content documents are parsed as :class:`HtmlPage`."""

    file: str
    opf_path: str
    package: etree._Element
    items: dict[str, Item]
    spine: list[str]
    page_progression: str | None
    dc: dict[str, list[str]]
    metas: list[Meta]
    nonlinear: set[str] = field(default_factory=set)
    itemref_properties: dict[str, frozenset[str]] = field(default_factory=dict)
    # the spine's idrefs that equal a manifest id as written, spaces and all (some
    # reading systems, and Ace, compare them so; XML and EPUBCheck drop the spaces)
    spine_as_written: list[str] = field(default_factory=list)
    pages: list[HtmlPage] = field(default_factory=list)
    archive: zipfile.ZipFile | None = None
    broken: list[tuple[str, str]] = field(default_factory=list)
    _names: dict[str, zipfile.ZipInfo] | None = None

    def info(self, member: str) -> zipfile.ZipInfo | None:
        """The zip entry of ``member``, by its UTF-8 name (OCF names are UTF-8, even
        when the zip tool did not set the UTF-8 flag and Python read them as CP437)."""
        assert self.archive is not None
        if self._names is None:
            self._names = {}
            for entry in self.archive.infolist():
                name = entry.filename
                if not entry.flag_bits & 0x800:
                    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
                        name = name.encode("cp437").decode("utf-8")
                self._names[name] = entry
        return self._names.get(member)

    def has(self, member: str) -> bool:
        """True when the zip holds ``member``."""
        return self.info(member) is not None

    def local_items(self, *media_types: str) -> list[Item]:
        """The manifest items of these media types that are in the zip (not remote, not missing).

        A missing one is reported on its own (``epub-structure``); rules that read the
        files of one kind (style sheets, SVG, NCX, overlays) go through these.
        """
        return [
            i
            for i in self.items.values()
            if not i.remote and i.kind in media_types and self.has(i.path)
        ]

    def meta(self, prop: str, *, refines: str | None = None) -> list[str]:
        """Values of the package ``<meta property=...>`` (global unless ``refines``)."""
        return [m.value for m in self.metas if m.property == prop and m.refines == refines]

    @property
    def nav(self) -> HtmlPage | None:
        """The navigation document."""
        nav_paths = {i.path for i in self.items.values() if "nav" in i.properties}
        return next((p for p in self.pages if p.member in nav_paths), None)

    @property
    def content_pages(self) -> list[HtmlPage]:
        """Content documents other than the navigation document."""
        nav = self.nav
        return [p for p in self.pages if p is not nav]

    @property
    def rendered_pages(self) -> list[HtmlPage]:
        """The pages a reader shows: the spine's documents and the navigation document.

        A content document outside the spine is never shown: a hyperlink to it is an
        error of its own (EPUBCheck RSC-011, in ``epub-structure``), and Ace, whose
        checks the HTML rules stand in for in a book, reads the spine's documents only.
        Data navigation documents (``data-nav``) are for machines (Region-Based
        Navigation 1.0), wherever they are.
        """
        shown = {self.items[i].path for i in self.spine if i in self.items}
        data_nav = {i.path for i in self.items.values() if "data-nav" in i.properties}
        nav = self.nav
        return [
            p for p in self.pages if (p is nav or p.member in shown) and p.member not in data_nav
        ]

    def read(self, member: str, limit: int = MAX_BYTES) -> bytes:
        """The bytes of a zip member, refusing one too large."""
        assert self.archive is not None
        info = self.info(member)
        if info is None:
            raise Unreadable(f"{member} is listed but missing from the zip")
        if info.file_size > limit:
            raise Unreadable(f"{member} is {info.file_size} bytes unpacked; the limit is {limit}")
        with self.archive.open(info) as stream:
            return stream.read(limit + 1)[:limit]

    def close(self) -> None:
        """Close the zip."""
        if self.archive is not None:
            self.archive.close()


def _text(element: etree._Element) -> str:
    return " ".join("".join(str(t) for t in element.itertext()).split())


def normalized(value: str | None) -> str:
    """An attribute or text value with its white space collapsed, as XML tokens compare.

    >>> normalized("  nav   toc ")
    'nav toc'
    """
    return " ".join((value or "").split())


# XML 1.0 (fifth edition) names without colons: NameStartChar, then NameChar
_NAME_START = (
    r"A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D"
    r"\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF"
)
NCNAME = re.compile(rf"[{_NAME_START}][{_NAME_START}\-.0-9\u00B7\u0300-\u036F\u203F-\u2040]*\Z")


def is_ncname(value: str) -> bool:
    """Whether ``value`` is an XML name without colons (the XML Schema ``NCName``).

    >>> is_ncname("s1"), is_ncname("1"), is_ncname("a:b"), is_ncname("-x")
    (True, False, False, False)
    """
    return NCNAME.match(value) is not None


def is_remote(url: str) -> bool:
    """Whether a URL names a resource outside the container (a network URL).

    URL parsers strip surrounding white space, so ``" http://x.org/a"`` is remote too.

    >>> is_remote(" ftp://example.org/a.mp3"), is_remote("audio/a.mp3")
    (True, False)
    """
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https", "ftp") or bool(parts.netloc)


def child_elements(element: etree._Element) -> list[etree._Element]:
    """The element children of ``element``, without comments and processing instructions."""
    return [c for c in element if isinstance(c.tag, str)]


def parse_xml(data: bytes, what: str) -> etree._Element:
    """Parse XML from an untrusted file: no DTD, no entities, no network."""
    try:
        return parse_xml_bytes(data)
    except etree.XMLSyntaxError as error:
        raise Unreadable(f"{what} is not well-formed XML: {error}") from None


def load_epub(path: Path) -> EpubBook:
    """Open an EPUB and parse its package, navigation and content documents."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise Unreadable(f"not an EPUB (zip) file: {error}") from None
    try:
        book = _read_package(path, archive)
        for item in book.items.values():
            if item.media_type == "application/xhtml+xml":
                try:
                    book.pages.append(_content_page(book, item))
                except Unreadable as error:  # a structure finding; the rest is still checked
                    book.broken.append((item.path, str(error)))
    except Unreadable:
        archive.close()
        raise
    return book


def _read_package(path: Path, archive: zipfile.ZipFile) -> EpubBook:
    if len(archive.infolist()) > MAX_MEMBERS:
        raise Unreadable(f"the zip has more than {MAX_MEMBERS} members")
    shell = EpubBook(str(path), "", etree.Element("package"), {}, [], None, {}, [], archive=archive)
    container = parse_xml(shell.read("META-INF/container.xml"), "META-INF/container.xml")
    rootfile = container.find(f".//{CONTAINER}rootfile")
    opf_path = rootfile.get("full-path") if rootfile is not None else None
    if not opf_path:
        raise Unreadable("META-INF/container.xml names no package document")
    if not shell.has(opf_path) and shell.has(unquote(opf_path)):
        opf_path = unquote(opf_path)  # a percent-encoded path, as some tools write it
    package = parse_xml(shell.read(opf_path), opf_path)
    base = posixpath.dirname(opf_path)
    items: dict[str, Item] = {}
    for element in package.iterfind(f"{OPF}manifest/{OPF}item"):
        parts = urlsplit(element.get("href") or "")
        href = parts.path
        ident = normalized(element.get("id"))  # an XML ID: surrounding spaces do not count
        items[ident] = Item(
            id=ident,
            path=posixpath.normpath(posixpath.join(base, unquote(href))),
            media_type=element.get("media-type") or "",
            properties=frozenset((element.get("properties") or "").split()),
            media_overlay=normalized(element.get("media-overlay")) or None,
            fallback=normalized(element.get("fallback")) or None,
            remote=bool(parts.scheme or parts.netloc),
            href=element.get("href") or "",
        )
    spine_element = package.find(f"{OPF}spine")
    itemrefs = [] if spine_element is None else list(spine_element.iterfind(f"{OPF}itemref"))
    spine = [normalized(i.get("idref")) for i in itemrefs]
    dc: dict[str, list[str]] = {}
    metas: list[Meta] = []
    metadata = package.find(f"{OPF}metadata")
    epub3 = (package.get("version") or "").startswith("3")
    for element in metadata if metadata is not None else []:
        if not isinstance(element.tag, str):
            continue
        if element.tag.startswith(DC):
            dc.setdefault(element.tag[len(DC) :], []).append(_text(element))
        elif element.tag == f"{OPF}meta":
            refines = element.get("refines")
            if element.get("property"):
                value = _text(element)
                metas.append(Meta(element.get("property") or "", value, refines))
            elif element.get("name") and not (epub3 and ":" in (element.get("name") or "")):
                # EPUB 2 syntax; an EPUB 3 package states properties (schema:…) only as
                # <meta property>, as reading systems and Ace read them.
                metas.append(Meta(element.get("name") or "", element.get("content") or "", None))
    shell.opf_path = opf_path
    shell.package = package
    shell.items = items
    shell.spine = spine
    shell.page_progression = (
        None if spine_element is None else spine_element.get("page-progression-direction")
    )
    written = {element.get("id") for element in package.iterfind(f"{OPF}manifest/{OPF}item")}
    shell.spine_as_written = [
        normalized(i.get("idref")) for i in itemrefs if i.get("idref") in written
    ]
    shell.itemref_properties = {
        normalized(i.get("idref")): frozenset((i.get("properties") or "").split()) for i in itemrefs
    }
    shell.nonlinear = {
        items[normalized(i.get("idref"))].path
        for i in itemrefs
        if normalized(i.get("linear")) == "no" and normalized(i.get("idref")) in items
    }
    shell.dc = dc
    shell.metas = metas
    return shell


def _content_page(book: EpubBook, item: Item) -> HtmlPage:
    try:
        root = parse_xhtml(book.read(item.path))
    except Unreadable as error:
        raise Unreadable(f"{item.path}: {error}") from None
    folder = posixpath.dirname(item.path)

    def member_css(href: str) -> str | None:
        name = posixpath.normpath(posixpath.join(folder, href))
        try:
            return book.read(name, MAX_CSS_BYTES).decode("utf-8", errors="replace")
        except Unreadable:
            return None

    return HtmlPage(book.file, root, collect_css(root, member_css), member=item.path, in_epub=True)
