"""The speech script: reading order, what is announced, pauses, stable ids."""

from __future__ import annotations

import pytest

from newsformats.model import Article
from newsformats.speech.script import BLOCK_PAUSE, PART_PAUSE, SENTENCE_PAUSE, build_script


def test_example_is_read_headline_date_photo_body_credits(example: Article) -> None:
    script = build_script(example)
    ids = [u.id for u in script.utterances]
    assert ids[:4] == ["headline-s1", "dateline", "lead-figure-alt", "lead-figure-s1"]
    assert ids[4] == "p1-s1"
    assert ids[-2:] == ["credit-line-s1", "publisher"]
    texts = {u.id: u.text for u in script.utterances}
    assert texts["dateline"] == "Dushanbe, September 16, 2021."
    assert texts["lead-figure-alt"].startswith("Photo: Illustration: eight stylised figures")
    assert texts["publisher"] == "Published by RFE/RL."
    assert [u.part for u in script.utterances][:4] == ["headline", "headline", "photo", "photo"]


def test_byline_and_standfirst_are_said_after_the_headline(heatwave: Article) -> None:
    script = build_script(heatwave)
    first = [(u.id, u.text) for u in script.utterances[:4]]
    assert first == [
        ("headline-s1", "Heat Wave Grips Central Asia As Temperatures Pass 45 Degrees"),
        ("standfirst-s1", heatwave.standfirst),
        ("byline", "By Dilnoza Karimova."),
        ("dateline", "Tashkent, July 12, 2023."),
    ]


def test_lists_quotes_and_notes_are_spoken_in_order(heatwave: Article) -> None:
    ids = [u.id for u in build_script(heatwave).utterances]
    assert ids.index("sub1-s1") < ids.index("list1-s1") < ids.index("list1-s3")
    assert ids.index("list1-s3") < ids.index("quote1-s1") < ids.index("quote1-by")
    assert ids.index("quote1-by") < ids.index("note1") < ids.index("publisher")


def test_pauses_grow_from_sentence_to_block_to_part(explainer: Article) -> None:
    pauses = {u.id: u.pause_after for u in build_script(explainer).utterances}
    assert pauses["standfirst-s1"] == SENTENCE_PAUSE
    assert pauses["standfirst-s2"] == BLOCK_PAUSE
    assert pauses["dateline"] == PART_PAUSE  # the story begins
    assert pauses["credit-line-s1"] == BLOCK_PAUSE
    assert pauses["publisher"] == 0


def test_the_script_is_the_same_every_time(example: Article) -> None:
    assert build_script(example) == build_script(example)


def test_derived_alt_text_is_not_said_twice() -> None:
    article = Article(
        headline="H",
        language="en",
        lead_image={"caption": "Leaders pose in Dushanbe. They met for hours."},
        body=["Text."],
    )
    utterances = build_script(article).utterances
    texts = [u.text for u in utterances]
    assert texts[1:4] == ["Photo.", "Leaders pose in Dushanbe.", "They met for hours."]
    # Each caption sentence keeps the id of its span, for the read-along.
    assert [u.id for u in utterances[2:4]] == ["lead-figure-s1", "lead-figure-s2"]


@pytest.mark.parametrize(
    "caption",
    [
        "Leaders of the U.S. and allies pose in Dushanbe after talks. They met for hours.",
        "Leaders pose " + "for a photograph with many guests " * 5 + "in Dushanbe. Later, talks.",
    ],
)
def test_a_caption_is_said_once_when_the_alt_text_comes_from_it(caption: str) -> None:
    """Also when the derived alt text is cut short or split where the speech splitter does not."""
    article = Article(headline="H", language="en", lead_image={"caption": caption}, body=["T."])
    spoken = " ".join(u.text for u in build_script(article).utterances)
    first_words = " ".join(caption.split()[:4])
    assert spoken.count(first_words) == 1


def test_russian_script_uses_russian_words() -> None:
    article = Article(
        headline="Лидеры ОДКБ встретились",
        language="ru",
        authors=["Иван Петров"],
        lead_image={"alt": "Лидеры на сцене"},
        body=["Саммит прошёл в Душанбе."],
    )
    texts = [u.text for u in build_script(article).utterances]
    assert texts[1] == "Автор: Иван Петров."
    assert texts[2] == "Фото: Лидеры на сцене."


def test_cues_end_with_the_languages_full_stop() -> None:
    article = Article(
        headline="Գագաթնաժողով Դուշանբեում",
        language="hy",
        authors=["Արամ Պետրոսյան"],
        lead_image={"alt": "Առաջնորդները բեմում"},
        body=["Գագաթնաժողովն անցավ Դուշանբեում։"],
    )
    texts = [u.text for u in build_script(article).utterances]
    assert texts[1].endswith("Արամ Պետրոսյան։")
    assert texts[2].endswith("Առաջնորդները բեմում։")
