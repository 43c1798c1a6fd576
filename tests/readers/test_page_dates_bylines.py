"""Bylines and dates of saved pages found by their shape (fourth round, issue 11).

Hand-made pages, one shape each: a name beside a date under the headline with no byline
word, a header bar named for its comment count, an article heading under the site's logo
``h1``, a date line the body starts with, a staff or wire label given as the author, a
time shown without a zone; and two real pages (``pages-newspaper4k/NOTICE``,
``pages-mercury/NOTICE``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from newsformats.model import Article, plain_text
from newsformats.notes import collecting_notes
from newsformats.readers import read_all

DATA = Path(__file__).parent.parent / "data" / "inputs"
TEXT = (
    "<p>The harbour wall that the winter storms broke in two places has been rebuilt, "
    "the port authority said on Friday, a month before the fishing season opens.</p>"
    "<p>Divers checked the foundations in March and found them sound, so only the upper "
    "courses of stone had to be laid again, at half the cost first feared.</p>"
    "<p>Fishermen said the work had been done faster than anyone in the village expected, "
    "and the news travelled round the world of small ports within a day.</p>"
)
H1 = "<h1>Harbour wall rebuilt after the winter storms</h1>"


def _read(tmp_path: Path, body: str, head: str = "", lang: str = "en") -> tuple[Article, list]:
    page = tmp_path / "page.html"
    page.write_text(
        f'<!DOCTYPE html><html lang="{lang}"><head><title>Harbour wall rebuilt</title>{head}'
        f"</head><body>{body}</body></html>",
        "utf-8",
    )
    with collecting_notes() as notes:
        (article,) = read_all(page)
    return article, [n.message for n in notes]


def _authors(article: Article) -> list[str]:
    return [p.name for p in article.authors]


def _paragraphs(article: Article) -> list[str]:
    return [plain_text(p.content) for p in article.paragraphs]


@pytest.mark.parametrize(
    ("line", "lang", "names", "day"),
    [
        ("Sage Lazzaro | 12/16/16", "en", ["Sage Lazzaro"], None),  # a two-digit year
        (
            "<strong>Patricio Candia</strong> | Palma de Mallorca | 08/01/2014",
            "es",
            ["Patricio Candia"],
            date(2014, 1, 8),  # Spanish writes the day first
        ),
        ("Anna Weber · 3. Mai 2019", "de", ["Anna Weber"], date(2019, 5, 3)),
        ("Ann Lee and Tom Roe — May 3, 2019", "en", ["Ann Lee", "Tom Roe"], date(2019, 5, 3)),
    ],
)
def test_a_name_beside_a_date_under_the_headline_is_the_byline(
    tmp_path: Path, line: str, lang: str, names: list[str], day: date | None
) -> None:
    article, _ = _read(tmp_path, f"<article>{H1}<p>{line}</p>{TEXT}</article>", lang=lang)
    assert _authors(article) == names
    assert (article.published.date() if article.published else None) == day


@pytest.mark.parametrize(
    "line",
    [
        "World News | May 3, 2019",  # words the text writes in lower case: a label
        "Harbour Gazette | Local | May 3",  # no date after the names: no byline line
        "Ann Lee",  # a name alone, no date beside it
        "Read more | May 3, 2019 | Share | Print | Email",  # too many parts
    ],
)
def test_a_label_beside_a_date_is_no_byline(tmp_path: Path, line: str) -> None:
    article, _ = _read(tmp_path, f"<article>{H1}<p>{line}</p>{TEXT}</article>")
    assert _authors(article) == []


def test_a_byline_in_a_header_bar_named_for_its_comments(tmp_path: Path) -> None:
    bar = (
        '<div class="entry-meta site-social-comments">By <span itemprop="author">'
        '<a rel="author" href="/author/sage-lazzaro/">Sage Lazzaro</a></span> &#x2022; '
        '<span class="entry-date">12/16/16 12:21pm</span></div>'
    )
    comments = '<div class="comments"><p>By Joe Bloggs • 12/17/16</p><p>Great story!</p></div>'
    article, _ = _read(tmp_path, f"<article>{H1}{bar}{TEXT}</article>{comments}")
    assert _authors(article) == ["Sage Lazzaro"]
    # The same words in the comments below the text are no byline.
    article, _ = _read(tmp_path, f"<article>{H1}{TEXT}</article>{comments}")
    assert _authors(article) == []


def test_the_article_heading_under_the_sites_logo_h1(tmp_path: Path) -> None:
    header = '<header><h1 class="logo"><a href="/">Harbour Gazette</a></h1></header>'
    article, _ = _read(
        tmp_path,
        f"{header}<article><h3>Harbour wall rebuilt</h3>"
        f'<p class="autor">Patricio Candia | 08/01/2014</p>{TEXT}</article>',
        lang="es",
    )
    assert article.headline == "Harbour wall rebuilt"
    assert _authors(article) == ["Patricio Candia"]
    assert article.published == datetime(2014, 1, 8, tzinfo=UTC)


def test_a_date_line_the_body_starts_with_leaves_it(tmp_path: Path) -> None:
    body = f"<article><div><p>Wednesday, 28 August 2013</p>{TEXT}</div></article>"
    article, notes = _read(tmp_path, body)
    assert article.published == datetime(2013, 8, 28, tzinfo=UTC)
    assert "28 August" not in _paragraphs(article)[0]
    assert any("date line; it leaves the body" in n for n in notes)
    # A place beside the date is a dateline of the text: it stays.
    body = f"<article><div><p>Kabul, 28 August 2013</p>{TEXT}</div></article>"
    article, _ = _read(tmp_path, body)
    assert _paragraphs(article)[0] == "Kabul, 28 August 2013"


def test_an_update_line_the_body_starts_with_is_the_update(tmp_path: Path) -> None:
    """CNN Arabic's "Wednesday, 28 August 2013, last updated 14:00 (GMT+0400)": the time of
    the last update, with its zone in brackets, not the publication."""
    line = "الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)"
    text = TEXT.replace("<p>", '<p dir="ltr">')
    article, _ = _read(tmp_path, f"<article><div><p>{line}</p>{text}</div></article>", lang="ar")
    assert article.updated == datetime(2013, 8, 28, 10, 0, tzinfo=UTC)
    assert article.published is None
    assert not any("2013" in p for p in _paragraphs(article))


def test_a_staff_label_gives_way_to_the_name_shown_under_the_headline(tmp_path: Path) -> None:
    head = '<meta name="author" content="Harbour Gazette Staff">'
    shown = '<div class="content-byline">By <a href="/author/megan-french/">Megan French</a></div>'
    article, _ = _read(tmp_path, f"<article>{H1}{shown}{TEXT}</article>", head)
    assert _authors(article) == ["Megan French"]
    # An editor named after the text, or a photographer in a caption, is not the byline.
    credit = '<p class="byline">Redaktion: Roman Warschauer</p>'
    figure = '<figure><img src="a.jpg" alt="The wall"><figcaption><span class="byline">'
    figure += "Photo: Roman Warschauer</span></figcaption></figure>"
    article, _ = _read(tmp_path, f"<article>{H1}{figure}{TEXT}{credit}</article>", head)
    assert _authors(article) == ["Harbour Gazette Staff"]
    # An agency and its place is no person: the label stays.
    agency = '<address class="byline">Associated Press in Valencia</address>'
    article, _ = _read(tmp_path, f"<article>{H1}{agency}{TEXT}</article>", head)
    assert _authors(article) == ["Harbour Gazette Staff"]


def test_a_wire_label_gives_way_to_the_bodys_byline(tmp_path: Path) -> None:
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
    head += '{"@type": "Person", "name": "CNN Wire"}}</script>'
    body = f"<article>{H1}<div><p>By Leigh Ann Caldwell</p>{TEXT}</div></article>"
    article, _ = _read(tmp_path, body, head)
    assert _authors(article) == ["Leigh Ann Caldwell"]
    assert not _paragraphs(article)[0].startswith("By ")


def test_a_time_without_a_zone_is_read_in_the_pages_zone(tmp_path: Path) -> None:
    line = "<div>2019年04月04日 09:00</div>"
    zone = '<meta property="article:modified_time" content="2019-04-05T10:00:00+09:00">'
    article, notes = _read(tmp_path, f"<article>{H1}{line}{TEXT}</article>", zone, lang="ja")
    assert article.published == datetime(2019, 4, 4, 0, 0, tzinfo=UTC)  # 09:00 at +09:00
    assert any("read in the zone of its other dates" in n for n in notes)
    # No zone anywhere: the day is kept, and the time left out is said.
    article, notes = _read(tmp_path, f"<article>{H1}{line}{TEXT}</article>", lang="ja")
    assert article.published == datetime(2019, 4, 4, tzinfo=UTC)
    assert any("09:00 without a time zone" in n and "only the day" in n for n in notes)


def test_a_date_beside_its_sections_link(tmp_path: Path) -> None:
    line = '<p class="fs12"><a href="./topic/">OSS TOPICS</a>\u30002019年3月15日 09:43</p>'
    article, _ = _read(tmp_path, f"<article>{H1}{line}{TEXT}</article>", lang="ja")
    assert article.published is not None and article.published.date() == date(2019, 3, 15)


@pytest.mark.parametrize(
    ("box", "lang", "names"),
    [
        ('<div class="byline">Par Sébastien Farcis</div>', "fr", ["Sébastien Farcis"]),
        ('<div class="byline">Por Lucía Martín</div>', "es", ["Lucía Martín"]),
    ],
)
def test_a_byline_boxs_capitalised_byline_word_goes(
    tmp_path: Path, box: str, lang: str, names: list[str]
) -> None:
    article, _ = _read(tmp_path, f"<article>{H1}{box}{TEXT}</article>", lang=lang)
    assert _authors(article) == names


def test_ultima_horas_byline_and_date_beside_it() -> None:
    """Ultima Hora's page: the site's h1 is its logo; the article's h3 is the headline, with
    "Patricio Candia | Palma de Mallorca | 08/01/2014" under it. The box "jueves, 09 enero
    2014 10:21" in the site's header is the day the page was made (the day after), not the
    article's: it stays unread."""
    with collecting_notes():
        (article,) = read_all(DATA / "pages-newspaper4k" / "spanish_article.html")
    assert article.headline.startswith("Anticorrupción decidirá en Madrid")
    assert _authors(article) == ["Patricio Candia"]
    assert article.published == datetime(2014, 1, 8, tzinfo=UTC)


def test_observers_byline_in_its_comments_bar() -> None:
    with collecting_notes():
        (article,) = read_all(DATA / "pages-mercury" / "observer.com.html")
    assert _authors(article) == ["Sage Lazzaro"]
    assert article.published is not None and article.published.date() == date(2016, 12, 16)


def test_a_boxs_profile_links_are_no_names(tmp_path: Path) -> None:
    """An author box of the site's own profile, with the labels of its profile links
    ("Twitter", "Facebook"): no person, so no "Twitter Facebook"; a person's own site
    (michaellarabel.com) does not make its owner a service."""
    box = (
        '<div class="author-contact-wrapper"><a rel="me" href="https://twitter.com/gazette">'
        '<span>Twitter</span></a> <a rel="me" href="https://www.facebook.com/gazette">'
        "<span>Facebook</span></a></div>"
    )
    article, _ = _read(tmp_path, f"<article>{H1}{TEXT}</article>{box}")
    assert "Twitter Facebook" not in _authors(article)
    own = '<div class="author"><a href="https://www.michaellarabel.com/">Michael Larabel</a></div>'
    article, _ = _read(tmp_path, f"<article>{H1}{own}{TEXT}</article>")
    assert _authors(article) == ["Michael Larabel"]


def test_a_date_box_that_says_updated_is_the_update(tmp_path: Path) -> None:
    box = '<div class="date">Updated: August 13, 2010, 5:02 PM ET</div>'
    article, notes = _read(tmp_path, f"<article>{H1}{box}{TEXT}</article>")
    assert article.published is None
    assert article.updated == datetime(2010, 8, 13, tzinfo=UTC)
    assert any("5:02 PM without a time zone" in n for n in notes)
    box = '<div class="date">Published: August 12, 2010</div>' + box
    article, _ = _read(tmp_path, f"<article>{H1}{box}{TEXT}</article>")
    assert article.published == datetime(2010, 8, 12, tzinfo=UTC)
