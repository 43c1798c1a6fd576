"""Body blocks and inline marks as HTML elements (no namespace; writers add one if needed)."""

from __future__ import annotations

from lxml import etree

from ..lang import Messages
from ..language import direction_of
from ..model import (
    Abbreviation,
    Block,
    BlockQuote,
    Citation,
    Embed,
    Emphasis,
    Endnotes,
    ForeignSpan,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    NoteReference,
    Paragraph,
    Quotation,
    Strong,
    Subheading,
    Subscript,
    Superscript,
    Table,
    TableCell,
    plain_text,
)
from ..sentences import sentence_id, split_inline


def element(tag: str, *, cls: str | None = None, **attributes: str) -> etree._Element:
    """Make a detached element. ``cls`` is the class; ``aria_label`` becomes ``aria-label``."""
    node = etree.Element(tag)
    _set(node, cls, attributes)
    return node


def sub(
    parent: etree._Element,
    tag: str,
    text: str | None = None,
    *,
    cls: str | None = None,
    **attributes: str,
) -> etree._Element:
    """Append a child element with optional text; lxml escapes everything when writing."""
    node = etree.SubElement(parent, tag)
    _set(node, cls, attributes)
    if text is not None:
        node.text = text
    return node


def _set(node: etree._Element, cls: str | None, attributes: dict[str, str]) -> None:
    if cls:
        node.set("class", cls)
    for name, value in attributes.items():
        node.set(name.replace("_", "-"), value)


def append_block(
    parent: etree._Element, block: Block, messages: Messages, *, spans: bool = False
) -> None:
    """Append one body block (not a figure: the builder places figures).

    With ``spans``, every sentence is wrapped in ``<span id="p3-s2" class="nf-s">``
    (the ids the speech script gives the same sentences).
    """
    block_id = block.id or ""
    owner = block_id if spans else None
    language = messages.language
    if isinstance(block, Paragraph):
        append_text(sub(parent, "p", id=block_id), block.content, owner, language)
    elif isinstance(block, Subheading):
        append_text(sub(parent, f"h{block.level}", id=block_id), block.content, owner, language)
    elif isinstance(block, BlockQuote):
        figure = sub(parent, "figure", id=block_id, cls="nf-quote")
        quote = sub(figure, "blockquote")
        number = 1
        for paragraph in block.paragraphs:
            number = append_text(sub(quote, "p"), paragraph, owner, language, number)
        if block.attribution:
            sub(figure, "figcaption").text = messages("quote_by", name=block.attribution)
    elif isinstance(block, ListBlock):
        _append_list(parent, block, owner, language, 1, block_id)
    elif isinstance(block, Table):
        _append_table(parent, block, owner, language)
    elif isinstance(block, Embed):
        line = sub(parent, "p", id=block_id, cls=f"nf-embed nf-embed-{block.kind}")
        number = append_text(sub(line, "a", href=block.url), [block.title], owner, language)
        if block.provider_note:
            _append_text(line, " ")
            append_text(line, [block.provider_note], owner, language, number)
    elif isinstance(block, Endnotes):
        section = sub(parent, "div", id=block_id, cls="nf-endnotes", role="doc-endnotes")
        notes = sub(section, "ol")
        number = 1
        for index, note in enumerate(block.notes, start=1):
            item = sub(notes, "li", id=f"fn-{index}")
            number = append_text(item, note, owner, language, number)
            _append_text(item, " ")
            # "^" as Wikipedia has it: an arrow is in none of the bundled PDF fonts.
            sub(item, "a", "^", href=f"#fnref-{index}", role="doc-backlink")
    else:  # pragma: no cover - the model admits no other block
        raise TypeError(f"cannot place a {block.type} block here")


def _append_list(
    parent: etree._Element,
    block: ListBlock,
    owner: str | None,
    language: str,
    number: int,
    block_id: str | None = None,
) -> int:
    """A list and the lists nested in its items; sentences are numbered across all of them."""
    items = sub(parent, "ol" if block.ordered else "ul")
    if block_id:
        items.set("id", block_id)
    for item in block.items:
        entry = sub(items, "li")
        number = append_text(entry, item.content, owner, language, number)
        if item.sublist is not None:
            number = _append_list(entry, item.sublist, owner, language, number)
    return number


def _append_table(parent: etree._Element, block: Table, owner: str | None, language: str) -> None:
    """A table with its caption, header rows (``th scope``) and body rows, in reading order."""
    table = sub(parent, "table", id=block.id or "", cls="nf-table")
    number = 1
    if block.caption:
        number = append_text(sub(table, "caption"), block.caption, owner, language, number)
    for group, rows in (("thead", block.head), ("tbody", block.rows)):
        if not rows:
            continue
        section = sub(table, group)
        for row in rows:
            line = sub(section, "tr")
            for cell in row:
                number = append_text(_cell(line, cell), cell.content, owner, language, number)


def _cell(row: etree._Element, cell: TableCell) -> etree._Element:
    # A header cell with no text (the corner above a column of names: AP's agate tables)
    # heads nothing; a screen reader would announce an empty header for every cell under it.
    header = cell.header and bool(plain_text(cell.content).strip())
    node = sub(row, "th" if header else "td")
    if header:
        node.set("scope", cell.scope or "col")
    if cell.colspan > 1:
        node.set("colspan", str(cell.colspan))
    if cell.rowspan > 1:
        node.set("rowspan", str(cell.rowspan))
    return node


def append_text(
    parent: etree._Element,
    content: list[Inline],
    owner: str | None,
    language: str,
    number: int = 1,
) -> int:
    """Append inline content; with an ``owner`` id, one span per sentence from ``number``.

    Returns the number the next sentence of the same owner gets.
    """
    if owner is None:
        append_inline(parent, content)
        return number
    for sentence in split_inline(content, language):
        span = sub(parent, "span", id=sentence_id(owner, number), cls="nf-s")
        append_inline(span, sentence.content)
        _append_text(parent, sentence.trailing)
        number += 1
    return number


def append_inline(parent: etree._Element, content: list[Inline]) -> None:
    """Append text and marks to ``parent``, as text and child elements."""
    for item in content:
        if isinstance(item, str):
            _append_text(parent, item)
            continue
        if isinstance(item, Abbreviation):
            child = sub(parent, "abbr", title=item.expansion)
            child.text = item.text
            continue
        if isinstance(item, LineBreak):
            # A newline after it keeps the lines' words apart in the text of the page
            # (textContent: "information:\nBryan", not "information:Bryan"); a browser
            # shows no space at a line's start.
            sub(parent, "br").tail = "\n"
            continue
        if isinstance(item, NoteReference):
            mark = sub(parent, "sup", cls="nf-noteref")
            number = str(item.number)
            sub(mark, "a", number, href=f"#fn-{number}", id=f"fnref-{number}", role="doc-noteref")
            continue
        if isinstance(item, Citation):
            child = sub(parent, "cite")
        elif isinstance(item, Subscript):
            child = sub(parent, "sub")
        elif isinstance(item, Superscript):
            child = sub(parent, "sup")
        elif isinstance(item, Emphasis):
            child = sub(parent, "em")
        elif isinstance(item, Strong):
            child = sub(parent, "strong")
        elif isinstance(item, Quotation):
            child = sub(parent, "q")
        elif isinstance(item, Link):
            child = sub(parent, "a", href=item.href)
            if item.title:
                child.set("title", item.title)
        elif isinstance(item, ForeignSpan):
            child = sub(parent, "span", lang=item.language)
            child.set("dir", direction_of(item.language))
        append_inline(child, item.children)


def _append_text(parent: etree._Element, text: str) -> None:
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
