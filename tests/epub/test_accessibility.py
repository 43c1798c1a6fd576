"""EPUB Accessibility 1.1 metadata describes each book as it is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import etree

from newsformats import check
from newsformats.epub.accessibility import (
    CONFORMANCE,
    BookSurvey,
    accessibility_metadata,
    self_check,
    survey_document,
)
from newsformats.lang import messages_for

ENGLISH = messages_for("en")


def page(body: str, lang: str = "en") -> etree._Element:
    return etree.fromstring(
        f'<html xmlns="http://www.w3.org/1999/xhtml" lang="{lang}" xml:lang="{lang}">'
        f"<head><title>T</title></head><body>{body}</body></html>"
    )


def survey(*bodies: str) -> BookSurvey:
    documents = tuple(survey_document(f"d{i}.xhtml", page(b)) for i, b in enumerate(bodies))
    return BookSurvey(documents, "Title", "en", toc_entries=1, landmarks=("bodymatter",))


def values(pairs: list[tuple[str, str]], prop: str) -> list[str]:
    return [v for p, v in pairs if p == prop]


def test_a_book_with_a_photo_is_textual_and_visual(files: Any, books: dict[str, Path]) -> None:
    book = books["example"]
    assert files.meta(book, "schema:accessMode") == ["textual", "visual"]
    assert files.meta(book, "schema:accessModeSufficient") == ["textual", "textual,visual"]
    assert "alternativeText" in files.meta(book, "schema:accessibilityFeature")


def test_a_book_without_images_is_only_textual(files: Any, books: dict[str, Path]) -> None:
    for name in ("no-caption", "json", "markdown"):
        assert files.meta(books[name], "schema:accessMode") == ["textual"], name
        assert files.meta(books[name], "schema:accessModeSufficient") == ["textual"], name
        assert "alternativeText" not in files.meta(books[name], "schema:accessibilityFeature")


def test_a_placeholder_picture_is_still_an_image_shown(files: Any, books: dict[str, Path]) -> None:
    # The caption's picture did not arrive: the reader sees a neutral picture and
    # hears its alt text, so the book is visual, with a text alternative.
    assert files.meta(books["persian"], "schema:accessMode") == ["textual", "visual"]
    assert "alternativeText" in files.meta(books["persian"], "schema:accessibilityFeature")


def test_a_title_cover_alone_does_not_make_a_book_visual(
    files: Any, books: dict[str, Path]
) -> None:
    cover = files.entry(books["no-caption"], "EPUB/cover.xhtml")
    (img,) = cover.iterfind(".//x:img", files.NS)
    assert img.get("role") == "doc-cover"
    assert files.meta(books["no-caption"], "schema:accessMode") == ["textual"]


def test_features_hazards_summary_and_conformance_are_declared(
    files: Any, books: dict[str, Path]
) -> None:
    book = books["example"]
    assert files.meta(book, "schema:accessibilityFeature") == [
        "structuralNavigation",
        "tableOfContents",
        "readingOrder",
        "alternativeText",
        "displayTransformability",
    ]
    assert files.meta(book, "schema:accessibilityHazard") == ["none"]
    (summary,) = files.meta(book, "schema:accessibilitySummary")
    assert "Every image has a text alternative." in summary
    assert files.meta(book, "dcterms:conformsTo") == [CONFORMANCE]


def test_the_summary_is_in_the_book_language(files: Any, books: dict[str, Path]) -> None:
    (summary,) = files.meta(books["russian"], "schema:accessibilitySummary")
    assert summary.startswith("В издании есть оглавление")


def test_an_image_without_alt_loses_alternative_text_and_the_claim() -> None:
    book = survey('<h1>A</h1><img src="a.jpg" alt="A cat."/><img src="b.jpg"/>')
    pairs = accessibility_metadata(book, ENGLISH)
    assert values(pairs, "schema:accessMode") == ["textual", "visual"]
    assert values(pairs, "schema:accessModeSufficient") == ["textual,visual"]
    assert "alternativeText" not in values(pairs, "schema:accessibilityFeature")
    assert values(pairs, "dcterms:conformsTo") == []
    assert self_check(book) == ["d0.xhtml: 1 image(s) without alt"]


def test_decorative_images_and_the_cover_alone_do_not_make_a_book_visual() -> None:
    body = '<h1>A</h1><img src="rule.png" alt=""/><img role="doc-cover" src="c.svg" alt="T"/>'
    assert survey(body).images == 0
    pairs = accessibility_metadata(survey(body), ENGLISH)
    assert values(pairs, "schema:accessMode") == ["textual"]
    assert "alternativeText" not in values(pairs, "schema:accessibilityFeature")


def test_every_image_described_gives_alternative_text_and_the_claim() -> None:
    book = survey('<h1>A</h1><h2>B</h2><img src="a.jpg" alt="A cat."/>')
    pairs = accessibility_metadata(book, ENGLISH)
    assert "alternativeText" in values(pairs, "schema:accessibilityFeature")
    assert values(pairs, "dcterms:conformsTo") == [CONFORMANCE]


def test_self_check_finds_skipped_headings_and_missing_language() -> None:
    documents = (
        survey_document("a.xhtml", page("<h1>A</h1><h3>C</h3>")),
        survey_document("b.xhtml", page("<h1>B</h1>", lang="")),
    )
    book = BookSurvey(documents, "Title", "en", toc_entries=2, landmarks=("bodymatter",))
    assert self_check(book) == [
        "a.xhtml: heading level jumps from h1 to h3",
        "b.xhtml: no lang on <html>",
    ]
    assert values(accessibility_metadata(book, ENGLISH), "dcterms:conformsTo") == []


def test_read_along_adds_synchronized_audio_text() -> None:
    book = survey("<h1>A</h1>")
    with_audio = BookSurvey(
        book.documents, "Title", "en", toc_entries=1, landmarks=("bodymatter",), media_overlays=True
    )
    assert "synchronizedAudioText" not in values(
        accessibility_metadata(book, ENGLISH), "schema:accessibilityFeature"
    )
    assert "synchronizedAudioText" in values(
        accessibility_metadata(with_audio, ENGLISH), "schema:accessibilityFeature"
    )


def test_the_project_checks_agree_with_the_metadata(books: dict[str, Path]) -> None:
    # ``newsformats check`` reads the files; it must find no error in any book, and
    # nothing at all where the alt text was written by a person (not derived).
    report = check(list(books.values()), level="AAA")
    assert [f"{f.rule} {f.file}" for f in report.findings if f.severity == "error"] == []
    clean = [books[n] for n in ("example", "markdown", "json", "edition")]
    found = [f"{f.rule} {f.file}" for f in report.findings if Path(f.file) in clean]
    assert found == []
