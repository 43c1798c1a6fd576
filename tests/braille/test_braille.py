"""Braille: BRF pages of 40 × 25, page numbers, a text round trip through liblouis, the page."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ARTICLES, EXAMPLES, require
from newsformats import Article, convert, read
from newsformats.braille import louis
from newsformats.braille.brf import BRAILLE_ASCII
from newsformats.braille.layout import (
    BLANK,
    CELLS,
    INVISIBLE,
    LINES,
    article_blocks,
    article_pages,
)
from newsformats.document import build_document
from newsformats.model import as_json
from newsformats.validators import ValidatorMessage, axe, nu

NAMES = ["example", "json", "markdown", "russian", "persian"]
QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
# Characters a braille code writes with the same cells, so back-translation cannot
# tell them apart: both sides are compared with one of each group.
SAME_CELLS = {
    "persian": str.maketrans({"ي": "ی", "ك": "ک", "،": ",", "؟": "?", "«": "?", "؛": ";"}),
}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    out = tmp_path_factory.mktemp("braille")
    made = {}
    for name in NAMES:
        source = ARTICLES[name]
        result = convert(
            read(source), out, ["brf", "braille-html"], stem=name, source_dir=source.parent
        )
        made[name] = {k: v[0] for k, v in result.by_format.items()}
    return made


def brf_pages(path: Path) -> list[list[str]]:
    data = path.read_bytes().decode("ascii")
    assert data.endswith("\r\n\f")
    return [page.split("\r\n")[:-1] for page in data.split("\f")[:-1]]


def unicode_braille(line: str) -> str:
    return "".join(chr(0x2800 + BRAILLE_ASCII.index(c)) for c in line)


@pytest.mark.parametrize("name", NAMES)
def test_brf_pages_are_40_cells_by_25_lines(outputs: dict[str, dict[str, Path]], name: str) -> None:
    pages = brf_pages(outputs[name]["brf"])
    assert pages
    for page in pages:
        assert len(page) == LINES
        assert all(len(line) <= CELLS for line in page)
        assert all(c in BRAILLE_ASCII for line in page for c in line)


@pytest.mark.parametrize("name", ["example", "russian"])
def test_page_numbers_sit_at_the_right_of_line_25_in_order(
    outputs: dict[str, dict[str, Path]], name: str
) -> None:
    table = article_pages(read(ARTICLES[name])).table  # type: ignore[union-attr]
    for number, page in enumerate(brf_pages(outputs[name]["brf"]), 1):
        last = page[-1]
        assert len(last) == CELLS and last.startswith(" " * 3)
        assert louis.back_translate(table, unicode_braille(last.strip())) == str(number)


def _round_trip(name: str) -> tuple[list[str], list[str]]:
    article = read(ARTICLES[name])
    braille = article_pages(article)
    assert braille is not None
    blocks, _ = article_blocks(build_document(article), braille.table)
    same = SAME_CELLS.get(name, {})
    text = " ".join(b.text for b in blocks).translate(INVISIBLE).translate(QUOTES).translate(same)
    cells = BLANK.join(line for page in braille.pages for line in page[:-1] if line)
    back = louis.back_translate(braille.table, cells).translate(QUOTES).translate(same)
    return text.casefold().split(), back.casefold().split()


def test_english_text_round_trips_through_ueb_grade_2() -> None:
    text, back = _round_trip("example")
    assert len(back) == len(text) == 828
    differ = [(t, b) for t, b in zip(text, back, strict=True) if t != b]
    # liblouis reads "U.S." back as "u.so." (the "so" wordsign): 2 of 828 words.
    assert differ == [("u.s.-led", "u.so.-led"), ("u.s.", "u.so.")]


@pytest.mark.parametrize("name", ["russian", "persian"])
def test_russian_and_persian_text_round_trip_exactly(name: str) -> None:
    text, back = _round_trip(name)
    assert back == text


def test_persian_zero_width_non_joiners_leave_no_escapes(
    outputs: dict[str, dict[str, Path]],
) -> None:
    assert "\u200c" in as_json(read(ARTICLES["persian"]))
    assert "'\\X" not in outputs["persian"]["brf"].read_text(encoding="ascii")


def test_a_language_without_a_table_says_so_and_other_formats_are_written(
    tmp_path: Path,
) -> None:
    article = Article(headline="Саламатсызбы", language="ky", body=["Кыргызча текст."])
    result = convert(article, tmp_path, ["html", "brf"], stem="ky")
    assert result.by_format["brf"] == [] and result.by_format["html"][0].is_file()
    assert result.warnings == ["ky: no braille table for language 'ky'; no BRF written"]


@pytest.fixture(scope="module")
def nu_findings(outputs: dict[str, dict[str, Path]]) -> list[ValidatorMessage]:
    require(nu.ensure_available)
    return nu.check_html([files["braille-html"] for files in outputs.values()])


def test_braille_pages_pass_nu(nu_findings: list[ValidatorMessage]) -> None:
    assert nu_findings == []


@pytest.mark.parametrize("name", ["example", "persian"])
def test_braille_page_passes_axe(
    axe_runner: axe.AxeRunner, outputs: dict[str, dict[str, Path]], name: str
) -> None:
    assert axe_runner.check(outputs[name]["braille-html"]) == []


def test_braille_page_shows_the_same_cells_as_the_brf(outputs: dict[str, dict[str, Path]]) -> None:
    from lxml import html

    page = html.fromstring(outputs["example"]["braille-html"].read_bytes())
    shown = [pre.text_content().split("\n") for pre in page.iter("pre")]
    embossed = [[unicode_braille(line) for line in p] for p in brf_pages(outputs["example"]["brf"])]
    assert [[line.rstrip(BLANK) for line in p] for p in shown] == [
        [line.rstrip(BLANK) for line in p] for p in embossed
    ]
    assert page.find(".//pre").get("lang") == "en-Brai"
    assert (EXAMPLES / "csto-sco-afghanistan.txt").is_file()
