"""The canonical article model: what every reader produces and every writer consumes.

The model imports nothing from readers or writers. Its classes are frozen, typed
dataclasses whose rules (lengths, ranges, patterns, shorthands, checks between
fields) are declared here once. They are checked when an object is made, from
data with :func:`validate` or by a constructor call; pydantic is imported only
when data needs converting or has a problem to report (see ``typed.py``). The
model fills in what can be derived (text direction from the language, block
ids), and exports its JSON Schema with :func:`article_json_schema`.
"""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
from datetime import datetime
from typing import Annotated, Any, Literal, TypeVar, Union

from .lang.pack import all_packs
from .lang.sentences import first_sentence
from .language import direction_of, tag_problem
from .typed import After, Before, Bounds, NodeHooks, Pattern, Tagged, Url, json_schema
from .typed import validate as _validate

N = TypeVar("N")
node = dataclasses.dataclass(frozen=True, slots=True, kw_only=True)

MODEL_VERSION = 1
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


# Fields kept as written: an address or a file name in decomposed form (macOS writes
# "é" as "e" + U+0301) names another file or page than its composed form.
AS_WRITTEN = frozenset({"src", "href", "url", "canonical_url", "logo", "id"})


def composed_text(value: Any, key: Any = None) -> Any:
    """Every text of the fields in Unicode Normalization Form C, as the W3C's Character
    Model (Charmod-norm) asks of Web content and Nu warns of otherwise: a page that
    writes its accents decomposed ("e" + U+0301) gives "é". Addresses and ids
    (:data:`AS_WRITTEN`) are kept as written.

    >>> composed_text({"headline": "Cafe\u0301", "src": "cafe\u0301.jpg"})
    {'headline': 'Café', 'src': 'cafe\u0301.jpg'}
    """
    if isinstance(value, str):
        if key in AS_WRITTEN or unicodedata.is_normalized("NFC", value):
            return value
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {k: composed_text(item, k) for k, item in value.items()}
    if isinstance(value, list):
        return [composed_text(item) for item in value]
    return value


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


class _Node(NodeHooks):
    """What every model class shares: checked on construction, frozen, no unknown fields."""

    __slots__ = ()

    @classmethod
    def from_data(cls: type[N], data: Any) -> N:
        """Check ``data`` (a mapping of fields, or a shorthand) and make the object.

        Raises :class:`ModelError` (a ``ValueError``) naming the field at fault.

        >>> Person.from_data("Ann Smith").name
        'Ann Smith'
        """
        made: N = _validate(cls, data)
        return made


# --- inline content ---------------------------------------------------------------


def _inline_list(value: Any) -> Any:
    """A bare string is shorthand for a list holding that string."""
    return [value] if isinstance(value, str) else value


# What a valid URL may not hold as such (WHATWG URL: no URL code point, or "%"
# not starting an escape): controls, space, the characters below, and a second "#".
_NOT_IN_URL = re.compile(r'[\x00-\x20\x7f"<>`{}|\\^]|%(?![0-9A-Fa-f]{2})')
_AUTHORITY = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*")


def _escape(match: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group().encode())


def valid_url(value: str) -> str:
    """``value`` as a valid URL: what a URL may not hold is percent-encoded, the rest kept.

    Every link and embed of the model passes through here, so every format writes
    an address that validators (Nu, EPUBCheck) and browsers read alike. Letters
    outside ASCII are valid and kept; so are escapes already made.

    >>> valid_url("https://example.com/t?c[]=A>B&q=a b#x#y")
    'https://example.com/t?c%5B%5D=A%3EB&q=a%20b#x%23y'
    >>> valid_url("https://[::1]/ünï%zz")
    'https://[::1]/ünï%25zz'
    """
    value = value.strip()
    authority = _AUTHORITY.match(value)
    head = authority.group() if authority else ""
    rest = value[len(head) :]
    before, hash_, fragment = rest.partition("#")
    rest = before + hash_ + fragment.replace("#", "%23")
    # Brackets belong only around an IPv6 host, in the authority.
    rest = _NOT_IN_URL.sub(_escape, rest).replace("[", "%5B").replace("]", "%5D")
    return _NOT_IN_URL.sub(_escape, head) + rest


def _safe_href(value: str) -> str:
    value = value.strip()
    if not value or not _SAFE_HREF.match(value):
        raise ValueError(
            "a link must start with http://, https://, mailto: or #, or be a relative path"
        )
    return valid_url(value)


# A scheme is letters before a colon that comes before any "/", "?" or "#".
_SAFE_HREF = re.compile(r"^(https?://|mailto:|#|(?![A-Za-z][A-Za-z0-9+.-]*:)[^\s])", re.IGNORECASE)


def _language_problem(tag: str) -> str | None:
    """Why ``tag`` is not a valid language tag, or None when it is.

    A language with a pack needs no look-up in the IANA registry, whose loading
    is a large part of a small conversion (tests/lang/test_packs.py checks every
    pack's tag against it).
    """
    return None if tag in all_packs() else tag_problem(tag)


def check_language_tag(value: str) -> str:
    """A language tag as the model keeps it ("en_US" → "en-US"); ValueError, saying why,
    when it is not one (a pack's tag, or a valid BCP 47 tag).

    >>> check_language_tag(" pt_BR ")
    'pt-BR'
    """
    value = value.strip().replace("_", "-")
    problem = _language_problem(value)
    if problem:
        raise ValueError(problem)
    return value


LanguageTag = Annotated[str, After(check_language_tag)]


@node
class Emphasis(_Node):
    """Stressed text (``<em>``)."""

    type: Literal["emphasis"] = "emphasis"
    children: InlineList


@node
class Strong(_Node):
    """Important text (``<strong>``)."""

    type: Literal["strong"] = "strong"
    children: InlineList


@node
class Link(_Node):
    """A hyperlink: an absolute http(s) or mailto URL, a ``#fragment``, or a relative
    reference (``/a/123.html``) that readers could not resolve against a base URL."""

    type: Literal["link"] = "link"
    href: Annotated[str, After(_safe_href)]
    title: str | None = None
    children: InlineList


@node
class Quotation(_Node):
    """A quotation inside a sentence (``<q>``); the quote marks come from the language."""

    type: Literal["quotation"] = "quotation"
    children: InlineList


@node
class Abbreviation(_Node):
    """An abbreviation with its expansion, e.g. CSTO = Collective Security Treaty Organization."""

    type: Literal["abbreviation"] = "abbreviation"
    text: Annotated[str, Bounds(min_length=1)]
    expansion: Annotated[str, Bounds(min_length=1)]


@node
class ForeignSpan(_Node):
    """Text in another language than the article's (``<span lang>``)."""

    type: Literal["foreign"] = "foreign"
    language: LanguageTag
    children: InlineList


@node
class Citation(_Node):
    """The title of a work: a book, a film, a newspaper (``<cite>``)."""

    type: Literal["citation"] = "citation"
    children: InlineList


@node
class Subscript(_Node):
    """Subscript text, as in H₂O (``<sub>``)."""

    type: Literal["subscript"] = "subscript"
    children: InlineList


@node
class Superscript(_Node):
    """Superscript text, as in 10³ or 1st (``<sup>``)."""

    type: Literal["superscript"] = "superscript"
    children: InlineList


@node
class LineBreak(_Node):
    """A line break that belongs to the text, as in a poem or an address (``<br>``)."""

    type: Literal["line-break"] = "line-break"


@node
class NoteReference(_Node):
    """A reference to note ``number`` of the article's endnotes block."""

    type: Literal["note-reference"] = "note-reference"
    number: Annotated[int, Bounds(ge=1)]


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
    Tagged("type"),
]
Inline = Union[str, Mark]  # noqa: UP007

InlineList = Annotated[
    list[Inline],
    Before(_inline_list, input_type=Union[str, list[Inline]]),  # noqa: UP007
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


def _name_shorthand(value: Any) -> Any:
    """A bare string is a name."""
    return {"name": value} if isinstance(value, str) else value


@node
class Person(_Node):
    """An author: a name and, optionally, a role and a profile URL."""

    name: Annotated[str, Bounds(min_length=1)]
    role: str | None = None
    url: Annotated[str, Url()] | None = None

    _shorthand = staticmethod(_name_shorthand)


@node
class Publisher(_Node):
    """The organisation that publishes the article."""

    name: Annotated[str, Bounds(min_length=1)]
    url: Annotated[str, Url()] | None = None
    logo: str | None = None

    _shorthand = staticmethod(_name_shorthand)


AltSource = Literal["supplied", "derived"]


@node
class Image(_Node):
    """A photo or illustration.

    ``src`` is a path relative to the input file's folder (or, when the caller
    allows it, a URL). ``alt`` is what a person who cannot see the image needs
    to know; ``alt_source`` records whether a person wrote it or newsformats
    derived it from the caption. ``decorative`` images carry no alt text.
    ``credit_label`` is the label the source writes before the credit ("Foto:",
    "Photograph:", "©"), shown in place of the language pack's "Image:"; None for a
    bare credit.
    """

    src: str | None = None
    alt: str = ""
    alt_source: AltSource = "supplied"
    caption: InlineList = dataclasses.field(default_factory=list)
    credit: str | None = None
    credit_label: Annotated[str, Bounds(max_length=40)] | None = None
    decorative: bool = False
    width: Annotated[int, Bounds(gt=0)] | None = None
    height: Annotated[int, Bounds(gt=0)] | None = None

    @staticmethod
    def _prepare(fields: dict[str, Any]) -> dict[str, Any]:
        # An article derives its images' alt text in its own language first (Article._prepare).
        derived: dict[str, Any] = with_derived_alt(fields, "und")
        return derived

    def _check(self) -> None:
        if not self.decorative and not self.alt.strip():
            raise ValueError(
                "an image needs alt text (or a caption to derive it from), or decorative: true"
            )


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
    """The text of inline content not yet checked: strings, mappings and model marks.

    A caption wholly in a mark (``<em>Ottilie</em>``) still gives its words.
    """
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(_raw_text(item) for item in content)
    if isinstance(content, dict):
        return _raw_text(content.get("children") or content.get("text") or "")
    if isinstance(content, _Node):
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


@node
class _Block(_Node):
    id: Annotated[str, Pattern(r"^[A-Za-z][A-Za-z0-9_-]*$")] | None = None


@node
class Paragraph(_Block):
    """A paragraph of body text."""

    type: Literal["paragraph"] = "paragraph"
    content: Annotated[InlineList, Bounds(min_length=1)]


@node
class Subheading(_Block):
    """A heading inside the body; level 2 sits under the headline."""

    type: Literal["subheading"] = "subheading"
    level: Annotated[int, Bounds(ge=2, le=6)] = 2
    content: Annotated[InlineList, Bounds(min_length=1)]


@node
class BlockQuote(_Block):
    """A quotation set apart from the text, with an optional attribution."""

    type: Literal["quote"] = "quote"
    paragraphs: Annotated[list[InlineList], Bounds(min_length=1)]
    attribution: str | None = None


def _list_item(value: Any) -> Any:
    """A bare string or inline list is an item without a nested list."""
    return {"content": value} if isinstance(value, str | list) else value


@node
class ListItem(_Node):
    """One item of a list: its text and, optionally, a list nested under it."""

    content: InlineList = dataclasses.field(default_factory=list)
    sublist: ListBlock | None = None


@node
class ListBlock(_Block):
    """A bulleted or numbered list; an item may hold a nested list."""

    type: Literal["list"] = "list"
    ordered: bool = False
    items: Annotated[
        list[
            Annotated[
                ListItem,
                Before(_list_item, input_type=Union[InlineList, ListItem]),  # noqa: UP007
            ]
        ],
        Bounds(min_length=1),
    ]

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


@node
class TableCell(_Node):
    """A table cell; a header cell names its ``scope`` (column or row)."""

    content: InlineList = dataclasses.field(default_factory=list)
    header: bool = False
    scope: Literal["col", "row"] | None = None
    colspan: Annotated[int, Bounds(ge=1, le=1000)] = 1
    rowspan: Annotated[int, Bounds(ge=1, le=65534)] = 1

    @staticmethod
    def _shorthand(value: Any) -> Any:
        return {"content": value} if isinstance(value, str | list) else value


@node
class Table(_Block):
    """A data table: an optional caption, header rows, then body rows."""

    type: Literal["table"] = "table"
    caption: InlineList = dataclasses.field(default_factory=list)
    head: list[list[TableCell]] = dataclasses.field(default_factory=list)
    rows: Annotated[list[list[TableCell]], Bounds(min_length=1)]


def _web_url(value: str) -> str:
    value = value.strip()
    if not re.match(r"^https?://", value, re.IGNORECASE):
        raise ValueError("an embed's url must start with http:// or https://")
    return valid_url(value)


@node
class Embed(_Block):
    """Embedded media (a video, a social post, a map) shown as a link to it.

    A frame cannot be read in print, EPUB or audio, so every format shows the
    embed's title as a link to ``url``, with its ``provider`` when known.
    """

    type: Literal["embed"] = "embed"
    url: Annotated[str, After(_web_url)]
    title: Annotated[str, Bounds(min_length=1)]
    provider: str | None = None
    kind: Literal["video", "audio", "post", "map", "other"] = "other"

    @property
    def shown_provider(self) -> str | None:
        """The provider as every format shows it after the title: none when it only
        repeats the title (an embed titled by its own host)."""
        if self.provider and self.provider.casefold() != self.title.casefold():
            return self.provider
        return None

    @property
    def provider_note(self) -> str | None:
        """The shown provider in brackets, as every format writes and speaks it after the
        title, as sentences of its own (the read-along's span ids count them)."""
        return f"({self.shown_provider})" if self.shown_provider else None


@node
class Endnotes(_Block):
    """Footnotes gathered at the end; note ``n`` has the id ``<block id>-n``."""

    type: Literal["endnotes"] = "endnotes"
    notes: Annotated[list[InlineList], Bounds(min_length=1)]


@node
class FigureBlock(_Block):
    """An image inside the body."""

    type: Literal["figure"] = "figure"
    image: Image


Block = Annotated[
    Union[Paragraph, Subheading, BlockQuote, ListBlock, FigureBlock, Table, Embed, Endnotes],  # noqa: UP007
    Tagged("type"),
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


@node
class Note(_Node):
    """A correction or an editor's note shown with the article."""

    kind: Literal["correction", "editors-note"] = "editors-note"
    text: Annotated[InlineList, Bounds(min_length=1)]


# --- the article --------------------------------------------------------------------


def _one_line(value: str) -> str:
    value = " ".join(value.split())
    if not value:
        raise ValueError("the headline is empty")
    return value


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        raise ValueError("give the time zone too, e.g. 2021-09-16T10:00:00+05:00 or ...Z")
    return value


Moment = Annotated[datetime, After(_aware)]


@node
class Article(_Node):
    """One news article, whatever format it came from.

    >>> a = Article(headline="Hello", language="en", body=["First paragraph."])
    >>> a.body[0].id, a.direction
    ('p1', 'ltr')
    """

    model_version: int = MODEL_VERSION
    id: str | None = None
    """The newsroom's own id for the article."""
    headline: Annotated[str, Bounds(min_length=1, max_length=400), After(_one_line)]
    standfirst: str | None = None
    kicker: str | None = None
    """A label above the headline."""
    section: str | None = None
    authors: list[Person] = dataclasses.field(default_factory=list)
    publisher: Publisher | None = None
    dateline: str | None = None
    """The place the story was filed from."""
    published: Moment | None = None
    updated: Moment | None = None
    language: LanguageTag
    """BCP 47 tag, e.g. 'en', 'ru', 'fa-AF'."""
    direction: Literal["ltr", "rtl"] | None = None
    """Text direction; derived from the language when absent."""
    keywords: list[str] = dataclasses.field(default_factory=list)
    canonical_url: Annotated[str, Url()] | None = None
    lead_image: Image | None = None
    body: Annotated[
        list[Block],
        Bounds(min_length=1),
        Before(_block_shorthand, input_type=list[Union[str, Block]]),  # noqa: UP007
    ]
    credit_line: str | None = None
    """E.g. 'With reporting by AFP, Reuters, and TASS'."""
    notes: list[Note] = dataclasses.field(default_factory=list)

    @staticmethod
    def _prepare(fields: dict[str, Any]) -> dict[str, Any]:
        found = find_control_character(fields)
        if found:
            path, character = found
            where = ".".join(str(p) for p in path)
            raise ValueError(f"{where}: control character U+{ord(character):04X} is not allowed")
        fields = composed_text(fields)
        # Alt text is cut at the first sentence by the article's language's rules.
        language = fields.get("language")
        if not isinstance(language, str) or _language_problem(language.strip()):
            return fields
        fields = dict(fields)
        if "lead_image" in fields:
            fields["lead_image"] = with_derived_alt(fields["lead_image"], language)
        if isinstance(fields.get("body"), list):
            fields["body"] = [
                {**b, "image": with_derived_alt(b.get("image"), language)}
                if isinstance(b, dict) and b.get("type") == "figure"
                else b
                for b in fields["body"]
            ]
        return fields

    def _check(self) -> None:
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
                block = dataclasses.replace(block, id=f"{prefix}{counters[prefix]}")  # type: ignore[type-var]
            if block.id in seen or block.id in RESERVED_IDS:
                raise ValueError(f"block id {block.id!r} is used twice")
            seen.add(block.id or "")
            blocks.append(block)
        object.__setattr__(self, "body", blocks)

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


def validate(data: Any) -> Article:
    """Check a mapping of article fields (as JSON or YAML give them) and make the article.

    Raises :class:`ModelError` (a ``ValueError``) naming the field at fault.

    >>> validate({"headline": "Hi", "language": "en", "body": ["Text."]}).body[0].id
    'p1'
    """
    return Article.from_data(data)


def as_data(value: Any) -> Any:
    """A model object as plain data: mappings in field order, lists, and the values.

    >>> as_data(Person(name="Ann"))
    {'name': 'Ann', 'role': None, 'url': None}
    """
    if isinstance(value, _Node):
        return {f.name: as_data(getattr(value, f.name)) for f in dataclasses.fields(value)}  # type: ignore[arg-type]
    if isinstance(value, list):
        return [as_data(item) for item in value]
    return value


def as_json(value: Any, exclude: frozenset[str] = frozenset()) -> str:
    """A model object as compact JSON, the same text pydantic's ``dump_json`` gives.

    Fields in declaration order (``exclude`` leaves top-level ones out), dates in
    ISO 8601 with ``Z`` for UTC, text not escaped beyond what JSON needs.

    >>> as_json(Person(name="Zoë"))
    '{"name":"Zoë","role":null,"url":null}'
    """
    data = as_data(value)
    if exclude and isinstance(data, dict):
        data = {k: v for k, v in data.items() if k not in exclude}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=_json_moment)


def _json_moment(value: Any) -> str:
    if not isinstance(value, datetime):
        raise TypeError(f"{type(value).__name__} is not part of the model")
    text = value.replace(tzinfo=None).isoformat()
    offset = value.utcoffset()
    if offset is None:
        return text
    if not offset:
        return text + "Z"
    minutes = abs(int(offset.total_seconds())) // 60
    sign = "-" if offset.total_seconds() < 0 else "+"
    return f"{text}{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def article_json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of the article model."""
    schema = json_schema(Article)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "newsformats article"
    return schema
