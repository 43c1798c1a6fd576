"""Saved web pages: the lead picture's alt text, caption and credit (issue 11, the seventh
acceptance run's misses).

Three of the run's pages (rp.pl and wPolityce as saved, in ``pages-seventh-dates``; VICE
trimmed, ``pages-seventh-pictures/NOTICE``), and
small hand-made pages in the shape of the others (Energetyka24, Islamische Zeitung,
Polityka); docs/inputs.md, "Seventh run: lead pictures fixed", says which is which.
"""

from __future__ import annotations

from pathlib import Path

from helpers import DATA
from newsformats.model import Article, Image, Paragraph, plain_text
from newsformats.notes import collecting_notes
from newsformats.readers import read_all
from newsformats.readers.chrome import caption_credit
from newsformats.readers.html_body import html_to_blocks

PAGES = DATA / "inputs" / "pages-seventh-pictures"
# The rp.pl and wPolityce pages, as saved (the dates tests read them too).
SAVED = DATA / "inputs" / "pages-seventh-dates"
# The story's text: long paragraphs, so that the body begins where they do.
STORY = "".join(
    f"<p>Part {n}: the council agreed the budget at dawn after eleven hours of talks between "
    "the three parties that share power in the town hall, the mayor's office said.</p>"
    for n in range(1, 8)
)
HEADLINE = "Budget agreed after a long night"


def _read(path: Path) -> tuple[Article, list[str]]:
    with collecting_notes() as notes:
        (article,) = read_all(path)
    return article, [str(n) for n in notes]


def _page(tmp_path: Path, head: str, body: str) -> Path:
    page = tmp_path / "page.html"
    page.write_text(
        f"<html lang='en'><head><title>{HEADLINE}</title>"
        f"<link rel='canonical' href='https://example.org/news/budget'>{head}</head>"
        f"<body>{body}</body></html>",
        "utf-8",
    )
    return page


def _lead(article: Article) -> Image:
    assert article.lead_image is not None
    return article.lead_image


def _paragraphs(article: Article) -> list[str]:
    return [plain_text(b.content) for b in article.body if isinstance(b, Paragraph)]


# --- the run's pages ------------------------------------------------------------------


def test_a_description_box_and_an_author_box_beside_the_picture_are_caption_and_credit() -> None:
    # rp.pl: <picture><source …><source …><img alt=""></picture> (the parser nests the
    # unclosed sources around the img), then div.article__image-desc, div.article__image-author.
    article, notes = _read(SAVED / "rp-fundusze.html")
    lead = _lead(article)
    assert plain_text(lead.caption) == (
        "Po głosowaniach w Sejmie (na zdjęciu Mateusz Morawiecki w ławach rządowych) "
        "wyzwaniem dla opozycji będzie monitorowanie prawidłowości wydawania pieniędzy z "
        "funduszy UE"
    )
    assert lead.credit == "PAP/ Rafał Guz"
    assert not any("has no alt text or caption" in n for n in notes)


def test_a_picture_with_only_source_srcsets_and_a_credit_box_holding_its_caption() -> None:
    # VICE: <picture><source srcSet=…><img alt="{title}"></picture> (no src), then
    # div.short-form__lede-credit "The deserted streets … Credit: Hady Ashraf / Alamy …".
    article, notes = _read(PAGES / "vice-sample.html")
    lead = _lead(article)
    assert lead.alt == "COVID-19 Is Pushing a Quarter of the Arab World to Poverty, UN Warns"
    assert plain_text(lead.caption) == (
        "The deserted streets of Dubai during a two-week lockdown aiming to curb the spread "
        "of coronavirus in April."
    )
    assert lead.credit == "Hady Ashraf / Alamy Live News"
    # The caption box, read as a paragraph, no longer starts the text.
    assert _paragraphs(article)[0].startswith("The United Nations has warned")
    assert any("caption also stood as the body's text" in n for n in notes)


def test_a_resizers_address_that_holds_the_pictures_path_in_base64() -> None:
    # wPolityce: og:image ".../pictures/2021/04/29/1200/596/c4a23b3a….jpeg", the page's img
    # "//media.wplm.pl/thumbs/95b/OTYwL3VfMS9j….jpeg" ("960/u_1/cc_62843/p/2021/04/29/…").
    article, notes = _read(SAVED / "wpolityce-zgoda-pe.html")
    lead = _lead(article)
    assert lead.alt == "Londyn / autor: Pixabay, Twitter"
    # "autor:" after the slash is the pl pack's credit label: the photo's author.
    assert plain_text(lead.caption) == "Londyn"
    assert lead.credit == "Pixabay, Twitter"
    assert not any("has no alt text or caption" in n for n in notes)


def test_polish_credit_lines_are_credits() -> None:
    # Energetyka24's figcaption "Fot. Europol Gaz": the abbreviated label's full stop.
    assert caption_credit("Fot. Europol Gaz") == ("", "Europol Gaz")
    assert caption_credit("Londyn / autor: Pixabay, Twitter") == ("Londyn", "Pixabay, Twitter")
    assert caption_credit("Fotografia z wakacji nad morzem") == (
        "Fotografia z wakacji nad morzem",
        None,
    )


# --- shapes of the run's other pages ----------------------------------------------------


def test_the_pictures_own_alt_wins_over_a_metadata_alt_that_says_the_headline(
    tmp_path: Path,
) -> None:
    # Energetyka24: twitter:image:alt is the headline; the page's img, another size of the
    # same file ("840_472_…" for "1200_660_…"), has its own alt and a credit line as caption.
    page = _page(
        tmp_path,
        f'<meta name="twitter:image:alt" content="{HEADLINE}">'
        '<meta property="og:image" '
        'content="https://example.org/cache/img/1200_660_matched__qbe7fh_damatdawn.jpg">',
        f"<div class='news-header'><h1>{HEADLINE}</h1></div><figure class='news-image-desc'>"
        "<img src='/cache/img/840_472_matched__qbe7fh_damatdawn.jpg' alt='the dam at dawn'>"
        "<figcaption class='title'><main>Photo: Town Hall</main></figcaption></figure>"
        f"<div class='news-share'><a href='/share'>Share</a></div>"
        f"<div class='news-body'>{STORY}</div>",
    )
    article, notes = _read(page)
    lead = _lead(article)
    assert lead.alt == "the dam at dawn"
    assert not lead.caption
    assert lead.credit == "Town Hall"
    assert any("840_472_matched__qbe7fh_damatdawn.jpg (another size" in n for n in notes)


def test_a_metadata_alt_of_its_own_stays(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        '<meta property="og:image:alt" content="Councillors leave the town hall">'
        '<meta property="og:image" content="https://example.org/img/council-vote-2024.jpg">',
        f"<div class='top'><img src='https://example.org/img/council-vote-2024.jpg' "
        f"alt='town hall'></div><article><h1>{HEADLINE}</h1>{STORY}</article>",
    )
    assert _lead(_read(page)[0]).alt == "Councillors leave the town hall"


def test_a_caption_that_is_only_a_credit_line_is_the_credit(tmp_path: Path) -> None:
    # Islamische Zeitung: a picture with an empty alt whose "caption" is its photo credit.
    caption = (
        "<div class='iz-post-thumbnail__caption'>Foto: <a href='http://www.president.gov.ua/'>"
        "president.gov.ua</a>, via Wikimedia Commons | Lizenz: "
        "<a href='https://creativecommons.org/licenses/by/4.0/deed'>CC BY 4.0</a></div>"
    )
    picture = (
        "<picture><source type='image/webp' srcset='https://example.org/up/Steinmeier-610x343"
        ".jpg.webp 610w'><img width='610' height='343' alt='' "
        "src='https://example.org/up/Steinmeier-610x343.jpg'></picture>"
    )
    (block,) = html_to_blocks(f"<div class='iz-post-thumbnail'>{picture}{caption}</div>")
    assert not block["image"].get("caption")
    assert block["image"]["credit"] == (
        "president.gov.ua, via Wikimedia Commons | Lizenz: CC BY 4.0"
    )
    page = _page(
        tmp_path,
        '<meta property="og:image" content="https://example.org/up/Steinmeier.jpg">',
        f"<article><h1>{HEADLINE}</h1><div class='iz-post-thumbnail'>{picture}{caption}</div>"
        f"{STORY}</article>",
    )
    article, _ = _read(page)
    lead = _lead(article)
    assert not lead.caption and not lead.alt  # nothing invented for a picture of no alt
    assert lead.credit == "president.gov.ua, via Wikimedia Commons | Lizenz: CC BY 4.0"


def test_a_link_beside_the_picture_holding_its_description_and_credit(tmp_path: Path) -> None:
    # Polityka: <a href=big><img alt=…></a><a href=big><span class=…_desc>…</span>
    # <span class=…_credit>…</span></a> after the headline, outside the article's text.
    said = "Councillors leave the town hall after the vote."
    big = "https://example.org/res/path/aa/de/aadec868-8723-4c15_f1400x900"
    page = _page(
        tmp_path,
        '<meta property="og:image" content="https://example.org/res/path/aa/de/aadec868-8723-4c15">',
        f"<h1>{HEADLINE}</h1><div class='opening_multimedia'>"
        f"<a href='{big}' title='{said}'><img src='{big}' alt='{said}'></a>"
        f"<a href='{big}' title='{said}'><span class='opening_multimedia_desc'>{said}</span>"
        "<span class='opening_multimedia_credit'>Ann Lee / Forum</span></a></div>"
        f"<div class='article_content'>{STORY}</div>",
    )
    lead = _lead(_read(page)[0])
    assert plain_text(lead.caption) == said
    assert lead.credit == "Ann Lee / Forum"


def test_a_box_beside_the_picture_named_for_nothing_or_holding_links_is_no_caption(
    tmp_path: Path,
) -> None:
    links = "".join(f"<li><a href='/t/{n}'>Topic {n}</a></li>" for n in range(4))
    page = _page(
        tmp_path,
        '<meta property="og:image" content="https://example.org/img/council-vote-2024.jpg">',
        f"<article><h1>{HEADLINE}</h1><div><img alt='The town hall' "
        "src='https://example.org/img/council-vote-2024.jpg'></div>"
        "<div class='teaser-desc'><ul>" + links + "</ul></div>"
        "<div class='note'>Read more stories</div>"
        f"{STORY}</article>",
    )
    lead = _lead(_read(page)[0])
    assert lead.alt == "The town hall"
    assert not lead.caption and not lead.credit
