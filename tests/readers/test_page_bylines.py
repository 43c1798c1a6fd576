"""A saved page's byline and date where the page shows them only as text or in its own marks.

Hand-made pages, one shape each: a "By NAME" line under the headline, a byline as the
body's first or last paragraph, class names CMSs give byline boxes, a name part inside a
box that also holds a date, the owner of the site given as the author, and dates shown
under the headline or marked without a machine-readable value; and by their shape alone:
a name beside a date with no byline word, a header bar named for its comment count, the
article's heading under the site's logo ``h1``, a date line the body starts with, a staff
or wire label given as the author, a time shown without a zone.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from newsformats.model import Article, plain_text
from newsformats.notes import collecting_notes
from newsformats.readers import read_all

TEXT = (
    "<p>The harbour wall that the winter storms broke in two places has been rebuilt, "
    "the port authority said on Friday, a month before the fishing season opens.</p>"
    "<p>Divers checked the foundations in March and found them sound, so only the upper "
    "courses of stone had to be laid again, at half the cost first feared.</p>"
    "<p>Fishermen said the work had been done faster than anyone in the village expected.</p>"
)


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


H1 = "<h1>Harbour wall rebuilt after the winter storms</h1>"


@pytest.mark.parametrize(
    ("line", "lang", "names"),
    [
        ("By Sage Lazzaro • 12/16/16 12:21pm", "en", ["Sage Lazzaro"]),
        ("By Lauren Jarvis-Gibson, December 16th 2016", "en", ["Lauren Jarvis-Gibson"]),
        ("By Ann Lee and Tom de Roe | May 3, 2019", "en", ["Ann Lee", "Tom de Roe"]),
        ("Von Anna Weber, 3. Mai 2019", "de", ["Anna Weber"]),
        ("Par Sébastien Farcis", "fr", ["Sébastien Farcis"]),
    ],
)
def test_a_byline_that_is_only_text_under_the_headline(
    tmp_path: Path, line: str, lang: str, names: list[str]
) -> None:
    article, _ = _read(
        tmp_path, f"<article>{H1}<div><span>{line}</span></div>{TEXT}</article>", lang=lang
    )
    assert _authors(article) == names
    assert line not in " ".join(_paragraphs(article))


@pytest.mark.parametrize(
    "line",
    [
        "By the time the boats came back the wall was done",  # a sentence, not a name
        "By Friday Evening The Wall Was Rebuilt By The Port",  # too many words for a name
        "By Staff Reporter",  # a job, not a person
    ],
)
def test_a_line_starting_with_by_that_names_no_one_is_no_byline(tmp_path: Path, line: str) -> None:
    article, _ = _read(tmp_path, f"<article>{H1}<div><span>{line}</span></div>{TEXT}</article>")
    assert _authors(article) == []


def test_a_byline_line_after_the_text_begins_is_not_the_articles(tmp_path: Path) -> None:
    article, _ = _read(
        tmp_path, f"<article>{H1}{TEXT}<div><span>By Ann Lee</span></div>{TEXT}</article>"
    )
    assert _authors(article) == []


def test_a_byline_as_the_first_paragraph_of_the_body_leaves_the_body(tmp_path: Path) -> None:
    article, notes = _read(tmp_path, f"<article>{H1}<p>By Marcus Webb</p>{TEXT}</article>")
    assert _authors(article) == ["Marcus Webb"]
    assert _paragraphs(article)[0].startswith("The harbour wall")
    assert any("a paragraph of the body is the byline" in n for n in notes)


def test_a_byline_paragraph_naming_someone_else_than_the_authors_stays_text(
    tmp_path: Path,
) -> None:
    head = '<meta name="author" content="Priya Nair">'
    article, _ = _read(tmp_path, f"<article>{H1}{TEXT}<p>By Marcus Webb</p></article>", head)
    assert _authors(article) == ["Priya Nair"]
    assert _paragraphs(article)[-1] == "By Marcus Webb"
    article, _ = _read(tmp_path, f"<article>{H1}{TEXT}<p>By Priya Nair</p></article>", head)
    assert _paragraphs(article)[-1] != "By Priya Nair"


@pytest.mark.parametrize(
    "box",
    [
        '<p class="story-meta__authors"><a href="/staff/sshepard">Steven Shepard</a></p>',
        '<span class="authorname-txt">Steven Shepard</span>',
        '<span class="writer">Steven Shepard</span>',
    ],
)
def test_byline_boxes_by_the_class_names_cms_give_them(tmp_path: Path, box: str) -> None:
    article, _ = _read(tmp_path, f"<article>{H1}<div>{box}</div>{TEXT}</article>")
    assert _authors(article) == ["Steven Shepard"]


def test_the_name_part_of_a_box_that_also_holds_a_date(tmp_path: Path) -> None:
    box = (
        '<div class="author"><span class="name">谢若含</span><span>2017-03-01 14:27:02</span></div>'
    )
    article, _ = _read(tmp_path, f"<article>{H1}{box}{TEXT}</article>", lang="zh")
    assert _authors(article) == ["谢若含"]


def test_a_long_run_of_text_without_spaces_is_no_name(tmp_path: Path) -> None:
    box = '<div id="writerProfile">この記事を書いた人渡辺洋介東京社会部フォロー専門・関心分野</div>'
    article, _ = _read(tmp_path, f"<article>{H1}{box}{TEXT}</article>", lang="ja")
    assert _authors(article) == []


def test_the_owner_its_copyright_notice_names_is_not_the_author(tmp_path: Path) -> None:
    head = (
        '<meta name="author" content="Condé Nast">'
        '<meta name="copyright" content="Copyright (c) Condé Nast 2022">'
        '<meta name="article:author" content="Larry Fitzmaurice">'
    )
    article, _ = _read(tmp_path, f"<article>{H1}{TEXT}</article>", head)
    assert _authors(article) == ["Larry Fitzmaurice"]
    alone = head.replace('<meta name="article:author" content="Larry Fitzmaurice">', "")
    article, _ = _read(tmp_path, f"<article>{H1}{TEXT}</article>", alone)
    assert _authors(article) == ["Condé Nast"]  # no one else named: kept


def _published(article: Article) -> date | None:
    return article.published.date() if article.published else None


def test_og_article_published_time_comes_before_a_crm_date_of_the_last_edit(
    tmp_path: Path,
) -> None:
    head = (
        '<meta name="sailthru.date" content="2016-12-15T13:50:38Z">'
        '<meta property="og:article:published_time" content="2016-12-14T06:02:15Z">'
    )
    article, _ = _read(tmp_path, f"<article>{H1}{TEXT}</article>", head)
    assert _published(article) == date(2016, 12, 14)


@pytest.mark.parametrize(
    ("line", "lang", "day"),
    [
        ("Published 3 May 2019", "en", date(2019, 5, 3)),
        ("October 29, 2018", "en", date(2018, 10, 29)),
        ("Veröffentlicht am 19.07.2022", "de", date(2022, 7, 19)),
        ("2019年04月04日 09:00", "ja", date(2019, 4, 4)),
        ("Updated 5 May 2019", "en", None),  # an update is not the publication
    ],
)
def test_a_date_line_under_the_headline(
    tmp_path: Path, line: str, lang: str, day: date | None
) -> None:
    article, _ = _read(tmp_path, f"<article>{H1}<div>{line}</div>{TEXT}</article>", lang=lang)
    assert _published(article) == day


def test_another_storys_link_with_its_date_is_not_the_date(tmp_path: Path) -> None:
    teaser = '<div><a href="/other">Boats return to the harbour</a> (2020年07月15日)</div>'
    article, _ = _read(tmp_path, f"<article>{H1}{teaser}{TEXT}</article>", lang="ja")
    assert _published(article) is None


def test_a_date_in_the_articles_facts_column_beside_the_text(tmp_path: Path) -> None:
    column = (
        '<aside><ul class="content__meta"><li>Hintergrund</li>'
        '<li class="content__meta__date">19.07.2022</li><li>Drucken</li></ul></aside>'
    )
    article, _ = _read(tmp_path, f"<article>{H1}{column}{TEXT}</article>", lang="de")
    assert _published(article) == date(2022, 7, 19)
    related = '<aside><h2>Mehr zum Thema</h2><ul><li class="date">01.01.2020</li></ul></aside>'
    article, _ = _read(tmp_path, f"<article>{H1}{TEXT}{related}</article>", lang="de")
    assert _published(article) is None


def test_a_date_marked_date_published_only_in_its_text(tmp_path: Path) -> None:
    mark = '<span class="author-timestamp" itemprop="datePublished">October 29, 2018</span>'
    article, _ = _read(tmp_path, f"<article>{H1}{TEXT}<p>{mark}</p>{TEXT}</article>")
    assert _published(article) == date(2018, 10, 29)


# Fourth round (issue 11): bylines and dates told by their shape, and two real pages
# (``pages-newspaper4k/NOTICE``, ``pages-mercury/NOTICE``).
DATA = Path(__file__).parent.parent / "data" / "inputs"
WORLD = "<p>The news travelled round the world of small ports within a day.</p>"


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
    article, _ = _read(tmp_path, f"<article>{H1}<p>{line}</p>{TEXT}{WORLD}</article>")
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
