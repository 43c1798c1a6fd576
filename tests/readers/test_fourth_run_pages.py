"""Saved web pages: the fourth acceptance run's misses (issue 11, the fifth round).

Three real pages from codelucas/newspaper's test data (MIT, NOTICE beside them) and small
hand-made pages, one shape each; docs/inputs.md, "Fifth round: the fourth run's page misses".
"""

from __future__ import annotations

from pathlib import Path

from lxml import html

from helpers import DATA
from newsformats.model import Article, plain_text
from newsformats.notes import Note, collecting_notes
from newsformats.readers import read_all
from newsformats.readers.excerpts import letters_key as _key
from newsformats.readers.html_body import html_to_blocks, inline_text
from newsformats.readers.webpage.furniture import _control_box_lines

PAGES = DATA / "inputs" / "pages-newspaper"


def _read(path: Path) -> tuple[Article, list[Note]]:
    with collecting_notes() as notes:
        (article,) = read_all(path)
    return article, notes


STORY = "The bridge was closed on Friday as the storm reached the coast. "
MORE = "Traffic was sent through the town centre until the wind dropped. "
TITLE = "<title>Storm closes the bridge</title>"


def _page(tmp_path: Path, head: str, body: str) -> Path:
    page = tmp_path / "page.html"
    page.write_text(f"<html lang='en'><head>{head}</head><body>{body}</body></html>", "utf-8")
    return page


def _texts(article: Article) -> list[str]:
    return [plain_text(b.content) for b in article.body if b.type == "paragraph"]


def test_paragraphs_inside_a_span_stay_paragraphs() -> None:
    blocks = html_to_blocks(
        "<span id='text'><span class='focus'><p>One.</p></span><span></span>"
        "<p>Two.</p><span></span><p>Three.</p></span>"
    )
    assert [b["content"] for b in blocks] == [["One."], ["Two."], ["Three."]]


def test_a_mark_around_paragraphs_is_not_split() -> None:
    blocks = html_to_blocks("<div>Before <em>in <span>a span</span></em> after.</div>")
    assert len(blocks) == 1


def test_space_at_the_end_of_a_mark_stays_between_words() -> None:
    (block,) = html_to_blocks("<p><strong>17.00 </strong>We are going</p>")
    assert block["content"] == [{"type": "strong", "children": ["17.00 "]}, "We are going"]
    (only,) = html_to_blocks("<p><b> Alone </b></p>")
    assert only["content"] == [{"type": "strong", "children": ["Alone"]}]


def test_reuters_body_is_whole() -> None:
    article, _ = _read(PAGES / "reuters.com4.html")
    texts = _texts(article)
    assert article.headline == "Healthcare worker in Scotland diagnosed with Ebola"
    assert any(t.startswith("LONDON (Reuters) - A healthcare worker") for t in texts)
    assert any(t.startswith("The patient is being treated in isolation") for t in texts)
    assert any(t.startswith("The World Health Organization on Monday") for t in texts)
    assert len(texts) >= 9


def test_telegraph_live_blog_times_and_bylines() -> None:
    article, _ = _read(PAGES / "telegraph.co.uk1.html")
    texts = _texts(article)
    assert any(t.startswith("17.00 We are going") for t in texts)
    assert not any("17.00We" in t for t in texts)
    assert [a.name for a in article.authors] == [
        "Harriet Alexander",
        "Andrew Marszal",
        "Josie Ensor",
    ]


def test_marked_author_beside_unmarked_names(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        TITLE,
        "<article>"
        "<h1>Storm closes the bridge</h1><p class='byline'>By <a rel='author' href='/a'>Ann "
        "Lee</a>, <span>Tom Roe and Eva Cole</span></p><p>" + STORY * 8 + "</p></article>",
    )
    article, _ = _read(page)
    assert [a.name for a in article.authors] == ["Ann Lee", "Tom Roe", "Eva Cole"]


def test_nikkei_byline_inside_the_h1() -> None:
    article, notes = _read(PAGES / "japanese_article.html")
    assert article.headline == "米朝首脳直通電話 習氏に挑むトランプ戦術の成否"
    # the job before the name is the role (the ja pack's role_words), not part of the name
    assert [(a.name, a.role) for a in article.authors] == [("中沢克二", "編集委員")]
    assert any("byline" in n.message for n in notes)


def test_h1_second_line_in_the_title_stays(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        "<title>Storm closes the bridge: traffic diverted</title>",
        "<article><h1><span>Storm closes the bridge:</span><br/><span>traffic diverted"
        f"</span></h1><p>{STORY * 8}</p></article>",
    )
    article, _ = _read(page)
    assert article.headline == "Storm closes the bridge: traffic diverted"
    assert article.authors == []


def test_a_box_named_for_its_writer_that_holds_the_story_is_no_byline(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        TITLE,
        f"<h1>Storm closes the bridge</h1><article class='node author-sarayut'><p>{STORY * 20}"
        "</p><ul><li><a href='/tag/weather'>Weather</a></li><li><a href='/tag/roads'>Roads"
        "</a></li><li><a href='/print/1'>Printer-friendly version</a></li></ul></article>",
    )
    article, _ = _read(page)
    assert article.authors == []


def test_submitted_on_date_line_leaves_the_body(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        TITLE,
        "<article>"
        "<h1>Storm closes the bridge</h1><span class='submitted-by'>Submitted on Mon, "
        "2019-01-21 13:49</span><div class='field-body'><p>"
        + STORY * 8
        + "</p><p>"
        + MORE * 4
        + "</p></div></article>",
    )
    article, _ = _read(page)
    assert not any(t.startswith("Submitted") for t in _texts(article))
    assert article.published is not None and article.published.date().isoformat() == "2019-01-21"


def test_follow_us_box_of_the_sites_own_accounts_leaves_the_body(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        "<title>Storm closes the bridge</title>"
        "<link rel='canonical' href='https://harbourtimes.org/news/1'>",
        "<article>"
        "<h1>Storm closes the bridge</h1><p>"
        + STORY * 8
        + "</p><p>"
        + MORE * 4
        + "</p><div>Follow us:<br/>Facebook https://fb.me/harbourtimes<br/>Twitter "
        "https://twitter.com/harbourtimes<br/>LINE ID = @harbourtimes</div>"
        "</article>",
    )
    article, _ = _read(page)
    assert not any("harbourtimes" in t for t in _texts(article))
    assert len(_texts(article)) == 2


def test_label_and_story_links_leave_the_body() -> None:
    blocks = html_to_blocks(
        "<p>Text of the story, a sentence long enough to stand.</p>"
        "<p><span>Related: </span><a href='https://x.org/a'>Fact check: the address analysed"
        "</a> </p><p><b>Related</b><br><a href='https://x.org/1'>Bridge shut after the storm"
        "</a><br><a href='https://x.org/2'>Ferries stop for a second day</a></p>"
        "<p>Source: <a href='https://who.int'>WHO</a></p>"
        "<p>Source: <a href='https://boxofficemojo.com'>Box Office Mojo</a></p>"
        "<p>Image: <a href='https://amazon.co.jp'>Amazon.co.jp</a></p>"
        "<p>He said <a href='https://x.org/3'>the plan would fail badly</a></p>"
    )
    texts = [inline_text(b["content"]) for b in blocks]
    assert texts == [
        "Text of the story, a sentence long enough to stand.",
        "Source: WHO",
        "Source: Box Office Mojo",
        "Image: Amazon.co.jp",
        "He said the plan would fail badly",
    ]


def test_advertising_banner_is_no_figure() -> None:
    blocks = html_to_blocks(
        "<div><a href='http://ads.example/TN'><img alt='Buy now' src='http://ads.example/b.gif'"
        " width='468' height='60'></a></div><p><img alt='The bridge' src='https://x.org/b.jpg'"
        " width='468' height='60'></p><a href='https://x.org/p'><img alt='The ferry' "
        "src='https://x.org/f.jpg' width='640' height='360'></a>"
    )
    assert [b["image"]["alt"] for b in blocks if b["type"] == "figure"] == [
        "The bridge",
        "The ferry",
    ]


BLOG = (
    "<title>Favourite: the bridge cafe - Harbour Times</title>"
    "<meta property='og:title' content='Favourite: the bridge cafe'>"
)


def test_blog_name_h1_gives_way_to_the_post_title_under_it(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        BLOG,
        "<section class='channel-header'><h1><span>Food </span>Blog</h1></section>"
        "<div><section class='blog-entry'><h2 class='headline'>Favourite: the bridge cafe</h2>"
        f"<p>{STORY * 8}</p></section><aside><section class='widget author'><a href='/p/ann'>"
        "<img src='/p/ann.jpg' alt='Ann Lee'></a><p class='author'>By Ann Lee</p></section>"
        "</aside></div>",
    )
    article, _ = _read(page)
    assert article.headline == "Favourite: the bridge cafe"
    assert [b.type for b in article.body][:1] == ["paragraph"]  # the h2 said once
    assert [a.name for a in article.authors] == ["Ann Lee"]


def test_a_column_of_several_writers_is_no_byline(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        BLOG,
        "<h1>Food Blog</h1><div><section><h2>Favourite: the bridge cafe</h2>"
        f"<p>{STORY * 8}</p></section><aside><p class='author'>By Ann Lee</p>"
        "<p class='author'>By Tom Roe</p></aside></div>",
    )
    article, _ = _read(page)
    assert article.headline == "Favourite: the bridge cafe"
    assert article.authors == []


def test_paywall_box_leaves_the_body_with_a_warning() -> None:
    article, notes = _read(PAGES / "japanese_article.html")
    texts = _texts(article)
    assert texts[-1] == "その判断は…"
    assert any("paywall" in n.message and n.level == "warning" for n in notes)
    lines = _control_box_lines(
        html.fromstring(
            "<div><div><p>Members only. Sign up to read on.</p><a href='javascript:void(0)'>"
            "Sign up</a></div><div><p>Write to the desk.</p><a href='https://x.org/s'>Mail</a>"
            "</div></div>"
        )
    )
    assert lines == {_key("Members only. Sign up to read on.")}  # a link going somewhere: kept
