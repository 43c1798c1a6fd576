"""Issue 11's eighth acceptance run: the scraped Nepali page, and what it showed for every
language.

The Nepali page (see the folder's NOTICE) took its caption, which ends in a Bikram Sambat
date ("…, फागुन २८"), for the headline, and the headline and section label for chrome; the
caption's credit "तस्बिर: रासस" was dropped as chrome without a word. The Marathi page
(no pack) has the same layout with a caption that ends in no date. Each test failed on
main d3e6645.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from helpers import DATA, paragraph_texts, read_quietly
from newsformats.document import build_document
from newsformats.model import Article, Subheading, plain_text
from newsformats.readers.datelines import date_line, ends_with_date, find_dates
from newsformats.readers.plaintext import explain_layout

PAGES = DATA / "inputs" / "scraped-eighth"


def _read(path: Path) -> tuple[Article, list[str]]:
    (article,), told = read_quietly(path)
    return article, told


def _roles(path: Path) -> dict[str, str]:
    return {d.text: d.role for d in explain_layout(path).decisions}


def test_the_nepali_page_reads_right_in_every_field() -> None:
    article, told = _read(PAGES / "ne-bijuli-bus.txt")
    assert article.language == "ne"
    assert article.kicker == "समाज"
    assert article.headline == "काठमाडौं उपत्यकामा विद्युतीय बसको संख्या दोब्बर हुने"
    assert article.lead_image is not None
    assert (plain_text(article.lead_image.caption), article.lead_image.credit) == (
        "साझा यातायातको नयाँ विद्युतीय बस रत्नपार्क बसपार्कमा, फागुन २८",
        "तस्बिर: रासस",
    )
    # A name beside the date line; 11:20 without a zone: the day.
    assert [p.name for p in article.authors] == ["रमेश अधिकारी"]
    assert article.published == datetime(2025, 3, 12, tzinfo=UTC)
    texts = paragraph_texts(article)
    assert (texts[0][:30], texts[-1][:30]) == (
        "काठमाडौं उपत्यकामा चल्ने विद्य",
        "यातायात विज्ञहरूका अनुसार बसको",
    )
    assert [b.content for b in article.body if isinstance(b, Subheading)] == [["यात्रुको भाडा यथावत्"]]
    assert article.credit_line == "स्रोत: साझा यातायात"
    assert not any("for the headline" in t for t in told)


def test_the_nepali_page_is_shown_with_its_packs_words_and_digits() -> None:
    article, _ = _read(PAGES / "ne-bijuli-bus.txt")
    root = build_document(article).root
    (credit,) = root.iterfind(".//span[@class='nf-photo-credit']")
    assert credit.text == "तस्बिर: रासस"  # its own label, shown once
    (date,) = root.iterfind(".//time")
    assert date.text == "२०२५ मार्च १२"  # CLDR's long date, in Devanagari digits


@pytest.mark.parametrize(
    ("caption", "day"),
    [
        ("साझा यातायातको नयाँ विद्युतीय बस रत्नपार्क बसपार्कमा, फागुन २८", None),
        ("बसपार्कमा यात्रु, चैत ५ गते", None),
        ("बसपार्कमा यात्रु, मंसिर ३", None),
        ("बसपार्कमा यात्रु, श्रावण १२", None),
        # With a year, converted by nepali-datetime's table.
        ("बसपार्कमा यात्रु, २०८१ वैशाख १", date(2024, 4, 13)),
        ("बसपार्कमा यात्रु, फाल्गुन २८, २०८१", date(2025, 3, 12)),
    ],
)
def test_a_caption_ends_with_a_bikram_sambat_date(caption: str, day: date | None) -> None:
    assert ends_with_date(caption, "ne")
    (found,) = find_dates(caption, "ne")
    assert (found.calendar, found.day) == ("bikram-sambat", day)


def test_bikram_sambat_months_are_no_date_without_a_day() -> None:
    assert not find_dates("माघ महिनामा चिसो बढ्यो", "ne")
    assert not ends_with_date("पृथ्वी राजमार्ग १०", "ne")
    # Out of the conversion table (BS 1975-2100), or no such day: recognised, no day.
    assert [f.day for f in find_dates("२२०० फागुन २८", "ne")] == [None]
    assert [f.day for f in find_dates("२०८१ फागुन ३५", "ne")] == [None]


def test_a_bikram_sambat_date_line_gives_the_day(tmp_path: Path) -> None:
    page = (PAGES / "ne-bijuli-bus.txt").read_text(encoding="utf-8")
    path = tmp_path / "page.txt"
    path.write_text(page.replace("१२ मार्च २०२५, ११:२०", "२०८१ फागुन २८, ११:२०"), encoding="utf-8")
    article, _ = _read(path)
    assert article.published == datetime(2025, 3, 12, tzinfo=UTC)
    assert [p.name for p in article.authors] == ["रमेश अधिकारी"]


def test_a_bikram_sambat_date_line_without_a_year_asks_for_the_day(tmp_path: Path) -> None:
    page = (PAGES / "ne-bijuli-bus.txt").read_text(encoding="utf-8")
    path = tmp_path / "page.txt"
    path.write_text(page.replace("१२ मार्च २०२५, ११:२०", "फागुन २८, ११:२०"), encoding="utf-8")
    assert date_line("फागुन २८, ११:२०", "ne") is not None
    article, told = _read(path)
    assert article.published is None
    assert any("(bikram-sambat) cannot be read as a day; give published" in t for t in told)


def test_the_headline_is_not_a_caption_over_a_labelled_credit_without_a_pack() -> None:
    """Marathi (no pack): the caption, longer than the headline and ending in no date, has
    "छायाचित्र: पीटीआय" under it: the title-like line above it is the headline, the short
    line above that the section label, and the labelled line the picture's credit."""
    path = PAGES / "mr-metro-swargate.txt"
    article, _ = _read(path)
    assert article.language == "mr"
    assert article.headline == "पुण्यात स्वारगेट ते कात्रज नवी मेट्रो मार्गिका सुरू"
    assert article.kicker == "शहर"
    lead = article.lead_image
    assert lead is not None
    assert plain_text(lead.caption).startswith("स्वारगेट स्थानकावर पहिल्या दिवशी")
    assert lead.credit == "छायाचित्र: पीटीआय"
    assert [p.name for p in article.authors] == ["सुनील पाटील"]
    assert article.published == datetime(2025, 3, 12, tzinfo=UTC)
    assert _roles(path)["शहर"] == "section"


def test_a_labelled_byline_under_the_headline_keeps_the_headline(tmp_path: Path) -> None:
    """A "label: name" line beside a date line is a byline, not a caption's credit: the
    longer line above it stays the headline."""
    page = (PAGES / "mr-metro-swargate.txt").read_text(encoding="utf-8").split("\n\n")
    # section, headline (the caption and its credit left out), "लेखक: name", the date, text.
    page = [*page[:3], "लेखक: सुनील पाटील", *page[6:]]
    path = tmp_path / "page.txt"
    path.write_text("\n\n".join(page), encoding="utf-8")
    article, _ = _read(path)
    assert article.headline == "पुण्यात स्वारगेट ते कात्रज नवी मेट्रो मार्गिका सुरू"
    assert article.kicker == "शहर"


def test_a_labelled_line_left_out_under_the_headline_is_warned(tmp_path: Path) -> None:
    """No caption above it: a "label: name" line is left out, never without a word."""
    page = (PAGES / "mr-metro-swargate.txt").read_text(encoding="utf-8").split("\n\n")
    page = [*page[:3], "सौजन्य: पीटीआय", *page[5:]]  # the caption left out
    path = tmp_path / "page.txt"
    path.write_text("\n\n".join(page), encoding="utf-8")
    article, told = _read(path)
    assert article.headline == "पुण्यात स्वारगेट ते कात्रज नवी मेट्रो मार्गिका सुरू"
    assert article.lead_image is None
    assert any("left out 'सौजन्य: पीटीआय' ('label: name'" in t for t in told)
