"""The article's text: readability-lxml's extraction, checked against the text under the
headline, with the pictures it drops put back.
"""

from __future__ import annotations

import copy
import itertools
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from ...notes import note
from ..excerpts import letters_key as _key
from ..html_body import (
    BodyOptions,
    html_to_blocks,
    inline_text,
    parse_html_fragment,
)
from ..source import Source
from ..xmltree import text_of
from .page import (
    SENTENCE_ENDS,
    SHORT_BODY,
    SPACES,
    elements_after,
    hidden_within,
    outside_article,
    text_upto,
)

PICTURE_BOX_LEVELS = 3  # boxes around a text looked at for the picture it captions
# Elements named for a caption ("imageCaption", "wp-caption-text", "caption"), in C.
CAPTION_XPATH = (
    "//*[contains(translate(@class, 'CAPTION', 'caption'), 'caption') and not(self::figcaption)]"
)
NEAR_TEXT_LOOKAHEAD = 400  # elements after the headline where its text is sought
LINKED_TEXT = 0.5  # share of a paragraph's text in links that makes it a link list
BOLD_HEADING_CHARS = 80  # a line all in bold between paragraphs, at most this long, heads them
BOLD_HEADING_WORDS = 10
BOLD_HEADING_TEXT = 100  # ... when the paragraphs around it are text, each this long or more


# The inline elements readability-lxml gathers into a paragraph of a box's loose text,
# and the elements that keep one from being gathered.
GATHERED_INLINE = frozenset(
    {"a", "b", "cite", "code", "em", "font", "i", "small", "span", "strong", "sub", "sup", "u"}
)
RUN_CHARS = 20  # characters of a run's text before the element: a sentence's, not a menu's
NOT_GATHERED = ".//div|.//p|.//img|.//table|.//ul|.//ol|.//dl|.//pre|.//blockquote"


def with_whole_runs(page: etree._Element) -> str | None:
    """The page's markup with each run of loose text that starts after a line break (or a
    box) and goes on into an underline, a link or a bold part held in one paragraph, or
    None when the page has no such run.

    The Paper writes its text as runs between ``<br>`` in one ``div``: "…的3倍，<u>提示…
    隔离</u>。<br>". readability-lxml makes the text after the break a paragraph and the
    underline and what follows another: one sentence in two paragraphs. Held in a ``p``
    before readability reads the page, the run stays whole. Only a run of a sentence's
    length that does not end one before the element (not a menu's "Tel.<br>Mail: <a>")."""
    if not any(_run_split(child) for div in page.iter("div") for child in div):
        return None
    mended = copy.deepcopy(page)
    for div in list(mended.iter("div")):
        for child in list(div):
            if not _run_split(child):
                continue
            run = etree.Element("p")
            run.text, child.tail = child.tail, None
            child.addnext(run)
            part = run.getnext()
            while part is not None and _gathered(part):
                following = part.getnext()
                run.append(part)
                part = following
    return str(lxml_html.tostring(mended, encoding="unicode"))


def _run_split(child: etree._Element) -> bool:
    """A line break or a box whose loose text after it goes on into an inline element."""
    following = child.getnext()
    run = (child.tail or "").strip()
    return (
        isinstance(child.tag, str)
        and child.tag not in GATHERED_INLINE
        and len(run) >= RUN_CHARS
        and not run.endswith(SENTENCE_ENDS)  # the sentence goes on into the element
        and following is not None
        and _gathered(following)
    )


def _gathered(node: etree._Element) -> bool:
    return node.tag in GATHERED_INLINE and not node.xpath(NOT_GATHERED)


def main_content(source: Source, text: str) -> etree._Element:
    """The article body found by readability-lxml: a fragment of the page's own markup."""
    from readability import Document

    try:
        summary = Document(text).summary(html_partial=True)
    except Exception as error:  # readability raises its own Unparseable and lxml errors
        raise source.error(f"no article body found in the page ({error})") from None
    return parse_html_fragment(summary)


def with_dropped_pictures(page: etree._Element, found: etree._Element) -> etree._Element:
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
        if box.tag in ("article", "main", "body") or text_upto(box, 2 * length) is None:
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


def text_length(blocks: list[dict[str, Any]]) -> int:
    return sum(len(inline_text(b.get("content") or [])) for b in blocks if b["type"] == "paragraph")


def fallback_body(
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
    if text_length(blocks) <= text_length(found):
        return found
    note(f"{where}: no article body was found by its shape; the page's <{best.tag}> is read")
    return blocks


def text_below_headline(
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
    if not shown or shown & set(mine) or sum(map(len, mine)) <= text_length(found):
        return found
    if not any(SPACES.sub(" ", text_of(n)).strip() in shown for n in elements_after(near)):
        return found  # readability's text is not below it on the page
    blocks = html_to_blocks(copy.deepcopy(near), options)
    if text_length(blocks) <= text_length(found):
        return found
    note(
        f"{where}: the body found by its shape lies below a longer text that follows"
        f" the headline (the page's footer?); the text under the headline is read instead"
    )
    return blocks


def _paragraph_box_below(heading: etree._Element) -> etree._Element | None:
    """The first element after the headline whose own paragraphs (two or more, mostly not
    links) hold an article's worth of text."""
    for node in itertools.islice(elements_after(heading), NEAR_TEXT_LOOKAHEAD):
        if not isinstance(node.tag, str) or outside_article(node):
            continue
        texts = [
            text_of(p)
            for p in node
            if p.tag == "p" and _link_share(p) < LINKED_TEXT and not hidden_within(p)
        ]
        if len(texts) >= 2 and sum(len(t.strip()) for t in texts) >= SHORT_BODY:
            return node
    return None


def _link_share(node: etree._Element) -> float:
    """How much of an element's text its links hold."""
    text = len(text_of(node).strip()) or 1
    return sum(len(text_of(a).strip()) for a in node.iter("a")) / text


def bold_subheadings(blocks: list[dict[str, Any]], where: str) -> list[dict[str, Any]]:
    """A short line all in bold (in italics too, or not) between two paragraphs of text, that
    does not end like a sentence or a label (a full stop, a question, a colon), is the
    subheading of what follows: a page that marks its subheadings so, not as headings (To
    Vima's "<div><strong>Θεραπεία με λέιζερ</strong></div>")."""
    found = 0
    for index in range(1, len(blocks) - 1):
        block = blocks[index]
        if block["type"] != "paragraph" or not _all_bold(block.get("content") or []):
            continue
        text = " ".join(inline_text(block.get("content") or []).split())
        if (
            not text
            or len(text) > BOLD_HEADING_CHARS
            or len(text.split()) > BOLD_HEADING_WORDS
            or text.endswith((*SENTENCE_ENDS, ":", "：", ";", ",", "…"))
        ):
            continue
        if not all(_long_text(blocks[i]) for i in (index - 1, index + 1)):
            continue
        blocks[index] = {"type": "subheading", "level": 3, "content": [text]}
        found += 1
    if found:
        note(
            f"{where}: {found} short line(s) all in bold between paragraphs head the text "
            "after them; they are subheadings",
            level="info",
        )
    return blocks


def _all_bold(content: list[Any]) -> bool:
    """Is a paragraph's every letter inside bold (``strong``/``b``, perhaps within italics),
    with nothing else but spaces and line breaks?"""
    bold = False
    for part in content:
        if isinstance(part, str):
            if part.strip():
                return False
            continue
        kind = part.get("type")
        if kind == "strong":
            bold = bold or bool(inline_text(part.get("children") or []).strip())
        elif kind == "emphasis":
            if not _all_bold(part.get("children") or []):
                return False
            bold = True
        elif kind != "line-break":
            return False
    return bold


def _long_text(block: dict[str, Any]) -> bool:
    return (
        block["type"] == "paragraph"
        and len(inline_text(block.get("content") or [])) >= BOLD_HEADING_TEXT
    )
