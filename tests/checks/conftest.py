"""Fixtures for the checks: the project's own outputs (made once) and broken files."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import newsformats
from checks.makers import BROKEN_HTML, GOOD_HTML, make_bare_pdf, make_epub, make_mp3, write_text
from helpers import EXAMPLES
from newsformats.options import DEFAULT_FORMATS

EXAMPLE_INPUTS = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md", ".json"))


def written_formats() -> list[str]:
    """The output formats whose writers exist in this checkout."""
    return [f for f in DEFAULT_FORMATS if importlib.util.find_spec(f"newsformats.writers.{f}")]


@pytest.fixture(scope="session")
def project_outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every example converted to every format the project writes, once per session."""
    out = tmp_path_factory.mktemp("out")
    for source in EXAMPLE_INPUTS:
        article = newsformats.read(source)
        newsformats.convert(
            article, out, written_formats(), stem=source.stem, source_dir=source.parent
        )
    return out


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One file per kind with known problems, and one good page."""
    folder = tmp_path_factory.mktemp("broken")
    return {
        "html": write_text(folder / "broken.html", BROKEN_HTML),
        "good-html": write_text(folder / "good.html", GOOD_HTML),
        "epub": make_epub(folder / "no-a11y.epub", accessibility=False, landmarks=False),
        "pdf": make_bare_pdf(folder / "untagged.pdf"),
        "mp3": make_mp3(folder / "untagged.mp3"),
    }
