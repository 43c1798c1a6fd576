"""The tenth acceptance run's Sinhala page (no pack), and what it showed for every language.

Its date "2025 මාර්තු 12" was not read: CLDR (48, and Babel 2.19's) gives Sinhala's
Gregorian months their traditional names, while pages print the names CLDR gave before
(CLDR 42); and a month name ending in a vowel sign (Hindi "जनवरी" too) was cut before
its mark, so the day and year after it were lost. Its byline "ලියූවේ: …" under the caption
and credit was left out with a warning saying no caption was above it. The pages are our
own (see the folder's NOTICE); each test failed on main 43faf96.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from helpers import DATA, read_quietly
from newsformats.model import plain_text
from newsformats.readers.datelines import find_dates

PAGES = DATA / "inputs" / "scraped-tenth"


def test_the_sinhala_page_reads_its_date_and_byline() -> None:
    (article,), told = read_quietly(PAGES / "si-rail-kandy.txt")
    assert article.language == "si"
    assert article.headline == "මහනුවර දුම්රිය ස්ථානය නවීකරණය ලබන මාසයේ ආරම්භ වේ"
    assert article.lead_image is not None
    assert plain_text(article.lead_image.caption).startswith("මහනුවර දුම්රිය ස්ථානයේ")
    assert article.lead_image.credit == "ඡායාරූපය: දිවයින"
    assert [p.name for p in article.authors] == ["සුනිල් ජයසිංහ"]
    # 10:15 with no zone: the day.
    assert article.published == datetime(2025, 4, 3, tzinfo=UTC)
    assert not any("cannot be read" in t or "left out" in t for t in told)


def test_a_labelled_name_right_under_the_caption_and_credit_is_the_byline() -> None:
    """No date line beside it: its place under the credited photo makes it the author."""
    (article,), told = read_quietly(PAGES / "si-rail-kandy-undated.txt")
    assert [p.name for p in article.authors] == ["සුනිල් ජයසිංහ"]
    assert article.lead_image is not None
    assert article.lead_image.credit == "ඡායාරූපය: දිවයින"
    assert not any("no caption above it" in t for t in told)


@pytest.mark.parametrize(
    ("text", "language", "day"),
    [
        ("2025 මාර්තු 12, 08:30", "si", date(2025, 3, 12)),  # CLDR 42's name
        ("2025 අප්‍රේල් 3", "si", date(2025, 4, 3)),
        ("5 जनवरी 2024", "hi", date(2024, 1, 5)),  # ends in a vowel sign
        ("जनवरी 5, 2024", "hi", date(2024, 1, 5)),
    ],
)
def test_month_names_ending_in_a_mark_keep_their_day_and_year(
    text: str, language: str, day: date
) -> None:
    assert [f.day for f in find_dates(text, language)] == [day]


def test_a_short_caption_over_a_labelled_credit_is_no_menu_line() -> None:
    """Five words under the headline, then "ඡායාරූපය: දිවයින" (a label no pack knows): the
    caption and its credit, not a run of links that cut the byline and date off too."""
    (article,), told = read_quietly(PAGES / "si-rail-kandy-short-caption.txt")
    assert not any("links above" in t for t in told)
    assert article.lead_image is not None
    assert plain_text(article.lead_image.caption) == "මහනුවර දුම්රිය ස්ථානයේ පැරණි වේදිකාව"
    assert article.lead_image.credit == "ඡායාරූපය: දිවයින"
    assert [p.name for p in article.authors] == ["සුනිල් ජයසිංහ"]
    assert article.published == datetime(2025, 4, 3, tzinfo=UTC)
