"""Saved web pages: the seventh acceptance run's body misses (issue 11).

Three real pages (the Daily Mail, Polityka and Energetyka24, kept by go-trafilatura,
Apache-2.0: NOTICE beside them) and small hand-made pages or fragments, one shape each,
with guards for what must stay; docs/inputs.md, "Seventh run: page body fixed".
"""

from __future__ import annotations

from pathlib import Path

from helpers import DATA, paragraph_texts, read_quietly
from newsformats.model import Article, plain_text
from newsformats.readers.html_body import BodyOptions, html_to_blocks, inline_text

PAGES = DATA / "inputs" / "pages-seventh-body"
# The Energetyka24 page, as saved (the dates tests read it too).
SAVED = DATA / "inputs" / "pages-seventh-dates"
TEXT = (
    "<p>The bridge was closed on Friday as the storm reached the coast, and the ferries "
    "stayed in the harbour until the wind dropped on Sunday morning, the council said.</p>"
    "<p>Traffic was sent through the town centre, where the queues reached the ring road "
    "by the evening and the police asked drivers to stay at home until the roads cleared.</p>"
    "<p>Engineers will inspect the bridge on Monday, and the council expects to open one "
    "lane by the end of the week if the weather allows the work to go ahead as planned.</p>"
)
SUMMARY = "The coast road stays shut until Monday. Engineers will inspect the bridge then."
SITE = BodyOptions(base_url="https://news.example.org/world/2021/05/storm-closes-bridge")


def _read(path: Path) -> tuple[Article, list[str]]:
    (article,), notes = read_quietly(path)
    return article, notes


def _page(tmp_path: Path, body: str) -> Path:
    page = tmp_path / "page.html"
    head = "<title>Storm closes the bridge</title>"
    page.write_text(
        f"<!DOCTYPE html><html lang='en'><head>{head}</head><body>{body}</body></html>", "utf-8"
    )
    return page


def _paragraphs(fragment: str) -> list[str]:
    return [
        inline_text(b["content"])
        for b in html_to_blocks(fragment, SITE)
        if b["type"] == "paragraph"
    ]


# --- the standfirst: never another story's card, never a caption ---------------------


def test_a_carousel_card_of_another_story_is_no_standfirst() -> None:
    article, _ = _read(PAGES / "dailymail.html")
    assert article.standfirst is None  # not "Youngsters reunite with family after months…"
    assert paragraph_texts(article)[0].startswith(
        "Britain's daily Covid cases have fallen every day"
    )


def test_the_lead_pictures_caption_is_no_standfirst_the_lead_below_it_is() -> None:
    article, _ = _read(PAGES / "polityka-krolowa.html")
    assert article.standfirst is not None
    assert article.standfirst.startswith("Największy okręt Jej Królewskiej Mości")
    first = paragraph_texts(article)[0]
    assert first.startswith("Pierwszy rejs HMS „Queen Elizabeth”")


def test_words_inside_a_link_or_a_picture_box_are_no_standfirst(tmp_path: Path) -> None:
    card = (
        "<a href='/video/other-story'><span class='description'>Youngsters reunite with their "
        "families after months away</span></a>"
    )
    caption = (
        "<div class='opening'><img src='/ship.jpg' alt='A ship'><span class='opening_desc'>"
        "A ship leaves the port of Portsmouth in Hampshire.</span></div>"
    )
    for above in (card, caption):
        page = _page(tmp_path, f"<article><h1>Storm closes the bridge</h1>{above}{TEXT}</article>")
        article, _ = _read(page)
        assert article.standfirst is None, above
    # guard: the summary the page names so, below such a box, is the standfirst
    page = _page(
        tmp_path,
        f"<article><h1>Storm closes the bridge</h1>{caption}<div class='lead'>{SUMMARY}</div>"
        f"{TEXT}</article>",
    )
    assert _read(page)[0].standfirst == SUMMARY
    # guard: a header box that holds the summary, a title line, a byline and the picture
    header = (
        "<div class='article-header'><div class='title'>Storm: the coast road stays shut and "
        f"the bridge is closed</div><p class='article-excerpt'>{SUMMARY}</p><div class='author'>"
        "By Ann Lee</div><img src='/bridge.jpg' alt='The bridge'></div>"
    )
    page = _page(tmp_path, f"<h1>Storm closes the bridge</h1><article>{header}{TEXT}</article>")
    assert _read(page)[0].standfirst == SUMMARY


# --- in-body pictures: a caption is never a paragraph ------------------------------------


def test_pictures_readability_dropped_come_back_beside_their_captions() -> None:
    article, _ = _read(PAGES / "dailymail.html")
    captions = [
        plain_text(b.image.caption) for b in article.body if b.type == "figure" and b.image.caption
    ]
    texts = paragraph_texts(article)
    for start in (
        "SAGE's most recent modelling",
        "Scientists say the drop off incases",
        "'Professor Lockdown' Neil Ferguson (left) today",
        "Boris Johnson has emerged from self-isolation today",
        "A poll by Redfield & Wilton Strategies",
        "Mr Johnson (pictured at Surrey police HQ",
        "The red bars show",
    ):
        assert sum(c.startswith(start) for c in captions) == 1, start
        assert not any(t.startswith(start) for t in texts), start
    figures = [b for b in article.body if b.type == "figure"]
    assert len(figures) >= 15
    ferguson = next(b for b in figures if plain_text(b.image.caption).startswith("'Professor"))
    assert ferguson.image.alt and ferguson.image.alt.startswith("'Professor Lockdown'")
    # the text around them is the same
    assert texts[-1].startswith("He pointed to disquiet over 'government by soundbite'")


# --- furniture: related links, advertisements, layout labels ----------------------------


def test_read_also_lines_and_a_related_headline_leave_the_body() -> None:
    article, _ = _read(PAGES / "polityka-krolowa.html")
    texts = paragraph_texts(article)
    assert not any(t.startswith("Czytaj też:") for t in texts)
    assert "Były dowódca wojsk USA w Europie: Rosja jest groźna" not in texts
    assert texts[-1].startswith("Tradycyjnie antyzbrojeniowa brytyjska lewica krzyczy")


def test_a_label_and_one_link_to_another_article_of_the_site_is_a_related_link() -> None:
    story = "https://news.example.org/world/1921972,1,arms-race-starts-again.read"
    assert _paragraphs(f"<p><em>Read also: <a href='{story}'>Arms race</a></em></p>") == []
    assert _paragraphs("<p><em>Former US commander in Europe: <a href='/politics/2021/"
                       "russia-is-dangerous'>Russia is dangerous</a></em></p>") == []  # fmt: skip
    # guards: another site's page, an author's page, a sentence, two links
    for kept in (
        "<p>Source: <a href='https://who.int/reports/2021/world-health-report'>WHO report</a></p>",
        "<p>Written by: <a href='/author/ann-lee'>Ann Lee</a></p>",
        f"<p>The minister said that talks will go on: <a href='{story}'>see the report</a></p>",
        f"<p>Read also: <a href='{story}'>Arms race</a> and <a href='{story}2'>Arms deal</a></p>",
        "<p>Former US commander in Europe: <a href='/politics/2021/russia-is-dangerous'>Russia "
        "is dangerous</a></p>",  # a long label in running text: a sentence's start
    ):
        assert len(_paragraphs(kept)) == 1, kept


def test_an_advertisement_in_the_text_is_no_figure() -> None:
    article, _ = _read(SAVED / "energetyka24-jamal.html")
    assert not any(b.type == "figure" and b.image.alt == "Reklama" for b in article.body)
    assert article.body[-1].type == "paragraph"
    assert paragraph_texts(article)[-1].startswith("Polska dywersyfikuje dostawy")


def test_a_picture_whose_alt_and_caption_are_one_label_and_links_away_is_an_advert() -> None:
    def figures(fragment: str) -> int:
        return sum(b["type"] == "figure" for b in html_to_blocks(fragment, SITE))

    shop = "<figure><a href='{href}'><img src='/upload/banner.jpg' alt='{alt}'></a>"
    caption = "<figcaption>{alt}</figcaption></figure>"
    ad = shop + caption
    assert figures(ad.format(href="https://shop.example.com/product/7", alt="Reklama")) == 0
    assert figures("<figure><img src='/a.jpg' alt='Advertisement'>"
                   "<figcaption>Advertisement</figcaption></figure>") == 0  # fmt: skip
    # guards: a picture linking to its own site, a picture captioned otherwise
    assert figures(ad.format(href="/people/merkel", alt="Merkel")) == 1
    assert figures(shop.format(href="https://shop.example.com/product/7", alt="Merkel")
                   + "<figcaption>Angela Merkel in Berlin</figcaption></figure>") == 1  # fmt: skip


def test_a_line_shown_on_wide_screens_only_is_a_layout_label() -> None:
    fragment = (
        "<div><p>The bridge was closed on Friday.</p><span class='player'><span "
        "class='continue-lbl hidden-xs hidden-sm'>The article continues below</span></span>"
        "<p>It is Sept<span class='hidden-xs'>ember</span> now.</p></div>"
    )
    assert _paragraphs(fragment) == ["The bridge was closed on Friday.", "It is September now."]
