"""The resources style sheets use, and what EPUB forbids in them (parts of ``epub-structure``).

Style sheets are read where EPUB 3.3 puts them: CSS items of the manifest, ``<style>``
elements and ``style`` attributes of content documents, and SVG documents (their
``<style>`` and ``font-face-uri``).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

import tinycss2
from lxml import etree

from ..findings import Location
from ..loaders import Unreadable
from ..loaders.epub import EpubBook, Item, parse_xml
from ..loaders.html import MAX_CSS_BYTES, HtmlPage
from ..registry import Problem
from .epub_media import has_core_fallback

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
# EPUB 3.3 6.3.2: these properties are for the reading system's own use.
FORBIDDEN_PROPERTIES = ("direction", "unicode-bidi")
# A comment or a string, read from left to right (an unclosed one runs to the end).
COMMENT_OR_STRING = re.compile(
    r"""/\*.*?(?:\*/|\Z)|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?""", re.DOTALL
)


@dataclass(frozen=True)
class Sheet:
    """CSS text, the manifest item that holds it and the folder its URLs start from."""

    css: str
    owner: Item
    folder: str
    where: Location
    declarations_only: bool = False


def sheets(book: EpubBook) -> Iterator[Sheet]:
    """Every style sheet of the publication, with the item that carries it."""
    by_path = {i.path: i for i in book.items.values() if not i.remote}
    for item in book.local_items("text/css", "image/svg+xml"):
        folder = posixpath.dirname(item.path)
        where = Location(member=item.path)
        if item.kind == "text/css":
            try:
                css = decode_css(book.read(item.path, MAX_CSS_BYTES))
            except Unreadable:
                continue
            yield Sheet(css, item, folder, where)
        else:
            try:
                root = parse_xml(book.read(item.path), item.path)
            except Unreadable:
                continue  # reported as the document it is
            for style in root.iter(f"{SVG}style"):
                yield Sheet(style.text or "", item, folder, where)
            for uri in root.iter(f"{SVG}font-face-uri"):
                href = uri.get(XLINK_HREF) or uri.get("href") or ""
                yield Sheet(f"@font-face {{ src: url({_quoted(href)}) }}", item, folder, where)
    for page in book.pages:
        owner = by_path.get(page.member or "")
        if owner is None:
            continue
        yield from _page_sheets(page, owner)


def _page_sheets(page: HtmlPage, item: Item) -> Iterator[Sheet]:
    """``<style>`` elements, ``style`` attributes and inline SVG font URIs of a page."""
    folder = posixpath.dirname(item.path)
    for element in page.root.iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname
        if name == "style":
            yield Sheet(element.text or "", item, folder, page.locate(element))
        elif name == "font-face-uri":
            href = element.get(XLINK_HREF) or element.get("href") or ""
            css = f"@font-face {{ src: url({_quoted(href)}) }}"
            yield Sheet(css, item, folder, page.locate(element))
        if element.get("style"):
            css = element.get("style") or ""
            yield Sheet(css, item, folder, page.locate(element), True)


def _quoted(url: str) -> str:
    return '"' + url.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _parsed(sheet: Sheet) -> list[object]:
    """The style sheet's top-level nodes (a ``style`` attribute holds declarations only)."""
    if sheet.declarations_only:
        return list(tinycss2.parse_blocks_contents(sheet.css))
    return list(tinycss2.parse_stylesheet(sheet.css))


def urls(sheet: Sheet) -> Iterator[tuple[str, str]]:
    """The URLs a style sheet uses, each with its kind, as EPUBCheck registers them.

    ``@import`` strings and URLs are ``stylesheet``, URLs in ``@font-face`` are
    ``font``, other ``url(…)`` values ``generic``.
    """
    stack: list[tuple[object, bool]] = [(node, False) for node in reversed(_parsed(sheet))]
    while stack:
        node, in_font_face = stack.pop()
        kind = getattr(node, "type", None)
        keyword = getattr(node, "lower_at_keyword", "")
        url_kind = "font" if in_font_face else "generic"
        if kind == "url":
            yield str(getattr(node, "value", "")), url_kind
        elif kind == "function" and getattr(node, "lower_name", "") == "url":
            strings = [a for a in getattr(node, "arguments", []) if a.type == "string"]
            yield (str(strings[0].value) if strings else ""), url_kind
            continue
        elif kind == "at-rule" and keyword == "namespace":
            continue  # a namespace name, not a resource
        elif kind == "at-rule" and keyword == "import":
            first = next((t for t in getattr(node, "prelude", []) if t.type != "whitespace"), None)
            if first is not None and first.type == "string":
                yield str(first.value), "stylesheet"
            elif first is not None and first.type == "url":
                yield str(getattr(first, "value", "")), "stylesheet"
            elif first is not None and getattr(first, "lower_name", "") == "url":
                strings = [a for a in getattr(first, "arguments", []) if a.type == "string"]
                yield (str(strings[0].value) if strings else ""), "stylesheet"
            continue
        inside = in_font_face or (kind == "at-rule" and keyword == "font-face")
        children: list[tuple[object, bool]] = []
        for attribute in ("prelude", "content", "value", "arguments"):
            found = getattr(node, attribute, None)
            if not isinstance(found, list):
                continue
            font_face_next = False  # an @font-face nested in @media… is a keyword and a block
            for child in found:
                child_kind = getattr(child, "type", None)
                if child_kind == "at-keyword":
                    font_face_next = getattr(child, "lower_value", "") == "font-face"
                children.append((child, inside or (font_face_next and child_kind == "{} block")))
                if child_kind == "{} block":
                    font_face_next = False
        stack.extend(reversed(children))


def remote_key(url: str) -> str:
    """A remote URL as the resource it names: no fragment, host in lower case.

    >>> remote_key("HTTPS://Example.org/font#x") == remote_key("https://example.org/font")
    True
    """
    parts = urlsplit(url.strip())
    return parts._replace(
        scheme=parts.scheme.lower(), netloc=parts.netloc.lower(), fragment=""
    ).geturl()


def css_resources(book: EpubBook) -> Iterator[Problem]:
    """What style sheets use is in the container and the manifest, and allowed in EPUB CSS.

    EPUBCheck: an empty URL (CSS-002); a ``file:`` URL (RSC-030); a local resource
    missing from the zip (RSC-007) or from the manifest (RSC-008); an imported style
    sheet named with a fragment (RSC-013); a foreign resource without a fallback
    (RSC-032); a remote resource other than a font, audio
    or video (RSC-006), one the manifest does not list (RSC-008), or whose style
    sheet's item lacks ``remote-resources`` (OPF-014); the ``direction`` and
    ``unicode-bidi`` properties (CSS-001); a block or comment left open at the end
    (CSS-008); a CSS file in an encoding other than UTF-8 (CSS-004).
    """
    by_path = {i.path: i for i in book.items.values() if not i.remote}
    local = set(by_path)
    remote = {remote_key(i.href): i for i in book.items.values() if i.remote}
    epub3 = (book.package.get("version") or "").startswith("3")
    needs_remote: dict[str, Location] = {}
    for sheet in sheets(book):
        for url, kind in urls(sheet):
            parts = urlsplit(url.strip())
            if not url.strip():
                yield Problem("a url() or @import of the style sheet is empty", sheet.where)
            elif url.startswith("#"):
                continue  # EPUBCheck does not resolve fragment-only URLs in CSS
            elif parts.scheme == "file":
                yield Problem(f"{url!r} is a file: URL", sheet.where)
            elif parts.scheme == "data":
                continue
            elif parts.scheme in ("http", "https") or parts.netloc:
                item = remote.get(remote_key(url))
                may = kind == "font" or (item is not None and may_be_remote(item.media_type))
                if not (epub3 and may):
                    yield Problem(
                        f"the style sheet uses {url!r}, a remote resource; it must be in the EPUB",
                        sheet.where,
                    )
                elif item is None:
                    yield Problem(f"the remote {url!r} is not in the manifest", sheet.where)
                else:
                    needs_remote.setdefault(sheet.owner.id, sheet.where)
            elif parts.path and not parts.scheme:
                target = posixpath.normpath(posixpath.join(sheet.folder, unquote(parts.path)))
                if target.startswith("../") or target == "..":
                    continue  # reported as a path out of the container
                if not book.has(target):
                    yield Problem(f"{url!r} is not in the EPUB", sheet.where)
                elif target not in local:
                    yield Problem(f"{url!r} is not in the manifest", sheet.where)
                elif kind == "stylesheet" and "#" in url:
                    yield Problem(f"{url!r}: a style sheet is named with a fragment", sheet.where)
                elif kind == "generic" and not has_core_fallback(book, by_path[target]):
                    item = by_path[target]
                    yield Problem(
                        f"{item.path} ({item.media_type}) is not a core media type and has no "
                        "fallback",
                        sheet.where,
                    )
        yield from _forbidden(sheet)
        if not sheet.declarations_only:
            yield from _unclosed(sheet)
        yield from _declarations_grammar(sheet)
    yield from _encodings(book)
    for item_id, where in needs_remote.items():
        item = book.items[item_id]
        if "remote-resources" not in item.properties:
            yield Problem(
                f"{item.path} uses a remote resource but its manifest item lacks "
                'properties="remote-resources"',
                where,
            )


# Byte order marks in the order EPUBCheck tries them (its CssInputStream).
BYTE_ORDER_MARKS = (
    (b"\x00\x00\xfe\xff", "utf-32be"), (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16be"), (b"\xff\xfe", "utf-16le"),
)  # fmt: skip
CHARSET_RULE = re.compile(rb"""@charset[^;{}"']*(["'])([^;{}"']*)\1""")


def css_encoding(data: bytes) -> str | None:
    """The encoding a CSS file declares by its byte order mark or ``@charset``, or None.

    >>> css_encoding(b'@charset "ISO-8859-1"; p {}'), css_encoding(b"p {}")
    ('iso-8859-1', None)
    """
    for mark, name in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return name
    match = CHARSET_RULE.match(data[:256])
    return match.group(2).decode("ascii", errors="replace").lower() if match else None


def decode_css(data: bytes) -> str:
    """A CSS file's text: by its byte order mark, else UTF-8 (as EPUBCheck reads it).

    >>> decode_css("p {}".encode("utf-16")), decode_css(b"p {}")
    ('p {}', 'p {}')
    """
    for mark, name in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return data[len(mark) :].decode(name, errors="replace")
    return data.decode("utf-8", errors="replace")


def _encodings(book: EpubBook) -> Iterator[Problem]:
    """CSS files are UTF-8; UTF-16 is a warning of EPUBCheck's, others an error (CSS-004)."""
    for item in book.local_items("text/css"):
        try:
            encoding = css_encoding(book.read(item.path, MAX_CSS_BYTES)[:256])
        except Unreadable:
            continue
        if encoding and encoding != "utf-8" and not encoding.startswith("utf-16"):
            yield Problem(
                f"the style sheet is encoded in {encoding}; EPUB style sheets are UTF-8",
                Location(member=item.path),
            )


def may_be_remote(media_type: str) -> bool:
    """Audio, video and fonts may be remote resources in EPUB 3 (3.6).

    >>> may_be_remote("audio/mpeg"), may_be_remote("image/png")
    (True, False)
    """
    media_type = media_type.split(";")[0].strip()
    return media_type.startswith(("audio/", "video/", "font/", "application/font-")) or (
        media_type in ("application/vnd.ms-opentype", "application/x-font-ttf")
    )


def _forbidden(sheet: Sheet) -> Iterator[Problem]:
    stack = _parsed(sheet)
    while stack:
        node = stack.pop()
        kind = getattr(node, "type", None)
        if kind == "declaration" and getattr(node, "lower_name", "") in FORBIDDEN_PROPERTIES:
            yield Problem(f"EPUB style sheets may not set {getattr(node, 'name', '')}", sheet.where)
            return
        content = getattr(node, "content", None)
        if kind in ("qualified-rule", "at-rule") and content is not None:
            stack.extend(tinycss2.parse_blocks_contents(content))


def _unclosed(sheet: Sheet) -> Iterator[Problem]:
    """A ``{`` block or a comment still open at the end of the style sheet."""
    pieces = []
    position = 0
    for match in COMMENT_OR_STRING.finditer(sheet.css):
        token = match.group()
        if token.startswith("/*") and (len(token) < 4 or not token.endswith("*/")):
            yield Problem("a comment of the style sheet is not closed", sheet.where)
            return
        pieces.append(sheet.css[position : match.start()])
        position = match.end()
    text = "".join(pieces) + sheet.css[position:]
    depth = 0
    for char in text:
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(0, depth - 1)
    if depth > 0:
        yield Problem("a block of the style sheet is not closed (a '}' is missing)", sheet.where)


# at-rules whose block holds rules (their declarations are judged rule by rule)
RULE_BLOCKS = frozenset({"media", "supports", "document", "layer", "container", "scope"})


def _declarations_grammar(sheet: Sheet) -> Iterator[Problem]:
    """Declarations as EPUBCheck's CSS parser reads them (CSS-008): a property name, a colon,
    and a value (a custom property's may be empty). One finding per style sheet."""
    blocks: list[list[Any]] = []
    if sheet.declarations_only:
        blocks.append(tinycss2.parse_component_value_list(sheet.css))
    else:
        stack: list[Any] = list(tinycss2.parse_stylesheet(sheet.css, True, True))
        while stack:
            node = stack.pop()
            if node.type == "qualified-rule":
                blocks.append(node.content)
            elif node.type == "at-rule" and node.content and node.lower_at_keyword in RULE_BLOCKS:
                stack.extend(tinycss2.parse_rule_list(node.content, True, True))
    for block in blocks:
        for node in tinycss2.parse_declaration_list(block, True, True):
            if node.type == "error" and node.kind == "invalid":
                yield Problem(f"the style sheet cannot be parsed: {node.message}", sheet.where)
                return
            if (
                node.type == "declaration"
                and not node.name.startswith("--")
                and not [t for t in node.value if t.type not in ("whitespace", "comment")]
            ):
                yield Problem(f"the property {node.name!r} has no value", sheet.where)
                return
