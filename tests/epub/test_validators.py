"""The public validators find nothing: EPUBCheck (every severity) and Ace by DAISY."""

from __future__ import annotations

from pathlib import Path

import pytest

BOOKS = [
    "example",
    "markdown",
    "json",
    "russian",
    "persian",
    "no-caption",
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
