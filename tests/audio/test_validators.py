"""Pages that offer the audio pass Nu and axe-core; the read-along EPUB passes EPUBCheck and Ace."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsformats
from helpers import ARTICLES, convert_articles, require
from newsformats.validators import ValidatorMessage, ace, axe, epubcheck, nu


@pytest.fixture(scope="module")
def pages_with_audio(cache_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every test article as audio + HTML (Russian and Persian spoken offline)."""
    out = tmp_path_factory.mktemp("pages-with-audio")
    options = newsformats.ConvertOptions(cache_dir=cache_dir)
    made = {
        n: r.by_format["html"][0]
        for n, r in convert_articles(out, ["audio", "html"], options).items()
    }
    for page in made.values():
        assert b"<audio" in page.read_bytes()
    return made


@pytest.fixture(scope="module")
def nu_findings(pages_with_audio: dict[str, Path]) -> dict[str, list[ValidatorMessage]]:
    require(nu.ensure_available)
    by_file: dict[str, list[ValidatorMessage]] = {str(p): [] for p in pages_with_audio.values()}
    for message in nu.check_html(list(pages_with_audio.values())):
        by_file[message.file].append(message)
    return {name: by_file[str(path)] for name, path in pages_with_audio.items()}


@pytest.mark.parametrize("name", list(ARTICLES))
def test_page_with_audio_has_no_nu_messages(
    nu_findings: dict[str, list[ValidatorMessage]], name: str
) -> None:
    assert nu_findings[name] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(ARTICLES))
def test_page_with_audio_has_no_axe_violations(
    axe_runner: axe.AxeRunner, pages_with_audio: dict[str, Path], name: str, scheme: str
) -> None:
    assert axe_runner.check(pages_with_audio[name], color_scheme=scheme) == []  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def read_along_books(cache_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Every test article as a read-along EPUB (audio + epub)."""
    out = tmp_path_factory.mktemp("read-along-books")
    options = newsformats.ConvertOptions(cache_dir=cache_dir)
    made = convert_articles(out, ["audio", "epub"], options)
    return [result.by_format["epub"][0] for result in made.values()]


def test_read_along_epubs_have_zero_epubcheck_messages(
    read_along_books: list[Path], epubcheck_runner: epubcheck.EpubCheckRunner
) -> None:
    assert epubcheck_runner.check_many(read_along_books) == []


def test_read_along_epubs_have_zero_ace_violations(read_along_books: list[Path]) -> None:
    require(ace.ensure_available)
    assert ace.check_epubs(read_along_books) == []
