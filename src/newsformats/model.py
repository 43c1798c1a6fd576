"""The canonical article model: what every reader produces and every writer consumes.

The model imports nothing from readers or writers. It validates what it is given,
fills in what can be derived (text direction from the language, block ids), and
exports its JSON Schema with :func:`article_json_schema`.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any, Literal, Union

from pydantic import (
    AnyUrl,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from .lang.pack import all_packs
from .lang.sentences import first_sentence
from .language import direction_of, tag_problem

MODEL_VERSION = 1
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def find_control_character(value: Any, path: tuple[Any, ...] = ()) -> tuple[list[Any], str] | None:
    r"""Find a character that HTML and XML cannot carry; return its field path and itself.

    >>> find_control_character({"body": ["ok", "bad\x01"]})
    (['body', 1], '\x01')
    """
    if isinstance(value, str):
        match = _CONTROL.search(value)
        return (list(path), match.group()) if match else None
    items: Any = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, item in items:
        found = find_control_character(item, (*path, key))
        if found:
            return found
    return None


class _Node(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=False, defer_build=True
    )


# --- inline content ---------------------------------------------------------------


class Emphasis(_Node):
    """Stressed text (``<em>``)."""

    type: Literal["emphasis"] = "emphasis"
    children: InlineList


class Strong(_Node):
    """Important text (``<strong>``)."""

    type: Literal["strong"] = "strong"
    children: InlineList


class Link(_Node):
    """A hyperlink: an absolute http(s) or mailto URL, a ``#fragment``, or a relative
    reference (``/a/123.html``) that readers could not resolve against a base URL."""

    type: Literal["link"] = "link"
    href: str
    title: str | None = None
    children: InlineList

    @field_validator("href")
    @classmethod
    def _safe_href(cls, value: str) -> str:
        value = value.strip()
        if not value or not _SAFE_HREF.match(value):
            raise ValueError(
                "a link must start with http://, https://, mailto: or #, or be a relative path"
            )
        return value


# A scheme is letters before a colon that comes before any "/", "?" or "#".
_SAFE_HREF = re.compile(r"^(https?://|mailto:|#|(?![A-Za-z][A-Za-z0-9+.-]*:)[^\s])", re.IGNORECASE)


class Quotation(_Node):
    """A quotation inside a sentence (``<q>``); the quote marks come from the language."""

    type: Literal["quotation"] = "quotation"
    children: InlineList


class Abbreviation(_Node):
    """An abbreviation with its expansion, e.g. CSTO = Collective Security Treaty Organization."""

    type: Literal["abbreviation"] = "abbreviation"
    text: str = Field(min_length=1)
    expansion: str = Field(min_length=1)


class ForeignSpan(_Node):
    """Text in another language than the article's (``<span lang>``)."""

    type: Literal["foreign"] = "foreign"
    language: str
    children: InlineList

    @field_validator("language")
    @classmethod
    def _valid_language(cls, value: str) -> str:
        return _check_language(value)


class Citation(_Node):
    """The title of a work: a book, a film, a newspaper (``<cite>``)."""

    type: Literal["citation"] = "citation"
    children: InlineList


class Subscript(_Node):
    """Subscript text, as in H₂O (``<sub>``)."""

    type: Literal["subscript"] = "subscript"
    children: InlineList


class Superscript(_Node):
    """Superscript text, as in 10³ or 1st (``<sup>``)."""

    type: Literal["superscript"] = "superscript"
    children: InlineList


class LineBreak(_Node):
    """A line break that belongs to the text, as in a poem or an address (``<br>``)."""

    type: Literal["line-break"] = "line-break"


class NoteReference(_Node):
    """A reference to note ``number`` of the article's endnotes block."""

    type: Literal["note-reference"] = "note-reference"
    number: int = Field(ge=1)


Mark = Annotated[
    Union[  # noqa: UP007
        Emphasis,
        Strong,
        Link,
        Quotation,
        Abbreviation,
        ForeignSpan,
        Citation,
        Subscript,
        Superscript,
        LineBreak,
        NoteReference,
    ],
    Field(discriminator="type"),
]
Inline = Union[str, Mark]  # noqa: UP007


def _inline_list(value: Any) -> Any:
    """A bare string is shorthand for a list holding that string."""
    return [value] if isinstance(value, str) else value


InlineList = Annotated[
    list[Inline],
    BeforeValidator(_inline_list, json_schema_input_type=Union[str, list[Inline]]),  # noqa: UP007
]


def plain_text(content: InlineList | str) -> str:
    """Return the text of inline content with every mark removed.

    >>> plain_text(["Hello ", Strong(children=["world"])])
    'Hello world'
    """
    if isinstance(content, str):
        return content
    parts: list[str] = []
    for item in content:
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, Abbreviation):
            parts.append(item.text)
        elif isinstance(item, LineBreak):
            parts.append(" ")
        elif isinstance(item, NoteReference):
            continue
        else:
            parts.append(plain_text(item.children))
    return "".join(parts)


# --- people, places, images ---------------------------------------------------------


class Person(_Node):
    """An author: a name and, optionally, a role and a profile URL."""

    name: str = Field(min_length=1)
    role: str | None = None
    url: AnyUrl | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value


class Publisher(_Node):
    """The organisation that publishes the article."""

    name: str = Field(min_length=1)
    url: AnyUrl | None = None
    logo: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value


AltSource = Literal["supplied", "derived"]


class Image(_Node):
    """A photo or illustration.

    ``src`` is a path relative to the input file's folder (or, when the caller
    allows it, a URL). ``alt`` is what a person who cannot see the image needs
    to know; ``alt_source`` records whether a person wrote it or newsformats
    derived it from the caption. ``decorative`` images carry no alt text.
    """

    src: str | None = None
    alt: str = ""
    alt_source: AltSource = "supplied"
    caption: InlineList = Field(default_factory=list)
    credit: str | None = None
    decorative: bool = False
    width: int | None = Field(default=None, gt=0)
    height: int | None = Field(default=None, gt=0)

    @model_validator(mode="before")
    @classmethod
    def _derive_alt(cls, value: Any) -> Any:
        # An article derives its images' alt text in its own language first (Article._alt).
        return with_derived_alt(value, "und")

    @model_validator(mode="after")
    def _alt_or_decorative(self) -> Image:
        if not self.decorative and not self.alt.strip():
            raise ValueError(
                "an image needs alt text (or a caption to derive it from), or decorative: true"
            )
        return self


def with_derived_alt(image: Any, language: str) -> Any:
    """An image's fields with alt text derived from its caption when it has none."""
    if not isinstance(image, dict) or image.get("decorative"):
        return image
    if str(image.get("alt") or "").strip():
        return image
    text = _raw_text(image.get("caption"))
    if text.strip():
        return {**image, "alt": derive_alt_text(text, language=language), "alt_source": "derived"}
    return image


def _raw_text(content: Any) -> str:
    """The text of inline content not yet validated: strings, mappings and model marks.

    A caption wholly in a mark (``<em>Ottilie</em>``) still gives its words.
    """
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(_raw_text(item) for item in content)
    if isinstance(content, dict):
        return _raw_text(content.get("children") or content.get("text") or "")
    if isinstance(content, BaseModel):
        return plain_text([content])  # type: ignore[list-item]
    return ""


def derive_alt_text(caption: str, limit: int = 125, language: str = "und") -> str:
    """Make a short alt text from a caption: its first sentence, cut at a word.

    >>> derive_alt_text("U.S. President Joe Biden in Dushanbe. More text follows.")
    'U.S. President Joe Biden in Dushanbe.'
    """
    first = first_sentence(caption, language)
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


# --- blocks -------------------------------------------------------------------------


class _Block(_Node):
    id: str | None = Field(default=None, pattern=r"^[A-Za-z][A-Za-z0-9_-]*$")


class Paragraph(_Block):
    """A paragraph of body text."""

    type: Literal["paragraph"] = "paragraph"
    content: InlineList = Field(min_length=1)


class Subheading(_Block):
    """A heading inside the body; level 2 sits under the headline."""

    type: Literal["subheading"] = "subheading"
    level: int = Field(default=2, ge=2, le=6)
    content: InlineList = Field(min_length=1)


class BlockQuote(_Block):
    """A quotation set apart from the text, with an optional attribution."""

    type: Literal["quote"] = "quote"
    paragraphs: list[InlineList] = Field(min_length=1)
    attribution: str | None = None


def _list_item(value: Any) -> Any:
    """A bare string or inline list is an item without a nested list."""
    return {"content": value} if isinstance(value, str | list) else value


class ListItem(_Node):
    """One item of a list: its text and, optionally, a list nested under it."""

    content: InlineList = Field(default_factory=list)
    sublist: ListBlock | None = None


class ListBlock(_Block):
    """A bulleted or numbered list; an item may hold a nested list."""

    type: Literal["list"] = "list"
    ordered: bool = False
    items: list[
        Annotated[
            ListItem,
            BeforeValidator(_list_item, json_schema_input_type=Union[InlineList, ListItem]),  # noqa: UP007
        ]
    ] = Field(min_length=1)

    def texts(self) -> list[InlineList]:
        """Every item's text in reading order, nested items after their parent.

        >>> ListBlock(items=["a", {"content": "b", "sublist": {"items": ["c"]}}]).texts()
        [['a'], ['b'], ['c']]
        """
        found: list[InlineList] = []
        for item in self.items:
            if item.content:
                found.append(item.content)
            if item.sublist is not None:
                found.extend(item.sublist.texts())
        return found


class TableCell(_Node):
    """A table cell; a header cell names its ``scope`` (column or row)."""

    content: InlineList = Field(default_factory=list)
    header: bool = False
    scope: Literal["col", "row"] | None = None
    colspan: int = Field(default=1, ge=1, le=1000)
    rowspan: int = Field(default=1, ge=1, le=65534)

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"content": value} if isinstance(value, str | list) else value


class Table(_Block):
    """A data table: an optional caption, header rows, then body rows."""

    type: Literal["table"] = "table"
    caption: InlineList = Field(default_factory=list)
    head: list[list[TableCell]] = Field(default_factory=list)
    rows: list[list[TableCell]] = Field(min_length=1)


class Embed(_Block):
    """Embedded media (a video, a social post, a map) shown as a link to it.

    A frame cannot be read in print, EPUB or audio, so every format shows the
    embed's title as a link to ``url``, with its ``provider`` when known.
    """

    type: Literal["embed"] = "embed"
    url: str
    title: str = Field(min_length=1)
    provider: str | None = None
    kind: Literal["video", "audio", "post", "map", "other"] = "other"

    @field_validator("url")
    @classmethod
    def _web_url(cls, value: str) -> str:
        value = value.strip()
        if not re.match(r"^https?://", value, re.IGNORECASE):
            raise ValueError("an embed's url must start with http:// or https://")
        return value


class Endnotes(_Block):
    """Footnotes gathered at the end; note ``n`` has the id ``<block id>-n``."""

    type: Literal["endnotes"] = "endnotes"
    notes: list[InlineList] = Field(min_length=1)


class FigureBlock(_Block):
    """An image inside the body."""

    type: Literal["figure"] = "figure"
    image: Image


Block = Annotated[
    Union[Paragraph, Subheading, BlockQuote, ListBlock, FigureBlock, Table, Embed, Endnotes],  # noqa: UP007
    Field(discriminator="type"),
]

ID_PREFIX: dict[str, str] = {
    "paragraph": "p",
    "subheading": "sub",
    "quote": "quote",
    "list": "list",
    "figure": "fig",
    "table": "table",
    "embed": "embed",
    "endnotes": "notes",
}


def _block_shorthand(value: Any) -> Any:
    """A bare string in ``body`` is a paragraph."""
    if isinstance(value, list):
        return [{"type": "paragraph", "content": v} if isinstance(v, str) else v for v in value]
    return value


class Note(_Node):
    """A correction or an editor's note shown with the article."""

    kind: Literal["correction", "editors-note"] = "editors-note"
    text: InlineList = Field(min_length=1)


# --- the article --------------------------------------------------------------------


def _language_problem(tag: str) -> str | None:
    """Why ``tag`` is not a valid language tag, or None when it is.

    A language with a pack needs no look-up in the IANA registry, whose loading
    is a large part of a small conversion (tests/lang/test_packs.py checks every
    pack's tag against it).
    """
    return None if tag in all_packs() else tag_problem(tag)


def _check_language(value: str) -> str:
    value = value.strip().replace("_", "-")
    problem = _language_problem(value)
    if problem:
        raise ValueError(problem)
    return value


class Article(_Node):
    """One news article, whatever format it came from.

    >>> a = Article(headline="Hello", language="en", body=["First paragraph."])
    >>> a.body[0].id, a.direction
    ('p1', 'ltr')
    """

    model_version: int = MODEL_VERSION
    id: str | None = Field(default=None, description="The newsroom's own id for the article.")
    headline: str = Field(min_length=1, max_length=400)
    standfirst: str | None = None
    kicker: str | None = Field(default=None, description="A label above the headline.")
    section: str | None = None
    authors: list[Person] = Field(default_factory=list)
    publisher: Publisher | None = None
    dateline: str | None = Field(default=None, description="The place the story was filed from.")
    published: datetime | None = None
    updated: datetime | None = None
    language: str = Field(description="BCP 47 tag, e.g. 'en', 'ru', 'fa-AF'.")
    direction: Literal["ltr", "rtl"] | None = Field(
        default=None, description="Text direction; derived from the language when absent."
    )
    keywords: list[str] = Field(default_factory=list)
    canonical_url: AnyUrl | None = None
    lead_image: Image | None = None
    body: Annotated[
        list[Block],
        BeforeValidator(_block_shorthand, json_schema_input_type=list[Union[str, Block]]),  # noqa: UP007
    ] = Field(min_length=1)
    credit_line: str | None = Field(
        default=None, description="E.g. 'With reporting by AFP, Reuters, and TASS'."
    )
    notes: list[Note] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _no_control_characters(cls, value: Any) -> Any:
        found = find_control_character(value)
        if found:
            path, character = found
            where = ".".join(str(p) for p in path)
            raise ValueError(f"{where}: control character U+{ord(character):04X} is not allowed")
        return value

    @model_validator(mode="before")
    @classmethod
    def _alt(cls, value: Any) -> Any:
        # Alt text is cut at the first sentence by the article's language's rules.
        language = value.get("language") if isinstance(value, dict) else None
        if not isinstance(language, str) or _language_problem(language.strip()):
            return value
        value = dict(value)
        if "lead_image" in value:
            value["lead_image"] = with_derived_alt(value["lead_image"], language)
        if isinstance(value.get("body"), list):
            value["body"] = [
                {**b, "image": with_derived_alt(b.get("image"), language)}
                if isinstance(b, dict) and b.get("type") == "figure"
                else b
                for b in value["body"]
            ]
        return value

    @field_validator("headline")
    @classmethod
    def _one_line(cls, value: str) -> str:
        value = " ".join(value.split())
        if not value:
            raise ValueError("the headline is empty")
        return value

    @field_validator("language")
    @classmethod
    def _valid_language(cls, value: str) -> str:
        return _check_language(value)

    @field_validator("published", "updated")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("give the time zone too, e.g. 2021-09-16T10:00:00+05:00 or ...Z")
        return value

    @model_validator(mode="after")
    def _derive(self) -> Article:
        if self.direction is None:
            object.__setattr__(self, "direction", direction_of(self.language))
        if self.published and self.updated and self.updated < self.published:
            raise ValueError("updated is earlier than published")
        seen: set[str] = set()
        counters: dict[str, int] = {}
        blocks = []
        for block in self.body:
            prefix = ID_PREFIX[block.type]
            counters[prefix] = counters.get(prefix, 0) + 1
            if block.id is None:
                block = block.model_copy(update={"id": f"{prefix}{counters[prefix]}"})
            if block.id in seen or block.id in RESERVED_IDS:
                raise ValueError(f"block id {block.id!r} is used twice")
            seen.add(block.id or "")
            blocks.append(block)
        object.__setattr__(self, "body", blocks)
        return self

    @property
    def text_direction(self) -> Literal["ltr", "rtl"]:
        """The direction, always set after validation."""
        return self.direction or "ltr"

    @property
    def paragraphs(self) -> list[Paragraph]:
        """The body's paragraphs, in order."""
        return [b for b in self.body if isinstance(b, Paragraph)]

    @property
    def images(self) -> list[Image]:
        """Every image of the article: the lead image first, then body figures."""
        found = [self.lead_image] if self.lead_image else []
        return found + [b.image for b in self.body if isinstance(b, FigureBlock)]


RESERVED_IDS = frozenset(
    {"main", "article", "headline", "standfirst", "byline", "lead-figure", "credit-line"}
)


def article_json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of the article model."""
    schema = Article.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "newsformats article"
    return schema
