"""The page itself: its markup as browsers read it, its metadata (JSON-LD, Open Graph,
``<meta>``), the extracted body, and what every part of the reader asks of an element.
"""

from __future__ import annotations

import html as html_module
import itertools
import json
import re
import urllib.parse
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

from lxml import etree, html

from ...language import is_valid_tag
from ...notes import note
from ..excerpts import letters_key as _key
from ..html_body import (
    amp_pictures_as_img,
    inline_text,
    is_hidden,
    resolve_url,
)
from ..source import Source
from ..xmltree import text_of

BYLINE_BOX = 1000  # characters of a byline box (names, a date, a short biography)
BYLINE_TEXT = 150  # characters of an element after the headline that may be a byline line
NAME_WORDS = 8  # "Martin Untersinger (avec Damien Leloup et Morgane Tual)"
# Class and id names of what is not the article: comments, replies, lists of other stories.
NOT_BYLINE = re.compile(
    r"^(?:\w+[-_])*(?:comments?|respond|repl(?:y|ies)|discussion|related|recommended)"
    r"(?:[-_]\w+)*$"
)
# ... of which those that name comments (a header's comment count, "nyo-social-comments").
COMMENT_NAMES = re.compile(r"^(?:\w+[-_])*(?:comments?|respond|discussion)(?:[-_]\w+)*$")
# A byline line's separators ("Ann Lee | Palma | 3 May 2019", "By Ann Lee • 12/16/16").
IMPRINT_SEPARATORS = re.compile(r"\s+[|—–-]\s+")
XML_NS = "http://www.w3.org/XML/1998/namespace"
# "Headline | Site": the separators of a page title's parts (kept, to join the rest again);
# between Han letters, written without spaces, a dash alone ("…严重影响交通-新华网").
HAN_LETTERS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
TITLE_SEPARATORS = re.compile(
    rf"((?:\s+[|\-–—·»«›‹:~/]{{1,3}})+\s+|\s*[|_]\s*|(?<=[{HAN_LETTERS}])[\-–—－](?=[{HAN_LETTERS}]))"
)
# Where pages name their dates besides JSON-LD: Open Graph, Dublin Core, common CMS fields.
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "dc.date.issued",
    "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "date", "pubdate",
    "publishdate", "publish-date", "publish_date", "article.published", "sailthru.date",
    "parsely-pub-date", "citation_publication_date",
)  # fmt: skip
MODIFIED_META = (
    "article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified",
    "dcterms.modified",
    "dc.date.modified", "last-modified", "article.updated",
)  # fmt: skip
# Class and id names of a site's logo or name in its page header.
LOGO_NAMES = re.compile(r"(^|[-_ ])(logo|brand|branding|site-?(title|name)|masthead)([-_ ]|$)")
PICTURE_NAMES = re.compile(
    r"(?:^|[-_ ])(?:caption|credit|copyright|photo|image|img|media|gallery|picture)(?:[-_ ]|$)"
)
MENU_ROLES = frozenset({"navigation", "menu", "menubar", "tablist"})
MENU_LINKS = 3  # links of a list that make a box a menu
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
SPACES = re.compile(r"\s+")
LABEL_WORDS = 3  # words of a label: a live blog's stream, one before a repeated standfirst
CAMEL = re.compile(r"([a-z0-9])([A-Z])")
STANDFIRST_MIN = 20
STANDFIRST_BLOCKS = 4  # the body's first blocks a summary below the byline may be among
STANDFIRST_LOOKAHEAD = 500  # elements after the headline
HEADER_LINE = 80  # characters of an article header's line (a date, a section)
SENTENCE_ENDS = (".", "!", "?", "。", "！", "？", "।", "؟")
# Soft hyphens and zero-width spaces: nothing a reader sees.
INVISIBLE = str.maketrans({"\u00ad": None, "\u200b": None, "\u2060": None, "\ufeff": None})
# Elements that run on inside a line of text (a heading's other children are parts of it).
INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "em", "i", "mark", "q", "s", "small",
     "span", "strong", "sub", "sup", "time", "u"}
)  # fmt: skip
UNCASED_NAME = 4  # characters of a name in a script without case with no job word after it
TEASER_LEVELS = 4  # boxes around a byline or date looked at for a card of another story
TEASER_TEXT = 400  # characters of such a card: a headline, a byline, a date, a rubric
SHORT_BODY = 200  # characters of paragraphs: less is no article body
HIDDEN_CLASSES = frozenset({"hide", "hidden", "d-none", "is-hidden", "invisible"})
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# What CMSs wrap a JSON-LD script in, and the trailing comma hand-written templates leave.
WRAPPERS = re.compile(r"^(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)$")
TRAILING_COMMA = re.compile(r",\s*([}\]])")
JSON_REPAIRS = 20  # places a hand-written JSON-LD block is mended at, at most
# A word where a JSON value begins, not one of JSON's own ("Daniel Czyżewski", unquoted).
BARE_VALUE = re.compile(r"(?!(?:true|false|null)\b)[^\W\d][^,}\]\n]*")
ARTICLE_TYPES = frozenset(
    {
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
        "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting",
        "LiveBlogPosting", "Report", "ScholarlyArticle", "SocialMediaPosting", "TechArticle",
    }
)  # fmt: skip


def site_keys(ld: dict[str, Any], meta: dict[str, str], base: str | None) -> set[str]:
    """The names the site goes by (publisher, Open Graph site name, application, host)."""
    sites = (ld.get("publisher"), meta.get("og:site_name"), meta.get("application-name"), base)
    return {_key(name) for site in sites for name in _site_names(site)} - {""}


def page_text(source: Source) -> str:
    """The page's markup as browsers read it.

    An XML declaration goes (lxml refuses it in a decoded string); the C1 controls
    U+0080–U+009F are the Windows-1252 characters they stand for, as the HTML
    standard reads ``&#150;`` ("–"); other control characters go, with a warning.
    """
    text = XML_DECLARATION.sub("", source.text, count=1)
    if not CONTROLS.search(text):
        return text
    note(f"{source.name}: the page holds control characters; they are read as browsers do")
    return CONTROLS.sub(_browser_character, text)


def _browser_character(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0x80 <= code <= 0x9F:
        return bytes([code]).decode("cp1252", errors="ignore")
    return ""


def parse_page(source: Source, text: str) -> etree._Element:
    parser = html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, huge_tree=False
    )
    try:
        page: etree._Element = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise source.error(f"not a readable HTML page ({error})") from None
    return amp_pictures_as_img(page)


def lines_below(
    page: etree._Element, heading: etree._Element | None, limit: int, comments: bool = True
) -> Iterator[tuple[etree._Element, str]]:
    """The short elements (text of at most ``limit`` characters) the page shows between the
    headline and the article's text, each with its text: the header's date, byline and
    section lines. A longer paragraph is the text's start; hidden elements and those outside
    the article (with ``comments``, also comments) are passed over."""
    if heading is None:
        return
    for node in after_heading(page, heading):
        if hidden(node) or outside_article(node, comments=comments):
            continue
        text = text_upto(node, limit)
        if text is not None:
            yield node, text
        elif node.tag == "p":
            return  # the article's text has begun


def language_of(*values: Any) -> str | None:
    """The first value that is a language tag, or can be made one ("de_DE", "de-DE-formal",
    "DE, AT, CH"); None lets the text be detected."""
    for value in values:
        first = first_text(value)
        if not first:
            continue
        tag = re.split(r"[\s,;]+", first.replace("_", "-").strip())[0]
        while tag:
            if is_valid_tag(tag):
                return tag
            tag = tag.rpartition("-")[0]
    return None


def epoch(meta: dict[str, str]) -> str | None:
    """The publication a meta named for it gives in seconds or milliseconds since 1970
    (``<meta name="epoch-publish-date" content="1529283660000">``), as some CMSs print it."""
    for name, value in meta.items():
        if "publish" in name and re.fullmatch(r"\d{10}|\d{13}", value.strip()):
            seconds = int(value) / (1000 if len(value.strip()) == 13 else 1)
            return datetime.fromtimestamp(seconds, timezone(timedelta(0))).isoformat()
    return None


def meta_tags(page: etree._Element) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in page.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("http-equiv") or "").lower()
        value = " ".join((node.get("content") or "").split())
        if key and value and key not in found:
            found[key] = value
    for node in page.iter("link"):
        if "canonical" in (node.get("rel") or "").lower().split() and node.get("href"):
            found.setdefault("canonical", node.get("href", ""))
    return found


def json_ld(page: etree._Element, source: Source) -> dict[str, Any]:
    """The first schema.org article object of the page's JSON-LD, or ``{}``."""
    for script in page.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            data = _load_json_ld(script.text or "", source.name)
        except (json.JSONDecodeError, RecursionError):
            note(f"{source.name}: a JSON-LD block is not valid JSON; it is skipped")
            continue
        for item in _ld_items(data):
            types = item.get("@type")
            names = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t in ARTICLE_TYPES for t in names):
                return item
    return {}


def _load_json_ld(text: str, where: str = "") -> Any:
    """JSON-LD as pages write it: inside ``<![CDATA[…]]>`` or ``<!--…-->``, with raw line breaks
    in strings, or a trailing comma before a closing bracket; a block that needed mending is
    said in an info note (``--explain``) for ``where``."""
    text = WRAPPERS.sub("", text.strip()).strip()
    try:
        return json.loads(text, strict=False)
    except json.JSONDecodeError:
        data = _mended_json(TRAILING_COMMA.sub(r"\1", text))
    if where:
        note(
            f"{where}: a JSON-LD block was mended before it could be read (a trailing comma, "
            "a value without quotes or a quotation mark inside a string)",
            level="info",
        )
    return data


def _mended_json(text: str) -> Any:
    """JSON as a template writes it by hand, mended where the parser stops: a value left
    without quotes (``"@author": Daniel Czyżewski,``) is quoted, and a quotation mark inside
    a string (``"headline": "Sejm "za" ustawą"``) is escaped. Anything else is not JSON."""
    for _ in range(JSON_REPAIRS):
        try:
            return json.loads(text, strict=False)
        except json.JSONDecodeError as error:
            mended = _mend_json(text, error)
            if mended is None:
                raise
            text = mended
    return json.loads(text, strict=False)


def _mend_json(text: str, error: json.JSONDecodeError) -> str | None:
    """The text mended at the place the parser stopped, or None when no mend fits there."""
    at = error.pos
    if error.msg == "Expecting value" and (bare := BARE_VALUE.match(text, at)):
        value = bare.group().rstrip()
        return f"{text[:at]}{json.dumps(value, ensure_ascii=False)}{text[at + len(value) :]}"
    before = text[:at].rstrip()
    if error.msg == "Expecting ',' delimiter" and before.endswith('"') and text[at : at + 1] != '"':
        # The string ended early, at a quotation mark of its text: escape that mark.
        return f"{before[:-1]}\\{text[len(before) - 1 :]}"
    return None


def _ld_items(data: Any) -> list[dict[str, Any]]:
    """The objects of a JSON-LD block: the block, its ``@graph``, and the ``mainEntity``
    of a page (a ``WebPage`` whose main entity is the ``NewsArticle``)."""
    if isinstance(data, list):
        return [item for entry in data for item in _ld_items(entry)]
    if isinstance(data, dict):
        return [data, *_ld_items(data.get("@graph", [])), *_ld_items(data.get("mainEntity"))]
    return []


def base_url(page: etree._Element, ld: dict[str, Any], meta: dict[str, str]) -> str | None:
    bases = [b.get("href") for b in page.iter("base") if b.get("href")]
    main = ld.get("mainEntityOfPage")
    main_url = main.get("@id") if isinstance(main, dict) else main
    found: str | None = first_text(
        meta.get("canonical"), meta.get("og:url"), ld.get("url"), main_url
    )
    if bases:
        return resolve_url(str(bases[0]), found)
    return found


def block_text(block: dict[str, Any]) -> str:
    return " ".join(inline_text(block.get("content") or []).split())


def text_upto(node: etree._Element, limit: int) -> str | None:
    """The element's text, or None as soon as it holds more than ``limit`` characters.

    Blocks inside it stand apart as a browser lays them out (``<span>By</span><div>Ann
    Lee</div>`` reads "By Ann Lee", not "ByAnn Lee"); white space added so is not counted,
    and a run of white space counts as the one space a browser shows (the source's
    indentation, a hundred tabs inside a byline's list item, is no text)."""
    parts: list[str] = []
    length = 0  # characters of text, not counting the spaces put between blocks
    apart = False  # a block inside it: its parts are laid out apart

    def add(piece: str | None) -> bool:
        nonlocal length
        if piece:
            parts.append(piece)
            length += len(SPACES.sub(" ", piece))
        return length <= limit

    def walk(element: etree._Element) -> bool:
        nonlocal apart
        if not add(element.text):
            return False
        for child in element:
            if isinstance(child.tag, str):
                block = child.tag not in INLINE
                apart = apart or block
                parts.append(" " if block else "")
                if not walk(child):
                    return False
                parts.append(" " if block else "")
            if not add(child.tail):
                return False
        return True

    if not walk(node):
        return None
    text = "".join(parts)
    return " ".join(text.split()) if apart else text


def after_heading(page: etree._Element, heading: etree._Element) -> list[etree._Element]:
    """The elements that follow the headline's heading (not inside it), in document order,
    as far as a summary, a byline or a date line under it may be."""
    nodes = [n for n in page.iter() if isinstance(n.tag, str)]
    after = nodes.index(heading) + sum(1 for _ in heading.iterdescendants())
    return nodes[after + 1 : after + 1 + STANDFIRST_LOOKAHEAD]


def heading_text(heading: etree._Element) -> str:
    """A heading's text as shown: line breaks and parts are spaces; hidden parts are left out."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if not hidden(node):
            if node.tag == "br":
                parts.append(" ")
            parts.append(node.text or "")
            for child in node:
                if isinstance(child.tag, str):
                    walk(child)
                    if child.tag not in INLINE:
                        parts.append(" ")
                parts.append(child.tail or "")

    walk(heading)
    return " ".join("".join(parts).translate(INVISIBLE).split())


def hidden(node: etree._Element) -> bool:
    """Not shown to a reader: the body converter's test (hidden, or a page translator's
    widget), a class that hides it, and what holds no text to show (scripts, styles,
    templates)."""
    return (
        not isinstance(node.tag, str)
        or node.tag in ("script", "style", "noscript", "template")
        or is_hidden(node)
        or _hidden_by_class(node)
    )


def _hidden_by_class(node: etree._Element) -> bool:
    """Hidden by the site's style sheet under a class that says so ("hide", "hidden",
    "d-none": futurezone's ``<span class=hide>.</span>`` after the headline, and "Autor: "
    before the name), which the saved page does not carry: no part of a headline, a name,
    a caption or a date line."""
    return not HIDDEN_CLASSES.isdisjoint((node.get("class") or "").lower().split())


def hidden_within(node: etree._Element) -> bool:
    """Hidden, or inside something hidden: Google Translate's "Original text" box, an ``h1``
    that a browser's translator put into the page when it was saved."""
    return any(hidden(n) for n in (node, *node.iterancestors()))


def _site_names(site: Any) -> list[str]:
    """The names a site goes by: its name, its name before a tagline, its host."""
    name = first_text(site)
    if not name:
        return []
    if name.startswith(("http://", "https://")):
        host = urllib.parse.urlsplit(name).hostname or ""
        host = host.removeprefix("www.")
        return [host, host.rsplit(".", 1)[0]]
    short = TITLE_SEPARATORS.split(name)[0]  # "Aktuálně.cz - Víte, co se právě děje"
    return [name, short] if len(short.split()) <= 3 else [name]


def names_site(part: str, names: set[str]) -> bool:
    key = _key(part)
    return bool(key) and key in names


def first_text(*values: Any) -> str | None:
    for value in values:
        if isinstance(value, list) and value:
            value = value[0]
        if isinstance(value, dict):
            value = value.get("name") or value.get("@value")
        if isinstance(value, str) and value.strip():
            # JSON-LD and meta values often carry escaped markup ("mis&nbsp;en garde").
            return " ".join(html_module.unescape(value).split())
    return None


def in_figure(node: etree._Element) -> bool:
    return any(a.tag in ("figure", "figcaption") for a in (node, *node.iterancestors()))


def holds_story(node: etree._Element) -> bool:
    """A box that holds the story itself, not its byline: the article or page element, or
    one holding a headline or more text than a byline box shows (a CMS names the whole
    article for its writer's account: ``<article class="node author-sarayut">``)."""
    return (
        node.tag in ("article", "main", "body", "html")
        or any(True for _ in node.iter("h1"))
        or len(text_of(node)) > BYLINE_BOX
    )


def names_of(node: etree._Element) -> str:
    """An element's class and id names, in lower case."""
    return f"{node.get('class') or ''} {node.get('id') or ''}".lower()


def page_language(page: etree._Element) -> str:
    """The language the page's markup says it is in, for reading its dates ("en" if none)."""
    return language_of(page.get("lang"), page.get(f"{{{XML_NS}}}lang")) or "en"


def outside_article(node: etree._Element, comments: bool = True) -> bool:
    """Inside comments, a form, an aside or a list of other stories: not the article's byline.

    (Class names with "sidebar" or "teaser" are no sign: themes give them to the
    article's own wrappers, "sticky-sidebar-parent". An ``address`` is the contact
    information of its article, as HTML defines it, even in an ``aside`` beside the text.)"""
    address = False
    for element in (node, *node.iterancestors()):
        if element.tag in ("body", "html"):
            break  # WordPress names the page's body "comments-open", "has-sidebar"
        address = address or element.tag == "address"
        if element.tag == "aside" and address:
            continue
        if element.tag in ("form", "label", "input", "textarea", "select", "aside", "nav"):
            return True
        if element.tag == "footer" and not any(a.tag == "article" for a in element.iterancestors()):
            return True  # the site's footer ("Made with Drupal by …"), not an article's own
        names = f"{element.get('class') or ''} {element.get('id') or ''}".lower().split()
        if any(NOT_BYLINE.match(n) and (comments or not COMMENT_NAMES.match(n)) for n in names):
            return True
    return False


def in_teaser(node: etree._Element) -> bool:
    """Inside a card that points to another story, even among the text's paragraphs: a
    short box (up to ``TEASER_TEXT`` characters) that holds a heading wholly made of a link,
    and not the page's ``h1`` ("<div class=vice-card><h3><a href=/other>How Women …</a></h3>
    <div class=…byline>Urooba Jamal</div><time datetime=2020-07-22>"). Its byline and date
    are the other story's, never the article's."""
    for box in itertools.islice(node.iterancestors(), TEASER_LEVELS):
        if box.tag in ("body", "html") or next(box.iter("h1"), None) is not None:
            return False
        if len(text_of(box)) > TEASER_TEXT:
            return False
        for heading in box.iter("h2", "h3", "h4", "h5", "h6"):
            links = heading.findall(".//a[@href]")
            text = " ".join(text_of(heading).split())
            if text and len(links) == 1 and " ".join(text_of(links[0]).split()) == text:
                return True
    return False


def publisher_of(value: Any, site_name: str | None) -> dict[str, Any] | None:
    name = first_text(value) or site_name
    if not name:
        return None
    publisher: dict[str, Any] = {"name": name}
    url = value.get("url") if isinstance(value, dict) else None
    if isinstance(url, str) and url.startswith(("http://", "https://")):
        publisher["url"] = url
    return publisher


def keywords(value: Any) -> list[str]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        return []
    return [" ".join(str(k).split()) for k in value if str(k).strip()][:50]


def elements_after(node: etree._Element) -> Iterator[etree._Element]:
    """The elements that follow ``node`` in the page, in document order."""
    for element in (node, *node.iterancestors()):
        for sibling in element.itersiblings():
            yield from (n for n in sibling.iter() if isinstance(n.tag, str))


def in_menu(node: etree._Element) -> bool:
    """Inside a menu: a ``nav`` or ``menu``, an element given a menu's role, or a box (the
    element's parent or the one above) whose text is mostly the links of a list beside it
    (a menu's label: "Top-Themen" over its links). A caption there labels the menu, not a
    picture."""
    for level, holder in enumerate(node.iterancestors()):
        if holder.tag in ("article", "main", "body", "figure"):
            return False
        if holder.tag in ("nav", "menu") or (holder.get("role") or "") in MENU_ROLES:
            return True
        if level >= 2:
            continue
        lists = [n for n in holder.iter("ul", "ol") if len(list(n.iter("a"))) >= MENU_LINKS]
        text = len(text_of(holder))
        linked = sum(len(text_of(a)) for a in holder.iter("a"))
        if lists and text and linked * 2 >= text:
            return True
    return False
