"""Chinese, Japanese and Korean PDFs, set in the Noto CJK fonts installed on the system.

Before: "no bundled PDF font has '日'" for every CJK article, so ``--to
html,pdf,epub`` wrote nothing. The fonts are not bundled (fonts-noto-cjk is a
56 MB package); the PDF takes the region's Noto Serif/Sans CJK through
fontconfig, and without them refuses in one line that names the package.
These tests need Debian's fonts-noto-cjk (requirements/debian.txt) and fail without it,
except the refusal's, which hides it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest
from pdf_read import (
    find_in_order,
    fonts,
    letters,
    normalise,
    pdftotext,
    struct_elements,
    text_blocks,
)

from conftest import (
    SCRIPT_ARTICLES,
    consistency_errors_with_changed_pdf,
    refusal_without_system_fonts,
)
from helpers import run_cli
from newsformats import check, read
from newsformats.checks.loaders.outputs import pdf_text
from newsformats.pdf.fonts import families_for
from newsformats.pdf.page import HANGUL
from newsformats.pdf.systemfonts import system_face

CJK_ARTICLES = SCRIPT_ARTICLES / "cjk"
REGIONS = {"ja": "JP", "zh-Hans": "SC", "zh-Hant-TW": "TC", "ko": "KR"}
FORMATS = ("html", "pdf", "epub", "large-print-pdf")


def require_cjk_fonts() -> None:
    """Fail (not skip) without the fonts, like a missing validator: make setup installs them."""
    if system_face("Noto Sans CJK JP") is None:
        pytest.fail("fonts-noto-cjk not installed: apt install fonts-noto-cjk", pytrace=False)


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The four articles converted by the CLI to HTML, PDF, EPUB and large print."""
    require_cjk_fonts()
    out = tmp_path_factory.mktemp("cjk") / "out"
    sources = [CJK_ARTICLES / f"{language}.json" for language in REGIONS]
    done = run_cli("convert", *sources, "-o", out, "--to", ",".join(FORMATS))
    assert done.code == 0, done.stderr
    return out


def pdfs(language: str) -> list[str]:
    return [f"{language}.pdf", f"{language}-large-print.pdf"]


@pytest.mark.parametrize("language", REGIONS)
def test_every_format_is_written_and_checks_clean_with_consistency(
    language: str, converted: Path
) -> None:
    files = sorted(converted.glob(f"{language}[.-]*"))
    files = [path for path in files if path.suffix in (".html", ".pdf", ".epub")]
    assert len(files) == 4, files
    report = check(files, together=True)
    assert [(f.rule, f.message) for f in report.findings if f.severity != "notice"] == []


@pytest.mark.parametrize("language", REGIONS)
def test_the_regions_fonts_are_embedded(language: str, converted: Path) -> None:
    """Japanese in the JP faces, Traditional Chinese (Taiwan) in TC…: subsets, no other font."""
    region = REGIONS[language]
    body = {f"{language}.pdf": "Serif", f"{language}-large-print.pdf": "Sans"}
    for name in pdfs(language):
        with pikepdf.open(converted / name) as pdf:
            used = fonts(pdf)
            names = {str(font.BaseFont).split("+", 1)[1] for font in used}
            assert all("/FontFile3" in font.FontDescriptor for font in used)
        assert names <= {
            f"Noto-Serif-CJK-{region}",
            f"Noto-Sans-CJK-{region}",
            f"Noto-Sans-CJK-{region}-Bold",
        }, names
        assert f"Noto-{body[name]}-CJK-{region}" in names  # the body text (large print: sans)


@pytest.mark.parametrize("language", REGIONS)
@pytest.mark.parametrize("reader", ["pdftotext", "pdfminer"])
def test_every_block_copies_out(language: str, reader: str, converted: Path) -> None:
    """Letters in order, and the text with its spaces (none counted between Han or kana)."""
    blocks = text_blocks(read(CJK_ARTICLES / f"{language}.json"))
    for name in pdfs(language):
        path = converted / name
        text = pdftotext(path) if reader == "pdftotext" else pdf_text(path)
        assert find_in_order(letters(text), [letters(block) for block in blocks]) == []
        assert find_in_order(normalise(text), [normalise(block) for block in blocks]) == []


@pytest.mark.parametrize("language", REGIONS)
def test_a_long_paragraph_wraps_inside_the_page(language: str, converted: Path) -> None:
    """The longest paragraph (no spaces in Chinese, Japanese) takes lines, none past the margin."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar

    long_block = max(text_blocks(read(CJK_ARTICLES / f"{language}.json")), key=len)
    for name in pdfs(language):
        lines = [line for line in pdftotext(converted / name).splitlines() if line.strip()]
        inside = [line for line in lines if letters(line) and letters(line) in letters(long_block)]
        assert len(inside) >= 2, lines
        for page in extract_pages(str(converted / name)):
            right = max(char.x1 for char in _chars(page, LTChar))
            assert right <= page.width - 36, (name, right, page.width)  # inside the margins


def _chars(item: object, kind: type) -> list:  # type: ignore[type-arg]
    if isinstance(item, kind):
        return [item]
    if hasattr(item, "__iter__"):
        return [char for child in item for char in _chars(child, kind)]
    return []


def test_korean_lines_end_between_words(converted: Path) -> None:
    """Korean is written with spaces: a line ends at one, never inside a word ("자\\n연을")."""
    source_words = set(" ".join(text_blocks(read(CJK_ARTICLES / "ko.json"))).split())
    for name in pdfs("ko"):
        text = pdftotext(converted / name)
        hangul = [word for word in text.split() if re.search(f"[{HANGUL}]", word)]
        assert hangul
        # the folio is the pack's "{page}/{pages}쪽", not the article's text
        words = [word for word in hangul if not re.fullmatch(r"\d+/\d+\D+", word)]
        assert [word for word in words if word not in source_words] == []


def test_the_words_kept_whole_add_no_structure(converted: Path) -> None:
    """Each Korean word's ``span.nf-nowrap`` is layout only: it adds no Span holding a Span.

    The Japanese page, without them, has the same wrappers (byline, dateline, caption).
    """
    wrappers = {language: _wrappers(converted / f"{language}.pdf") for language in ("ko", "ja")}
    assert wrappers["ko"] == wrappers["ja"] < 10


def _wrappers(path: Path) -> int:
    """How many Span elements hold only structure elements."""
    with pikepdf.open(path) as pdf:
        spans = [e for e in struct_elements(pdf) if e.get("/S") == "/Span"]
        return sum(
            all(isinstance(kid, pikepdf.Dictionary) and "/S" in kid for kid in _kids(span))
            for span in spans
        )


def _kids(element: pikepdf.Dictionary) -> list[object]:
    kids = element.get("/K")
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def test_the_consistency_rule_does_compare_chinese(converted: Path, tmp_path: Path) -> None:
    """The control: a Chinese page whose PDF lost one character is caught."""
    source, html = CJK_ARTICLES / "zh-Hans.json", converted / "zh-Hans.html"
    errors = consistency_errors_with_changed_pdf(html, source, "旧校舍", "旧舍", tmp_path)
    assert "consistency-text" in errors


def test_a_chinese_word_in_an_english_article_takes_the_cjk_face() -> None:
    require_cjk_fonts()
    assert families_for("Talks in Beijing (北京) went on", "serif", "en")[-1] == "Noto Serif CJK SC"
    assert families_for("東京で", "sans", "ja")[0] == "Noto Sans CJK JP"


def test_without_the_cjk_fonts_the_pdf_is_refused_in_one_line(tmp_path: Path) -> None:
    """fontconfig shows only DejaVu (no fonts-noto-cjk): exit 2, one line naming the package."""
    line = refusal_without_system_fonts(tmp_path, CJK_ARTICLES / "ja.json")
    assert "ja.json: no PDF font has '市' (U+5E02 CJK UNIFIED IDEOGRAPH-5E02) in " in line
    assert "Noto Serif CJK JP and Noto Sans CJK JP" in line
    assert "apt install fonts-noto-cjk" in line
