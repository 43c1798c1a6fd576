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
from urllib.parse import unquote, urlsplit

import tinycss2
from lxml import etree

from ..findings import Location
from ..loaders import Unreadable
from ..loaders.epub import EpubBook, Item, parse_xml
from ..loaders.html import MAX_CSS_BYTES, HtmlPage
from ..registry import Problem

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
    for item in book.items.values():
        if item.remote or not book.has(item.path):
            continue
        media_type = item.media_type.split(";")[0].strip()
        folder = posixpath.dirname(item.path)
        where = Location(member=item.path)
        if media_type == "text/css":
            try:
                css = book.read(item.path, MAX_CSS_BYTES).decode("utf-8", errors="replace")
            except Unreadable:
                continue
            yield Sheet(css, item, folder, where)
        elif media_type == "image/svg+xml":
            try:
                root = parse_xml(book.read(item.path), item.path)
            except Unreadable:
                continue  # reported as the document it is
            for style in root.iter(f"{SVG}style"):
                yield Sheet(style.text or "", item, folder, where)
            for uri in root.iter(f"{SVG}font-face-uri"):
                href = uri.get(XLINK_HREF) or uri.get("href") or ""
                yield Sheet(f"src: url({_quoted(href)})", item, folder, where, True)
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
            css = f"src: url({_quoted(href)})"
            yield Sheet(css, item, folder, page.locate(element), True)
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


def urls(sheet: Sheet) -> Iterator[str]:
    """The URLs a style sheet uses: ``url(…)`` values and ``@import`` strings."""
    stack = _parsed(sheet)
    while stack:
        node = stack.pop()
        kind = getattr(node, "type", None)
        if kind == "url":
            yield str(getattr(node, "value", ""))
        elif kind == "function" and getattr(node, "lower_name", "") == "url":
            strings = [a for a in getattr(node, "arguments", []) if a.type == "string"]
            if strings:
                yield str(strings[0].value)
        elif kind == "at-rule" and getattr(node, "lower_at_keyword", "") == "namespace":
            continue  # a namespace name, not a resource
        elif kind == "at-rule" and getattr(node, "lower_at_keyword", "") == "import":
            strings = [t for t in getattr(node, "prelude", []) if t.type == "string"]
            if strings:
                yield str(strings[0].value)
        for attribute in ("prelude", "content", "value", "arguments"):
            children = getattr(node, attribute, None)
            if isinstance(children, list):
                stack.extend(children)


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

    EPUBCheck: a ``file:`` URL (RSC-030); a local resource missing from the zip
    (RSC-007) or from the manifest (RSC-008); a remote one the manifest does not
    list (RSC-008), or whose style sheet's item lacks ``remote-resources``
    (OPF-014); the ``direction`` and ``unicode-bidi`` properties (CSS-001); a block
    or comment left open at the end (CSS-008).
    """
    local = {i.path for i in book.items.values() if not i.remote}
    remote = {remote_key(i.href) for i in book.items.values() if i.remote}
    needs_remote: dict[str, Location] = {}
    for sheet in sheets(book):
        for url in urls(sheet):
            parts = urlsplit(url.strip())
            if parts.scheme == "file":
                yield Problem(f"{url!r} is a file: URL", sheet.where)
            elif parts.scheme == "data":
                continue
            elif parts.scheme in ("http", "https") or parts.netloc:
                if remote_key(url) not in remote:
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
        yield from _forbidden(sheet)
        if not sheet.declarations_only:
            yield from _unclosed(sheet)
    for item_id, where in needs_remote.items():
        item = book.items[item_id]
        if "remote-resources" not in item.properties:
            yield Problem(
                f"{item.path} uses a remote resource but its manifest item lacks "
                'properties="remote-resources"',
                where,
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
