"""EPUB structure checks of the container and the package (parts of ``epub-structure``).

Each follows the EPUB 3.3 requirement that EPUBCheck reports under the message id
named in its docstring.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from lxml import etree

from ..findings import Location
from ..loaders import Unreadable
from ..loaders.epub import CONTAINER, EpubBook, Item, child_elements, parse_xml
from ..loaders.html import HtmlPage
from ..registry import Problem

XMLENC = "{http://www.w3.org/2001/04/xmlenc#}"
XMLDSIG = "{http://www.w3.org/2000/09/xmldsig#}"
COMPRESSION = "{http://www.idpf.org/2016/encryption#compression}"
EPUB_NS = "{http://www.idpf.org/2007/ops}"
OPF_NS = "{http://www.idpf.org/2007/opf}"
OBFUSCATION = "http://www.idpf.org/2008/embedding"
# Font core media types: the only resources the IDPF obfuscation may hide (EPUB 3.3 4.3.6.1).
FONT_CORE_TYPES = {
    "font/otf", "font/ttf", "font/woff", "font/woff2", "application/font-sfnt",
    "application/font-woff", "application/vnd.ms-opentype", "application/x-font-ttf",
}  # fmt: skip

# The manifest item properties of EPUB 3.3 (D.4.2), with the media types that may carry
# them; ``switch`` is deprecated but still defined. Unprefixed others are undefined.
ITEM_PROPERTIES: dict[str, tuple[str, ...]] = {
    "cover-image": ("image/",),
    "data-nav": ("application/xhtml+xml",),
    "dictionary": ("application/vnd.epub.search-key-map+xml",),
    "glossary": ("application/vnd.epub.search-key-map+xml", "application/xhtml+xml"),
    "index": ("application/xhtml+xml",),
    "mathml": ("application/xhtml+xml", "image/svg+xml"),
    "nav": ("application/xhtml+xml",),
    "remote-resources": (
        "application/xhtml+xml", "application/smil+xml", "image/svg+xml", "text/css",
    ),
    "scripted": ("application/xhtml+xml", "image/svg+xml"),
    "search-key-map": ("application/vnd.epub.search-key-map+xml",),
    "svg": ("application/xhtml+xml",),
    "switch": ("application/xhtml+xml", "image/svg+xml"),
}  # fmt: skip
# Reserved prefixes whose vocabularies define no manifest item property.
NO_ITEM_PROPERTIES = {"rendition", "media"}
# EPUB 3.3 D.4.2: the spine itemref properties without a prefix (the rendition: ones
# are judged with the rendition properties)
ITEMREF_PROPERTIES = frozenset({"page-spread-left", "page-spread-right"})
CONTENT_DOCUMENT_TYPES = {"application/xhtml+xml", "image/svg+xml"}


SCHEME_FRAGMENT = re.compile(r"\w+\(.*\)")
MEDIA_FRAGMENT = re.compile(r"(t|xywh|track|id|xyn|xyr)=[^&]+(&[^&=]+=[^&]+)*")


def fragment_id(fragment: str) -> str:
    """The element id an XHTML URL fragment names, or "" when it names no element.

    As HTML and EPUBCheck read fragments: a text directive (``:~:``) is left out;
    a scheme-based fragment (``epubcfi(…)``) and a media fragment (``t=10``) name
    no id.

    >>> [fragment_id(f) for f in ("c01", "epubcfi(/6/4)", "t=3", "a:~:text=x")]
    ['c01', '', '', 'a']
    """
    fragment = fragment.split(":~:")[0]
    if SCHEME_FRAGMENT.fullmatch(fragment) or MEDIA_FRAGMENT.fullmatch(fragment):
        return ""
    return unquote(fragment)


def package_location(book: EpubBook) -> Location:
    """Where a finding about the package document points."""
    return Location(member=book.opf_path)


def manifest_items(book: EpubBook) -> Iterator[Problem]:
    """Manifest items name their own resource once, with defined properties and fallbacks.

    EPUBCheck: an item in ``META-INF`` (PKG-025), the package document listing
    itself (OPF-099), two items for one resource (OPF-074), undefined properties
    (OPF-027, on an item or a spine itemref) or properties on a media type they do
    not apply to (OPF-012), a ``fallback`` naming no item (OPF-040) or going round in
    a circle (OPF-045).
    """
    for idref, properties in book.itemref_properties.items():
        for prop in sorted(p for p in properties if ":" not in p):
            if prop not in ITEMREF_PROPERTIES:
                said = f"{prop!r} (itemref {idref!r}) is not a spine itemref property"
                yield Problem(said, package_location(book))
    seen: dict[str, str] = {}
    for item in book.items.values():
        where = Location(member=item.path)
        if not item.remote:
            if item.path.startswith("META-INF/"):
                yield Problem(f"{item.path}: META-INF holds no publication resource", where)
            if item.path == book.opf_path:
                yield Problem(
                    "the manifest lists the package document itself", package_location(book)
                )
            if item.path in seen:
                yield Problem(
                    f"items {seen[item.path]!r} and {item.id!r} are the same resource", where
                )
            seen.setdefault(item.path, item.id)
        media_type = item.media_type.split(";")[0].strip()
        for prop in sorted(item.properties):
            prefix, colon, _ = prop.partition(":")
            if colon:
                if prefix in NO_ITEM_PROPERTIES:
                    yield Problem(
                        f"{prop!r} is not a manifest item property", package_location(book)
                    )
                continue
            allowed = ITEM_PROPERTIES.get(prop)
            if allowed is None:
                yield Problem(f"{prop!r} is not a manifest item property", package_location(book))
            elif not any(
                media_type == a or (a.endswith("/") and media_type.startswith(a)) for a in allowed
            ):
                yield Problem(f"{prop!r} does not apply to {media_type}", package_location(book))
    for item in book.items.values():
        chain: list[str] = [item.id]
        current = item
        while current.fallback:
            following = book.items.get(current.fallback)
            if following is None:
                yield Problem(
                    f"item {current.id!r} falls back to {current.fallback!r}, which is no item",
                    package_location(book),
                )
                break
            if following.id in chain:
                if following.id == item.id:  # reported once, by the item the circle starts at
                    yield Problem(
                        f"the fallback chain of {item.id!r} goes round in a circle",
                        package_location(book),
                    )
                break
            chain.append(following.id)
            current = following


# OCF's signature and encryption files: root element and the children it may hold.
OCF_FILES = (
    ("META-INF/encryption.xml", "encryption", (f"{XMLENC}EncryptedKey", f"{XMLENC}EncryptedData")),
    ("META-INF/signatures.xml", "signatures", (f"{XMLDSIG}Signature",)),
)


def ocf_files(book: EpubBook) -> Iterator[Problem]:
    """``META-INF/encryption.xml`` and ``signatures.xml`` follow the OCF content models.

    EPUBCheck's schemas (RSC-005): ``encryption`` holds ``EncryptedKey`` and
    ``EncryptedData`` elements, a ``Compression`` has a ``Method`` of 0 or 8 and a
    non-negative ``OriginalLength``; ``signatures`` holds ``Signature`` elements.
    A resource hidden by the IDPF font obfuscation must be a font core media type
    (PKG-026). ``container.xml`` (version 1.0) holds ``rootfiles`` with ``rootfile``
    elements (a ``full-path`` and the package media type) and optional ``links``.
    """
    problem = _container_schema(book)
    if problem:
        yield Problem(problem, Location(member="META-INF/container.xml"))
    for name, root_name, children in OCF_FILES:
        if not book.has(name):
            continue
        where = Location(member=name)
        try:
            root = parse_xml(book.read(name), name)
        except Unreadable as error:
            yield Problem(str(error), where)
            continue
        if root.tag != f"{CONTAINER}{root_name}":
            yield Problem(f"{name}'s root is not <{root_name}> in the OCF namespace", where)
            continue
        elements = child_elements(root)
        if not elements:
            yield Problem(f"<{root_name}> is empty", where)
        for child in elements:
            if child.tag not in children:
                yield Problem(f"<{root_name}> may not hold <{etree.QName(child).localname}>", where)
                break
        if root_name == "encryption":
            yield from _compression(root, where)
            yield from _obfuscated(book, root, where)


def _container_schema(book: EpubBook) -> str | None:
    """What breaks EPUBCheck's ocf-container-30.rnc in ``META-INF/container.xml`` (RSC-005)."""
    try:
        root = parse_xml(book.read("META-INF/container.xml"), "META-INF/container.xml")
    except Unreadable:
        return None  # reported as the unreadable container it is
    if root.tag != f"{CONTAINER}container" or root.get("version") != "1.0":
        return 'the container is not <container version="1.0"> in the OCF namespace'
    kids = child_elements(root)
    if [c.tag for c in kids] not in (
        [f"{CONTAINER}rootfiles"], [f"{CONTAINER}rootfiles", f"{CONTAINER}links"],
    ):  # fmt: skip
        return "<container> holds <rootfiles> and optional <links>"
    for group, child, required in (
        ("rootfiles", "rootfile", {"full-path", "media-type"}),
        ("links", "link", {"href", "rel"}),
    ):
        for holder in root.iterfind(f"{CONTAINER}{group}"):
            items = child_elements(holder)
            if not items or any(c.tag != f"{CONTAINER}{child}" for c in items):
                return f"<{group}> holds <{child}> elements, at least one"
            for item in items:
                own = {str(a) for a in item.attrib if not str(a).startswith("{")}
                allowed = required | ({"media-type"} if child == "link" else set())
                if not required <= own or own - allowed or len(item):
                    return f"a <{child}> has the attributes {', '.join(sorted(required))}"
                if (
                    child == "rootfile"
                    and item.get("media-type") != "application/oebps-package+xml"
                ):
                    return "a <rootfile> has media-type application/oebps-package+xml"
    return None


def _compression(root: etree._Element, where: Location) -> Iterator[Problem]:
    for element in root.iter(f"{COMPRESSION}Compression"):
        method = element.get("Method")
        length = element.get("OriginalLength") or ""
        if method not in ("0", "8"):
            yield Problem(f"Compression Method {method!r} is not 0 or 8", where)
        if not re.fullmatch(r"\+?\d+", length.strip()):
            yield Problem(f"Compression OriginalLength {length!r} is not a length", where)


def _obfuscated(book: EpubBook, root: etree._Element, where: Location) -> Iterator[Problem]:
    by_path = {i.path: i for i in book.items.values() if not i.remote}
    for data in root.iter(f"{XMLENC}EncryptedData"):
        method = data.find(f"{XMLENC}EncryptionMethod")
        if method is None or (method.get("Algorithm") or "").strip() != OBFUSCATION:
            continue
        for reference in data.iter(f"{XMLENC}CipherReference"):
            path = posixpath.normpath(unquote(urlsplit(reference.get("URI") or "").path))
            item = by_path.get(path)
            if item is not None and item.media_type.split(";")[0].strip() not in FONT_CORE_TYPES:
                yield Problem(
                    f"{path} ({item.media_type}) is obfuscated but is not a font core media type",
                    where,
                )


def hyperlinks(page: HtmlPage) -> Iterator[tuple[etree._Element, str]]:
    """The hyperlinks of a content document (``a``, ``area``, SVG ``a``) with their targets."""
    folder = posixpath.dirname(page.member or "")
    for element in page.root.iter():
        if not isinstance(element.tag, str):
            continue
        if etree.QName(element).localname not in ("a", "area"):
            continue
        value = element.get("href") or element.get("{http://www.w3.org/1999/xlink}href") or ""
        parts = urlsplit(value.strip())
        if not parts.path or parts.scheme or parts.netloc:
            continue
        yield element, posixpath.normpath(posixpath.join(folder, unquote(parts.path)))


def spine_links(book: EpubBook, scripted: bool) -> Iterator[Problem]:
    """Hyperlinks lead to content documents of the spine; non-linear ones are reachable.

    EPUBCheck: a hyperlink to a resource that is not a content document and has
    no content-document fallback (RSC-010), to a content document outside the
    spine (RSC-011); a non-linear spine item no hyperlink leads to, in a book
    without scripts (OPF-096).
    """
    by_path = {i.path: i for i in book.items.values() if not i.remote}
    in_spine = {book.items[i].path for i in book.spine if i in book.items}
    linked: set[str] = set()
    for page in book.pages:
        for element, target in hyperlinks(page):
            linked.add(target)
            item = by_path.get(target)
            if item is None:
                continue  # a missing resource is reported on its own
            if not content_document_chain(book, item):
                yield Problem(
                    f"a hyperlink leads to {target} ({item.media_type}), which is no "
                    "content document",
                    page.locate(element),
                )
            elif target not in in_spine:
                yield Problem(
                    f"a hyperlink leads to {target}, which is not in the spine",
                    page.locate(element),
                )
    if scripted:
        return
    for path in sorted(book.nonlinear - linked):
        yield Problem(
            f"the non-linear spine item {path} is reached by no hyperlink", Location(member=path)
        )


def content_document_chain(book: EpubBook, item: Item) -> bool:
    """True when the item, or an item of its fallback chain, is an XHTML or SVG document."""
    seen: set[str] = set()
    current: Item | None = item
    while current is not None and current.id not in seen:
        if current.media_type.split(";")[0].strip() in CONTENT_DOCUMENT_TYPES:
            return True
        seen.add(current.id)
        current = book.items.get(current.fallback or "")
    return False


DOCTYPE = re.compile(
    r"<!DOCTYPE\s+[\w:.-]+\s+(?:PUBLIC\s+([\"'])(.*?)\1\s*([\"'])(.*?)\3|SYSTEM\s+([\"'])(.*?)\5)",
    re.DOTALL,
)
# The external identifiers EPUB 3.3 allows (its section 3.4, "XML conformance").
ALLOWED_EXTERNAL_IDS = {
    "image/svg+xml": ("-//W3C//DTD SVG 1.1//EN", "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"),
    "application/mathml+xml": (
        "-//W3C//DTD MathML 3.0//EN", "http://www.w3.org/Math/DTD/mathml3/mathml3.dtd",
    ),
    "application/x-dtbncx+xml": (
        "-//NISO//DTD ncx 2005-1//EN", "http://www.daisy.org/z3986/2005/ncx-2005-1.dtd",
    ),
}  # fmt: skip
for _kind in ("application/mathml-presentation+xml", "application/mathml-content+xml"):
    ALLOWED_EXTERNAL_IDS[_kind] = ALLOWED_EXTERNAL_IDS["application/mathml+xml"]


def external_identifiers(book: EpubBook) -> Iterator[Problem]:
    """XML resources other than XHTML name no DTD by an external identifier (OPF-073).

    Only SVG 1.1, MathML 3.0 and the NCX may carry their own public DTD.
    """
    documents = [(book.opf_path, "application/oebps-package+xml")] + [
        (i.path, i.media_type.split(";")[0].strip())
        for i in book.items.values()
        if not i.remote and i.media_type.split(";")[0].strip().endswith("xml")
    ]
    for path, media_type in documents:
        if media_type == "application/xhtml+xml" or not book.has(path):
            continue
        try:
            head = book.read(path, 64 * 1024 * 1024)[:4096].decode("utf-8", errors="replace")
        except Unreadable:
            continue
        match = DOCTYPE.search(head)
        if match is None:
            continue
        public, system = match.group(2), match.group(4) or match.group(6)
        if ALLOWED_EXTERNAL_IDS.get(media_type) != (public, system):
            yield Problem(
                "the DOCTYPE names an external identifier, which EPUB 3 allows only for "
                "SVG 1.1, MathML 3.0 and the NCX",
                Location(member=path),
            )


def package_links(book: EpubBook) -> Iterator[Problem]:
    """The package's metadata links state what they link to, as EPUBCheck's OPF checks read them.

    No ``file:`` URL (RSC-030) and no query in a relative URL (RSC-033) in items and
    links. A ``data:`` URL (RSC-029); a link to an element of the package document itself
    (OPF-098); a resource in the container linked without ``media-type`` (OPF-093),
    a ``record`` or ``voicing`` link without one (OPF-094), a ``voicing`` link to
    something other than audio (OPF-095).
    """
    for element in book.package.iter(f"{OPF_NS}item", f"{OPF_NS}link"):
        # EPUBCheck's URLChecker: no file: URL (RSC-030), no query in a relative URL (RSC-033)
        url = (element.get("href") or "").strip()
        parts = urlsplit(url)
        if url.lower().startswith("file:"):
            yield Problem(f"{url!r} is a file: URL", package_location(book))
        elif not parts.scheme and not parts.netloc and "?" in url.partition("#")[0]:
            yield Problem(f"the relative URL {url!r} has a query", package_location(book))
    base = posixpath.dirname(book.opf_path)
    for link in book.package.iterfind(f"{OPF_NS}metadata/{OPF_NS}link"):
        href = (link.get("href") or "").strip()
        parts = urlsplit(href)
        media_type = link.get("media-type")
        rel = set((link.get("rel") or "").split())
        remote = bool(parts.scheme or parts.netloc)
        if parts.scheme == "data":
            yield Problem("a package link may not be a data: URL", package_location(book))
            continue
        target = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
        if parts.fragment and not remote and (not parts.path or target == book.opf_path):
            yield Problem(
                f"the link {href!r} names an element of the package document, not a resource",
                package_location(book),
            )
            continue
        if media_type is None:
            if not remote:
                yield Problem(f"the link to {href!r} has no media-type", package_location(book))
            elif rel & {"record", "voicing"}:
                yield Problem(
                    f"a {' '.join(sorted(rel & {'record', 'voicing'}))} link needs a media-type",
                    package_location(book),
                )
        elif "voicing" in rel and not media_type.strip().startswith("audio/"):
            yield Problem(
                f"a voicing link's media-type {media_type!r} is not audio", package_location(book)
            )


# XMLEncodingSniffer's signatures (XML 1.0 appendix F), after which XMLParser reports
# UTF-16 XHTML (HTM-058) and any encoding but UTF-8 and UTF-16 (RSC-028).
UTF16_MAGIC = (b"\xfe\xff", b"\xff\xfe", b"\x00<\x00?", b"<\x00?\x00")
UCS4_MAGIC = (
    b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xff\xfe", b"\xfe\xff\x00\x00",
    b"\x00\x00\x00<", b"\x00\x00<\x00", b"\x00<\x00\x00", b"<\x00\x00\x00",
)  # fmt: skip
EBCDIC_MAGIC = b"\x4c\x6f\xa7\x94"
# The XML media types EPUBCheck parses (package, content documents, overlays, NCX, maps)
PARSED_XML = {
    "application/xhtml+xml", "image/svg+xml", "application/smil+xml",
    "application/x-dtbncx+xml", "application/oebps-package+xml",
    "application/vnd.epub.search-key-map+xml",
}  # fmt: skip
DECLARATION = re.compile(
    r"""^<\?xml\s+version\s*=\s*["']([^"']*)["'](?:\s+encoding\s*=\s*["']([^"']*)["'])?"""
)


def sniff_encoding(data: bytes) -> str | None:
    """The encoding EPUBCheck's ``XMLEncodingSniffer`` finds (None: UTF-8 by default)."""
    if len(data) < 4:
        return None
    if data.startswith(UTF16_MAGIC):
        return "UTF-16"
    if data.startswith(UCS4_MAGIC):
        return "UCS-4"
    if data.startswith(b"\xef\xbb\xbf"):
        return "UTF-8"
    if data.startswith(EBCDIC_MAGIC):
        return "EBCDIC"
    head = data[:256]
    ascii_end = next((i for i, b in enumerate(head) if b == 0 or b > 0x7F), len(head))
    match = DECLARATION.match(head[:ascii_end].decode("ascii"))
    return match.group(2).upper() if match and match.group(2) else None


def xml_encodings(book: EpubBook) -> Iterator[Problem]:
    """XML files are UTF-8 or UTF-16 (RSC-028), XHTML UTF-8 only (HTM-058), XML 1.0 (HTM-001).

    A UTF-16 byte order mark under a declaration of another encoding is the parser's
    fatal error (RSC-016).
    """
    members = [("META-INF/container.xml", "application/xml"), (book.opf_path, "")]
    members += [
        (i.path, i.media_type)
        for i in book.items.values()
        if not i.remote and i.media_type in PARSED_XML and i.path != book.opf_path
    ]
    for path, media_type in members:
        info = book.info(path)
        if info is None or book.archive is None:
            continue
        with book.archive.open(info) as stream:
            data = stream.read(1024)  # the start is enough: marks and the declaration
        where = Location(member=path)
        encoding = sniff_encoding(data)
        if encoding == "UTF-16":
            if media_type == "application/xhtml+xml":
                yield Problem(f"{path} is encoded in UTF-16; XHTML must be UTF-8", where)
            text = data.decode("utf-16", errors="replace").lstrip("\ufeff")
            declared = DECLARATION.match(text)
            if (
                declared
                and declared.group(2)
                and not declared.group(2).upper().startswith("UTF-16")
            ):
                yield Problem(
                    f"{path} starts with a UTF-16 byte order mark but declares {declared.group(2)}",
                    where,
                )
        elif encoding not in (None, "UTF-8"):
            yield Problem(f"{path} is encoded in {encoding}; XML must be UTF-8", where)
        head = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
        version = DECLARATION.match(head.decode("ascii", errors="replace"))
        if encoding in (None, "UTF-8") and version and version.group(1) != "1.0":
            yield Problem(f"{path} is XML {version.group(1)}; EPUB needs XML 1.0", where)
