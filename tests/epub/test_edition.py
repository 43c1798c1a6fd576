"""Editions: several articles in one EPUB, one chapter each, in order, with a toc."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpers import EXAMPLES, run_cli
from newsformats.edition import convert_edition
from newsformats.errors import UsageError
from newsformats.options import ConvertOptions

EDITION = [
    EXAMPLES / "csto-sco-afghanistan.txt",
    EXAMPLES / "election-explainer.md",
    EXAMPLES / "heatwave-update.json",
]
HEADLINES = [
    "Leaders Of Russia, China-Led Security Blocs Meet To Discuss Afghanistan",
    "How Kyrgyzstan's Snap Election Works",
    "Heat Wave Grips Central Asia As Temperatures Pass 45 Degrees",
]


@pytest.mark.parametrize("flag", ["--edition", "--bundle"])
def test_the_command_makes_one_epub_named_after_the_title(tmp_path: Path, flag: str) -> None:
    done = run_cli("convert", *EDITION, "--to", "epub", flag, "Evening Edition", "-o", tmp_path)
    assert done.code == 0, done.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["evening-edition.epub"]


def test_one_chapter_per_article_in_order(files: Any, books: dict[str, Path]) -> None:
    root = files.package(books["edition"])
    spine = [i.get("idref") for i in root.iterfind("opf:spine/opf:itemref", files.NS)]
    assert spine == ["cover", "nav", "chapter-1", "chapter-2", "chapter-3"]
    titles = [
        files.entry(books["edition"], f"EPUB/article-{n}.xhtml").findtext(".//x:h1", None, files.NS)
        for n in (1, 2, 3)
    ]
    assert titles == HEADLINES


def test_the_toc_lists_every_article_in_order(files: Any, books: dict[str, Path]) -> None:
    nav = files.entry(books["edition"], "EPUB/nav.xhtml")
    top = nav.iterfind(".//x:nav[@epub:type='toc']/x:ol/x:li/x:a", files.NS)
    assert [(a.get("href"), a.text) for a in top] == [
        (f"article-{n}.xhtml", headline) for n, headline in enumerate(HEADLINES, start=1)
    ]


def test_the_edition_has_its_own_title_cover_and_metadata(
    files: Any, books: dict[str, Path]
) -> None:
    book = books["edition"]
    assert files.dc(book, "title") == ["Evening edition"]
    assert files.dc(book, "creator")[:2] == ["Aida Sultanova", "Jonas Berg"]
    (cover,) = files.package(book).iterfind(
        "opf:manifest/opf:item[@properties='cover-image']", files.NS
    )
    assert cover.get("href") == "cover.svg"  # apart from images/, where figures go
    # The example's photo is inside, so the edition is visual.
    assert files.meta(book, "schema:accessMode") == ["textual", "visual"]


def test_a_mixed_edition_keeps_each_article_language_and_direction(
    files: Any, books: dict[str, Path]
) -> None:
    book = books["mixed-edition"]
    assert files.dc(book, "language") == ["ru", "fa", "en"]
    pages = [files.entry(book, f"EPUB/article-{n}.xhtml") for n in (1, 2, 3)]
    assert [(p.get("lang"), p.get("dir")) for p in pages] == [
        ("ru", "ltr"),
        ("fa", "rtl"),
        ("en", "ltr"),
    ]
    nav = files.entry(book, "EPUB/nav.xhtml")
    links = list(nav.iterfind(".//x:nav[@epub:type='toc']/x:ol/x:li/x:a", files.NS))
    assert [(a.get("lang"), a.get("dir")) for a in links] == [
        (None, None),
        ("fa", "rtl"),
        ("en", None),
    ]


def test_an_edition_is_only_epub(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="only as EPUB"):
        convert_edition(
            EDITION, tmp_path, ["html", "epub"], options=ConvertOptions(edition_title="T")
        )


def test_the_command_says_in_one_line_when_an_edition_cannot_be_made(tmp_path: Path) -> None:
    done = run_cli("convert", *EDITION, "--to", "pdf", "--bundle", "Evening", "-o", tmp_path)
    assert done.code == 2
    assert done.stderr.strip().count("\n") == 0
    assert "only as EPUB" in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_image_outside_the_input_folder_stops_the_edition_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (tmp_path / "secret.jpg").write_bytes((EXAMPLES / "csto-sco-afghanistan.jpg").read_bytes())
    story = folder / "story.json"
    story.write_text(
        '{"headline": "H", "language": "en", "body": ["Text."],'
        ' "lead_image": {"src": "../secret.jpg", "alt": "A secret."}}',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    done = run_cli(
        "convert", EDITION[0], story, "--to", "epub", "--bundle", "Evening", "-o", out, "-q"
    )
    assert done.code == 2
    assert done.stderr.startswith(f"newsformats: {story}: '../secret.jpg' is outside")
    assert done.stderr.strip().count("\n") == 0
    assert not out.exists() or list(out.iterdir()) == []
