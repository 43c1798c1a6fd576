"""Page text as a reader copies it: pdfminer, honouring ``/ActualText`` on marked content.

A marked-content sequence's ``/ActualText`` replaces the text of its glyphs
(ISO 32000-1 14.9.4): that is how a PDF gives the letters of shaped text whose
glyphs stand in another order or number (Devanagari's ि drawn before its
consonant, Thai's ำ drawn as two glyphs). Poppler, Acrobat and screen readers
honour it; pdfminer reads glyphs only, so the checker would blame a right PDF
for its extractor's reading. Here the first glyph of such a sequence carries
the whole text and the others none.
"""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

from pdfminer.converter import PDFLayoutAnalyzer, PDFPageAggregator, TextConverter
from pdfminer.layout import LAParams, LTChar, LTPage
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.utils import decode_text


class ActualText(PDFLayoutAnalyzer):
    """A pdfminer layout device on which ``/ActualText`` stands for its sequence's glyphs.

    Mixed in before pdfminer's own devices (:class:`ActualTextConverter`,
    :class:`ActualTextAggregator`).
    """

    _spans: list[list[str] | None]
    """Open marked-content sequences: [its text, not yet given] or [] once given; None: no text."""

    def begin_page(self, page: Any, ctm: Any) -> None:
        self._spans = []
        super().begin_page(page, ctm)

    def begin_tag(self, tag: Any, props: Any = None) -> None:
        actual = props.get("ActualText") if isinstance(props, dict) else None
        inside = any(span is not None for span in self._spans)
        if isinstance(actual, bytes) and not inside:
            self._spans.append([decode_text(actual)])
        else:
            self._spans.append(None)

    def end_tag(self) -> None:
        if self._spans:
            self._spans.pop()

    def render_char(self, *args: Any, **kwargs: Any) -> float:
        advance: float = super().render_char(*args, **kwargs)
        span = next((span for span in self._spans if span is not None), None)
        if span is not None:
            char = self.cur_item._objs[-1]
            if isinstance(char, LTChar):
                char._text = span.pop() if span else ""
        return advance


class ActualTextConverter(ActualText, TextConverter):
    """pdfminer's text converter, honouring ``/ActualText``."""


class ActualTextAggregator(ActualText, PDFPageAggregator):
    """pdfminer's page aggregator (the layout of each page), honouring ``/ActualText``."""


def extract_text(path: Path | str, page_numbers: list[int] | None, laparams: LAParams) -> str:
    """:func:`pdfminer.high_level.extract_text`, with ``/ActualText`` honoured."""
    resources = PDFResourceManager()
    with open(path, "rb") as file, StringIO() as output:
        device = ActualTextConverter(resources, output, laparams=laparams)
        interpreter = PDFPageInterpreter(resources, device)
        for page in PDFPage.get_pages(file, page_numbers):
            interpreter.process_page(page)
        device.close()
        return output.getvalue()


def extract_pages(
    path: Path | str, laparams: LAParams, page_numbers: list[int] | None = None
) -> Iterator[LTPage]:
    """:func:`pdfminer.high_level.extract_pages`, with ``/ActualText`` honoured."""
    resources = PDFResourceManager()
    with open(path, "rb") as file:
        device = ActualTextAggregator(resources, laparams=laparams)
        interpreter = PDFPageInterpreter(resources, device)
        for page in PDFPage.get_pages(file, page_numbers):
            interpreter.process_page(page)
            yield device.get_result()
