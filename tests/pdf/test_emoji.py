"""Emoji in PDFs, set in the system's Noto Color Emoji (issue 11).

Before: no bundled PDF font has 💃, so an article with an emoji was refused
when PDF was asked for, and with it its HTML, EPUB and audio (4 of the 10
entries of natasha.xml). The PDF now takes Noto Color Emoji through
fontconfig (Debian's fonts-noto-color-emoji): WeasyPrint 70 draws its colour
bitmaps as images over an invisible glyph whose ToUnicode gives the emoji
back. Without the font the PDF is refused in one line naming the package.
These tests fail (not skip) without it, except the refusal's, which hides it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf
import pytest
from pdf_read import fonts, layout_items, normalise, pdftotext

from conftest import refusal_without_system_fonts
from helpers import ROOT, run_cli
from newsformats import check
from newsformats.checks.loaders.outputs import pdf_text
from newsformats.errors import UsageError
from newsformats.pdf.fonts import check_coverage, families_for, missing_characters
from newsformats.pdf.systemfonts import EMOJI_FAMILY, system_face

FEED = ROOT / "tests/data/inputs/feeds-sixth/natasha.xml"

# A skin-tone modifier (💃🏻), a ZWJ family (👨‍👩‍👧), a flag, a text heart with VS16.
PARAGRAPHS = [
    "She danced the pass 💃🏻 on the first night, and the hall cheered 🎉.",
    "The family 👨‍👩‍👧 travelled from Lyon 🇫🇷 with a banner ❤️ for the team.",
    "The launch 🚀 slipped to 12 March 2026, which made everyone grimace 😬 at 9:30 (#3, *).",
]
EMOJI = ["💃🏻", "🎉", "👨‍👩‍👧", "🇫🇷", "🚀", "😬"]


def require_emoji_font() -> None:
    """Fail (not skip) without the font, like a missing validator: make setup installs it."""
    if system_face(EMOJI_FAMILY) is None:
        pytest.fail(
            "fonts-noto-color-emoji not installed: apt install fonts-noto-color-emoji",
            pytrace=False,
        )


def write_article(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "emoji.json"
    article = {
        "headline": "Dancers fill the square 💃",
        "authors": ["Ana Example"],
        "published": "2026-12-03T09:00:00+00:00",
        "language": "en",
        "body": PARAGRAPHS,
    }
    source.write_text(json.dumps(article, ensure_ascii=False), encoding="utf-8")
    return source


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_emoji_font()
    base = tmp_path_factory.mktemp("emoji")
    out = base / "out"
    done = run_cli("convert", write_article(base), "-o", out, "--to", "html,pdf,epub")
    assert done.code == 0, done.stderr
    return out


def test_the_emoji_font_joins_only_when_a_character_needs_it() -> None:
    require_emoji_font()
    assert families_for("The pass 💃🏻 and more", "serif", "en") == ["Noto Serif", EMOJI_FAMILY]
    assert EMOJI_FAMILY not in families_for("No emoji here ✓ →", "serif", "en")
    assert missing_characters("".join(EMOJI)) == []


def test_an_emoji_newer_than_the_installed_font_is_refused_as_such() -> None:
    """U+1FAE9 (Unicode 16) is not in Debian 12's font: not "install the package" then."""
    require_emoji_font()
    with pytest.raises(UsageError) as refused:
        check_coverage("Tired \U0001fae9 today")
    assert "U+1FAE9" in str(refused.value)
    assert "a newer Noto Color Emoji" in str(refused.value)
    assert "apt install" not in str(refused.value)


def test_the_emoji_are_in_the_pdf_in_the_emoji_font(converted: Path) -> None:
    with pikepdf.open(converted / "emoji.pdf") as pdf:
        names = {str(font.BaseFont).split("+", 1)[1] for font in fonts(pdf)}
        images = sum(
            xobject.get("/Subtype") == "/Image"
            for page in pdf.pages
            for xobject in page.Resources.get("/XObject", {}).values()
        )
    assert "Noto-Color-Emoji" in names, names
    assert images >= len(EMOJI)  # each emoji's colour bitmap is drawn as an image


def test_digits_spaces_and_asterisks_stay_in_the_text_font(converted: Path) -> None:
    """Pango would take "2026", "#", "*" and the spaces before them from the colour font."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar

    drawn = [
        (char.get_text(), char.fontname)
        for page in extract_pages(str(converted / "emoji.pdf"))
        for char in layout_items(page, LTChar)
    ]
    in_emoji = [text for text, font in drawn if "Emoji" in font]
    assert in_emoji, drawn
    assert [text for text in in_emoji if text.isascii()] == []
    assert "2" in [text for text, _ in drawn]  # the test has digits to look at


@pytest.mark.parametrize("reader", ["pdftotext", "pdfminer"])
def test_the_emoji_copy_out_with_their_sentences(reader: str, converted: Path) -> None:
    path = converted / "emoji.pdf"
    text = normalise(pdftotext(path) if reader == "pdftotext" else pdf_text(path))
    for paragraph in PARAGRAPHS:
        assert normalise(paragraph) in text, (paragraph, text)
    for emoji in EMOJI:
        assert normalise(emoji) in text


def test_the_outputs_check_clean_with_consistency(converted: Path) -> None:
    files = sorted(converted.glob("emoji.*"))
    assert [path.suffix for path in files] == [".epub", ".html", ".pdf"]
    report = check(files, together=True)
    assert [(f.rule, f.message) for f in report.findings if f.severity != "notice"] == []


def test_the_natasha_feed_converts_all_ten_entries(tmp_path: Path) -> None:
    """Was 6 of 10: four entries with 💃 🎉 😬 🚀 were refused for PDF, and lost every format."""
    require_emoji_font()
    out = tmp_path / "out"
    done = run_cli("convert", FEED, "-o", out, "--to", "html,pdf,epub", "-j", "2")
    assert done.code == 0, done.stderr
    assert "converted 10, failed 0" in done.stderr + done.stdout
    assert len(list(out.glob("natasha-*.pdf"))) == 10
    with_emoji = [path for path in out.glob("natasha-*.pdf") if "Emoji" in _font_names(path)]
    assert len(with_emoji) == 4


def _font_names(path: Path) -> str:
    with pikepdf.open(path) as pdf:
        return " ".join(str(font.BaseFont) for font in fonts(pdf))


def test_without_the_emoji_font_the_pdf_is_refused_in_one_line(tmp_path: Path) -> None:
    """fontconfig shows only DejaVu: exit 2, one line naming the emoji and the package."""
    line = refusal_without_system_fonts(tmp_path, write_article(tmp_path / "in"))
    assert "emoji.json: no PDF font has '💃' (U+1F483 DANCER) in " in line
    assert "apt install fonts-noto-color-emoji" in line
