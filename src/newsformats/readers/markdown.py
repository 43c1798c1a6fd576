"""Markdown with YAML front matter → an article.

Front matter holds the fields (headline, byline, dates, image…). The body is
CommonMark with GitHub's tables and footnotes, rendered by markdown-it-py and
then read by the shared HTML body converter, so raw HTML in the text is
filtered like any other HTML (never shown as tags, never passed through). Also:

- ``[текст]{lang=ru}`` marks a span in another language;
- ``*[CSTO]: Collective Security Treaty Organization`` defines an abbreviation;
- a paragraph that is only an image, ``![alt](photo.jpg "caption")``, is a figure
  (the first one, before any text, is the lead image unless front matter has one);
- a block quote whose last paragraph starts with a dash carries its attribution;
- a first-level heading is the headline when front matter gives none (its marks
  dropped: ``# Hello *world*`` gives "Hello world");
- footnotes (``[^1]``) become endnotes with links both ways;
- relative links are resolved against ``canonical_url`` (or ``base``) from the
  front matter; without one, a relative link keeps its text, with a warning.
"""

from __future__ import annotations

import html
import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.footnote import footnote_plugin

from ..model import Article
from ..typed import ModelError
from .html_body import BodyOptions, html_to_blocks
from .source import Source
from .structured import article_from_data, load_yaml

ABBREVIATION = re.compile(r"^\*\[([^\]\n]+)\]:[ \t]*(.+)$", re.MULTILINE)
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def read_markdown(source: Source) -> Article:
    """Read Markdown with optional YAML front matter."""
    text = source.text.lstrip("\ufeff")
    fields: dict[str, Any] = {}
    node: Any = None
    match = FRONT_MATTER.match(text)
    offset = 0
    if match:
        loaded, node = load_yaml(match.group(1) or "", source, first_line=2)
        if loaded is not None and not isinstance(loaded, dict):
            raise source.error("the front matter must be a mapping of article fields", line=2)
        fields = loaded or {}
        offset = match.group(0).count("\n")
        text = text[match.end() :]
    abbreviations = {m.group(1).strip(): m.group(2).strip() for m in ABBREVIATION.finditer(text)}
    text = ABBREVIATION.sub("", text)
    base = fields.get("canonical_url") or fields.get("url") or fields.pop("base", None)
    data = _body(text, fields, source, base if isinstance(base, str) else None)
    if abbreviations:
        data["body"] = _mark_abbreviations(data["body"], abbreviations)
    try:
        return article_from_data(data, source, node, first_line=2 if offset else 1)
    except Exception as error:
        if not isinstance(error.__cause__ or error.__context__, ModelError):
            raise
        raise _body_error(error, data, source.text, offset) from None


def _parser() -> MarkdownIt:
    return (
        MarkdownIt("commonmark", {"html": True})
        .enable("table")
        .use(attrs_plugin, spans=True, allowed=["lang"])
        .use(footnote_plugin)
    )


def _body(text: str, fields: dict[str, Any], source: Source, base: str | None) -> dict[str, Any]:
    parser = _parser()
    env: dict[str, Any] = {}
    tokens = parser.parse(text, env)
    data = dict(fields)
    has_headline = any(k in fields for k in ("headline", "title"))
    if not has_headline:
        for index, token in enumerate(tokens):
            if token.type == "heading_open" and token.tag == "h1":
                data["headline"] = _plain(tokens[index + 1].children or [])
                del tokens[index : index + 3]
                break
    _figures(tokens)
    markup = parser.renderer.render(tokens, parser.options, env)
    blocks = html_to_blocks(
        markup, BodyOptions(base_url=base, where=source.name, folder=source.folder)
    )
    has_image = any(k in fields for k in ("image", "lead_image"))
    if not has_image and blocks and blocks[0]["type"] == "figure":
        data["lead_image"] = blocks.pop(0)["image"]
    data["body"] = blocks
    return data


def _plain(children: list[Token]) -> str:
    """The text of inline tokens without their marks (a clean headline)."""
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return " ".join("".join(parts).split())


def _figures(tokens: list[Token]) -> None:
    """A paragraph that is only an image becomes a figure, its title the caption."""
    for index in range(len(tokens) - 2, -1, -1):
        if tokens[index].type != "paragraph_open":
            continue
        children = [
            c
            for c in tokens[index + 1].children or []
            if not (c.type == "text" and not c.content.strip())
        ]
        if len(children) != 1 or children[0].type != "image":
            continue
        image = children[0]
        src = html.escape(str(image.attrs.get("src", "")), quote=True)
        alt = html.escape(_plain(image.children or []) or image.content, quote=True)
        title = html.escape(str(image.attrs.get("title") or ""))
        caption = f"<figcaption>{title}</figcaption>" if title else ""
        figure = Token(
            "html_block",
            "",
            0,
            content=f'<figure><img src="{src}" alt="{alt}">{caption}</figure>\n',
        )
        tokens[index : index + 3] = [figure]


def _mark_abbreviations(value: Any, abbreviations: dict[str, str]) -> Any:
    """Mark every defined abbreviation in the text of the body."""
    pattern = re.compile(
        r"(?<!\w)("
        + "|".join(map(re.escape, sorted(abbreviations, key=len, reverse=True)))
        + r")(?!\w)"
    )

    def walk(item: Any) -> Any:
        if isinstance(item, list):
            return [part for element in item for part in _split(element)]
        if isinstance(item, dict):
            if item.get("type") in ("abbreviation", "embed"):
                return item
            return {
                key: walk(v) if key not in ("href", "src", "url", "type") else v
                for key, v in item.items()
            }
        return item

    def _split(item: Any) -> list[Any]:
        if not isinstance(item, str):
            return [walk(item)]
        parts: list[Any] = []
        position = 0
        for match in pattern.finditer(item):
            if match.start() > position:
                parts.append(item[position : match.start()])
            found = match.group(1)
            parts.append({"type": "abbreviation", "text": found, "expansion": abbreviations[found]})
            position = match.end()
        if position < len(item):
            parts.append(item[position:])
        return parts

    return walk(value)


def _body_error(error: Exception, data: dict[str, Any], text: str, offset: int) -> Exception:
    """A problem in the body, said at the line of the Markdown that holds it, without a field path.

    The front matter's own fields keep their field name and line.
    """
    message = str(getattr(error, "message", error))
    field, _, problem = message.partition(": ")
    if not field.startswith("body") or not problem:
        return error
    line = _line_of(field, data, text, offset)
    source_name = getattr(error, "file", None)
    from ..errors import InputError

    return InputError(problem, file=source_name, line=line)


def _line_of(field: str, data: dict[str, Any], text: str, offset: int) -> int | None:
    """The line of the Markdown where the text of the faulty body block first appears."""
    indexes = [int(n) for n in re.findall(r"\[(\d+)\]", field)]
    if not indexes or indexes[0] >= len(data.get("body", [])):
        return None
    words = re.findall(r"\w{4,}", " ".join(_strings(data["body"][indexes[0]])))
    for number, line in enumerate(text.splitlines(), start=1):
        if number > offset and any(word in line for word in words[:3]):
            return number
    return None


def _strings(value: Any) -> list[str]:
    """The text values inside a block's data (not its keys, types or addresses)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    if isinstance(value, dict):
        skip = ("type", "href", "src", "url", "language")
        return [text for key, item in value.items() if key not in skip for text in _strings(item)]
    return []
