"""Markdown with front matter, JSON and YAML of the model, and their error messages."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsformats
from helpers import EXAMPLES
from newsformats.model import (
    Abbreviation,
    BlockQuote,
    ForeignSpan,
    Link,
    ListBlock,
    Paragraph,
    Strong,
    Subheading,
    plain_text,
)


def test_markdown_example() -> None:
    article = newsformats.read(EXAMPLES / "election-explainer.md")
    assert article.headline == "How Kyrgyzstan's Snap Election Works"
    assert [p.name for p in article.authors] == ["Aida Sultanova", "Jonas Berg"]
    assert article.updated is not None and article.published is not None
    kinds = [block.type for block in article.body]
    assert kinds == [
        "paragraph",
        "subheading",
        "paragraph",
        "paragraph",
        "quote",
        "subheading",
        "list",
        "paragraph",
    ]
    first = article.body[0]
    assert isinstance(first, Paragraph)
    assert any(
        isinstance(m, Abbreviation) and m.expansion == "Central Election Commission"
        for m in first.content
    )
    assert any(isinstance(m, Strong) for m in first.content)
    quote = article.body[4]
    assert isinstance(quote, BlockQuote)
    assert quote.attribution == "Nurzhan Shaildabekova, head of the CEC"
    assert isinstance(article.body[6], ListBlock) and article.body[6].ordered
    assert isinstance(article.body[1], Subheading)


def test_markdown_foreign_span_and_link() -> None:
    article = newsformats.read(EXAMPLES / "election-explainer.md")
    marks = [m for b in article.paragraphs for m in b.content if not isinstance(m, str)]
    spans = [m for m in marks if isinstance(m, ForeignSpan)]
    assert spans and spans[0].language == "ky" and plain_text(spans[0].children) == "Жогорку Кеңеш"
    links = [m for m in marks if isinstance(m, Link)]
    assert links and links[0].href == "https://shailoo.gov.kg/"


def test_markdown_headline_from_first_heading(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\nlanguage: ru\n---\n# Заголовок\n\nТекст статьи.\n")
    article = newsformats.read(path)
    assert article.headline == "Заголовок"
    assert len(article.body) == 1


def test_markdown_lone_image_is_lead_figure(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "---\nheadline: H\nlanguage: en\n---\n"
        '![A flooded street](flood.jpg "Water on the main street.")\n\nText.\n'
    )
    article = newsformats.read(path)
    assert article.lead_image is not None
    assert article.lead_image.alt == "A flooded street"
    assert plain_text(article.lead_image.caption) == "Water on the main street."


def test_raw_html_in_markdown_goes_through_the_body_converter(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "---\nheadline: H\nlanguage: en\n---\n"
        "Hello <script>alert(1)</script><em>world</em>\n\n<div><p>Raw block</p></div>\n"
    )
    article = newsformats.read(path)
    first = article.paragraphs[0].content
    assert plain_text(first) == "Hello world"
    assert any(m.type == "emphasis" for m in first if not isinstance(m, str))
    assert plain_text(article.paragraphs[1].content) == "Raw block"


def test_json_example() -> None:
    article = newsformats.read(EXAMPLES / "heatwave-update.json")
    assert article.kicker == "Weather"
    assert [b.id for b in article.body] == ["p1", "p2", "sub1", "list1", "quote1"]
    assert article.notes and article.notes[0].kind == "correction"


def test_yaml_of_the_model(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("headline: Hello\nlanguage: fa\nbody:\n  - سلام دنیا\n")
    article = newsformats.read(path)
    assert article.direction == "rtl"


def test_format_detected_from_content(tmp_path: Path) -> None:
    path = tmp_path / "story"
    path.write_text('{"headline": "H", "language": "en", "body": ["x"]}')
    assert newsformats.read(path).headline == "H"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("bad.json", '{"headline": "H",\n "language": "en",\n "body": [}', "bad.json:3:"),
        ("missing.json", '{"language": "en", "body": ["x"]}', "headline: is required"),
        (
            "lang.json",
            '{"headline": "H", "language": "english!", "body": ["x"]}',
            "not a BCP 47 language tag",
        ),
        (
            "block.yaml",
            "headline: H\nlanguage: en\nbody:\n  - type: table\n    content: x\n",
            "block.yaml:4:",
        ),
        (
            "extra.yaml",
            "headline: H\nlanguage: en\nbody: [x]\ncolour: red\n",
            "colour: is not a field",
        ),
        (
            "tz.yaml",
            "headline: H\nlanguage: en\nbody: [x]\npublished: 2021-09-16T10:00:00\n",
            "time zone",
        ),
        (  # JSON is parsed again for positions only when there is a problem to locate
            "block.json",
            '{"headline": "H",\n "language": "en",\n "body": [\n'
            ' {"type": "table", "content": "x"}]}',
            "block.json:4:",
        ),
        ("alias.yaml", "a: &x [1]\nb: *x\n", "aliases"),
        (
            "link.json",
            '{"headline": "H", "language": "en", "body": [{"type": "paragraph",'
            ' "content": [{"type": "link", "href": "javascript:alert(1)", "children": ["x"]}]}]}',
            "a link must start with",
        ),
        (
            "nan.json",
            '{"headline": "H", "language": "en", "body": ["x"], "id": NaN}',
            "NaN is not a JSON number",
        ),
        (
            "dup.json",
            '{"headline": "H", "headline": "I", "language": "en", "body": ["x"]}',
            "appears twice",
        ),
    ],
)
def test_bad_structured_input_gives_one_clear_line(
    tmp_path: Path, name: str, content: str, expected: str
) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(newsformats.InputError) as caught:
        newsformats.read(path)
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message
    assert name in message


def test_control_characters_are_refused_with_their_field(tmp_path: Path) -> None:
    path = tmp_path / "ctl.json"
    path.write_text('{"headline": "H", "language": "en",\n "body": ["a\\u0001b"]}')
    with pytest.raises(newsformats.InputError) as caught:
        newsformats.read(path)
    assert "body[0]: control character U+0001" in str(caught.value)
    assert "ctl.json:2:" in str(caught.value)
