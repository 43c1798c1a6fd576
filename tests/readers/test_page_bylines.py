"""A saved page's byline and date where the page shows them only as text or in its own marks.

Hand-made pages, one shape each: a "By NAME" line under the headline, a byline as the
body's first or last paragraph, class names CMSs give byline boxes, a name part inside a
box that also holds a date, the owner of the site given as the author, and dates shown
under the headline or marked without a machine-readable value.
"""

from __future__ import annotations

from datetime import date
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
