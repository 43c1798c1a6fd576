"""Braille pages: 40 cells by 25 lines, laid out as BANA's *Braille Formats* (2011) says.

- Page: 40 cells, 25 lines (§1.6, the common embosser page); line 25 carries
  only the braille page number, at the right margin (§1.14), with at least three
  blank cells before it.
- Paragraphs: 3-1 format, first line in cell 3, runovers in cell 1 (§1.8).
- List items: 1-3 format (§8).
- Main heading: centred, with at least three blank cells each side, a blank line
  before (not on line 1) and after (§4.3); a heading is never left at the foot
  of a page without text under it (§4.2).
- Subheadings: cell-5 headings, runovers in cell 5, a blank line before, none
  after (§4.4).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from lxml import etree

from ..document import Document, build_document
from ..model import Article
from ..notes import note
from . import louis
from .tables import table_for

CELLS = 40
LINES = 25
TEXT_LINES = LINES - 1  # line 25 is the page-number line
BLANK = "\u2800"
MARGIN = 3  # blank cells each side of a centred heading, and before the page number

# Invisible format characters with no braille counterpart (Persian's zero-width
# non-joiner, joiners, direction marks, soft hyphens): liblouis tables do not define
# them and would write their code.
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"))

Kind = Literal["centered", "cell5", "para", "list"]
HEADINGS: dict[str, Kind] = {"h1": "centered", **{f"h{n}": "cell5" for n in range(2, 7)}}
BLOCKS = {*HEADINGS, "p", "li", "figcaption", "dt", "dd", "tr", "pre", "caption"}


@dataclass(frozen=True)
class Block:
    """One block of the article: its layout kind, its print text and its braille."""

    kind: Kind
    text: str
    braille: str


def article_blocks(document: Document, table: str) -> tuple[list[Block], list[str]]:
    """The article's blocks in reading order, translated; and the languages of passages
    written with the article's table because their own language has none.

    Pictures give their text alternative; a block's own text excludes nested blocks;
    a passage marked with another language (``<span lang="ru">``) uses that
    language's table when there is one.
    """
    blocks = []
    borrowed: list[str] = []
    for element in document.root.iter():
        if not isinstance(element.tag, str):
            continue
        runs: list[tuple[str | None, str]] = []
        if element.tag == "img" and element.get("alt"):
            runs = [(None, str(element.get("alt")))]
        elif element.tag in BLOCKS:
            runs = _own_runs(element, None)
        text = " ".join("".join(t for _, t in runs).split())
        if not text:
            continue
        braille = []
        for language, run in _tidy(runs):
            run_table = table_for(language) if language else table
            if run_table is None:
                borrowed.append(str(language))
                run_table = table
            braille.append(louis.translate(run_table, run.translate(INVISIBLE)))
        kind: Kind = HEADINGS.get(element.tag, "list" if element.tag == "li" else "para")
        blocks.append(Block(kind, text, "".join(braille)))
    return blocks, sorted(set(borrowed))


def _own_runs(element: etree._Element, language: str | None) -> list[tuple[str | None, str]]:
    language = element.get("lang") or language
    runs: list[tuple[str | None, str]] = [(language, element.text or "")]
    for child in element:
        if isinstance(child.tag, str) and child.tag not in BLOCKS:
            runs.extend(_own_runs(child, language))
        else:
            runs.append((language, " "))
        runs.append((language, child.tail or ""))
    return runs


def _tidy(runs: list[tuple[str | None, str]]) -> list[tuple[str | None, str]]:
    """Join runs of one language, collapse white space, drop the ends' spaces."""
    merged: list[tuple[str | None, str]] = []
    for language, text in runs:
        if merged and merged[-1][0] == language:
            merged[-1] = (language, merged[-1][1] + text)
        else:
            merged.append((language, text))
    tidy = []
    for language, text in merged:
        words = text.split()
        if words:
            lead = " " if text[0].isspace() else ""
            tail = " " if text[-1].isspace() else ""
            tidy.append((language, lead + " ".join(words) + tail))
    if tidy:
        tidy[0] = (tidy[0][0], tidy[0][1].lstrip())
        tidy[-1] = (tidy[-1][0], tidy[-1][1].rstrip())
    return tidy


def wrap(braille: str, first: int, runover: int, width: int = CELLS) -> list[str]:
    """Break braille into lines at blank cells: the first line starts after ``first``
    blank cells, the others after ``runover``. A word longer than a line is split.

    >>> wrap("⠁⠀⠃⠀⠉", 2, 0, width=5)
    ['⠀⠀⠁⠀⠃', '⠉']
    """
    words = [w for w in braille.replace(" ", BLANK).split(BLANK) if w]
    lines: list[str] = []
    line = BLANK * first
    has_word = False
    for word in words:
        while True:
            gap = BLANK if has_word else ""
            if len(line) + len(gap) + len(word) <= width:
                line += gap + word
                has_word = True
                break
            if has_word:
                lines.append(line)
                line, has_word = BLANK * runover, False
                continue
            room = width - len(line)  # a word longer than a whole line
            lines.append(line + word[:room])
            word = word[room:]
            line = BLANK * runover
    if has_word:
        lines.append(line)
    return lines


def centered(braille: str) -> list[str]:
    """Lines of a centred heading, each with at least ``MARGIN`` blank cells either side."""
    lines = wrap(braille, 0, 0, CELLS - 2 * MARGIN)
    return [BLANK * ((CELLS - len(line)) // 2) + line for line in lines]


def paginate(blocks: list[Block], page_number: Callable[[int], str]) -> list[list[str]]:
    """Lay ``blocks`` out on pages of ``LINES`` lines of at most ``CELLS`` cells.

    ``page_number(n)`` is the braille of the number ``n`` in the article's code.
    """
    pages: list[list[str]] = []
    current: list[str] = []

    def new_page() -> None:
        nonlocal current
        pages.append(current)
        current = []

    for index, block in enumerate(blocks):
        if block.kind == "centered":
            lines = centered(block.braille)
        elif block.kind == "cell5":
            lines = wrap(block.braille, 4, 4)
        elif block.kind == "list":
            lines = wrap(block.braille, 0, 2)
        else:
            lines = wrap(block.braille, 2, 0)
        heading = block.kind in ("centered", "cell5")
        before = 1 if heading and current else 0
        after = 1 if block.kind == "centered" and index + 1 < len(blocks) else 0
        # A heading keeps its blank line and at least one line of text with it.
        keep = len(lines) + after + (1 if heading and index + 1 < len(blocks) else 0)
        if current and len(current) + before + min(keep, TEXT_LINES) > TEXT_LINES:
            new_page()
            before = 0
        current.extend([""] * before)
        for line in lines:
            if len(current) == TEXT_LINES:
                new_page()
            current.append(line)
        if after and len(current) < TEXT_LINES:
            current.append("")
    if current or not pages:
        pages.append(current)
    finished = []
    for number, lines in enumerate(pages, 1):
        body = [line.rstrip(BLANK) for line in lines] + [""] * (TEXT_LINES - len(lines))
        label = page_number(number)
        body.append(BLANK * (CELLS - len(label)) + label)
        finished.append(body)
    return finished


@dataclass(frozen=True)
class BraillePages:
    """An article in braille: its pages (lines of Unicode braille) and the table used."""

    pages: list[list[str]]
    table: str
    language: str
    borrowed: list[str]


def article_pages(article: Article) -> BraillePages | None:
    """The article laid out in braille pages, or None when its language has no table.

    >>> from newsformats.model import Article
    >>> pages = article_pages(Article(headline="Hi", language="en", body=["The cat."]))
    >>> len(pages.pages[0]), pages.table
    (25, 'en-ueb-g2.ctb')
    """
    table = table_for(article.language)
    if table is None:
        return None
    blocks, borrowed = article_blocks(build_document(article), table)
    pages = paginate(blocks, lambda n: louis.translate(table, str(n)))
    return BraillePages(pages, table, article.language, borrowed)


def say_what_braille_lacks(stem: str, braille: BraillePages) -> None:
    """One warning line naming the passages' languages that had no table of their own."""
    if braille.borrowed:
        note(
            f"{stem}: no braille table for {', '.join(braille.borrowed)}; "
            f"those passages are written with {braille.table}"
        )
