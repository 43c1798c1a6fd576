"""Session-wide fixtures shared by every test folder: one browser, one EPUBCheck JVM.

A validator that is not installed makes its tests fail (never skip) with the
install command: CI installs every tool with ``bash scripts/install-tools.sh``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from helpers import require
from newsformats.validators import axe, epubcheck


@pytest.fixture(scope="session")
def axe_runner() -> Iterator[axe.AxeRunner]:
    """One headless Chromium with axe-core for the whole session."""
    require(axe.ensure_available)
    with axe.AxeRunner() as runner:
        yield runner


@pytest.fixture(scope="session")
def epubcheck_runner() -> Iterator[epubcheck.EpubCheckRunner]:
    """One EPUBCheck JVM for the whole session."""
    require(epubcheck.ensure_available)
    with epubcheck.EpubCheckRunner() as runner:
        yield runner
