"""Saved web pages: the known page gaps of the seventh to ninth runs (gaps10a).

Small hand-made pages in the shape of the runs' (taz, Khaama, Yomiuri, To Vima, Islamische
Zeitung); docs/inputs.md, "Known page gaps fixed (gaps10a)", says which is which.
"""

from __future__ import annotations

from pathlib import Path

from newsformats.model import Article, Paragraph, Subheading, plain_text
from newsformats.notes import collecting_notes
from newsformats.readers import read_all

STORY = "".join(
    f"<p>Part {n}: the council agreed the budget at dawn after eleven hours of talks between "
    "the three parties that share power in the town hall, the mayor's office said.</p>"
    for n in range(1, 8)
)
HEADLINE = "Budget agreed after a long night"


def _read(tmp_path: Path, head: str, body: str, lang: str = "en") -> tuple[Article, list[str]]:
    page = tmp_path / "page.html"
    page.write_text(
        f"<html lang='{lang}'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>",
        "utf-8",
    )
    with collecting_notes() as notes:
        (article,) = read_all(page)
    return article, [str(n) for n in notes]


def _paragraphs(article: Article) -> list[str]:
    return [plain_text(b.content) for b in article.body if isinstance(b, Paragraph)]


# 2. A description of the site is no standfirst.


def test_a_description_naming_the_site_is_no_standfirst(tmp_path: Path) -> None:
    # Khaama: "The largest news and information source in Afghanistan", while <title> says
    # "… - Khaama Press (KP) | Afghan News Agency"; the body never tells it again.
    article, notes = _read(
        tmp_path,
        f"<title>{HEADLINE} - Town Crier | Valley News Agency</title>"
        "<meta name='description' content='The largest news and information source in the "
        "valley'>",
        f"<article><h1>{HEADLINE}</h1>{STORY}</article>",
    )
    assert article.standfirst is None
    assert any("it is the site's, not the standfirst" in n for n in notes)


def test_a_description_in_japanese_naming_the_site_is_no_standfirst(tmp_path: Path) -> None:
    # Yomiuri: "読売新聞社のニュースサイト" under a <title> ending "YOMIURI ONLINE（読売新聞）".
    story = "".join(
        f"<p>海津市の公園で、チューリップが見頃を迎えている。第{n}会場には大勢の人たちが"
        "訪れ、多彩な色や形を鑑賞している。</p>"
        for n in range(1, 5)
    )
    article, _ = _read(
        tmp_path,
        "<title>色とりどりのチューリップ : 地域 : 東西新報オンライン（東西新報）</title>"
        "<meta name='description' content='東西新報社のニュースサイト'>",
        f"<article><h1>色とりどりのチューリップ</h1>{story}</article>",
        lang="ja",
    )
    assert article.standfirst is None


def test_a_description_of_the_article_stays_the_standfirst(tmp_path: Path) -> None:
    # The same page with a description that tells the story: it names the site's word
    # "news" too, but most of its words are the article's.
    article, _ = _read(
        tmp_path,
        f"<title>{HEADLINE} - Town Crier | Valley News Agency</title>"
        "<meta name='description' content='The council agreed the town budget at dawn "
        "after eleven hours of talks, news the mayor welcomed.'>",
        f"<article><h1>{HEADLINE}</h1>{STORY}</article>",
    )
    assert article.standfirst is not None
    assert article.standfirst.startswith("The council agreed")


# 4. A lead picture with an empty alt and no caption is said.


def test_a_lead_picture_with_a_credit_only_is_said(tmp_path: Path) -> None:
    # Islamische Zeitung: the picture's alt is empty, its box holds only "Foto: … | Lizenz".
    article, notes = _read(
        tmp_path,
        f"<title>{HEADLINE}</title>"
        "<meta property='og:image' content='https://news.example.org/up/mayor-610x343.jpg'>",
        f"<article><h1>{HEADLINE}</h1><figure><img alt='' width=610 height=343 "
        "src='https://news.example.org/up/mayor-610x343.jpg'>"
        "<figcaption>Foto: Jane Roe | Lizenz: CC BY 4.0</figcaption></figure>"
        f"{STORY}</article>",
    )
    assert article.lead_image is not None
    assert not article.lead_image.alt and not article.lead_image.caption
    assert article.lead_image.decorative
    assert any("lead picture" in n and "no alt text and no caption" in n for n in notes)


# 1. A picture in the article's top zone leads it.


def test_a_picture_under_a_subtitle_and_before_the_text_leads(tmp_path: Path) -> None:
    # Yomiuri: no og:image; the h1, a short h2 subtitle, the picture with its caption box,
    # then the text.
    article, _ = _read(
        tmp_path,
        f"<title>{HEADLINE}</title>",
        f"<div class='article-def'><h1>{HEADLINE}</h1><h2>Talks ran through the night</h2>"
        "<div class='box-l'><a href='https://news.example.org/zoom/town-hall.htm'>"
        "<img src='https://news.example.org/photo/town-hall.jpg' width=200 height=132 alt=''>"
        "</a><div class='photo-cap'>The town hall at dawn</div></div>"
        f"{STORY}</div>",
    )
    assert article.lead_image is not None
    assert plain_text(article.lead_image.caption or []) == "The town hall at dawn"
    assert _paragraphs(article)[0].startswith("Part 1:")


# 3. A short line all in bold between paragraphs is a subheading.

TEXT = (
    "The council agreed the budget at dawn after eleven hours of talks between the three "
    "parties that share power in the town hall."
)


def test_a_short_bold_line_between_paragraphs_is_a_subheading(tmp_path: Path) -> None:
    # To Vima: "<div><strong>Η εφαρμογή της σκληροθεραπείας</strong></div>", one also
    # in italics, between the text's paragraphs (divs, not p).
    article, _ = _read(
        tmp_path,
        f"<title>{HEADLINE}</title>",
        f"<article><h1>{HEADLINE}</h1><div>{TEXT} One.</div><div>{TEXT} Two.</div>"
        f"<div><strong>How the deal was made</strong></div><div>{TEXT} Three.</div>"
        f"<div>{TEXT} Four.</div><div><em><strong>What comes next</strong></em></div>"
        f"<div>{TEXT} Five.</div><div>{TEXT} Six.</div></article>",
    )
    subheadings = [plain_text(b.content) for b in article.body if isinstance(b, Subheading)]
    assert subheadings == ["How the deal was made", "What comes next"]
    assert len(_paragraphs(article)) == 6


def test_a_bold_sentence_or_label_stays_a_paragraph(tmp_path: Path) -> None:
    # A bold line that ends like a sentence or a label, or one that opens the text, is none.
    article, _ = _read(
        tmp_path,
        f"<title>{HEADLINE}</title>",
        f"<article><h1>{HEADLINE}</h1><p><b>The mayor was pleased.</b></p><p>{TEXT}</p>"
        f"<p><b>Asked why, she said:</b></p><p>{TEXT}</p><p><b>Was it worth it?</b></p>"
        f"<p>{TEXT}</p><p>{TEXT} Again.</p></article>",
    )
    assert not any(isinstance(b, Subheading) for b in article.body)
