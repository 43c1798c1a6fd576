"""Saved news pages the reader had not seen when it was measured (trafilatura's evaluation pages).

Each page is read as a newsroom would give it: headline, language, byline, date,
the body's first and last paragraphs without page furniture, and the lead picture
with its alt text and caption. The expected title, author and date are those of
trafilatura's ``tests/evaldata.json``; see ``tests/data/inputs/pages-trafilatura/NOTICE``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from helpers import DATA
from newsformats.model import Article, plain_text
from newsformats.notes import collecting_notes
from newsformats.readers import read_all

PAGES = DATA / "inputs" / "pages-trafilatura"


@dataclass(frozen=True)
class Page:
    """What a reader of the saved page sees in it."""

    headline: str
    language: str
    authors: tuple[str, ...]
    published: date
    first: str
    last: str
    alt: str
    caption: str
    leaves_out: tuple[str, ...]  # page furniture that must not reach the body


EXPECTED = {
    "aclu.org-grades.html": Page(
        headline="This County Criminalized Students for Bad Grades – Until Now",
        language="en-US",
        authors=("Sarah Hinger", "Sylvia Torres-Guillén"),
        published=date(2019, 7, 25),
        first="Since 2001, the Riverside County, California probation department",
        last="Follow the Case",
        alt="A student erasing answers from a test",
        caption="A student erasing answers from a test (smolaw11/iStock)",
        leaves_out=("Donate", "Sign Up", "Related"),
    ),
    "sciencesetavenir.fr.rumeur.html": Page(
        headline="Covid-19 et infox : comment une rumeur devient réalité",
        language="fr",
        authors=("Nicolas Gutierrez C.",),
        published=date(2020, 9, 14),
        first="Aussi contagieuses que le virus ?",
        last="Cependant, pour les auteurs, le ministre de la Santé n'est pas le seul fautif",
        alt="Ibuprofène",
        caption="Le 14 mars 2020, Olivier Véran a mis en garde les Français",
        leaves_out=("Partager", "Newsletter"),
    ),
    "campograndenews.com.br-adolescente.html": Page(
        headline="Adolescente encontrada morta em vala estava grávida de 3 meses, confirma irmã",
        language="pt-BR",
        authors=("Adriano Fernandes",),
        published=date(2022, 5, 3),
        first="O mistério em torno da morte da adolescente Luana Yasmin",
        last="Segundo o legista, o corpo foi arrastado pela enxurrada",
        alt="Luana Yasmin Gonçalves da Silva. (Foto: Direto das Ruas)",
        caption="Luana Yasmin Gonçalves da Silva.",
        leaves_out=("Newsletter", "comentários"),
    ),
    "finanzmarktwelt.de-Benko-Firma.html": Page(
        headline="Rene Benko-Firma Signa in Sorge – Finanzdaten und Berater-Auftrag",
        language="de-DE",
        authors=("Claudio Kummerfeld",),
        published=date(2023, 11, 1),
        first="In Hamburg kommt man aktuell kaum an dem Thema vorbei.",
        last="FMW/Bloomberg",
        alt="Rene Benko",
        caption="Rene Benko. Photographer: Sebastian Widmann/Getty Images Europe",
        leaves_out=("Kommentare", "Newsletter"),
    ),
}


def _read(name: str) -> Article:
    with collecting_notes():
        (article,) = read_all(PAGES / name)
    return article


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_unseen_page_metadata(name: str) -> None:
    page, article = EXPECTED[name], _read(name)
    assert article.headline == page.headline
    assert article.language.lower() == page.language.lower()
    assert [p.name for p in article.authors] == list(page.authors)
    assert article.published is not None and article.published.date() == page.published


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_unseen_page_body_and_lead_image(name: str) -> None:
    page, article = EXPECTED[name], _read(name)
    texts = [plain_text(p.content) for p in article.paragraphs]
    assert texts[0].startswith(page.first)
    assert texts[-1].startswith(page.last)
    body = " ".join(texts)
    assert "<" not in body and page.headline not in texts
    source = (PAGES / name).read_text(encoding="utf-8")
    for furniture in page.leaves_out:
        assert furniture in source and furniture not in body
    assert article.lead_image is not None
    assert article.lead_image.alt == page.alt and article.lead_image.alt_source == "supplied"
    assert article.lead_image.caption is not None
    assert plain_text(article.lead_image.caption).startswith(page.caption)


def test_page_title_loses_the_site_name_and_finds_dates_the_page_shows(tmp_path: Path) -> None:
    """No JSON-LD: "Headline | Site" from <title>, the byline box's link, the shown date."""
    page = tmp_path / "page.html"
    page.write_text(
        "<html lang='de_DE'><head><title>Neue Brücke eröffnet | Stadtblatt Kiel</title>"
        '<meta property="og:site_name" content="Stadtblatt Kiel"></head><body>'
        "<nav><h2>Hauptnavigation</h2></nav><article><h2>Neue Brücke eröffnet</h2>"
        '<div class="entry-meta"><span class="post-date">5. April 2017</span>'
        ' <span class="byline">von <a href="/autor/jk">Jana Krüger</a></span></div>'
        "<p>Die neue Brücke über den Kanal ist seit heute Morgen für Fußgänger offen.</p>"
        "<p>Autos dürfen erst im Sommer darüber fahren, sagte die Stadt am Mittwoch.</p>"
        "<p>Die Bauarbeiten hatten zwei Jahre gedauert und mehr gekostet als geplant.</p>"
        '</article><div id="comments"><div class="comment-author">Peter</div>'
        "<p>Endlich!</p></div></body></html>",
        encoding="utf-8",
    )
    with collecting_notes():
        (article,) = read_all(page)
    assert article.headline == "Neue Brücke eröffnet"
    assert article.language == "de-DE"
    assert [p.name for p in article.authors] == ["Jana Krüger"]
    assert article.published is not None and article.published.date() == date(2017, 4, 5)


def test_json_ld_in_cdata_and_a_page_starting_with_a_script(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<script>var x = 1;</script><meta charset="utf-8">'
        '<script type="application/ld+json">//<![CDATA[\n{"@type": "NewsArticle",'
        ' "headline": "Ferry service resumes", "inLanguage": "en",'
        ' "datePublished": "2024-03-01T08:00:00Z", "author": {"name": "Ola Berg"},}\n//]]></script>'
        "<article><p>The ferry between the islands runs again from Monday, the operator said.</p>"
        "<p>Storms had kept the boats in harbour for most of the past two weeks.</p>"
        "<p>Timetables are unchanged; tickets bought for cancelled trips stay valid.</p></article>",
        encoding="utf-8",
    )
    with collecting_notes():
        (article,) = read_all(page)
    assert article.headline == "Ferry service resumes"
    assert [p.name for p in article.authors] == ["Ola Berg"]
    assert article.published is not None and article.published.day == 1


def test_stray_nul_bytes_icon_glyphs_and_c1_controls_do_not_refuse_a_page(tmp_path: Path) -> None:
    """A saved page with a stray NUL, icon-font glyphs (private use) and a C1 dash is read."""
    page = tmp_path / "page.html"
    filler = "<p>The council met on Tuesday evening and agreed the new budget for schools.</p>"
    markup = (
        '<!DOCTYPE html><html lang="en"><head><title>Budget agreed</title>'
        "<style>.icon:before{content:'\uf001\uf002\uf003\uf004\uf005\uf006'}</style></head>"
        f"<body><article><h1>Budget agreed</h1><p>Costs rose \u0096 sharply.</p>{filler * 30}"
        "</article></body></html>"
    )
    page.write_bytes(markup.encode("utf-8").replace(b"<body>", b"<body>\x00"))
    with collecting_notes() as notes:
        (article,) = read_all(page)
    assert article.headline == "Budget agreed"
    assert plain_text(article.paragraphs[0].content) == "Costs rose – sharply."
    assert any("control characters" in n.message for n in notes)


def test_a_title_cut_short_gives_way_to_the_heading_that_goes_on(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    text = "<p>The harbour authority opened the new quay to container ships on Monday.</p>"
    page.write_text(
        '<html lang="en"><head><meta property="og:title" content="Harbour opens a new quay...">'
        "</head><body><article><h1>Harbour opens a new quay for container ships</h1>"
        f"{text * 4}</article></body></html>",
        encoding="utf-8",
    )
    with collecting_notes():
        (article,) = read_all(page)
    assert article.headline == "Harbour opens a new quay for container ships"


def test_a_chinese_page_without_a_language_is_detected_as_chinese_not_latin_script() -> None:
    with collecting_notes() as notes:
        (article,) = read_all(DATA / "inputs" / "pages" / "gmw" / "source.html")
    assert article.language == "zh"
    assert any("the text reads as 'zh'" in n.message for n in notes)


MERCURY = DATA / "inputs" / "pages-mercury"


def test_mercury_pages_headline_byline_date_and_lead_image() -> None:
    """Mercury's saved pages (``pages-mercury/NOTICE``): the title, author, date, dek and
    lead picture its tests write down; the role in Le Monde's byline box is a role."""
    slate, notes = _read_with_notes(MERCURY / "www.slate.com.html")
    assert slate.headline == "Broken Pledge"
    assert [p.name for p in slate.authors] == ["Jamelle Bouie"]
    assert slate.published is not None and slate.published.date() == date(2017, 3, 9)
    assert slate.standfirst is not None and slate.standfirst.startswith("Trump’s promises to")
    lead = slate.lead_image
    assert lead is not None and lead.alt.startswith("Republican presidential nominee Donald")
    assert plain_text(lead.caption).startswith("Then-nominee Donald Trump speaks at a rally")
    assert lead.credit == "Spencer Platt/Getty Images"
    assert plain_text(slate.paragraphs[0].content).startswith("During the presidential campaign")
    assert any("headline is the page's own h1" in n for n in notes)

    monde, notes = _read_with_notes(MERCURY / "www.lemonde.fr.html")
    assert monde.headline == "Les sombres perspectives économiques de la Commission européenne"
    assert monde.language == "fr"
    assert [(p.name, p.role) for p in monde.authors] == [
        ("Cécile Ducourtieux", "Bruxelles, bureau européen")
    ]
    assert monde.published is not None and monde.published.date() == date(2019, 5, 7)
    assert monde.standfirst is not None and monde.standfirst.startswith("L’institution abaisse")
    lead = monde.lead_image
    assert lead is not None and lead.credit == "ERIC VIDAL / AFP"
    assert plain_text(lead.caption).startswith("Pierre Moscovici, commissaire européen")
    assert any("as the <title> says" in n for n in notes)


def _read_with_notes(path: Path) -> tuple[Article, list[str]]:
    with collecting_notes() as notes:
        (article,) = read_all(path)
    return article, [n.message for n in notes]


def test_every_author_mark_and_an_address_in_an_aside_beside_the_text(tmp_path: Path) -> None:
    """The Guardian's layout: the byline is an <address> in an <aside> column of the
    article, with one rel=author link per author; a related story's aside is not."""
    page = tmp_path / "page.html"
    page.write_text(
        "<html lang='en'><head><title>Protesters hold out</title></head><body><main><article>"
        "<h1>Protesters hold out</h1><aside><address>"
        '<a rel="author" href="/profile/jcw">Julia Carrie Wong</a> and '
        '<a rel="author" href="/profile/sl">Sam Levin</a></address></aside>'
        "<p>Police violence against the protesters has risen to extraordinary levels.</p>"
        "<p>Hundreds of people remained at the camp on Tuesday, the organisers said.</p>"
        "<p>The state says it has no plans to remove anyone from the site by force.</p>"
        '<aside class="more"><a rel="author" href="/profile/x">Ann Other</a></aside>'
        "</article></main></body></html>",
        encoding="utf-8",
    )
    article, _ = _read_with_notes(page)
    assert [p.name for p in article.authors] == ["Julia Carrie Wong", "Sam Levin"]


def test_mercury_pages_a_text_byline_and_a_date_in_the_facts_column() -> None:
    """Thought Catalog shows its byline only as text ("By Lauren Jarvis-Gibson, December 16th
    2016") under the headline; Spektrum shows its date in an aside of the article's facts
    beside the text ("19.07.2022"), with its Open Graph metadata hidden as Mercury saved it."""
    catalog, _ = _read_with_notes(MERCURY / "thoughtcatalog.com.html")
    assert [p.name for p in catalog.authors] == ["Lauren Jarvis-Gibson"]
    assert not any("Lauren Jarvis-Gibson" in plain_text(p.content) for p in catalog.paragraphs)
    spektrum, _ = _read_with_notes(MERCURY / "www.spektrum.de.html")
    assert [p.name for p in spektrum.authors] == ["Christie Wilcox"]
    assert spektrum.published is not None and spektrum.published.date() == date(2022, 7, 19)
