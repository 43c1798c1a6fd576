"""The page WeasyPrint sets: the shared page shell with the print stylesheet and page furniture."""

from __future__ import annotations

import re
import string
import textwrap
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from ..document import Document
from ..document.blocks import element
from ..document.page import build_page, html_bytes
from ..themes import stylesheet
from ..themes.publisher import apply_theme_blocks, theme_css
from .fonts import check_coverage, font_css

PAGE_SIZES = {"a4": "A4", "letter": "letter"}
SHORT_HEADLINE = 70
HANGUL = "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7ff"
COMPOUND = re.compile(rf"(\S*[^\s\-‐][\-‐]+[^\s\-‐]\S*|\S*[{HANGUL}]\S*)")
"""A hyphenated word, or a Korean word: what a line must not end inside (keep_compounds_whole)."""


def print_page(
    document: Document,
    *,
    page_size: str = "a4",
    stylesheets: Sequence[str] = ("print.css",),
    theme: Path | None = None,
) -> str:
    """The HTML of the print view: the article tree, print CSS, fonts, running header and folio.

    ``stylesheets`` are bundled theme files, later ones overriding earlier ones
    (``("print.css", "print-large.css")`` for large print). The ``<title>`` is
    the headline alone: PDF viewers show it as the window title. A character
    none of the bundled fonts has stops here (:func:`check_coverage`).

    >>> from newsformats.document import build_document
    >>> from newsformats.model import Article
    >>> page = print_page(build_document(Article(headline="Hi", language="en", body=["x"])))
    >>> "<title>Hi</title>" in page
    True
    """
    text = shown_text(document)
    language = document.article.language
    check_coverage(text, lambda char: block_with(document.root, char), language)
    sheets = [stylesheet(name) for name in stylesheets]
    css = "\n".join([font_css(text, language), page_rules(document, page_size), *sheets, ""])
    page = build_page(document, css=css + theme_css(theme, "print") + "\n")
    apply_theme_blocks(page, theme)
    title = page.find("head/title")
    if title is not None:
        title.text = document.title
    keep_compounds_whole(document.root)
    return html_bytes(page).decode("utf-8")


def block_with(root: etree._Element, char: str) -> str | None:
    """The id of the innermost element whose own text holds ``char`` ("p3"), if it has one.

    >>> block_with(etree.fromstring('<div id="a"><p id="p1">x</p><p id="p2">y!</p></div>'), "!")
    'p2'
    """
    for node in root.iter():
        own = [node.text or "", *((child.tail or "") for child in node)]
        if isinstance(node.tag, str) and any(char in text for text in own):
            holder: etree._Element | None = node
            while holder is not None and not holder.get("id"):
                holder = holder.getparent()
            return holder.get("id") if holder is not None else None
    return None


def shown_text(document: Document) -> str:
    """Every text the print page shows: the article, its title and the page furniture.

    >>> from newsformats.document import build_document
    >>> from newsformats.model import Article
    >>> "Hi" in shown_text(build_document(Article(headline="Hi", language="en", body=["x"])))
    True
    """
    article = document.article
    furniture = [document.title, document.messages("page_of", page="1", pages="2")]
    if article.publisher:
        furniture.append(article.publisher.name)
    return "\n".join([*furniture, *(str(text) for text in document.root.itertext())])


def page_rules(document: Document, page_size: str) -> str:
    """``@page`` rules for one article: size, running header (publisher, short headline), folio.

    >>> from newsformats.document import build_document
    >>> from newsformats.model import Article
    >>> rules = page_rules(build_document(Article(headline="Hi", language="en", body=["x"])), "a4")
    >>> rules.split("@bottom-center")[1]
    ' { content: "Page " counter(page, decimal) " of " counter(pages, decimal); } }'
    """
    messages = document.messages
    article = document.article
    start, end = ("right", "left") if article.text_direction == "rtl" else ("left", "right")
    rules = [f"size: {PAGE_SIZES[page_size]};"]
    if article.publisher:
        rules.append(f"@top-{start} {{ content: {css_string(article.publisher.name)}; }}")
    headline = textwrap.shorten(document.title, SHORT_HEADLINE, placeholder=" …")
    rules.append(f"@top-{end} {{ content: {css_string(headline)}; }}")
    folio = _folio(
        messages("page_of", page="{page}", pages="{pages}"), messages("page_number_style")
    )
    rules.append(f"@bottom-center {{ content: {folio}; }}")
    return "@page { " + " ".join(rules) + " }"


def css_string(text: str) -> str:
    """A CSS string literal for any text: everything but letters, digits and spaces escaped.

    >>> css_string('Say "hi"\\n')
    '"Say \\\\22 hi\\\\22 \\\\a "'
    """
    escaped = "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in text)
    return f'"{escaped}"'


def _folio(template: str, style: str) -> str:
    """Turn "Page {page} of {pages}" into CSS content with counters in the language's digits."""
    parts = []
    for literal, field, _, _ in string.Formatter().parse(template):
        if literal:
            parts.append(css_string(literal))
        if field in ("page", "pages"):
            parts.append(f"counter({field}, {style})")
    return " ".join(parts)


def keep_compounds_whole(root: etree._Element) -> None:
    """Wrap hyphenated words ("20-year-old") in ``span.nf-nowrap`` so no line ends at their hyphen.

    Text extractors cannot tell a word's own hyphen at a line end from a break:
    pdftotext drops it, others keep a space after it.

    Korean words too: Korean is written with spaces between words, but Pango
    breaks lines between any two Hangul syllables (UAX 14), so "자연을" came out
    "자\n연을", a word cut in two for every extractor and search. Korean text
    wraps at its spaces (CSS's ``word-break: keep-all``, which WeasyPrint 70
    does not implement).

    >>> p = etree.fromstring("<p>a 20-year-old <b>U.S.-led</b> plan</p>")
    >>> keep_compounds_whole(p)
    >>> [span.text for span in p.iter("span")]
    ['20-year-old', 'U.S.-led']
    >>> p = etree.fromstring("<p>자연을 배울 수 (AI) 있다.</p>")
    >>> keep_compounds_whole(p)
    >>> [span.text for span in p.iter("span")], p.text
    (['자연을', '배울', '수', '있다.'], '')
    """
    for node in list(root.iter()):
        if not isinstance(node.tag, str):
            continue
        node.text, spans = _split(node.text)
        for index, span in enumerate(spans):
            node.insert(index, span)
        parent = node.getparent()
        if node is root or parent is None:
            continue
        node.tail, spans = _split(node.tail)
        position = parent.index(node)
        for offset, span in enumerate(spans, start=1):
            parent.insert(position + offset, span)


def _split(text: str | None) -> tuple[str | None, list[etree._Element]]:
    if not text or not COMPOUND.search(text):
        return text, []
    head, *rest = COMPOUND.split(text)
    spans = []
    for compound, tail in zip(rest[::2], rest[1::2], strict=True):
        span = element("span", cls="nf-nowrap")
        span.text, span.tail = compound, tail
        spans.append(span)
    return head, spans
