"""The plain-text reader on the example and on variants of the same layout."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import newsformats
from helpers import DATA, EXAMPLE_TXT
from newsformats.model import Paragraph, plain_text
from newsformats.readers.plaintext import parse_layout
from newsformats.readers.source import open_source

EXAMPLE_HEADLINE = "Leaders Of Russia, China-Led Security Blocs Meet To Discuss Afghanistan"
EXAMPLE_CAPTION = (
    "Leaders pose for a photograph during the Collective Security Treaty Organization "
    "summit in Dushanbe, Tajikistan, on September 16."
)


@pytest.fixture(scope="module")
def bare_example(tmp_path_factory: pytest.TempPathFactory) -> newsformats.Article:
    """The example text alone, without its sidecar: what the text itself yields."""
    folder = tmp_path_factory.mktemp("bare")
    shutil.copy(EXAMPLE_TXT, folder)
    return newsformats.read(folder / EXAMPLE_TXT.name)


def test_example_headline(bare_example: newsformats.Article) -> None:
    assert bare_example.headline == EXAMPLE_HEADLINE


def test_example_caption(bare_example: newsformats.Article) -> None:
    assert bare_example.lead_image is not None
    assert plain_text(bare_example.lead_image.caption) == EXAMPLE_CAPTION


def test_example_has_25_body_paragraphs(bare_example: newsformats.Article) -> None:
    assert len(bare_example.body) == 25
    assert all(isinstance(block, Paragraph) for block in bare_example.body)
    first = bare_example.body[0]
    assert isinstance(first, Paragraph)
    assert plain_text(first.content).startswith("Russia and its Central Asian allies")


def test_example_credit_line(bare_example: newsformats.Article) -> None:
    assert bare_example.credit_line == "With reporting by AFP, Reuters, and TASS"


def test_example_language_detected_from_text(bare_example: newsformats.Article) -> None:
    assert bare_example.language == "en"
    assert bare_example.direction == "ltr"


def test_page_chrome_is_dropped(bare_example: newsformats.Article) -> None:
    everything = " ".join(plain_text(b.content) for b in bare_example.paragraphs)
    assert "Accessibility links" not in everything
    assert "Breaking News" not in everything
    assert bare_example.headline != "Breaking News"


def test_alt_text_derived_from_caption_when_missing(bare_example: newsformats.Article) -> None:
    image = bare_example.lead_image
    assert image is not None and image.src is None
    assert image.alt_source == "derived"
    assert image.alt and EXAMPLE_CAPTION.startswith(image.alt.rstrip("…"))


def test_sidecar_adds_what_text_lacks() -> None:
    article = newsformats.read(EXAMPLE_TXT)
    assert article.publisher is not None and article.publisher.name == "RFE/RL"
    assert article.dateline == "Dushanbe"
    assert article.published is not None and article.published.date().isoformat() == "2021-09-16"
    image = article.lead_image
    assert image is not None and image.src == "csto-sco-afghanistan.jpg"
    assert image.alt_source == "supplied" and image.alt.startswith("Illustration:")
    assert plain_text(image.caption) == EXAMPLE_CAPTION


def test_russian_article() -> None:
    article = newsformats.read(DATA / "ru-summit.txt")
    assert article.language == "ru"
    assert article.headline == "Лидеры ОДКБ обсудили в Душанбе ситуацию в Афганистане"
    assert article.lead_image is not None
    assert plain_text(article.lead_image.caption).startswith("Участники саммита")
    assert article.credit_line == "По материалам ТАСС и «Интерфакса»"
    assert len(article.body) == 4
    texts = [plain_text(p.content) for p in article.paragraphs]
    assert "Поделиться" not in texts


def test_persian_article_is_right_to_left() -> None:
    article = newsformats.read(DATA / "fa-summit.txt")
    assert article.language == "fa"
    assert article.direction == "rtl"
    assert article.headline.startswith("رهبران پیمان امنیت جمعی")
    assert article.lead_image is not None
    assert article.credit_line is not None and article.credit_line.startswith("با استفاده از")
    assert len(article.body) == 4


def test_no_caption_and_no_credit_line() -> None:
    article = newsformats.read(DATA / "en-no-caption-no-credit.txt")
    assert article.lead_image is None
    assert article.credit_line is None
    assert len(article.body) == 3
    first = article.paragraphs[0]
    assert plain_text(first.content).startswith("Authorities in Tajikistan closed")


def test_related_stories_after_the_article_are_dropped() -> None:
    article = newsformats.read(DATA / "en-no-caption-no-credit.txt")
    texts = " ".join(plain_text(p.content) for p in article.paragraphs)
    assert "Avalanche Warning" not in texts


def test_sidecar_language_wins_over_detection(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A Headline\n\nThis short text is in English really.\n")
    (tmp_path / "a.yaml").write_text("language: en-GB\n")
    assert newsformats.read(tmp_path / "a.txt").language == "en-GB"


def test_byline_line_becomes_authors(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Floods Hit The Valley\n\nBy Ann Lee and Bo Chen\n\n"
        "Heavy rain flooded the valley on Tuesday, officials in the region said.\n"
    )
    article = newsformats.read(tmp_path / "a.txt")
    assert [p.name for p in article.authors] == ["Ann Lee", "Bo Chen"]


def test_layout_without_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "lines.txt"
    path.write_text(
        "Breaking News\nRiver Levels Fall After Week Of Rain\n"
        "Water levels in the Vakhsh river fell for a third day, the weather service said.\n"
        "Farmers said the damage to crops would take months to assess.\n"
    )
    data = parse_layout(open_source(path))
    assert data["headline"] == "River Levels Fall After Week Of Rain"
    assert len(data["body"]) == 2


def _example_without(tmp_path: Path, *drop: str) -> newsformats.Article:
    text = EXAMPLE_TXT.read_text(encoding="utf-8")
    for part in drop:
        text = text.replace(part, "")
    path = tmp_path / "variant.txt"
    path.write_text(text, encoding="utf-8")
    return newsformats.read(path)


def test_example_without_its_caption(tmp_path: Path) -> None:
    article = _example_without(tmp_path, EXAMPLE_CAPTION)
    assert article.lead_image is None
    assert len(article.body) == 25
    assert article.credit_line == "With reporting by AFP, Reuters, and TASS"


def test_example_without_its_credit_line(tmp_path: Path) -> None:
    article = _example_without(tmp_path, "With reporting by AFP, Reuters, and TASS")
    assert article.credit_line is None
    assert len(article.body) == 25
    assert article.lead_image is not None


def test_example_without_page_chrome(tmp_path: Path) -> None:
    article = _example_without(tmp_path, "Accessibility links", "Breaking News")
    assert article.headline == EXAMPLE_HEADLINE
    assert len(article.body) == 25


def test_a_stand_line_is_the_publication_date_alone_and_the_update_after_another(
    tmp_path: Path,
) -> None:
    """German "Stand:" (as of) dates the text shown: the only date line is its publication,
    one after a publication line is an update."""
    page = (DATA / "scraped" / "de-dachzeile-stand.txt").read_text("utf-8")
    alone = tmp_path / "alone.txt"
    alone.write_text(page, "utf-8")
    article = newsformats.read(alone)
    assert article.published is not None and article.published.date().isoformat() == "2024-11-14"
    assert article.updated is None
    both = tmp_path / "both.txt"
    both.write_text(
        page.replace(
            "Stand: 14.11.2024 06:45 Uhr",
            "Veröffentlicht: 13.11.2024 18:10 Uhr\n\nStand: 14.11.2024 06:45 Uhr",
        ),
        "utf-8",
    )
    article = newsformats.read(both)
    assert article.published is not None and article.published.date().isoformat() == "2024-11-13"
    assert article.updated is not None and article.updated.date().isoformat() == "2024-11-14"


BODY = (
    "Heavy rain flooded the valley on Tuesday, officials in the region said late at night.\n\n"
    "Schools in the lower town stayed closed, and the road to the capital was cut for hours.\n"
)


@pytest.mark.parametrize(
    ("top", "headline", "caption"),
    [
        # a caption with no full stop and no date, longer than the headline, above a credit
        (
            "World\n\nFloods hit the valley towns\n\n"
            "Residents wade across a flooded street in the lower town\n\nPhoto: Reuters\n\n",
            "Floods hit the valley towns",
            "Residents wade across a flooded street in the lower town",
        ),
        # a section label over a headline that a photo credit follows: the label stays one
        (
            "World\n\nFloods hit the valley towns after a week of rain\n\nPhoto: Reuters\n\n",
            "Floods hit the valley towns after a week of rain",
            None,
        ),
    ],
)
def test_the_line_over_a_photo_credit_is_a_caption_not_the_headline(
    tmp_path: Path, top: str, headline: str, caption: str | None
) -> None:
    path = tmp_path / "page.txt"
    path.write_text(top + "By Ann Lee\n\n12 March 2025\n\n" + BODY)
    data = parse_layout(open_source(path))
    assert data["headline"] == headline
    assert data.get("caption") == caption


MK_PAGE = """Вести
Спорт

Скопје добива нов мост преку реката Вардар до крајот на годината

Автор: Ана Петровска

14 март 2025, 10:30

Ажурирано: {updated}

Градот Скопје ќе изгради нов пешачки мост преку реката Вардар, соопштија денеска од \
градската администрација. Мостот ќе ги поврзе двата брега во центарот на градот.

Изградбата ќе почне во мај, а работите треба да завршат до крајот на годината. Вредноста \
на проектот е околу пет милиони евра.

Граѓаните долго бараа уште еден премин во центарот, велат од општината.
"""


def _read_mk(tmp_path: Path, updated: str) -> tuple[newsformats.Article, list[str]]:
    from newsformats.notes import collecting_notes

    page = tmp_path / "mk.txt"
    page.write_text(MK_PAGE.format(updated=updated), encoding="utf-8")
    with collecting_notes() as notes:
        article = newsformats.read(page)
    return article, [str(n) for n in notes]


def test_update_on_the_day_of_publication_without_zone_is_said_not_shown(
    tmp_path: Path,
) -> None:
    # The model holds moments only: a zone-less 13:05 keeps its day, the publication's.
    article, notes = _read_mk(tmp_path, "14 март 2025, 13:05")
    assert article.updated == article.published
    assert (
        article.updated is not None and article.updated.isoformat() == "2025-03-14T00:00:00+00:00"
    )
    assert [n for n in notes if "the update at 13:05 has no time zone" in n and ":10:" in n]


def test_update_on_a_later_day_without_zone_keeps_its_day_silently(tmp_path: Path) -> None:
    article, notes = _read_mk(tmp_path, "15 март 2025, 13:05")
    assert article.updated is not None and article.updated.date().isoformat() == "2025-03-15"
    assert not [n for n in notes if "update" in n]


def test_update_with_its_zone_keeps_its_time(tmp_path: Path) -> None:
    article, notes = _read_mk(tmp_path, "14 март 2025, 13:05 GMT+1")
    assert (
        article.updated is not None and article.updated.isoformat() == "2025-03-14T12:05:00+00:00"
    )
    assert not [n for n in notes if "update" in n]
