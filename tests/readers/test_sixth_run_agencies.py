"""Issue 11's sixth acceptance run: the agency and feed misses.

ANSA's NITF via Belga (a wire prefix in the headline, a subtitle in the byline element,
dates without a zone) and RSParser's natasha and allthis feeds (WordPress emoji
pictures; a note to feed readers at the end of an entry); see each folder's NOTICE and
docs/inputs.md, "Sixth acceptance run".
"""

from __future__ import annotations

from datetime import UTC, datetime

from lxml import etree

from helpers import DATA, paragraph_texts, read_quietly
from newsformats.model import FigureBlock, plain_text
from newsformats.readers.feeds import _without_self_links
from newsformats.readers.fields import sentence_shaped
from newsformats.readers.html_body import html_to_blocks
from newsformats.readers.nitf import nitf_fields

AGENCIES = DATA / "inputs" / "agencies-sixth"
FEEDS = DATA / "inputs" / "feeds-sixth"


def test_the_wire_s_prefix_is_not_part_of_the_headline() -> None:
    (article,), _ = read_quietly(AGENCIES / "ansa-belga-nitf.xml")
    assert article.headline == "Gazprom cuts Italy gas supplies by a third"


def test_a_prefix_names_the_document_s_own_agency_only() -> None:
    def headline(hl1: str, agency: str) -> str:
        root = etree.fromstring(
            f"<nitf baselang='en'><body><body.head><hedline><hl1>{hl1}</hl1></hedline>"
            f"<distributor><org>{agency}</org></distributor></body.head>"
            "<body.content><p>Text.</p></body.content></body></nitf>"
        )
        return str(nitf_fields(root, "x")["headline"])

    assert headline("##DPA/Storm hits the coast", "dpa") == "Storm hits the coast"
    assert (
        headline("&gt;&gt;&gt;ANSA/Storm hits the coast", "EFE") == ">>>ANSA/Storm hits the coast"
    )
    assert headline("AC/DC play Rome", "ANSA") == "AC/DC play Rome"


def test_a_subtitle_in_the_byline_element_is_the_standfirst_not_an_author() -> None:
    (article,), told = read_quietly(AGENCIES / "ansa-belga-nitf.xml")
    assert article.authors == []
    assert plain_text(article.standfirst or []) == (
        "Situation serious, ready for all scenarios says EC"
    )
    assert any("byline element holds a sentence" in t for t in told)
    assert paragraph_texts(article) == [
        "(ANSA) - ROME, JUL 11 - Russian energy giant Gazprom on Monday cut its gas supplies "
        "to Italy by a third, Italian fuels giant Eni said."
    ]


def test_bylines_of_names_are_not_taken_for_sentences() -> None:
    for names in (
        "Ann Lee",
        "By Ann Lee and Tom Roe",
        "Geir Molnes / Faktisk.no",
        "Ludwig van der Berg, Brussels correspondent",
        "Maria dos Santos",
        "Frances d'Emilio",
        "Politics desk",
        "Redacción internacional",
        "Ann Lee with additional reporting from Tom Roe",
    ):
        assert not sentence_shaped(names), names
    assert sentence_shaped("Situation serious, ready for all scenarios says EC")
    assert sentence_shaped("Talks to resume next week after the summit")


def test_a_time_without_a_zone_keeps_only_the_day() -> None:
    (article,), told = read_quietly(AGENCIES / "ansa-belga-nitf.xml")
    assert article.published == datetime(2022, 7, 11, tzinfo=UTC)
    assert any("only the day 2022-07-11 is kept" in t for t in told)
    assert not any("read as UTC" in t for t in told)


def test_a_time_without_a_zone_is_read_in_the_zone_of_the_document_s_other_dates() -> None:
    root = etree.fromstring(
        "<nitf baselang='en'><head><docdata><date.issue norm='2022-07-11T18:33'/>"
        "</docdata><pubdata date.publication='20220711T183500+0200'/></head>"
        "<body><body.head><hedline><hl1>Hi</hl1></hedline></body.head>"
        "<body.content><p>Text.</p></body.content></body></nitf>"
    )
    published = nitf_fields(root, "x")["published"]
    assert published == datetime(2022, 7, 11, 16, 33, tzinfo=UTC)


def test_a_note_to_feed_readers_at_the_end_of_an_entry_is_left_out() -> None:
    articles, _ = read_quietly(FEEDS / "allthis.atom")
    assert len(articles) == 12
    first = articles[0]
    assert first.headline == "Last thoughts on modifier keys"
    last = paragraph_texts(first)[-1]
    assert last.startswith("I suspect that’s why Apple’s own documentation sometimes gets")
    for article in articles:
        assert not any("feed reader" in t for t in paragraph_texts(article)), article.headline


def test_a_bracketed_paragraph_linking_elsewhere_is_kept() -> None:
    def paragraph(href: str) -> dict[str, object]:
        link = {"type": "link", "href": href, "children": ["the report"]}
        return {"type": "paragraph", "content": ["[Read ", link, " in full]"]}

    text = {"type": "paragraph", "content": ["The story."]}
    own, other = "https://blog.example/2017/a/", "https://un.example/report"
    assert _without_self_links([text, paragraph(own)], own) == [text]
    assert _without_self_links([text, paragraph(other)], own) == [text, paragraph(other)]


def test_wordpress_emoji_pictures_are_their_characters_in_the_text() -> None:
    articles, _ = read_quietly(FEEDS / "natasha.xml")
    assert len(articles) == 10
    first = articles[0]
    assert paragraph_texts(first)[-1].endswith("and you’ll see the pass 💃🏻")
    for article in articles:
        figures = [b for b in article.body if isinstance(b, FigureBlock)]
        assert not any("s.w.org/images/core/emoji" in str(f.image.src) for f in figures)


def test_a_small_inline_picture_is_text_and_a_photo_stays_a_figure() -> None:
    blocks = html_to_blocks(
        '<p>Rated <img src="star.png" alt="★★★★" width="16" height="16"> by readers.</p>'
        '<p>A cat <img src="cat.jpg" alt="A cat on a wall" width="640" height="480"></p>'
        '<p>The mayor <img src="t.jpg" alt="The mayor at the town hall" width="60" height="60">'
        "</p>"
    )
    assert blocks[0] == {"type": "paragraph", "content": ["Rated ★★★★ by readers."]}
    assert [b["type"] for b in blocks[1:]] == ["paragraph", "figure", "paragraph", "figure"]
