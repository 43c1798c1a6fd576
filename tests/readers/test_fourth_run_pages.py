"""Saved web pages: the fourth acceptance run's misses (issue 11, the fifth round).

Three real pages from codelucas/newspaper's test data (MIT, NOTICE beside them) and small
hand-made pages, one shape each; docs/inputs.md, "Fifth round: the fourth run's page misses".
"""

from __future__ import annotations

from pathlib import Path

from helpers import DATA
from newsformats.model import Article, plain_text
from newsformats.notes import Note, collecting_notes
from newsformats.readers import read_all
from newsformats.readers.html_body import html_to_blocks

PAGES = DATA / "inputs" / "pages-newspaper"


def _read(path: Path) -> tuple[Article, list[Note]]:
    with collecting_notes() as notes:
        (article,) = read_all(path)
    return article, notes


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
    page = tmp_path / "page.html"
    page.write_text(
        "<html lang='en'><head><title>Storm closes the bridge</title></head><body><article>"
        "<h1>Storm closes the bridge</h1><p class='byline'>By <a rel='author' href='/a'>Ann "
        "Lee</a>, <span>Tom Roe and Eva Cole</span></p><p>"
        + "The bridge was closed on Friday as the storm reached the coast. " * 8
        + "</p></article></body></html>",
        "utf-8",
    )
    article, _ = _read(page)
    assert [a.name for a in article.authors] == ["Ann Lee", "Tom Roe", "Eva Cole"]


def test_nikkei_byline_inside_the_h1() -> None:
    article, notes = _read(PAGES / "japanese_article.html")
    assert article.headline == "米朝首脳直通電話 習氏に挑むトランプ戦術の成否"
    assert [a.name for a in article.authors] == ["編集委員 中沢克二"]
    assert any("byline" in n.message for n in notes)


def test_h1_second_line_in_the_title_stays(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html lang='en'><head><title>Storm closes the bridge: traffic diverted</title></head>"
        "<body><article><h1><span>Storm closes the bridge:</span><br/><span>traffic diverted"
        "</span></h1><p>"
        + "The bridge was closed on Friday as the storm reached the coast. " * 8
        + "</p></article></body></html>",
        "utf-8",
    )
    article, _ = _read(page)
    assert article.headline == "Storm closes the bridge: traffic diverted"
    assert article.authors == []
