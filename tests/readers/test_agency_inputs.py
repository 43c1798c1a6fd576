"""Agency files the project had never seen (issue 11's acceptance run): AP, EFE and NTB NITF,
ANSA, dpa and STT NewsML-G2, AAP ninjs, as Superdesk's feed parsers receive them.

Each test names what the first reading got wrong and asserts the right part.
"""

from __future__ import annotations

from helpers import DATA
from newsformats.model import Article, FigureBlock, ListBlock, Paragraph, Subheading, plain_text
from newsformats.notes import collecting_notes
from newsformats.readers import read

AGENCIES = DATA / "inputs" / "agencies"


def read_with_notes(name: str) -> tuple[Article, list[str]]:
    with collecting_notes() as notes:
        article = read(AGENCIES / name)
    return article, [str(n) for n in notes]


def paragraphs(article: Article) -> list[str]:
    return [plain_text(b.content) for b in article.body if isinstance(b, Paragraph)]


def subheadings(article: Article) -> list[str]:
    return [plain_text(b.content) for b in article.body if isinstance(b, Subheading)]


def test_ap_nitf_second_headline_equal_to_the_first_is_no_standfirst() -> None:
    article, _ = read_with_notes("ap-nitf.xml")
    assert article.headline == "Can trading pollution like stocks help fight climate change?"
    assert article.standfirst is None  # hl2 repeats hl1 word for word
    assert [(p.name, p.role) for p in article.authors] == [("BERNARD CONDON", "AP Business Writer")]
    assert article.dateline == "NEW YORK"
    assert paragraphs(article)[0].startswith("NEW YORK (AP) — The gas produced by hog manure")


def test_efe_nitf_keyword_slug_and_desk_initials() -> None:
    article, _ = read_with_notes("efe_nitf.xml")
    assert article.headline == "Honduran president announces Cabinet changes"
    # hl2 "HONDURAS GOVERNMENT" is the story's keyword, so the abstract is the standfirst.
    assert article.standfirst == "Test Abstract"
    assert article.authors == []  # "gr/bp": the desk's initials
    assert paragraphs(article) == ["Tegucigalpa, Jan 2 (EFE).- Test body."]
    assert article.language == "en-US"


def test_ntb_nitf_affiliation_embed_codes_and_a_picture_id() -> None:
    article, notes = read_with_notes("nitf-ntb.xml")
    assert article.headline.startswith("Faktisk.no: Nei, dette dokumentet beskriver ikke FNs")
    assert article.language == "nb-NO"
    assert [(p.name, p.role) for p in article.authors] == [("Geir Molnes", "Faktisk.no")]
    text = " ".join(paragraphs(article))
    assert "<div" not in text and "<script" not in text  # embed codes pasted as text
    assert not any(s.startswith("Embed") for s in subheadings(article))
    assert subheadings(article)[:3] == ["Påstand", "Konklusjon: Faktisk helt feil", "Gjennomgang"]
    assert any(isinstance(b, ListBlock) for b in article.body)
    # "iJIJyyF0tiE" is the agency's picture id, not a file: a placeholder keeps the credit
    # (the media-caption "Foto: NTB / Scanpix, montasje av Faktisk.no" is only a credit line).
    figures = [b.image for b in article.body if isinstance(b, FigureBlock)]
    assert figures and figures[-1].src is None
    assert figures[-1].credit == "NTB / Scanpix, montasje av Faktisk.no"
    assert not figures[-1].caption
    assert any("'iJIJyyF0tiE' is not a file beside the input" in n for n in notes)


def test_ansa_plain_text_data_holding_markup_and_a_sub_headline() -> None:
    article, _ = read_with_notes("ansa-newsmlg2-text.xml")
    assert article.headline == "Catalan independence declaration unacceptable - Alfano"
    assert article.standfirst == "Foreign minister expresses faith in Spanish government"
    assert article.dateline == "Rome"  # located/@literal
    assert article.authors == []  # creator "VRG" is a desk code, not a byline
    texts = paragraphs(article)
    assert all("<p>" not in t for t in texts)
    # Indented lines of wire copy start paragraphs.
    assert len(texts) == 4
    assert texts[0].startswith("(ANSA) - Rome, October 11 - Italian Foreign Minister")
    assert texts[-1].startswith("Catalan leader Carles Puigdemont signed")
    assert article.published is not None and article.updated is None


def test_a_declared_language_the_text_is_not_in_is_kept_with_a_warning() -> None:
    # ANSA's English service marks its items "it"; dpa's German item is German.
    article, notes = read_with_notes("ansa-newsmlg2-text.xml")
    assert article.language == "it"
    assert any("says its language is 'it', but the text reads as 'en'" in n for n in notes)
    _, notes = read_with_notes("dpa.xml")
    assert not any("says its language" in n for n in notes)


def test_dpa_xhtml_header_is_metadata_not_body() -> None:
    article, _ = read_with_notes("dpa.xml")
    assert article.headline == "Eintracht in London: Hintereggers Tränen und Attacke auf Reporter"
    assert article.language == "de"
    assert article.dateline == "London"
    assert article.credit_line == "dpa"
    assert article.authors == []  # creator "degenhardt.sandra" is an account name
    # The header's slugline list, time, genre and repeated h1 stay out of the body.
    assert not any(isinstance(b, (ListBlock, Subheading)) for b in article.body)
    texts = paragraphs(article)
    assert texts[0].startswith("London (dpa) - 2019 gab es bittere Tränen in der Kurve")
    assert len(texts) == 3
    # Version 1: its creation is the publication.
    assert article.published is not None and article.published.isoformat().startswith(
        "2022-10-11T11:14:42"
    )
    assert article.updated is None


def test_stt_entities_escaped_twice_and_a_heading_inside_a_paragraph() -> None:
    article, _ = read_with_notes("stt_newsml_test.xml")
    text = " ".join(paragraphs(article))
    assert "&#39;" not in text and "&quot;" not in text
    assert "Alko's monopoly" in text
    assert subheadings(article)[:2] == [
        "Also the unemployment law went through",
        "Rinne: Hallitus runnoi läpi työttömiä kurittavan lain",
    ]
    assert article.dateline == "Helsinki"


def test_ninjs_licence_terms_are_no_credit_line() -> None:
    article, notes = read_with_notes("ninjs5.json")
    assert article.headline == "Oil prices edge up on first drop in US drilling in months"
    assert article.credit_line == "© Australian Associated Press"
    assert any("characters of terms, not a credit line" in n for n in notes)
    assert [p.name for p in article.authors] == ["Henning Gloystein"]
    lead = article.lead_image
    assert lead is not None and lead.credit == "Bebeto Matthews"
    assert plain_text(lead.caption).startswith("Oil prices edged up on Monday")


def test_agency_files_are_listed_in_the_notice() -> None:
    notice = (AGENCIES / "NOTICE").read_text(encoding="utf-8")
    for path in AGENCIES.iterdir():
        if path.name != "NOTICE":
            assert path.name in notice


def test_the_agency_is_the_publisher() -> None:
    # NITF: the distributor (else the copyright holder); NewsML-G2: the copyright holder
    # (else the provider). Without it the MP3 had no artist and the page no publisher.
    publishers = {
        name: (read_with_notes(name)[0].publisher or None)
        for name in ("ap-nitf.xml", "efe_nitf.xml", "nitf-ntb.xml", "ansa-newsmlg2-text.xml",
                     "dpa.xml", "stt_newsml_test.xml")
    }  # fmt: skip
    assert {k: v.name if v else None for k, v in publishers.items()} == {
        "ap-nitf.xml": "The Associated Press",
        "efe_nitf.xml": "Agencia EFE",
        "nitf-ntb.xml": "NTB",
        "ansa-newsmlg2-text.xml": "ANSA",
        "dpa.xml": "Deutsche Presse-Agentur GmbH",
        "stt_newsml_test.xml": "STT",
    }
