"""EPUB rules on small EPUBs built in the test, each with one known property."""

from __future__ import annotations

import zipfile
from pathlib import Path

from checks.makers import make_epub
from newsformats import check


def rules(path: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for finding in check([path]).findings:
        found.setdefault(finding.rule, []).append(finding.message)
    return found


def test_epub_without_accessibility_metadata(broken: dict[str, Path]) -> None:
    report = check([broken["epub"]])
    metadata = [f for f in report.findings if f.rule == "epub-a11y-metadata"]
    assert len(metadata) == 3  # accessMode, feature, hazard (errors, as in Ace)
    recommended = [f for f in report.findings if f.rule == "epub-a11y-metadata-recommended"]
    assert [f.severity for f in recommended] == ["warning", "warning"]  # summary, sufficient
    assert metadata[0].references[0].standard == "EPUB Accessibility 1.1"
    assert metadata[0].location.member == "EPUB/package.opf"
    assert {"epub-a11y-conformance", "epub-nav-landmarks"} <= {f.rule for f in report.findings}
    assert report.fails("error")


def test_complete_epub_passes(tmp_path: Path) -> None:
    assert rules(make_epub(tmp_path / "good.epub")) == {}


def test_alternative_text_claimed_without_alt(tmp_path: Path) -> None:
    found = rules(make_epub(tmp_path / "b.epub", alt=False))
    assert "epub-a11y-alternative-text" in found
    assert "html-img-alt" in found  # the HTML rules run on every content document


def test_missing_language(tmp_path: Path) -> None:
    assert "epub-language" in rules(make_epub(tmp_path / "b.epub", language=None))


def test_right_to_left_language_needs_rtl_spine(tmp_path: Path) -> None:
    found = rules(make_epub(tmp_path / "b.epub", language="fa"))
    assert "is right to left" in found["epub-page-direction"][0]


def test_media_overlay_durations_must_add_up(tmp_path: Path) -> None:
    good = make_epub(tmp_path / "good.epub", overlay_durations=("0:00:05.000", "0:00:05.000"))
    assert "epub-media-overlay-duration" not in rules(good)
    bad = make_epub(tmp_path / "bad.epub", overlay_durations=("0:00:04.000", "0:00:09.000"))
    messages = rules(bad)["epub-media-overlay-duration"]
    assert any("clips last 5.000 s" in m for m in messages)
    assert any("total media:duration is 9.000 s" in m for m in messages)


def test_not_a_zip_is_one_finding(tmp_path: Path) -> None:
    path = tmp_path / "fake.epub"
    path.write_bytes(b"this is not a zip")
    report = check([path])
    assert [f.rule for f in report.findings] == ["epub-readable"]


def test_external_entities_are_not_expanded(tmp_path: Path) -> None:
    path = make_epub(tmp_path / "xxe.epub")
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    doctype = f'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
    hostile = tmp_path / "hostile.epub"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(hostile, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "EPUB/package.opf":
                data = data.replace(
                    b'<?xml version="1.0" encoding="UTF-8"?>',
                    doctype.encode(),
                ).replace(b"A small book", b"&x;")
            target.writestr(info, data)
    report = check([hostile])
    assert not any("TOP-SECRET" in f.message for f in report.findings)
    from newsformats.checks.loaders.epub import load_epub

    book = load_epub(hostile)
    assert "TOP-SECRET" not in book.dc["title"][0]
    book.close()
    assert "epub-readable" not in {f.rule for f in report.findings}


def test_ebooklib_default_book(tmp_path: Path) -> None:
    """Another converter's output: ebooklib's defaults carry no accessibility metadata."""
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("urn:uuid:0f0c1a56-0000-4000-8000-000000000000")
    book.set_title("Made by ebooklib")
    book.set_language("en")
    chapter = epub.EpubHtml(title="Story", file_name="story.xhtml", lang="en")
    chapter.content = "<h1>Story</h1><p>Text.</p><img src='photo.png'/>"
    book.add_item(chapter)
    book.toc = [chapter]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", chapter]
    path = tmp_path / "ebooklib.epub"
    epub.write_epub(str(path), book)
    found = rules(path)
    assert len(found["epub-a11y-metadata"]) == 3
    assert len(found["epub-a11y-metadata-recommended"]) == 2
    assert "epub-a11y-conformance" in found
    assert "html-img-alt" in found
