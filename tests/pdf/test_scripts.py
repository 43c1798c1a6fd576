"""Every script copies out of the PDF exactly, in the fonts newsformats bundles.

The articles (tests/pdf/data) are converted once, in a child process that sees
only DejaVu (as a machine without fonts-noto-core). The page text, read by
pdftotext and by pdfminer, must give every block of the article: its letters in
order, its words with their spaces, and its punctuation (for right-to-left
text as a multiset, since bidi moves neutral punctuation). Format characters
(the Persian zero-width non-joiner) are compared separately: glyphs do not
carry them, the structure tree's /ActualText does.
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pikepdf
import pytest
from pdf_read import (
    find_in_order,
    fonts,
    letters,
    normalise,
    pdfminer_text,
    pdftotext,
    punctuation,
    struct_elements,
    text_blocks,
    words,
)

from conftest import FORMATS, SCRIPT_ARTICLES, hidden_fonts_config
from helpers import ROOT, run_cli
from newsformats import read
from newsformats.model import Article

LANGUAGES = sorted(path.stem for path in SCRIPT_ARTICLES.glob("*.json"))
CASES = [(language, fmt) for language in LANGUAGES for fmt in FORMATS]


def article(language: str) -> Article:
    return read(SCRIPT_ARTICLES / f"{language}.json")


def has_left_to_right(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in ("L", "EN", "AN") for char in text)


def test_every_language_of_the_brief_has_an_article() -> None:
    assert {"en", "ru", "uk", "kk", "fa", "fa-AF", "ps", "ar", "hy", "ka"} <= set(LANGUAGES)
    assert {"hi", "th", "am", "bn", "ta", "pa", "gu", "si", "my"} <= set(LANGUAGES)  # issue 11
    assert {"km", "lo", "te", "kn", "ml", "or", "bo"} <= set(LANGUAGES)


@pytest.mark.parametrize(("language", "fmt"), CASES)
def test_only_bundled_fonts_are_used(
    language: str, fmt: str, script_renders: dict[str, dict[str, Path]]
) -> None:
    """No DejaVu (or any installed font): every font is one of ours, embedded."""
    with pikepdf.open(script_renders[language][fmt]) as pdf:
        names = {str(font.BaseFont).split("+", 1)[1] for font in fonts(pdf)}
        assert all("/FontFile2" in font.FontDescriptor for font in fonts(pdf))
    assert names and all(name.startswith("newsformats-Noto-") for name in names), names


@pytest.mark.parametrize(("language", "fmt"), CASES)
def test_pdftotext_gives_every_block_letter_by_letter(
    language: str, fmt: str, script_renders: dict[str, dict[str, Path]]
) -> None:
    """Letters in order; words with their spaces too, except around a left-to-right run.

    In a right-to-left line poppler moves the space beside a left-to-right run
    (a number, a Latin name) to the run's other side: such blocks are held to
    their letters only.
    """
    source = article(language)
    blocks = text_blocks(source)
    text = pdftotext(script_renders[language][fmt])
    assert find_in_order(letters(text), [letters(block) for block in blocks]) == []
    if source.text_direction == "rtl":
        blocks = [block for block in blocks if not has_left_to_right(block)]
    assert find_in_order(words(text), [words(block) for block in blocks]) == []


@pytest.mark.parametrize(("language", "fmt"), CASES)
def test_pdftotext_gives_the_punctuation(
    language: str, fmt: str, script_renders: dict[str, dict[str, Path]]
) -> None:
    """Left to right: every block exactly; right to left: every mark of punctuation, somewhere."""
    source = article(language)
    blocks = text_blocks(source)
    text = pdftotext(script_renders[language][fmt])
    if source.text_direction == "ltr":
        assert find_in_order(normalise(text), [normalise(block) for block in blocks]) == []
    else:
        found = punctuation(normalise(text))
        for mark in punctuation("".join(blocks)):
            assert mark in found, f"{mark!r} is missing from the page text"
            found.remove(mark)


@pytest.mark.parametrize("language", LANGUAGES)
def test_pdfminer_gives_every_block_letter_by_letter(
    language: str, script_renders: dict[str, dict[str, Path]]
) -> None:
    source = article(language)
    blocks = text_blocks(source)
    text = pdfminer_text(script_renders[language]["pdf"], source.text_direction == "rtl")
    assert find_in_order(letters(text), [letters(block) for block in blocks]) == []


@pytest.mark.parametrize(
    ("language", "fmt"), [(language, fmt) for language in ("fa", "fa-AF", "ps") for fmt in FORMATS]
)
def test_zero_width_non_joiners_copy_out_of_the_page(
    language: str, fmt: str, script_renders: dict[str, dict[str, Path]]
) -> None:
    """Every ZWNJ, in its word: گفت‌وگو, not گفتوگو (compared apart from the letters)."""
    blocks = text_blocks(article(language))
    text = pdftotext(script_renders[language][fmt])
    assert text.count("\u200c") == sum(block.count("\u200c") for block in blocks) > 0
    joined = [word for block in blocks for word in joiner_words(block) if "\u200c" in word]
    assert [word for word in joined if word not in joiner_words(text)] == []


def joiner_words(text: str) -> list[str]:
    """The words of ``text`` with their ZWNJ: punctuation and poppler's bidi marks left out."""
    kept = "".join(
        " " if unicodedata.category(char)[0] in "PS" else char
        for char in text
        if char == "\u200c" or unicodedata.category(char) != "Cf"
    )
    return kept.split()


@pytest.mark.parametrize("language", ["fa", "fa-AF", "ps"])
def test_zero_width_non_joiners_are_in_the_structure_tree(
    language: str, script_renders: dict[str, dict[str, Path]]
) -> None:
    """Glyphs cannot carry the ZWNJ: every word with one is whole in some /ActualText."""
    wanted = {
        word
        for block in text_blocks(article(language))
        for word in block.split()
        if "\u200c" in word
    }
    assert wanted
    with pikepdf.open(script_renders[language]["pdf"]) as pdf:
        actual = " ".join(str(e.ActualText) for e in struct_elements(pdf) if "/ActualText" in e)
    assert [word for word in wanted if word not in actual] == []


def test_a_letter_no_bundled_font_has_stops_with_one_line(tmp_path: Path) -> None:
    source = tmp_path / "mongolian.json"
    source.write_text(
        '{"headline": "Election news", "language": "en", "body": ["She said ᠮᠣᠩᠭᠣᠯ."]}',
        encoding="utf-8",
    )
    done = run_cli("convert", source, "-o", tmp_path / "out", "--to", "pdf")
    assert done.code == 2
    lines = [line for line in done.stderr.splitlines() if "writing" not in line]
    assert len(lines) == 1, done.stderr
    assert (
        "mongolian.json: no bundled PDF font has 'ᠮ' (U+182E MONGOLIAN LETTER MA) in p1" in lines[0]
    )
    assert "Noto Sans Mongolian" in lines[0]
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


NO_FONTS_AT_ALL = """
import sys
from newsformats import read
from newsformats.document import build_document
from newsformats.pdf.page import print_page
from newsformats.pdf.render import RenderLimits, render_pdf
from newsformats.resources import ResourcePolicy
page = print_page(build_document(read(sys.argv[1])))
seconds = float(sys.argv[2]) if sys.argv[2] != "None" else None
sys.stdout.buffer.write(render_pdf(page, ResourcePolicy(), limits=RenderLimits(seconds=seconds)))
"""


@pytest.mark.parametrize("seconds", [None, 120], ids=["this process", "a forked child, warmed up"])
def test_a_machine_without_any_font_gets_the_same_text(
    tmp_path: Path, seconds: float | None
) -> None:
    """A slim container has no font at all: the bundled ones are all the PDF needs.

    With a time limit, the renderer lays out a page before forking (its warm-up):
    in the bundled fonts too.
    """
    config = hidden_fonts_config(tmp_path / "fontconfig", fonts=str(tmp_path / "no-fonts"))
    env = {"PYTHONPATH": str(ROOT / "src"), "FONTCONFIG_FILE": str(config), "PATH": ""}
    done = subprocess.run(
        [sys.executable, "-c", NO_FONTS_AT_ALL, str(SCRIPT_ARTICLES / "ps.json"), str(seconds)],
        env=env,
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    target = tmp_path / "ps.pdf"
    target.write_bytes(done.stdout)
    blocks = text_blocks(article("ps"))
    assert find_in_order(letters(pdftotext(target)), [letters(block) for block in blocks]) == []
