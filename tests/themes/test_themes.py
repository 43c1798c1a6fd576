"""Publisher themes: applied to HTML, PDF and EPUB, safe, and checked for contrast."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

from helpers import DATA, EXAMPLE_TXT, require, run_cli
from newsformats import ConvertOptions, convert, read
from newsformats.validators import axe, nu

THEMES = DATA / "themes"


@pytest.fixture(scope="module")
def themed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example article with the good theme (HTML, PDF, EPUB) and the poor one (HTML)."""
    out = tmp_path_factory.mktemp("themed")
    article = read(EXAMPLE_TXT)
    good = convert(
        article,
        out / "good",
        ["html", "pdf", "epub"],
        stem="good",
        source_dir=EXAMPLE_TXT.parent,
        options=ConvertOptions(theme=THEMES / "good"),
    )
    convert(
        article,
        out / "poor",
        ["html"],
        stem="poor",
        source_dir=EXAMPLE_TXT.parent,
        options=ConvertOptions(theme=THEMES / "poor"),
    )
    return {
        "good": good.by_format["html"][0],
        "pdf": good.by_format["pdf"][0],
        "epub": good.by_format["epub"][0],
        "poor": out / "poor" / "poor.html",
    }


def test_theme_css_comes_after_the_built_in_css(themed: dict[str, Path]) -> None:
    page = html.fromstring(themed["good"].read_bytes())
    css = page.findtext(".//head/style") or ""
    assert css.index("newsformats screen theme") < css.index("Example Daily: a publisher")


def test_header_footer_and_logo_are_in_the_page_without_scripts(themed: dict[str, Path]) -> None:
    page = html.fromstring(themed["good"].read_bytes())
    banner = page.find(".//body/header")
    assert banner is not None
    logo = banner.find("img")
    assert logo is not None and logo.get("alt") == "Example Daily"
    assert (logo.get("src") or "").startswith("data:image/svg+xml;base64,")
    assert [a.text for a in banner.iter("a")] == ["World", "Politics"]
    footer = page.find(".//body/footer")
    assert footer is not None and "About us" in footer.text_content()
    text = themed["good"].read_text(encoding="utf-8")
    assert "<script>alert" not in text and "onclick" not in text and "color:red" not in text


def test_good_theme_passes_nu_and_axe_light_and_dark(
    themed: dict[str, Path], axe_runner: axe.AxeRunner
) -> None:
    require(nu.ensure_available)
    assert nu.check_html([themed["good"]]) == []
    assert axe_runner.check(themed["good"], color_scheme="light") == []
    assert axe_runner.check(themed["good"], color_scheme="dark") == []


def test_good_theme_outputs_pass_newsformats_check(themed: dict[str, Path]) -> None:
    done = run_cli("check", themed["good"], themed["pdf"], themed["epub"])
    assert done.code == 0, done.stdout


def test_theme_reaches_pdf_and_epub(themed: dict[str, Path]) -> None:
    import zipfile

    with zipfile.ZipFile(themed["epub"]) as book:
        css = next(n for n in book.namelist() if n.endswith(".css"))
        assert "Example Daily: a publisher" in book.read(css).decode("utf-8")
    assert themed["pdf"].read_bytes().startswith(b"%PDF")


def test_poor_contrast_theme_is_flagged_by_check(themed: dict[str, Path]) -> None:
    done = run_cli("check", themed["poor"], "--select", "html-contrast")
    assert done.code == 1
    assert "html-contrast" in done.stdout and "#b8b8b8" in done.stdout


def test_theme_css_that_loads_files_is_refused_in_one_line(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "theme.css").write_text("body {\n background: url(file:///etc/passwd); }\n")
    done = run_cli(
        "convert", EXAMPLE_TXT, "-o", tmp_path / "out", "--to", "html", "--theme", theme, "-q"
    )
    assert done.code == 2
    assert done.stderr.count("\n") == 1
    assert "theme.css:2: url('file:///etc/passwd')" in done.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
