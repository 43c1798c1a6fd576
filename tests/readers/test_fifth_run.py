"""Issue 11's fifth acceptance run: feeds, agency files and scraped pages never seen before.

feedjira's TechCrunch and HuffPost Canada RSS and its JSON Feed, Business Wire's ninjs and
the python-newsmlg2 round-trip item (see each folder's NOTICE), and four pages written in
the example's layout in Urdu, Indonesian, Swahili and Somali (docs/inputs-text.md, round
10); docs/inputs.md, "Fifth acceptance run", has the whole table.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from helpers import DATA, paragraph_texts, read_quietly
from newsformats.errors import InputError
from newsformats.model import FigureBlock, plain_text
from newsformats.readers import read_all

FEEDS = DATA / "inputs" / "feeds-fifth"
AGENCIES = DATA / "inputs" / "agencies-fifth"
PAGES = DATA / "inputs" / "scraped-fifth"


def test_a_feed_with_a_newline_before_its_xml_declaration_is_read() -> None:
    articles, _ = read_quietly(FEEDS / "techcrunch.rss")
    assert len(articles) == 20
    first = articles[0]
    assert first.headline.startswith("Angie’s List Sets Price Range IPO At $11 To $13")
    assert [p.name for p in first.authors] == ["Leena Rao"]
    assert first.published == datetime(2011, 11, 2, 17, 25, 27, tzinfo=UTC)


def test_feedburner_ads_flares_and_counter_after_the_text_are_left_out() -> None:
    articles, told = read_quietly(FEEDS / "techcrunch.rss")
    for article in articles:
        last = article.body[-1]
        assert not isinstance(last, FigureBlock), article.headline
    first = articles[0]
    assert paragraph_texts(first)[-1].startswith("Angie’s List incurred marketing expenses")
    assert any("9 picture(s) without alt text after the entry's last words" in t for t in told)


def test_a_media_description_is_not_taken_for_the_entry_s_text() -> None:
    hijabs, petty = read_quietly(FEEDS / "huffpost-canada.rss")[0]
    texts = paragraph_texts(hijabs)
    assert len(texts) >= 12  # the description's whole text, not the picture's caption
    assert texts[0].startswith("Winnipeg high school student Nusaybah Mohamed")
    assert texts[-1].startswith("Sung estimated about 50 girls")  # no "Previously On HuffPost:"
    lead = hijabs.lead_image
    assert lead is not None and lead.credit == "Dakota Collegiate/Twitter"
    assert plain_text(lead.caption).startswith("About 50 female students at Dakota Collegiate")
    assert not isinstance(hijabs.body[0], FigureBlock)  # the lead picture is not shown twice
    assert paragraph_texts(petty)[-1].startswith("I'm sad to know that the world lost Tom Petty")


def test_a_json_feed_is_refused_in_one_line() -> None:
    with pytest.raises(InputError) as refused:
        read_all(FEEDS / "json_feed.json")
    message = str(refused.value)
    assert "a JSON Feed (jsonfeed.org)" in message and "\n" not in message
    assert "Input should be" not in message


def test_business_wire_s_logo_is_not_the_lead_picture() -> None:
    for name in ("businesswire-ninjs-1.4.json", "businesswire-ninjs-3.0.json"):
        (article,), told = read_quietly(AGENCIES / name)
        assert article.lead_image is None or "logo" not in str(article.lead_image.src).lower()
        assert any("'logo' is the issuer's logo" in t for t in told)
    (dell,), _ = read_quietly(AGENCIES / "businesswire-ninjs-1.4.json")
    assert dell.headline.startswith("Dell Redefines Workstation Computing Boundaries")
    assert dell.published == datetime(2013, 5, 16, 4, 1, tzinfo=UTC)
    assert paragraph_texts(dell)[0].startswith("Dell today announced an expanded and stronger")


def test_a_newsml_item_with_a_prefixed_nitf_body() -> None:
    (article,), _ = read_quietly(AGENCIES / "newsmlg2-roundtrip.xml")
    assert article.headline == 'Fed to halt QE to avert "bubble"'
    assert article.language == "en-GB"
    assert [p.name for p in article.authors] == ["Meredith Jameson"]
    assert article.dateline == "Berlin"
    assert (article.standfirst or "").startswith("A pair of teams coming off big weekend sweeps")
    assert paragraph_texts(article) and paragraph_texts(article)[0].startswith(
        "(Sports Network) - With the Philadelphia Phillies"
    )


def _page(name: str) -> object:
    (article,), _ = read_quietly(PAGES / name)
    return article


def test_urdu_page() -> None:
    article = _page("ur-barish-karachi.txt")
    assert article.headline == "کراچی میں شدید بارش کے بعد نشیبی علاقے زیرِ آب آ گئے"
    assert article.kicker == "پاکستان" and article.direction == "rtl"
    assert [p.name for p in article.authors] == ["فرحان علی"]
    assert article.published is not None and article.published.date().isoformat() == "2025-03-13"
    assert article.lead_image is not None and article.lead_image.credit == "تصویر: اے ایف پی"
    assert plain_text(article.lead_image.caption).endswith("12 مارچ 2025")
    assert article.credit_line == "بشکریہ: اے پی پی"
    assert paragraph_texts(article)[-1].startswith("ماہرین کا کہنا ہے")


def test_indonesian_page_text_and_credit_line() -> None:
    article = _page("id-harga-beras.txt")
    assert article.headline.startswith("Harga beras di pasar tradisional Jakarta naik")
    assert article.kicker == "Ekonomi" and article.lead_image is None
    assert article.credit_line == "Sumber: Antara"
    assert paragraph_texts(article)[-1].startswith("Para ekonom memperkirakan")


def test_indonesian_page_updated_line_is_no_paragraph() -> None:
    article = _page("id-harga-beras.txt")
    assert paragraph_texts(article)[0].startswith("Harga beras medium di pasar tradisional")
    assert article.updated is not None


def test_swahili_page_headline_and_caption() -> None:
    article = _page("sw-mafuriko-mombasa.txt")
    assert article.headline == "Mafuriko yaathiri maelfu ya wakazi wa pwani ya Mombasa"
    assert article.lead_image is not None
    assert plain_text(article.lead_image.caption).startswith("Wakazi wakivuka barabara")


def test_swahili_and_somali_pages_text_and_credit_lines() -> None:
    swahili, somali = _page("sw-mafuriko-mombasa.txt"), _page("so-biyo-garoowe.txt")
    assert paragraph_texts(swahili)[0].startswith("Maelfu ya wakazi wa mji wa pwani")
    assert swahili.credit_line == "Chanzo: AFP"
    assert somali.headline.startswith("Biyo yar oo ku filan ayaa gaaray tuulooyinka")
    assert somali.kicker == "Soomaaliya"
    assert somali.lead_image is not None and somali.lead_image.credit == "Sawir: Getty Images"
    assert somali.credit_line == "Xigasho: Reuters"


def test_kept_inputs_have_notices() -> None:
    for folder in (FEEDS, AGENCIES, PAGES):
        notice = (folder / "NOTICE").read_text(encoding="utf-8")
        for path in Path(folder).iterdir():
            assert path.name == "NOTICE" or path.suffix == ".txt" or path.name in notice, path


def test_a_cms_api_answer_with_a_title_is_refused_in_one_line(tmp_path: Path) -> None:
    # A WordPress REST API post: a "title", but mostly keys our model does not have.
    post = tmp_path / "post.json"
    post.write_text(
        '{"id": 42, "date": "2024-03-12T10:00:00", "slug": "budget", "status": "publish",'
        ' "link": "https://example.org/budget/", "title": {"rendered": "Budget approved"},'
        ' "content": {"rendered": "<p>The council approved the budget.</p>"},'
        ' "excerpt": {"rendered": "<p>Approved.</p>"}, "author": 3, "categories": [4]}',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as refused:
        read_all(post)
    message = str(refused.value)
    assert "keys are mostly not an article's (categories, content, excerpt" in message
    assert "Input should be" not in message and "\n" not in message
