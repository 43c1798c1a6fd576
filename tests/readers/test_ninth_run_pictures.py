"""Saved web pages: the lead picture (the ninth acceptance run's misses 1, 2, 8, 11, 13, 14).

Small hand-made pages in the shape of the run's (the Guardian's AMP page, Khaama, taz,
Yomiuri); docs/inputs.md, "Ninth run: lead pictures fixed", says which is which.
"""

from __future__ import annotations

from pathlib import Path

from newsformats.model import Article, Image, Paragraph, plain_text
from newsformats.notes import collecting_notes
from newsformats.readers import read_all
from newsformats.readers.html_body import html_to_blocks, inline_text

STORY = "".join(
    f"<p>Part {n}: the council agreed the budget at dawn after eleven hours of talks between "
    "the three parties that share power in the town hall, the mayor's office said.</p>"
    for n in range(1, 8)
)
HEADLINE = "Budget agreed after a long night"


def _page(tmp_path: Path, head: str, body: str, lang: str = "en") -> Article:
    page = tmp_path / "page.html"
    page.write_text(
        f"<html lang='{lang}'><head><meta charset='utf-8'><title>{HEADLINE}</title>"
        f"<link rel='canonical' href='https://news.example.org/news/budget'>{head}</head>"
        f"<body>{body}</body></html>",
        "utf-8",
    )
    with collecting_notes():
        (article,) = read_all(page)
    return article


def _lead(article: Article) -> Image:
    assert article.lead_image is not None
    return article.lead_image


def _paragraphs(article: Article) -> list[str]:
    return [plain_text(b.content) for b in article.body if isinstance(b, Paragraph)]


def test_an_amp_picture_through_an_image_proxy_is_the_lead(tmp_path: Path) -> None:
    # The Guardian's AMP page: no <img> at all, an <amp-img> whose address is the AMP
    # cache's path to the picture og:image names in another crop ("…/master/4186.jpg").
    picture = "i.example-media.net/img/media/952f966053f49b5892471984f6271e8ed55bcc26/0_80_4186"
    article = _page(
        tmp_path,
        f"<meta property='og:image' content='https://{picture}/master/4186.jpg?w=1200'>",
        f"<article><h1>{HEADLINE}</h1><figure><amp-img alt='A trader walks past a board.' "
        f"width=4186 height=2512 layout=responsive src='/i/s/{picture}/4186.jpg?w=620'>"
        "</amp-img><figcaption>A trader walks past a board. Photograph: Jane Roe/AFP"
        f"</figcaption></figure>{STORY}</article>",
    )
    lead = _lead(article)
    assert lead.alt == "A trader walks past a board."
    assert lead.credit == "Jane Roe/AFP"


def test_link_icons_and_their_toolbar_leave_and_a_floated_picture_leads(tmp_path: Path) -> None:
    # Khaama: a byline line, a list of counters and links each with an icon whose alt says
    # the link's word ("Email", "Print"), then the story's picture floated at the start of
    # the first paragraph, in a link to its full-size file; no og:image.
    share = "https://news.example.org/news/budget/email/"
    printed = "https://news.example.org/news/budget/print/"
    article = _page(
        tmp_path,
        "",
        f"<div class='post'><h1>{HEADLINE}</h1><p>By Town Press - Sat Apr 23 2016</p>"
        "<ul class='stats'><li>688 views</li>"
        f"<li><a href='{share}'><img src='email.png' alt='Email'></a> <a href='{share}'>Email"
        f"</a></li><li><a href='{printed}'><img src='print.gif' alt='Print'></a> "
        f"<a href='{printed}'>Print</a></li></ul>"
        "<p><a href='https://news.example.org/up/hall.jpg'><img src='https://news.example.org/"
        "up/hall-300x193.jpg' alt='The town hall at dawn' width=300 height=193></a>"
        f"Part 0: the council met at dawn in the town hall after a long night.</p>{STORY}</div>",
    )
    assert _lead(article).alt == "The town hall at dawn"
    figures = [b for b in article.body if b.__class__.__name__ == "Figure"]
    assert figures == []
    paragraphs = _paragraphs(article)
    assert not any("Email" in p or "688 views" in p for p in paragraphs)
    assert paragraphs[0].startswith("Part 0: the council met")


def test_a_caption_box_named_cap_beside_a_picture_is_its_caption(tmp_path: Path) -> None:
    # Yomiuri: <div class=box-l><a href=/zoom/…><img alt=""></a><div class=photo-cap>…</div>
    # </div>, then the text: the caption is the figure's, not the first paragraph.
    article = _page(
        tmp_path,
        "",
        f"<div class='article-def'><h1>{HEADLINE}</h1><div class='box-l'>"
        "<a href='/zoom/20110410.htm'><img src='/photo/20110410-1-N.jpg' width=200 height=132 "
        "alt=''></a><div class='photo-cap'>Tulips in full bloom</div></div>"
        f"{STORY}</div>",
    )
    figures = [b for b in article.body if b.__class__.__name__ == "Figure"]
    captions = [plain_text(f.image.caption) for f in figures]
    lead = article.lead_image
    assert "Tulips in full bloom" in [*captions, plain_text(lead.caption) if lead else ""]
    assert _paragraphs(article)[0].startswith("Part 1:")


def test_a_credit_span_inside_a_caption_after_a_picture_is_its_credit() -> None:
    # taz: <a><img alt=""></a><p class=caption>…<span class=credit>Foto: dapd</span></p>
    blocks = html_to_blocks(
        "<div><a href='/xl/demo.jpg'><img src='/full/demo.jpg' alt=''></a><p class='caption'>"
        "A rare sight: a protester asks for the reactors to be shut down.\n"
        "<span class='credit'>Foto: dapd</span>\n</p><p>The text.</p></div>"
    )
    image = blocks[0]["image"]
    assert image["credit"] == "dapd"
    assert inline_text(image["caption"]).strip().endswith("shut down.")


def test_a_credit_cell_above_the_picture_in_its_table_is_its_credit(tmp_path: Path) -> None:
    # Folha: <table class=articleGraphic> of three rows: a credit cell
    # (td.articleGraphicCredit), the picture's cell, the caption's cell; no og:image.
    article = _page(
        tmp_path,
        "",
        f"<header><h1>{HEADLINE}</h1></header><article><table class='articleGraphic'>"
        "<tr><td rowspan=3></td><td class='articleGraphicCredit'>Share Conference</td>"
        "<td rowspan=3></td></tr><tr><td><img src='https://img.example.org/17029114.jpeg' "
        "width=635 height=369 alt='The mayor at the council'></td></tr><tr>"
        "<td class='articleGraphicCaption'>The mayor at the council</td></tr></table></article>"
        f"<article>{STORY}</article>",
    )
    lead = _lead(article)
    assert lead.alt == "The mayor at the council"
    assert lead.credit == "Share Conference"
