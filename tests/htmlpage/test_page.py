"""The HTML page's structure: what a screen-reader user and a validator rely on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html

import newsformats
from helpers import ARTICLES, EXAMPLE_TXT

FOCUSABLE = "//a[@href] | //button | //input | //select | //textarea | //*[@tabindex>=0]"


def parse(path: Path) -> html.HtmlElement:
    return html.parse(str(path)).getroot()


@pytest.mark.parametrize("name", ["example", "markdown", "json", "russian", "persian"])
def test_one_h1_equal_to_headline(pages: dict[str, Path], name: str) -> None:
    page = parse(pages[name])
    headings = page.findall(".//h1")
    assert len(headings) == 1
    article = newsformats.read(ARTICLES[name])
    assert headings[0].text_content() == article.headline


@pytest.mark.parametrize(
    ("name", "lang", "direction"),
    [("example", "en", "ltr"), ("russian", "ru", "ltr"), ("persian", "fa", "rtl")],
)
def test_language_and_direction(
    pages: dict[str, Path], name: str, lang: str, direction: str
) -> None:
    page = parse(pages[name])
    assert page.get("lang") == lang
    assert page.get("dir") == direction


def test_skip_link_is_first_focusable_and_targets_main(pages: dict[str, Path]) -> None:
    page = parse(pages["example"])
    first = page.xpath(FOCUSABLE)[0]
    assert first.get("href") == "#main"
    assert first.text_content() == "Skip to main content"
    main = page.findall(".//main")
    assert len(main) == 1 and main[0].get("id") == "main"


def test_skip_link_is_localised(pages: dict[str, Path]) -> None:
    first = parse(pages["russian"]).xpath(FOCUSABLE)[0]
    assert first.text_content() == "Перейти к основному содержанию"


def test_landmarks(pages: dict[str, Path]) -> None:
    page = parse(pages["example"])
    body = page.find("body")
    assert [child.tag for child in body] == ["a", "header", "main", "footer"]
    assert page.find(".//main/article").get("aria-labelledby") == "headline"


def test_title_is_headline_and_publisher(pages: dict[str, Path]) -> None:
    page = parse(pages["example"])
    assert page.findtext(".//title") == (
        "Leaders Of Russia, China-Led Security Blocs Meet To Discuss Afghanistan – RFE/RL"
    )


def test_figure_with_alt_caption_and_credit(pages: dict[str, Path]) -> None:
    page = parse(pages["example"])
    figure = page.get_element_by_id("lead-figure")
    image = figure.find("img")
    article = newsformats.read(EXAMPLE_TXT)
    assert article.lead_image is not None
    assert image.get("alt") == article.lead_image.alt
    assert image.get("width") == "1200" and image.get("height") == "675"
    assert (pages["example"].parent / image.get("src")).is_file()
    caption = figure.find("figcaption").text_content()
    assert caption.startswith("Leaders pose for a photograph")
    assert "Illustration drawn for this example" in caption


def test_caption_without_image_file_still_has_a_figure(pages: dict[str, Path]) -> None:
    page = parse(pages["russian"])
    figure = page.get_element_by_id("lead-figure")
    image = figure.find("img")
    # The placeholder picture is not the photo: its alt says so, the caption says the rest.
    assert image.get("alt") == "Фото недоступно"
    assert figure.find("figcaption").text_content().startswith("Участники саммита")
    assert (pages["russian"].parent / image.get("src")).is_file()


def test_no_figure_without_caption(pages: dict[str, Path]) -> None:
    assert not parse(pages["no-caption"]).findall(".//figure")


def test_byline_dates_and_credit_line(pages: dict[str, Path]) -> None:
    page = parse(pages["markdown"])
    assert page.get_element_by_id("byline").text_content() == "By Aida Sultanova and Jonas Berg"
    times = page.findall(".//time")
    assert [t.get("datetime") for t in times] == [
        "2021-11-28T08:00:00+06:00",
        "2021-11-28T15:30:00+06:00",
    ]
    assert page.get_element_by_id("credit-line").text_content().startswith("With reporting by")


def test_foreign_span_and_abbreviation(pages: dict[str, Path]) -> None:
    page = parse(pages["markdown"])
    span = page.xpath("//main//span[@lang='ky']")[0]
    assert span.text_content() == "Жогорку Кеңеш"
    assert page.xpath("//abbr[@title='Central Election Commission']")


def test_jsonld_news_article(pages: dict[str, Path]) -> None:
    page = parse(pages["example"])
    scripts = page.xpath("//script[@type='application/ld+json']")
    data = json.loads(scripts[0].text)
    assert data["@type"] == "NewsArticle"
    assert data["headline"].startswith("Leaders Of Russia")
    assert data["inLanguage"] == "en"
    assert data["datePublished"].startswith("2021-09-16")
    assert data["publisher"]["name"] == "RFE/RL"


def test_no_remote_resources_and_no_javascript(pages: dict[str, Path]) -> None:
    for path in pages.values():
        page = parse(path)
        assert not page.xpath("//script[not(@type='application/ld+json')]")
        assert not page.xpath("//link[@rel='stylesheet']")
        for element in page.xpath("//img | //audio | //source | //video"):
            assert "://" not in (element.get("src") or "")


def test_css_has_dark_mode_focus_and_print(pages: dict[str, Path]) -> None:
    css = parse(pages["example"]).findtext(".//style")
    assert "prefers-color-scheme: dark" in css
    assert ":focus-visible" in css
    assert "@media print" in css


def test_a_list_of_links_alone_keeps_its_targets_apart(tmp_path: Path) -> None:
    # The Guardian's feed entries end with lists of related stories: each item a link,
    # stacked with no space between, failed html-target-size (WCAG 2.5.8) before.
    links = [
        {"content": [{"type": "link", "href": f"https://example.org/{n}", "children": [title]}]}
        for n, title in enumerate(["Transfer deadline day", "Every deal in Europe", "Live"])
    ]
    article = newsformats.Article.from_data(
        {
            "headline": "Deadline day",
            "language": "en",
            "body": ["The window closed at eleven.", {"type": "list", "items": links}],
        }
    )
    newsformats.convert(article, tmp_path, ["html"], stem="links")
    report = newsformats.check([tmp_path / "links.html"], select=["html-target-size"])
    assert [f.message for f in report.findings] == []
