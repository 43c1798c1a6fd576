"""Which reader an input needs, told from its content (the extension only breaks ties).

Each structured format is recognised the way Superdesk's feed parsers do it: by
the XML root element and its namespace, or by the shape of a JSON object. An
input that is none of the formats newsformats reads is refused in one line.
"""

from __future__ import annotations

import io
import re
from typing import Any

from lxml import etree

from .source import Source

NEWSML_NS = "http://iptc.org/std/nar/2006-10-01/"
ATOM_NS = "http://www.w3.org/2005/Atom"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XHTML_NS = "http://www.w3.org/1999/xhtml"
NEWSML_ITEMS = frozenset({"newsItem", "newsMessage", "packageItem"})
# Keys that only ninjs (IPTC's JSON) uses; our own model has none of them.
NINJS_KEYS = frozenset(
    {
        "uri", "body_html", "body_text", "bodies", "headlines", "descriptions", "associations",
        "versioncreated", "firstcreated", "contentcreated", "bylines", "renditions", "pubstatus",
        "located", "description_text", "description_html",
    }
)  # fmt: skip
# A saved page may start with any of these (a page without <html>, a fragment):
# no news XML format has a root of these names without a namespace.
HTML_ELEMENTS = frozenset(
    {
        "html", "head", "body", "meta", "title", "link", "base", "script", "style", "noscript",
        "br", "p", "div", "span", "article", "section", "main", "header", "footer", "nav",
        "aside", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "form", "img", "a",
        "figure", "iframe", "center", "font", "b", "i", "strong", "em",
    }
)  # fmt: skip
MODEL_KEYS = frozenset({"headline", "title", "body", "language", "standfirst", "lead_image"})
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".yaml": "yaml",
    ".yml": "yaml",
}
# File endings a folder search takes as inputs; the content still chooses the reader.
INPUT_EXTENSIONS = frozenset(
    [*EXTENSIONS, ".json", ".xml", ".html", ".htm", ".xhtml", ".rss", ".atom", ".nitf"]
)
READABLE = (
    "newsformats reads HTML pages, NewsML-G2, NITF, RSS/Atom, ninjs, its own JSON/YAML, "
    "Markdown and plain text"
)


class UnknownFormat(Exception):
    """The content is none of the formats newsformats reads; the message says what it is."""


def sniff(source: Source) -> str:
    """Name the reader for ``source``: by content first, then by extension.

    Markdown and YAML files keep their extension's reader (their text could look
    like anything); a ``.txt`` that holds HTML or XML is read as what it holds.

    >>> from pathlib import Path
    >>> sniff(Source("x", "<rss version='2.0'><channel/></rss>", Path("."), data=b""))
    'feed'
    """
    suffix = source.path.suffix.lower() if source.path else ""
    if EXTENSIONS.get(suffix) in ("markdown", "yaml"):
        return EXTENSIONS[suffix]
    head = source.text.lstrip("\ufeff \t\n")
    if head.startswith("<"):
        return _markup(source, head)
    if head.startswith(("{", "[")):
        return "json-shaped"
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    if re.match(r"---[ \t]*\n", head) and re.search(r"\n(---|\.\.\.)[ \t]*(\n|$)", head[4:]):
        return "markdown"
    return "text"


def json_kind(data: Any) -> str:
    """``ninjs`` or ``json`` (our model) from the keys of a JSON object.

    >>> json_kind({"uri": "urn:x", "headline": "H", "body_html": "<p>x</p>"})
    'ninjs'

    A JSON Feed has a ``title`` as our model does, but it is a feed's, and its
    articles are ``items``: it is refused by its ``version``, the address of its
    specification. An object with a ``title`` whose other keys are mostly not our
    model's (a CMS's API answer) is refused too, rather than read field by field:

    >>> try:
    ...     json_kind({"title": {"rendered": "H"}, "slug": "h", "status": "draft", "link": "x"})
    ... except UnknownFormat as refused:
    ...     print(str(refused)[:59])
    a JSON object whose keys are mostly not an article's (link,
    """
    if isinstance(data, dict):
        keys = set(data)
        if "jsonfeed.org/version" in str(data.get("version") or ""):
            raise UnknownFormat(
                f"a JSON Feed (jsonfeed.org), not read here; its site's RSS or Atom feed is; "
                f"{READABLE}"
            )
        schema = str(data.get("$schema") or data.get("schema") or "")
        if "ninjs" in schema.lower() or _ninjs_shaped(keys):
            return "ninjs"
        if keys & NINJS_KEYS:
            raise UnknownFormat(_unknown_json([str(key) for key in data]))
        if keys & MODEL_KEYS:
            unknown = sorted(str(key) for key in keys - _article_keys())
            if len(unknown) > len(keys) - len(unknown):
                raise UnknownFormat(
                    f"a JSON object whose keys are mostly not an article's "
                    f"({', '.join(unknown[:6])}): neither an article nor ninjs; {READABLE}"
                )
            return "json"
        shown = ", ".join(sorted(keys)[:6]) or "no keys"
        raise UnknownFormat(f"a JSON object with {shown}: neither an article nor ninjs; {READABLE}")
    if isinstance(data, list):
        raise UnknownFormat(f"a JSON list, not an article; {READABLE}")
    raise UnknownFormat(f"a JSON {type(data).__name__}, not an article; {READABLE}")


# What every ninjs item has: its identifier, or a body in one of ninjs's shapes.
NINJS_CORE = frozenset({"uri", "body_html", "body_text", "bodies"})


def _ninjs_shaped(keys: set[str]) -> bool:
    """Keys only ninjs uses, with its identifier or its body: a JSON that merely shares
    ninjs's words (dpa's digitalwires: "pubstatus", "associations", but "urn" and
    "article_html") is another format, not a ninjs item without a body."""
    return bool(keys & NINJS_KEYS and keys & NINJS_CORE)


def _unknown_json(keys: list[str]) -> str:
    """The refusal of a JSON object of a format no reader knows, naming its first keys.

    >>> print(_unknown_json(["format", "urn", "headline", "article_html", "pubstatus"])[:72])
    a JSON this reader does not know (keys: format, urn, headline, article_h
    """
    shown = ", ".join(keys[:8]) + (", …" if len(keys) > 8 else "")
    return (
        f"a JSON this reader does not know (keys: {shown}): neither our article model "
        f"nor ninjs (no uri, body_html, body_text or bodies); {READABLE}"
    )


def _article_keys() -> set[str]:
    """The keys our model's JSON may have: its fields and the friendly names for them."""
    from ..model import Article
    from .fields import ALIASES, IMAGE_KEYS

    named = set(getattr(Article, "__dataclass_fields__", {}))
    return named | set(ALIASES) | set(IMAGE_KEYS) | {"byline", "author", "image"}


def _markup(source: Source, head: str) -> str:
    lowered = head[:2048].lower()
    first = re.match(
        r"<([a-z][a-z0-9]*)\b", re.sub(r"^(?:<!--.*?-->\s*)+", "", lowered, flags=re.S)
    )
    if lowered.startswith(("<!doctype html", "<html")) or (
        first is not None and first.group(1) in HTML_ELEMENTS
    ):
        return "html"
    root = _root_name(source)
    if root is None:
        if "<html" in lowered or "<body" in lowered:
            return "html"
        raise UnknownFormat(f"markup that is neither well-formed XML nor an HTML page; {READABLE}")
    namespace, name = root
    if namespace == NEWSML_NS and name in NEWSML_ITEMS:
        return "newsml"
    if name == "nitf":
        return "nitf"
    if (namespace == "" and name == "rss") or (namespace == RDF_NS and name == "RDF"):
        return "feed"
    if namespace == ATOM_NS and name in ("feed", "entry"):
        return "feed"
    if name in HTML_ELEMENTS and namespace in ("", XHTML_NS):
        return "html"
    if namespace == NEWSML_NS:
        raise UnknownFormat(f"a NewsML-G2 {name}, which holds no news article; {READABLE}")
    if name == "NewsML" and not namespace:
        raise UnknownFormat(f"NewsML 1, the format NewsML-G2 replaced; {READABLE}")
    where = f" in the namespace {namespace}" if namespace else ""
    raise UnknownFormat(f"an XML document <{name}>{where}, not a news format; {READABLE}")


def _root_name(source: Source) -> tuple[str, str] | None:
    """The root element's namespace and name, from the first start tag (nothing expanded)."""
    data = source.xml_data
    events = etree.iterparse(
        io.BytesIO(data),
        events=("start",),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        recover=False,
    )
    try:
        for _, element in events:
            name = etree.QName(element)
            return name.namespace or "", name.localname
    except etree.XMLSyntaxError:
        return None
    return None
