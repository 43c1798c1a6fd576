"""Text round trips: the tagged reading order, and pdftotext against the source paragraphs."""

from __future__ import annotations

import pytest
from pdf_read import (
    Rendered,
    element_text,
    find_in_order,
    marked_text,
    normalise,
    pdftotext,
    squeeze,
    struct_elements,
)

from newsformats.document import build_document
from newsformats.model import plain_text


def test_pdftotext_gives_every_body_paragraph_in_order(each_language: Rendered) -> None:
    """Equal after whitespace normalisation; right to left, equal after removing whitespace.

    pdftotext moves the space between a left-to-right phrase and the Persian word
    after it to the phrase's other side, so for right-to-left articles spaces are
    left out of the comparison (every letter still has to be there, in order).
    """
    article = each_language.article
    same = normalise if article.text_direction == "ltr" else squeeze
    text = same(pdftotext(each_language.pdf_path))
    paragraphs = [same(plain_text(p.content)) for p in article.paragraphs]
    assert paragraphs
    assert find_in_order(text, paragraphs) == []


def test_persian_paragraphs_without_mixed_direction_match_with_spaces(
    outputs: dict[str, Rendered],
) -> None:
    article = outputs["persian"].article
    text = normalise(pdftotext(outputs["persian"].pdf_path))
    paragraphs = [
        normalise(plain_text(p.content))
        for p in article.paragraphs
        if all(isinstance(item, str) for item in p.content)
    ]
    assert len(paragraphs) >= 4
    assert find_in_order(text, paragraphs) == []


def test_persian_text_copies_out_in_persian_letters(outputs: dict[str, Rendered]) -> None:
    text = pdftotext(outputs["persian"].pdf_path)
    assert "افغانستان" in text
    assert "گفت" in text and "پناهجو" in text


@pytest.mark.parametrize("name", ["english", "russian"])
def test_tagged_text_is_the_article_in_reading_order(
    name: str, outputs: dict[str, Rendered]
) -> None:
    """What a screen reader gets from the structure tree: the article, all of it, nothing more."""
    rendered = outputs[name]
    pdf = rendered.open()
    text = marked_text(rendered.pdf_path)
    document_element = next(struct_elements(pdf))
    tagged = element_text(pdf, document_element, text)
    source = "".join(build_document(rendered.article).root.itertext())
    assert squeeze(tagged).casefold() == squeeze(source).casefold()
    assert rendered.article.credit_line is not None
    assert squeeze(tagged).endswith(squeeze(rendered.article.credit_line))


def test_long_article_renders_on_more_than_ten_pages(outputs: dict[str, Rendered]) -> None:
    rendered = outputs["long"]
    pdf = rendered.open()
    assert len(pdf.pages) > 10
    text = normalise(pdftotext(rendered.pdf_path))
    paragraphs = [normalise(plain_text(p.content)) for p in rendered.article.paragraphs]
    assert sum(len(p.split()) for p in paragraphs) >= 9_500
    assert find_in_order(text, paragraphs) == []


def test_persian_zero_width_non_joiner_survives_for_screen_readers(
    outputs: dict[str, Rendered],
) -> None:
    """Glyphs lose the ZWNJ of گفت‌وگو; the structure tree gives it back as /ActualText."""
    pdf = outputs["persian"].open()
    actual = [str(e.ActualText) for e in struct_elements(pdf) if "/ActualText" in e]
    assert any("گفت\u200cوگو" in text for text in actual)
