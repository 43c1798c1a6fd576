"""Pages made once per session from the examples and the test articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import convert_articles


@pytest.fixture(scope="session")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every test input converted to HTML once; name → page path."""
    made = convert_articles(tmp_path_factory.mktemp("pages"), ["html"])
    return {name: result.by_format["html"][0] for name, result in made.items()}
