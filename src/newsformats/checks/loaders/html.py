"""An HTML page or an XHTML content document, as the HTML rules read it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from lxml import etree
from lxml import html as lxml_html

from ...safe_xml import parse_xml_bytes
from ..findings import Location
from . import Unreadable, read_limited

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
EPUB_PREFIX = "{http://www.idpf.org/2007/ops}prefix"
MAX_CSS_BYTES = 2 * 1024 * 1024
# namespaces whose elements an HTML parser names by their local name
HTML_NAMESPACES = (
    "{http://www.w3.org/1999/xhtml}",
    "{http://www.w3.org/2000/svg}",
    "{http://www.w3.org/1998/Math/MathML}",
    "{http://www.idpf.org/2007/ops}",
)

CssReader = Callable[[str], str | None]


@dataclass
class HtmlPage:
    """A parsed page, without namespaces, and the CSS it uses (inline and linked)."""

    file: str
    root: etree._Element
    css: list[str] = field(default_factory=list)
    member: str | None = None
    in_epub: bool = False
    cache: dict[str, Any] = field(default_factory=dict)

    def locate(self, element: etree._Element) -> Location:
        """The element's id (``#id``) or XPath, with its source line."""
        ident = element.get("id")
        where = f"#{ident}" if ident else element.getroottree().getpath(element)
        line = element.sourceline
        return Location(where, line if isinstance(line, int) else None, member=self.member)

    def find(self, tag: str) -> list[etree._Element]:
        """Every element of one tag name, in document order."""
        return [e for e in self.root.iter(tag)]


# Elements that start a new line when shown: their text never runs into the next's.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div",
        "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
        "td", "th", "tr", "ul",
    }
)  # fmt: skip


def epub_types(element: etree._Element) -> list[str]:
    """The tokens of an element's ``epub:type``."""
    return (element.get(EPUB_TYPE) or "").split()


def text_of(element: etree._Element) -> str:
    """The element's text content with whitespace collapsed; blocks and line breaks
    separate words, as they do on the page (writers put no space between blocks).

    >>> text_of(etree.fromstring("<div><h1>Title</h1><p>the<br/>fire <b>is</b> out</p></div>"))
    'Title the fire is out'
    """
    parts: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        tag = node.tag.rsplit("}", 1)[-1].lower() if isinstance(node.tag, str) else None
        if tag in BLOCK_TAGS:
            parts.append(" ")
        if event == "start" and tag is not None and node.text:
            parts.append(node.text)
        if event == "end" and node is not element and node.tail:
            parts.append(node.tail)
    return " ".join("".join(parts).split())


def load_html(path: Path) -> HtmlPage:
    """Parse an HTML file (``.xhtml`` as XML) with its inline and local stylesheets.

    A linked style sheet is read from the page's folder, or from any local ``.css``
    file the link names (``../assets/site.css``); remote ones are never fetched.
    """
    data = read_limited(path)
    folder = path.resolve().parent
    root = parse_xhtml(data) if path.suffix.lower() == ".xhtml" else parse_html(data)

    def local_css(href: str) -> str | None:
        # A site keeps its style sheets beside its pages (``../assets/site.css``): a
        # ``.css`` file is read wherever it is; any other file only in the page's folder.
        target = (path.parent / href).resolve()
        inside = target.is_relative_to(folder) or target.suffix.lower() == ".css"
        if not inside or not target.is_file():
            return None
        if target.stat().st_size > MAX_CSS_BYTES:
            return None
        return target.read_text(encoding="utf-8", errors="replace")

    return HtmlPage(str(path), root, collect_css(root, local_css))


# a character encoding declared in the page's first bytes (HTML's prescan looks at 1024)
DECLARED_CHARSET = re.compile(rb"charset\s*=", re.IGNORECASE)


def parse_html(data: bytes) -> etree._Element:
    """Parse HTML5 bytes (no network, comments dropped).

    A page that declares no encoding (no byte order mark, no ``charset``) and whose
    bytes are valid UTF-8 is read as UTF-8, as browsers sniff it, not as Latin-1.
    """
    bom = data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
    declared = bom or DECLARED_CHARSET.search(data[:1024]) is not None
    encoding = "utf-8" if not declared and _is_utf8(data) else None
    parser = lxml_html.HTMLParser(
        no_network=True, remove_comments=True, huge_tree=False, encoding=encoding
    )
    try:
        root = lxml_html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise Unreadable(f"not HTML: {error}") from None
    if root is None:
        raise Unreadable("the HTML is empty")
    _open_self_closed_objects(root, data)
    _merge_html_attributes(root, data)
    return root


# An ``<html>`` start tag, or what hides one from the tree builder: a comment, or the
# text of an element HTML's tokenizer reads raw (a script's ``"<html lang=…>"`` string)
# or keeps out of the page (a template's content).
HTML_START_OR_HIDDEN = re.compile(
    rb"<!--.*?(?:-->|\Z)"
    rb"|<(script|style|textarea|title|xmp|noembed|noframes|noscript|template)\b.*?(?:</\1\s*>|\Z)"
    rb"|<html((?:\s(?:[^>\"']|\"[^\"]*\"|'[^']*')*)?)/?>",
    re.IGNORECASE | re.DOTALL,
)
ATTRIBUTE = re.compile(r"([^\s\"'<>/=]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+)))?")


def _merge_html_attributes(root: etree._Element, data: bytes) -> None:
    """Give ``<html>`` the attributes of every ``<html>`` start tag, as HTML5 does.

    When text comes before ``<html lang="en">`` (a stray character before the
    doctype), a browser makes the ``html`` element itself and then, meeting the tag,
    adds each of its attributes the element lacks; so does any later ``<html>`` tag.
    libxml2 drops them, and the page would seem to have no language.
    """
    encoding = root.getroottree().docinfo.encoding or "utf-8"
    for match in HTML_START_OR_HIDDEN.finditer(data):
        if match.group(2) is None:
            continue
        try:
            attributes = match.group(2).decode(encoding, errors="replace")
        except LookupError:
            attributes = match.group(2).decode("utf-8", errors="replace")
        for name, double, single, bare in ATTRIBUTE.findall(attributes):
            if root.get(name.lower()) is None:
                try:
                    root.set(name.lower(), unescape(double or single or bare))
                except ValueError:  # a name lxml cannot hold
                    continue


# ``<object … />`` in an HTML page: HTML5 ignores the slash on an element that is not
# void, and an open <object> bounds the scope that end tags look in (``</div>``,
# ``</body>`` find nothing to close), so all that follows it becomes its fallback
# content. libxml2 closes it at once; this re-nests what follows, as browsers do.
OBJECT_TAG = re.compile(rb"<object\b[^>]*>", re.IGNORECASE)


def _open_self_closed_objects(root: etree._Element, data: bytes) -> None:
    tags: dict[int, list[bool]] = {}  # each line's <object> start tags: self-closed or not
    for match in OBJECT_TAG.finditer(data):
        line = data.count(b"\n", 0, match.start()) + 1
        tags.setdefault(line, []).append(match.group().rstrip(b"> \t\r\n").endswith(b"/"))
    if not any(any(flags) for flags in tags.values()):
        return
    elements: dict[int, list[etree._Element]] = {}
    for element in root.iter("object"):
        if isinstance(element.sourceline, int):
            elements.setdefault(element.sourceline, []).append(element)
    closed = [
        element
        for line, found in elements.items()
        if len(found) == len(tags.get(line, []))  # else unsure which is which: leave
        for element, flag in zip(found, tags[line], strict=True)
        if flag and len(element) == 0 and not (element.text or "").strip()
    ]
    for element in closed:
        holder: etree._Element | None = element
        while holder is not None and holder.tag not in ("body", "html"):
            if holder.tail:  # the text after the element, or after an end tag ignored
                _append_text(element, holder.tail)
                holder.tail = None
            for follower in list(holder.itersiblings()):
                element.append(follower)  # its tail moves with it
            holder = holder.getparent()


def _append_text(element: etree._Element, text: str) -> None:
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def parse_xhtml(data: bytes, local_names: tuple[str, ...] = HTML_NAMESPACES) -> etree._Element:
    """Parse XHTML safely and name its elements as an HTML parser would.

    The namespaces of ``local_names`` (by default XHTML, SVG, MathML and EPUB's, for
    ``epub:switch``) are dropped from tag names; elements of any other namespace (RDF
    inside SVG ``metadata``) keep theirs, so that an ``rdf:li`` is never taken for an
    HTML ``li``.
    """
    try:
        root = parse_xml_bytes(data, remove_comments=True)
    except etree.XMLSyntaxError as error:
        raise Unreadable(f"not well-formed XHTML: {error}") from None
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith(local_names):
            element.tag = etree.QName(element).localname
    etree.cleanup_namespaces(root)
    return root


def collect_css(root: etree._Element, read: CssReader) -> list[str]:
    """The page's CSS in cascade order, as a browser shows the page on a screen:
    ``<style>`` elements and stylesheet links, without print-only sheets and without
    alternate style sheets (``rel="alternate stylesheet"``, off until the reader picks
    one)."""
    sheets: list[str] = []
    for element in root.iter("style", "link"):
        media = (element.get("media") or "all").lower()
        if "print" in media and "screen" not in media:
            continue
        rel = (element.get("rel") or "").lower().split()
        if element.tag == "style":
            sheets.append(element.text or "")
        elif "stylesheet" in rel and "alternate" not in rel:
            href = element.get("href") or ""
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            text = read(unquote(parts.path))
            if text is not None:
                sheets.append(text)
    return sheets


def lang_of(element: etree._Element) -> str | None:
    """The element's own ``lang`` (or ``xml:lang``), if any."""
    value = element.get("lang")
    if value is None:
        value = element.get(XML_LANG)
    return value
