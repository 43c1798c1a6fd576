"""The page's zones around the text, found by position: the header box between the
headline and the box of the text, the closing sections after it, an appeal box inside it.

Readability keeps the box that holds the headline, the text and what surrounds them (a
site's breadcrumb, its byline and date line, a font-size button, the keywords line, the
"related" and comments sections). Each body block is found again in the page by its
text; the box that holds the text's paragraphs says which lines lie outside it.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from ...notes import note
from ..excerpts import letters_key as _key
from ..html_body import is_control
from ..xmltree import text_of
from .page import HEADER_LINE, HEADING_TAGS, INLINE, SENTENCE_ENDS, block_text, text_upto

PARAGRAPH_TAGS = frozenset({"p", "li", "blockquote", "dd", "td"})
TEXT_KEY = 12  # letters of a paragraph's start sought in the page
APPEAL_CHARS = 2000  # characters of an appeal box (a heading, a few paragraphs, a button)
APPEAL_BLOCKS = 8  # blocks of an appeal box: its heading and paragraphs
BUTTON_WORDS = 5  # words of a button's label ("Support The Guardian")
CLOSERS = "\"'”’」』）)]》】"  # what may follow a sentence's end


def is_text(block: dict[str, Any]) -> bool:
    """A paragraph of the text: longer than a header's line, or ending like a sentence."""
    if block["type"] != "paragraph":
        return False
    text = block_text(block)
    return len(text) > HEADER_LINE or text.rstrip(CLOSERS).endswith(SENTENCE_ENDS)


class PageIndex:
    """The page's elements in document order, and its short lines by their letters."""

    def __init__(self, page: etree._Element) -> None:
        self.order: dict[etree._Element, int] = {}
        self.lines: dict[str, list[etree._Element]] = {}
        for index, node in enumerate(page.iter()):
            if not isinstance(node.tag, str):
                continue
            self.order[node] = index
            shown = text_upto(node, HEADER_LINE * 2)
            key = _key(shown) if shown else ""
            if key:
                self.lines.setdefault(key, []).append(node)
        self.page = page

    def block_of(self, text: str) -> etree._Element | None:
        """The block element whose own text (not a child's) starts a paragraph's text."""
        start = _key(text)[:TEXT_KEY]
        if not start:
            return None
        for node in self.order:
            pieces = [node.text, *(child.tail for child in node)]
            if any(_key(p or "").startswith(start) for p in pieces):
                return _block(node)
        return None

    def text_box(self, texts: list[str]) -> etree._Element | None:
        """The box of the text: the nearest box holding the elements of the paragraphs
        given (two of them), or the box around the one paragraph's element."""
        found = [n for n in map(self.block_of, texts) if n is not None]
        if not found:
            return None
        if len(found) == 1:
            node = found[0]
            parent = node.getparent()
            return parent if node.tag in PARAGRAPH_TAGS and parent is not None else node
        shared = set(found[0].iterancestors()) | {found[0]}
        return next((a for a in [found[1], *found[1].iterancestors()] if a in shared), None)

    def inside(self, block: dict[str, Any], box: etree._Element) -> bool:
        """The block is a line the page shows inside the box."""
        start, end = self.order[box], _last_index(self, box)
        return any(
            start <= self.order[n] <= end for n in self.lines.get(_key(block_text(block)), [])
        )

    def outside(self, block: dict[str, Any], box: etree._Element, after: bool) -> bool:
        """The block is a line the page shows outside the box, before it (or after it)."""
        start, end = self.order[box], _last_index(self, box)
        for node in self.lines.get(_key(block_text(block)), []):
            where = self.order[node]
            if after and where > end:
                return True
            if not after and where < start and box not in set(node.iter()):
                return True
        return False


def _block(node: etree._Element, keep: str = "") -> etree._Element:
    """The element, or the nearest block around it when it is an inline one (other than
    ``keep``)."""
    parent = node.getparent()
    while node.tag in INLINE and node.tag != keep and parent is not None:
        node, parent = parent, parent.getparent()
    return node


def _last_index(index: PageIndex, box: etree._Element) -> int:
    last = box
    for last in box.iter():  # noqa: B007 - the box's last element, in document order
        pass
    return index.order.get(last, index.order[box])


def without_header_box(
    page: etree._Element, body: list[dict[str, Any]], where: str
) -> list[dict[str, Any]]:
    """The body's first short lines (not sentences) that the page shows outside the box of
    the text and before it: the header's box between the headline and the text (The Paper's
    breadcrumb "首页 > 科技湃", its byline and "2020-06-06 10:08 来源：澎湃新闻" line, a
    font-size button "字号"; Huanqiu's time and author spans), which readability kept with
    the text. They say again what the header gives; they leave the body (info note)."""
    texts = [block_text(b) for b in body if is_text(b)][:2]
    start = 0
    while start < len(body) and body[start]["type"] == "paragraph" and not is_text(body[start]):
        start += 1
    if not start or not texts:
        return body
    index = PageIndex(page)
    box = index.text_box(texts)
    if box is None or box.tag in ("body", "html"):
        return body
    count = 0
    while count < start and index.outside(body[count], box, after=False):
        count += 1
    if count < len(body) and not (is_text(body[count]) or index.inside(body[count], box)):
        return body  # what follows them is outside the box too: no header's box above it
    if count:
        note(
            f"{where}: {count} line(s) of the header's box above the text leave the body",
            level="info",
        )
    return body[count:]


def without_closing_sections(
    page: etree._Element, body: list[dict[str, Any]], where: str
) -> list[dict[str, Any]]:
    """The body's last blocks after its last paragraph of text, when the page shows them
    after the box of the text and outside it and they hold a heading with no text under it
    (The Paper's keywords line "关键词 >> …", then "相关推荐" related stories and "评论(15)"
    comments with an avatar, "我要跟帖" and "已输入0字"): the page's closing sections, not
    the text's; they leave the body (info note). Lines inside the text's box stay."""
    last_text = max((i for i, b in enumerate(body) if is_text(b)), default=None)
    if last_text is None or not any(b["type"] == "subheading" for b in body[last_text:]):
        return body
    texts = [block_text(b) for b in body[: last_text + 1] if is_text(b)][-2:]
    index = PageIndex(page)
    box = index.text_box(texts[::-1])
    if box is None or box.tag in ("body", "html"):
        return body
    cut = len(body)
    for position in range(len(body) - 1, last_text, -1):
        block = body[position]
        if block["type"] == "figure":
            continue
        if block["type"] not in ("paragraph", "subheading") or not index.outside(
            block, box, after=True
        ):
            break
        cut = position
    while cut < len(body) and (
        body[cut]["type"] == "figure" or block_text(body[cut]).endswith((":", "："))
    ):
        cut += 1  # a line ending in a colon leads into what the text shows next
    if not any(b["type"] == "subheading" for b in body[cut:]):
        return body
    note(
        f"{where}: {len(body) - cut} block(s) of the page's sections after the text's box "
        "(related stories, comments) leave the body",
        level="info",
    )
    return body[:cut]


def without_appeal_box(
    page: etree._Element, body: list[dict[str, Any]], where: str
) -> list[dict[str, Any]]:
    """The body's last blocks, when the page holds them in a box among the text's
    paragraphs (a sibling of the last one before them) that opens with a heading and ends
    in a button or a link standing alone to another page (the Guardian's contributions
    appeal: "More people … are reading and supporting", three paragraphs asking for money,
    "Support The Guardian"): the site's appeal, not the text; they leave the body (info
    note)."""
    if not any(b["type"] == "subheading" for b in body[-APPEAL_BLOCKS:]):
        return body
    for box in page.iter("div", "section", "aside"):
        shown = text_upto(box, APPEAL_CHARS)
        if not shown or not _ends_in_button(box):
            continue
        heading = next((h for h in box.iter(*HEADING_TAGS) if _key(text_of(h))), None)
        if heading is None or box.find(".//p") is None:
            continue
        whole = _key(shown)
        run = len(body)
        while run > 0 and body[run - 1]["type"] in ("paragraph", "subheading"):
            key = _key(block_text(body[run - 1]))
            if not key or key not in whole:
                break
            run -= 1
        if run == len(body) or _key(text_of(heading)) not in {
            _key(block_text(b)) for b in body[run:]
        }:
            continue
        before = [b for b in body[:run] if is_text(b)]
        if len(before) < 2:
            continue
        index = PageIndex(page)
        last = index.block_of(block_text(before[-1]))
        if last is None or last.getparent() is not box.getparent():
            continue
        note(
            f"{where}: {len(body) - run} block(s) of an appeal box after the text (a heading, "
            "paragraphs and a button) leave the body",
            level="info",
        )
        return body[:run]
    return body


def _ends_in_button(box: etree._Element) -> bool:
    """The box's last element with text is a button, or a link standing alone (not in a
    paragraph or a list) to another page, of a few words."""
    shown = [n for n in box.iter() if isinstance(n.tag, str) and (n.text or "").strip()]
    if not shown:
        return False
    last = _block(shown[-1], keep="a")
    if is_control(last):
        return True
    href = (last.get("href") or "").strip().lower()
    return (
        last.tag == "a"
        and bool(href)
        and not href.startswith(("#", "javascript:", "mailto:"))
        and len(text_of(last).split()) <= BUTTON_WORDS
        and not any(a.tag in PARAGRAPH_TAGS for a in last.iterancestors())
    )
