"""``--deep``: the public validators' findings merged with ours; missing ones are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsformats import check
from newsformats.checks import CheckReport


@pytest.fixture(scope="module")
def deep_report(broken: dict[str, Path]) -> CheckReport:
    return check([broken["html"], broken["epub"]], deep=True)


def test_validator_findings_are_merged(deep_report: CheckReport) -> None:
    assert deep_report.unavailable == {}, "install with: bash scripts/install-tools.sh"
    tools = {f.tool for f in deep_report.findings}
    assert {"newsformats", "nu", "axe", "epubcheck", "ace"} <= tools
    axe = [f for f in deep_report.findings if f.rule == "axe/html-has-lang"]
    assert axe and axe[0].file.endswith("broken.html")
    assert axe[0].references[0].url.endswith("/html-has-lang")


def test_validator_findings_can_be_ignored(broken: dict[str, Path]) -> None:
    report = check([broken["html"]], deep=True, ignore=["axe", "nu"])
    assert {f.tool for f in report.findings} == {"newsformats"}
    assert report.unavailable == {}


def test_missing_validators_are_named(
    broken: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSFORMATS_TOOLS_DIR", str(tmp_path))  # a folder without the npm tools
    report = check([broken["html"]], deep=True, select=["html-lang", "nu", "axe"])
    assert set(report.unavailable) == {"nu", "axe"}
    assert "install" in report.unavailable["nu"]
    assert [f.rule for f in report.findings] == ["html-lang"]
