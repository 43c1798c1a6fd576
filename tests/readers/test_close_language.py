"""One choice among close languages (bs, sr, hr) for every reader, not only plain text."""

from __future__ import annotations

from pathlib import Path

from newsformats.notes import collecting_notes
from newsformats.readers import read

BODY = """
<h1>Novi most preko Dunava biće otvoren u maju</h1>
<p>Gradska uprava saopštila je da će radovi na novom mostu biti završeni do kraja aprila,
a da će saobraćaj biti pušten početkom maja.</p>
<p>Most je dugačak skoro pola kilometra i povezaće dva dela grada koja su do sada bila
odvojena rekom. Građani su tokom godine često pitali kada će gradnja biti gotova.</p>
<p>Prema rečima gradonačelnika, vrednost projekta je oko sto miliona evra, a najveći deo
novca obezbedila je država.</p>
"""


def _page(folder: Path, news: str, share: str) -> Path:
    """A page that names no language, its menu and share link in the given words."""
    page = folder / "page.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Most</title></head><body>'
        f'<nav><a href="/news">{news}</a> <a href="/sport">Sport</a></nav>'
        f'<main><article>{BODY}</article><a href="#share">{share}</a></main></body></html>',
        encoding="utf-8",
    )
    return page


def test_serbian_latin_web_page_with_sr_latn_words_is_serbian(tmp_path: Path) -> None:
    # The identifier reads this text as Bosnian; the page's "Vesti" and "Podeli" are sr-Latn's.
    with collecting_notes() as notes:
        assert read(_page(tmp_path, "Vesti", "Podeli")).language == "sr-Latn"
    assert any("the text reads as 'sr-Latn'" in str(n) for n in notes)


def test_web_page_with_bosnian_words_stays_bosnian(tmp_path: Path) -> None:
    with collecting_notes():
        assert read(_page(tmp_path, "Vijesti", "Podijeli")).language == "bs"
