"""The public validators find nothing: EPUBCheck (every severity) and Ace by DAISY."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from helpers import require
from newsformats.validators import nu

BOOKS = [
    "example",
    "markdown",
    "json",
    "russian",
    "persian",
    "persian-photo",
    "no-caption",
    "figures",
    "edition",
    "mixed-edition",
]


@pytest.mark.parametrize("name", BOOKS)
def test_epubcheck_reports_no_message_of_any_severity(
    name: str, books: dict[str, Path], epubcheck_results: dict[Path, list[str]]
) -> None:
    assert epubcheck_results[books[name]] == []


@pytest.mark.parametrize("name", BOOKS)
def test_ace_reports_no_violation(
    name: str, books: dict[str, Path], ace_results: dict[Path, list[str]]
) -> None:
    assert ace_results[books[name]] == []


def test_chapters_are_valid_html_for_the_nu_checker(
    books: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> None:
    # Nu does not know EPUB's epub:type, so only the chapters (which use none) go to it.
    require(nu.ensure_available)
    folder = tmp_path_factory.mktemp("chapters")
    pages = []
    for name, book in books.items():
        with zipfile.ZipFile(book) as archive:
            for entry in archive.namelist():
                if entry.startswith("EPUB/article"):
                    page = folder / f"{name}-{Path(entry).name}"
                    page.write_bytes(archive.read(entry))
                    pages.append(page)
    assert len(pages) == 14
    assert [str(m) for m in nu.check_html(pages)] == []
