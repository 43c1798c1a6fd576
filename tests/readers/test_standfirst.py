"""A summary line (standfirst) between the headline and the byline of a scraped page.

Told from a photo caption by structure and position: prose above the byline or date
lines that does not speak of a photo is the summary when it is more than one sentence,
or when the line under it is the caption (it names a photo, has a credit under it or
ends with a date). One signal-less sentence there stays the caption.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import newsformats
from newsformats.model import plain_text

HEADLINE = "Floods cut off three villages in the north of the country"
SUMMARY = "Rescuers reached the villages by boat on Tuesday. Hundreds are still without power."
ONE_SENTENCE = (
    "Rescuers reached the villages by boat on Tuesday, as more rain is expected this week."
)
CAPTION = "A rescuer carries a child through a flooded street in Ribnica."
TEXT = [
    "Floods cut off three villages in the north of the country after two days of heavy rain, "
    "officials said on Tuesday evening.",
    "Rescue teams used boats to reach the villages, where water stood more than a metre deep.",
    "The weather service expects more rain later this week.",
]


def _read(
    tmp_path: Path, *top: str, byline: str = "By Ann Lee", date: str = "September 16, 2024"
) -> newsformats.Article:
    page = ["Skip to main content", HEADLINE, *top, byline, date, *TEXT]
    source = tmp_path / "page.txt"
    source.write_text("\n\n".join(page) + "\n", encoding="utf-8")
    return newsformats.read(source)


def _caption(article: newsformats.Article) -> str | None:
    return plain_text(article.lead_image.caption) if article.lead_image else None


@pytest.mark.parametrize(
    ("top", "standfirst", "caption"),
    [
        ([SUMMARY], SUMMARY, None),  # two sentences: a summary
        ([ONE_SENTENCE, CAPTION, "Photo: Reuters/Stringer"], ONE_SENTENCE, CAPTION),
        ([ONE_SENTENCE, "Rescuers in Ribnica, 16 September 2024."], ONE_SENTENCE,
         "Rescuers in Ribnica, 16 September 2024."),  # the caption ends with a date
        ([CAPTION], None, CAPTION),  # one sentence and nothing else: still the caption
        ([CAPTION, "Photo: Reuters/Stringer"], None, CAPTION),
    ],
)  # fmt: skip
def test_summary_above_the_byline_is_the_standfirst(
    tmp_path: Path, top: list[str], standfirst: str | None, caption: str | None
) -> None:
    article = _read(tmp_path, *top)
    assert (article.standfirst, _caption(article)) == (standfirst, caption)
    assert [p.name for p in article.authors] == ["Ann Lee"]
    assert plain_text(article.body[0].content).startswith("Floods cut off")  # type: ignore[union-attr]
    assert len(article.body) == len(TEXT)


def test_summary_of_a_french_page(tmp_path: Path) -> None:
    summary = (
        "Les sauveteurs ont rejoint les villages en bateau. "
        "Des centaines de foyers sont privés d’électricité."
    )
    article = _read(
        tmp_path, summary, byline="Par Anne Leroy", date="Publié le 16 septembre 2024 à 10h15"
    )
    assert article.standfirst == summary and article.lead_image is None
    assert [p.name for p in article.authors] == ["Anne Leroy"]
