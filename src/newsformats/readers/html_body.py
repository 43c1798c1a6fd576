"""The one HTML body converter: an HTML or XHTML fragment becomes the model's body blocks.

Every reader that carries HTML (web pages, NewsML-G2 ``inlineXML``, NITF, ninjs
``body_html``, feeds' ``content:encoded``, raw HTML in Markdown) passes it
through :func:`html_to_blocks`. The walker keeps only what the model can say
(paragraphs, subheadings, quotes, nested lists, figures, tables, embeds and the
inline marks), so nothing of the markup passes through unfiltered: scripts,
styles, forms, ads and page furniture are dropped, unsafe links lose their
target (with a warning), relative links and images are resolved against the
base URL, and an embedded frame becomes a link with its title.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import Any

from lxml import etree, html

from ..notes import note
from .chrome import caption_credit, credit_label, is_chrome, without_credit_label

Inline = str | dict[str, Any]

DROPPED = frozenset(
    {
        "script", "style", "noscript", "template", "form", "input", "button", "select",
        "textarea", "label", "nav", "aside", "menu", "dialog", "svg", "math", "canvas",
        "head", "title", "meta", "link", "base", "map", "area", "object", "param", "source",
        "track", "portal", "frameset", "frame", "hr", "wbr",
    }
)  # fmt: skip
EMBEDS = frozenset({"iframe", "video", "audio", "embed"})
CONTAINERS = frozenset(
    {
        "div", "section", "article", "main", "header", "footer", "center", "body", "html",
        "details", "summary", "address", "hgroup", "fieldset", "dl", "dd", "dt", "picture",
        "content", "body.content", "block", "inlinexml",
    }
)  # fmt: skip
HEADINGS = {"h1": 2, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6, "hl2": 2}
BLOCKS = (
    DROPPED
    | EMBEDS
    | CONTAINERS
    | set(HEADINGS)
    | {"p", "blockquote", "ul", "ol", "li", "figure", "table", "img", "pre", "media", "nitf-table"}
)
FLOW_BLOCKS = frozenset(
    {"p", "div", "section", "article", "blockquote", "ul", "ol", "table", "figure", "pre"}
    | set(HEADINGS)
)
INLINE_MARKS = {
    "em": "emphasis",
    "i": "emphasis",
    "strong": "strong",
    "b": "strong",
    "q": "quotation",
    "cite": "citation",
    "sub": "subscript",
    "sup": "superscript",
}
# Class and id words that name page furniture rather than the story (CMS conventions).
FURNITURE = re.compile(
    r"(?:^|[-_\s])(?:ad|ads|advert\w*|promo\w*|sponsor\w*|share|sharing|social|newsletter\w*"
    r"|subscri\w*|related|recommend\w*|comments?|outbrain|taboola|sidebar|breadcrumbs?"
    r"|paywall|signup|sign-up|byline|read-?more|more-?stories|tags?|toolbar)(?:$|[-_\s])",
    re.IGNORECASE,
)
# The same names inside camelCase class names ("mbArticleShareBtn").
FURNITURE_CAMEL = re.compile(
    r"(?<=[a-z])(?:Share|Sharing|Social|Related|Recommend\w*|Promo\w*|Newsletter|Comments?|Ad|Ads)"
    r"(?=[A-Z]|$|[-_\s])"
)
FURNITURE_ROLES = frozenset(
    {"navigation", "complementary", "banner", "contentinfo", "search", "form", "dialog"}
)
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
# Embed hosts and what they carry; the provider's name is shown beside the link.
EMBED_PROVIDERS: dict[str, tuple[str, str]] = {
    "youtube.com": ("YouTube", "video"),
    "youtube-nocookie.com": ("YouTube", "video"),
    "youtu.be": ("YouTube", "video"),
    "vimeo.com": ("Vimeo", "video"),
    "dailymotion.com": ("Dailymotion", "video"),
    "twitter.com": ("X (Twitter)", "post"),
    "x.com": ("X (Twitter)", "post"),
    "instagram.com": ("Instagram", "post"),
    "facebook.com": ("Facebook", "post"),
    "tiktok.com": ("TikTok", "post"),
    "t.me": ("Telegram", "post"),
    "soundcloud.com": ("SoundCloud", "audio"),
    "spotify.com": ("Spotify", "audio"),
    "google.com": ("Google Maps", "map"),
    "openstreetmap.org": ("OpenStreetMap", "map"),
}
# Character references still in the text after parsing: copy escaped twice ("&amp;#39;").
# Characters that show nothing: a paragraph of only these (a byte order mark) is empty.
INVISIBLE = str.maketrans(dict.fromkeys((0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)))
LEFTOVER_REFERENCE = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|quot|apos|amp|lt|gt|nbsp);")
# A paragraph that is markup shown as text (an embed code pasted into the text field).
MARKUP_AS_TEXT = re.compile(r"\s*<([a-zA-Z][\w-]*)\b[^<>]*>.*</?[a-zA-Z][\w-]*[^<>]*>\s*", re.S)
SOCIAL_QUOTES = re.compile(r"twitter-tweet|instagram-media|tiktok-embed|telegram-post", re.I)
# The markup names of a page translator's widgets (Google Translate's "Original text"
# tooltip, its banner, spinner and menu frames), which a page saved after translating keeps.
# Labels a site gives screen readers only ("<span class=off-screen>Image caption</span>"):
# its own words for the reader of its page, not the article's.
SCREEN_READER_ONLY = re.compile(
    r"visually-?hidden|sr-only|screen-?reader|off-?screen|a11y-hidden", re.IGNORECASE
)
SCREEN_READER_WORDS = 4
SLASH_CAPTION_WORDS = 3  # words of a caption before a credit after a slash, and the slash
NUMBERED_NAME = re.compile(r"[\w.-]*\d{6,}[\w.-]*")  # "54374685-60288571…-n", "IMG_20190627"
FILE_NAME = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|avif|tiff?|bmp|heic)$", re.IGNORECASE)
TRANSLATOR_WIDGET = re.compile(
    r"(?:^|\s)(?:goog-gt-\w+|goog-te-[\w-]+|goog-tooltip|skiptranslate)(?:$|\s)"
)


# What a reader operates rather than reads: form controls and elements given a control's role.
CONTROL_TAGS = frozenset({"button", "select", "textarea"})
CONTROL_ROLES = frozenset(
    {"button", "checkbox", "menuitem", "option", "radio", "slider", "switch", "tab", "textbox"}
)
# ... and the class or id names CMSs give such a control made of a span or div
# ("close-button", "btn-close", "caption-toggle"): used where no control belongs (a caption).
CONTROL_NAMES = re.compile(r"(?:^|[-_\s])(?:btn|button|close|toggle)(?:$|[-_\s])", re.IGNORECASE)
# A box holding a control and a few lines of its labels ("Found a mistake? Select the text
# and press Ctrl+Enter", a poll, a sign-up) is a widget, not the article's text.
WIDGET_CHARS = 400
WIDGET_LINE = 200  # characters of the longest paragraph a widget's labels hold
# "image-caption"; "photo-cap" (Yomiuri's), "cap" shortened only after a picture's word:
# "titre-gras-bleu-petite-cap" (Mediapart's small capitals) names no caption.
CAPTION_CLASS = re.compile(
    r"caption|(?:photo|image|img|pic|picture|figure|fig)[_-]?cap(?:$|[\s_-])"
)
CREDIT_CLASS = re.compile(r"credit|copyright")
TOOLBAR_CHARS = 200  # a list of a page's controls says at most this much
MEDIA = ("img", "picture", "video", "audio", "iframe", "figure", "table", "svg")
# A paragraph that is only a wire story's source tag before the text: "CNN —", "WASHINGTON
# (CNN) --" (the page shows it inline, at the start of the first paragraph).
SOURCE_TAG = re.compile(r"[^.!?;:]{2,40}?\s*(?:—|–|--?)")
SOURCE_TAG_WORDS = 5
# The standard sizes of advertising units (IAB), width × height in CSS pixels.
AD_SIZES = frozenset(
    {
        (468, 60), (728, 90), (970, 90), (970, 250), (300, 250), (336, 280), (160, 600),
        (120, 600), (300, 600), (320, 50), (320, 100), (300, 50), (234, 60), (120, 240),
    }
)  # fmt: skip
IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)$", re.IGNORECASE)
BANNER_RATIO = 4  # a strip: at least four times as wide as high
BANNER_HEIGHT = 150  # pixels
STORY_WORDS = 4  # words of a link that is another story's headline
STORY_LABEL = 40  # characters of a label before links to other stories ("Related:")
RELATED_LABEL_WORDS = (3, 8)  # words of a label before one link to another article: a
# line of text, a line set apart in italics or bold
# Classes of CSS frameworks that hide an element on a phone's narrow screen (Bootstrap 3's
# "hidden-xs", "visible-lg"; Bootstrap 4's "d-none" beside "d-md-block"; Foundation's).
NARROW_HIDDEN = re.compile(
    r"(?:^|\s)(?:hidden-xs|hidden-sm|visible-(?:md|lg)(?:-\w+)?|d-none|hide-for-small(?:-only)?"
    r"|show-for-(?:medium|large)(?:-up)?)(?:\s|$)"
)
AD_LABEL_WORDS = 2  # words of an advertisement's label given as a picture's alt and caption
SENTENCE_ENDS = (".", "!", "?", "。", "！", "？")


@dataclass
class BodyOptions:
    """How to read one fragment: the base URL for relative references, the input's name,
    and its folder (a relative image that is a file there stays a local file)."""

    base_url: str | None = None
    where: str = "the body"
    keep_furniture: bool = False
    folder: Path | None = None


@dataclass
class _Walk:
    options: BodyOptions
    total: int = 0
    consumed: set[etree._Element] = field(default_factory=set)
    blocks: list[dict[str, Any]] = field(default_factory=list)
    pending: list[Inline] = field(default_factory=list)
    notes: frozenset[str] = frozenset()  # the ids of the fragment's endnotes

    def nested(self) -> _Walk:
        """A walk of a part (a paragraph, a quote, a caption, a cell) inside this one:
        the same options, consumed elements and notes, blocks and words of its own."""
        return _Walk(self.options, self.total, self.consumed, notes=self.notes)


def parse_html_fragment(markup: str) -> etree._Element:
    """Parse an HTML fragment (or a whole page) into a ``<div>`` holding it.

    libxml2's HTML parser never fetches or expands anything external.

    >>> parse_html_fragment("<p>Hi <em>there</em></p>")[0].tag
    'p'
    """
    parser = html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, huge_tree=False
    )
    if re.match(r"\s*(<!doctype[^>]*>\s*)?<html\b", markup or "", re.IGNORECASE):
        page = html.document_fromstring(markup, parser=parser)
        bodies = [b for b in page if b.tag == "body"]
        return amp_pictures_as_img(_void_sources_closed(bodies[0] if bodies else page))
    wrapper: etree._Element = html.fragment_fromstring(
        markup or "", create_parent="div", parser=parser
    )
    return amp_pictures_as_img(_void_sources_closed(wrapper))


def amp_pictures_as_img(root: etree._Element) -> etree._Element:
    """The tree with an AMP page's pictures (``<amp-img src=… alt=…>``) as the ``img`` they
    stand for, what they hold (a placeholder, a ``noscript`` fallback) put after them.

    An AMP page (the Guardian's) has no ``img`` at all: its lead picture, alt text and
    caption were lost.

    >>> root = parse_html_fragment('<figure><amp-img src="a.jpg" alt="A"></amp-img></figure>')
    >>> [(n.tag, n.get("alt")) for n in root.iter("img", "amp-img")]
    [('img', 'A')]
    """
    for node in list(root.iter("amp-img", "amp-anim")):
        parent = node.getparent()
        node.tag = "img"
        children = list(node)
        if parent is None or not children:
            continue
        at = parent.index(node)
        tail, node.tail, node.text = node.tail or "", None, None
        for offset, child in enumerate(children, 1):
            parent.insert(at + offset, child)
        children[-1].tail = (children[-1].tail or "") + tail
    return root


def _void_sources_closed(root: etree._Element) -> etree._Element:
    """The tree with what an unclosed ``<source>`` or ``<track>`` holds put after it.

    libxml2's HTML parser does not know these as void elements: it nests what follows an
    unclosed one inside it (``<picture><source srcset=…><img …></picture>`` puts the
    ``img`` inside the ``source``), and the converter, which leaves ``source`` out, lost
    the picture (Islamische Zeitung's and rp.pl's lead pictures).
    """
    for node in list(root.iter("source", "track")):
        parent = node.getparent()
        if parent is None or not (len(node) or (node.text or "").strip()):
            continue
        children, tail = list(node), node.tail or ""
        node.tail, node.text = node.text, None
        at = parent.index(node)
        for offset, child in enumerate(children, 1):
            parent.insert(at + offset, child)  # its tail goes with it
        last = children[-1] if children else node
        last.tail = (last.tail or "") + tail
    return root


def drop_repeated_headline(blocks: list[dict[str, Any]], headline: str) -> list[dict[str, Any]]:
    """Many bodies repeat the headline as their first heading; the article shows it once.

    >>> drop_repeated_headline([{"type": "subheading", "content": ["Hi"]}], "Hi")
    []
    """
    wanted = " ".join(headline.split()).casefold()
    for index, block in enumerate(blocks[:3]):
        if block["type"] in ("subheading", "paragraph"):
            text = " ".join(_plain_all(block["content"]).split()).casefold()
            if text == wanted:
                return blocks[:index] + blocks[index + 1 :]
    return blocks


def html_to_blocks(
    source: str | etree._Element, options: BodyOptions | None = None
) -> list[dict[str, Any]]:
    """Convert an HTML (or XHTML, or NITF) fragment into the model's body blocks.

    Returns plain data for :class:`~newsformats.model.Article` to validate.

    >>> html_to_blocks(  # doctest: +NORMALIZE_WHITESPACE
    ...     "<h3>Why</h3><p>See <a href='/a/1'>this</a>.</p>",
    ...     BodyOptions(base_url="https://example.org/news/"),
    ... )
    [{'type': 'subheading', 'level': 2, 'content': ['Why']},
     {'type': 'paragraph', 'content': ['See ',
      {'type': 'link', 'href': 'https://example.org/a/1', 'children': ['this']}, '.']}]
    """
    options = options or BodyOptions()
    root = parse_html_fragment(source) if isinstance(source, str) else source
    walk = _Walk(options, total=len(_text(root)), notes=_note_ids(root))
    _container(walk, root)
    _flush(walk)
    blocks = _with_source_tag(walk.blocks)
    return level_headings(_referenced_notes(blocks, options.where))


def _with_source_tag(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A first paragraph that is only a wire story's source tag, a few words and a dash
    ("CNN —", "WASHINGTON (CNN) --"), goes at the start of the paragraph after it, as the
    page shows it: it is no paragraph of its own.

    >>> _with_source_tag([{"type": "paragraph", "content": ["CNN —"]},
    ...                   {"type": "paragraph", "content": ["Text."]}])
    [{'type': 'paragraph', 'content': ['CNN — Text.']}]
    """
    first = next((i for i, b in enumerate(blocks) if b["type"] == "paragraph"), None)
    if first is None or first + 1 >= len(blocks) or blocks[first + 1]["type"] != "paragraph":
        return blocks  # (a heading before it is the headline again, which the reader drops)
    tag = _plain_all(blocks[first]["content"])
    if len(tag.split()) > SOURCE_TAG_WORDS or not SOURCE_TAG.fullmatch(tag.strip()):
        return blocks
    following = blocks[first + 1]
    content = _tidy([*blocks[first]["content"], " ", *following["content"]])
    return [*blocks[:first], {**following, "content": content}, *blocks[first + 2 :]]


def figures_of(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The images of the figure blocks in ``blocks``, in order."""
    return [b["image"] for b in blocks if b["type"] == "figure"]


def resolve_url(href: str, base: str | None) -> str:
    """Resolve ``href`` against ``base`` (when there is one), keeping a relative one otherwise.

    >>> resolve_url("../b.html", "https://example.org/a/x.html")
    'https://example.org/b.html'
    """
    href = href.strip()
    return urllib.parse.urljoin(base, href) if base else href


# --- blocks ------------------------------------------------------------------------


# NITF's names for what HTML calls otherwise (NITF 3.x body.content).
NITF_NAMES = {"bq": "blockquote", "hl2": "h2", "credit": "cite"}


def _tag(node: Any) -> str:
    if not isinstance(node.tag, str):
        return ""
    # Not etree.QName: HTML pages hold names XML refuses ("fb:like", 'ahref="…"').
    name = node.tag.rsplit("}", 1)[-1].lower()
    return NITF_NAMES.get(name, name)


def is_hidden(node: etree._Element) -> bool:
    """Not shown to a reader (the body converter's test, which the page reader shares):
    ``hidden``, ``aria-hidden``, ``display:none`` or ``visibility:hidden``, or a widget a
    browser's page translator put into the saved page (Google Translate's tooltip and
    banner: ``#goog-gt-tt``, ``.goog-te-*``, ``.skiptranslate``), whatever language its
    labels are in."""
    if node.get("hidden") is not None or node.get("aria-hidden") == "true":
        return True
    style = (node.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    return bool(TRANSLATOR_WIDGET.search(f"{node.get('id') or ''} {node.get('class') or ''}"))


def is_control(node: etree._Element) -> bool:
    """Something a reader operates: a button, a menu's choice, a text field (not a hidden
    input), by its element or its role.

    >>> is_control(html.fromstring('<span role="button">Close</span>'))
    True
    """
    tag = _tag(node)
    if tag in CONTROL_TAGS or (tag == "input" and (node.get("type") or "").lower() != "hidden"):
        return True
    return (node.get("role") or "").lower() in CONTROL_ROLES


def names_control(node: etree._Element) -> bool:
    """A control, or an element whose class or id names a button ("close-button")."""
    names = f"{node.get('class') or ''} {node.get('id') or ''}"
    return is_control(node) or bool(CONTROL_NAMES.search(names))


def _is_widget(node: etree._Element, walk: _Walk) -> bool:
    """A box that holds a control beside a few short lines and no picture or table: the
    controls' labels ("Found a mistake? Select the text and press Ctrl+Enter"), not the
    article's text. A box holding a quarter of the body or a paragraph of text stays."""
    if _tag(node) not in ("div", "section", "p", "footer", "header"):
        return False
    roles = node.xpath(".//*[@role]")
    held: list[etree._Element] = [node, *node.iter(*CONTROL_TAGS, "input")]
    held += [n for n in (roles if isinstance(roles, list) else []) if isinstance(n, etree._Element)]
    if not any(is_control(n) for n in held) or any(True for _ in node.iter(*MEDIA)):
        return False
    text = _text(node)
    return (
        len(text) <= WIDGET_CHARS
        and len(text) * 4 < walk.total
        and all(len(_text(p)) <= WIDGET_LINE for p in node.iter("p", "li"))
    )


def _is_furniture(node: etree._Element, walk: _Walk) -> bool:
    """Hidden, or named like page furniture and holding less than half of the body's text,
    or a widget (:func:`_is_widget`).

    The second condition keeps a CMS wrapper such as ``<div id="read-more-content">``
    that holds the whole story.
    """
    if is_hidden(node):
        return True
    if walk.options.keep_furniture:
        return False
    if _wide_screens_only(node):
        note(
            f"{walk.options.where}: a line the page shows on wide screens only is left out "
            f"(a layout's label): {_shorten(_text(node), 60)!r}",
            level="info",
        )
        return True
    if _is_widget(node, walk):
        note(
            f"{walk.options.where}: a box of a control and its labels is left out: "
            f"{_shorten(_text(node), 60)!r}",
            level="info",
        )
        return True
    names = f"{node.get('class') or ''} {node.get('id') or ''}".strip()
    named = (node.get("role") or "").lower() in FURNITURE_ROLES or (
        bool(names) and bool(FURNITURE.search(names) or FURNITURE_CAMEL.search(names))
    )
    return named and len(_text(node)) * 2 < walk.total


def _wide_screens_only(node: etree._Element) -> bool:
    """A short line whose every word a CSS framework's class hides on a phone's screen
    (Bootstrap's ``hidden-xs``, ``d-none d-md-block``, Foundation's ``show-for-large``):
    a layout's label ("The article continues below" above a player or an advert), never
    the article's text, which every screen shows. A part of a line hidden so ("Sept<span
    class=hidden-xs>ember</span>") leaves the line's other words, and the line stays."""
    text = _text(node)
    if not text or len(text) > WIDGET_LINE or any(True for _ in node.iter(*MEDIA)):
        return False
    hiding = {e for e in node.iter() if NARROW_HIDDEN.search(e.get("class") or "")}

    def shown(element: etree._Element) -> str:
        if element in hiding or _tag(element) in ("script", "style"):
            return ""
        return (element.text or "") + "".join(shown(c) + (c.tail or "") for c in element)

    return bool(hiding) and not shown(node).strip()


def _container(walk: _Walk, node: etree._Element) -> None:
    """Walk a container: loose text and inline elements gather into paragraphs.

    A container that holds inline elements and no text of its own between them (``<div>
    <span class="vignette">Försvar</span><span class="source">TT</span></div>``) lists
    items, which a page's style sets apart: their words are kept apart by a space, not
    glued ("Försvar TT"). A one-letter element before the next (a drop capital) is not
    an item.
    """
    if node.text:
        walk.pending.append(node.text)
    items = _lists_items(node)
    previous = ""
    for child in node:
        tag = _tag(child)
        if not tag or tag in DROPPED or child in walk.consumed or _is_furniture(child, walk):
            pass
        elif tag in BLOCKS:
            _flush(walk)
            _block(walk, child, tag)
        elif _holds_blocks(child):
            _container(walk, child)  # a span around paragraphs: its blocks stay blocks
        else:
            if items and len(previous) > 1:
                walk.pending.append(" ")
            walk.pending.extend(_inline(walk, child))
            previous = _text(child)
        if child.tail:
            walk.pending.append(child.tail)


def _holds_blocks(node: etree._Element) -> bool:
    """An element with no meaning of its own (``span``, ``font``, an unknown tag) that holds
    paragraphs, headings or lists (``<span id="articleText"><p>…</p><p>…</p></span>``): a
    browser lays its blocks out one under the other, so it is walked as a container, not
    read as one run of text. A mark or link around blocks keeps its meaning."""
    if _tag(node) in INLINE_MARKS or _tag(node) in ("a", "abbr", "sup", "sub", "br"):
        return False
    return any(_tag(d) in FLOW_BLOCKS for d in node.iterdescendants())


def _lists_items(node: etree._Element) -> bool:
    """Whether a container's inline elements stand side by side with no text between them."""
    inline = [c for c in node if _tag(c) and _tag(c) not in BLOCKS and _tag(c) != "br"]
    loose = [node.text or ""] + [c.tail or "" for c in node]
    return len(inline) > 1 and not "".join(loose).strip()


def _flush(walk: _Walk) -> None:
    content = _tidy(walk.pending)
    walk.pending = []
    if content and not _is_markup_text(content, walk):
        walk.blocks.append({"type": "paragraph", "content": content})


def _is_endnotes(node: etree._Element) -> bool:
    role = (node.get("role") or "").lower()
    return (
        role in ("doc-endnotes", "doc-footnotes")
        or "footnotes" in (node.get("class") or "").split()
    )


def _referenced_notes(blocks: list[dict[str, Any]], where: str) -> list[dict[str, Any]]:
    """Endnotes that the text does not refer to, each of them, are a numbered list: a note
    links back to its reference, and a link to nowhere is no way back."""
    numbers: set[int] = set()

    def collect(value: Any) -> None:
        if isinstance(value, dict):
            if value.get("type") == "note-reference":
                numbers.add(int(value.get("number", 0)))
            for inner in value.values():
                collect(inner)
        elif isinstance(value, list):
            for inner in value:
                collect(inner)

    collect([b for b in blocks if b["type"] != "endnotes"])
    kept: list[dict[str, Any]] = []
    for block in blocks:
        wanted = set(range(1, len(block.get("notes", [])) + 1))
        if block["type"] == "endnotes" and not wanted <= numbers:
            note(f"{where}: notes that the text does not refer to are kept as a numbered list")
            items = [{"content": content} for content in block["notes"]]
            block = {"type": "list", "ordered": True, "items": items}
        kept.append(block)
    return kept


def _note_ids(root: etree._Element) -> frozenset[str]:
    """The ids of the endnotes' items, which the text's note references link to."""
    return frozenset(
        li.get("id", "")
        for notes in root.iter()
        if isinstance(notes.tag, str) and _is_endnotes(notes)
        for li in notes.iter()
        if _tag(li) == "li" and li.get("id")
    )


def _endnotes(walk: _Walk, node: etree._Element) -> None:
    """Footnotes (``section.footnotes``, ``role=doc-endnotes``): one note per list item."""
    items = [li for li in node.iter() if _tag(li) == "li"]
    notes = [_tidy(_inline_children(walk, li)) for li in items]
    if notes and all(notes):
        walk.blocks.append({"type": "endnotes", "notes": notes})


def _note_reference(node: etree._Element, notes: frozenset[str] = frozenset()) -> int | None:
    """The number of a footnote reference (``sup.footnote-ref``, ``a[role=doc-noteref]``, or
    a link to one of the fragment's endnotes by its id: ``<sup><a href="…#fn1-x">1</a>``)."""
    links = [a for a in node.iter() if _tag(a) == "a"]
    marked = (
        "footnote-ref" in (node.get("class") or "")
        or any((a.get("role") or "") == "doc-noteref" for a in links)
        or any((a.get("href") or "").rpartition("#")[2] in notes for a in links if notes)
    )
    digits = re.sub(r"\D", "", _text(node))
    return int(digits) if marked and digits and len(digits) < 5 else None


def _block(walk: _Walk, node: etree._Element, tag: str) -> None:
    if _is_endnotes(node):
        _endnotes(walk, node)
    elif tag in CONTAINERS:
        if tag in ("div", "figure") and SOCIAL_QUOTES.search(node.get("class") or ""):
            _embed(walk, node, tag)
        else:
            _container(walk, node)
        _flush(walk)
    elif tag == "p" or tag == "li" or tag == "pre":
        _paragraph(walk, node)
    elif tag in HEADINGS:
        content = _tidy(_inline_children(walk, node))
        if content:
            walk.blocks.append({"type": "subheading", "level": HEADINGS[tag], "content": content})
    elif tag == "blockquote":
        if SOCIAL_QUOTES.search(node.get("class") or ""):
            _embed(walk, node, tag)
        else:
            _quote(walk, node, None)
    elif tag in ("ul", "ol"):
        listed = _list(walk, node, tag == "ol")
        if listed:
            walk.blocks.append({"type": "list", **listed})
    elif tag in ("figure", "media"):
        _figure(walk, node)
    elif tag == "img":
        caption_node = _caption_after(node)
        caption: list[Inline] = []
        credit = None
        label = None
        if caption_node is not None:
            credited = _credit_inside(caption_node)
            said = _caption(walk, caption_node, credited)
            caption, credit = _caption_credit(said)
            label = credit_label(_plain_all(said), credit or "")
            if credited is not None:
                written = " ".join(_text(credited).split())
                credit = without_credit_label(written) or credit
                label = credit_label(written, credit or "")
            walk.consumed.add(caption_node)
        image = _image(walk, node, caption, credit)
        if image:
            walk.blocks.append({"type": "figure", "image": _with_label(image, label)})
    elif tag in ("table", "nitf-table"):
        _table(walk, node)
    elif tag in EMBEDS:
        _embed(walk, node, tag)


def _paragraph(walk: _Walk, node: etree._Element) -> None:
    """A paragraph; images and embeds inside it follow it as their own blocks.

    A paragraph that is only a link within the page ("skip to the story") is
    navigation of the original page, not text of the article.
    """
    links = [a for a in node.iter() if _tag(a) == "a"]
    only_link = len(links) == 1 and _text(links[0]) == _text(node)
    if only_link and (links[0].get("href") or "").startswith("#"):
        return
    inner = [c for c in node if _tag(c)]
    if (
        len(inner) == 1
        and _tag(inner[0]) in HEADINGS
        and not (node.text or "").strip()
        and not (inner[0].tail or "").strip()
    ):
        _block(walk, inner[0], _tag(inner[0]))  # <p><h3>…</h3></p>: a heading
        return
    held = walk.nested()
    content = _tidy(_inline_children(held, node))
    if content and _is_markup_text(content, walk):
        content = []
    if content and _is_related_link(content, walk.options.base_url):
        note(
            f"{walk.options.where}: a paragraph of a label and one link to another article "
            f"of the site ({_shorten(_plain_all(content), 50)!r}) is left out",
            level="info",
        )
        content = []
    if content and _is_story_links(content):
        note(
            f"{walk.options.where}: a paragraph of a label and links to other stories "
            f"({_shorten(_plain_all(content), 50)!r}) is left out",
            level="info",
        )
        content = []
    first = held.blocks[:1]
    if content and first and first[0]["type"] == "figure" and opens_with_picture(node):
        walk.blocks.append(held.blocks.pop(0))  # the picture floated at its start goes first
    if content:
        walk.blocks.append({"type": "paragraph", "content": content})
    walk.blocks.extend(held.blocks)


def opens_with_picture(node: etree._Element) -> bool:
    """Does the paragraph begin with a picture, no words before it ("<p><a><img
    class=alignright></a>Over 100 school girls…", a picture floated beside the text)?

    >>> opens_with_picture(html.fromstring('<p><a href="/a.jpg"><img src="a.jpg"></a>Text</p>'))
    True
    >>> opens_with_picture(html.fromstring('<p>Text <img src="a.jpg"></p>'))
    False
    """
    for event, element in etree.iterwalk(node, events=("start", "end")):
        if event == "start" and _tag(element) in ("img", "picture", "figure"):
            return True
        words = element.text if event == "start" else element.tail
        if (words or "").strip() and not (event == "end" and element is node):
            return False
    return False


def _is_story_links(content: list[Inline]) -> bool:
    """A paragraph that is a short label and then only links whose words are headlines
    ("Related: <a>Fact check: …</a>", "<b>Related</b><br><a>…</a><br><a>…</a>"): a list of
    other stories. The label is set apart (a colon, bold, a line break): "He said <a>…</a>"
    is a sentence. A link of a word or two ("Source: <a>WHO</a>") is a reference and stays;
    words after the first link (a sentence) keep the paragraph."""
    first = next((i for i, p in enumerate(content) if _is_link(p)), None)
    if not first:
        return False  # no link, or no label before it
    label = _plain_all(content[:first]).strip()
    apart = (
        label.endswith((":", "：", "»", "›"))
        or (first == 1 and isinstance(content[0], dict))  # a label in bold: "<b>Related</b>"
        or any(isinstance(p, dict) and p.get("type") == "line-break" for p in content[:first])
    )
    rest = content[first:]
    links = [p for p in rest if _is_link(p)]
    between = "".join(p for p in rest if isinstance(p, str))
    return (
        apart
        and 0 < len(label) <= STORY_LABEL
        and len(label.split()) <= SOURCE_TAG_WORDS
        and not re.search(r"[^\s|·•,;/–—-]", between)
        and all(
            p.get("type") == "line-break" for p in rest if isinstance(p, dict) and not _is_link(p)
        )
        and all(_names_story(_plain(link)) for link in links)
    )


def _is_related_link(content: list[Inline], base: str | None) -> bool:
    """A paragraph that is only a short label set apart by a colon and one link to another
    article of the same site ("<em>Read also: <a href=/world/1921972,1,arms-race.read>Arms
    race</a></em>", "Former US commander: <a>Russia is dangerous</a>"): a related story,
    however few its words. A link to another site ("Source: <a>WHO report</a>") or to a
    page that is no article (an author's, a section's) is a reference, and stays. A label of
    more than three words needs the line set apart as a whole (in italics or bold): "The
    minister said: <a>…</a>" is a sentence."""
    words = RELATED_LABEL_WORDS[0]
    while len(content) == 1 and isinstance(content[0], dict) and not _is_link(content[0]):
        content = content[0].get("children") or []  # the whole line in italics or bold
        words = RELATED_LABEL_WORDS[1]
    links = [i for i, p in enumerate(content) if _is_link(p)]
    if len(links) != 1 or _plain_all(content[links[0] + 1 :]).strip(" .\u00a0"):
        return False
    label = " ".join(_plain_all(content[: links[0]]).split())
    link = content[links[0]]
    assert isinstance(link, dict)
    return (
        label.endswith((":", "：", "»", "›"))
        and len(label) <= STORY_LABEL
        and len(label.split()) <= words
        and len(_plain(link).split()) >= 2
        and _article_of_site(str(link.get("href") or ""), base)
    )


def _article_of_site(href: str, base: str | None) -> bool:
    """An address on the page's own site whose last part names an article: a slug of three
    words or more, or a number of five digits or more ("/1921972,1,arms-race.read",
    "/2021/05/storm-closes-schools"); not an author's or a section's page ("/author/ann-lee")."""
    here, there = urllib.parse.urlsplit(base or ""), urllib.parse.urlsplit(href)
    if not here.hostname or _site(here.hostname) != _site(there.hostname):
        return False
    last = there.path.rstrip("/").rpartition("/")[2]
    return len(re.findall(r"[^\W\d_]+", last)) >= 3 or bool(re.search(r"\d{5,}", last))


def _is_link(part: Inline) -> bool:
    return isinstance(part, dict) and part.get("type") == "link"


def _names_story(text: str) -> bool:
    """A link's words that are a headline: four words or more ("Box Office Mojo", a site's
    name, is a source), or, in a script written without spaces, eight letters outside the
    Latin alphabet ("Amazon.co.jp", "Nicole Cohen" are no headline)."""
    return (
        len(text.split()) >= STORY_WORDS or sum(c.isalpha() and ord(c) > 0x24F for c in text) >= 8
    )


def _is_markup_text(content: list[Inline], walk: _Walk) -> bool:
    """Markup shown as text ("<div class=…></div><script …>") is never the article's text."""
    text = _plain_all(content)
    if not MARKUP_AS_TEXT.fullmatch(text):
        return False
    note(f"{walk.options.where}: a paragraph of markup shown as text is left out: {text[:60]!r}")
    if walk.blocks and walk.blocks[-1]["type"] == "subheading":
        walk.blocks.pop()  # the heading that introduced it ("Embed:") heads nothing now
    return True


def _quote(walk: _Walk, node: etree._Element, attribution: str | None) -> None:
    inner = walk.nested()
    cites = [c for c in node if _tag(c) in ("footer", "cite")]
    for cite in cites:
        attribution = attribution or _text(cite).lstrip("—–-― ").strip() or None
        cite.getparent().remove(cite)  # type: ignore[union-attr]
    _container(inner, node)
    _flush(inner)
    paragraphs = [b["content"] for b in inner.blocks if b["type"] in ("paragraph", "subheading")]
    if paragraphs and attribution is None:
        last = paragraphs[-1]
        if len(last) == 1 and isinstance(last[0], str) and re.match(r"^\s*(—|–|--|―)", last[0]):
            attribution = re.sub(r"^\s*(—|–|--|―)\s*", "", last[0]).strip() or None
            paragraphs.pop()
    if paragraphs:
        walk.blocks.append({"type": "quote", "paragraphs": paragraphs, "attribution": attribution})
    walk.blocks.extend(b for b in inner.blocks if b["type"] not in ("paragraph", "subheading"))


def _list(walk: _Walk, node: etree._Element, ordered: bool) -> dict[str, Any] | None:
    icons = [i for i in node.iter("img") if _is_link_icon(i)]
    if icons and len(_text(node)) <= TOOLBAR_CHARS:
        # The page's toolbar ("688 views · Email · Print"): its links are named by icons.
        note(
            f"{walk.options.where}: a short list whose links have icons "
            f"({_shorten(' '.join(_text(node).split()), 50)!r}) is the page's toolbar; "
            "it is left out",
            level="info",
        )
        return None
    items: list[dict[str, Any]] = []
    for child in node:
        if _tag(child) != "li" or _is_furniture(child, walk) or child in walk.consumed:
            continue
        parts: list[Inline] = [child.text or ""]
        sublist: dict[str, Any] | None = None
        for grandchild in child:
            tag = _tag(grandchild)
            if tag in ("ul", "ol"):
                sublist = _list(walk, grandchild, tag == "ol") or sublist
            elif tag and tag not in DROPPED:
                if tag in ("p", "div") and parts and any(_plain(p) for p in parts):
                    parts.append(" ")
                parts.extend(_inline(walk, grandchild))
            if grandchild.tail:
                parts.append(grandchild.tail)
        content = _tidy(parts)
        if content or sublist:
            item: dict[str, Any] = {"content": content}
            if sublist:
                item["sublist"] = sublist
            items.append(item)
    return {"ordered": ordered, "items": items} if items else None


def _figure(walk: _Walk, node: etree._Element) -> None:
    captions = [c for c in node.iter() if _tag(c) in ("figcaption", "media-caption", "caption")]
    caption = _caption(walk, captions[0]) if captions else []
    credit = label = None
    for credit_node in node.iter():
        if _tag(credit_node) in ("media-producer",) or "credit" in (credit_node.get("class") or ""):
            credit = _text(credit_node) or None
            break
    if not credit and captions:
        credit = credit_after_slash(captions[0])
    if credit and caption and _plain(caption[-1]).strip().endswith(credit):
        rest = _plain(caption[-1]).strip()[: -len(credit)].rstrip(" /")
        caption = _tidy([*caption[:-1], rest])
    elif not credit:
        said = caption
        caption, credit = _caption_credit(caption)
        label = credit_label(_plain_all(said), credit or "")
    quotes = [c for c in node if _tag(c) == "blockquote"]
    if quotes:
        _quote(walk, quotes[0], _plain_all(caption).lstrip("—–-― ").strip() or None)
        return
    images = [c for c in node.iter() if _tag(c) in ("img", "media-reference")]
    frames = [c for c in node.iter() if _tag(c) in EMBEDS]
    if not images and frames:
        _embed(walk, frames[0], _tag(frames[0]), caption)
        return
    for index, img in enumerate(images):
        image = _image(walk, img, caption if index == 0 else [], credit)
        if image:
            walk.blocks.append({"type": "figure", "image": _with_label(image, label)})
    if not images and caption:
        walk.blocks.append({"type": "paragraph", "content": caption})


def _caption(
    walk: _Walk, node: etree._Element, credit: etree._Element | None = None
) -> list[Inline]:
    """A caption's words: a list or paragraphs inside it are its text, not blocks of the body
    (a picture inside it is not shown); its ``credit`` element is none of them."""
    inner = walk.nested()

    def words(element: etree._Element) -> list[Inline]:
        parts: list[Inline] = [element.text or ""]
        for child in element:
            tag = _tag(child)
            if child is credit:
                pass  # said as the picture's credit
            elif names_control(child):
                pass  # a caption's "Close" button is none of its words
            elif _screen_reader_label(child):
                pass  # "Image caption", said to screen readers before the caption
            elif tag in ("ul", "ol", "li") and not is_hidden(child):
                parts += [" ", *words(child), " "]
            else:
                parts.extend(_inline(inner, child))
            if child.tail:
                parts.append(child.tail)
        return parts

    return _tidy(words(node))


def _with_label(image: dict[str, Any], label: str | None) -> dict[str, Any]:
    """The picture with the label its source writes before the credit ("Foto:")."""
    if label and image.get("credit"):
        image["credit_label"] = label
    return image


def _credit_inside(node: etree._Element) -> etree._Element | None:
    """The element of a caption named for its credit, with words ("<p class=caption>…
    <span class=credit>Foto: dapd</span></p>", taz's)."""
    return next(
        (
            child
            for child in node.iterdescendants()
            if isinstance(child.tag, str)
            and CREDIT_CLASS.search((child.get("class") or "").lower())
            and _text(child).strip()
        ),
        None,
    )


def credit_after_slash(node: etree._Element) -> str | None:
    """The text of a caption's last element when a slash sets it apart from the caption's
    words before it and nothing follows it ("Sala de espera. / <span>Gorka Lejarcegi</span>"):
    a name of at most six words, the photo's credit."""
    children = [c for c in node if isinstance(c.tag, str)]
    if not children or (children[-1].tail or "").strip() or len(children[-1]):
        return None
    last = children[-1]
    previous = last.getprevious()
    before = (previous.tail if previous is not None else node.text) or ""
    credit = " ".join(_text(last).split())
    if not before.rstrip().endswith("/") or not credit or len(credit.split()) > 6:
        return None
    # "creantion / <span>pixelio.de</span>": a credit line as a whole, no caption before it.
    return credit if len(_text(node)[: -len(credit)].split()) > SLASH_CAPTION_WORDS else None


def _screen_reader_label(node: etree._Element) -> bool:
    """A short label a caption holds for screen readers only (a class named for it:
    ``visually-hidden``, ``sr-only``, ``off-screen``): the site's, not the caption's words."""
    names = f"{node.get('class') or ''} {node.get('id') or ''}"
    return (
        bool(SCREEN_READER_ONLY.search(names)) and len(_text(node).split()) <= SCREEN_READER_WORDS
    )


def _caption_credit(caption: list[Inline]) -> tuple[list[Inline], str | None]:
    """A caption without the credit its text ends with ("… (Foto: Direto das Ruas)"); a
    caption that is only a credit line, links and all ("Foto: <a>president.gov.ua</a>, via
    Wikimedia Commons"), is no caption but the credit."""
    rest, whole = caption_credit(_plain_all(caption))
    if whole and not rest:
        return [], whole
    if not caption or not isinstance(caption[-1], str):
        return caption, None
    rest, credit = caption_credit(caption[-1])
    if not credit:
        return caption, None
    space = " " if caption[-1][:1].isspace() and len(caption) > 1 else ""
    return _tidy([*caption[:-1], space + rest]), credit


def _image(
    walk: _Walk, node: etree._Element, caption: list[Inline], credit: str | None = None
) -> dict[str, Any] | None:
    src = _image_src(node)
    if not src or _is_pixel(node):
        return None
    if _is_ad_banner(node, walk.options.base_url):
        note(
            f"{walk.options.where}: the picture {src[:80]} is an advertising banner (a link "
            f"around a picture of an advertising size, or a strip linking to another site, "
            f"{node.get('width')}×{node.get('height')}); it is left out",
            level="info",
        )
        return None
    if _is_link_icon(node):
        note(
            f"{walk.options.where}: the picture {src[:80]} is the icon of a link that says "
            f"its alt text {node.get('alt')!r} in words beside it (a share or print control); "
            "it is left out",
            level="info",
        )
        return None
    if _is_advert_label(node, caption, walk.options.base_url):
        note(
            f"{walk.options.where}: the picture {src[:80]} is an advertisement (its alt text "
            f"and caption are only the label {_plain_all(caption).strip()!r}); it is left out",
            level="info",
        )
        return None
    image: dict[str, Any] = {"src": _image_url(src, walk.options)}
    alt = node.get("alt")
    if alt is None:
        alt = node.get("alternate-text")
    if alt and alt_is_file_name(alt, src):
        note(
            f"{walk.options.where}: the image {src[:80]}'s alt text {alt.strip()[:60]!r} "
            "is a file name, no description; it is read as missing"
        )
        alt = None
    if caption:
        image["caption"] = caption
    if credit:
        image["credit"] = credit
    if alt is not None and alt.strip():
        image["alt"] = " ".join(alt.split())
    elif alt is not None and not caption:
        image["decorative"] = True  # alt="" is the author saying so
    elif not caption:
        note(
            f"{walk.options.where}: the image {src[:80]} has no alt text and no caption; "
            "it is shown as decorative (add alt text)"
        )
        image["decorative"] = True
    for dimension in ("width", "height"):
        value = node.get(dimension) or ""
        if value.isdigit() and 0 < int(value) < 100_000:
            image[dimension] = int(value)
    return image


def alt_is_file_name(alt: str, src: str = "") -> bool:
    """Say whether an alt text is only a file's name, which describes nothing: one with a
    picture's extension, or the picture's own file name, or its name without the extension
    when that is no words ("angies-list" for angies-list.jpeg, "DSC_0042"; not "cover").

    >>> alt_is_file_name("angies-list", "/2011/11/angies-list.jpeg?w=100")
    True
    >>> alt_is_file_name("cover", "/cover.svg"), alt_is_file_name("A man", "/a.jpg")
    (False, False)
    >>> alt_is_file_name("54374685-602885716849316-3459489998221344768-n")
    True
    """
    alt = alt.strip()
    name = urllib.parse.urlsplit(src).path.rpartition("/")[2]
    stem = name.rsplit(".", 1)[0]
    if FILE_NAME.search(alt) or (name and alt.casefold() == name.casefold()):
        return True
    if NUMBERED_NAME.fullmatch(alt):
        return True  # a camera's or a CMS's numbered name, no words
    return alt.casefold() == stem.casefold() and bool(re.search(r"[\d_-]", stem))


def _is_pixel(node: etree._Element) -> bool:
    """A picture of a pixel or two each way (a feed's or a page's view counter) shows
    nothing: it is no figure.

    >>> _is_pixel(html.fromstring('<img src="stat.gif" width="1" height="1">'))
    True
    """
    size = _declared_size(node)
    return size is not None and max(size) <= 2


def _declared_size(node: etree._Element) -> tuple[int, int] | None:
    """The width and height a picture's attributes give in pixels; None unless both do."""
    sizes = [(node.get(d) or "").strip().removesuffix("px") for d in ("width", "height")]
    if not all(size.isdigit() for size in sizes):
        return None
    return int(sizes[0]), int(sizes[1])


# The largest picture of a character in running text: 1.5em high, or 72×72 pixels
# (WordPress's emoji files); its alt is a word or three ("PDF"), not a description.
SYMBOL_EMS, SYMBOL_PIXELS, SYMBOL_WORDS = 1.5, 72, 3


def _symbol_text(node: etree._Element) -> str | None:
    """The text of a picture that stands for a character in running text (WordPress's
    emoji, ``img.wp-smiley``, 1em high): its alt text, "" when it has none; None for a
    picture that is a picture. Such a picture's alt is only emoji or symbols, or it is
    sized in em (at most 1.5em) or at most 72×72 pixels and its alt is three words at most.

    >>> _symbol_text(html.fromstring('<img src="1f483.png" alt="💃" width="600">'))
    '💃'
    >>> _symbol_text(html.fromstring('<img src="a.png" alt="A" style="height: 1em">'))
    'A'
    >>> _symbol_text(html.fromstring('<img src="a.png" alt="A cat" width="640">')) is None
    True
    """
    import unicodedata

    alt = " ".join((node.get("alt") or "").split())
    if alt and all(unicodedata.category(ch)[0] in "SMZ" or ch in "\u200d" for ch in alt):
        return alt
    style = (node.get("style") or "").lower()
    ems = [float(v) for v in re.findall(r"(?<![\w-])(?:max-)?height\s*:\s*(\d*\.?\d+)\s*em", style)]
    size = _declared_size(node)
    small = size is not None and max(size) <= SYMBOL_PIXELS
    icon = (ems and max(ems) <= SYMBOL_EMS) or small
    return alt if icon and len(alt.split()) <= SYMBOL_WORDS else None


def _is_ad_banner(node: etree._Element, base: str | None = None) -> bool:
    """A picture that a link holds alone, of one of the standard sizes of advertising units
    (468×60, 728×90, 300×250…), or a strip (at least four times as wide as high, at most
    BANNER_HEIGHT high) whose link goes to another site than the page's: a banner an
    advertiser's link is under, not a picture of the story. A story's picture is seldom
    exactly such a size, and never one as wide as a banner's strip that leaves the site."""
    size = _declared_size(node)
    if size is None or 0 in size:
        return False
    link = _lone_link(node)
    if link is None:
        return False
    width, height = size
    if (width, height) in AD_SIZES:
        return True
    target = urllib.parse.urlsplit(resolve_url(link.get("href") or "", base))
    return (
        width >= BANNER_RATIO * height
        and not IMAGE_FILE.search(target.path)  # the picture itself, larger
        and height <= BANNER_HEIGHT
        and _leaves_site(link, base)
    )


def _lone_link(node: etree._Element) -> etree._Element | None:
    """The link a picture is alone in (no words, no other picture beside it), if any."""
    link = next((a for a in node.iterancestors() if _tag(a) == "a"), None)
    if link is None or _text(link).strip() or sum(1 for _ in link.iter("img")) != 1:
        return None
    return link


def _is_link_icon(node: etree._Element) -> bool:
    """A picture alone in a link whose alt text the link beside it to the same address says
    in words: the icon of a control ("<a href=…/email/><img alt=Email></a> <a
    href=…/email/>Email</a>", Khaama's share and print links), furniture, not a figure.

    >>> root = html.fromstring('<li><a href="/e"><img src="e.png" alt="Email"></a> '
    ...     '<a href="/e">Email</a></li>')
    >>> _is_link_icon(root.find(".//img"))
    True
    >>> root = html.fromstring('<p><a href="/big.jpg"><img src="s.jpg" alt="Girls"></a> '
    ...     '<a href="/news">Girls</a></p>')
    >>> _is_link_icon(root.find(".//img"))
    False
    """
    link = _lone_link(node)
    alt = " ".join((node.get("alt") or "").split()).casefold()
    holder = link.getparent() if link is not None else None
    if link is None or not alt or holder is None:
        return False
    href = (link.get("href") or "").strip()
    return any(
        _tag(other) == "a"
        and other is not link
        and (other.get("href") or "").strip() == href
        and " ".join(_text(other).split()).casefold() == alt
        for other in holder
    )


def _leaves_site(link: etree._Element, base: str | None) -> bool:
    """Does the link go to another site than the page's (both known)?"""
    here = urllib.parse.urlsplit(base or "").hostname
    there = urllib.parse.urlsplit(resolve_url(link.get("href") or "", base)).hostname
    return bool(here and there) and _site(here) != _site(there)


def _is_advert_label(node: etree._Element, caption: list[Inline], base: str | None) -> bool:
    """A picture whose alt text and caption are one and the same label of a word or two,
    no sentence, when the label is page chrome ("Advertisement") or the picture is alone in
    a link to another site (a shop's banner captioned "Reklama", Polish for advertisement):
    an advertising slot, not a picture of the story."""
    label = " ".join((node.get("alt") or "").split())
    if (
        not label
        or label.casefold() != " ".join(_plain_all(caption).split()).casefold()
        or len(label.split()) > AD_LABEL_WORDS
        or label.endswith(SENTENCE_ENDS)
    ):
        return False
    if is_chrome(label):
        return True
    link = _lone_link(node)
    return link is not None and _leaves_site(link, base)


def _site(host: str | None) -> str:
    """A host's last two labels: one site whatever its subdomain ("img.example.org" and
    "www.example.org"; "co.uk" makes every British site one, which keeps their pictures)."""
    return ".".join((host or "").split(".")[-2:])


def _image_url(src: str, options: BodyOptions) -> str:
    """A picture saved beside the input (``page_files/a.jpg``) stays local, named as the file
    is: a name written percent-encoded (``bilder/Stra%C3%9Fe.jpg``, as a page saved through
    lxml or readability writes non-ASCII letters and spaces) is decoded; others resolve."""
    folder = options.folder
    if folder is not None and not urllib.parse.urlsplit(src).scheme and not src.startswith("/"):
        path = src.split("?")[0].split("#")[0]
        if (folder / path).is_file():
            return src
        if (folder / urllib.parse.unquote(path)).is_file():
            return urllib.parse.unquote(path)
    return resolve_url(src, options.base_url)


def _caption_after(img: etree._Element) -> etree._Element | None:
    """A caption a CMS puts right after a bare ``img``: the next element, or the one element
    inside it, whose class names a caption (``pb-caption``, ``image-caption``…); for a
    picture alone in its paragraph or wrapper, the element after that."""
    node, following = img, None
    for _ in range(3):
        following = node.getnext()
        while following is not None and not isinstance(following.tag, str):
            following = following.getnext()
        parent = node.getparent()
        if following is not None or parent is None:
            break
        if _tag(parent) in CONTAINERS - {"div", "picture"} or _text(parent):
            break  # the picture has words beside it, or is a section of its own
        if any(_tag(c) not in ("source", "") for c in parent if c is not node):
            break
        node = parent
    if following is None:
        return None
    for candidate in (following, *following):
        if names_caption_class(candidate) and _text(candidate) == _text(following):
            return following
    return None


def names_caption_class(node: etree._Element) -> bool:
    """Does the element's class name a caption ("image-caption", "pb-caption"; "photo-cap",
    Yomiuri's, the word shortened after a picture's)?

    >>> names_caption_class(html.fromstring('<div class="photo-cap">x</div>'))
    True
    >>> names_caption_class(html.fromstring('<span class="titre-gras-bleu-petite-cap">x</span>'))
    False
    """
    return bool(CAPTION_CLASS.search((node.get("class") or "").lower()))


def _image_src(node: etree._Element) -> str:
    src = (node.get("src") or node.get("source") or "").strip()
    for lazy in ("data-src", "data-original", "data-lazy-src"):
        if node.get(lazy) and (not src or src.startswith("data:")):
            src = node.get(lazy, "").strip()
    if not src:
        srcset = node.get("srcset") or node.get("data-srcset") or ""
        src = srcset.split(",")[0].split()[0] if srcset.strip() else ""
    if src.lower().startswith(("data:", "javascript:")):
        return ""
    return src


def _table(walk: _Walk, node: etree._Element) -> None:
    rows = [r for r in node.iter() if _tag(r) == "tr"]
    nested = any(_tag(c) == "table" for r in rows for c in r.iter() if c is not r)
    widths = {len([c for c in r if _tag(c) in ("td", "th")]) for r in rows}
    headers = any(_tag(c) == "th" for r in rows for c in r)
    if nested or not rows or (widths <= {0, 1} and not headers):  # layout: read cells as text
        _container(walk, node)
        _flush(walk)
        return
    head: list[list[dict[str, Any]]] = []
    body: list[list[dict[str, Any]]] = []
    captions = [c for c in node if _tag(c) == "caption"]
    title = _title_row(rows) if not captions else None
    if title is not None:  # a first row of one cell across the table: its caption
        rows = rows[1:]
        captions = [title]
    for row in rows:
        section = _tag(row.getparent())
        found = [c for c in row if _tag(c) in ("td", "th")]
        in_head = section == "thead" or (
            not body and (all(_tag(c) == "th" for c in found) or _bold_row(found))
        )
        cells = []
        for index, cell in enumerate(found):
            data: dict[str, Any] = {"content": _tidy(_inline_children(walk.nested(), cell))}
            if _tag(cell) == "th" or (in_head and not body and data["content"]):
                data["header"] = True
                scope = (cell.get("scope") or "").lower()
                data["scope"] = (
                    scope if scope in ("col", "row") else ("col" if in_head or index > 0 else "row")
                )
            for span in ("colspan", "rowspan"):
                value = cell.get(span) or ""
                if value.isdigit() and 1 < int(value) < 1000:
                    data[span] = int(value)
            cells.append(data)
        if not cells:
            continue
        (head if in_head and not body else body).append(cells)
    if not body:
        body, head = head, []
    table: dict[str, Any] = {"type": "table", "head": head, "rows": body}
    if captions:
        table["caption"] = _tidy(_inline_children(walk.nested(), captions[0]))
    walk.blocks.append(table)


def _title_row(rows: list[etree._Element]) -> etree._Element | None:
    """A table's first row that is one cell spanning every column ("PREMIERSHIP" over a
    league table), in a table of two rows or more: the table's title."""
    if len(rows) < 2:
        return None
    cells = [c for c in rows[0] if _tag(c) in ("td", "th")]
    span = cells[0].get("colspan") or "" if len(cells) == 1 else ""
    widest = max(len([c for c in r if _tag(c) in ("td", "th")]) for r in rows[1:])
    return cells[0] if span.isdigit() and int(span) == widest > 1 and _text(cells[0]) else None


def _bold_row(cells: list[etree._Element]) -> bool:
    """A row of cells each all in bold (or empty), the first row of a table without ``th``:
    the column headers as a wire service's table sets them."""
    texts = [c for c in cells if _text(c)]
    return len(texts) > 1 and all(
        any(_tag(b) in ("b", "strong") and _text(b) == _text(c) for b in c.iter()) for c in texts
    )


def _embed(
    walk: _Walk, node: etree._Element, tag: str, caption: list[Inline] | None = None
) -> None:
    """An iframe, video or social post becomes a link to it, titled; never a blank frame."""
    url = node.get("src") or node.get("data-src") or ""
    if tag in ("video", "audio") and not url:
        sources = [s.get("src", "") for s in node.iter() if _tag(s) == "source" and s.get("src")]
        url = sources[0] if sources else ""
    if tag in ("blockquote", "div", "figure"):
        links = [a.get("href", "") for a in node.iter() if _tag(a) == "a" and a.get("href")]
        url = links[-1] if links else node.get("cite", "")
    url = resolve_url(url, walk.options.base_url)
    if url.startswith("//"):
        url = "https:" + url
    host = urllib.parse.urlsplit(url).hostname or ""
    if not re.match(r"^https?://", url, re.IGNORECASE) or not host:
        note(f"{walk.options.where}: an embedded {tag} without a web address was dropped")
        return
    provider, kind = _provider(host)
    if tag in ("video", "audio"):
        kind = tag
    paragraphs = [_text(p) for p in node.iter() if _tag(p) == "p"]
    text = paragraphs[0] if paragraphs else _text(node) if tag in ("video", "audio") else ""
    title = (
        node.get("title")
        or node.get("aria-label")
        or _plain_all(caption or [])
        or _shorten(text, 120)
        or (provider or host)
    )
    walk.blocks.append(
        {
            "type": "embed",
            "url": url,
            "title": " ".join(title.split()),
            "provider": provider or host.removeprefix("www."),
            "kind": kind,
        }
    )


def _provider(host: str) -> tuple[str | None, str]:
    host = host.lower()
    for domain, (name, kind) in EMBED_PROVIDERS.items():
        if host == domain or host.endswith("." + domain):
            return name, kind
    return None, "other"


# --- inline ------------------------------------------------------------------------


def _inline_children(walk: _Walk, node: etree._Element) -> list[Inline]:
    parts: list[Inline] = [node.text or ""]
    for child in node:
        parts.extend(_inline(walk, child))
        if child.tail:
            parts.append(child.tail)
    return parts


def _inline(walk: _Walk, node: etree._Element) -> list[Inline]:
    """One element in running text: a mark, or its text; images and embeds go to ``walk``."""
    tag = _tag(node)
    if not tag or tag in DROPPED or is_hidden(node) or node in walk.consumed:
        return []  # a consumed node is a caption a picture has taken
    if tag == "img" and (symbol := _symbol_text(node)) is not None:
        return [symbol]  # a picture of a character (an emoji) in running text
    if tag in ("img", "media", "figure", "table", "ul", "ol") or tag in EMBEDS:
        _block(walk, node, tag)
        return [" "]
    if tag == "br":
        return [{"type": "line-break"}]
    number = _note_reference(node, walk.notes) if tag in ("sup", "a") else None
    if number is not None:
        return [{"type": "note-reference", "number": number}]
    children = _inline_children(walk, node)
    if tag in INLINE_MARKS:
        return [{"type": INLINE_MARKS[tag], "children": children}]
    if tag == "a":
        return _link(walk, node, children)
    if tag == "abbr" and node.get("title") and _text(node):
        return [{"type": "abbreviation", "text": _text(node), "expansion": node.get("title")}]
    language = node.get("lang") or node.get("{http://www.w3.org/XML/1998/namespace}lang")
    if language and tag in ("span", "i", "em", "bdi", "q", "cite"):
        return [{"type": "foreign", "language": language, "children": children}]
    if tag in BLOCKS:  # a block inside running text: keep its words apart
        return [" ", *children, " "]
    return children


def _link(walk: _Walk, node: etree._Element, children: list[Inline]) -> list[Inline]:
    href = (node.get("href") or "").strip()
    backlink = node.get("role") == "doc-backlink" or bool(
        re.search(r"back-?(?:ref|link)", node.get("class") or "", re.IGNORECASE)
    )
    if backlink or ("#" in href and not re.search(r"\w", _text(node))):
        return []  # a footnote's way back ("↩"), named so or not
    if not href or href.startswith("#"):
        return children
    scheme = urllib.parse.urlsplit(href).scheme.lower()
    if scheme and scheme not in SAFE_SCHEMES:
        note(
            f"{walk.options.where}: a {scheme}: link ({_shorten(_text(node), 40)!r}) "
            "was dropped; its text is kept"
        )
        return children
    href = resolve_url(href, walk.options.base_url)
    if href.startswith("//"):
        href = "https:" + href
    if not urllib.parse.urlsplit(href).scheme:
        # A relative target works nowhere but beside the original page (an EPUB refuses it).
        note(
            f"{walk.options.where}: the relative link {href[:60]!r} has no base address to "
            "resolve it against; its text is kept without the link"
        )
        return children
    link: dict[str, Any] = {"type": "link", "href": href, "children": children}
    if node.get("title"):
        link["title"] = " ".join(node.get("title", "").split())
    return [link]


# --- tidying ------------------------------------------------------------------------


def _tidy(parts: list[Inline]) -> list[Inline]:
    """Collapse white space, drop empty marks, trim the ends; nothing left gives ``[]``."""
    merged = _merge(parts)
    text = _plain_all(merged)
    if not text.translate(INVISIBLE).strip():
        return []
    _strip_edges(merged)
    return [p for p in merged if p != ""]


def _merge(parts: list[Inline], before: str = " ") -> list[Inline]:
    """Join neighbouring strings and collapse runs of white space across marks."""
    out: list[Inline] = []
    previous = before
    for part in parts:
        if isinstance(part, str):
            text = re.sub(r"\s+", " ", LEFTOVER_REFERENCE.sub(lambda m: unescape(m[0]), part))
            if previous.endswith(" ") and text.startswith(" "):
                text = text[1:]
            if not text:
                continue
            if out and isinstance(out[-1], str):
                out[-1] += text
            else:
                out.append(text)
            previous = text
            continue
        if "children" in part:
            children = _merge(part["children"], previous)
            if not _plain_all(children).strip():
                if _plain_all(children) and not previous.endswith(" "):
                    out.append(" ")
                    previous = " "
                continue
            part = {**part, "children": children}
            previous = _plain_all(children) or previous
        elif part.get("type") == "line-break":
            previous = " "
            if out and isinstance(out[-1], str):
                out[-1] = out[-1].rstrip(" ")
        else:
            previous = _plain(part) or "x"
        out.append(part)
    return out


def _strip_edges(parts: list[Inline], sides: tuple[int, ...] = (0, -1)) -> None:
    """Trim the white space at the ends of a run: only the outer side of a mark at an end
    ("<strong>17.00 </strong>We": the space inside the mark's end stays between the words)."""
    for index in sides:
        while parts:
            edge = parts[index]
            if isinstance(edge, str):
                parts[index] = edge.lstrip() if index == 0 else edge.rstrip()
                if parts[index]:
                    break
                parts.pop(index)
            elif edge.get("type") == "line-break":
                parts.pop(index)
            else:
                if "children" in edge:
                    _strip_edges(edge["children"], (index,))
                break


def _plain(part: Inline) -> str:
    if isinstance(part, str):
        return part
    if part.get("type") == "abbreviation":
        return str(part.get("text", ""))
    if part.get("type") == "line-break":
        return "\n"  # the lines' words stay apart ("For more information:\nBryan Ezako")
    return _plain_all(part.get("children", []))


def _plain_all(parts: list[Inline]) -> str:
    return "".join(_plain(p) for p in parts)


def inline_text(parts: list[Inline]) -> str:
    """The text of converted inline content, its marks removed.

    >>> inline_text(["See ", {"type": "emphasis", "children": ["this"]}])
    'See this'
    >>> inline_text([{"type": "strong", "children": ["Contact:"]}, {"type": "line-break"}, "Ann"])
    'Contact:\\nAnn'
    """
    return _plain_all(parts)


def _text(node: etree._Element) -> str:
    return " ".join("".join(_texts(node)).split())


def _texts(node: etree._Element) -> Iterator[str]:
    if _tag(node) in ("script", "style"):
        return
    if node.text:
        yield node.text
    for child in node:
        yield from _texts(child)
        if child.tail:
            yield child.tail


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def level_headings(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keep the order of heading levels but start at 2 and never skip a level going down."""
    levels = [b["level"] for b in blocks if b["type"] == "subheading"]
    shift = min(levels, default=2) - 2
    previous = 1
    for block in blocks:
        if block["type"] == "subheading":
            block["level"] = max(min(block["level"] - shift, previous + 1), 2)
            previous = block["level"]
    return blocks
