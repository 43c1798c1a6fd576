"""Validator samples, one Nu run and one Ace run over them (browser and JVM: tests/conftest.py).

A validator that is not installed makes its tests fail (never skip) with the
install command: CI installs every tool with ``bash scripts/install-tools.sh``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import require
from newsformats.validators import ValidatorMessage, ace, nu
from validator_samples import DARK_ONLY_CONTRAST_HTML, write_epub, write_pages


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the sample pages and EPUBs of ``validator_samples``."""
    directory = tmp_path_factory.mktemp("validator-samples")
    write_pages(directory)
    (directory / "dark-only.html").write_text(DARK_ONLY_CONTRAST_HTML, encoding="utf-8")
    write_epub(directory / "good.epub", good=True)
    write_epub(directory / "bad.epub", good=False)
    return directory


@pytest.fixture(scope="session")
def nu_messages(sample_dir: Path) -> dict[str, list[ValidatorMessage]]:
    """Nu messages for every sample page, from a single vnu run, keyed by file name."""
    require(nu.ensure_available)
    pages = sorted(sample_dir.glob("*.html")) + sorted(sample_dir.glob("*.xhtml"))
    by_name: dict[str, list[ValidatorMessage]] = {page.name: [] for page in pages}
    for message in nu.check_html(pages):
        by_name[Path(message.file).name].append(message)
    return by_name


@pytest.fixture(scope="session")
def ace_messages(sample_dir: Path) -> dict[str, list[ValidatorMessage]]:
    """Ace messages for the good and the bad EPUB (checked in parallel), keyed by file name."""
    require(ace.ensure_available)
    epubs = [sample_dir / "good.epub", sample_dir / "bad.epub"]
    by_name: dict[str, list[ValidatorMessage]] = {epub.name: [] for epub in epubs}
    for message in ace.check_epubs(epubs):
        by_name[Path(message.file).name].append(message)
    return by_name
