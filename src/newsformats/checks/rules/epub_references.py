"""The resources content documents refer to, checked as EPUBCheck checks them (``epub-structure``).

Every XHTML and SVG content document is read for the URLs EPUBCheck registers as
references, each of a kind (hyperlink, image, style sheet, SVG paint or symbol,
audio, video, font, citation, track, other), and every ``id`` with the kind of
element it names (a gradient or pattern is an SVG paint server, a ``clipPath`` a
clipping path, a ``symbol`` a symbol, anything else generic). Each reference is then
judged in EPUBCheck's order (``ResourceReferencesChecker``), stopping at the first
error: remote where it may not be (RSC-006), missing from the zip (RSC-007) or the
manifest (RSC-008), a foreign resource with no fallback of a core media type, in
the manifest or offered by the element itself (RSC-032), a style sheet named with a
fragment (RSC-013), an SVG paint or ``use`` without one (RSC-015), a fragment
naming no element (RSC-012) or an element of the wrong kind (RSC-014). A document
that uses remote resources declares ``remote-resources`` (OPF-014), and an SVG
document declares ``scripted`` and ``mathml`` when it has them (OPF-014, OPF-015).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from lxml import etree

from ..findings import Location
from ..loaders import Unreadable
from ..loaders.epub import OPF, EpubBook, Item, is_remote
from ..loaders.html import HtmlPage, parse_xhtml
from ..registry import Problem
from .epub_css import may_be_remote, remote_key, sheets, urls
from .epub_media import data_item, has_core_fallback, is_core_media_type
from .epub_ncx import NCX
from .epub_package import content_document_chain, fragment_id

XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
XHTML_TYPE = "application/xhtml+xml"
NCX_TYPE = "application/x-dtbncx+xml"
SVG_TYPE = "image/svg+xml"
# Kinds of reference that may be remote whatever they name (EPUB 3.3 3.6), and the
# kinds that are no publication resources (a remote one is neither checked nor listed).
REMOTE_KINDS = frozenset({"media", "font"})
NOT_RESOURCES = frozenset({"hyperlink", "cite"})
# Kinds whose target ID must be of the same kind, or (second set) of the same or generic.
# Kinds whose resource, if foreign, needs a fallback (RSC-032).
FALLBACK_KINDS = frozenset({"image", "media", "generic"})
SAME_KIND = frozenset({"svg-paint", "svg-clip-path"})
SAME_OR_GENERIC = frozenset({"svg-symbol", "cite", "hyperlink"})
ID_KINDS = {
    "lineargradient": "svg-paint",
    "radialgradient": "svg-paint",
    "pattern": "svg-paint",
    "clippath": "svg-clip-path",
    "symbol": "svg-symbol",
}
EVENT_HANDLER = re.compile(r"^on[a-z]+$", re.IGNORECASE)
JAVASCRIPT_TYPES = {
    "", "module", "text/javascript", "application/javascript", "application/ecmascript",
    "text/ecmascript", "application/x-javascript", "text/x-javascript",
}  # fmt: skip
PSEUDO_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


@dataclass(frozen=True)
class Reference:
    """One URL a content document uses, of one kind, where it is written.

    ``resource`` marks URLs whose remote use needs the document's
    ``remote-resources`` property (EPUBCheck's ``checkResourceURL``); ``fallback``
    those the element itself offers a fallback for (a ``picture``, an ``object``'s
    content, another ``source`` of a core media type).
    """

    kind: str
    url: str
    element: etree._Element
    resource: bool = False
    fallback: bool = False


@dataclass
class Document:
    """A content document (XHTML or SVG) or the NCX, without namespaces, with its item."""

    page: HtmlPage
    item: Item
    svg: bool
    ncx: bool = False


def srcset_urls(value: str) -> list[str]:
    """The URLs of a ``srcset`` (HTML's parsing: a URL runs to whitespace; commas part them).

    >>> srcset_urls("a.png 1x,b.png 2x, data:image/png;base64,iVBO 3x")
    ['a.png', 'b.png', 'data:image/png;base64,iVBO']
    """
    urls: list[str] = []
    i, n = 0, len(value)
    while i < n:
        while i < n and (value[i].isspace() or value[i] == ","):
            i += 1
        start = i
        while i < n and not value[i].isspace():
            i += 1
        url = value[start:i]
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            depth = 0
            while i < n and not (value[i] == "," and depth == 0):
                depth += {"(": 1, ")": -1}.get(value[i], 0)
                i += 1
        if url:
            urls.append(url)
    return urls


def documents(book: EpubBook) -> list[Document]:
    """The XHTML content documents (already parsed) and the SVG ones (parsed here)."""
    by_path = {i.path: i for i in book.items.values() if not i.remote}
    found = [
        Document(page, by_path[page.member], False) for page in book.pages if page.member in by_path
    ]
    for item in book.local_items(SVG_TYPE, NCX_TYPE):
        ncx = item.kind == NCX_TYPE
        try:
            data = book.read(item.path)
            root = parse_xhtml(data, (NCX,)) if ncx else parse_xhtml(data)
        except Unreadable:
            continue  # not well-formed: reported as such
        page = HtmlPage(book.file, root, member=item.path, in_epub=True)
        if ncx:
            found.append(Document(page, item, False, ncx=True))
            continue
        page.cache["stylesheet-pis"] = _stylesheet_pis(root)
        found.append(Document(page, item, True))
    return found


def _stylesheet_pis(root: etree._Element) -> list[tuple[etree._Element, str]]:
    """``<?xml-stylesheet href=…?>`` instructions before the root (CSS or untyped)."""
    found = []
    node = root.getprevious()
    while node is not None:
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-stylesheet":
            pseudo = {m.group(1): m.group(2) or m.group(3) or "" for m in
                      PSEUDO_ATTRIBUTE.finditer(node.text or "")}  # fmt: skip
            kind = pseudo.get("type")
            if "href" in pseudo and (kind is None or kind.strip() == "text/css"):
                found.append((root, pseudo["href"]))
        node = node.getprevious()
    return found


def references(
    document: Document, type_of: Callable[[str], str | None] = lambda url: None
) -> Iterator[Reference]:
    """The references of one document, in document order, as EPUBCheck registers them.

    ``type_of`` gives the media type of the resource a URL names, if known: a
    media element's sources offer each other a fallback when one is a core type.
    """
    root = document.page.root
    if document.ncx:  # the NCX's entries are hyperlinks
        for content in root.iter("content"):
            if content.get("src") is not None:
                yield Reference("hyperlink", content.get("src") or "", content)
        return
    for _, href in document.page.cache.get("stylesheet-pis", []):
        yield Reference("stylesheet", href, root)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname
        if _in_svg(element, name, document.svg):
            yield from _svg_references(element, name)
        else:
            yield from _html_references(element, name, type_of)


def _in_svg(element: etree._Element, name: str, svg_document: bool) -> bool:
    """True for an SVG element (namespaces are dropped: its nearest svg or foreignObject)."""
    if name == "svg":
        return True
    for ancestor in element.iterancestors():
        ancestor_name = etree.QName(ancestor).localname
        if ancestor_name == "foreignObject":
            return False
        if ancestor_name == "svg":
            return True
    return svg_document


def _svg_references(element: etree._Element, name: str) -> Iterator[Reference]:
    get = element.get
    for attribute in ("fill", "stroke"):
        paint = get(attribute) or ""
        if paint.startswith("url(") and paint.endswith(")"):
            yield Reference("svg-paint", paint[4:-1], element)
    href = get(XLINK_HREF)
    if href is None:
        return
    # (font-face-uri is read with the style sheets, in epub_css)
    kind = {"use": "svg-symbol", "image": "image", "a": "hyperlink"}
    if name in kind:
        yield Reference(kind[name], href, element, name == "image")


def _html_references(
    element: etree._Element, name: str, type_of: Callable[[str], str | None]
) -> Iterator[Reference]:
    get = element.get
    parent = element.getparent()
    parent_name = etree.QName(parent).localname if parent is not None else ""
    if name in ("a", "area") and get("href") is not None:
        yield Reference("hyperlink", get("href") or "", element)
    elif name == "img" or (name == "source" and parent_name == "picture"):
        in_picture = parent_name == "picture"
        urls = [get("src")] if name == "img" else []
        srcset = get("srcset") or ""
        if "data:" not in srcset:  # a data URL may hold whitespace and commas: not parted
            urls += srcset_urls(srcset)
        for url in urls:
            if url is not None:
                yield Reference("image", url, element, True, in_picture)
    elif name == "math" and get("altimg") is not None:
        yield Reference("image", get("altimg") or "", element)
    elif name in ("audio", "video"):
        if name == "video" and get("poster") is not None:
            yield Reference("image", get("poster") or "", element, True)
        if get("src") is not None:
            yield Reference("media", get("src") or "", element, True)
    elif name == "source" and parent_name in ("audio", "video") and get("src") is not None:
        assert parent is not None
        offered = [
            (s.get("type") or "").split(";")[0].strip() or type_of(s.get("src") or "") or ""
            for s in parent
            if isinstance(s.tag, str) and etree.QName(s).localname == "source"
        ]
        core = any(is_core_media_type(t) for t in offered)
        yield Reference("media", get("src") or "", element, True, core)
    elif name == "track" and get("src") is not None:
        yield Reference("track", get("src") or "", element, True)
    elif name in ("input", "embed", "iframe", "script") and get("src") is not None:
        yield Reference("generic", get("src") or "", element, True)
    elif name == "object" and get("data") is not None:
        yield Reference("generic", get("data") or "", element, True, _palpable_content(element))
    elif name in ("blockquote", "q", "ins", "del") and get("cite") is not None:
        yield Reference("cite", get("cite") or "", element)
    elif name == "link" and "stylesheet" in (get("rel") or "").lower() and get("href"):
        yield Reference("stylesheet", get("href") or "", element)


EMBEDDED = frozenset({"audio", "canvas", "embed", "iframe", "img", "object", "picture", "video"})
NOT_PALPABLE = frozenset({"html", "head", "script", "link", "meta", "title", "style"})


def _palpable_content(element: etree._Element) -> bool:
    """True when the element holds text or embedded content (an ``object``'s own fallback).

    As EPUBCheck reads palpable content: ``hidden`` elements, metadata and ``param``
    without text do not count; embedded content, ``svg`` and ``math`` do.
    """
    if (element.text or "").strip():
        return True
    for child in element:
        if not isinstance(child.tag, str):
            if (child.tail or "").strip():
                return True
            continue
        if (child.tail or "").strip():
            return True
        name = etree.QName(child).localname
        if child.get("hidden") is not None or name in NOT_PALPABLE:
            continue
        if name in EMBEDDED or name in ("svg", "math") or _palpable_content(child):
            return True
    return False


def id_kinds(document: Document) -> dict[str, str]:
    """Each ``id`` of a document with the kind of element it names (the first one counts)."""
    kinds: dict[str, str] = {}
    for element in document.page.root.iter():
        if not isinstance(element.tag, str) or element.get("id") is None:
            continue
        name = etree.QName(element).localname.lower()
        kinds.setdefault(str(element.get("id")), ID_KINDS.get(name, "generic"))
    return kinds


def target_id(fragment: str, media_type: str) -> str:
    """The id a fragment names in a resource of this type ("" when it names none).

    SVG reads ``svgView(…)``, time and space fragments and ``&``-joined parts; other
    XML reads scheme-based fragments (``xpointer(…)``); XHTML as :func:`fragment_id`.

    >>> target_id("g1&t=3", "image/svg+xml"), target_id("svgView(viewBox(0,0,1,1))", SVG_TYPE)
    ('g1', '')
    """
    if media_type == SVG_TYPE:
        first = fragment.split("&")[0]
        if first.startswith(("svgView(", "t=", "xywh=")) or "=" in first:
            return ""
        return unquote(first)
    return fragment_id(fragment)


SPECIAL_SCHEMES = ("http", "https", "ftp", "ws", "wss")
FORBIDDEN_HOST = re.compile(r"[\s#/<>?@\[\\\]^|]")


def invalid_url(url: str) -> str | None:
    """Why a URL of a network scheme does not parse as the URL Standard says, if it does not.

    EPUBCheck (RSC-020) parses every URL strictly: ``https:`` is followed by ``//``,
    and the host holds no space or other forbidden host code point.

    >>> invalid_url("https:www.example.org")
    'https: is not followed by //'
    >>> invalid_url("http://www.example .org/a b")
    "the host 'www.example .org' has a space or a forbidden character"
    >>> invalid_url("https://user@[::1]:8080/a?b#c") is None
    True
    """
    scheme, colon, rest = url.partition(":")
    if not colon or scheme.lower() not in SPECIAL_SCHEMES:
        return None
    if not rest.startswith("//"):
        return f"{scheme}: is not followed by //"
    authority = re.split(r"[/?#\\]", rest[2:], maxsplit=1)[0]
    host = authority.rpartition("@")[2]
    if not host.startswith("["):
        host = host.partition(":")[0]
    if not host:
        return "it has no host"
    if not host.startswith("[") and FORBIDDEN_HOST.search(host):
        return f"the host {host!r} has a space or a forbidden character"
    return None


def content_references(book: EpubBook) -> Iterator[Problem]:
    """Judge every reference of every content document, as EPUBCheck does (module docstring)."""
    epub3 = (book.package.get("version") or "").startswith("3")
    docs = documents(book)
    ids = {d.item.path: id_kinds(d) for d in docs}
    by_path = {i.path: i for i in book.items.values() if not i.remote}
    remote_items = {remote_key(i.href): i for i in book.items.values() if i.remote}
    spine = set(book.spine)
    referenced: set[str] = set()
    for document in docs:
        page = document.page
        folder = posixpath.dirname(document.item.path)
        uses_remote = False

        def type_of(url: str, folder: str = folder) -> str | None:
            parts = urlsplit(url.strip())
            if parts.scheme or parts.netloc or not parts.path:
                return None
            found = by_path.get(posixpath.normpath(posixpath.join(folder, unquote(parts.path))))
            return found.media_type if found is not None else None

        for reference in references(document, type_of):
            url = reference.url.strip()
            if not url or url == ".":
                continue
            where = page.locate(reference.element)
            parts = urlsplit(url)
            scheme = parts.scheme.lower()
            if scheme == "data":
                if reference.kind == "hyperlink":
                    yield Problem("a hyperlink may not be a data: URL", where)
                data = data_item(url[len("data:") :])
                needs_fallback = reference.kind in FALLBACK_KINDS and not reference.fallback
                if needs_fallback and not is_core_media_type(data.media_type):
                    yield Problem(
                        f"a data: URL ({data.media_type}) is not a core media type and has "
                        "no fallback",
                        where,
                    )
                continue
            if scheme == "file":
                yield Problem(f"{url!r} is a file: URL", where)
                continue
            if not scheme and not parts.netloc and "?" in url.partition("#")[0]:
                yield Problem(f"the relative URL {url!r} has a query", where)  # RSC-033
            invalid = invalid_url(url)
            if invalid:
                yield Problem(f"{url!r} is not a valid URL: {invalid}", where)  # RSC-020
            if is_remote(url):
                if reference.kind == "hyperlink":
                    continue  # another site, not a publication resource
                referenced.add(remote_key(url))
                uses_remote = uses_remote or reference.resource
                yield from _remote(reference, url, where, remote_items, spine, epub3)
                continue
            if scheme:
                continue  # mailto:, tel:, urn:… name no resource
            target = document.item.path
            if parts.path:
                target = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
            if target.startswith("../") or target == "..":
                yield Problem(f"{url!r} points outside the container", where)
                continue
            item = by_path.get(target)
            if item is None:
                if not book.has(target):
                    yield Problem(f"{url!r} is not in the EPUB", where)
                else:
                    yield Problem(f"{url!r} is not in the manifest", where)
                continue
            needs_fallback = reference.kind in FALLBACK_KINDS and not reference.fallback
            if needs_fallback and not has_core_fallback(book, item):
                yield Problem(
                    f"{item.path} ({item.media_type}) is not a core media type and has no fallback",
                    where,
                )
            if document.ncx and not content_document_chain(book, item):
                yield Problem(f"the NCX leads to {item.path}, which is no content document", where)
                continue
            if document.ncx and item.id not in book.spine:
                yield Problem(f"the NCX leads to {item.path}, which is not in the spine", where)
                continue
            problem = _kind_and_fragment(reference, url, item, ids)
            if problem:
                yield Problem(problem, where)
        if uses_remote and epub3 and "remote-resources" not in document.item.properties:
            yield Problem(
                "the document uses remote resources but its manifest item lacks "
                'properties="remote-resources"',
                Location(member=document.item.path),
            )
        if document.svg and epub3:
            yield from _svg_properties(document)
    if epub3 and not any(_uses_scripts(d) for d in docs):
        yield from _unused_remote_items(book, referenced)


def _unused_remote_items(book: EpubBook, referenced: set[str]) -> Iterator[Problem]:
    """A remote item other than audio, video or a font that nothing uses (RSC-006).

    EPUBCheck reports it whether used or not, unless a script might fetch it.
    """
    candidates = [
        item
        for item in book.items.values()
        if item.remote
        and item.id not in book.spine
        and not may_be_remote(item.media_type)
        and item.media_type.split(";")[0].strip() != "application/x-shockwave-flash"
        and remote_key(item.href) not in referenced
    ]
    if not candidates:
        return
    referenced = referenced | {remote_key(url) for sheet in sheets(book) for url, _ in urls(sheet)}
    for link in book.package.iter(f"{OPF}link"):
        referenced.add(remote_key(link.get("href") or ""))
    for item in book.items.values():  # a media overlay is used by the documents naming it
        overlay = book.items.get(item.media_overlay or "")
        if overlay is not None:
            referenced.add(remote_key(overlay.href))
    for item in candidates:
        if remote_key(item.href) not in referenced:
            media_type = item.media_type.split(";")[0].strip()
            yield Problem(
                f"{item.href} is a remote {media_type} resource; it must be in the EPUB",
                Location(member=book.opf_path),
            )


def _remote(
    reference: Reference,
    url: str,
    where: Location,
    remote_items: dict[str, Item],
    spine: set[str],
    epub3: bool,
) -> Iterator[Problem]:
    """RSC-006 (a remote resource where EPUB wants it in the container) and RSC-008."""
    item = remote_items.get(remote_key(url))
    if reference.kind != "cite":
        allowed = epub3 and (
            (item is not None and (item.id in spine or may_be_remote(item.media_type)))
            or reference.kind in REMOTE_KINDS
        )
        if not allowed:
            yield Problem(f"{url!r} is a remote resource; it must be in the EPUB", where)
            return
        if item is None:
            yield Problem(f"the remote {url!r} is not in the manifest", where)


def _kind_and_fragment(
    reference: Reference, url: str, item: Item, ids: dict[str, dict[str, str]]
) -> str | None:
    """What EPUBCheck's reference-type and fragment checks find, or None."""
    has_fragment = "#" in url
    fragment = url.split("#", 1)[1] if has_fragment else ""
    if reference.kind == "stylesheet" and has_fragment:
        return f"{url!r}: a style sheet is named with a fragment identifier"
    if reference.kind in ("svg-paint", "svg-symbol") and not has_fragment:
        return f"{url!r}: an SVG paint or use reference needs a fragment identifier"
    media_type = item.media_type.split(";")[0].strip()
    if not fragment or media_type not in (XHTML_TYPE, SVG_TYPE):
        return None
    wanted = target_id(fragment, media_type)
    known = ids.get(item.path)
    if not wanted or known is None:
        return None
    found = known.get(wanted)
    if found is None:
        return f"{url!r}: no element has that id"
    if reference.kind in SAME_KIND and found != reference.kind:
        return f"{url!r} names a {found} element, not a {reference.kind} one"
    if reference.kind in SAME_OR_GENERIC and found not in (reference.kind, "generic"):
        return f"{url!r} names a {found} element, not a {reference.kind} one"
    return None


def _uses_scripts(document: Document) -> bool:
    """A script that runs (not a data block) or an event handler attribute."""
    for element in document.page.root.iter():
        if not isinstance(element.tag, str):
            continue
        kind = (element.get("type") or "").split(";")[0].strip().lower()
        if etree.QName(element).localname == "script" and kind in JAVASCRIPT_TYPES:
            return True
        if any(EVENT_HANDLER.match(str(a)) for a in element.attrib):
            return True
    return False


def _svg_properties(document: Document) -> Iterator[Problem]:
    """An SVG content document declares ``scripted`` and ``mathml`` exactly when it has them."""
    root = document.page.root
    uses = {
        "scripted": _uses_scripts(document),
        "mathml": next(root.iter("math"), None) is not None,
    }
    where = Location(member=document.item.path)
    for prop, used in uses.items():
        if used and prop not in document.item.properties:
            yield Problem(
                f"the SVG document uses {prop} content but its manifest item lacks "
                f'properties="{prop}"',
                where,
            )
        elif prop in document.item.properties and not used:
            yield Problem(
                f'the manifest item declares properties="{prop}" but the SVG document has '
                f"no {prop} content",
                where,
            )
