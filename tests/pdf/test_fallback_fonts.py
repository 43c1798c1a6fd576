"""Hebrew has its bundled faces; a stray symbol (∞, ↩, ✓) is set in a symbols fallback."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_read import pdftotext, squeeze

from newsformats import check, convert
from newsformats.errors import UsageError
from newsformats.model import Article
from newsformats.pdf.fonts import families_for

HEBREW = "בית החולים הודיע היום על פתיחת מחלקה חדשה לילדים בעיר."


def _errors(pdf: Path) -> list[str]:
    return [f.rule for f in check([pdf]).findings if f.severity == "error"]


def test_a_hebrew_article_renders_right_to_left_and_checks_clean(tmp_path: Path) -> None:
    """Before: 'no bundled PDF font has ב' and no PDF at all."""
    article = Article(headline="מחלקה חדשה", body=[HEBREW], language="he")
    pdf = convert(article, tmp_path, ["pdf"]).by_format["pdf"][0]
    assert squeeze(HEBREW) in squeeze(pdftotext(pdf))
    assert _errors(pdf) == []
    assert families_for(HEBREW, "serif")[0] == "Noto Serif Hebrew"


def test_stray_symbols_come_from_the_fallback_and_copy_out(tmp_path: Path) -> None:
    """Before: '∞' (U+221E) refused the whole PDF."""
    text = "Time is ∞ for a blog ↩\ufe0e and the tick ✓ marks what was read."
    article = Article(headline="Symbols", body=[text], language="en")
    pdf = convert(article, tmp_path, ["pdf"]).by_format["pdf"][0]
    copied = pdftotext(pdf)
    assert all(char in copied for char in "∞↩✓")
    assert _errors(pdf) == []


def test_a_character_no_bundled_font_has_still_stops_the_pdf(tmp_path: Path) -> None:
    article = Article(headline="Mongolian", body=["ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ"], language="mn")
    with pytest.raises(UsageError, match="no bundled PDF font"):
        convert(article, tmp_path, ["pdf"])


def test_mac_key_symbols_are_set_in_a_symbols_face_and_copy_out(tmp_path: Path) -> None:
    """Sixth run: '⌃' (U+2303, Control on a Mac) refused 4 of a link blog's 12 PDFs."""
    text = "Press ⌃⌥⌘ and ⇧ together, or ⎋ to leave, when the modifier keys are in that order."
    article = Article(headline="Modifier keys", body=[text], language="en")
    pdf = convert(article, tmp_path, ["pdf"]).by_format["pdf"][0]
    copied = pdftotext(pdf)
    assert all(char in copied for char in "⌃⌥⌘⇧⎋")
    assert _errors(pdf) == []
    assert families_for(text, "serif")[-1] == "Noto Sans Symbols"
