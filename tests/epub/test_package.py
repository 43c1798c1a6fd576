"""Package metadata: title, creators, language, dates, identifier, cover, nav, direction."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

import newsformats
from helpers import ARTICLES
from newsformats.epub.book import make_epub
from newsformats.model import Article

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
}


def test_title_language_and_publisher_come_from_the_article(
    files: Any, books: dict[str, Path]
) -> None:
    book = books["example"]
    assert files.dc(book, "title") == [
        "Leaders Of Russia, China-Led Security Blocs Meet To Discuss Afghanistan"
    ]
    assert files.dc(book, "language") == ["en"]
    assert files.dc(book, "publisher") == ["RFE/RL"]
    assert files.dc(book, "date") == ["2021-09-16T07:00:00Z"]


def test_authors_are_the_creators(files: Any, books: dict[str, Path]) -> None:
    assert files.dc(books["markdown"], "creator") == ["Aida Sultanova", "Jonas Berg"]


def test_identifier_is_a_stable_name_based_uuid(files: Any, books: dict[str, Path]) -> None:
    root = files.package(books["example"])
    unique = root.get("unique-identifier")
    (identifier,) = root.iterfind(f"opf:metadata/dc:identifier[@id='{unique}']", NS)
    assert identifier.text is not None and identifier.text.startswith("urn:uuid:")
    assert identifier.text[9:][14] == "5"  # version 5: derived, not random


def test_modified_is_the_latest_article_date_in_utc(files: Any, books: dict[str, Path]) -> None:
    # election-explainer.md: updated 2021-11-28T15:30:00+06:00
    assert files.meta(books["markdown"], "dcterms:modified") == ["2021-11-28T09:30:00Z"]


def test_modified_without_dates_comes_from_source_date_epoch(
    files: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    article = Article(headline="Undated", language="en", body=["Text."])
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    target = tmp_path / "undated.epub"
    target.write_bytes(make_epub([article], [lambda image: None]))
    assert files.meta(target, "dcterms:modified") == ["2023-11-14T22:13:20Z"]
    with zipfile.ZipFile(target) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def test_bad_source_date_epoch_is_a_one_line_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    article = Article(headline="Undated", language="en", body=["Text."])
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(newsformats.UsageError, match="SOURCE_DATE_EPOCH"):
        make_epub([article], [lambda image: None])


def test_the_photo_is_the_cover_with_its_alt_text(files: Any, books: dict[str, Path]) -> None:
    root = files.package(books["example"])
    (cover,) = root.iterfind("opf:manifest/opf:item[@properties='cover-image']", NS)
    assert cover.get("href") == "images/lead-figure.jpg"
    page = files.entry(books["example"], "EPUB/cover.xhtml")
    (img,) = page.iterfind(".//x:img", NS)
    assert img.get("src") == "images/lead-figure.jpg"
    assert img.get("alt", "").startswith("Illustration: eight stylised figures")


def test_without_a_photo_the_cover_is_drawn_from_the_title(
    files: Any, books: dict[str, Path]
) -> None:
    root = files.package(books["no-caption"])
    (cover,) = root.iterfind("opf:manifest/opf:item[@properties='cover-image']", NS)
    assert cover.get("media-type") == "image/svg+xml"
    svg = files.entry(books["no-caption"], "EPUB/" + cover.get("href", ""))
    words = " ".join(t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text"))
    assert "Heavy Snow Closes" in words
    (img,) = files.entry(books["no-caption"], "EPUB/cover.xhtml").iterfind(".//x:img", NS)
    assert img.get("alt", "").startswith("Heavy Snow Closes Mountain Passes")


def test_nav_has_a_toc_and_landmarks(files: Any, books: dict[str, Path]) -> None:
    nav = files.entry(books["markdown"], "EPUB/nav.xhtml")
    toc = [a.get("href") for a in nav.iterfind(".//x:nav[@epub:type='toc']//x:a", NS)]
    assert toc == ["article.xhtml", "article.xhtml#sub1", "article.xhtml#sub2"]
    landmarks = [
        a.get("{http://www.idpf.org/2007/ops}type")
        for a in nav.iterfind(".//x:nav[@epub:type='landmarks']//x:a", NS)
    ]
    assert landmarks == ["cover", "toc", "bodymatter"]


def test_persian_reads_right_to_left(files: Any, books: dict[str, Path]) -> None:
    root = files.package(books["persian"])
    assert root.get("dir") == "rtl"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fa"
    assert root.find("opf:spine", NS).get("page-progression-direction") == "rtl"  # type: ignore[union-attr]
    for name in ("article.xhtml", "nav.xhtml", "cover.xhtml"):
        page = files.entry(books["persian"], f"EPUB/{name}")
        assert (page.get("lang"), page.get("dir")) == ("fa", "rtl")


def test_russian_content_documents_say_their_language(files: Any, books: dict[str, Path]) -> None:
    page = files.entry(books["russian"], "EPUB/article.xhtml")
    assert page.get("lang") == "ru"
    assert page.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"
    assert (
        files.package(books["russian"])
        .find("opf:spine", NS)
        .get(  # type: ignore[union-attr]
            "page-progression-direction"
        )
        == "ltr"
    )


def test_content_is_the_document_tree_with_its_ids(files: Any, books: dict[str, Path]) -> None:
    page = files.entry(books["example"], "EPUB/article.xhtml")
    ids = [e.get("id") for e in page.iter() if e.get("id")]
    assert ids[:4] == ["article", "headline", "lead-figure", "article-body"]
    assert "p1" in ids and "credit-line" in ids
    assert page.find(".//x:main/x:article/x:header/x:h1", NS) is not None


def test_the_writer_writes_only_the_epub(tmp_path: Path) -> None:
    source = ARTICLES["example"]
    result = newsformats.convert(
        newsformats.read(source), tmp_path, ["epub"], source_dir=source.parent
    )
    assert [p.name for p in result.files] == [
        "leaders-of-russia-china-led-security-blocs-meet-to-discuss.epub"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == [p.name for p in result.files]


def test_zip_starts_with_a_stored_mimetype(books: dict[str, Path]) -> None:
    with zipfile.ZipFile(books["example"]) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert archive.read("mimetype") == b"application/epub+zip"


def test_persian_with_a_photo_has_it_as_cover_and_is_visual(
    files: Any, books: dict[str, Path]
) -> None:
    book = books["persian-photo"]
    (cover,) = files.package(book).iterfind("opf:manifest/opf:item[@properties='cover-image']", NS)
    assert cover.get("href") == "images/lead-figure.jpg"
    (img,) = files.entry(book, "EPUB/cover.xhtml").iterfind(".//x:img", NS)
    assert img.get("alt", "").startswith("تصویر")
    assert files.meta(book, "schema:accessMode") == ["textual", "visual"]
    assert files.package(book).get("dir") == "rtl"


def test_body_figures_are_inside_the_book(files: Any, books: dict[str, Path]) -> None:
    book = books["figures"]
    page = files.entry(book, "EPUB/article.xhtml")
    images = [(i.get("src"), i.get("alt"), i.get("class")) for i in page.iterfind(".//x:img", NS)]
    assert images == [
        ("images/fig1.jpg", "Eight figures.", None),
        ("images/fig2.svg", "Photo not available", None),
        ("images/fig3.jpg", "", None),
    ]
    manifest = {
        i.get("href"): i.get("media-type")
        for i in files.package(book).iterfind("opf:manifest/opf:item", NS)
    }
    assert manifest["images/fig1.jpg"] == "image/jpeg"
    assert manifest["images/fig2.svg"] == "image/svg+xml"
    assert files.meta(book, "schema:accessMode") == ["textual", "visual"]
    assert "alternativeText" in files.meta(book, "schema:accessibilityFeature")
