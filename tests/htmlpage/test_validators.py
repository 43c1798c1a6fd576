"""Every test page through the public validators: the Nu HTML Checker and axe-core."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ARTICLES, require
from newsformats.validators import ValidatorMessage, axe, nu


@pytest.fixture(scope="module")
def nu_findings(pages: dict[str, Path]) -> dict[str, list[ValidatorMessage]]:
    """One Nu run over every page; page name → its messages."""
    require(nu.ensure_available)
    by_file: dict[str, list[ValidatorMessage]] = {str(p): [] for p in pages.values()}
    for message in nu.check_html(list(pages.values())):
        by_file[message.file].append(message)
    return {name: by_file[str(path)] for name, path in pages.items()}


@pytest.mark.parametrize("name", list(ARTICLES))
def test_nu_checker_finds_nothing(
    nu_findings: dict[str, list[ValidatorMessage]], name: str
) -> None:
    assert nu_findings[name] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(ARTICLES))
def test_axe_finds_no_violations(
    axe_runner: axe.AxeRunner, pages: dict[str, Path], name: str, scheme: str
) -> None:
    assert axe_runner.check(pages[name], color_scheme=scheme) == []  # type: ignore[arg-type]
