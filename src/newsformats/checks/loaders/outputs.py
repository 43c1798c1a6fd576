"""One article's outputs read together: what each says, for the consistency rules.

The outputs of one article share a stem in one folder (``story.html``,
``story.pdf``, ``story.epub``, ``story.mp3`` with ``story.vtt``). From each,
the same four things are taken: the headline, the language, the alt texts in
order and the words of the text in order. The HTML page is the reference the
others are compared with.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..registry import Target
from . import Unreadable
from .audio import load_audio
from .epub import load_epub
from .html import HtmlPage, lang_of, load_html, text_of
from .pdf import load_pdf

# Left out of the words compared: what each format adds around the article.
CHROME = ("nav", "header", "footer", "aside", "figcaption", "script", "style", "template")
MAX_PDF_PAGES = 500
VARIATION_SELECTOR = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")
# A left-to-right run inside right-to-left text: Latin letters and digits (European or
# Arabic-Indic), with the punctuation that joins them (3.5, 10:30, U.S.).
LTR_RUN = re.compile(
    r"[A-Za-z0-9\u00C0-\u024F\u0400-\u04FF\u0660-\u0669\u06F0-\u06F9]"
    r"(?:[A-Za-z0-9\u00C0-\u024F\u0400-\u04FF\u0660-\u0669\u06F0-\u06F9.,:/-]*"
    r"[A-Za-z0-9\u00C0-\u024F\u0400-\u04FF\u0660-\u0669\u06F0-\u06F9])?"
)

# Scripts written without spaces between words (Thai, Lao, Tibetan, Myanmar, Khmer,
# Chinese, Japanese kana): a PDF's line may end between two words with no space, or where
# a space (between phrases) was, and no extractor can tell which. Their text is compared
# letter by letter (each letter with its marks), so spacing and line breaks do not count.
# Tibetan separates syllables with a tsheg (punctuation), and a line may end after any.
# Han: the unified ideographs, extension A, compatibility ideographs and the supplementary
# planes' extensions; with them CJK punctuation and full-width forms, which a line may end at.
# Korean is written with spaces: its words are kept whole on a line (pdf/page.py).
UNSPACED = (
    "\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u3001-\u303f\u3040-\u30ff"
    "\u3100-\u312f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uffef"
    "\U00020000-\U0003134f"
)
UNSPACED_LETTER = re.compile(f"[{UNSPACED}]")


@dataclass
class Rendition:
    """What one output says about its article."""

    file: str
    kind: str
    headline: str | None = None
    language: str | None = None
    alts: list[str] | None = None
    words: list[str] = field(default_factory=list)
    text: str = ""


@dataclass
class OutputSet:
    """One article's outputs, the HTML page first (the reference) when there is one."""

    file: str
    renditions: list[Rendition]
    problems: list[tuple[str, str]] = field(default_factory=list)


def words_of(text: str) -> list[str]:
    """The words of a text as compared: NFC, case-folded, letters and digits only.

    Punctuation and spacing differ between formats (a PDF's line breaks, a
    transcript's cues, right-to-left punctuation); letters must not.

    >>> words_of("U.S. President — «Hello», 2024!")
    ['us', 'president', 'hello', '2024']
    >>> words_of("won 103–90")
    ['won', '103', '90']

    A variation selector (U+FE0F after a symbol: "⌍️") chooses how a character is
    drawn; a PDF may leave it out with its symbol. Marks count only with a letter.

    >>> words_of("\u230d\ufe0f | Town")
    ['town']
    >>> words_of("ผู้ใหญ่ (3) ใจ\\nดี") == words_of("ผู้ใหญ่ 3 ใจดี")  # Thai: letter by letter
    True
    >>> words_of("館長は話\\nした。") == words_of("館長は話した。")  # Han and kana too
    True
    >>> words_of("དཔེ་མཛོད་\\nགསར་པ།") == words_of("དཔེ་མཛོད་གསར་པ།")  # Tibetan: after a tsheg
    True
    """
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)  # a word hyphenated at a line end
    # A dash between numbers or words ("103–90") may end a PDF's line: it separates words.
    text = re.sub("[\u2012-\u2015]", " ", text)
    words = []
    for token in text.casefold().split():
        kept = "".join(
            c
            for c in token
            if unicodedata.category(c)[0] in ("L", "M", "N") and not VARIATION_SELECTOR.match(c)
        )
        if any(unicodedata.category(c)[0] in ("L", "N") for c in kept):
            words += letters_apart(kept)
    return words


def letters_apart(word: str) -> list[str]:
    """``word`` with each letter of a script written without spaces on its own, with its marks.

    >>> letters_apart("ผู้ใหญ่abc"), letters_apart("abใจ"), letters_apart("word")
    (['ผู้', 'ใ', 'ห', 'ญ่', 'abc'], ['ab', 'ใ', 'จ'], ['word'])
    """
    if not UNSPACED_LETTER.search(word):
        return [word]
    parts: list[str] = []
    for char in word:
        if parts and (
            unicodedata.category(char)[0] == "M"
            or not (UNSPACED_LETTER.match(char) or UNSPACED_LETTER.match(parts[-1][0]))
        ):
            parts[-1] += char
        else:
            parts.append(char)
    return parts


def group(targets: Sequence[tuple[Target, Path]], *, together: bool) -> list[list[Path]]:
    """Outputs that belong to one article: same stem in one folder (or all, if ``together``).

    >>> group([("html", Path("a/s.html")), ("pdf", Path("a/s.pdf")), ("pdf", Path("a/t.pdf"))],
    ...       together=False)
    [[PosixPath('a/s.html'), PosixPath('a/s.pdf')]]
    """
    outputs = [path for kind, path in targets if kind in ("html", "epub", "pdf", "audio")]
    if together:
        return [outputs] if len(outputs) > 1 else []
    by_stem: dict[tuple[Path, str], list[Path]] = {}
    for path in outputs:
        by_stem.setdefault((path.parent, path.stem), []).append(path)
    return [paths for paths in by_stem.values() if len(paths) > 1]


def load_outputs(paths: Sequence[Path]) -> OutputSet:
    """Read what each output says; one that cannot be read is noted, not fatal."""
    renditions: list[Rendition] = []
    problems: list[tuple[str, str]] = []
    order = {".html": 0, ".htm": 0, ".xhtml": 0, ".epub": 1, ".pdf": 2, ".mp3": 3}
    for path in sorted(paths, key=lambda p: order.get(p.suffix.lower(), 9)):
        try:
            renditions.append(_read(path))
        except Unreadable as error:
            problems.append((str(path), str(error)))
        except Exception as error:  # a hostile file is a finding, never a traceback
            problems.append((str(path), f"{type(error).__name__}: {' '.join(str(error).split())}"))
    return OutputSet(renditions[0].file if renditions else str(paths[0]), renditions, problems)


def _read(path: Path) -> Rendition:
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return _from_page(load_html(path), str(path), "HTML")
    if suffix == ".epub":
        book = load_epub(path)
        try:
            pages = [p for p in book.content_pages if p.member not in book.nonlinear]
            if not pages:
                raise Unreadable("the EPUB has no content document")
            parts = [_from_page(page, str(path), "EPUB") for page in pages]
            merged = parts[0]
            for part in parts[1:]:
                merged.alts = [*(merged.alts or []), *(part.alts or [])]
                merged.words += part.words
                merged.text += "\n" + part.text
                merged.headline = merged.headline or part.headline
            languages = book.dc.get("language", [])
            merged.language = merged.language or (languages[0] if languages else None)
            return merged
        finally:
            book.close()
    if suffix == ".pdf":
        return _from_pdf(path)
    return _from_audio(path)


def _from_page(page: HtmlPage, file: str, kind: str) -> Rendition:
    root = page.root
    article = next(root.iter("article"), None)
    if article is None:
        article = next(root.iter("main"), None) or next(root.iter("body"), root)
    headings = list(article.iter("h1")) or list(root.iter("h1"))
    alts = [
        " ".join((img.get("alt") or "").split())
        for img in article.iter("img")
        if (img.get("alt") or "").strip()
    ]
    text = _article_text(article)
    return Rendition(
        file=file,
        kind=kind,
        headline=text_of(headings[0]) if headings else None,
        language=lang_of(root),
        alts=alts,
        words=words_of(text),
        text=text,
    )


def _article_text(article: etree._Element) -> str:
    parts: list[str] = []
    for element in article.iter("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote"):
        if any(a.tag in CHROME for a in element.iterancestors() if isinstance(a.tag, str)):
            continue
        if element.tag in ("li", "blockquote") and any(True for _ in element.iter("p")):
            continue
        parts.append(text_of(element))
    return "\n".join(p for p in parts if p)


def _from_pdf(path: Path) -> Rendition:
    document = load_pdf(path)
    try:
        language = document.catalog.get("/Lang")
        alts = [
            " ".join((e.alt or "").split())
            for e in document.elements
            if e.type == "Figure" and (e.alt or "").strip()
        ]
        headline = None
        pages = len(document.pdf.pages)
    finally:
        document.close()
    if pages > MAX_PDF_PAGES:
        raise Unreadable(
            f"the PDF has {pages} pages; the consistency check reads at most {MAX_PDF_PAGES}"
        )
    text = pdf_text(path)
    return Rendition(
        file=str(path),
        kind="PDF",
        headline=headline,
        language=str(language) if language is not None else None,
        alts=alts,
        words=words_of(text),
        text=text,
    )


def pdf_text(path: Path | str, page: int | None = None) -> str:
    """The page text of a PDF (or of its page ``page``, from 1) as a reader copies it.

    pdfminer extracts it, box after box down the page, honouring ``/ActualText``
    (:mod:`.actualtext`); right-to-left lines are put back in reading order, each line
    whole (see :func:`_visual_lines`).
    """
    from pdfminer.layout import LAParams, LTTextBox, LTTextLine
    from pdfminer.pdfparser import PDFSyntaxError

    from .actualtext import extract_pages

    # Text boxes in the order they stand on the page, top to bottom: pdfminer's guess at
    # columns takes a short right-aligned line (an Arabic section label or subheading)
    # for a column of its own and moves it after the paragraphs.
    layout = LAParams(boxes_flow=None)
    pages: list[str] = []
    try:
        for content in extract_pages(
            path, laparams=layout, page_numbers=None if page is None else [page - 1]
        ):
            lines = [
                _Piece(line.get_text().strip("\n"), line.x0, line.y0, line.height)
                for box in content
                if isinstance(box, LTTextBox)
                for line in box
                if isinstance(line, LTTextLine)
            ]
            pages.append("\n".join(_visual_lines(lines)))
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as error:
        raise Unreadable(f"its text cannot be extracted: {error}") from None
    return "\n".join(pages)


@dataclass(frozen=True)
class _Piece:
    """One line of text as pdfminer groups it, and where it stands."""

    text: str
    x0: float
    y0: float
    height: float


def _right_to_left(text: str) -> bool:
    rtl = sum(unicodedata.bidirectional(c) in ("R", "AL") for c in text)
    return rtl > sum(unicodedata.bidirectional(c) == "L" for c in text)


def _visual_lines(pieces: list[_Piece]) -> list[str]:
    """The lines of a page in reading order, each right-to-left line whole.

    pdfminer groups characters into lines in the order the PDF draws them, and a
    right-to-left line is drawn as several runs (a bracket, a number, a run in another
    font): it may come out as two or three pieces, in boxes of their own that pdfminer
    orders by their bottom edge, then from the left, so that a line's left piece comes
    before the line above it. In a run of right-to-left pieces (with the pieces on their
    baselines), the pieces are put back top to bottom, those of one baseline together
    left to right as the page shows them, and each line is turned into reading order.
    Left-to-right text keeps pdfminer's order (table cells side by side stay apart).

    >>> line = _visual_lines([_Piece("ءاقلب", 300, 10, 12), _Piece("ادغ", 100, 10, 12)])
    >>> line == ["بلقاء غدا"]  # the right piece is read first
    True
    """
    lines: list[str] = []
    run: list[_Piece] = []

    def same_line(one: _Piece, other: _Piece) -> bool:
        return abs(one.y0 - other.y0) <= 0.25 * max(one.height, other.height)

    def flush() -> None:
        rows: list[list[_Piece]] = []
        for piece in sorted(run, key=lambda p: -p.y0):
            if rows and same_line(rows[-1][0], piece):
                rows[-1].append(piece)
            else:
                rows.append([piece])
        for row in rows:
            row.sort(key=lambda p: p.x0)
            lines.append(logical_order(" ".join(p.text.strip() for p in row)))
        run.clear()

    for piece in pieces:
        if _right_to_left(piece.text) or any(same_line(piece, other) for other in run):
            run.append(piece)
            continue
        flush()
        lines.append(logical_order(piece.text))
    flush()
    return lines


def contains(words: list[str], part: list[str]) -> bool:
    """True when ``part`` stands, word for word, somewhere in ``words``.

    >>> contains(["a", "b", "c"], ["b", "c"]), contains(["a", "b", "c"], ["c", "b"])
    (True, False)
    """
    size = len(part)
    return any(words[i : i + size] == part for i in range(len(words) - size + 1))


def logical_order(line: str) -> str:
    """A right-to-left line as extracted in visual order, back in reading order.

    Text extraction (pdfminer) gives a line's characters left to right as they
    stand on the page; for a line whose letters are mostly right to left, that
    is the reverse of the reading order. The line is reversed, then each
    left-to-right run in it (Latin words, digits) is turned back.

    >>> logical_order("ناربهر 2024 رد") == "در 2024 رهبران"
    True
    >>> logical_order("Plain text")
    'Plain text'
    """
    rtl = sum(unicodedata.bidirectional(c) in ("R", "AL") for c in line)
    ltr = sum(unicodedata.bidirectional(c) == "L" for c in line)
    if rtl <= ltr:
        return line
    flipped = line[::-1]
    return LTR_RUN.sub(lambda m: m.group(0)[::-1], flipped)


def _from_audio(path: Path) -> Rendition:
    audio = load_audio(path)
    language = None
    if audio.tags is not None and "TLAN" in audio.tags:
        language = str(audio.tags["TLAN"].text[0]) if audio.tags["TLAN"].text else None
    if audio.cues is None:
        raise Unreadable("no WebVTT transcript beside the MP3")
    text = "\n".join(cue.text for cue in audio.cues)
    return Rendition(
        file=audio.transcript_file or str(path),
        kind="transcript",
        language=language,
        words=words_of(text),
        text=text,
    )
