"""NITF, NewsML-G2, ninjs, RSS/Atom and saved pages: which source field feeds which model field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import DATA
from newsformats.model import (
    Article,
    BlockQuote,
    Embed,
    ListBlock,
    Table,
    as_json,
    plain_text,
)
from newsformats.notes import collecting_notes
from newsformats.readers import read, read_all

INPUTS = DATA / "inputs"
PAGES = sorted((INPUTS / "pages").glob("*/source.html"))


def quietly(path: Path) -> list[Article]:
    with collecting_notes():
        return read_all(path)


def test_nitf_fields() -> None:
    (article,) = quietly(INPUTS / "nitf" / "ferry-strike.xml")
    assert article.headline == "Ferry crews walk out as talks collapse"
    assert article.standfirst == "Island services cancelled for a second day"
    assert article.language == "en-GB"  # baselang; the file is ISO-8859-1 as it declares
    assert [(p.name, p.role) for p in article.authors] == [
        ("Siân Roberts", "Transport Correspondent")
    ]
    assert article.dateline == "Holyhead"
    assert (
        article.published is not None
        and article.published.isoformat() == "2026-04-12T08:00:00+00:00"
    )
    assert article.id == "nf-2026-ferry-0001" and article.keywords == ["transport", "strikes"]
    assert article.credit_line == "With reporting by the regional desk."
    lead = article.lead_image
    assert lead is not None and lead.src == "ferry.jpg"
    assert lead.alt == "A ferry tied up at an empty quay" and lead.credit == "Photo Desk"
    assert plain_text(article.paragraphs[0].content).startswith("Crews on the island")  # abstract
    quote = next(b for b in article.body if isinstance(b, BlockQuote))
    assert quote.attribution == "a crew representative"
    assert "café" in plain_text(article.paragraphs[-1].content)


def test_newsml_message_with_a_package_linking_text_and_picture() -> None:
    first, second = quietly(INPUTS / "newsml" / "harbour-message.xml")
    assert first.headline == "Harbour reopens after storm damage is cleared"
    assert first.standfirst == "Cargo ships return to the inner docks"
    assert [p.name for p in first.authors] == ["Ama Mensah", "Tom Hale"]
    assert first.dateline == "PORTSMOUTH, May 2" and first.credit_line == "Example News"
    assert first.language == "en-GB"
    assert first.notes and "harbour master" in plain_text(first.notes[0].text)
    lead = first.lead_image
    assert lead is not None and lead.src == "harbour.jpg"  # the web rendition, not the TIFF
    assert lead.alt == "Two cranes lift containers from a ship beside a quay"
    assert plain_text(lead.caption).startswith("Cranes unload")
    assert [b.type for b in first.body] == ["paragraph", "subheading", "paragraph", "paragraph"]
    assert second.language == "fr" and len(second.paragraphs) == 2  # inlineData, plain text


def test_newsml_text_item_with_nitf_inside() -> None:
    article = read(INPUTS / "newsml" / "LISTING_2_NewsML-G2_Text_Document.xml")
    assert article.headline == 'Fed to halt QE to avert "bubble"'
    assert article.language == "en-US" and article.dateline == "New York, NY"
    assert [p.name for p in article.authors] == ["Meredith Jameson"]
    assert len(article.paragraphs) == 2


def test_ninjs_1_with_associations_and_renditions() -> None:
    (article,) = quietly(INPUTS / "ninjs" / "ninjs-1-complex.json")
    assert article.headline == "Captain of wrecked cruise ship on trial in Italy"
    assert [p.name for p in article.authors] == ["Paulo Santalucia", "Frances d'Emilio"]
    assert article.dateline == "Grossetto, Italy" and article.language == "en"
    lead = article.lead_image
    assert lead is not None and plain_text(lead.caption).startswith("The Costa Concordia")
    assert lead.src is None  # on the network, not fetched: a placeholder keeps the caption
    assert article.paragraphs[0].content[0].startswith("GROSSETO, Italy (AP)")


def test_ninjs_2_headlines_bodies_and_associations() -> None:
    (article,) = quietly(INPUTS / "ninjs" / "ninjs-2-tt-text-image.json")
    assert article.headline == "Militärövning i jätteformat hålls 2023"
    assert article.language == "sv"
    assert all(plain_text(p.content) != article.headline for p in article.paragraphs)
    assert article.lead_image is not None and article.lead_image.credit == "Karl Melander/TT"
    assert any(isinstance(b, BlockQuote) for b in article.body)


def test_ninjs_1_free_names_headline_main_and_body_richtext() -> None:
    # IPTC's 1.6 example names its fields "headline_main", "body_main", "body_richtext".
    (article,) = quietly(INPUTS / "ninjs" / "ninjs-1.6-complex-text-article.json")
    assert article.headline == "Captain of wrecked cruise ship on trial in Italy"
    assert len(article.paragraphs) == 4  # from the HTML body, not the one-paragraph text
    assert article.paragraphs[0].content[0].startswith("GROSSETO, Italy (AP)")


def test_ninjs_3_camel_case_and_an_nitf_body() -> None:
    # ninjs 3 writes "versionCreated" and "contentType"; this body is a whole NITF document.
    (article,) = quietly(INPUTS / "ninjs" / "ninjs-3.0-addb-nitf-body.json")
    text = [plain_text(p.content) for p in article.paragraphs]
    assert not any(t.startswith("<") for t in text)  # no markup shown as text
    assert text[0].startswith("The Australian Sports Anti-Doping Authority (ASADA) today")
    assert article.updated is not None and article.updated.year == 2023
    (tt,) = quietly(INPUTS / "ninjs" / "ninjs-3.0-tt-text-image.json")
    # Version 1's creation is the publication (its camel-case "versionCreated" read).
    assert tt.published is not None and tt.published.isoformat() == "2021-05-26T13:40:18+02:00"
    assert tt.updated is None and tt.credit_line == "© TT"


def test_ninjs_item_with_only_a_description_is_that_text_with_a_warning() -> None:
    with collecting_notes() as notes:
        (article,) = read_all(INPUTS / "ninjs" / "ninjs-2.1-ntb-text.json")
    assert article.headline == "Google har kjøpt giganttomt i Skien"
    assert [plain_text(p.content) for p in article.paragraphs] == [
        "IT-giganten Google har kjøpt en tomt på nærmere 2.000 mål i Skien i tilfelle det blir "
        "behov for flere datasentre i Europa."
    ]
    assert any("only a description" in str(n) for n in notes)


def test_a_first_paragraph_by_name_is_the_byline() -> None:
    # Scoop's item names "Staff Reporter" (a job) and starts its text "By Jonathan Underhill".
    (article,) = quietly(INPUTS / "agencies" / "scoop.xml")
    assert [p.name for p in article.authors] == ["Jonathan Underhill"]
    assert "" not in article.keywords  # its empty <keyword> was an empty dc:subject (RSC-005)
    assert plain_text(article.paragraphs[0].content).startswith("Jan. 12 (BusinessDesk)")


def test_network_images_warn_and_keep_their_caption() -> None:
    with collecting_notes() as notes:
        read_all(INPUTS / "ninjs" / "ninjs-1-complex.json")
    assert any("not fetched" in told.message for told in notes)
    (kept,) = read_all(INPUTS / "ninjs" / "ninjs-1-complex.json", allow_network=True)
    assert kept.lead_image is not None and str(kept.lead_image.src).startswith("http://")


def test_rss_one_article_per_entry_from_content_encoded() -> None:
    with collecting_notes() as seen:
        full, summary_only = read_all(INPUTS / "feeds" / "morning.rss")
    said = " ".join(told.message for told in seen)
    assert "javascript: link" in said and "only a summary" in said
    assert full.headline == "River levels fall as flood warnings are lifted"
    assert full.language == "en-gb" and [p.name for p in full.authors] == ["Priya Nair"]
    assert full.publisher is not None and full.publisher.name == "Example Daily"
    assert full.standfirst == "Warnings along the lower valley were lifted overnight."
    kinds = [b.type for b in full.body]
    assert kinds == ["paragraph", "subheading", "paragraph", "list", "embed", "table"]
    assert "Share" not in as_json(full)
    nested = next(b for b in full.body if isinstance(b, ListBlock))
    assert nested.items[0].sublist is not None
    assert next(b for b in full.body if isinstance(b, Embed)).title == "Drone footage of the valley"
    table = next(b for b in full.body if isinstance(b, Table))
    assert plain_text(table.caption) == "River heights (metres)"
    assert full.lead_image is not None and full.lead_image.credit == "Example Daily/Lee Chan"
    assert len(summary_only.paragraphs) == 1


def test_atom_entries_relative_links_and_language() -> None:
    first, second = quietly(INPUTS / "feeds" / "evening.atom")
    assert first.language == "ru" and first.headline.startswith("В городе")
    assert str(first.canonical_url) == "https://ru.example.org/news/2026/03/14/most"
    links = [m for p in first.paragraphs for m in p.content if getattr(m, "type", "") == "link"]
    assert links and links[0].href == "https://ru.example.org/gorod"
    assert first.updated is not None and first.published is not None
    assert len(second.paragraphs) == 2  # xhtml content


@pytest.mark.parametrize("page", PAGES, ids=[p.parent.name for p in PAGES])
def test_saved_pages_headline_language_and_body(page: Path) -> None:
    expected = json.loads((page.parent / "expected-metadata.json").read_text(encoding="utf-8"))
    (article,) = quietly(page)
    # Readability keeps a site name after the title ("… _光明网"); the page's h1 has none.
    assert expected["title"].startswith(article.headline) and len(article.headline) > 10
    if expected.get("lang"):
        assert article.language.lower() == expected["lang"].lower()
    assert len(article.paragraphs) >= 3
    text = " ".join(plain_text(p.content) for p in article.paragraphs)
    assert "<" not in text and "DOCTYPE" not in text
    assert expected["title"] not in [plain_text(p.content) for p in article.paragraphs]


def test_saved_page_byline_and_body_order() -> None:
    (article,) = quietly(INPUTS / "pages" / "lemonde-1" / "source.html")
    assert [p.name for p in article.authors] == [
        "Martin Untersinger (avec Damien Leloup et Morgane Tual)"
    ]
    first = plain_text(article.paragraphs[0].content)
    assert first.startswith("Les députés ont, sans surprise, adopté")


def test_page_lead_image_keeps_alt_and_caption(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>Site | Story</title>'
        '<script type="application/ld+json">'
        '{"@context": "https://schema.org", "@type": "NewsArticle",'
        ' "headline": "Dam repairs finish early", "datePublished": "2026-02-01T09:00:00Z",'
        ' "author": [{"@type": "Person", "name": "Lena Ortiz"}],'
        ' "image": {"@type": "ImageObject", "url": "https://ex.org/dam.jpg",'
        ' "caption": "The dam."},'
        ' "publisher": {"@type": "Organization", "name": "Example Post"}}</script>'
        '<link rel="canonical" href="https://ex.org/news/dam"></head><body>'
        '<nav><a href="/">Home</a></nav><article><h1>Dam repairs finish early</h1>'
        '<figure><img src="https://ex.org/dam.jpg" alt="Workers on top of a concrete dam">'
        "<figcaption>The dam.</figcaption></figure>"
        "<p>Repairs to the dam finished two weeks early, the water board said on Monday.</p>"
        '<div class="newsletter">Sign up for our newsletter</div>'
        "<p>The reservoir will be refilled over the spring, starting in March.</p>"
        '<ul class="related-links"><li><a href="/a">Other story</a></li></ul>'
        "<p>Walkers can use the path across the dam again from Saturday.</p></article>"
        '<div class="comments"><p>First!</p></div></body></html>'
    )
    (article,) = quietly(page)
    assert article.headline == "Dam repairs finish early"
    assert [p.name for p in article.authors] == ["Lena Ortiz"]
    assert article.publisher is not None and article.publisher.name == "Example Post"
    assert article.lead_image is not None
    assert article.lead_image.alt == "Workers on top of a concrete dam"
    assert plain_text(article.lead_image.caption) == "The dam."
    texts = [plain_text(p.content) for p in article.paragraphs]
    assert len(texts) == 3 and texts[0].startswith("Repairs") and texts[2].startswith("Walkers")


def test_a_bad_feed_entry_is_skipped_with_a_line_and_the_rest_convert(tmp_path: Path) -> None:
    feed = tmp_path / "feed.rss"
    feed.write_text(
        '<rss version="2.0"><channel><title>T</title><language>en</language>'
        "<item><description>An entry without a title.</description></item>"
        "<item><title>Good</title><description>A complete entry.</description></item>"
        "</channel></rss>"
    )
    with collecting_notes() as notes:
        articles = read_all(feed)
    assert [a.headline for a in articles] == ["Good"]
    assert any("entry 1: no headline found; that item is skipped" in n.message for n in notes)


def test_feed_publisher_is_the_site_without_its_tagline(tmp_path: Path) -> None:
    feed = tmp_path / "top.rss"
    feed.write_text(
        '<rss version="2.0"><channel><title>Harbour Town Daily - Top stories</title>'
        "<language>en-gb</language><item><title>Council approves new cycle lanes</title>"
        "<description>The scheme will add four kilometres of protected lanes between the "
        "pier and the marina by next spring.</description></item></channel></rss>",
        encoding="utf-8",
    )
    (article,) = quietly(feed)
    assert article.publisher is not None and article.publisher.name == "Harbour Town Daily"


def test_an_embed_titled_by_its_own_host_names_it_once() -> None:
    # A WordPress export's <iframe src="https://test.invalid">: the page said
    # "test.invalid (test.invalid)" and the audio "test.invalid" (consistency-text error).
    from newsformats.document import build_document

    article = Article(
        headline="Embeds",
        language="en",
        body=[
            {"type": "embed", "url": "https://test.invalid", "title": "test.invalid",
             "provider": "test.invalid"},
            {"type": "embed", "url": "https://youtu.be/x", "title": "Valley",
             "provider": "YouTube"},
        ],
    )  # fmt: skip
    lines = [
        "".join(p.itertext())
        for p in build_document(article).root.iter("p")
        if "nf-embed" in (p.get("class") or "")
    ]
    assert lines == ["test.invalid", "Valley (YouTube)"]
    # and the audio says what the page shows (it said "Valley" alone: consistency-text)
    from newsformats.speech.script import build_script

    # (the provider as a sentence of its own, with its own span for the read-along)
    said = [u.text for u in build_script(article).utterances if u.id.startswith("embed")]
    assert said == ["test.invalid", "Valley", "(YouTube)"]
