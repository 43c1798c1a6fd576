"""Pages made once per session from the examples and the test articles."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsformats
from helpers import ARTICLES


@pytest.fixture(scope="session")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every test input converted to HTML once; name → page path."""
    out = tmp_path_factory.mktemp("pages")
    made = {}
    for name, source in ARTICLES.items():
        article = newsformats.read(source)
        result = newsformats.convert(article, out, ["html"], stem=name, source_dir=source.parent)
        made[name] = result.by_format["html"][0]
    return made
