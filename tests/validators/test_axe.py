"""The axe-core harness passes a good page (light and dark) and fails broken ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsformats.validators import axe


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_good_page_has_no_violation(
    axe_runner: axe.AxeRunner, sample_dir: Path, scheme: axe.ColorScheme
) -> None:
    assert axe_runner.check(sample_dir / "good.html", color_scheme=scheme) == []


def test_broken_page_gives_the_expected_rules(axe_runner: axe.AxeRunner, sample_dir: Path) -> None:
    messages = axe_runner.check(sample_dir / "bad.html")
    rules = {m.rule for m in messages}
    assert {"html-has-lang", "image-alt", "landmark-one-main"} <= rules, messages
    image = next(m for m in messages if m.rule == "image-alt")
    assert image.location == "img"
    assert image.severity == "error"
    assert image.tool == "axe"
    assert "alternative text" in image.message


def test_dark_scheme_is_really_emulated(axe_runner: axe.AxeRunner, sample_dir: Path) -> None:
    page = sample_dir / "dark-only.html"
    assert axe_runner.check(page, color_scheme="light") == []
    dark = axe_runner.check(page, color_scheme="dark")
    assert "color-contrast" in {m.rule for m in dark}, dark
    assert all("dark colour scheme" in m.message for m in dark)


def test_tags_select_the_rules(axe_runner: axe.AxeRunner, sample_dir: Path) -> None:
    # landmark-one-main is a best-practice rule: without that tag it is not run.
    messages = axe_runner.check(sample_dir / "bad.html", tags=("wcag2a",))
    rules = {m.rule for m in messages}
    assert "image-alt" in rules
    assert "landmark-one-main" not in rules


def test_pages_cannot_reach_the_network(axe_runner: axe.AxeRunner, tmp_path: Path) -> None:
    # A remote script that would remove the page's only problem must never run.
    page = tmp_path / "remote.html"
    page.write_text(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>t</title>"
        "<script src='https://example.org/fix.js'></script></head>"
        "<body><main><h1>t</h1><img src='https://example.org/a.png'></main></body></html>",
        encoding="utf-8",
    )
    assert [m.rule for m in axe_runner.check(page)] == ["image-alt"]


def test_missing_page_is_an_error(axe_runner: axe.AxeRunner, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        axe_runner.check(tmp_path / "nowhere.html")


def test_xhtml_pages_are_checked_too(
    axe_runner: axe.AxeRunner, sample_dir: Path, tmp_path: Path
) -> None:
    assert axe_runner.check(sample_dir / "good.xhtml") == []
    broken = tmp_path / "no-alt.xhtml"
    broken.write_text(
        (sample_dir / "good.xhtml")
        .read_text(encoding="utf-8")
        .replace(' alt="The repaired harbour wall at dawn"', ""),
        encoding="utf-8",
    )
    assert "image-alt" in {m.rule for m in axe_runner.check(broken)}
