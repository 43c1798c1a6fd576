"""Saved web pages: the known gaps left after the fifth round (issue 11, the sixth round).

Real pages from codelucas/newspaper's test data (MIT, NOTICE beside them) and small
hand-made pages, one shape each; docs/inputs.md, "Sixth round: the known page gaps".
"""

from __future__ import annotations

import re
from pathlib import Path

from helpers import DATA, read_quietly
from newsformats.model import Article, plain_text
from newsformats.readers.html_body import BodyOptions, html_to_blocks
from newsformats.readers.webpage.names import _title_before_name
from newsformats.readers.webpage.pictures import _same_picture

PAGES = DATA / "inputs" / "pages-newspaper"

STORY = "The bridge was closed on Friday as the storm reached the coast. " * 3


def _read(path: Path) -> tuple[Article, list[str]]:
    (article,), messages = read_quietly(path)
    return article, messages


def _page(tmp_path: Path, head: str, body: str) -> Path:
    page = tmp_path / "page.html"
    page.write_text(f"<html lang='en'><head>{head}</head><body>{body}</body></html>", "utf-8")
    return page


def test_reuters_slideshow_picture_leads_with_alt_caption_and_credit() -> None:
    article, _ = _read(PAGES / "reuters.com4.html")
    lead = article.lead_image
    assert lead is not None
    assert lead.alt is not None and lead.alt.startswith("A general view of Gartnavel")
    assert lead.caption == [
        "A general view of Gartnavel General Hospital is seen in Glasgow, Scotland "
        "December 29, 2014."
    ]
    assert lead.credit == "Reuters/Stringer"


def test_one_picture_a_resizer_serves_in_two_sizes() -> None:
    base = "https://img.example/r/?d=20141229&i=1008545958"
    assert _same_picture(f"{base}&w=580&ll=", f"{base}&w=&ll=580&pl=378")
    # another picture of the same day, or a query with no id, is another picture
    assert not _same_picture(f"{base}&w=580", "https://img.example/r/?d=20141229&i=1008545959")
    assert not _same_picture("https://img.example/r/?w=580", "https://img.example/r/?w=580&h=2")


SLIDESHOW = (
    "<div class='gallery'><a href='/pictures/1'><img src='https://img.example/p/{n}.jpg' "
    "alt='{alt}'></a></div><div class='slide-caption'><p><span>{counter}</span> {caption}</p>"
    "<p class='credit'>Photo: Ann Lee</p></div>"
)


def test_a_slideshow_counter_is_no_part_of_the_caption(tmp_path: Path) -> None:
    head = "<meta property='og:image' content='https://img.example/p/1.jpg'>"
    for counter in ("1 of 18.", "3/12", "2 von 9 |"):
        slides = SLIDESHOW.format(
            n=1, alt="The bridge at dawn", counter=counter, caption="The bridge, closed."
        )
        page = _page(tmp_path, head, f"<article><h1>Storm</h1>{slides}<p>{STORY}</p></article>")
        article, _ = _read(page)
        assert article.lead_image is not None
        assert article.lead_image.caption == ["The bridge, closed."]
        assert article.lead_image.credit == "Ann Lee"
    # figures in running words stay: "2 of 3 lanes" is the caption's own
    slides = SLIDESHOW.format(n=1, alt="Lanes", counter="2 of 3 lanes", caption="were shut.")
    page = _page(tmp_path, head, f"<article><h1>Storm</h1>{slides}<p>{STORY}</p></article>")
    article, _ = _read(page)
    assert article.lead_image is not None
    assert article.lead_image.caption == ["2 of 3 lanes were shut."]


def test_twitter_image_src_names_the_lead_picture(tmp_path: Path) -> None:
    head = "<meta name='twitter:image:src' content='https://img.example/p/2.jpg'>"
    slides = SLIDESHOW.format(n=2, alt="The ferry", counter="1 of 2.", caption="The ferry.")
    page = _page(tmp_path, head, f"<article><h1>Storm</h1>{slides}<p>{STORY}</p></article>")
    article, _ = _read(page)
    assert article.lead_image is not None
    assert article.lead_image.alt == "The ferry"


def test_the_marks_table_is_the_unicode_databases() -> None:
    """The table that spares reading the database at import says what the database says."""
    import unicodedata

    from newsformats.readers import letters

    if unicodedata.unidata_version == letters.TABLE_VERSION:
        assert letters._table_ranges() == letters._read_mark_ranges()
    assert re.fullmatch(letters.WORD, "अपडेटेड") and re.fullmatch(letters.WORD, "Thứ")
    assert not re.fullmatch(letters.WORD, "Thứ 2")


def test_telegraph_live_blog_label_leaves_the_body() -> None:
    article, notes = _read(PAGES / "telegraph.co.uk1.html")
    assert all(b.type != "subheading" for b in article.body[:3])
    assert plain_text(article.body[0].content).startswith("17.00 We are going")
    assert any("'Latest'" in message for message in notes)


def _entries(times: list[str]) -> str:
    return "".join(f"<p><strong>{t} </strong>{STORY}</p><p>{STORY}</p>" for t in times)


def test_a_live_blogs_day_headings_and_an_articles_subheadings_stay(tmp_path: Path) -> None:
    days = (
        f"<h2>Latest</h2>{_entries(['17.00', '16.30'])}"
        f"<h2>Earlier</h2>{_entries(['15.00', '14.10'])}"
    )
    page = _page(tmp_path, "", f"<article><h1>Storm</h1>{days}</article>")
    article, _ = _read(page)
    assert [plain_text(b.content) for b in article.body if b.type == "subheading"] == [
        "Latest",
        "Earlier",
    ]
    # an article's subheading over paragraphs that do not start with a time
    text = f"<h2>Latest</h2><p>{STORY}</p><p>{STORY}</p><p>{STORY}</p>"
    article, _ = _read(_page(tmp_path, "", f"<article><h1>Storm</h1>{text}</article>"))
    assert article.body[0].type == "subheading"
    # one label over the stream goes
    stream = f"<h2>Latest</h2>{_entries(['17.00', '16.30', '9:45'])}"
    article, _ = _read(_page(tmp_path, "", f"<article><h1>Storm</h1>{stream}</article>"))
    assert article.body[0].type == "paragraph"


def test_a_title_before_the_name_in_a_byline_is_the_role(tmp_path: Path) -> None:
    byline = "<div class='byline'>By Chief Political Correspondent Ann Lee</div>"
    page = _page(tmp_path, "", f"<article><h1>Storm</h1>{byline}<p>{STORY}</p></article>")
    article, _ = _read(page)
    assert [(a.name, a.role) for a in article.authors] == [
        ("Ann Lee", "Chief Political Correspondent")
    ]
    # a title alone, or a name alone, stays as it is
    assert _title_before_name("Staff Writer") == ("Staff Writer", None)
    assert _title_before_name("Ann Lee") == ("Ann Lee", None)


def test_a_name_alone_under_the_headline_linking_to_the_authors_page(tmp_path: Path) -> None:
    line = (
        "<div><a href='/author/ann-lee'>Ann Lee</a> and <a href='/author/tom-roe'>Tom Roe</a></div>"
    )
    page = _page(tmp_path, "", f"<article><h1>Storm</h1>{line}<p>{STORY}</p></article>")
    article, _ = _read(page)
    assert [a.name for a in article.authors] == ["Ann Lee", "Tom Roe"]
    # a link elsewhere, or words beside the name, make no byline
    for line in (
        "<div><a href='/topics/ann-lee'>Ann Lee</a></div>",
        "<div>Read <a href='/author/ann-lee'>Ann Lee</a> on floods</div>",
    ):
        page = _page(tmp_path, "", f"<article><h1>Storm</h1>{line}<p>{STORY}</p></article>")
        article, _ = _read(page)
        assert article.authors == []


def test_a_byline_list_item_indented_with_tabs_is_read(tmp_path: Path) -> None:
    """Upper-case surnames (AFP's "Bill MCCARTHY") in a list item of a hundred tabs."""
    tabs = "\t" * 120
    item = (
        f"<ul><li>By:{tabs}<span><a href='/bill-mccarthy'>Bill  MCCARTHY</a>,{tabs}</span>"
        f"{tabs}<span><a href='/marisha-goldhamer'>Marisha GOLDHAMER</a></span>{tabs}</li></ul>"
    )
    page = _page(tmp_path, "", f"<article><h1>Storm</h1>{item}<p>{STORY}</p></article>")
    article, _ = _read(page)
    assert [a.name for a in article.authors] == ["Bill MCCARTHY", "Marisha GOLDHAMER"]


def _linked(href: str, alt: str, size: str) -> str:
    width, height = size.split("x")
    return (
        f"<a href='{href}'><img alt='{alt}' src='/{alt}.jpg' width='{width}' height='{height}'></a>"
    )


def test_a_strip_linking_to_another_site_is_an_advertising_banner() -> None:
    options = BodyOptions(base_url="https://news.example.org/a/1.html")
    strip = _linked("https://shop.example.com/?c=1", "Sale", "600x90")
    own = _linked("/a/2.html", "Our podcast", "600x90")
    zoom = _linked("https://cdn.example.net/big.jpg", "The bay", "900x200")
    photo = _linked("https://shop.example.com/", "Ferry", "640x360")
    blocks = html_to_blocks(f"<div>{strip}</div><p>{own}</p><p>{zoom}</p><p>{photo}</p>", options)
    assert [b["image"]["alt"] for b in blocks if b["type"] == "figure"] == [
        "Our podcast",
        "The bay",
        "Ferry",
    ]


def test_a_desk_before_capitalised_words_stays_whole() -> None:
    """One role word before capitalised words is a desk's name as often as a title."""
    assert _title_before_name("Redaktion Gelbe Liste") == ("Redaktion Gelbe Liste", None)
    assert _title_before_name("Staff Writer Ann Lee") == ("Ann Lee", "Staff Writer")
