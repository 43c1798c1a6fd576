"""Saved web pages of the ninth acceptance run's shapes (docs/inputs.md, "Ninth run: dates,
bylines and body ends fixed"): small hand-made pages, one shape each."""

from __future__ import annotations

from pathlib import Path

from newsformats.model import Article
from newsformats.notes import Note, collecting_notes
from newsformats.readers import read_all

STORY = "".join(
    f"<p>Paragraph {n} of the story: the protesters meet every Sunday in the park and walk "
    "to the station, the organisers said on Saturday evening.</p>"
    for n in range(1, 7)
)


def _read(tmp_path: Path, head: str, body: str) -> tuple[Article, list[Note]]:
    page = tmp_path / "page.html"
    page.write_text(f"<html lang='de'><head>{head}</head><body>{body}</body></html>", "utf-8")
    with collecting_notes() as notes:
        (article,) = read_all(page)
    return article, notes


def test_summary_ending_in_a_byline_in_capitals_and_a_lower_case_meta_author(
    tmp_path: Path,
) -> None:
    """taz's shape: ``<meta name=author>`` is the paper's name and tagline in lower case;
    the byline "VON GEORG BLUME" ends the summary under the headline."""
    head = "<title>Keine Angst</title><meta name='author' content='zeitung, die tageszeitung'>"
    body = (
        "<article><h1>Keine Angst</h1><p class='intro'>Jeden Sonntag treffen sich die "
        "Gegner im Park. Sie blicken neidisch nach Europa. <span class='author'>VON ANNA "
        f"KERN</span></p>{STORY}</article>"
    )
    article, _ = _read(tmp_path, head, body)
    assert [a.name for a in article.authors] == ["ANNA KERN"]
    assert article.standfirst == (
        "Jeden Sonntag treffen sich die Gegner im Park. Sie blicken neidisch nach Europa."
    )


def test_date_alone_in_the_bar_above_the_headline(tmp_path: Path) -> None:
    """taz's shape: the article's top bar shows its day alone ("10.04.2011") beside the
    comment count, above the kicker and the headline; the page's metadata gives none."""
    body = (
        "<div class='sect'><div class='bar'><ul><li><span>10.04.2011</span></li>"
        "<li> | <a href='#c'><span>10 Kommentare</span></a></li></ul></div>"
        f"<div class='sectbody'><h4>Protest im Park</h4><h1>Keine Angst</h1>{STORY}</div></div>"
    )
    article, _ = _read(tmp_path, "<title>Keine Angst</title>", body)
    assert article.published is not None
    assert article.published.date().isoformat() == "2011-04-10"


def test_bold_name_in_capitals_with_its_role_on_the_line_below(tmp_path: Path) -> None:
    """Folha's shape: a credits box under the headline, the name in bold capitals, a line
    break, the role in capitals; the role is not part of the name."""
    body = (
        "<header><h1>Keine Angst</h1><div class='credits'><p>\n<b>ANNA KERN</b><br>\n"
        "EDITORA-ADJUNTA DE &quot;COTIDIANO&quot;\n</p></div></header>"
        f"<article>{STORY}</article>"
    )
    article, _ = _read(tmp_path, "<title>Keine Angst</title>", body)
    assert [a.name for a in article.authors] == ["ANNA KERN"]
    assert article.authors[0].role == 'EDITORA-ADJUNTA DE "COTIDIANO"'


def test_kicker_heading_above_the_headline_is_not_the_bodys_first_subheading(
    tmp_path: Path,
) -> None:
    """taz's shape: ``<h4>`` right above the ``<h1>`` in the article's box."""
    body = f"<div class='sectbody'><h4>Protest im Park</h4><h1>Keine Angst</h1>{STORY}</div>"
    article, notes = _read(tmp_path, "<title>Keine Angst</title>", body)
    assert article.body[0].type == "paragraph"
    assert any("kicker above the headline" in n.message for n in notes)
