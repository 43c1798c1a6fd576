"""Markdown with YAML front matter → an article.

Front matter holds the fields (headline, byline, dates, image…). The body is
CommonMark without raw HTML (tags are shown as text), plus:

- ``[текст]{lang=ru}`` marks a span in another language;
- ``*[CSTO]: Collective Security Treaty Organization`` defines an abbreviation;
- a paragraph that is only an image, ``![alt](photo.jpg "caption")``, is a figure
  (the first one, before any text, is the lead image unless front matter has one);
- a block quote whose last paragraph starts with a dash carries its attribution;
- a first-level heading is the headline when front matter gives none.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_plugin

from ..model import Article
from .source import Source
from .structured import article_from_data, load_yaml

ABBREVIATION = re.compile(r"^\*\[([^\]\n]+)\]:[ \t]*(.+)$", re.MULTILINE)
ATTRIBUTION = re.compile(r"^\s*(—|–|--|―)\s*")
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
    data = _Body(abbreviations).convert(text, fields)
    return article_from_data(data, source, node, first_line=2 if offset else 1)


class _Body:
    def __init__(self, abbreviations: dict[str, str]) -> None:
        self.abbreviations = abbreviations
        self.pattern = (
            re.compile(
                r"(?<!\w)("
                + "|".join(map(re.escape, sorted(abbreviations, key=len, reverse=True)))
                + r")(?!\w)"
            )
            if abbreviations
            else None
        )
        self.parser = MarkdownIt("commonmark", {"html": False}).use(
            attrs_plugin, spans=True, allowed=["lang"]
        )

    def convert(self, text: str, fields: dict[str, Any]) -> dict[str, Any]:
        data = dict(fields)
        has_headline = any(k in fields for k in ("headline", "title"))
        has_image = any(k in fields for k in ("image", "lead_image"))
        body: list[dict[str, Any]] = []
        tokens = self.parser.parse(text)
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.type == "heading_open":
                inline = tokens[index + 1]
                level = int(token.tag[1])
                if level == 1 and not has_headline:
                    data["headline"] = inline.content
                    has_headline = True
                else:
                    body.append(
                        {
                            "type": "subheading",
                            "level": min(max(level, 2), 4),
                            "content": self.inline(inline.children or []),
                        }
                    )
                index += 3
            elif token.type == "paragraph_open":
                inline = tokens[index + 1]
                image = self.lone_image(inline)
                if image and not has_image and not any(b["type"] == "paragraph" for b in body):
                    data["lead_image"] = image
                    has_image = True
                elif image:
                    body.append({"type": "figure", "image": image})
                else:
                    body.append(
                        {"type": "paragraph", "content": self.inline(inline.children or [])}
                    )
                index += 3
            elif token.type == "blockquote_open":
                index = self.quote(tokens, index, body)
            elif token.type in ("bullet_list_open", "ordered_list_open"):
                index = self.list_block(tokens, index, body)
            elif token.type in ("fence", "code_block"):
                body.append({"type": "paragraph", "content": token.content.strip() or " "})
                index += 1
            else:
                index += 1
        data["body"] = body
        return data

    def lone_image(self, inline: Token) -> dict[str, Any] | None:
        children = [
            c for c in inline.children or [] if not (c.type == "text" and not c.content.strip())
        ]
        if len(children) != 1 or children[0].type != "image":
            return None
        image = children[0]
        result: dict[str, Any] = {"src": str(image.attrs.get("src", "")), "alt": image.content}
        if image.attrs.get("title"):
            result["caption"] = str(image.attrs["title"])
        return result

    def quote(self, tokens: list[Token], index: int, body: list[dict[str, Any]]) -> int:
        paragraphs: list[list[Any]] = []
        attribution = None
        depth = 0
        while index < len(tokens):
            token = tokens[index]
            depth += token.nesting if token.type.startswith("blockquote") else 0
            if token.type == "inline":
                if ATTRIBUTION.match(token.content):
                    attribution = ATTRIBUTION.sub("", token.content).strip()
                else:
                    paragraphs.append(self.inline(token.children or []))
            index += 1
            if depth == 0:
                break
        if paragraphs:
            body.append({"type": "quote", "paragraphs": paragraphs, "attribution": attribution})
        return index

    def list_block(self, tokens: list[Token], index: int, body: list[dict[str, Any]]) -> int:
        ordered = tokens[index].type == "ordered_list_open"
        items: list[list[Any]] = []
        depth = 0
        while index < len(tokens):
            token = tokens[index]
            if token.type.endswith("_list_open"):
                depth += 1
            elif token.type.endswith("_list_close"):
                depth -= 1
            elif token.type == "inline":
                items.append(self.inline(token.children or []))
            index += 1
            if depth == 0:
                break
        body.append({"type": "list", "ordered": ordered, "items": items})
        return index

    def inline(self, children: list[Token]) -> list[Any]:
        root: list[Any] = []
        stack: list[list[Any]] = [root]
        for token in children:
            here = stack[-1]
            if token.type in ("text", "code_inline"):
                here.extend(self.text(token.content))
            elif token.type in ("softbreak", "hardbreak"):
                here.append(" ")
            elif token.type == "image":
                here.extend(self.text(token.content))
            elif token.nesting == 1:
                node: dict[str, Any] = {"children": []}
                if token.type == "em_open":
                    node["type"] = "emphasis"
                elif token.type == "strong_open":
                    node["type"] = "strong"
                elif token.type == "link_open":
                    node.update(type="link", href=str(token.attrs.get("href", "")))
                    if token.attrs.get("title"):
                        node["title"] = str(token.attrs["title"])
                elif token.type == "span_open" and token.attrs.get("lang"):
                    node.update(type="foreign", language=str(token.attrs["lang"]))
                else:
                    node["type"] = None
                here.append(node)
                stack.append(node["children"])
            elif token.nesting == -1 and len(stack) > 1:
                stack.pop()
        return _unwrap_untyped(root)

    def text(self, content: str) -> list[Any]:
        if not self.pattern:
            return [content]
        parts: list[Any] = []
        position = 0
        for match in self.pattern.finditer(content):
            if match.start() > position:
                parts.append(content[position : match.start()])
            abbreviation = match.group(1)
            parts.append(
                {
                    "type": "abbreviation",
                    "text": abbreviation,
                    "expansion": self.abbreviations[abbreviation],
                }
            )
            position = match.end()
        if position < len(content):
            parts.append(content[position:])
        return parts


def _unwrap_untyped(content: list[Any]) -> list[Any]:
    """Spans without a language carry nothing for us: keep their text, drop the span."""
    result: list[Any] = []
    for item in content:
        if isinstance(item, dict) and "children" in item:
            item["children"] = _unwrap_untyped(item["children"])
            if item.get("type") is None:
                result.extend(item["children"])
                continue
        result.append(item)
    return result
