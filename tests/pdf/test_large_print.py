"""Large print (``--to large-print-pdf``): every text 18 pt or more, sans serif, 1.5 lines, tagged.

The PDF/UA checks of test_pdfua.py and test_structure.py run on large print
too (``each_language`` includes the English example and the Persian article as
large print); the round trips per script are in test_scripts.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from pdf_read import Rendered, fonts, layout_items, tags
from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTTextLine

from conftest import SCRIPT_ARTICLES
from helpers import run_cli

LANGUAGES = sorted(path.stem for path in SCRIPT_ARTICLES.glob("*.json"))
LARGE = ["large-print-english", "large-print-persian"]


def chars(path: Path) -> Iterator[LTChar]:
    for page in extract_pages(str(path)):
        yield from layout_items(page, LTChar)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_run_is_at_least_18_points(
    language: str, script_renders: dict[str, dict[str, Path]]
) -> None:
    """Folio included (there is no running header); nothing is exempt."""
    sizes = {round(char.size, 2) for char in chars(script_renders[language]["large-print-pdf"])}
    assert sizes and min(sizes) >= 18, sorted(sizes)


@pytest.mark.parametrize("name", LARGE)
def test_example_text_is_at_least_18_points_headline_larger(
    name: str, outputs: dict[str, Rendered]
) -> None:
    sizes = [round(char.size, 2) for char in chars(outputs[name].pdf_path)]
    assert min(sizes) >= 18
    assert max(sizes) >= 28  # the headline


@pytest.mark.parametrize("name", LARGE)
def test_text_is_sans_serif(name: str, outputs: dict[str, Rendered]) -> None:
    """Noto Sans (and its Armenian, Georgian faces); Noto Naskh for Arabic script (docs/pdf.md)."""
    with outputs[name].open() as pdf:
        names = {str(font.BaseFont) for font in fonts(pdf)}
    assert names
    assert all("Noto-Sans" in name or "Naskh" in name for name in names), names


def test_body_lines_are_one_and_a_half_apart(outputs: dict[str, Rendered]) -> None:
    """18 pt lines on baselines 27 pt apart: the usual gap, and never less."""
    gaps: list[float] = []
    for page in extract_pages(str(outputs["large-print-english"].pdf_path), laparams=LAParams()):
        lines = [
            line
            for line in layout_items(page, LTTextLine)
            if {round(c.size) for c in line if isinstance(c, LTChar)} == {18}
        ]
        baselines = sorted({round(line.y0, 1) for line in lines}, reverse=True)
        gaps += [round(a - b, 1) for a, b in pairwise(baselines)]
    assert gaps
    assert Counter(gaps).most_common(1)[0][0] == pytest.approx(27, abs=0.5)
    assert min(gaps) >= 26.5


@pytest.mark.parametrize("name", LARGE)
def test_large_print_is_tagged_with_language_and_title(
    name: str, outputs: dict[str, Rendered]
) -> None:
    rendered = outputs[name]
    with rendered.open() as pdf:
        assert "/StructTreeRoot" in pdf.Root
        assert bool(pdf.Root.MarkInfo.Marked)
        assert str(pdf.Root.Lang) == rendered.article.language
        assert str(pdf.docinfo.Title) == rendered.article.headline
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
        assert "/Outlines" in pdf.Root
        assert "/H1" in tags(pdf)


def test_large_print_from_the_command_line_sits_beside_the_pdf(tmp_path: Path) -> None:
    source = SCRIPT_ARTICLES / "hy.json"
    done = run_cli("convert", source, "-o", tmp_path, "--to", "pdf,large-print-pdf")
    assert done.code == 0, done.stderr
    written = sorted(path.name for path in tmp_path.iterdir() if not path.name.startswith("."))
    assert written == ["hy-large-print.pdf", "hy.pdf"]  # beside the batch's hidden state file
    assert min(round(char.size, 2) for char in chars(tmp_path / "hy.pdf")) < 18
    assert min(round(char.size, 2) for char in chars(tmp_path / "hy-large-print.pdf")) >= 18
