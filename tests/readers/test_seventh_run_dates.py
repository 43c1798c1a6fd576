"""The seventh acceptance run's page dates and bylines, each by its shape.

A print-only header's "printed" date (wPolityce), an ISO-like shown date with fractional
seconds and its offset; a JSON-LD block written by hand (Energetyka24: values without
quotes) and a byline box whose tag line follows the name; a ``WebPage`` whose
``mainEntity`` is the article, with RFC 2822 dates, and a picture's credit box named for
its author (rp.pl); a zone-less JSON-LD date beside the same time with a zone in ISO 8601's
basic format (Polityka); a page that names no language showing its date in Polish.
Hand-made pages first, then the three real pages (tests/data/inputs/pages-seventh-dates).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from lxml import html

from newsformats.model import Article
from newsformats.notes import collecting_notes
from newsformats.readers import read_all
from newsformats.readers.datelines import find_dates, moment_of, time_without_zone
from newsformats.readers.webpage.bylines import _before_label
from newsformats.readers.webpage.page import _load_json_ld
from readers.test_page_bylines import H1, TEXT, _authors, _read

PAGES = Path(__file__).parent.parent / "data" / "inputs" / "pages-seventh-dates"
CEST = timezone(timedelta(hours=2))


def _ld(data: str) -> str:
    return f'<script type="application/ld+json">{data}</script>'


def test_a_time_with_fractional_seconds_keeps_its_offset() -> None:
    line = "Opublikowano: 2021-04-29 17:13:04.031886+02:00"
    found = find_dates(line, "pl")[0]
    assert time_without_zone(found, line) is None
    assert moment_of(found, line) == datetime(2021, 4, 29, 17, 13, 4, tzinfo=CEST)


def test_a_print_only_header_gives_no_date(tmp_path: Path) -> None:
    """The day the page was printed, in a box shown on paper only, is not its publication."""
    body = (
        '<article><section class="print is-hidden"><div class="print-header">'
        '<p class="print-date">Printed: <strong><time class="js-print-date">'
        "2021-05-11 22:22:17.242000+02:00</time></strong></p></div></section>"
        f'{H1}<ul class="article__meta"><li class="article__meta-item">Published: '
        "<time>2021-04-29 17:13:04.031886+02:00</time></li></ul>"
        f'<div class="article-body-print">{TEXT}</div></article>'
    )
    article, notes = _read(tmp_path, body)
    assert article.published == datetime(2021, 4, 29, 17, 13, 4, tzinfo=CEST)
    assert not any("without a time zone" in n for n in notes)


def test_the_article_body_named_for_print_still_gives_its_date(tmp_path: Path) -> None:
    """A box the screen shows and paper prints ("article-body-print") is no print header."""
    body = (
        f'<article><div class="article-body-print">{H1}<p class="post-date">3 May 2019</p>'
        f"{TEXT}</div></article>"
    )
    article, _ = _read(tmp_path, body)
    assert article.published is not None and article.published.date() == date(2019, 5, 3)


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ('{"@author": Ann Lee, "x": true}', {"@author": "Ann Lee", "x": True}),
        ('{"headline": "Sejm "za" ustawą", "n": -3}', {"headline": 'Sejm "za" ustawą', "n": -3}),
        ('{"a": "b",\n}', {"a": "b"}),
    ],
)
def test_a_hand_written_json_ld_block_is_mended(block: str, expected: dict[str, object]) -> None:
    assert _load_json_ld(block) == expected


def test_what_no_mend_fits_is_still_not_json() -> None:
    with pytest.raises(json.JSONDecodeError):
        _load_json_ld('{"a": "b" "c": "d"}')


def test_a_json_ld_date_is_read_from_a_block_with_unquoted_values(tmp_path: Path) -> None:
    head = _ld(
        '{"@context": "http://schema.org", "@type": "NewsArticle",\n'
        '"@author": Ann Lee,\n"@publisher": Harbour News,\n'
        '"datePublished": "2021-05-11T09:49:18+02:00"\n}'
    )
    article, notes = _read(tmp_path, f"{H1}{TEXT}", head)
    assert article.published == datetime(2021, 5, 11, 9, 49, 18, tzinfo=CEST)
    assert not any("not valid JSON" in n for n in notes)


def test_a_tag_line_after_the_byline_box_name_is_no_part_of_it(tmp_path: Path) -> None:
    body = (
        f'{H1}<div class="news-author row"><div class="news-author-content">'
        '<a href="/autorzy/ann-lee"><span>Ann Lee</span></a></div><div class="news-tags">'
        "<p><strong>TOPICS: </strong></p><ul><li><a href='/search/?tag=harbour'>harbour</a>"
        "</li><li><a href='/search/?tag=storms'>Winter Storms</a></li></ul></div></div>"
        f"{TEXT}"
    )
    article, _ = _read(tmp_path, body)
    assert _authors(article) == ["Ann Lee"]


@pytest.mark.parametrize(
    ("box", "before"),
    [
        ("<div><a>Ann Lee</a> <b>TOPICS:</b> harbour</div>", "Ann Lee"),
        (
            "<div><a>Ann Lee</a> and <a>Tom Roe</a><p>Tags: <a>storms</a></p></div>",
            "Ann Lee and Tom Roe",
        ),
        ("<div>Autor: <a>Ann Lee</a></div>", None),  # a label before the names
        ("<div>Text and photos: <a>Ann Lee</a></div>", None),  # words that are no names
        # A job in plain text before a label is no name set apart ("Expertin für Neue Arbeit").
        ("<div><a>Ann Lee</a><p>Expertin für Neue Arbeit, Neues Lernen. Folgen: x</p></div>", None),
    ],
)
def test_a_byline_box_text_stops_at_a_label_after_the_names(box: str, before: str | None) -> None:
    assert _before_label(html.fromstring(box)) == before


def test_a_picture_credit_box_named_for_its_author_is_no_byline(tmp_path: Path) -> None:
    body = (
        f'<article><header>{H1}<picture><img src="/a.jpg" alt=""></picture>'
        '<div class="article__image-desc">The rebuilt wall</div>'
        '<div class="article__image-author">PAP/ Ann Photographer</div></header>'
        '<div class="article__author"><a href="/autor/1/tom-roe">Tom Roe</a></div>'
        f"{TEXT}</article>"
    )
    article, _ = _read(tmp_path, body)
    assert _authors(article) == ["Tom Roe"]


def test_the_article_of_a_web_page_s_main_entity_with_rfc_2822_dates(tmp_path: Path) -> None:
    head = _ld(
        json.dumps(
            {
                "@context": "http://schema.org",
                "@type": "WebPage",
                "mainEntity": {
                    "@type": "NewsArticle",
                    "headline": "Harbour wall rebuilt after the winter storms",
                    "datePublished": "Tue, 4 May 2021 19:18:00 +0200",
                    "dateModified": "Wed, 5 May 2021 05:53:00 +0200",
                    "author": {"@type": "Person", "name": "Tom Roe"},
                },
            }
        )
    )
    article, _ = _read(tmp_path, f"{H1}{TEXT}", head)
    assert _authors(article) == ["Tom Roe"]
    assert article.published == datetime(2021, 5, 4, 19, 18, tzinfo=CEST)
    assert article.updated == datetime(2021, 5, 5, 5, 53, tzinfo=CEST)


def test_a_zoned_date_of_the_same_time_wins_over_a_zone_less_one(tmp_path: Path) -> None:
    head = _ld('{"@type": "NewsArticle", "datePublished": "2021-05-04T13:20:05"}') + (
        '<meta property="article:published_time" content="20210504T132005+0200">'
    )
    article, notes = _read(tmp_path, f"{H1}{TEXT}", head)
    assert article.published == datetime(2021, 5, 4, 13, 20, 5, tzinfo=CEST)
    assert not any("read as UTC" in n for n in notes)


def test_the_update_beside_it_is_read_in_the_zone_the_twin_shows(tmp_path: Path) -> None:
    """JSON-LD writes its dates on the page's clock: its zone-less update is read at +02:00."""
    head = (
        _ld(
            '{"@type": "NewsArticle", "datePublished": "2021-05-04T13:20:05",'
            ' "dateModified": "2021-05-04T15:02:00"}'
        )
        + '<meta property="article:published_time" content="20210504T132005+0200">'
    )
    article, notes = _read(tmp_path, f"{H1}{TEXT}", head)
    assert article.updated == datetime(2021, 5, 4, 15, 2, tzinfo=CEST)
    assert not any("read as UTC" in n for n in notes)


def test_a_zoned_date_of_another_time_does_not_replace_the_first(tmp_path: Path) -> None:
    head = _ld('{"@type": "NewsArticle", "datePublished": "2021-05-04T13:20:05"}') + (
        '<meta property="article:published_time" content="2021-05-03T08:00:00+02:00">'
    )
    article, _ = _read(tmp_path, f"{H1}{TEXT}", head)
    assert article.published == datetime(2021, 5, 4, 13, 20, 5, tzinfo=UTC)


POLISH = (
    "<p>Rosjanie twierdzą, że z planów operatora wynika, jakoby polska spółka zamierzała "
    "przejąć część systemu przesyłowego i wykorzystać go do obsługi nowego terminalu.</p>"
    "<p>W artykule autorzy zastanawiają się, w jaki sposób rząd zamierza przejąć udziały "
    "na wspomnianym odcinku gazociągu, i co to oznacza dla dostaw w przyszłym roku.</p>"
    "<p>Polska dywersyfikuje dostawy i oprócz rozbudowy terminalu buduje kolejne połączenia "
    "z sąsiadami, dzięki którym będzie mogła sprowadzać gaz z wielu kierunków.</p>"
)


def test_a_page_naming_no_language_shows_its_date_in_the_language_of_its_text(
    tmp_path: Path,
) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Rosjanie i gaz</title></head><body>"
        '<h1>Rosjanie sugerują odcięcie od gazu</h1><div class="row"><span>11 maja 2021, '
        f"11:49</span></div>{POLISH}</body></html>",
        "utf-8",
    )
    with collecting_notes():
        (article,) = read_all(page)
    assert article.published is not None and article.published.date() == date(2021, 5, 11)


def _page(name: str) -> Article:
    with collecting_notes():
        (article,) = read_all(PAGES / name)
    return article


def test_wpolityce_is_dated_by_its_publication_not_its_print_header() -> None:
    article = _page("wpolityce-zgoda-pe.html")
    assert article.published == datetime(2021, 4, 29, 17, 13, 4, tzinfo=CEST)


def test_energetyka24_byline_and_date() -> None:
    article = _page("energetyka24-jamal.html")
    assert _authors(article) == ["Daniel Czyżewski"]
    # The JSON-LD's "2021-05-11 09:49:18" gives no zone (read as UTC: the page shows 11:49).
    assert article.published == datetime(2021, 5, 11, 9, 49, 18, tzinfo=UTC)


def test_rp_byline_and_dates() -> None:
    article = _page("rp-fundusze.html")
    assert _authors(article) == ["Michał Kolanko"]
    assert article.published == datetime(2021, 5, 4, 19, 18, tzinfo=CEST)
    assert article.updated == datetime(2021, 5, 5, 5, 53, tzinfo=CEST)


def test_a_metadata_time_on_a_12_hour_clock_is_the_one_the_page_shows(tmp_path: Path) -> None:
    """The Globe and Mail's ``last-modified`` "08:57:25 EST" is the page's "8:57 PM EST"."""
    head = '<meta name="last-modified" content="2014-12-29 08:57:25 EST">'
    body = (
        f'<article>{H1}<div class="dateline"><p>Published <time>Monday, Dec. 29 2014, 6:00 AM'
        ' EST</time></p><p>Last updated <time class="updated">Monday, '
        f"Dec. 29 2014, 8:57 PM EST</time></p></div>{TEXT}</article>"
    )
    article, _ = _read(tmp_path, body, head)
    assert article.updated == datetime(2014, 12, 29, 20, 57, tzinfo=timezone(timedelta(hours=-5)))
    # A morning time the page shows as such stays.
    article, _ = _read(tmp_path, body.replace("PM", "AM"), head)
    assert article.updated == datetime(
        2014, 12, 29, 8, 57, 25, tzinfo=timezone(timedelta(hours=-5))
    )


def test_a_date_box_above_the_headline_that_says_update_is_the_update(tmp_path: Path) -> None:
    """rp.pl without its JSON-LD: the update's time inside its line is no publication."""
    body = (
        '<article><header><div class="article__date">Aktualizacja: <time id="article-time">'
        '05.05.2021, 05:53</time></div><div class="article__date">Publikacja: <time>04.05.2021'
        f"</time></div>{H1}</header>{TEXT}</article>"
    )
    article, _ = _read(tmp_path, body, lang="pl")
    assert article.published == datetime(2021, 5, 4, tzinfo=UTC)
    assert article.updated == datetime(2021, 5, 5, tzinfo=UTC)
