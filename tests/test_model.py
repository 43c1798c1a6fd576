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


# What a valid URL may not hold raw (WHATWG URL), each with the escape it gets.
NOT_IN_URL = {
    " ": "%20",
    '"': "%22",
    "<": "%3C",
    ">": "%3E",
    "`": "%60",
    "{": "%7B",
    "}": "%7D",
    "|": "%7C",
    "\\": "%5C",
    "^": "%5E",
    "[": "%5B",
    "]": "%5D",
}


@pytest.mark.parametrize(("char", "escape"), NOT_IN_URL.items())
def test_a_link_or_embed_address_is_made_a_valid_url_on_every_path(char: str, escape: str) -> None:
    raw = f"https://example.com/tag?category=AFPBB{char}News&q=1#top"
    made = f"https://example.com/tag?category=AFPBB{escape}News&q=1#top"
    assert Link(href=raw, children=["x"]).href == made
    assert Link.from_data({"href": raw, "children": "x"}).href == made
    assert Embed(url=raw, title="T").url == made
    assert Embed.from_data({"url": raw, "title": "T"}).url == made


def test_a_valid_url_keeps_what_is_allowed() -> None:
    kept = "https://例え.jp/記事/%E8%A8%98?a=1&b=c;d~e!$'()*+,:@/?#frag/?"
    assert Link(href=kept, children=["x"]).href == kept
    assert Link(href="https://[2001:db8::1]/a", children=["x"]).href == "https://[2001:db8::1]/a"
    assert Link(href="#embed1", children=["x"]).href == "#embed1"
    assert Link(href="/a/1 2.html", children=["x"]).href == "/a/1%202.html"
    assert Link(href="https://x.org/100%", children=["x"]).href == "https://x.org/100%25"
    assert Link(href="https://x.org/#a#b", children=["x"]).href == "https://x.org/#a%23b"


def test_a_page_link_with_a_raw_greater_than_sign_is_written_as_a_valid_url(
    tmp_path: Path,
) -> None:
    """AFPBB's tag links hold a raw ">" in their query (sixth run: Nu 5, EPUBCheck RSC-020 5)."""
    from newsformats import convert

    page = tmp_path / "page.html"
    paragraph = "A paragraph long enough to be the article's text, with a sentence or two. " * 3
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>Title of the story</title></head><body>'
        "<article><h1>Title of the story</h1>"
        f"<p>{paragraph}</p>"
        '<p>See <a href="https://example.com/list?category%5B%5D=AFPBB>Tag&amp;x=1">'
        "the tag's stories</a> and more words to make this a paragraph.</p>"
        f"<p>{paragraph}</p></article></body></html>",
        encoding="utf-8",
    )
    with collecting_notes():
        [article] = read_all(page)
    convert(article, tmp_path / "out", ["html", "epub"], stem="a")
    html = (tmp_path / "out" / "a.html").read_text(encoding="utf-8")
    want = 'href="https://example.com/list?category%5B%5D=AFPBB%3ETag&amp;x=1"'
    assert want in html
    import zipfile

    with zipfile.ZipFile(tmp_path / "out" / "a.epub") as book:
        xhtml = "".join(
            book.read(name).decode() for name in book.namelist() if name.endswith(".xhtml")
        )
    assert want in xhtml
