"""The headline, kicker and standfirst a saved web page shows its readers.

Real pages from fundus' parser tests (``tests/data/inputs/pages-fundus/NOTICE``)
and trafilatura's evaluation pages; small hand-made pages for one shape each.
"""

from __future__ import annotations

from pathlib import Path

from helpers import DATA, run_cli
from newsformats.model import Article, plain_text
from newsformats.notes import Note, collecting_notes
from newsformats.readers import read_all

FUNDUS = DATA / "inputs" / "pages-fundus"
TRAFILATURA = DATA / "inputs" / "pages-trafilatura"
FILLER = "<p>The council will publish the full figures next week, a spokeswoman said.</p>" * 6


def _read(path: Path) -> tuple[Article, list[Note]]:
    with collecting_notes() as notes:
        (article,) = read_all(path)
    return article, notes


def _paragraphs(article: Article) -> list[str]:
    return [plain_text(p.content) for p in article.paragraphs]


def _page(tmp_path: Path, head: str, body: str) -> Path:
    page = tmp_path / "page.html"
    page.write_text(f"<html lang='en'><head>{head}</head><body>{body}</body></html>", "utf-8")
    return page


def test_a_kicker_in_the_h1_is_the_kicker_and_the_h1_wins_over_og_title() -> None:
    """SRF: <h1><span>Eskalation…</span> <span aria-hidden> - </span> <span>«…»</span></h1>,
    while og:title puts another kicker before the same headline."""
    article, notes = _read(FUNDUS / "SRF_2024_04_15.html")
    headline = "«Die israelische Zurückhaltung hat viel mit den USA zu tun»"
    assert article.headline == headline
    assert article.kicker == "Eskalation im Nahen Osten"
    source = (FUNDUS / "SRF_2024_04_15.html").read_text("utf-8")
    assert f'og:title" content="Iranischer Angriff auf Israel: {headline}"' in source
    assert any("page's own h1" in n.message and n.level == "info" for n in notes)


def test_a_kicker_shown_above_the_h1_leaves_the_body() -> None:
    """ORF: the titles say "Nach Gaetz-Rückzug: Trump-Anwältin…"; the page shows the kicker
    in an element just before the h1 and again at the top of the story."""
    article, _ = _read(FUNDUS / "ORF_2024_11_22.html")
    assert article.headline == "Trump-Anwältin soll Justizministerin werden"
    assert article.kicker == "Nach Gaetz-Rückzug"
    assert "Nach Gaetz-Rückzug" not in _paragraphs(article)
    lead = "Der designierte US-Präsident Donald Trump hat nach dem Rückzug"
    assert article.standfirst is not None and article.standfirst.startswith(lead)
    assert not any(p.startswith(lead) for p in _paragraphs(article))


def test_a_standfirst_below_the_byline_is_the_standfirst_not_the_first_paragraph() -> None:
    """LTO: headline, byline, date, lead picture, then the summary in bold; the metadata's
    description is another text, written for search engines."""
    article, _ = _read(FUNDUS / "LTO_2025_10_20.html")
    source = (FUNDUS / "LTO_2025_10_20.html").read_text("utf-8")
    summary = "Deutschland hat bis Mitte 2025 Rüstungsexporte an Israel genehmigt."
    assert source.index("Dr. Max Kolter</a>") < source.index(summary)
    assert "Deutschland ist Israels zweitgrößter Waffenlieferant" in source  # the description
    assert article.standfirst is not None and article.standfirst.startswith(summary)
    paragraphs = _paragraphs(article)
    assert not any(p.startswith(summary) for p in paragraphs)
    assert paragraphs[0].startswith("Die restlichen 20 überlebenden israelischen Geiseln")


def test_soft_hyphens_in_the_h1_are_not_part_of_the_headline() -> None:
    article, _ = _read(TRAFILATURA / "bka.de-messengerdienste.html")
    source = (TRAFILATURA / "bka.de-messengerdienste.html").read_text("utf-8")
    assert "Mes\u00adsen\u00adger" in source
    assert article.headline == "Messengerdienste sind kein rechtsfreier Raum"


def test_the_site_logo_h1_is_no_headline(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        "<title>Budget agreed after long night | Harbour Gazette</title>",
        "<header><h1 class='site-title'><a href='/'>Harbour Gazette</a></h1></header>"
        "<article><h1>Budget agreed after a long night of talks</h1>"
        f"<p>The council agreed the budget at dawn.</p>{FILLER}</article>",
    )
    article, _ = _read(page)
    assert article.headline == "Budget agreed after a long night of talks"


def test_of_several_h1s_the_one_a_title_agrees_with(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        '<meta property="og:title" content="Ferry service resumes after storm">',
        "<div class='widget'><h1>Weather warning</h1></div>"
        "<main><h1>Ferry service resumes after storm</h1>"
        f"<p>The first ferry left at six.</p>{FILLER}</main>",
    )
    article, _ = _read(page)
    assert article.headline == "Ferry service resumes after storm"


def test_a_description_that_is_the_first_paragraph_cut_short_is_no_standfirst(
    tmp_path: Path,
) -> None:
    first = (
        "The council agreed the budget at dawn after eleven hours of talks between the "
        "three parties that share power in the town hall."
    )
    page = _page(
        tmp_path,
        f'<meta name="description" content="{first[:90]}...">',
        f"<article><h1>Budget agreed after a long night</h1><p>{first}</p>{FILLER}</article>",
    )
    article, notes = _read(page)
    assert article.standfirst is None
    assert _paragraphs(article)[0] == first
    assert any("cut short" in n.message or "start of it" in n.message for n in notes)


def test_a_summary_named_for_it_under_the_headline_is_the_standfirst(tmp_path: Path) -> None:
    summary = "Eleven hours of talks ended at dawn. Taxes stay as they are."
    page = _page(
        tmp_path,
        '<meta name="description" content="Read all about the budget.">',
        "<article><header><h1>Budget agreed after a long night</h1>"
        "<p class='byline'>By Ann Lee</p></header>"
        f"<p class='article__dek'>{summary}</p><p>The council agreed the budget.</p>"
        f"{FILLER}</article>",
    )
    article, _ = _read(page)
    assert article.standfirst == summary
    assert summary not in _paragraphs(article)
    assert _paragraphs(article)[0] == "The council agreed the budget."


def test_explain_shows_what_a_web_page_was_read_as_and_each_doubt(tmp_path: Path) -> None:
    page = FUNDUS / "LTO_2025_10_20.html"
    run = run_cli("convert", page, "--explain", "--to", "html", "-o", tmp_path, "-q")
    assert run.code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == f"{page}: language de"
    assert "  kicker: Waffenlieferungen an Israel" in lines
    assert "  headline: Palästinenser legt Verfassungsbeschwerde ein" in lines
    assert any(line.startswith("  standfirst: Deutschland hat bis Mitte 2025") for line in lines)
    assert any("metadata titles it 'Waffenlieferungen an Israel: " in line for line in lines)
    assert any("first paragraph is the summary under the headline" in line for line in lines)


def test_a_bold_paragraph_below_the_byline_that_the_description_repeats_is_the_standfirst(
    tmp_path: Path,
) -> None:
    summary = "Eleven hours of talks ended at dawn. Taxes stay as they are this year."
    page = _page(
        tmp_path,
        f'<meta name="description" content="{summary}">',
        "<article><h1>Budget agreed after a long night</h1><p class='byline'>By Ann Lee</p>"
        f"<p><strong>{summary}</strong></p><p>The council agreed the budget.</p>{FILLER}"
        "</article>",
    )
    article, _ = _read(page)
    assert article.standfirst == summary
    assert _paragraphs(article)[0] == "The council agreed the budget."


def test_a_plain_first_paragraph_that_the_description_repeats_stays_in_the_body(
    tmp_path: Path,
) -> None:
    first = "The council agreed the budget at dawn after eleven hours of talks."
    page = _page(
        tmp_path,
        f'<meta name="description" content="{first}">',
        f"<article><h1>Budget agreed after a long night</h1><p>{first}</p>{FILLER}</article>",
    )
    article, _ = _read(page)
    assert article.standfirst is None
    assert _paragraphs(article)[0] == first


def test_a_summary_that_is_the_pages_only_paragraph_stays_the_body(tmp_path: Path) -> None:
    summary = (
        "The council agreed the budget at dawn after eleven hours of talks between the three "
        "parties that share power in the town hall; taxes stay as they are, and the new "
        "harbour quay will be paid for from the reserves, the mayor said on Tuesday morning."
    )
    page = _page(
        tmp_path,
        f'<meta name="description" content="{summary}">',
        f"<article><h1>Budget agreed after a long night</h1><p class='dek'>{summary}</p></article>",
    )
    article, _ = _read(page)
    assert _paragraphs(article) == [summary]
    assert article.standfirst is None


def test_the_notes_say_which_source_the_headline_is(tmp_path: Path) -> None:
    shown = _page(
        tmp_path,
        '<meta property="og:title" content="Ferry service resumes after storm">'
        "<title>Ferries back | Harbour Gazette</title>",
        f"<main><h1>Ferry service resumes after storm</h1><p>The first ferry left.</p>{FILLER}"
        "</main>",
    )
    _, notes = _read(shown)
    said = [n.message for n in notes if "the headline is" in n.message]
    assert said == [f"{shown}: the headline is the page's own h1, as the og:title says"]

    (tmp_path / "other").mkdir()
    unshown = _page(
        tmp_path / "other",
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"headline": "Ferry service resumes after storm"}</script>',
        f"<main><p>The first ferry left.</p>{FILLER}</main>",
    )
    article, notes = _read(unshown)
    assert article.headline == "Ferry service resumes after storm"
    said = [n.message for n in notes if "the headline is" in n.message]
    assert said == [
        f"{unshown}: the headline is the page's JSON-LD headline (the page shows no article h1)"
    ]
