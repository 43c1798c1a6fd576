"""Saved web article pages: metadata from JSON-LD, Open Graph and ``<meta>``; body by extraction.

Metadata comes first from a schema.org ``NewsArticle`` (or ``Article``…) in
JSON-LD, then Open Graph and ``<meta>`` as fallbacks. The article body is found
by readability-lxml (see docs/inputs.md for the comparison with trafilatura),
which keeps the page's own markup, and then goes through the shared HTML body
converter, so page furniture, scripts and forms are left out.
"""

from __future__ import annotations

import base64
import copy
import functools
import html as html_module
import itertools
import json
import re
import unicodedata
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any

from lxml import etree, html

from ..language import detect_language, is_valid_tag
from ..model import Article
from ..notes import note
from .assemble import finish_article, parse_date
from .chrome import (
    BYLINE_WORDS,
    LABEL_MARK,
    PUBLISHED,
    UPDATED,
    and_words,
    byline_names,
    caption_credit,
    is_chrome,
    names_a_role,
    says_published,
    says_updated,
    without_credit_label,
)
from .datelines import NAMED_ZONES, DateFound, date_line, find_dates, moment_of, time_without_zone
from .excerpts import letters_key as _key
from .excerpts import repeats_the_text
from .fields import MAX_BYLINE_WORDS, name_shaped, split_names
from .html_body import (
    FILE_NAME,
    SCREEN_READER_ONLY,
    BodyOptions,
    alt_is_file_name,
    credit_after_slash,
    drop_repeated_headline,
    html_to_blocks,
    inline_text,
    is_control,
    is_hidden,
    level_headings,
    names_control,
    parse_html_fragment,
    resolve_url,
)
from .source import Source
from .xmltree import text_of

# Class and id names CMSs give the byline (the ones Readability.js looks for too, and their
# plurals and name parts: "story-meta__authors", "authorname-txt", "BylineName", "writer").
BYLINE_NAMES = re.compile(
    r"(^|[-_ ])(by-?line|authors?|author-?name|writer|written-?by|p-author)([-_ ]|$)"
)
# Class names of the part of a byline box that holds the name ("byline__name", "name").
NAME_PART = re.compile(r"(^|[-_ ])name([-_ ]|$)")
# A class name that names a picture's author, the picture first ("article__image-author",
# "photoByline"; not "author-image", the author's portrait, nor "gallery-author-info").
PICTURE_AUTHOR = re.compile(
    r"(?:^|[-_\s])(?:image|img|photo|picture|pic|foto)[-_]+(?:by-?line|authors?|writer)(?:[-_\s]|$)"
)
# A label after a byline box's names: a word and a colon ("DOTYCZY:", "Tags:").
LABEL_AFTER_NAME = re.compile(rf"\s[^\W\d_]+{LABEL_MARK}(?=\s|$)")
HEADING_BYLINE = 60  # characters of an h1's last line that may be its byline
CONTROL_BOX_CHARS = 400  # characters of a box of controls and their labels (html_body's widget)
BYLINE_BOX = 1000  # characters of a byline box (names, a date, a short biography)
BYLINE_TEXT = 150  # characters of an element after the headline that may be a byline line
TEXT_NAME_WORDS = 5
NAME_WORDS = 8  # "Martin Untersinger (avec Damien Leloup et Morgane Tual)"
NAME_CHARS_UNSPACED = 24  # a name in a script without spaces is short ("渡辺洋介")
# Class and id names of what is not the article: comments, replies, lists of other stories.
NOT_BYLINE = re.compile(
    r"^(?:\w+[-_])*(?:comments?|respond|repl(?:y|ies)|discussion|related|recommended)"
    r"(?:[-_]\w+)*$"
)
# ... of which those that name comments (a header's comment count, "nyo-social-comments").
COMMENT_NAMES = re.compile(r"^(?:\w+[-_])*(?:comments?|respond|discussion)(?:[-_]\w+)*$")
# A byline line's separators ("Ann Lee | Palma | 3 May 2019", "By Ann Lee • 12/16/16").
IMPRINT_SEPARATORS = re.compile(r"\s+[|—–-]\s+")
LINE_SEPARATORS = re.compile(r"\s+[|•·/—–-]\s+|\s*[|•·]\s*")
MAX_LINE_PARTS = 4
SHORT_DATE = re.compile(
    r"\d{1,2}([./-])\d{1,2}\1\d{2}(?:,?\s+\d{1,2}[:.]\d\d\s*(?:[ap]\.?\s?m\.?)?)?", re.IGNORECASE
)
XML_NS = "http://www.w3.org/XML/1998/namespace"
# "Headline | Site": the separators of a page title's parts (kept, to join the rest again).
TITLE_SEPARATORS = re.compile(r"((?:\s+[|\-–—·»«›‹:~/]{1,3})+\s+|\s*[|_]\s*)")
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
# Class names of a box that shows the article's date, and how much such a box holds.
DATE_BOX = re.compile(
    r"(?:^|[-_])(?:date|datum|time|posted|published|pubdate|dateline|meta)(?:[-_]|$)"
)
VISIBLE_DATE_TEXT = 120
NOON = 12
TEXT_LANGUAGE_PARAGRAPHS = 40  # paragraphs that tell a page's language when it names none
# A box a page prints on paper only: named with "print" first ("print", "print-header",
# "print-date", "js-print-date"; not "article-body-print", which the screen shows too, nor
# "print-none", "print-hidden", which paper leaves out).
PRINT_BOX = re.compile(
    r"(?:^|\s)(?:js-)?print(?:-(?!(?:no|none|hide|hidden)(?:-|\s|$))\S*)?(?=\s|$)"
)
MASTHEAD_NAMES = re.compile(r"(?:^|[-_])(?:header|masthead|top|topbar)(?:[-_]|$)")
DATE_LINE_WORDS = 20  # letters of the words beside a date line's date ("Zuletzt aktualisiert")
# Class and id names of a site's logo or name in its page header.
LOGO_NAMES = re.compile(r"(^|[-_ ])(logo|brand|branding|site-?(title|name)|masthead)([-_ ]|$)")
# Class and id names of the summary under a headline ("article__standfirst", "dek",
# "c-article-summary", "storyIntro", "lead-text"), and what such a summary holds.
STANDFIRST_NAMES = re.compile(
    r"(?:^|[-_ ])(?:standfirst|sub-?title|sub-?head(?:line)?|subline|dek|deck|lead|lede|intro"
    r"|summary|teaser|excerpt|preamble|strapline|preface|desc|description|abstract)(?:[-_ ]|$)"
)
# ... and of what sits beside it but is no summary: a title, a caption, a credit, a byline.
NOT_STANDFIRST_NAMES = re.compile(
    r"(?:^|[-_ ])(?:title|headline|heading|label|caption|credit|copyright|photo|image|img|media"
    r"|byline|author|date|time|meta)(?:[-_ ]|$)"
)
PICTURE_NAMES = re.compile(
    r"(?:^|[-_ ])(?:caption|credit|copyright|photo|image|img|media|gallery|picture)(?:[-_ ]|$)"
)
# A caption's parts: its credit, and labels given to screen readers only ("Credit").
CREDIT_NAMES = re.compile(r"credit|copyright")
DESCRIPTION_BOX = re.compile(r"desc|description|caption|captions|legend|legende")
CREDIT_BOX = re.compile(r"credits?|copyright|photographer")
CLASS_WORDS = re.compile(r"[\s_-]+")
NEXT_TO_BOXES = 2  # boxes after a picture that may hold its caption and credit
MENU_ROLES = frozenset({"navigation", "menu", "menubar", "tablist"})
MENU_LINKS = 3  # links of a list that make a box a menu
CAPTION_LOOKAHEAD = 60  # elements after a picture its caption may be among
PICTURE_BOX_LEVELS = 3  # boxes around a text looked at for the picture it captions
CAPTION_BOX = 1.5  # a picture's box holds its caption and a credit: at most this much text
# Elements named for a caption ("imageCaption", "wp-caption-text", "caption"), in C.
CAPTION_XPATH = (
    "//*[contains(translate(@class, 'CAPTION', 'caption'), 'caption') and not(self::figcaption)]"
)
CAPTION_CHARS = 600
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
TITLE_PART_WORDS = 3  # words of a title's part that a page shows as its headline
SITE_PICTURE_NAMES = re.compile(
    r"(?:^|[-_ ])(?:logo|social|share|sharing|default|og-?image)(?:[-_ ]|$)"
)
ICON_SIZE = 50  # pixels: a smaller picture is an icon
PICTURE_MARGIN = 8  # characters of a path that tell one picture from another
# A folder named by a number id ("19562668"): a size has fewer digits, and a resizer's
# signature ("f899573fcca1e028…") differs between two sizes of one picture.
ID_FOLDER = re.compile(r"\d{5,}")
SIZE_IN_NAME = re.compile(r"(?:^|[-_])\d{2,4}[x_×]\d{2,4}(?=$|[-_])", re.IGNORECASE)
BASE64 = re.compile(r"[A-Za-z0-9+_-]+={0,2}")
ENCODED_CHARS = 24  # characters of a folder or file name that may be an address in base64
FOLDERS_COMPARED = 12
# A slideshow's counter: two numbers with a short word or a slash between ("1 of 18.",
# "3/12", "2 von 9"), the caption's own element beside the text.
SLIDE_COUNTER = re.compile(r"\s*\d{1,3}\s*(?:/|[^\W\d_]{1,4})\s*\d{1,3}\s*[.:|–—-]?\s*")
SPACES = re.compile(r"\s+")
CLOCK_TIME = re.compile(r"[0-2]?\d[.:h][0-5]\d")
LIVE_ENTRIES = 3  # timed updates that make a live blog
LABEL_WORDS = 3  # words of a label: a live blog's stream, one before a repeated standfirst
CAMEL = re.compile(r"([a-z0-9])([A-Z])")
STANDFIRST_MIN = 20
STANDFIRST_CHARS = 600
STANDFIRST_BLOCKS = 4  # the body's first blocks a summary below the byline may be among
STANDFIRST_LOOKAHEAD = 500  # elements after the headline
# Class and id names of a page's comments ("fb-comments", "comments", "disqus_thread").
COMMENTS_NAMES = re.compile(r"(?:^|[-_\s])(?:comments?|disqus|discussion)(?:[-_\s]|$)")
_COMMENTS_TESTS = " or ".join(  # "omment": "comments", "Comments"
    f"contains(@{name}, '{part}')"
    for name in ("class", "id")
    for part in ("omment", "isqus", "iscussion")
)
COMMENTS_XPATH = f"//*[{_COMMENTS_TESTS}]"  # a first sieve, in C, one walk of the page
PREAMBLE_LINES = 3  # short paragraphs a comment box's preamble may hold
PREAMBLE_CHARS = 400
HEADER_LINE = 80  # characters of an article header's line (a date, a section)
SENTENCE_ENDS = (".", "!", "?", "。", "！", "？", "।", "؟")
# Soft hyphens and zero-width spaces: nothing a reader sees.
INVISIBLE = str.maketrans({"\u00ad": None, "\u200b": None, "\u2060": None, "\ufeff": None})
KICKER_END = " :|/-–—·»›"
# Elements that run on inside a line of text (a heading's other children are parts of it).
INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "em", "i", "mark", "q", "s", "small",
     "span", "strong", "sub", "sup", "time", "u"}
)  # fmt: skip
VISIBLE_DATE_CHILDREN = 12
# "(c)AFP/Aminu ABUBAKAR", "© Reuters" at the very end of the text's last paragraph.
SIGN_OFF = re.compile(r"\s*(?:\([cC]\)|©)\s*([A-Z][\w&.-]{1,15})(?:\s*/\s*([^/()©]{3,40}))?\s*$")
# "（编辑：严玉洁 王辉）", "【责任编辑：严玉洁】", "[Editing: Ann Lee]": a label of a few letters.
EDITOR_LINE = re.compile(
    r"[(（【\[]\s*([^\W\d]{1,12}(?: [^\W\d]{1,12})?)\s*[:：]"
    r"\s*([^()（）【】\[\]:：]{1,40})[)）】\]]"
)
# "… QZ8501. (Juni Kriswanto/AFP/Getty Images)": after a sentence, two to five parts.
SLASH_CREDIT = re.compile(r"[.!?]\s*(\(\s*([^()/]{2,40}(?:/[^()/]{2,40}){1,4})\s*\))\s*$")
UNCASED_NAME = 4  # characters of a name in a script without case with no job word after it
PLACE_WORDS = 4  # words of the place beside a name set apart under the headline
TEASER_LEVELS = 4  # boxes around a byline or date looked at for a card of another story
TEASER_TEXT = 400  # characters of such a card: a headline, a byline, a date, a rubric
PROMOTION_LEVELS = 6  # boxes around a byline box without the h1: a column apart from it
SHORT_BODY = 200  # characters of paragraphs: less is no article body
NEAR_TEXT_LOOKAHEAD = 400  # elements after the headline where its text is sought
LINKED_TEXT = 0.5  # share of a paragraph's text in links that makes it a link list
MODIFIED = re.compile(r"updated|modified", re.IGNORECASE)
ZONE_OFFSET = re.compile(r"T\d{1,2}:\d\d(?::\d\d(?:\.\d+)?)?\s*([+-])(\d\d):?(\d\d)$")
PULL_QUOTE_WORDS = 8
HIDDEN_CLASSES = frozenset({"hide", "hidden", "d-none", "is-hidden", "invisible"})
DATELINE_CHARS = 60  # characters of a text's first paragraph its dateline is among
DATELINE_BRACKET = re.compile(r"[(（]\s*([^()（）]{2,30}?)\s*[)）]")
SIDE_BOXES = 3  # boxes of one class, each of one paragraph, that end the body
BRACKETED_SOURCE = re.compile(r"^\s*\([^()]{1,30}\)\s*")  # "(futurezone) Erstellt am …"
NOTICE_CHARS = 300  # characters of a site's notice after the text
WIDGET_PROMPT = 200  # characters of the prompt above a form's controls
PULL_QUOTE_TEXT = 200  # characters of a paragraph of the text beside a pull quote
TAG_LINKS = 3  # links of a line of tags
E_MAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
SIGNATURE_WORDS = 2  # words beside the e-mail address of a signature ("Contact", "END")
BARE_DAY = re.compile(r"\d{4}-\d\d-\d\d")
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


def read_web_page(source: Source) -> Article:
    """Read a saved news page: the headline, byline, dates, lead image and body paragraphs."""
    text = _page_text(source)
    page = _parse_page(source, text)
    meta = _meta(page)
    ld = _json_ld(page, source)
    base = _base_url(page, ld, meta)
    sites = _site_keys(ld, meta, base)
    headline, kicker, heading = _headline(page, ld, meta, sites, source.name)
    anchor = _headline_anchor(page, heading, headline)
    descriptions = [
        d
        for d in (
            _first(ld.get("description")),
            _first(meta.get("og:description")),
            _first(meta.get("description")),
        )
        if d
    ]
    published = [ld.get("datePublished"), *(meta.get(k) for k in PUBLISHED_META), _epoch(meta)]
    data: dict[str, Any] = {
        "headline": headline,
        "kicker": kicker,
        "language": _language(
            ld.get("inLanguage"),
            page.get("lang"),
            page.get("{http://www.w3.org/XML/1998/namespace}lang"),
            meta.get("og:locale"),
            meta.get("content-language"),
            meta.get("language"),
            meta.get("dc.language"),
        ),
        "authors": _people(
            (
                lambda: _authors(ld.get("author")),
                lambda: _names(_not_imprint(meta.get("author"))),
                lambda: _names(meta.get("article:author")),
                lambda: _names(meta.get("parsely-author")),
                lambda: _page_authors(page, sites),
                lambda: _names(
                    _heading_byline(heading, _titles(page, ld, meta, sites))
                    if heading is not None
                    else None
                ),
                lambda: _shown_byline(page, anchor),
                lambda: _aside_byline(page),
            ),
            sites,
            _owner(ld, meta),
            lambda name: _near_headline(page, anchor, name),
        ),
        "published": None
        if _bare_day(published)
        else _date(published, page, "datePublished", source.name),
        "updated": _date(
            [ld.get("dateModified"), *(meta.get(k) for k in MODIFIED_META)],
            page,
            "dateModified",
            source.name,
            _twin_zone(published),
        ),
        "section": _first(ld.get("articleSection"), meta.get("article:section")),
        "publisher": _publisher(ld.get("publisher"), meta.get("og:site_name"))
        or _imprint_publisher(meta.get("author")),
        "keywords": _keywords(ld.get("keywords") or meta.get("keywords")),
        "canonical_url": base if base and base.startswith(("http://", "https://")) else None,
    }
    if day := _bare_day(published):
        data["published"] = _time_of_day(
            page, anchor, day, data["language"] or "en", source.name
        ) or _date(published, page, "datePublished", source.name)
    _shown_dates(page, anchor, ld, meta, data, source.name)
    options = BodyOptions(base_url=base, where=source.name, folder=source.folder)
    body = html_to_blocks(_with_dropped_pictures(page, _main_content(source, text)), options)
    if _text_length(body) < SHORT_BODY:
        body = _fallback_body(page, body, options, source.name)
    body = _text_below_headline(page, heading, body, options, source.name)
    body = drop_repeated_headline(body, headline or "")
    if kicker:
        body = drop_repeated_headline(body, kicker)
    data["standfirst"], body = _standfirst(page, heading, descriptions, body, source.name)
    body = _without_repeated_standfirst(body, data["standfirst"])
    body = _without_header_lines(heading, body, source.name)
    body = _without_alt_legends(body, source.name)
    data["lead_image"] = _lead_image(page, ld, meta, base, body, source.name)
    if data["lead_image"] is None and _no_story_picture(page, ld, meta, base):
        data["lead_image"] = _picture_under_headline(page, anchor, base, body, source.name)
    body = _without_comments_preamble(page, body, source.name)
    for image in [data["lead_image"], *(b["image"] for b in body if b["type"] == "figure")]:
        _bracket_credit(image)
    body, data["authors"] = _body_byline(body, data["authors"], sites, source.name)
    data["authors"] = _dateline_reporter(
        body, data["authors"], sites, _owner(ld, meta), source.name
    )
    body = _without_closing_byline(body, data["authors"], source.name)
    body, data["authors"] = _closing_sign_off(body, data["authors"], source.name)
    body = _without_follow_lines(body, sites, source.name)
    body = _without_signature(body, source.name)
    body = _without_pull_quotes(page, body, source.name)
    body = _without_tag_line(body, source.name)
    body = _without_control_prompt(page, body, source.name)
    body = _without_closing_date_line(body, data, source.name)
    body = _without_side_boxes(page, body, source.name)
    body = _without_site_notice(page, body, source.name)
    body = _body_date_line(body, data, source.name)
    body = _without_stream_label(body, source.name)
    data["body"] = level_headings(body)  # a subheading left out may leave a level skipped
    return finish_article(data, source)


def page_titles(source: Source) -> list[tuple[str, str]]:
    """What the page's metadata titles it, source by source, each without the site's name
    (``--explain`` shows them beside the headline read).

    >>> page_titles(open_source("story.html"))  # doctest: +SKIP
    [('JSON-LD headline', 'Storm closes schools'), ('<title>', 'Storm closes schools')]
    """
    page = _parse_page(source, _page_text(source))
    meta = _meta(page)
    ld = _json_ld(page, source)
    return metadata_titles(page, ld, meta, _site_keys(ld, meta, _base_url(page, ld, meta)))


def _site_keys(ld: dict[str, Any], meta: dict[str, str], base: str | None) -> set[str]:
    """The names the site goes by (publisher, Open Graph site name, application, host)."""
    sites = (ld.get("publisher"), meta.get("og:site_name"), meta.get("application-name"), base)
    return {_key(name) for site in sites for name in _site_names(site)} - {""}


def _page_text(source: Source) -> str:
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


def _parse_page(source: Source, text: str) -> etree._Element:
    parser = html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, huge_tree=False
    )
    try:
        page: etree._Element = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise source.error(f"not a readable HTML page ({error})") from None
    return page


def _main_content(source: Source, text: str) -> etree._Element:
    """The article body found by readability-lxml: a fragment of the page's own markup."""
    from readability import Document

    try:
        summary = Document(text).summary(html_partial=True)
    except Exception as error:  # readability raises its own Unparseable and lxml errors
        raise source.error(f"no article body found in the page ({error})") from None
    return parse_html_fragment(summary)


def _with_dropped_pictures(page: etree._Element, found: etree._Element) -> etree._Element:
    """The article with the pictures readability dropped beside the captions it kept.

    Readability leaves out a box that holds a picture and no text (a lazy-loaded ``img``
    in a ``div``) and keeps the caption next to it: a caption without its picture would
    read as a paragraph. A caption (an element named for one, with text) whose box holds
    no picture is found in the page by its class and words; the pictures of the page's
    box around it (a few levels up, holding little more than the caption) come back, and
    the two become one ``figure``."""
    shown: dict[tuple[str, str], list[etree._Element]] = {}
    for node in _named_captions(page):
        shown.setdefault((node.get("class") or "", _key(text_of(node))), []).append(node)
    for caption in _named_captions(found):
        parent = caption.getparent()
        key = _key(text_of(caption))
        if (
            not key
            or parent is None
            or next(parent.iter("img", "picture"), None) is not None
            or any(  # a figure's caption, or a part of a caption: the figure's own reading
                a.tag in ("figure", "figcaption") or "caption" in (a.get("class") or "").lower()
                for a in caption.iterancestors()
            )
        ):
            continue
        matches = shown.get((caption.get("class") or "", key), [])
        pictures = _pictures_beside(matches[0], len(key)) if len(matches) == 1 else []
        if not pictures:
            continue
        figure = etree.Element("figure")
        for picture in pictures:
            figure.append(copy.deepcopy(picture))
            figure[-1].tail = None
        held = etree.SubElement(figure, "figcaption")
        held.text = caption.text
        held.extend(copy.deepcopy(child) for child in caption)
        figure.tail = caption.tail
        parent.replace(caption, figure)
    return found


def _named_captions(root: etree._Element) -> list[etree._Element]:
    found = root.xpath(CAPTION_XPATH)
    return [n for n in found if isinstance(n, etree._Element)] if isinstance(found, list) else []


def _pictures_beside(caption: etree._Element, length: int) -> list[etree._Element]:
    """The pictures (not their ``noscript`` copies) of the nearest box around a caption that
    holds any, when that box holds no heading and little more text than the caption."""
    for box in itertools.islice(caption.iterancestors(), PICTURE_BOX_LEVELS):
        if box.tag in ("article", "main", "body") or _text_upto(box, 2 * length) is None:
            return []
        pictures = [
            img
            for img in box.iter("img")
            if not any(a.tag == "noscript" for a in img.iterancestors())
        ]
        if pictures:
            found = box.find(".//h1") is None and box.find(".//h2") is None
            return pictures[:PICTURE_BOX_LEVELS] if found else []
    return []


def _text_length(blocks: list[dict[str, Any]]) -> int:
    return sum(len(inline_text(b.get("content") or [])) for b in blocks if b["type"] == "paragraph")


def _fallback_body(
    page: etree._Element, found: list[dict[str, Any]], options: BodyOptions, where: str
) -> list[dict[str, Any]]:
    """When readability finds (almost) nothing: the page's largest article container.

    ``[itemprop=articleBody]``, ``<article>``, ``<main>``, ``[role=main]``, else
    ``<body>``, through the body converter, which leaves page furniture out.
    """
    containers = [
        n
        for n in page.iter()
        if isinstance(n.tag, str)
        and (
            n.tag in ("article", "main")
            or "articleBody" in (n.get("itemprop") or "")
            or n.get("role") == "main"
        )
    ]
    best = max(containers, key=lambda n: len(text_of(n)), default=None)
    if best is None or len(text_of(best)) < SHORT_BODY:
        best = next(iter(page.iter("body")), None)
    if best is None:
        return found
    blocks = html_to_blocks(copy.deepcopy(best), options)
    if _text_length(blocks) <= _text_length(found):
        return found
    note(f"{where}: no article body was found by its shape; the page's <{best.tag}> is read")
    return blocks


def _text_below_headline(
    page: etree._Element,
    heading: etree._Element | None,
    found: list[dict[str, Any]],
    options: BodyOptions,
    where: str,
) -> list[dict[str, Any]]:
    """readability's body, unless it is a smaller run of paragraphs further down the page
    than the text right under the headline (the site's footer: its link list, copyright and
    licence lines, chosen over an article whose commas are full-width ones): then the first
    box after the headline that holds two or more paragraphs of text, with a warning."""
    near = _paragraph_box_below(heading) if heading is not None else None
    if near is None:
        return found
    shown = {
        SPACES.sub(" ", inline_text(b["content"])).strip()
        for b in found
        if b["type"] == "paragraph"
    }
    mine = [SPACES.sub(" ", text_of(p)).strip() for p in near if p.tag == "p"]
    if not shown or shown & set(mine) or sum(map(len, mine)) <= _text_length(found):
        return found
    if not any(SPACES.sub(" ", text_of(n)).strip() in shown for n in _after(near)):
        return found  # readability's text is not below it on the page
    blocks = html_to_blocks(copy.deepcopy(near), options)
    if _text_length(blocks) <= _text_length(found):
        return found
    note(
        f"{where}: the body found by its shape lies below a longer text that follows"
        f" the headline (the page's footer?); the text under the headline is read instead"
    )
    return blocks


def _paragraph_box_below(heading: etree._Element) -> etree._Element | None:
    """The first element after the headline whose own paragraphs (two or more, mostly not
    links) hold an article's worth of text."""
    for node in itertools.islice(_after(heading), NEAR_TEXT_LOOKAHEAD):
        if not isinstance(node.tag, str) or _outside_article(node):
            continue
        texts = [
            text_of(p)
            for p in node
            if p.tag == "p" and _link_share(p) < LINKED_TEXT and not _hidden_within(p)
        ]
        if len(texts) >= 2 and sum(len(t.strip()) for t in texts) >= SHORT_BODY:
            return node
    return None


def _link_share(node: etree._Element) -> float:
    """How much of an element's text its links hold."""
    text = len(text_of(node).strip()) or 1
    return sum(len(text_of(a).strip()) for a in node.iter("a")) / text


def _shown_dates(
    page: etree._Element,
    anchor: etree._Element | None,
    ld: dict[str, Any],
    meta: dict[str, str],
    data: dict[str, Any],
    where: str,
) -> None:
    """The dates the page shows, where its metadata gives none: the publication (a date box,
    a date line, the date beside a byline) and the last update (an "Updated" line). A time
    shown without a zone is read in the zone the page's other dates give."""
    language = data["language"] or _text_language(page)
    zone = _page_zone(ld, meta, page)
    if data["published"] is None:
        data["published"] = _visible_date(page, anchor, language, zone, where)
    if data["updated"] is None:
        updated = _date_line_shown(page, anchor, language, zone, where, update=True)
        updated = updated or _update_box(page, language, zone, where)
        if updated is not None and (data["published"] is None or updated >= data["published"]):
            data["updated"] = updated
    for field in ("published", "updated"):
        data[field] = _after_noon(data[field], page, language, where)


def _after_noon(
    moment: datetime | None, page: etree._Element, language: str, where: str
) -> datetime | None:
    """A metadata time written on a 12-hour clock without its "PM" ("2014-12-29 08:57:25
    EST"), when a ``<time>`` of the page shows the same day and minute after noon ("Monday,
    Dec. 29 2014, 8:57 PM EST"): the time the page shows. Else the moment as it is."""
    local = moment.timetz() if moment is not None else None
    if moment is None or local is None or not 1 <= local.hour < NOON:
        return moment
    later = (moment + timedelta(hours=NOON)).replace(second=0)
    for node in page.iter("time"):
        text = " ".join(text_of(node).split())
        for found in find_dates(text, language)[:1]:
            if moment_of(found, text, moment.tzinfo) == later:
                note(
                    f"{where}: the metadata's time {moment:%H:%M} is the page's {text!r}, "
                    "on a 12-hour clock",
                    level="info",
                )
                return later
    return moment


def _text_language(page: etree._Element) -> str:
    """The language of the page's paragraphs, for reading the dates of a page that names
    none ("11 maja 2021": Polish month names); "en" when the text does not tell."""
    text = " ".join(text_of(p) for p in itertools.islice(page.iter("p"), TEXT_LANGUAGE_PARAGRAPHS))
    return detect_language(text) or "en"


def _bare_day(values: list[Any]) -> date | None:
    """The day the metadata's first date gives alone, without a time ("2012-10-27")."""
    first = next((v for v in map(_first, values) if v), None)
    match = BARE_DAY.fullmatch(first or "")
    try:
        return date.fromisoformat(match.group(0)) if match else None
    except ValueError:
        return None


def _time_of_day(
    page: etree._Element, anchor: etree._Element | None, day: date, language: str, where: str
) -> datetime | None:
    """The moment a line under the headline shows for the day the metadata gives without a
    time, when the line gives the time and its zone ("27 OCT 2012 - 12:14 CET", also a link
    to the day's archive: the metadata's day says it is the article's date); else None."""
    if anchor is None:
        return None
    for _, text in _lines_below(page, anchor, VISIBLE_DATE_TEXT):
        line = " ".join(text.split())
        found = date_line(line, language)
        if found is None or found[0][0].day != day or says_updated(found[1]):
            continue
        zone = _named_zone(found[1])
        unzoned = time_without_zone(found[0][0], line) is not None
        moment = moment_of(found[0][0], line, zone)
        if moment is None or (unzoned and zone is None):
            continue  # no zone: the day alone is what the metadata says already
        if unzoned or moment.time() != datetime.min.time():  # a time, and its zone
            note(
                f"{where}: the metadata gives the day {day} alone; the time is the one the "
                f"page shows under its headline ({line[:60]!r})",
                level="info",
            )
            return moment
    return None


def _named_zone(words: list[str]) -> tzinfo | None:
    """The zone a date line names by one of the abbreviations that name only one offset
    ("CET"); None for any other word ("IST" is India's, Ireland's or Israel's)."""
    zones = {NAMED_ZONES[w] for w in words if w in NAMED_ZONES}
    return timezone(timedelta(hours=zones.pop())) if len(zones) == 1 else None


def _visible_date(
    page: etree._Element,
    heading: etree._Element | None,
    language: str,
    zone: tzinfo | None = None,
    where: str = "",
) -> datetime | None:
    """A date the page shows: in a box named for it ("post-date", "entry-meta", "datum") or
    marked ``itemprop=datePublished`` without a value ("October 29, 2018"),
    also in a column of the article's facts beside its text (an ``aside`` inside the
    ``article`` that holds no heading or list of stories); else a line of its own between
    the headline and the text that is only a date (and a word such as "Published"), or
    the date part of a byline line ("Ann Lee | Palma | 08/01/2014"), not one that a
    pack's word marks as an update. Read by its shape in the page's language
    ("5. April 2017", "22.10.2019"); the day only, at 00:00 UTC unless a time and zone
    are given (a time without a zone is read in ``zone``, the page's, when known)."""
    boxes = []
    for node in page.iter():
        if not isinstance(node.tag, str) or len(node) > VISIBLE_DATE_CHILDREN:
            continue
        names = f"{node.get('class') or ''} {node.get('id') or ''}".lower().split()
        marked = "datePublished" in (node.get("itemprop") or "")  # its text, no value
        if marked or any(DATE_BOX.search(n) and not MODIFIED.search(n) for n in names):
            boxes.append(node)
    inside = [n for n in boxes if not _outside_article(n) and not _in_teaser(n)]
    inside = [n for n in inside if not _print_only(n) and not _in_masthead(n, heading)]
    beside = [n for n in boxes if _in_facts_column(n)]
    for node in inside + beside:
        text = text_of(node)
        if not text or len(text) > VISIBLE_DATE_TEXT:
            continue
        if _update_line(node, language):
            continue  # "Updated: August 13, 2010": the last update, not the publication
        for found in find_dates(text, language):
            moment = _shown_moment(found, text, zone, where)
            if moment is not None:
                return moment
    return _date_line_shown(page, heading, language, zone, where)


def _update_box(
    page: etree._Element, language: str, zone: tzinfo | None, where: str
) -> datetime | None:
    """The date of the article's date box whose line says it is the last update, above the
    headline too (rp.pl's "Aktualizacja: 05.05.2021, 05:53" beside "Publikacja: 04.05.2021")."""
    for node in page.iter():
        if not isinstance(node.tag, str) or not any(map(DATE_BOX.search, _names_of(node).split())):
            continue
        text = text_of(node)
        if len(text) > VISIBLE_DATE_TEXT or _outside_article(node) or _in_teaser(node):
            continue
        if _update_line(node, language) and not _print_only(node):
            for found in find_dates(text, language)[:1]:
                return _shown_moment(found, text, zone, where)
    return None


def _update_line(node: etree._Element, language: str) -> bool:
    """A date box whose line says it is the last update: its own words ("Updated: August
    13, 2010"), or those of the line around it (``<div>Aktualizacja: <time
    id="article-time">05.05.2021, 05:53</time></div>``, the time named for a date)."""
    for box in (node, node.getparent()):
        text = " ".join(text_of(box).split()) if box is not None else ""
        line = date_line(text, language) if len(text) <= VISIBLE_DATE_TEXT else None
        if line is not None and says_updated(line[1]):
            return True
        if node.tag not in INLINE:
            return False  # a box of its own: the line around it is another's
    return False


def _print_only(node: etree._Element) -> bool:
    """In a box the page prints on paper only (a print header: "Wydrukowano: <time>", the day
    the page was printed), never the article's date; a box that holds the story itself is
    its print layout, not such a box."""
    return any(
        PRINT_BOX.search(_names_of(n)) and not _holds_story(n)
        for n in (node, *node.iterancestors())
        if isinstance(n.tag, str)
    )


def _in_masthead(node: etree._Element, heading: etree._Element | None) -> bool:
    """Above the headline, in the page's masthead: a ``header`` or a box named for the
    page's top or header that does not hold the headline, outside any ``article`` or
    ``main`` (To Vima's "Παρασκευή 6 Ιανουαρίου 2012" in ``div.page_top > div.header``:
    today's date when the page was saved, not the article's)."""
    if heading is None or heading in node.iterdescendants():
        return False
    if not any(n is node for n in _before(heading)):
        return False
    for box in node.iterancestors():
        if box.tag in ("article", "main", "body") or heading in box.iterdescendants():
            return False
        names = f"{box.get('class') or ''} {box.get('id') or ''}".lower().split()
        if box.tag == "header" or any(MASTHEAD_NAMES.search(n) for n in names):
            return True
    return False


def _before(node: etree._Element) -> Iterator[etree._Element]:
    """The elements that come before ``node`` in the page, nearest first, not its own boxes."""
    for element in (node, *node.iterancestors()):
        for sibling in element.itersiblings(preceding=True):
            yield from (n for n in sibling.iter() if isinstance(n.tag, str))


def _shown_moment(found: DateFound, line: str, zone: tzinfo | None, where: str) -> datetime | None:
    """A shown date as a moment; a time beside it without a zone is read in the page's zone,
    else left out with a warning (the day is kept)."""
    moment = moment_of(found, line, zone)
    time = time_without_zone(found, line) if moment is not None else None
    if time and zone is None:
        note(
            f"{where}: the page shows the time {time} without a time zone, and gives its zone "
            f"nowhere; only the day {moment:%Y-%m-%d} is kept"
        )
    elif time:
        note(f"{where}: the time {time} the page shows is read in the zone of its other dates")
    return moment


def _page_zone(ld: dict[str, Any], meta: dict[str, str], page: etree._Element) -> tzinfo | None:
    """The time zone the page writes its dates in: the offset of the first date of its
    metadata (or of a ``<time datetime>``) that gives one ("2019-04-04T10:30:00+09:00");
    None when no date gives an offset ("Z" says the CMS's clock, not the page's zone)."""
    values = [ld.get(k) for k in ("datePublished", "dateModified", "dateCreated")]
    values += [meta.get(k) for k in (*PUBLISHED_META, *MODIFIED_META)]
    values += [n.get("datetime") for n in page.iter("time")]
    for value in values:
        match = ZONE_OFFSET.search(_first(value) or "")
        if match:
            sign = -1 if match.group(1) == "-" else 1
            minutes = int(match.group(2)) * 60 + int(match.group(3))
            if minutes <= 14 * 60:
                return timezone(sign * timedelta(minutes=minutes))
    return None


def _in_facts_column(node: etree._Element) -> bool:
    """In an ``aside`` of the article that holds no heading and little text: the column of
    its facts (section, date, reading time, share buttons) beside its text."""
    aside = next(node.iterancestors("aside"), None)
    if aside is None or not any(True for _ in aside.iterancestors("article")):
        return False
    if any(True for _ in aside.iter(*HEADING_TAGS)) or _text_upto(aside, 300) is None:
        return False
    holder = aside.getparent()
    return holder is not None and not _outside_article(holder)


def _date_line_shown(
    page: etree._Element,
    heading: etree._Element | None,
    language: str,
    zone: tzinfo | None = None,
    where: str = "",
    update: bool = False,
) -> datetime | None:
    """The date of a line between the headline and the text that is only a date (or the
    date part of a byline line, "Ann Lee | 08/01/2014"), unless its words say it is the
    time of an update ("Updated 3 May 2019"); with ``update``, only such an update line."""
    for node, text in _lines_below(page, heading, VISIBLE_DATE_TEXT):
        line = " ".join(text.split())
        found = date_line(line, language)
        if found is None:
            line, found = (
                _byline_date(line, language) or _unlinked_date(node, language) or (line, None)
            )
        if (
            found is None
            or says_updated(found[1]) != update
            or sum(len(w) for w in found[1]) > DATE_LINE_WORDS
            or sum(len(text_of(a)) for a in node.iter("a")) > len(text) / 2
            or _print_only(node)
        ):
            continue  # an update, or another story's link with its date
        moment = _shown_moment(found[0][0], line, zone, where)
        if moment is not None:
            return moment
    return None


def _lines_below(
    page: etree._Element, heading: etree._Element | None, limit: int, comments: bool = True
) -> Iterator[tuple[etree._Element, str]]:
    """The short elements (text of at most ``limit`` characters) the page shows between the
    headline and the article's text, each with its text: the header's date, byline and
    section lines. A longer paragraph is the text's start; hidden elements and those outside
    the article (with ``comments``, also comments) are passed over."""
    if heading is None:
        return
    for node in _after_heading(page, heading):
        if _hidden(node) or _outside_article(node, comments=comments):
            continue
        text = _text_upto(node, limit)
        if text is not None:
            yield node, text
        elif node.tag == "p":
            return  # the article's text has begun


def _byline_date(line: str, language: str) -> tuple[str, tuple[list[DateFound], list[str]]] | None:
    """The part of a byline line that is a date, and its date: "By Ann Lee • 3 May 2019",
    "Ann Lee | Palma | 08/01/2014" (the names first, a part that is only a date after them)."""
    parts = _line_parts(line)
    if len(parts) < 2 or not (_byline_line(line) or _name_beside_date(line, language)):
        return None
    return next(((p, d) for p in parts[1:] if (d := date_line(p, language)) is not None), None)


def _unlinked_date(
    node: etree._Element, language: str
) -> tuple[str, tuple[list[DateFound], list[str]]] | None:
    """The date of a line whose words besides the date are a link (its section's label:
    "<a>OSS×クラウド最新TOPICS</a> 2019年3月15日 09:43")."""
    if not any(True for _ in node.iter("a")):
        return None
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        if element.tag != "a":
            parts.append(element.text or "")
            for child in element:
                if isinstance(child.tag, str):
                    walk(child)
                parts.append(child.tail or "")

    walk(node)
    line = " ".join("".join(parts).split())
    found = date_line(line, language) if line else None
    return (line, found) if found is not None else None


def _body_date_line(
    body: list[dict[str, Any]], data: dict[str, Any], where: str
) -> list[dict[str, Any]]:
    """A first paragraph of the body that is only a date line ("Wednesday, 28 August 2013, last
    updated 14:00 (GMT+0400)") is the page's date, not its text: it leaves the body, and gives
    the publication (or, when its words say so, the last update) that the page gave nowhere
    else."""
    first = next((i for i, b in enumerate(body[:2]) if b["type"] == "paragraph"), None)
    if first is None or len(body) < 2:
        return body
    line = " ".join(inline_text(body[first].get("content") or []).split())
    found = date_line(line, data["language"] or "en")
    if found is None or any(d.day is None for d in found[0]):
        return body
    dates, words = found
    if words and not (says_updated(words) or says_published(words)):
        return body  # "Kabul, 3 May 2019": a place beside the date is a dateline
    field, other = ("updated", "published") if says_updated(words) else ("published", "updated")
    # The page's other dates' zone is not sought here: a page that gives them gave this one.
    moment = _shown_moment(dates[0], line, None, where) if data[field] is None else None
    if moment is not None:
        # Never an update before the publication.
        earlier = (moment, data[other]) if field == "published" else (data[other], moment)
        if data[other] is None or earlier[0] <= earlier[1]:
            data[field] = moment
    note(
        f"{where}: the body's first paragraph is the page's date line; it leaves the body",
        level="info",
    )
    return body[:first] + body[first + 1 :]


def _language(*values: Any) -> str | None:
    """The first value that is a language tag, or can be made one ("de_DE", "de-DE-formal",
    "DE, AT, CH"); None lets the text be detected."""
    for value in values:
        first = _first(value)
        if not first:
            continue
        tag = re.split(r"[\s,;]+", first.replace("_", "-").strip())[0]
        while tag:
            if is_valid_tag(tag):
                return tag
            tag = tag.rpartition("-")[0]
    return None


def _date(
    values: list[Any], page: etree._Element, prop: str, where: str, zone: tzinfo | None = None
) -> datetime | None:
    """The first date the metadata gives (one without a zone read in ``zone`` when given),
    else the page's own marks.

    Marks: ``itemprop=datePublished`` (``content`` or ``datetime``), then for the
    publication date a ``<time datetime>`` outside comments and other stories.
    """
    zoned = _zoned_twin(values, where)
    if zoned is not None:
        return zoned
    for value in values:
        moment = parse_date(_first(value), where, zone) if _first(value) else None
        if moment is not None:
            return moment
    marked = [
        n for n in page.iter() if isinstance(n.tag, str) and prop in (n.get("itemprop") or "")
    ]
    if prop == "datePublished":
        marked += [
            n
            for n in page.iter("time")
            if n.get("datetime")
            and not _outside_article(n)
            and not _in_teaser(n)
            and not MODIFIED.search(f"{n.get('class') or ''} {n.get('itemprop') or ''}")
            and not _print_only(n)
        ]
    for node in marked:
        value = node.get("content") or node.get("datetime")
        moment = parse_date(value, where) if value else None
        if moment is not None:
            return moment
    return None


def _zoned_twin(values: list[Any], where: str) -> datetime | None:
    """The metadata's first date when it gives no zone and a later source gives the same
    wall time with one (JSON-LD "2021-05-04T13:20:05", ``article:published_time``
    "20210504T132005+0200", ISO 8601's basic format): the zoned one; else None."""
    pair = _zoned_pair(values)
    if pair is None:
        return None
    first, text, moment = pair
    note(
        f"{where}: the date {first!r} gives no time zone; {text!r} gives the same time with "
        "its zone",
        level="info",
    )
    return moment.replace(microsecond=0)


def _twin_zone(values: list[Any]) -> tzinfo | None:
    """The zone a zoned twin of the metadata's first date shows its dates are written in
    (the update's "2021-05-04T12:20:07" beside that publication is read at +02:00)."""
    pair = _zoned_pair(values)
    return pair[2].tzinfo if pair else None


def _zoned_pair(values: list[Any]) -> tuple[str, str, datetime] | None:
    """The first date without a zone, a later one of the same wall time with a zone, and
    that one's moment; None when the first gives a zone or no other says its time."""
    texts = [text for text in map(_first, values) if text]
    first = _wall_time(texts[0]) if texts else None
    if first is None or first.tzinfo is not None:
        return None
    wall = first.replace(second=0, microsecond=0)
    for text in texts[1:]:
        other = _wall_time(text)
        if other and other.tzinfo and other.replace(tzinfo=None, second=0, microsecond=0) == wall:
            return texts[0], text, other
    return None


def _wall_time(text: str) -> datetime | None:
    """An ISO 8601 date and time (extended or basic format), with its zone when it gives one."""
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        return None


def _epoch(meta: dict[str, str]) -> str | None:
    """The publication a meta named for it gives in seconds or milliseconds since 1970
    (``<meta name="epoch-publish-date" content="1529283660000">``), as some CMSs print it."""
    for name, value in meta.items():
        if "publish" in name and re.fullmatch(r"\d{10}|\d{13}", value.strip()):
            seconds = int(value) / (1000 if len(value.strip()) == 13 else 1)
            return datetime.fromtimestamp(seconds, timezone(timedelta(0))).isoformat()
    return None


def _meta(page: etree._Element) -> dict[str, str]:
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


def _json_ld(page: etree._Element, source: Source) -> dict[str, Any]:
    """The first schema.org article object of the page's JSON-LD, or ``{}``."""
    for script in page.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            data = _load_json_ld(script.text or "")
        except (json.JSONDecodeError, RecursionError):
            note(f"{source.name}: a JSON-LD block is not valid JSON; it is skipped")
            continue
        for item in _ld_items(data):
            types = item.get("@type")
            names = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t in ARTICLE_TYPES for t in names):
                return item
    return {}


def _load_json_ld(text: str) -> Any:
    """JSON-LD as pages write it: inside ``<![CDATA[…]]>`` or ``<!--…-->``, with raw line breaks
    in strings, or a trailing comma before a closing bracket."""
    text = WRAPPERS.sub("", text.strip()).strip()
    try:
        return json.loads(text, strict=False)
    except json.JSONDecodeError:
        return _mended_json(TRAILING_COMMA.sub(r"\1", text))


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


def _base_url(page: etree._Element, ld: dict[str, Any], meta: dict[str, str]) -> str | None:
    bases = [b.get("href") for b in page.iter("base") if b.get("href")]
    main = ld.get("mainEntityOfPage")
    main_url = main.get("@id") if isinstance(main, dict) else main
    found: str | None = _first(meta.get("canonical"), meta.get("og:url"), ld.get("url"), main_url)
    if bases:
        return resolve_url(str(bases[0]), found)
    return found


def _headline(
    page: etree._Element, ld: dict[str, Any], meta: dict[str, str], sites: set[str], where: str
) -> tuple[str | None, str | None, etree._Element | None]:
    """The headline the page shows its readers, the kicker above it when it shows one, and
    the heading element (None when the headline comes from the metadata alone).

    The metadata's titles (JSON-LD ``headline``, ``og:title``, ``twitter:title``,
    ``<title>``, each without the site's name) are often written for search engines
    and sharing; the page's own ``h1`` is what a reader sees. So the article's ``h1``
    wins (the one of several that a title agrees with); without one, the first title.
    An ``h1`` made of two parts, a short one above the headline (``<span>Kicker</span>
    <span>Headline</span>``), gives the kicker too.
    """
    titles = metadata_titles(page, ld, meta, sites)
    found = [title for _, title in titles]
    heading = _article_heading(page, sites, found)
    text = kicker = None
    if heading is not None:
        kicker, text = _heading_parts(heading, found)
        byline = _heading_byline(heading, found)
        if byline and text.endswith(byline):
            text = text[: -len(byline)].rstrip()
            note(f"{where}: the h1's last line {byline!r} is its byline", level="info")
    if heading is None and (shown := _title_part_shown(page, titles)) is not None:
        note(
            f"{where}: the headline is the page's <{shown.tag}> that shows a part of the"
            f" {titles[0][0]} (the page shows no article h1)",
            level="info",
        )
        return " ".join(text_of(shown).split()), None, shown
    if heading is None or not text:
        if titles:
            note(
                f"{where}: the headline is the page's {titles[0][0]} (the page shows no "
                "article h1)",
                level="info",
            )
        return (found[0] if found else None), None, None
    kicker = kicker or _kicker_before(heading, text, found)
    # The same letters, but words the h1's markup glued together ("gepackt:Zwei"): the title's.
    text = next(
        (t for t in found if _key(t) == _key(text) and _word_count(t) > _word_count(text)), text
    )
    agreeing = [label for label, t in titles if _key(t) in (_key(text), _key(f"{kicker} {text}"))]
    if agreeing or not titles:
        said = f", as the {' and '.join(agreeing)} {'say' if len(agreeing) > 1 else 'says'}"
        said = said if agreeing else ""
        note(f"{where}: the headline is the page's own {heading.tag}{said}", level="info")
    else:
        note(
            f"{where}: the headline is the page's own {heading.tag} ({text[:80]!r}); the page's "
            f"metadata titles it {found[0][:80]!r} ({titles[0][0]})",
            level="info",
        )
    return text, kicker, heading


def _title_part_shown(page: etree._Element, titles: list[tuple[str, str]]) -> etree._Element | None:
    """Without an article ``h1``: the element whose whole text is a part of the first
    title, between its separators ("ΤΟ ΒΗΜΑ - Ευρυαγγείες: πρόβλημα με λύση - υγεία +
    fitness" → the ``div`` "Ευρυαγγείες: πρόβλημα με λύση"), the longest such part, not a
    link nor in a menu, an aside or anything hidden: the headline as the page shows it,
    without the site's name and section that the title adds."""
    if not titles:
        return None
    parts = TITLE_SEPARATORS.split(titles[0][1])
    count = len(parts) // 2 + 1
    runs = {
        " ".join("".join(parts[2 * a : 2 * b - 1]).split())
        for a in range(count)
        for b in range(a + 1, count + 1)
        if (a, b) != (0, count)
    }
    runs = {r for r in runs if _word_count(r) >= TITLE_PART_WORDS}
    if not runs:
        return None
    body = next(page.iter("body"), None)
    found = [
        n
        for n in (body.iter() if body is not None else ())
        if isinstance(n.tag, str)
        and n.tag not in ("a", "title", "option", "script")
        and " ".join(text_of(n).split()) in runs
        and not any(a.tag == "a" for a in n.iterancestors())
        and not _outside_article(n)
        and not _in_menu(n)
        and not _hidden_within(n)
    ]
    # the innermost element of a text, the longest text
    found = [n for n in found if not any(c in found for c in n.iterdescendants())]
    return max(found, key=lambda n: len(text_of(n).strip()), default=None)


def _titles(
    page: etree._Element, ld: dict[str, Any], meta: dict[str, str], sites: set[str]
) -> list[str]:
    return [title for _, title in metadata_titles(page, ld, meta, sites)]


def metadata_titles(
    page: etree._Element, ld: dict[str, Any], meta: dict[str, str], sites: set[str]
) -> list[tuple[str, str]]:
    """The titles the page's metadata gives, each without the site's name, with where it
    was found: JSON-LD ``headline``, ``og:title``, ``twitter:title``, ``<title>``."""
    sources = (
        ("JSON-LD headline", _first(ld.get("headline"))),
        ("og:title", _first(meta.get("og:title"))),
        ("twitter:title", _first(meta.get("twitter:title"))),
        ("<title>", _first(text_of(next(page.iter("title"), None)))),
    )
    titles = [(label, _without_site_name(title, page, sites)) for label, title in sources]
    return [(label, title) for label, title in titles if title]


def _word_count(text: str) -> int:
    return sum(1 for word in text.split() if any(c.isalnum() for c in word))


def _standfirst(
    page: etree._Element,
    heading: etree._Element | None,
    descriptions: list[str],
    body: list[dict[str, Any]],
    where: str,
) -> tuple[str | None, list[dict[str, Any]]]:
    """The article's summary, and the body without it.

    The summary the page shows under the headline (see :func:`_shown_standfirst`)
    comes first; the body's first paragraphs that repeat it leave the body (unless
    that is the body's only paragraph: then it stays there, and is said once). Else a
    paragraph among the body's first ones that is one of the metadata's descriptions
    and that the page sets apart (named for a summary, in a header, all in bold) is the
    standfirst, not the body's first paragraph (a summary below the byline). Else the
    first description, unless it is only the first paragraph cut short (a CMS's
    automatic excerpt): that is no standfirst.
    """
    paragraphs = [
        (i, inline_text(b.get("content") or []))
        for i, b in enumerate(body[:STANDFIRST_BLOCKS])
        if b["type"] == "paragraph"
    ]
    alone = sum(1 for b in body if b["type"] == "paragraph") <= 1
    shown = _shown_standfirst(page, heading)
    if shown:
        whole = _key(shown)
        repeats = {i for i, text in paragraphs if len(_key(text)) >= 20 and _key(text) in whole}
        if repeats and alone:  # the page's one paragraph stays its body, said once
            return None, body
        if repeats:
            note(
                f"{where}: the body's first paragraph is the summary under the headline; "
                "it is the standfirst",
                level="info",
            )
            header = _header_lines(paragraphs, min(repeats))
            left = sum(
                1 for i, b in enumerate(body) if b["type"] == "paragraph" and i not in repeats
            )
            if header and left > len(header):  # the header's lines go when text stays
                note(
                    f"{where}: {len(header)} short line(s) above the summary (the article "
                    "header's date, section…) leave the body",
                    level="info",
                )
                repeats |= header
        return shown, [b for i, b in enumerate(body) if i not in repeats]
    wanted = {_key(d) for d in descriptions} - {""}
    for index, text in paragraphs:
        if _key(text) in wanted and not alone and _set_apart(page, text):
            note(
                f"{where}: a paragraph set apart at the top of the body is the page's "
                "description; it is the standfirst",
                level="info",
            )
            return " ".join(text.split()), body[:index] + body[index + 1 :]
        if _key(text) in wanted and _below_header(paragraphs, index, body):
            note(
                f"{where}: the page's description is the paragraph below the article "
                "header's short lines (a date, a section); it is the standfirst, and those "
                "lines leave the body",
                level="info",
            )
            before = {i for i, _ in paragraphs if i < index}
            return " ".join(text.split()), [
                b for i, b in enumerate(body) if i != index and i not in before
            ]
    first = descriptions[0] if descriptions else None
    if first and repeats_the_text(first, [body[i] for i, _ in paragraphs]):
        note(
            f"{where}: the page's description is the body's own text (its opening, cut "
            "short, or one of its first paragraphs); it is not made the standfirst",
            level="info",
        )
        return None, body
    return first, body


def _below_header(
    paragraphs: list[tuple[int, str]], index: int, body: list[dict[str, Any]]
) -> bool:
    """Does the paragraph at ``index`` come right after the article header's short lines
    (one or more, and nothing else), with the body's text after it?"""
    before = [i for i, _ in paragraphs if i < index]
    return (
        bool(before)
        and len(_header_lines(paragraphs, index)) == len(before)
        and any(b["type"] == "paragraph" for b in body[index + 1 :])
    )


def _header_lines(paragraphs: list[tuple[int, str]], summary: int) -> set[int]:
    """The short lines the body holds before the summary it repeats: the article header's
    date, section link and the like ("Today, 17:40", "World"), which the page shows between
    its headline and its summary; the reader says them in their fields. A sentence (a line
    that ends like one) is text; a line that is a byline ("By Ann Lee") stays for the
    byline's own test."""
    return {
        i
        for i, text in paragraphs
        if i < summary
        and len(text) <= HEADER_LINE
        and not text.rstrip().endswith(SENTENCE_ENDS)
        and not _byline_line(text)
    }


def _without_repeated_standfirst(
    body: list[dict[str, Any]], standfirst: str | None
) -> list[dict[str, Any]]:
    """A subheading among the body's first blocks that is the standfirst again (a page's
    ``h2`` subtitle readability kept) leaves the body."""
    key = _key(standfirst or "")
    if len(key) < STANDFIRST_MIN:
        return body
    return [
        b
        for i, b in enumerate(body)
        if not (
            i < STANDFIRST_BLOCKS
            and b["type"] == "subheading"
            and _says_standfirst(inline_text(b.get("content") or []), key)
        )
    ]


def _says_standfirst(text: str, key: str) -> bool:
    """A subheading that is the standfirst, or the standfirst after a short label of its own
    ("<span class=slug>Analyse</span> Après une semaine…": the page's kind of story)."""
    said = _key(text)
    if said == key:
        return True
    words = text.split()
    return any(_key(" ".join(words[n:])) == key for n in range(1, min(LABEL_WORDS, len(words)) + 1))


def _without_closing_byline(
    body: list[dict[str, Any]], authors: list[dict[str, Any]], where: str
) -> list[dict[str, Any]]:
    """A last paragraph that only names the article's authors (the page's byline box
    below the text: "AFP") leaves the body; the byline says it."""
    paragraphs = [i for i, b in enumerate(body) if b["type"] == "paragraph"]
    if len(paragraphs) < 2 or not authors:
        return body
    last = paragraphs[-1]
    text = _key(inline_text(body[last].get("content") or []))
    if text and text == _key(" ".join(a["name"] for a in authors)):
        note(f"{where}: the body's last paragraph is the byline; it leaves the body", level="info")
        return body[:last] + body[last + 1 :]
    return body


def _without_header_lines(
    heading: etree._Element | None, body: list[dict[str, Any]], where: str
) -> list[dict[str, Any]]:
    """The body's first paragraphs that are short lines of the ``header`` element holding
    the headline (its section links, its date and place line: "ニュース 戦争・紛争 Video",
    "2018年6月18日 10:01 発信地：カノ/ナイジェリア [ ナイジェリア アフリカ ]") are the
    header's furniture, not text: they leave the body (info note)."""
    header = (
        next((a for a in heading.iterancestors("header")), None) if heading is not None else None
    )
    if header is None:
        return body
    lines = {
        _key(text_of(n)) for n in header.iter() if isinstance(n.tag, str) and not _in_figure(n)
    }
    lines.discard("")
    start = 0
    while start < len(body) - 1 and body[start]["type"] == "paragraph":
        text = inline_text(body[start].get("content") or [])
        if len(text) > BYLINE_TEXT or _key(text) not in lines:
            break
        start += 1
    if start:
        note(f"{where}: {start} line(s) of the headline's header leave the body", level="info")
    return body[start:]


def _without_alt_legends(body: list[dict[str, Any]], where: str) -> list[dict[str, Any]]:
    """A short paragraph (a line, not the text's first paragraph some sites give as the alt)
    right after a picture that only says its alt text again (El
    Mundo's "<div class=foto><img alt="Izaskun Lesaka."><p>Izaskun Lesaka.</p></div>") is
    the picture's legend, not text: it leaves the body (info note)."""
    kept: list[dict[str, Any]] = []
    for block in body:
        before = kept[-1] if kept else None
        if (
            before is not None
            and before["type"] == "figure"
            and block["type"] == "paragraph"
            and len(inline_text(block.get("content") or [])) <= BYLINE_TEXT
            and _key(before["image"].get("alt") or "")
            == _key(inline_text(block.get("content") or []))
            != ""
        ):
            note(
                f"{where}: a paragraph after a picture only says its alt text; it leaves the body",
                level="info",
            )
            continue
        kept.append(block)
    return kept


def _bracket_credit(image: dict[str, Any] | None) -> None:
    """A credit in brackets after a picture's caption, its photographer and agencies joined
    by slashes with no label ("… flight QZ8501. (Juni Kriswanto/AFP/Getty Images)"), leaves
    the caption and the alt text that repeat it, and is the picture's credit."""
    if not image:
        return
    caption: Any = image.get("caption")
    last = caption[-1] if isinstance(caption, list) and caption else caption
    found = SLASH_CREDIT.search(last) if isinstance(last, str) else None
    if found is None or not all(
        len(part.split()) <= NAME_WORDS and part.strip()[:1].isupper()
        for part in found[2].split("/")
    ):
        return
    credit = found[2].strip()
    cut = last[: found.start() + 1]
    image["caption"] = [*caption[:-1], cut] if isinstance(caption, list) else cut
    image["credit"] = image.get("credit") or credit
    alt = image.get("alt")
    if isinstance(alt, str) and alt.rstrip().endswith(found[1]):
        image["alt"] = alt.rstrip()[: -len(found[1])].rstrip()


def _closing_sign_off(
    body: list[dict[str, Any]], authors: list[dict[str, Any]], where: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The signatures at the end of the text, by their shape, are not text (info note):

    - an editor's line in brackets, a short label, a colon and names ("（编辑：严玉洁 王辉）",
      "【责任编辑：严玉洁】", "[Editing: Ann Lee]") leave the body;
    - a last paragraph that is a reporter's name (and a pack's job word) and e-mail address
      ("최윤호 기자 uknow@donga.com") leaves it and gives the byline when the page named none;
    - a copyright sign-off glued to the last paragraph ("…と指摘している。(c)AFP/Aminu
      ABUBAKAR") is cut off, its photographer's or writer's name the byline if none.
    """
    paragraphs = [i for i, b in enumerate(body) if b["type"] == "paragraph"]
    while len(paragraphs) > 1 and _editor_line(
        inline_text(body[paragraphs[-1]].get("content") or [])
    ):
        note(
            f"{where}: the body's last paragraph is an editor's sign-off; it leaves the body",
            level="info",
        )
        body = body[: paragraphs[-1]] + body[paragraphs[-1] + 1 :]
        paragraphs.pop()
    if len(paragraphs) < 2:
        return body, authors
    last = paragraphs[-1]
    content = body[last].get("content") or []
    people = _signature_people(inline_text(content))
    if people:
        note(f"{where}: the body's last paragraph is a signature; it leaves the body", level="info")
        return body[:last] + body[last + 1 :], authors or people
    end = SIGN_OFF.search(content[-1]) if content and isinstance(content[-1], str) else None
    if end is None or (end.start() == 0 and len(content) == 1):
        return body, authors
    name = " ".join((end.group(2) or "").split())
    people = [{"name": name}] if _looks_like_name(name) else [{"name": end.group(1)}]
    note(f"{where}: the sign-off {end.group(0).strip()!r} leaves the last paragraph", level="info")
    block = {**body[last], "content": [*content[:-1], content[-1][: end.start()].rstrip()]}
    return [*body[:last], block, *body[last + 1 :]], authors or people


def _editor_line(text: str) -> bool:
    """A line in brackets: a short label, a colon and a few names ("（编辑：严玉洁 王辉）")."""
    found = EDITOR_LINE.fullmatch(" ".join(text.split()))
    names = found.group(2) if found else ""
    return bool(names) and len(names.split()) <= NAME_WORDS and not any(c.isdigit() for c in names)


def _signature_people(text: str) -> list[dict[str, Any]]:
    """The reporter a signature line names: a name, perhaps a pack's job word, an e-mail
    address ("최윤호 기자 uknow@donga.com", "순천, 광양 구현모 기자 ninek@hankookilbo.com",
    "Ann Lee ann@example.com"); not a sentence that gives an address."""
    words = E_MAIL.sub(" ", text).replace(",", " ").split()
    if words == text.split() or not words or len(words) > NAME_WORDS:
        return []
    role: list[str] = []
    while len(words) > 1 and names_a_role(words[-1]):
        role.insert(0, words.pop())
    name = " ".join(words)
    if words[-1][:1].lower() == words[-1][:1].upper():
        name = words[-1]  # a script without case: the name last, a place before it
        if not role and len(name) > UNCASED_NAME:
            return []  # "如有问题请联系 …": a sentence
    elif not _text_name(name):
        return []  # "Do you have a story to tell? Email: …": a sentence, no name
    if not _looks_like_name(name):
        return []
    return [{"name": name, "role": " ".join(role)} if role else {"name": name}]


def _without_stream_label(body: list[dict[str, Any]], where: str) -> list[dict[str, Any]]:
    """A live blog's body without the label over its stream of updates.

    A live blog's updates each start with their time in a mark ("<strong>17.00 </strong>We
    are going…"); a short subheading (at most three words, no digit) standing right before
    the first of three or more such updates, and the only subheading that opens one, labels
    the stream ("Latest"), not a part of the text: it leaves the body (info note). Headings
    that open several updates (the days of a blog) stay."""
    entries = {i for i, b in enumerate(body) if _time_led(b)}
    if len(entries) < LIVE_ENTRIES:
        return body
    openers = [i for i in sorted(entries) if i and body[i - 1]["type"] == "subheading"]
    first = min(entries) - 1
    if openers != [first + 1]:
        return body
    label = inline_text(body[first].get("content") or [])
    if len(label.split()) > LABEL_WORDS or any(c.isdigit() for c in label):
        return body
    note(
        f"{where}: the subheading {label!r} over the live blog's timed updates labels them; "
        "it is left out",
        level="info",
    )
    return body[:first] + body[first + 1 :]


def _time_led(block: dict[str, Any]) -> bool:
    """A paragraph that starts with a time in a mark of its own ("17.00 ", "9:45")."""
    content = block.get("content") if block["type"] == "paragraph" else None
    if not content or not isinstance(content[0], dict):
        return False
    return bool(CLOCK_TIME.fullmatch(inline_text([content[0]]).strip()))


def _without_signature(body: list[dict[str, Any]], where: str) -> list[dict[str, Any]]:
    """A last paragraph that is a reporter's e-mail address and at most a mark or two beside
    it ("kokobj@yna.co.kr (END)", "Contact: ann@example.com") is a signature, not text: it
    leaves the body (info note)."""
    paragraphs = [i for i, b in enumerate(body) if b["type"] == "paragraph"]
    if len(paragraphs) < 2:
        return body
    last = paragraphs[-1]
    text = inline_text(body[last].get("content") or [])
    rest = E_MAIL.sub(" ", text)
    if rest == text or len(re.findall(r"\w+", rest)) > SIGNATURE_WORDS:
        return body
    note(
        f"{where}: the body's last paragraph is an e-mail signature; it leaves the body",
        level="info",
    )
    return body[:last] + body[last + 1 :]


def _without_pull_quotes(
    page: etree._Element, body: list[dict[str, Any]], where: str
) -> list[dict[str, Any]]:
    """Paragraphs the page shows as pull quotes leave the body (info note): they say again,
    in large type beside the text, what the text says (:func:`_pull_quotes`)."""
    quotes = _pull_quotes(page)
    if not quotes:
        return body
    kept = [
        b
        for b in body
        if not (b["type"] == "paragraph" and _key(inline_text(b.get("content") or [])) in quotes)
    ]
    if len(kept) < len(body):
        note(
            f"{where}: {len(body) - len(kept)} pull quote(s) set beside the text leave the body",
            level="info",
        )
    return kept


def _pull_quotes(page: etree._Element) -> set[str]:
    """The keys of the paragraphs a page sets apart as pull quotes, by structure: two or
    more boxes among the text's paragraphs, each holding only one paragraph (and empty
    anchors), a line of eight words or more that does not end like a sentence, of a class
    that none of the text's paragraphs has ("<div class=izquierda><a name=sumario_1></a><p
    class=texto_grande>El plazo … crece de 32 a 72 días</p></div>"). A subheading is
    shorter, or a heading."""
    found: dict[str, list[str]] = {}
    text_classes: set[str] = set()
    for p in page.iter("p"):
        box = p.getparent()
        if box is None or _outside_article(p):
            continue
        if len(text_of(p)) >= PULL_QUOTE_TEXT:
            text_classes.add(p.get("class") or "")
            continue
        if box.tag != "div" or not p.get("class") or (box.text or "").strip():
            continue
        others = [c for c in box if isinstance(c.tag, str) and c is not p]
        if any(c.tag != "a" or text_of(c).strip() for c in others):
            continue
        if any((c.tail or "").strip() for c in box):
            continue
        line = " ".join(text_of(p).split())
        if len(line.split()) < PULL_QUOTE_WORDS or line.endswith((*SENTENCE_ENDS, ":")):
            continue
        beside = [box.getprevious(), box.getnext()]
        if not all(
            b is not None and b.tag == "p" and len(text_of(b)) >= PULL_QUOTE_TEXT for b in beside
        ):
            continue
        found.setdefault(p.get("class") or "", []).append(_key(line))
    return {
        key
        for name, keys in found.items()
        if len(keys) >= 2 and name not in text_classes
        for key in keys
    }


def _without_tag_line(body: list[dict[str, Any]], where: str) -> list[dict[str, Any]]:
    """A last paragraph that is only links of a word or two each, to addresses that differ
    in one folder ("/post/tags/nissan/page1", "/post/tags/sentra/page1"): the story's tags,
    the site's index of its subjects, not text (info note)."""
    paragraphs = [i for i, b in enumerate(body) if b["type"] == "paragraph"]
    if len(paragraphs) < 2:
        return body
    last = paragraphs[-1]
    content = body[last].get("content") or []
    links = [c for c in content if isinstance(c, dict) and c.get("type") == "link"]
    if len(links) < TAG_LINKS or any(
        not (isinstance(c, str) and not c.strip(" ,|·•/")) for c in content if c not in links
    ):
        return body
    if any(len(inline_text(c.get("children") or []).split()) > 2 for c in links):
        return body
    paths = [urllib.parse.urlsplit(str(c.get("href") or "")) for c in links]
    parts = [p.path.strip("/").split("/") for p in paths]
    if len({p.netloc for p in paths}) != 1 or len({len(p) for p in parts}) != 1:
        return body
    differ = [i for i in range(len(parts[0])) if len({p[i] for p in parts}) > 1]
    if len(differ) != 1 or len(parts[0]) < 2:
        return body
    note(
        f"{where}: the body's last paragraph is the story's tags; it leaves the body", level="info"
    )
    return body[:last] + body[last + 1 :]


def _without_control_prompt(
    page: etree._Element, body: list[dict[str, Any]], where: str
) -> list[dict[str, Any]]:
    """The body's last paragraph, when the page shows it as the prompt of a box of controls
    that readability dropped (RIA's rating form: "Оцените, пожалуйста, статью. Нам важно
    Ваше мнение." above its radio buttons), leaves it, with an info note: the paragraph that
    opens a box of short paragraphs holding a control."""
    if not body or body[-1]["type"] != "paragraph":
        return body
    text = " ".join(inline_text(body[-1]["content"]).split())
    if not text or len(text) > WIDGET_PROMPT:
        return body
    for node in page.iter("p", "div", "span", "h2", "h3", "h4", "label", "legend"):
        if " ".join(text_of(node).split()) != text:
            continue
        box = node.getparent()
        if box is None or box.tag in ("body", "html") or node.getprevious() is not None:
            continue  # the prompt opens its box
        if any(len(text_of(p).strip()) > WIDGET_PROMPT for p in box.iter("p")):
            continue  # a box of the text's paragraphs
        controls = [c for c in box.iter("form", "input", "select", "button", "textarea")]
        if any(c.get("type") != "hidden" for c in controls):
            note(
                f"{where}: the prompt of a box of controls is left out: {text[:60]!r}", level="info"
            )
            return body[:-1]
    return body


def _without_site_notice(
    page: etree._Element, body: list[dict[str, Any]], where: str
) -> list[dict[str, Any]]:
    """The body's last paragraph, when the page shows it after the box of the text, as a
    paragraph of a class that none of the text's paragraphs has (Le Club de Mediapart's
    ``p.notice`` "Le Club est l'espace de libre expression des abonnés …" after the post):
    the site's notice under every text, which leaves the body, with an info note."""
    if len(body) < 2 or body[-1]["type"] != "paragraph":
        return body
    text = " ".join(inline_text(body[-1]["content"]).split())
    if not text or len(text) > NOTICE_CHARS:
        return body
    for node in page.iter("p"):
        names = set((node.get("class") or "").split())
        if not names or " ".join(text_of(node).split()) != text:
            continue
        box = node.getprevious()
        if box is None or box.tag not in ("div", "section", "article"):
            continue
        paragraphs = list(box.iter("p"))
        if len(paragraphs) < 2 or any(
            names & set((p.get("class") or "").split()) for p in paragraphs
        ):
            continue
        if node.getnext() is not None and any(True for _ in node.itersiblings("p")):
            continue  # more text follows
        note(
            f"{where}: the site's notice after the text leaves the body: {text[:60]!r}",
            level="info",
        )
        return body[:-1]
    return body


def _without_closing_date_line(
    body: list[dict[str, Any]], data: dict[str, Any], where: str
) -> list[dict[str, Any]]:
    """A last paragraph that is only the article's date line, after the source it names in
    brackets ("(futurezone) Erstellt am 09.08.2013, 06:00"): the day the page gives as the
    publication or the last update, not the text; it leaves the body, with an info note."""
    if len(body) < 2 or body[-1]["type"] != "paragraph":
        return body
    line = " ".join(inline_text(body[-1]["content"]).split())
    found = date_line(BRACKETED_SOURCE.sub("", line, count=1), data["language"] or "en")
    days = {m.date() for m in (data["published"], data["updated"]) if m is not None}
    if found is None or not found[0] or found[0][0].day not in days:
        return body
    note(
        f"{where}: the body's last paragraph is the article's date line; it leaves the body",
        level="info",
    )
    return body[:-1]


def _without_side_boxes(
    page: etree._Element, body: list[dict[str, Any]], where: str
) -> list[dict[str, Any]]:
    """The body's last paragraphs, when each is the only paragraph of a box of its own, of
    one class, three or more in a row after the text (futurezone's nine ``div.sidecontent``,
    the section titles a script sets beside the text: "Erlaubnisse und Einschränkungen" …):
    boxes beside the text, not its paragraphs; they leave the body, with an info note. Short
    lines only (up to ``HEADER_LINE`` characters), not boxes the text's paragraphs are in
    too (a CMS that wraps each paragraph in a box of its own)."""
    boxes: dict[str, str] = {}
    for node in page.iter("p"):
        box = node.getparent()
        if box is not None and box.tag == "div" and len(box) == 1 and box.get("class"):
            boxes.setdefault(" ".join(text_of(node).split()), box.get("class") or "")
    end = len(body)
    while end > 0 and body[end - 1]["type"] == "paragraph":
        text = " ".join(inline_text(body[end - 1]["content"]).split())
        if boxes.get(text) is None or boxes[text] != boxes.get(_block_text(body[-1])):
            break
        if len(text) > HEADER_LINE:
            return body  # a paragraph of the text, each in a box of its own
        end -= 1
    if len(body) - end < SIDE_BOXES or end == 0:
        return body
    if boxes.get(_block_text(body[end - 1])) == boxes.get(_block_text(body[-1])):
        return body  # the text's paragraphs are in such boxes too
    note(f"{where}: {len(body) - end} boxes beside the text after it leave the body", level="info")
    return body[:end]


def _block_text(block: dict[str, Any]) -> str:
    return " ".join(inline_text(block.get("content") or []).split())


def _without_follow_lines(
    body: list[dict[str, Any]], sites: set[str], where: str
) -> list[dict[str, Any]]:
    """A last paragraph of lines each of which but its label gives the site's own address
    or handle on another service ("Follow us:", "Facebook https://fb.me/site", "Twitter
    https://twitter.com/site", "LINE ID = @site"): the site's follow-us box, not the
    story's text. It leaves the body, with an info note."""
    paragraphs = [i for i, b in enumerate(body) if b["type"] == "paragraph"]
    if len(paragraphs) < 2 or not sites:
        return body
    last = paragraphs[-1]
    lines: list[str] = [""]
    for part in body[last].get("content") or []:
        if isinstance(part, dict) and part.get("type") == "line-break":
            lines.append("")
        else:
            lines[-1] += inline_text([part]) + " ".join(
                [part.get("href", "")] if isinstance(part, dict) else []
            )
    follow = [line for line in lines[1:] if line.strip()]
    if len(follow) < 2 or not all(_names_own_account(line, sites) for line in follow):
        return body
    note(
        f"{where}: the body's last paragraph is the site's follow-us box; it leaves the body",
        level="info",
    )
    return body[:last] + body[last + 1 :]


def _names_own_account(line: str, sites: set[str]) -> bool:
    """A short line holding an address or a handle whose last part is the site's name."""
    handles = re.findall(r"(?:https?://\S+|@[\w.]+|\b[\w-]+\.[a-z]{2,}/\S+)", line)
    return len(line.split()) <= 6 and any(
        _key(re.split(r"[/@]", h.rstrip("/"))[-1]) in sites for h in handles
    )


def _without_comments_preamble(
    page: etree._Element, body: list[dict[str, Any]], where: str
) -> list[dict[str, Any]]:
    """The body's last few short paragraphs, when the page holds them, and only them, in a
    box of their own right before its comments (the comment policy, "The views below are
    the readers' own"), belong to the comments, not to the article: they leave the body."""
    boxes = _boxes_before_comments(page)
    lines = _control_box_lines(page)
    if not boxes and not lines:
        return body
    paragraphs = [i for i, b in enumerate(body) if b["type"] == "paragraph"]
    keys = [_key(inline_text(body[i].get("content") or [])) for i in paragraphs]
    for count in range(1, PREAMBLE_LINES + 1):
        if count * 2 > len(paragraphs) or len(keys[-count]) > PREAMBLE_CHARS:
            break
        if "".join(keys[-count:]) in boxes:
            note(
                f"{where}: {count} paragraph(s) in a box before the page's comments leave the body",
                level="info",
            )
        elif all(k in lines for k in keys[-count:]):
            note(
                f"{where}: {count} paragraph(s) in a box of the page's controls (a sign-up or "
                "paywall box) leave the body; the text above it may be cut short"
            )
        else:
            continue
        dropped = set(paragraphs[-count:])
        return [b for i, b in enumerate(body) if i not in dropped]
    return body


def _control_box_lines(page: etree._Element) -> set[str]:
    """The lines (as keys) of the small boxes that hold a control beside them: a button, a
    control's role, or a link that runs a script instead of going anywhere
    (``javascript:``). A sign-up or paywall box ("This article is for members. Sign up to
    read on" beside "Sign up" and "Log in"), whose buttons the extraction dropped."""
    found: set[str] = set()
    for box in page.iter("div", "section"):
        text = text_of(box)
        if len(text) > CONTROL_BOX_CHARS or any(True for _ in box.iter("img", "figure", "table")):
            continue
        if not any(
            is_control(n)
            or (n.tag == "a" and (n.get("href") or "").strip().lower().startswith("javascript:"))
            for n in box.iter()
            if isinstance(n.tag, str)
        ):
            continue
        for line in box.iter("p"):  # its own lines, not those of a box inside it
            own = next((a for a in line.iterancestors() if a.tag in ("div", "section")), None)
            if own is box and _key(text_of(line)):
                found.add(_key(text_of(line)))
    return found


def _boxes_before_comments(page: etree._Element) -> set[str]:
    """The texts (as keys) of the small boxes (not paragraphs) whose next element is the
    page's comments (named for them: ``fb-comments``, ``#comments``, ``disqus_thread``)."""
    found = set()
    named = page.xpath(COMMENTS_XPATH)
    for comments in named if isinstance(named, list) else []:
        if not isinstance(comments, etree._Element):
            continue
        names = f"{comments.get('class') or ''} {comments.get('id') or ''}".lower()
        if not COMMENTS_NAMES.search(names):
            continue
        box = comments.getprevious()
        while box is not None and not isinstance(box.tag, str):
            box = box.getprevious()
        if box is None or box.tag not in ("div", "section", "aside", "footer"):
            continue
        shown = _text_upto(box, PREAMBLE_LINES * PREAMBLE_CHARS)
        if shown is not None and _key(shown):
            found.add(_key(shown))
    return found


def _set_apart(page: etree._Element, text: str) -> bool:
    """Does the page set this paragraph apart from the body's text: named for a summary
    (itself or a wrapper holding only it), inside a ``header``, or all in bold?"""
    key = _key(text)
    for node in page.iter("p", "div"):
        shown = _text_upto(node, 2 * len(text))
        if shown is None or _key(shown) != key:
            continue
        for holder in (node, *node.iterancestors()):
            if holder.tag in ("article", "main", "body") or len(text_of(holder)) > len(text) * 1.5:
                break
            if holder.tag == "header" or _named_standfirst(holder):
                return True
        bold = [c for c in node if isinstance(c.tag, str) and c.tag in ("strong", "b")]
        if len(bold) == 1 and _key(text_of(bold[0])) == key:
            return True
    return False


def _text_upto(node: etree._Element, limit: int) -> str | None:
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


def _shown_standfirst(page: etree._Element, heading: etree._Element | None) -> str | None:
    """The summary the page shows after its headline: an element named for it (class or
    id ``standfirst``, ``subtitle``, ``dek``, ``lead``, ``intro``, ``summary``, ``excerpt``,
    ``teaser``…, or ``itemprop=description``), of one to a few sentences, no picture in
    it, mostly not links, not the headline again, before the article's text begins;
    with the like elements right after it (a summary in several paragraphs)."""
    if heading is None:
        return None
    headline = _key(_heading_text(heading))
    for node in _after_heading(page, heading):
        if node.tag in ("script", "style", "noscript", "template") or _hidden(node):
            continue
        marked = node.get("itemprop") == "description" or _named_standfirst(node)
        text = _heading_text(node) if marked or node.tag == "p" else ""
        if not marked:
            if node.tag == "p" and len(text) > STANDFIRST_CHARS // 2:
                return None  # the article's text has begun
            continue
        if (
            node.tag in ("p", "div", "h2", "h3", "span", "section")
            and STANDFIRST_MIN <= len(text) <= STANDFIRST_CHARS
            and _key(text) != headline
            and not text.endswith(":")  # a box's label ("In short:")
            and not _in_picture(node, len(text))
            and not _caption_or_card(node, len(text), heading)
            and not any(True for _ in node.iter("img", "picture", "video", "iframe", "figure"))
            and not any(a.tag in ("figure", "figcaption") for a in node.iterancestors())
            and sum(len(text_of(a)) for a in node.iter("a")) < len(text) / 2
            and not _outside_article(node)
        ):
            parts = [text]
            for sibling in node.itersiblings():
                if sibling.tag != node.tag or sibling.get("class") != node.get("class"):
                    break
                parts.append(_heading_text(sibling))
            joined = " ".join(p for p in parts if p)
            return joined if len(joined) <= STANDFIRST_CHARS else text
    return None


def _after_heading(page: etree._Element, heading: etree._Element) -> list[etree._Element]:
    """The elements that follow the headline's heading (not inside it), in document order,
    as far as a summary, a byline or a date line under it may be."""
    nodes = [n for n in page.iter() if isinstance(n.tag, str)]
    after = nodes.index(heading) + sum(1 for _ in heading.iterdescendants())
    return nodes[after + 1 : after + 1 + STANDFIRST_LOOKAHEAD]


def _in_picture(node: etree._Element, length: int) -> bool:
    """Inside a wrapper of a picture (named for a caption, credit, photo, gallery…) that
    holds little more than this text: a caption, not a summary."""
    for wrapper in node.iterancestors():
        if wrapper.tag in ("article", "main", "body") or _text_upto(wrapper, 3 * length) is None:
            return False
        names = f"{wrapper.get('class') or ''} {wrapper.get('id') or ''}"
        if PICTURE_NAMES.search(CAMEL.sub(r"\1-\2", names).lower()):
            return True
    return False


def _caption_or_card(node: etree._Element, length: int, heading: etree._Element) -> bool:
    """Words that are no summary of this article, by where they stand: inside a link (a
    card of another story, a carousel's video: "<a href=/video/…><span class=description>
    …</span></a>"; a picture's caption in the link to its larger file), inside a box that
    holds a picture and, beside this text, little more (a caption and its credit, whatever
    the box is named; not the box of the headline and its summary). (Not a teaser's test,
    :func:`_in_teaser`: a page's subtitles may end with a link to its live coverage,
    "<h2><a href=…>Latest on the fire</a></h2>".)"""
    if any(a.tag == "a" and (a.get("href") or "#")[:1] != "#" for a in node.iterancestors()):
        return True
    for box in itertools.islice(node.iterancestors(), PICTURE_BOX_LEVELS):
        if box.tag in ("article", "main", "body", "header") or box.find(".//h1") is not None:
            break
        if heading in box.iterdescendants():
            break
        if next(box.iter("img", "picture"), None) is not None:
            return _text_upto(box, int(CAPTION_BOX * length)) is not None
    return False


def _named_standfirst(node: etree._Element) -> bool:
    names = CAMEL.sub(r"\1-\2", f"{node.get('class') or ''} {node.get('id') or ''}").lower()
    return bool(STANDFIRST_NAMES.search(names)) and not NOT_STANDFIRST_NAMES.search(names)


def _article_heading(
    page: etree._Element, sites: set[str], titles: list[str]
) -> etree._Element | None:
    """The page's ``h1`` that heads the article: outside menus, asides, comments and the
    site's footer, not the site's name or logo; of several, the one a title agrees with."""
    headings = []
    for heading in page.iter("h1"):
        if any(a.tag in ("nav", "aside", "footer") for a in heading.iterancestors()):
            continue
        if _hidden_within(heading):
            continue
        text = _heading_text(heading)
        if not text or _key(text) in sites or _outside_article(heading) or _is_logo(heading):
            continue
        headings.append(heading)
    shown = {_key(_heading_text(h)): h for h in reversed(headings)}  # twins: one for mobiles
    headings = [h for h in headings if shown[_key(_heading_text(h))] is h]
    if len(headings) == 1:
        below = _heading_below(page, headings[0], titles)
        return headings[0] if below is None else below
    if not headings:  # the article's own heading a level lower, when it says a title
        lower = [
            h
            for h in page.iter("h2")
            if any(a.tag in ("article", "main") for a in h.iterancestors())
            and not _outside_article(h)
        ][:3]
        return next((h for t in titles for h in lower if _agrees(h, [t], titles)), None)
    for title in titles:
        for heading in headings:
            if _agrees(heading, [title], titles):
                return heading
    within = [h for h in headings if any(_key(_heading_text(h)) in _key(t) for t in titles)]
    if len(within) == 1 and len(_key(_heading_text(within[0]))) >= 10:
        return within[0]  # "Site: Section / Headline" holds it
    inside = [h for h in headings if any(a.tag in ("article", "main") for a in h.iterancestors())]
    return inside[0] if len(inside) == 1 else None


def _heading_below(
    page: etree._Element, heading: etree._Element, titles: list[str]
) -> etree._Element | None:
    """The article's heading a level below a page's only ``h1`` that no title says, when it
    says one: a blog's or a channel's name as the ``h1`` ("Beauty Blog"), the post's title
    in the ``h2`` under it that the page's titles give."""
    if not titles or _agrees(heading, titles, titles):
        return None
    if any(_key(_heading_text(heading)) in _key(t) for t in titles):
        return None  # "Site: Section / Headline" holds it
    after = False
    below: list[etree._Element] = []
    for node in page.iter("h1", "h2"):
        after = after or node is heading
        if after and node.tag == "h2" and not _outside_article(node) and not _hidden_within(node):
            below.append(node)
    return next((h for h in below[:3] if _agrees(h, titles, titles)), None)


def _agrees(heading: etree._Element, wanted: list[str], titles: list[str]) -> bool:
    """The heading says one of the wanted titles, alone or with its kicker."""
    kicker, text = _heading_parts(heading, titles)
    return any(_key(t) in (_key(text), _key(f"{kicker} {text}")) for t in wanted)


def _is_logo(heading: etree._Element) -> bool:
    """An ``h1`` that is the site's logo: named so (``site-title``, ``logo``, ``brand``),
    a picture, or a link to the site's home page."""
    for node in (heading, *heading.iterancestors()):
        if node.tag in ("article", "main", "body"):
            break
        if LOGO_NAMES.search(f"{node.get('class') or ''} {node.get('id') or ''}".lower()):
            return True
    links = [a.get("href") or "" for a in heading.iter("a")]
    if any(urllib.parse.urlsplit(href).path in ("", "/") and href != "" for href in links):
        return True
    return any(True for _ in heading.iter("img", "svg")) and len(_heading_text(heading)) < 40


def _heading_text(heading: etree._Element) -> str:
    """A heading's text as shown: line breaks and parts are spaces; hidden parts are left out."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if not _hidden(node):
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


def _hidden(node: etree._Element) -> bool:
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


def _hidden_within(node: etree._Element) -> bool:
    """Hidden, or inside something hidden: Google Translate's "Original text" box, an ``h1``
    that a browser's translator put into the page when it was saved."""
    return any(_hidden(n) for n in (node, *node.iterancestors()))


def _heading_byline(heading: etree._Element, titles: list[str]) -> str | None:
    """A byline the ``h1`` holds on a line of its own after the headline (``<h1><span>
    Headline</span><br/><span>Staff writer Ann Lee</span></h1>``): the short last line
    after a line break that no title of the page says, when a title starts with what is
    above it (the page's titles name the story, never its writer)."""
    breaks = [c for c in heading if c.tag == "br"]
    if not breaks or not titles:
        return None
    last = breaks[-1]
    after = " ".join(
        [last.tail or ""]
        + [_heading_text(c) + " " + (c.tail or "") for c in last.itersiblings() if not _hidden(c)]
    )
    after = " ".join(after.split())
    whole = _heading_text(heading)
    if not after or len(after) > HEADING_BYLINE or not whole.endswith(after):
        return None
    above = _key(whole[: -len(after)])
    if not above or not any(
        _key(t).startswith(above) and _key(after) not in _key(t) for t in titles
    ):
        return None
    return after


def _heading_parts(heading: etree._Element, titles: list[str]) -> tuple[str | None, str]:
    """The kicker an ``h1`` holds above its headline, and the headline: (None, text) for none.

    Two shapes: two shown parts with nothing between them but punctuation, the first
    the shorter (``<h1><span>Kicker</span> <span>Headline</span></h1>``); or a text
    that ends with one of the page's titles after something more ("Local News |
    Headline", "Open ProgressWhy …" where the title is "Why …").
    """
    whole = _heading_text(heading)
    shown = [c for c in heading if isinstance(c.tag, str) and not _hidden(c)]
    loose = (heading.text or "") + "".join(c.tail or "" for c in heading)
    if (
        len(shown) == 2
        and all(c.tag in ("span", "div", "p", "small", "strong", "b", "em") for c in shown)
        and not any(ch.isalnum() for ch in loose)
    ):
        kicker, text = (_heading_text(c) for c in shown)
        if kicker and text and len(kicker) < len(text):
            return kicker.rstrip(KICKER_END), text
    key = _key(whole)
    for title in titles:
        wanted = _key(title)
        if not wanted or wanted == key or not key.endswith(wanted) or len(wanted) < 10:
            continue
        for start in range(1, len(whole)):
            if whole[start].isalnum() and _key(whole[start:]) == wanted:
                kicker = whole[:start].strip().rstrip(KICKER_END).strip()
                if _key(kicker) and not _one_sentence(heading, whole[:start]):
                    return kicker, whole[start:]
    return None, whole


def _one_sentence(heading: etree._Element, before: str) -> bool:
    """An ``h1`` of one text whose words before a title's only a space sets apart: one
    headline that the title shortens ("…ပုဒ်မနဲ့ တရားစွဲခံထားရတဲ့ …" titled from its second
    word on), not a kicker, which markup or punctuation sets apart ("Local News | …")."""
    plain = not any(isinstance(c.tag, str) for c in heading)
    last = before.rstrip()[-1:]
    return plain and before[-1:].isspace() and unicodedata.category(last or " ")[0] in "LMN"


def _kicker_before(heading: etree._Element, text: str, titles: list[str]) -> str | None:
    """The kicker a title puts before the headline ("Kicker: Headline") when the page
    shows it just above the ``h1``, in the same header (an element before it)."""
    wanted = _key(text)
    for title in titles:
        key = _key(title)
        if key == wanted or not key.endswith(wanted):
            continue
        start = next(
            (i for i in range(1, len(title)) if title[i].isalnum() and _key(title[i:]) == wanted),
            0,
        )
        head = title[:start].strip().rstrip(KICKER_END).strip()
        if not _key(head):
            continue
        for holder in (heading, heading.getparent()):
            if holder is None:
                break
            for before in holder.itersiblings(preceding=True):
                if not isinstance(before.tag, str):
                    continue
                if any(
                    isinstance(n.tag, str) and _key(_heading_text(n)) == _key(head)
                    for n in before.iter()
                ):
                    return head
    return None


def _without_site_name(title: str | None, page: etree._Element, names: set[str]) -> str | None:
    """ "Headline | Site", "Site - Headline", "Headline _Section _Site" → "Headline".

    A part is dropped only when it names the site (Open Graph's site name, the
    publisher, the application name or the host, compared without accents, case
    or punctuation) or when what is left is one of the page's own ``h1``/``h2``.
    A title that is only the site's name gives way to the page's first other heading.
    """
    if not title:
        return title
    title = " ".join(html_module.unescape(title).split())
    headings = _headings(page, "h1") or _headings(page, "h2")
    if title in headings:
        return title
    short = title.removesuffix("...").removesuffix("…").rstrip()
    if short != title:  # a title the CMS cut short: the heading that goes on from it
        return next((h for h in headings if h.startswith(short) and len(h) > len(short)), title)
    if _key(title) in names:
        others = [h for h in _headings(page, "h1") + _headings(page, "h2") if _key(h) not in names]
        return next((h for h in others if len(h) >= 10), title)
    parts = TITLE_SEPARATORS.split(title)
    # parts alternate text and separator: [text, sep, text, sep, text…]
    count = len(parts) // 2 + 1
    for cut in range(count - 1, 0, -1):
        head = "".join(parts[: 2 * cut - 1])
        if head in headings:
            return head
    start, end = 0, count
    for cut in range(1, count):  # the longest tail that names the site
        if _names_site("".join(parts[2 * cut :]), names):
            end = cut
            break
    for cut in range(end - 1, 0, -1):  # the longest head that names the site
        if _names_site("".join(parts[: 2 * cut - 1]), names):
            start = cut
            break
    if (start, end) == (0, count):
        return title
    return "".join(parts[2 * start : 2 * end - 1]).strip() or title


def _headings(page: etree._Element, level: str) -> list[str]:
    """The texts of the page's headings of one level, outside menus, asides and comments."""
    found = []
    for heading in page.iter(level):
        if any(a.tag in ("nav", "aside", "footer") for a in heading.iterancestors()):
            continue
        if _hidden_within(heading):
            continue
        text = " ".join(text_of(heading).split())
        if text and not _outside_article(heading):
            found.append(text)
    return found


def _site_names(site: Any) -> list[str]:
    """The names a site goes by: its name, its name before a tagline, its host."""
    name = _first(site)
    if not name:
        return []
    if name.startswith(("http://", "https://")):
        host = urllib.parse.urlsplit(name).hostname or ""
        host = host.removeprefix("www.")
        return [host, host.rsplit(".", 1)[0]]
    short = TITLE_SEPARATORS.split(name)[0]  # "Aktuálně.cz - Víte, co se právě děje"
    return [name, short] if len(short.split()) <= 3 else [name]


def _names_site(part: str, names: set[str]) -> bool:
    key = _key(part)
    return bool(key) and key in names


def _first(*values: Any) -> str | None:
    for value in values:
        if isinstance(value, list) and value:
            value = value[0]
        if isinstance(value, dict):
            value = value.get("name") or value.get("@value")
        if isinstance(value, str) and value.strip():
            # JSON-LD and meta values often carry escaped markup ("mis&nbsp;en garde").
            return " ".join(html_module.unescape(value).split())
    return None


def _people(
    sources: Iterable[Callable[[], list[dict[str, Any]]]],
    sites: set[str],
    owner: str = "",
    shown: Callable[[str], bool] = lambda name: False,
) -> list[dict[str, Any]]:
    """The first people a source names, passing over those that are only the site's name
    ("Eurosport" as the author of eurosport.de) or the owner its copyright notice names
    ("Condé Nast" in ``<meta name=author>``) unless no source names anyone else; a job
    or desk given as the author ("Us Weekly Staff", "CNN Wire") gives way to a person's
    name a later source gives that the page ``shown`` under its headline ("By Megan French"),
    not to an editor named at the end nor to an agency ("Associated Press in Valencia")."""
    fallback: list[dict[str, Any]] = []
    label: list[dict[str, Any]] = []
    for source in sources:
        people = source()
        if not people or all(_no_person(p["name"], sites, owner) for p in people):
            fallback = fallback or people
        elif not all(_only_label(p["name"]) for p in people):
            if not label or all(_person_shown(p["name"], shown) for p in people):
                return people
        else:
            label = label or people
    return label or fallback


def _person_shown(name: str, shown: Callable[[str], bool]) -> bool:
    """A person's name as a byline shows it: two to five capitalised words, no particle or
    other word in lower case ("Megan French"; not "Associated Press in Valencia"), that the
    page shows under its headline."""
    words = name.split()
    return _text_name(name) and not any(w[:1].islower() for w in words) and shown(name)


def _near_headline(page: etree._Element, anchor: etree._Element | None, name: str) -> bool:
    """The page shows ``name`` between its headline and the start of the article's text."""
    if anchor is None:
        return False
    key = _key(name)
    for node in _after_heading(page, anchor):
        text = _text_upto(node, BYLINE_TEXT)
        if text is None:
            if node.tag == "p":
                return False  # the article's text has begun
            continue
        if key in _key(text) and not _hidden(node) and not _in_figure(node):
            return True
    return False


def _in_figure(node: etree._Element) -> bool:
    return any(a.tag in ("figure", "figcaption") for a in (node, *node.iterancestors()))


def _picture_credit(node: etree._Element) -> bool:
    """A byline box that is a picture's: inside a figure, or named for a picture's author
    (``div.article__image-author`` under the lead picture: "PAP/ Rafał Guz")."""
    names = CAMEL.sub(r"\1-\2", f"{node.get('class') or ''} {node.get('id') or ''}").lower()
    return _in_figure(node) or bool(PICTURE_AUTHOR.search(names))


def _only_label(name: str) -> bool:
    """A byline that names a job or a desk, not a person ("Us Weekly Staff", "CNN Wire")."""
    return names_a_role(name)


def _no_person(name: str, sites: set[str], owner: str = "") -> bool:
    """A byline's name that is the site's, or the owner's its copyright notice names."""
    key = _key(name)
    return key in sites or (len(key) >= 4 and key in owner) or _is_domain(name)


def _owner(ld: dict[str, Any], meta: dict[str, str]) -> str:
    """The page's copyright notices and its publisher's names, as a key to look names up in
    ("copyrightccondenast2022", "edicioneselpais")."""
    publisher = ld.get("publisher")
    notices = (
        meta.get("copyright"),
        meta.get("dc.rights"),
        _first(ld.get("copyrightHolder")),
        meta.get("dc.publisher"),
        meta.get("dcterms.publisher"),
        _first(publisher.get("name")) if isinstance(publisher, dict) else _first(publisher),
    )
    return " ".join(_key(n) for n in notices if n)


def _authors(value: Any) -> list[dict[str, Any]]:
    people = value if isinstance(value, list) else [value] if value else []
    found: list[dict[str, Any]] = []
    for person in people:
        name = person.get("name") if isinstance(person, dict) else person
        if isinstance(name, str) and name.strip() and not _is_address(name):
            entry: dict[str, Any] = {"name": " ".join(name.split())}
            url = person.get("url") if isinstance(person, dict) else None
            if isinstance(url, str) and url.startswith(("http://", "https://")):
                entry["url"] = url
            found.append(entry)
    return found


def _not_imprint(value: str | None) -> str | None:
    """``<meta name=author>`` unless it is the publisher's imprint (:func:`_imprint`): that
    names no author, not even as a last resort."""
    return None if _imprint(value) else value


def _imprint(value: str | None) -> str | None:
    """The company a publisher's imprint names: the site's domain and, after a dash or bar,
    the company that owns it ("tovima.gr — Δημοσιογραφικός Οργανισμός Λαμπράκη Α.Ε." →
    "Δημοσιογραφικός Οργανισμός Λαμπράκη Α.Ε."); None for anything else."""
    parts = [p.strip() for p in IMPRINT_SEPARATORS.split(value or "") if p.strip()]
    if len(parts) >= 2 and _is_domain(parts[0]):
        return " – ".join(parts[1:])
    return None


def _imprint_publisher(value: str | None) -> dict[str, Any] | None:
    """The publisher an imprint given as ``<meta name=author>`` names, where the page names
    none otherwise."""
    company = _imprint(value)
    return {"name": company} if company else None


def _is_address(text: str) -> bool:
    return bool(re.match(r"\s*(https?://|www\.)", text, re.IGNORECASE))


def _is_domain(name: str) -> bool:
    """A site's domain given as the author ("elmundo.es", "ndr.de"): a site, not a person;
    kept only when no source names anyone else."""
    return bool(re.fullmatch(r"\s*[\w-]+(\.[\w-]+)*\.[a-z]{2,}\s*", name))


BRACKETED_ROLE = re.compile(r"(.*?)\s*(?:\(([^()]+)\))?\s*", re.S)


def _names(value: str | None) -> list[dict[str, Any]]:
    """The people a byline text names; none when it names the site itself or no one."""
    if not value or _is_address(value) or len(value) > 100:
        return []
    people = []
    # "von Peter Addor", "door Anna de Vries": a lower-case word before capitalised names.
    for part in split_names(_without_lead_word(value)):
        # "Cécile Ducourtieux (Bruxelles, bureau européen)": a bracket of words that names
        # no one is the role; "Ann Roy (avec Léo Petit et Eva Roux)" and a handle or an
        # agency ("Ann Roy (annroy)", "(AP)") stay in the name.
        name, role = BRACKETED_ROLE.fullmatch(part).groups()  # type: ignore[union-attr]
        if role and (
            len(role.split()) < 2
            or any(name_shaped(n) for n in split_names(_without_lead_word(role)))
        ):
            name, role = part, None
        if not role:
            name, role = _capitals_then_role(name)
        name = name.strip(" -–—|:*")
        name, title = _title_before_name(name)
        role = role or title
        if _looks_like_name(name):
            people.append({"name": name, "role": role.strip()} if role else {"name": name})
    return people


def _title_before_name(text: str) -> tuple[str, str | None]:
    """A byline's job or desk before the name, and the name: "Chief Political Correspondent
    Ann Lee" is Ann Lee, Chief Political Correspondent. The title's last word is a pack's
    ``role_words``; what follows is a name: capitalised words after a title of two words or
    more (one role word before capitalised words is as often a desk's name, "Redaktion Gelbe
    Liste"), or a word of a script without case ("編集委員 中沢克二" once a pack gives
    "編集委員"). Else the text is the name.

    >>> _title_before_name("Senior Correspondent Ann Lee")
    ('Ann Lee', 'Senior Correspondent')
    >>> _title_before_name("Staff Writer"), _title_before_name("Ann Lee")
    (('Staff Writer', None), ('Ann Lee', None))
    """
    words = text.split()
    for cut in range(len(words) - 1, 0, -1):
        if not names_a_role(words[cut - 1]):
            continue
        rest = " ".join(words[cut:])
        uncased = rest[:1].lower() == rest[:1].upper()
        if (
            _looks_like_name(rest)
            and not names_a_role(rest)
            and (
                (name_shaped(rest) and cut >= 2)  # "Staff Writer Ann Lee"
                or (uncased and len(words[cut:]) == 1)
            )
        ):
            return rest, " ".join(words[:cut])
    return text, None


def _capitals_then_role(part: str) -> tuple[str, str | None]:
    """A name in capitals and the role written after it in ordinary case ("LAURE BRETTON
    Envoyés spéciaux à Toulouse" → "LAURE BRETTON", "Envoyés spéciaux à Toulouse"): two or
    more words in capitals, then a capitalised word that is not."""
    words = part.split()
    capitals = 0
    while capitals < len(words) and words[capitals].isupper() and words[capitals].isalpha():
        capitals += 1
    rest = words[capitals:]
    if capitals < 2 or not rest or not rest[0][:1].isupper() or rest[0].isupper():
        return part, None
    return " ".join(words[:capitals]), " ".join(rest)


def _without_lead_word(text: str) -> str:
    """A byline without a lower-case word before capitalised names ("von Peter Addor")."""
    words = text.split()
    while len(words) > 1 and words[0].isalpha() and words[0].islower() and words[1][:1].isupper():
        words = words[1:]
    return " ".join(words)


@functools.cache
def _byline_only() -> frozenset[str]:
    """Words that stand before or around a byline ("By", "Posted", "Updated"), never a name."""
    return frozenset(_key(w) for w in BYLINE_WORDS | PUBLISHED | UPDATED)


def _looks_like_name(text: str) -> bool:
    """A person's or agency's name: a few words, letters first, no figures or address."""
    return (
        bool(text)
        and len(text) <= 60
        and len(text.split()) <= NAME_WORDS
        and max(len(word) for word in text.split()) <= NAME_CHARS_UNSPACED
        and text[0].isalpha()
        and not any(c.isdigit() for c in text)
        and "@" not in text
        and "[at]" not in text
        and _key(text) not in _byline_only()
    )


def _page_authors(page: etree._Element, sites: set[str]) -> list[dict[str, Any]]:
    """Authors the page marks: ``rel=author``, ``itemprop=author``, else a byline box.

    Marks inside comments, forms and lists of other stories are not the article's
    byline. When a box's whole text is not a list of names (it holds a date, an
    address, a long sentence), the names of its links or ``itemprop=name`` are taken.
    """
    nodes = [n for n in page.iter() if isinstance(n.tag, str) and not _outside_article(n)]
    nodes = [n for n in nodes if not _in_teaser(n) and not _in_promotion(n)]
    marked = [
        n
        for n in nodes
        if "author" in (n.get("rel") or "").split() or "author" in (n.get("itemprop") or "").split()
    ]
    # A byline box inside a figure is its picture's or recording's ("Bild © Roman Warschauer").
    boxes = [
        n
        for n in nodes
        if BYLINE_NAMES.search(_names_of(n)) and not _picture_credit(n) and not _holds_story(n)
    ]
    fallback: list[dict[str, Any]] = []
    for node in marked:
        people = _people_of(node, sites)
        if people and not all(_key(p["name"]) in sites for p in people):
            # The marks beside it name the other authors ("<a rel=author>A</a> and <a…>B</a>").
            beside = [o for o in marked if o is not node and o.getparent() is node.getparent()]
            people += [person for other in beside for person in _people_of(other, sites)]
            people = list({person["name"]: person for person in people}.values())
            people += _line_beside(node, people)
            return [p for p in people if _key(p["name"]) not in sites]
        fallback = fallback or people
    for node in boxes:
        people = _people_of(node, sites)
        if people and not all(_key(p["name"]) in sites for p in people):
            return people
        fallback = fallback or people
    return fallback


def _line_beside(node: etree._Element, people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The others a byline line names beside a marked author: "By <a rel=author>Ann Lee</a>,
    <span>Tom Roe and Eva Cole</span>" marks one of three. Only a line that is a byline as
    a whole (a pack's byline word, then names) and names the marked people too counts."""
    line = node.getparent()
    if line is None or len(text_of(line)) > BYLINE_TEXT:
        return []
    named = _byline_line(text_of(line))
    keys = {_key(p["name"]) for p in named}
    if not all(_key(p["name"]) in keys for p in people):
        return []
    have = {_key(p["name"]) for p in people}
    return [p for p in named if _key(p["name"]) not in have]


def _holds_story(node: etree._Element) -> bool:
    """A box that holds the story itself, not its byline: the article or page element, or
    one holding a headline or more text than a byline box shows (a CMS names the whole
    article for its writer's account: ``<article class="node author-sarayut">``)."""
    return (
        node.tag in ("article", "main", "body", "html")
        or any(True for _ in node.iter("h1"))
        or len(text_of(node)) > BYLINE_BOX
    )


def _people_of(node: etree._Element, sites: set[str]) -> list[dict[str, Any]]:
    """The people an author mark or byline box names: its whole text, else (a box that holds
    a date or a sentence too, or names only the site) the names of its links or
    ``itemprop=name``."""
    inner = [
        text_of(n) or n.get("content") or ""
        for n in node.iter()
        if isinstance(n.tag, str)
        and n is not node
        and (
            n.tag == "a"
            or "name" in (n.get("itemprop") or "").split()
            or NAME_PART.search(_names_of(n))
        )
    ]
    fallback: list[dict[str, Any]] = []
    hosts = _link_hosts(node)
    whole = _before_label(node) or text_of(node) or node.get("content") or ""
    for texts in ([whole], [t for t in inner if t]):
        names = [n for n in (_names(t) for t in texts) if n]
        people = list({person["name"]: person for found in names for person in found}.values())
        people = [p for p in people if not _names_services(p["name"], hosts)]
        # A control's label in the box ("<a class=PrintLink>Print</a>") names no one.
        people = [p for p in people if not is_chrome(p["name"])]
        if people and not all(_key(p["name"]) in sites for p in people):
            return people
        fallback = fallback or people
    return fallback


def _before_label(node: etree._Element) -> str | None:
    """A byline box's text up to a label that follows the names and begins another line of
    the box: "Daniel Czyżewski DOTYCZY: gazociąg Jamalski gazprom" (a label, then the
    story's tags) is Daniel Czyżewski; None without such a label (one before the names,
    "Autor: Ann Lee", stays, as does one after words that no element of the box holds as a
    name of its own: "Text and photos:"). The box's parts are words apart, as its lines are."""
    text = " ".join(" ".join(str(part) for part in node.itertext()).split())
    label = LABEL_AFTER_NAME.search(text)
    if label is None:
        return None
    names = split_names(text[: label.start()])
    # Each name set apart in an element of its own (a link, a span), as a byline box shows it.
    shown = {" ".join(text_of(n).split()) for n in node.iter() if n is not node}
    if names and all(_text_name(n) and n in shown for n in names):
        return text[: label.start()]
    return None


def _link_hosts(node: etree._Element) -> set[str]:
    """The names of the sites a box links to ("twitter" for https://twitter.com/…)."""
    hosts = (urllib.parse.urlsplit(a.get("href") or "").hostname or "" for a in node.iter("a"))
    return {_key(label) for host in hosts for label in host.split(".")[:-1]} - {"www", ""}


def _names_services(name: str, hosts: set[str]) -> bool:
    """A "name" each word of which is the name of a site the box links to: its profile
    links' labels ("Twitter Facebook" beside links to twitter.com and facebook.com), not a
    person (a person's own site, michaellarabel.com, is named by no one word)."""
    return bool(hosts) and all(_key(word) in hosts for word in name.split())


def _names_of(node: etree._Element) -> str:
    """An element's class and id names, in lower case."""
    return f"{node.get('class') or ''} {node.get('id') or ''}".lower()


def _shown_byline(page: etree._Element, heading: etree._Element | None) -> list[dict[str, Any]]:
    """The people of a byline that is only text, shown between the headline and the start of
    the article's text: a short element that begins with a byline word of a language pack
    and capitalised names ("By Sage Lazzaro • 12/16/16 12:21pm", "Von Anna Weber, 3. Mai"),
    or, by its shape alone, a name beside a date ("Sage Lazzaro | 12/16/16", "Patricio
    Candia | Palma de Mallorca | 08/01/2014"). Comments never come between the headline and
    the text: a bar there named for them (its comment count) holds the byline too."""
    language = _page_language(page)
    for node, text in _lines_below(page, heading, BYLINE_TEXT, comments=False):
        if node.tag in ("a", "time"):
            continue
        people = _byline_line(text) or _author_page_names(node, text) or _set_name_line(node)
        if not people:
            people = _name_beside_date(text, language)
            people = [] if _in_common_words(people, page) else people
        if people:
            return people
    return []


def _set_name_line(node: etree._Element) -> list[dict[str, Any]]:
    """A line under the headline that begins with a person's name set apart in an element of
    its own (italic, bold, a span), then a separator and a place of a few words ("<p><em>Ángeles
    Escrivá</em> | <span>Madrid</span></p>"): the name is the byline, the place its role. A
    link is a menu's, not a name set apart."""
    first = node[0] if len(node) else None
    if (
        first is None
        or (node.text or "").strip()
        or first.tag not in ("em", "i", "strong", "b", "span")
    ):
        return []
    name = " ".join(text_of(first).split())
    rest = " ".join(text_of(node).split())[len(name) :].strip()
    parts = re.fullmatch(r"[|•·/—–-]\s*([^\d|•·/]+)", rest)
    if not _text_name(name) or not parts or len(parts.group(1).split()) > PLACE_WORDS:
        return []
    return [{"name": name, "role": parts.group(1).strip()}]


def _author_page(href: str) -> bool:
    """An address in a folder named for authors ("/author/ann-lee", "/authors/ann-lee/")."""
    folders = urllib.parse.urlsplit(href).path.lower().split("/")[:-1]
    return any(BYLINE_NAMES.search(folder) for folder in folders)


def _author_page_names(node: etree._Element, text: str) -> list[dict[str, Any]]:
    """A name alone under the headline that links to the author's page: the element's text
    is only its links' text (and the separators and "and" between them), each a person's
    name linking to an address with a folder named for authors ("/author/ann-lee",
    "/authors/ann-lee/", as a byline box is named)."""
    links = [a for a in node.iter("a") if text_of(a).strip()]
    if not links or not all(_author_page(a.get("href") or "") for a in links):
        return []
    names = [" ".join(text_of(a).split()) for a in links]
    rest = " ".join(text.split())
    for name in names:
        rest = rest.replace(name, " ", 1)
    if any(w.casefold() not in and_words() for w in re.findall(r"\w+", rest)):
        return []
    return [{"name": n} for n in names if _text_name(n)] if all(map(_text_name, names)) else []


def _aside_byline(page: etree._Element) -> list[dict[str, Any]]:
    """The byline of a box in the column beside the text (an ``aside``) named for its author,
    whose text is a byline line ("von Carolina von Canal": a pack's byline word, then
    names): asked last, when no other source names a person, and only when the page shows
    one such byline (a column of several authors' boxes is a list of the site's writers)."""
    found: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for node in page.iter():
        if (
            isinstance(node.tag, str)
            and BYLINE_NAMES.search(_names_of(node))
            and any(a.tag == "aside" for a in node.iterancestors())
            and not _in_figure(node)
            and len(text_of(node)) <= BYLINE_TEXT
        ):
            people = _byline_line(text_of(node))
            if people:
                found[tuple(p["name"] for p in people)] = people
    return next(iter(found.values())) if len(found) == 1 else []


def _headline_anchor(
    page: etree._Element, heading: etree._Element | None, headline: str | None
) -> etree._Element | None:
    """Where the article's byline and date lines follow: the headline's heading, else (the
    page's ``h1`` is its logo) the first heading of the article that says the headline
    (``<h3>`` under the site's ``<h1>``)."""
    if heading is not None or not headline:
        return heading
    key = _key(headline)
    return next(
        (
            h
            for h in page.iter(*HEADING_TAGS)
            if _key(_heading_text(h)) == key and not _outside_article(h) and not _is_logo(h)
        ),
        None,
    )


def _page_language(page: etree._Element) -> str:
    """The language the page's markup says it is in, for reading its dates ("en" if none)."""
    return _language(page.get("lang"), page.get(f"{{{XML_NS}}}lang")) or "en"


def _line_parts(line: str) -> list[str]:
    """A byline line's parts between its separators ("Ann Lee | Palma | 3 May 2019")."""
    return [
        p.strip(" ,;:") for p in LINE_SEPARATORS.split(" ".join(line.split())) if p.strip(" ,;:")
    ]


def _name_beside_date(text: str, language: str) -> list[dict[str, Any]]:
    """The people of a byline line without a byline word, told by its shape: names first, then
    (after a separator, perhaps after a place) a part that is only a date ("Sage Lazzaro |
    12/16/16", "Patricio Candia | Palma de Mallorca | 08/01/2014")."""
    parts = _line_parts(text)
    if not 2 <= len(parts) <= MAX_LINE_PARTS or not any(_only_date(p, language) for p in parts[1:]):
        return []
    names = parts[0]
    people = [p for p in _names(names) if _text_name(p["name"])]
    return people if people and len(people) == len(split_names(names)) else []


def _only_date(part: str, language: str) -> bool:
    """A part of a line that is only a date (and its time), also with a two-digit year
    ("12/16/16 12:21pm", as American CMSs print it)."""
    found = date_line(part, language)
    return (found is not None and not found[1]) or bool(SHORT_DATE.fullmatch(part))


def _in_common_words(people: list[dict[str, Any]], page: etree._Element) -> bool:
    """A "name" one of whose words the page also writes in lower case, as a common word
    ("World News", "Breaking Story"): a label, not a person's name."""
    body = next(page.iter("body"), page)
    words = {w for w in re.findall(r"[^\W\d_]{4,}", text_of(body)) if w.islower()}
    return any(w.casefold() in words for p in people for w in p["name"].split() if len(w) >= 4)


def _byline_line(text: str) -> list[dict[str, Any]]:
    """The people a line of text names when it is a byline: a pack's byline word, then names,
    then perhaps a date or a separator and more ("By Ann Lee and Tom Roe | May 3, 2019");
    dashes before it set a signature apart ("-- By Ann Lee" after the text)."""
    text = " ".join(text.split()).lstrip("-–— ")
    names = byline_names(text)
    if not names or len(text.split()) > MAX_BYLINE_WORDS + 6:
        return []
    names = re.split(r"\s[•|·/—–-]\s|\s*[•|·]\s*", names)[0]
    dates = find_dates(names, "en")
    if dates:
        names = names[: dates[0].start]
    names = re.split(r"\d", names)[0].strip(" ,;:-–—")
    people = [p for p in _names(names) if _text_name(p["name"])]
    return people if people and len(people) == len(split_names(names)) else []


def _text_name(name: str) -> bool:
    """A person's name as a line of text gives it: two to five words, each capitalised but
    for short particles ("de", "van", "d'Emilio"), no job ("Staff Reporter")."""
    words = name.split()
    return (
        name_shaped(name)
        and len(words) <= TEXT_NAME_WORDS
        and all(not w[:1].islower() or len(w) <= 3 or "'" in w or "’" in w for w in words)
    )


def _body_byline(
    body: list[dict[str, Any]], authors: list[dict[str, Any]], sites: set[str], where: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A paragraph at the top or the bottom of the body that is only a byline ("By Ann Lee")
    leaves the body. Its people are the authors when the page named none, or only the
    site; a byline naming others than the page's authors stays text."""
    paragraphs = [i for i, b in enumerate(body) if b["type"] == "paragraph"]
    if len(paragraphs) < 2:
        return body, authors
    for index in (*paragraphs[:2], paragraphs[-1]):
        people = _byline_line(inline_text(body[index].get("content") or []))
        if not people:
            continue
        known = {_key(a["name"]) for a in authors}
        if authors and not all(
            _no_person(a["name"], sites) or _only_label(a["name"]) for a in authors
        ):
            if not all(_key(p["name"]) in known for p in people):
                continue
        else:
            authors = people
        note(f"{where}: a paragraph of the body is the byline; it leaves the body", level="info")
        return body[:index] + body[index + 1 :], authors
    return body, authors


def _dateline_reporter(
    body: list[dict[str, Any]],
    authors: list[dict[str, Any]],
    sites: set[str],
    owner: str,
    where: str,
) -> list[dict[str, Any]]:
    """The reporter the text's dateline names in brackets after a pack's byline word
    ("中新网北京12月15日电 (记者 杜燕)今后，…"), when the page named no one but the site
    ("chinanews" as ``<meta name=author>``): the author, with an info note. The line stays
    text."""
    if authors and not all(_no_person(a["name"], sites, owner) for a in authors):
        return authors
    first = next((b for b in body[:2] if b["type"] == "paragraph"), None)
    if first is None:
        return authors
    found = DATELINE_BRACKET.search(inline_text(first["content"])[:DATELINE_CHARS])
    if found is None:
        return authors
    said = found.group(1)
    people = [w for w in (byline_names(said) or "").split(" ") if w]
    if not people or not all(map(_uncased_name, people)):
        people = [p["name"] for p in _byline_line(said)]
    if not people:
        return authors
    note(f"{where}: the author is the reporter the dateline names ({said})", level="info")
    return [{"name": name} for name in people]


def _uncased_name(word: str) -> bool:
    """A name of a script without case (Chinese, Japanese…): at most ``UNCASED_NAME``
    letters, none of them upper or lower case."""
    return 2 <= len(word) <= UNCASED_NAME and all(
        c.isalpha() and not (c.isupper() or c.islower()) for c in word
    )


def _outside_article(node: etree._Element, comments: bool = True) -> bool:
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


def _in_teaser(node: etree._Element) -> bool:
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


def _in_promotion(node: etree._Element) -> bool:
    """Inside a box that promotes another page, far from the headline (China News' forum
    box in the side column: a title that is wholly a link to a forum post, then
    "<b>中新网友</b>的原贴：…"): a short box (up to ``TEASER_TEXT`` characters) that holds an
    element, not around ``node``, whose whole text is one link to a page other than an
    author's, in a column of the page apart from the headline's (no ``h1`` among the
    ``PROMOTION_LEVELS`` boxes around it). Its "author" is the other page's."""
    boxes = list(itertools.islice(node.iterancestors(), PROMOTION_LEVELS))
    if any(next(box.iter("h1"), None) is not None or box.tag == "body" for box in boxes):
        return False
    for box in boxes[:TEASER_LEVELS]:
        if len(text_of(box)) > TEASER_TEXT:
            return False
        for link in box.iter("a"):
            href = link.get("href") or ""
            title = link.getparent()
            text = " ".join(text_of(link).split())
            if (
                text
                and title is not None
                and node not in title.iterancestors()
                and title is not node
                and " ".join(text_of(title).split()) == text
                and not href.startswith(("#", "javascript:"))
                and not _author_page(href)
            ):
                return True
    return False


def _publisher(value: Any, site_name: str | None) -> dict[str, Any] | None:
    name = _first(value) or site_name
    if not name:
        return None
    publisher: dict[str, Any] = {"name": name}
    url = value.get("url") if isinstance(value, dict) else None
    if isinstance(url, str) and url.startswith(("http://", "https://")):
        publisher["url"] = url
    return publisher


def _keywords(value: Any) -> list[str]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        return []
    return [" ".join(str(k).split()) for k in value if str(k).strip()][:50]


def _lead_image(
    page: etree._Element,
    ld: dict[str, Any],
    meta: dict[str, str],
    base: str | None,
    body: list[dict[str, Any]],
    where: str,
) -> dict[str, Any] | None:
    """The lead image that JSON-LD or Open Graph names; the page's ``<img>`` adds alt and caption.

    When the body already shows that picture as a figure, the figure becomes the
    lead image; a picture with neither alt text nor caption is left out, with a warning.
    The page's picture is the one of the same address, or of the same file in another
    size or crop (see :func:`_picture_index`); its caption is its figure's
    ``figcaption``, else the caption element that follows it before the text begins.
    A caption's trailing credit ("Photo: AFP", a credit ``span``) becomes the credit.
    """
    image = ld.get("image")
    if isinstance(image, list) and image:
        image = image[0]
    url = image.get("url") or image.get("contentUrl") if isinstance(image, dict) else image
    url = _first(
        url, meta.get("og:image"), meta.get("twitter:image"), meta.get("twitter:image:src")
    )
    if not url:
        # No picture named in the metadata: a figure before any text leads the story.
        return _figure_lead(body, 0, where) if _figure_first(body) else None
    url = resolve_url(url, base)
    figures = [i for i, b in enumerate(body) if b["type"] == "figure"]
    shared = _shared_file_names([_image_urls(img, base) for img in page.iter("img")])
    found = _picture_index(url, [[body[i]["image"].get("src") or ""] for i in figures], shared)
    if found is not None:
        index = figures[found]
        if _alt_was_file_name(page, body[index]["image"], base):
            return None  # the body converter warned; a lead needs a description
        if index == 0 or all(b["type"] != "paragraph" for b in body[:index]):
            return _figure_lead(body, index, where)
        return None  # shown further down: not repeated at the top
    lead: dict[str, Any] = {"src": url}
    caption = (
        _first(image.get("caption"), image.get("description")) if isinstance(image, dict) else None
    )
    credit = (
        _first(image.get("creditText"), image.get("copyrightHolder"))
        if isinstance(image, dict)
        else None
    )
    alt = _first(meta.get("og:image:alt"), meta.get("twitter:image:alt"))
    images = [img for img in page.iter("img") if not _outside_article(img) and not _in_logo(img)]
    # A relative address is the page's own: where the page was (og:url) when the canonical
    # address is another site's (a syndicated story), as a browser reads it.
    bases = dict.fromkeys(b for b in (base, _first(meta.get("og:url"))) if b)
    shown_urls = [
        list(dict.fromkeys(u for b in bases or [None] for u in _image_urls(img, b)))
        for img in images
    ]
    found = _picture_index(url, shown_urls, shared | _shared_file_names(shown_urls))
    if found is not None:
        img = images[found]
        if not any(_same_picture(u, url) for u in shown_urls[found]):
            note(
                f"{where}: the lead picture {url[:100]} is read as the page's "
                f"{shown_urls[found][0][:100]} (another size or crop of it); its alt text and "
                "caption are that picture's",
                level="info",
            )
        alt = _own_alt(alt, img, _titles(page, ld, meta, _site_keys(ld, meta, base)), where)
        shown = _caption_of(img) or _caption_beside(img) or _caption_next_to(img)
        if shown is not None and not caption:
            caption, credit = shown[0] or None, credit or shown[1]
    if caption and not credit:
        caption, credit = caption_credit(caption)
    if caption:
        lead["caption"] = caption
    if alt:
        lead["alt"] = alt
    if credit:
        lead["credit"] = credit
    if not alt and not caption:
        if _figure_first(body):
            return _figure_lead(body, 0, where)
        note(
            f"{where}: the page's lead image {url[:100]} has no alt text or caption; it is left out"
        )
        return None
    _drop_caption_repeats(body, lead, where)
    return lead


def _no_story_picture(
    page: etree._Element, ld: dict[str, Any], meta: dict[str, str], base: str | None
) -> bool:
    """The metadata names no picture, or only the site's own: a file named for its logo or
    for sharing ("ria_social.png", "default-share.jpg"), or one the page shows only in its
    logo, never in the article."""
    image = ld.get("image")
    if isinstance(image, list) and image:
        image = image[0]
    url = image.get("url") or image.get("contentUrl") if isinstance(image, dict) else image
    url = _first(url, meta.get("og:image"), meta.get("twitter:image"))
    if not url:
        return True
    name = urllib.parse.urlsplit(url).path.lower().rpartition("/")[2]
    if SITE_PICTURE_NAMES.search(name.rpartition(".")[0]):
        return True
    shown = [img for img in page.iter("img") if url in _image_urls(img, base)]
    return bool(shown) and all(_in_logo(img) or _outside_article(img) for img in shown)


def _picture_under_headline(
    page: etree._Element,
    anchor: etree._Element | None,
    base: str | None,
    body: list[dict[str, Any]],
    where: str,
) -> dict[str, Any] | None:
    """The article's own picture, where the metadata names none or only the site's: the
    first picture between the headline and the start of the text (To Vima's
    ``div.article_photo``, RIA's ``itemprop=associatedMedia``), not a logo, a link's
    picture or an icon, with an alt text that is no file name or a caption; its caption is
    the caption element after it or the box beside it named as an extension of the
    picture's box (``article_photo`` → ``article_photo_lead``), its credit a credit box
    beside it ("© РИА Новости. Артем Житенев")."""
    if anchor is None:
        return None
    opening = next((_key(_block_text(b)) for b in body if b["type"] == "paragraph"), None)
    for count, node in enumerate(_after(anchor)):
        if count > STANDFIRST_LOOKAHEAD:
            return None
        text = text_of(node).strip() if node.tag == "p" else ""
        if len(text) > CAPTION_CHARS // 4 or (text and _key(text) == opening):
            return None  # the text has begun
        if node.tag != "img" or _small_picture(node) or _logo_file(node.get("src") or ".svg"):
            continue
        if _hidden_within(node) or _in_logo(node) or _outside_article(node):
            continue
        if any(a.tag == "a" for a in node.iterancestors()):
            continue  # another page's picture
        alt = _first(node.get("alt"))
        alt = None if alt and alt_is_file_name(alt, node.get("src") or "") else alt
        shown = _caption_of(node) or _caption_beside(node) or _caption_box_after(node)
        caption, credit = shown if shown else ("", None)
        credit = credit or _credit_box_beside(node)
        if not alt and not caption:
            continue
        lead: dict[str, Any] = {"src": resolve_url(node.get("src") or "", base)}
        for key, value in (("alt", alt), ("caption", caption), ("credit", credit)):
            if value:
                lead[key] = value
        note(
            f"{where}: the lead picture is the one the page shows under its headline"
            f" ({lead['src'][:100]}); the metadata names none of the article's",
            level="info",
        )
        _drop_caption_repeats(body, lead, where)
        body[:] = [
            b
            for b in body
            if b["type"] != "figure" or not _same_picture(b["image"].get("src"), lead["src"])
        ]  # shown once, as the lead
        return lead
    return None


def _small_picture(img: etree._Element) -> bool:
    """An icon or a counter's pixel: a width or height given under ``ICON_SIZE``."""
    sizes = [img.get("width") or "", img.get("height") or ""]
    return any(v.isdigit() and int(v) < ICON_SIZE for v in sizes)


def _caption_box_after(img: etree._Element) -> tuple[str, str | None] | None:
    """The caption of a picture alone in a box named for it, given in the next box, whose
    name extends the picture box's ("<div class=article_photo><img></div><div
    class=article_photo_lead>Ευρυαγγείες στα πόδια…</div>"): short text, no links."""
    box = img.getparent()
    if box is None or (box.get("class") or "").strip() == "" or len(box) != 1:
        return None
    name = (box.get("class") or "").split()[0].lower()
    if not PICTURE_NAMES.search(name):
        return None
    node = box.getnext()
    if node is None or not isinstance(node.tag, str) or _hidden(node):
        return None
    names = (node.get("class") or "").lower().split()
    text = " ".join(text_of(node).split())
    if not any(n != name and n.startswith(name) for n in names):
        return None
    if not text or len(text) > CAPTION_CHARS or any(True for _ in node.iter("a", "img")):
        return None
    return _caption_parts(node)


def _credit_box_beside(img: etree._Element) -> str | None:
    """The credit a box named for it gives right after the picture ("<div
    class=media_copyright><a>© РИА Новости. Артем Житенев</a> | <a>Купить …</a></div>"):
    its first part, without the copyright sign."""
    node = img.getnext()
    if node is None or not isinstance(node.tag, str) or _hidden(node):
        return None
    if not CREDIT_NAMES.search(f"{node.get('class') or ''} {node.get('id') or ''}".lower()):
        return None
    first = IMPRINT_SEPARATORS.split(" ".join(text_of(node).split()))[0]
    credit = without_credit_label(first.strip().lstrip("©").strip())
    return credit if credit and len(credit) <= CAPTION_CHARS // 4 else None


def _alt_was_file_name(page: etree._Element, image: dict[str, Any], base: str | None) -> bool:
    """A figure of no alt text and no caption whose picture the page gave its file's name as
    alt text (the body converter read it as missing): no lead picture."""
    src = image.get("src") or ""
    if image.get("alt") or image.get("caption") or not src:
        return False
    return any(
        alt_is_file_name(img.get("alt") or "", src) and src in _image_urls(img, base)
        for img in page.iter("img")
        if img.get("alt")
    )


def _figure_first(body: list[dict[str, Any]]) -> bool:
    """Does the body start with a picture that may lead the story: not the site's logo or
    a badge (a file named for a logo, or a vector drawing: "logo-main.png", "topplus.svg"),
    which the body can start with once the lines above it are left out?"""
    if not body or body[0]["type"] != "figure":
        return False
    return not _logo_file(body[0]["image"].get("src") or "")


def _logo_file(src: str) -> bool:
    """A file named for a logo, or a vector drawing ("logo-main.png", "topplus.svg")."""
    name = urllib.parse.urlsplit(src).path.lower().rpartition("/")[2]
    return bool(LOGO_NAMES.search(name.replace(".", " ")) or name.endswith(".svg"))


def _figure_lead(body: list[dict[str, Any]], index: int, where: str) -> dict[str, Any] | None:
    """The body's figure at ``index`` as the lead picture; an alt text that is only a file name
    goes (the caption gives one), and without a caption the picture is left out, with a
    warning."""
    image = dict(body.pop(index)["image"])
    alt = image.get("alt") or ""
    if not FILE_NAME.search(alt):
        return image
    del image["alt"]
    if image.get("caption"):
        return image
    note(f"{where}: the lead picture's alt text {alt[:60]!r} is a file name; it is left out")
    return None


def _picture_alt(img: etree._Element, where: str) -> str | None:
    """A picture's alt text, unless it is only a file name ("caucus VP preview.jpg", the
    picture's own name without its extension and query), which says nothing of the picture
    (with a warning)."""
    alt = _first(img.get("alt"))
    if alt and alt_is_file_name(alt, img.get("src") or ""):
        note(f"{where}: the lead picture's alt text {alt[:60]!r} is a file name; it is not used")
        return None
    return alt


def _own_alt(alt: str | None, img: etree._Element, titles: list[str], where: str) -> str | None:
    """The lead picture's alt text: the metadata's (``og:image:alt``), unless it only says one
    of the page's titles (a CMS's default: Energetyka24's ``twitter:image:alt`` is the
    headline) and the picture in the page has an alt text of its own ("jamał europol gaz");
    without one, the page picture's."""
    if alt and _key(alt) not in {_key(title) for title in titles}:
        return alt
    own = _picture_alt(img, where)
    return own if own and _key(own) else alt


def _image_urls(img: etree._Element, base: str | None) -> list[str]:
    """The addresses an ``<img>`` shows: ``src``, lazy ``data-src`` (``data-original``), each
    ``srcset`` candidate, its ``picture``'s sources; and the pictures a resizer's address
    names."""
    urls = [img.get("src"), img.get("data-src"), img.get("data-original")]
    for attribute in ("srcset", "data-srcset"):
        urls += [c.split()[0] for c in (img.get(attribute) or "").split(",") if c.split()]
    urls += _picture_sources(img)
    shown = [resolve_url(u.strip(), base) for u in urls if u and u.strip()]
    return shown + [u for url in shown for u in (*_resized_from(url), *_encoded_path(url))]


def _picture_sources(img: etree._Element) -> list[str]:
    """The addresses a ``<picture>`` gives its ``img`` in its ``source`` elements (each
    ``srcset`` or lazy ``data-srcset`` candidate): the same picture in other sizes or
    formats, and the only addresses of an ``img`` without ``src`` (VICE's lede). (The HTML
    parser nests an unclosed ``source`` around what follows it: rp.pl's ``img``.)"""
    holder = img.getparent()
    while holder is not None and holder.tag == "source":
        holder = holder.getparent()
    if holder is None or holder.tag != "picture":
        return []
    return [
        candidate.split()[0]
        for source in holder.iter("source")
        for attribute in ("srcset", "data-srcset")
        for candidate in (source.get(attribute) or "").split(",")
        if candidate.split()
    ]


def _encoded_path(url: str) -> list[str]:
    """The picture a resizer names in its address in base64 (imgproxy's way): a folder or
    file name that decodes to a picture's path or address ("/thumbs/95b/OTYwL3VfMS9j…
    LmpwZWc=.jpeg" shows ".../2021/04/29/1200/596/c4a23b3a….jpeg"), read on the resizer's
    host."""
    found = []
    for part in urllib.parse.urlsplit(url).path.split("/"):
        stem = part[: -len(ext.group())] if (ext := FILE_NAME.search(part)) else part
        if len(stem) < ENCODED_CHARS or not BASE64.fullmatch(stem):
            continue
        core = stem.rstrip("=").replace("+", "-")
        try:
            path = base64.urlsafe_b64decode(core + "=" * (-len(core) % 4)).decode("ascii")
        except ValueError:  # not base64, or not ASCII (UnicodeDecodeError)
            continue
        if (
            "/" in path
            and path.isprintable()
            and FILE_NAME.search(urllib.parse.urlsplit(path).path)
        ):
            found.append(
                urllib.parse.urljoin(url, path if "://" in path else "/" + path.lstrip("/"))
            )
    return found


def _resized_from(url: str) -> list[str]:
    """The picture a resizer's address shows: a parameter whose value is a picture's path
    ("/image.php?src=/images/posts/post16615.jpg&w=1280" shows "/images/posts/post16615.jpg"),
    read against the resizer's address."""
    query = urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query)
    return [
        urllib.parse.urljoin(url, value)
        for _, value in query
        if value.startswith(("/", "http://", "https://"))
        and FILE_NAME.search(urllib.parse.urlsplit(value).path)
    ]


def _in_logo(img: etree._Element) -> bool:
    """A picture inside the site's logo (up to the article, ``main`` or ``body``, whose names
    describe the whole page's layout: "logo-left-with-search-nav-variation")."""
    for node in (img, *img.iterancestors()):
        if node.tag in ("article", "main", "body"):
            return False
        if LOGO_NAMES.search(f"{node.get('class') or ''} {node.get('id') or ''}".lower()):
            return True
    return False


def _picture_index(
    url: str, candidates: list[list[str]], shared: frozenset[str] | None = None
) -> int | None:
    """Which candidate (each a list of addresses) shows the picture at ``url``.

    The same address or file (:func:`_same_picture`) first; else the one candidate
    whose path shares clearly the longest start with the picture's, reaching into its
    file name or over a directory named by an id: the same picture in another size
    or crop ("13SUDAN-1-master768.jpg" for "13SUDAN-1-facebookJumbo.jpg",
    ".../df84b519…/0_507_4039_2693/master/4039.jpg" for ".../df84b519…/0_320_…").
    """
    names = _shared_file_names(candidates) if shared is None else shared
    for index, urls in enumerate(candidates):
        if any(_same_picture(u, url, names) for u in urls):
            return index
    if (sized := _sized_alike(url, candidates)) is not None:
        return sized
    wanted = urllib.parse.urlsplit(url)
    scores: list[tuple[int, str, int]] = []
    for index, urls in enumerate(candidates):
        for candidate in urls:
            other = urllib.parse.urlsplit(candidate)
            if other.hostname and wanted.hostname and other.hostname != wanted.hostname:
                continue
            scores.append((_shared_start(wanted.path, other.path), other.path, index))
    if not scores:
        return None
    scores.sort(reverse=True)
    length, path, index = scores[0]
    runner_up = next((n for n, p, i in scores if i != index and p != path), 0)
    common = wanted.path[:length]
    into_file = length - (wanted.path.rfind("/") + 1)
    id_folder = any(
        len(part) >= 16 and any(c.isdigit() for c in part) and any(c.isalpha() for c in part)
        for part in common.split("/")[:-1]
    )
    if length - runner_up >= PICTURE_MARGIN and (into_file >= PICTURE_MARGIN or id_folder):
        return index
    return None


def _sized_alike(url: str, candidates: list[list[str]]) -> int | None:
    """The one candidate that shows the picture's file in another size: in the same folder,
    a file name that is the picture's but for the size it names ("840_472_matched__qbe7fh_
    jamaeuropolgaz.jpg" for "1200_660_matched__…", "…-610x343.jpg" for "….jpg"); the name
    without its size is long enough to be the picture's own."""
    key = _without_size(url)
    if key is None:
        return None
    found = {
        index for index, urls in enumerate(candidates) for u in urls if _without_size(u) == key
    }
    return found.pop() if len(found) == 1 else None


def _without_size(url: str) -> tuple[str, str, str] | None:
    """A picture's host, folder and file name without the size it names (two numbers with an
    "x" or "_" between), when what is left is a name of its own."""
    parts = urllib.parse.urlsplit(url)
    folder, _, name = parts.path.rpartition("/")
    stem, dot, extension = name.rpartition(".")
    rest = SIZE_IN_NAME.sub("-", stem if dot else name).strip("-_")
    if len(rest) < PICTURE_MARGIN or not any(c.isalpha() for c in rest):
        return None
    return parts.netloc, folder, f"{rest}.{extension.lower()}" if dot else rest


def _shared_file_names(candidates: list[list[str]]) -> frozenset[str]:
    """File names the page gives pictures of different ids: the same name in folders that
    differ by an id ("/linde/19562668/2-formatOriginal.jpg", "/banner/23843480/2-format
    Original.jpg"), a resizer's name for a size, not a picture's own. (Folders that differ
    only by a size or a resizer's signature, "/max/60/" and "/max/1400/", hold one picture
    in two sizes.)"""
    folders: dict[str, set[tuple[str, str]]] = {}
    for urls in candidates:
        for url in urls:
            parts = urllib.parse.urlsplit(url)
            folder, _, name = parts.path.rpartition("/")
            folders.setdefault(name, set()).add((parts.netloc, folder))
    shared = set()
    for name, where in folders.items():
        pairs = itertools.combinations(list(where)[:FOLDERS_COMPARED], 2)
        if name and any(
            ID_FOLDER.fullmatch(part)
            for (host_a, a), (host_b, b) in pairs
            if host_a == host_b
            for part in set(a.split("/")) ^ set(b.split("/"))
        ):
            shared.add(name)
    return frozenset(shared)


def _shared_start(a: str, b: str) -> int:
    """How many characters two paths share from their start."""
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _after(node: etree._Element) -> Iterator[etree._Element]:
    """The elements that follow ``node`` in the page, in document order."""
    for element in (node, *node.iterancestors()):
        for sibling in element.itersiblings():
            yield from (n for n in sibling.iter() if isinstance(n.tag, str))


def _caption_of(img: etree._Element) -> tuple[str, str | None] | None:
    """The caption the page shows with a picture, and its credit: its figure's
    ``figcaption`` (or element named for a caption), else the first caption element
    that follows the picture before another picture or the text begins (unless it holds
    a heading: then it is the story's header)."""
    figure = next(img.iterancestors("figure"), None)
    if figure is not None:
        for node in figure.iter():
            if isinstance(node.tag, str) and node is not figure and _names_caption(node):
                return _caption_parts(node)
    for count, node in enumerate(_after(img)):
        if count > CAPTION_LOOKAHEAD or node.tag in ("img", "picture", "figure", "video"):
            return None
        if node.tag == "p" and len(text_of(node)) > CAPTION_CHARS // 4:
            return None  # the text has begun
        if (
            _names_caption(node)
            and not _hidden(node)
            and len(text_of(node)) <= CAPTION_CHARS
            and not _in_menu(node)
        ):
            # a "figcaption" holding the headline is the story's header, no caption
            return None if any(True for _ in node.iter(*HEADING_TAGS)) else _caption_parts(node)
    return None


def _caption_beside(img: etree._Element) -> tuple[str, str | None] | None:
    """The caption of a picture whose box holds it and, after it, one short text named for
    nothing that a caption's signs mark: it says the picture's alt text first, or ends with
    a photo credit after its words ("<div><img alt='Ayrault à Toulouse'><div
    class=legende>Ayrault à Toulouse (Photo Lionel Bonaventure. AFP)</div></div>"). Not a
    heading or a paragraph (the text's), not links, not one holding another picture."""
    picture = img
    while (holder := picture.getparent()) is not None and holder.tag in ("a", "picture"):
        picture = holder
    if holder is None or (holder.text or "").strip():
        return None
    others = [c for c in holder if isinstance(c.tag, str) and c is not picture]
    if len(others) != 1 or any((c.tail or "").strip() for c in holder):
        return None
    node = others[0]
    if node.getprevious() is not picture or node.tag in ("p", *HEADING_TAGS) or _hidden(node):
        return None
    text = " ".join(text_of(node).split())
    if not text or len(text) > CAPTION_CHARS or any(True for _ in node.iter("a", "img", "video")):
        return None
    if any(True for _ in node.iter(*HEADING_TAGS)):
        return None
    alt = " ".join((img.get("alt") or "").split())
    # The alt text and more (its credit): a text that only says the alt again is its title.
    says_alt = len(alt.split()) >= 3 and _key(text).startswith(_key(alt)) and text != alt
    rest, credit = caption_credit(text)
    if not says_alt and not (credit and _key(rest)):
        return None
    return _caption_parts(node)


def _caption_next_to(img: etree._Element) -> tuple[str, str | None] | None:
    """The caption and credit in the boxes right after a picture (after the link, ``picture``
    or wrappers that hold it alone), named for them: a box whose class names a description
    (``desc``, ``description``, ``caption``, ``legend``) is the caption ("article__image-desc",
    "…_multimedia_desc"), one named for a credit (``credit``, ``copyright``, ``photographer``;
    ``author`` after a description; not ``source``, CNN's "CNN —") the credit, and both
    when its text ends with a labelled credit ("short-form__lede-credit": "The deserted
    streets … Credit: Hady Ashraf / Alamy Live News."). At most two boxes; not a heading,
    not a box holding another picture, a heading or a list, not a menu's, not a hidden one."""
    holder = img
    while (parent := holder.getparent()) is not None and _holds_alone(parent, holder):
        holder = parent
    caption = credit = None
    boxes = [box for box in holder.itersiblings() if isinstance(box.tag, str)]
    for box in boxes[:NEXT_TO_BOXES]:
        if box.tag in HEADING_TAGS or _hidden(box) or len(text_of(box)) > CAPTION_CHARS:
            break
        if any(True for _ in box.iter("img", "picture", "video", "figure", "ul", "ol", "nav")):
            break  # another picture, or a menu's links
        if any(True for _ in box.iter(*HEADING_TAGS)) or _in_menu(box):
            break
        named = [n for n in box.iter() if isinstance(n.tag, str) and not _hidden(n)]
        described = next((n for n in named if _box_names(n, DESCRIPTION_BOX)), None)
        credited = next(
            (n for n in named if _box_names(n, CREDIT_BOX, "author" if caption else "")), None
        )
        if described is None and credited is None:
            break
        if described is not None and caption is None:
            caption, credit = _caption_parts(described)
        if credited is not None and not credit:
            text = " ".join(text_of(credited).split())
            rest, credit = caption_credit(text)  # "… in April. Credit: Hady Ashraf / Alamy"
            caption = (caption or rest) if credit else caption
            credit = credit or without_credit_label(text) or None
    return (caption or "", credit) if caption or credit else None


def _holds_alone(parent: etree._Element, child: etree._Element) -> bool:
    """A wrapper (a link, a ``picture``, a ``div``/``span``, a ``source`` the HTML parser
    left open around it) whose only content is ``child`` and a ``picture``'s ``source``
    elements: no text of its own."""
    if parent.tag not in ("a", "picture", "div", "span", "source") or _key(parent.text or ""):
        return False
    return all(
        (c is child or c.tag == "source" or not isinstance(c.tag, str)) and not _key(c.tail or "")
        for c in parent
    )


def _box_names(node: etree._Element, names: re.Pattern[str], more: str = "") -> bool:
    """Does the element's class or id name it with one of these words (as a word of a class
    name: "article__image-desc", "…_multimedia_credit")?"""
    words = CLASS_WORDS.split(f"{node.get('class') or ''} {node.get('id') or ''}".lower())
    return any(names.fullmatch(word) or (more and word == more) for word in words)


def _in_menu(node: etree._Element) -> bool:
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


def _names_caption(node: etree._Element) -> bool:
    return (
        node.tag == "figcaption"
        or "caption" in (node.get("itemprop") or "").split()
        or "caption" in (node.get("class") or "").lower()
    )


def _caption_parts(node: etree._Element) -> tuple[str, str | None]:
    """A caption element's text and the credit inside it (an element named for a credit
    or copyright), without the labels only screen readers are given ("Credit").

    A caption the page holds twice (one for small screens, one for large) is said once,
    and so is its credit."""
    caption: list[str] = []
    credits: list[list[str]] = []

    def walk(element: etree._Element, into: list[str]) -> None:
        names = f"{element.get('class') or ''} {element.get('itemprop') or ''}".lower()
        if _hidden(element) or SCREEN_READER_ONLY.search(names):
            return
        if element is not node and names_control(element):
            return  # a "Close" button inside the caption
        if element is not node and SLIDE_COUNTER.fullmatch(text_of(element)):
            return  # a slideshow's "1 of 18." in an element of its own
        if into is caption and CREDIT_NAMES.search(names):
            credits.append([])
            into = credits[-1]
        into.append(element.text or "")
        for child in element:
            if isinstance(child.tag, str):
                walk(child, into)
            into.append(child.tail or "")

    walk(node, caption)
    text = " ".join("".join(caption).split()).strip(" -–—|")
    for cut in {len(text) // 2, (len(text) + 1) // 2}:
        if cut and text[:cut].strip() == text[cut:].strip():
            text = text[:cut].strip()
            break
    said = " ".join("".join(credits[0]).split()) if credits else ""
    if not said and (after := credit_after_slash(node)) and text.endswith(f"/ {after}"):
        text, said = text[: -len(after) - 1].rstrip(" /"), after
    if said.startswith("(") and said.endswith(")"):
        said = said[1:-1].strip()  # "(Credit: AP/Manuel Balce Ceneta)"
    return text, without_credit_label(said) if said else None


def _drop_caption_repeats(body: list[dict[str, Any]], lead: dict[str, Any], where: str) -> None:
    """The body's first paragraphs that say the lead picture's caption again (with or
    without its credit) leave the body: its figure lost its picture on the way, the caption
    stayed as text. (Not its alt text: some sites give the picture the first paragraph.)"""
    caption = lead.get("caption") or ""
    said = {_key(caption), _key(f"{caption} {lead.get('credit') or ''}")}
    said = {k for k in said if len(k) >= STANDFIRST_MIN}
    repeats = [
        b
        for b in body[:STANDFIRST_BLOCKS]
        if b["type"] == "paragraph" and _says_caption(inline_text(b.get("content") or []), said)
    ]
    if repeats and sum(1 for b in body if b["type"] == "paragraph") > len(repeats):
        note(
            f"{where}: the lead picture's caption also stood as the body's text; it is said once",
            level="info",
        )
        body[:] = [b for b in body if not any(b is r for r in repeats)]


def _says_caption(text: str, said: set[str]) -> bool:
    """Does a paragraph say the caption (``said``: its keys, with and without the credit),
    also with its credit's label ("… in April. Credit: Hady Ashraf / Alamy Live News.")?"""
    rest, credit = caption_credit(text)
    return _key(text) in said or bool(credit and _key(f"{rest} {credit}") in said)


def _same_picture(a: str | None, b: str | None, shared: frozenset[str] = frozenset()) -> bool:
    """The same address, or the same file name: in the same folder, or a name long enough
    to be the picture's own ("4800.jpg" in two folders is two pictures) and not one the
    page gives pictures in other folders too (``shared``), also in another format (".jpg"
    and ".webp")."""
    if not a or not b:
        return False
    path_a, path_b = urllib.parse.urlsplit(a).path, urllib.parse.urlsplit(b).path
    if a == b or _same_resized(a, b):
        return True
    folder_a, _, name_a = path_a.rpartition("/")
    folder_b, _, name_b = path_b.rpartition("/")
    stem = name_a.rsplit(".", 1)[0]
    own = (
        len(stem) >= PICTURE_MARGIN
        and any(c.isdigit() or c in "-_" for c in stem)
        and name_a not in shared
    )
    if name_a and name_a == name_b:
        return folder_a == folder_b or own or _same_folders_at_end(folder_a, folder_b)
    # The same picture in another format ("…-need.jpg" shown as "…-need.webp").
    return own and stem == name_b.rsplit(".", 1)[0]


def _same_resized(a: str, b: str) -> bool:
    """One picture a resizer serves in two sizes from one address, its query naming it: the
    same host and path, every parameter both give with a value the same, and one of those an
    id (``?i=1008545958&w=580&ll=`` and ``?i=1008545958&w=&ll=580&pl=378``)."""
    one, other = urllib.parse.urlsplit(a), urllib.parse.urlsplit(b)
    if not one.query or (one.netloc, one.path) != (other.netloc, other.path):
        return False
    first = dict(urllib.parse.parse_qsl(one.query))
    second = dict(urllib.parse.parse_qsl(other.query))
    both = first.keys() & second.keys()
    return all(first[k] == second[k] for k in both) and any(
        ID_FOLDER.search(first[k]) or len(first[k]) >= PICTURE_MARGIN * 2 for k in both
    )


def _same_folders_at_end(a: str, b: str) -> bool:
    """Two folders that end in the same three or more folders, 12 characters or more: a
    resizer's addresses that end with the original's path ("/thumbor/<sig>/750x422/media/img/
    mt/2016/09/RTSO9RP/" and "/thumbor/<other>/1200x625/media/img/mt/2016/09/RTSO9RP/")."""
    parts_a, parts_b = a.strip("/").split("/"), b.strip("/").split("/")
    shared = 0
    while shared < min(len(parts_a), len(parts_b)) and (
        parts_a[-1 - shared] == parts_b[-1 - shared]
    ):
        shared += 1
    tail = "/".join(parts_a[len(parts_a) - shared :])
    return shared >= 3 and len(tail) >= 12
