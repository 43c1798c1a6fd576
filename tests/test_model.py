"""The article model: its rules hold on every path, and the light checker agrees with pydantic."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from helpers import DATA, EXAMPLES
from newsformats.model import (
    Abbreviation,
    Article,
    BlockQuote,
    Embed,
    Endnotes,
    ForeignSpan,
    Image,
    Link,
    ListBlock,
    Note,
    NoteReference,
    Paragraph,
    Person,
    Publisher,
    Subheading,
    Table,
    TableCell,
    as_data,
    as_json,
    validate,
)
from newsformats.notes import collecting_notes
from newsformats.readers import read_all
from newsformats.typed import ModelError, Undecided, validate_light, validate_with_pydantic

BODY = ["Text."]
ARTICLE = {"headline": "H", "language": "en", "body": BODY}

# One invalid case for each rule of the model: the class, and the fields that break it.
INVALID: list[tuple[type, dict[str, Any]]] = [
    (Article, {**ARTICLE, "headline": ""}),
    (Article, {**ARTICLE, "headline": "   "}),
    (Article, {**ARTICLE, "headline": "x" * 401}),
    (Article, {**ARTICLE, "language": "english"}),
    (Article, {**ARTICLE, "body": []}),
    (Article, {**ARTICLE, "published": datetime(2021, 9, 16, 12)}),
    (
        Article,
        {
            **ARTICLE,
            "published": datetime(2021, 9, 16, tzinfo=UTC),
            "updated": datetime(2021, 9, 15, tzinfo=UTC),
        },
    ),
    (Article, {**ARTICLE, "body": [{"type": "paragraph", "id": "a", "content": "x"}] * 2}),
    (Article, {**ARTICLE, "body": [{"type": "paragraph", "id": "main", "content": "x"}]}),
    (Article, {**ARTICLE, "headline": "bad\x01"}),
    (Article, {**ARTICLE, "canonical_url": "not a url"}),
    (Article, {**ARTICLE, "direction": "up"}),
    (Article, {**ARTICLE, "lead_image": {"src": "a.jpg"}}),
    (Article, {**ARTICLE, "notes": [{"kind": "correction", "text": []}]}),
    (Paragraph, {"content": []}),
    (Paragraph, {"id": "1st", "content": "x"}),
    (Paragraph, {"id": "p1\n", "content": "x"}),
    (Paragraph, {"content": [{"type": "unknown", "children": "x"}]}),
    (Subheading, {"level": 1, "content": "x"}),
    (Subheading, {"level": 7, "content": "x"}),
    (BlockQuote, {"paragraphs": []}),
    (ListBlock, {"items": []}),
    (Table, {"rows": []}),
    (TableCell, {"colspan": 0}),
    (TableCell, {"rowspan": 65535}),
    (TableCell, {"scope": "table"}),
    (Embed, {"url": "ftp://example.org/a", "title": "T"}),
    (Embed, {"url": "https://example.org/a", "title": ""}),
    (Endnotes, {"notes": []}),
    (Note, {"text": []}),
    (Link, {"href": "javascript:alert(1)", "children": "x"}),
    (Abbreviation, {"text": "", "expansion": "E"}),
    (ForeignSpan, {"language": "xx-QQ", "children": "x"}),
    (NoteReference, {"number": 0}),
    (Person, {"name": ""}),
    (Person, {"name": "A", "url": "not a url"}),
    (Publisher, {"name": ""}),
    (Image, {"src": "a.jpg"}),
    (Image, {"alt": "A", "width": 0}),
    (Image, {"alt": "A", "decorative": "sometimes"}),
]


@pytest.mark.parametrize(("kind", "fields"), INVALID)
def test_every_rule_holds_for_data_and_for_a_constructor_call(
    kind: type, fields: dict[str, Any]
) -> None:
    with pytest.raises(ModelError):
        validate_with_pydantic(kind, fields)  # the rule is pydantic's too (the JSON Schema)
    with pytest.raises(Undecided):
        validate_light(kind, fields)  # the light checker leaves it to pydantic
    with pytest.raises(ModelError):
        kind.from_data(fields)  # type: ignore[attr-defined]
    with pytest.raises(ModelError):
        kind(**fields)


def test_an_unknown_field_is_refused_with_its_name() -> None:
    with pytest.raises(ModelError, match="subtitle"):
        validate({**ARTICLE, "subtitle": "S"})
    with pytest.raises(TypeError, match="subtitle"):
        Article(**ARTICLE, subtitle="S")  # type: ignore[call-arg]


def test_shorthands_give_the_full_form_on_every_path() -> None:
    data = {
        **ARTICLE,
        "authors": ["Ann Smith", {"name": "Bo Li", "role": "photos"}],
        "publisher": "RFE/RL",
        "body": [
            "First.",
            {"type": "list", "items": ["a", {"content": "b", "sublist": {"items": ["c"]}}]},
            {"type": "table", "rows": [["x", {"content": "y", "header": True}]]},
            {"type": "figure", "image": {"src": "a.jpg", "caption": "A cat. On a mat."}},
        ],
    }
    light = validate_light(Article, data)
    assert light == validate_with_pydantic(Article, data) == Article(**data)
    assert [a.name for a in light.authors] == ["Ann Smith", "Bo Li"]
    assert light.body[0] == Paragraph(id="p1", content=["First."])
    assert light.body[3].image.alt == "A cat."  # derived in the article's language
    assert light.direction == "ltr"


def test_values_to_convert_go_to_pydantic_and_come_back_normalised() -> None:
    data = {**ARTICLE, "published": "2021-09-16T12:00:00Z", "canonical_url": "HTTPS://Example.ORG"}
    with pytest.raises(Undecided):
        validate_light(Article, data)
    article = validate(data)
    assert article.published == datetime(2021, 9, 16, 12, tzinfo=UTC)
    assert article.canonical_url == "https://example.org/"
    assert validate_light(Article, as_data(article)) == article  # already in the model's form


def _articles() -> list[Article]:
    inputs = sorted(EXAMPLES.glob("*.*")) + sorted((DATA / "scraped").glob("*.txt"))
    inputs += sorted((DATA / "inputs").glob("*/*.*"))
    found: list[Article] = []
    with collecting_notes():
        for path in inputs:
            if path.suffix in {".jpg", ".png", ".yaml"} and path.with_suffix(".txt").exists():
                continue  # a sidecar or a picture of a text input
            try:
                found += read_all(path)
            except Exception:  # inputs that are meant to fail; the readers' tests cover them
                continue
    return found


def test_the_light_checker_and_pydantic_make_the_same_article_from_every_test_input() -> None:
    articles = _articles()
    assert len(articles) > 40
    for article in articles:
        data = json.loads(as_json(article))  # as a JSON input gives it: dates as text
        by_pydantic = validate_with_pydantic(Article, data)
        assert by_pydantic == article
        assert validate_light(Article, as_data(by_pydantic)) == article


def test_an_article_as_json_is_the_text_pydantic_gives() -> None:
    for article in _articles()[:30]:
        from pydantic import TypeAdapter

        assert as_json(article) == TypeAdapter(Article).dump_json(article).decode()


def test_the_json_of_an_article_reads_back_as_the_same_article(tmp_path: Path) -> None:
    article = Article(
        headline="Zoë’s “line”",
        language="en",
        body=["Tab\there.", {"type": "paragraph", "content": [{"type": "line-break"}, "x"]}],
        published=datetime(2021, 9, 16, 12, 0, 0, 500000, tzinfo=UTC),
        canonical_url="https://example.org/a?b=c#d",
    )
    assert validate(json.loads(as_json(article))) == article
