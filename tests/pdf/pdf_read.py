"""Reading PDFs back in tests: the structure tree, marked-content text, fonts, page text."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf
from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

from newsformats.checks.loaders.outputs import UNSPACED
from newsformats.model import Article


@dataclass(frozen=True)
class Rendered:
    """One article's outputs: the PDF (open with pikepdf) and the HTML made in the same run."""

    article: Article
    pdf_path: Path
    html_path: Path | None

    def open(self) -> pikepdf.Pdf:
        return pikepdf.open(self.pdf_path)


def struct_elements(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    """Every structure element reachable from the root, in reading (pre-)order."""

    def visit(node: Any) -> Iterator[pikepdf.Dictionary]:
        if not isinstance(node, pikepdf.Dictionary) or node.get("/Type") in ("/OBJR", "/MCR"):
            return
        yield node
        kids = node.get("/K")
        if kids is None:
            return
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            yield from visit(kid)

    yield from visit(pdf.Root.StructTreeRoot)


def tags(pdf: pikepdf.Pdf) -> list[str]:
    """The structure types in reading order (without the root)."""
    return [str(e.S) for e in struct_elements(pdf) if "/S" in e]


class _MarkedText(PDFTextDevice):  # type: ignore[misc]
    """Collects the text of each marked-content sequence: (page, MCID) or 'artifact'."""

    def __init__(self, manager: PDFResourceManager) -> None:
        super().__init__(manager)
        self.page = 0
        self.stack: list[Any] = []
        self.text: dict[Any, str] = defaultdict(str)

    def begin_tag(self, tag: Any, props: Any = None) -> None:
        mcid = props.get("MCID") if isinstance(props, dict) else None
        name = getattr(tag, "name", str(tag))
        self.stack.append("artifact" if name == "Artifact" else mcid)

    def end_tag(self) -> None:
        if self.stack:
            self.stack.pop()

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate):  # type: ignore[no-untyped-def]
        key = next((m for m in reversed(self.stack) if m is not None), None)
        if key != "artifact" and key is not None:
            key = (self.page, key)
        try:
            char = font.to_unichr(cid)
        except Exception:
            char = ""
        self.text[key] += char
        return font.char_width(cid) * fontsize * scaling


def marked_text(path: Path) -> dict[Any, str]:
    """Text by (page index, MCID); artifacts under 'artifact'; unmarked text under None."""
    manager = PDFResourceManager()
    device = _MarkedText(manager)
    interpreter = PDFPageInterpreter(manager, device)
    with path.open("rb") as handle:
        for index, page in enumerate(PDFPage.get_pages(handle)):
            device.page = index
            interpreter.process_page(page)
    return dict(device.text)


def element_text(pdf: pikepdf.Pdf, element: Any, text: dict[Any, str]) -> str:
    """The text of a structure element, from the marked content it holds (in order)."""
    page_index = {page.objgen: index for index, page in enumerate(pdf.pages)}

    def visit(node: Any, page: Any) -> Iterator[str]:
        if isinstance(node, int):
            yield text.get((page_index[page.objgen], node), "")
            return
        if not isinstance(node, pikepdf.Dictionary):
            return
        if node.get("/Type") == "/MCR":
            yield text.get((page_index[node.Pg.objgen], int(node.MCID)), "")
            return
        if node.get("/Type") == "/OBJR":
            return
        page = node.get("/Pg", page)
        kids = node.get("/K")
        if kids is None:
            return
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            yield from visit(kid, page)

    return "".join(visit(element, element.get("/Pg")))


def squeeze(text: str) -> str:
    """Text without whitespace or format characters (bidi marks, ZWNJ): for exact comparisons."""
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) != "Cf")


UNSPACED_BREAK = re.compile(rf"(?<=[{UNSPACED}])\s+(?=[{UNSPACED}])")


def normalise(text: str) -> str:
    """Whitespace collapsed and Unicode format characters (category Cf) removed.

    Whitespace between two Thai letters (or another script's without spaces between
    words) is left out: a line may end between two words, or where a space was.
    """
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    text = UNSPACED_BREAK.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def pdftotext(path: Path) -> str:
    """The page text as poppler's pdftotext reads it (logical order, also for right-to-left)."""
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def fonts(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every font dictionary used on the pages (descendant fonts for Type0)."""
    found = {}
    for page in pdf.pages:
        for font in page.Resources.get("/Font", {}).values():
            for real in font.get("/DescendantFonts", [font]):
                found[real.objgen] = real
    return list(found.values())


BLOCKS = ("h1", "h2", "h3", "h4", "p", "li", "figcaption")


def text_blocks(article: Article) -> list[str]:
    """The text of every block the page shows (headline, byline, caption, paragraphs…), in order."""
    from newsformats.document import build_document

    root = build_document(article).root
    blocks = []
    for element in root.iter(*BLOCKS):
        if any(inner is not element for inner in element.iter(*BLOCKS)):
            continue
        blocks.append(unicodedata.normalize("NFC", "".join(element.itertext())))
    return blocks


def letters(text: str) -> str:
    """Only the letters, marks and digits of ``text``, in order (NFC)."""
    text = unicodedata.normalize("NFC", text)
    return "".join(c for c in text if unicodedata.category(c)[0] in "LMN")


def words(text: str) -> str:
    """``text`` without punctuation, symbols or format characters, whitespace collapsed (NFC)."""
    text = unicodedata.normalize("NFC", text)
    kept = "".join(" " if unicodedata.category(c)[0] in "PS" else c for c in text)
    return normalise(kept)


def punctuation(text: str) -> list[str]:
    """The punctuation and symbols of ``text``, sorted (a multiset: bidi may move them)."""
    return sorted(c for c in text if unicodedata.category(c)[0] in "PS")


def find_in_order(text: str, parts: list[str]) -> list[str]:
    """The parts not found in ``text`` at or after the end of the previous one."""
    missing, position = [], 0
    for part in parts:
        found = text.find(part, position)
        if found < 0:
            missing.append(part)
        else:
            position = found + len(part)
    return missing


def layout_items(item: Any, kind: type) -> Iterator[Any]:
    """Every pdfminer layout object of ``kind`` (``LTChar``, ``LTTextLine``…) inside ``item``."""
    if isinstance(item, kind):
        yield item
    elif hasattr(item, "__iter__"):
        for child in item:
            yield from layout_items(child, kind)


def pdfminer_text(path: Path, right_to_left: bool) -> str:
    """The page text as pdfminer reads it, line by line, each line in reading order.

    pdfminer gives a line's characters in the order they are drawn; pieces of
    a line (a byline's name) may be drawn in any order, so the pieces are put
    left to right by position, lines top to bottom, and a right-to-left line
    is turned back with :func:`visual_to_logical`. ``/ActualText`` stands for
    its glyphs, as in the checker (shaped Devanagari and Thai lines carry it).
    Pieces of one line in fonts of different depth (a Myanmar dateline beside
    Noto Sans digits) overlap less than pdfminer's default half: 0.3 is asked.
    """
    from pdfminer.layout import LAParams, LTChar, LTTextLine

    from newsformats.checks.loaders.actualtext import extract_pages

    out = []
    for page in extract_pages(str(path), laparams=LAParams(char_margin=50, line_overlap=0.3)):
        for line in sorted(layout_items(page, LTTextLine), key=lambda line: -line.y1):
            pieces: list[list[Any]] = []
            for char in (c for c in line if isinstance(c, LTChar)):
                if pieces and char.x0 >= pieces[-1][-1].x0 - 1:
                    pieces[-1].append(char)
                else:
                    pieces.append([char])
            pieces.sort(key=lambda piece: piece[0].x0)
            text = "".join(char.get_text() for piece in pieces for char in piece)
            out.append(visual_to_logical(text) if right_to_left else text)
    return "\n".join(out)


def visual_to_logical(line: str) -> str:
    """A right-to-left line drawn left to right, in reading order (enough for letter checks).

    Runs of left-to-right characters (Latin letters, digits, and what sits
    between them) keep their order; the line's runs are reversed, and so are
    the characters of every other run.
    """
    runs: list[tuple[bool, str]] = []
    for char in line:
        ltr = unicodedata.bidirectional(char) in ("L", "EN", "AN")
        if runs and runs[-1][0] == ltr:
            runs[-1] = (ltr, runs[-1][1] + char)
        else:
            runs.append((ltr, char))
    return "".join(text if ltr else text[::-1] for ltr, text in reversed(runs))
