"""Safe YAML and JSON loading, and validation errors that point at a line.

YAML aliases are refused (no "billion laughs"), JSON numbers stay finite, and a
validation error names the field and, where the text allows, its line.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import yaml

from ..model import Article, find_control_character, validate
from ..safe_yaml import NoAliasLoader
from ..typed import ModelError
from .fields import normalise_fields
from .source import Source


def load_yaml(text: str, source: Source, *, first_line: int = 1) -> tuple[Any, Any]:
    """Parse YAML text into Python data and its node tree (for error positions)."""
    try:
        loader = NoAliasLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        raise source.error(
            f"invalid YAML: {problem}",
            line=mark.line + first_line if mark else None,
            column=mark.column + 1 if mark else None,
        ) from None
    except (yaml.YAMLError, RecursionError) as error:
        raise source.error(f"invalid YAML: {error}") from None
    return data, node


Positions = Callable[[], Any]
"""Gives the YAML node tree of a text when an error needs a line; built only then."""


def load_json(source: Source) -> tuple[Any, Positions]:
    """Parse JSON, refusing NaN/Infinity and duplicate keys.

    Returns the data and, for error messages, a function giving its node tree:
    the text is parsed a second time (as YAML, which keeps positions) only when
    a problem has to be located.
    """

    def constant(name: str) -> None:
        raise ValueError(f"{name} is not a JSON number")

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in items:
            if key in result:
                raise ValueError(f"the key {key!r} appears twice")
            result[key] = value
        return result

    try:
        data = json.loads(source.text, parse_constant=constant, object_pairs_hook=pairs)
    except json.JSONDecodeError as error:
        raise source.error(f"invalid JSON: {error.msg}", error.lineno, error.colno) from None
    except (ValueError, RecursionError) as error:
        raise source.error(f"invalid JSON: {error}") from None

    def positions() -> Any:
        try:
            return load_yaml(source.text, source)[1]
        except Exception:  # positions are a courtesy; JSON that YAML cannot read has none
            return None

    return data, positions


def article_from_data(
    data: Any, source: Source, node: Any | Positions = None, *, first_line: int = 1
) -> Article:
    """Validate a mapping as an article, turning the first problem into one clear line.

    ``node`` is the YAML node tree of the text (or a function giving it), for
    the line of a problem. An article that names no language is in the one the user
    told for such inputs (``--lang``), when told.
    """
    if not isinstance(data, dict):
        raise source.error("expected a mapping of article fields at the top level")
    data = normalise_fields(data, source)
    if source.default_language and not data.get("language"):
        data["language"] = source.default_language  # told for inputs that name none (--lang)
    _refuse_control_characters(data, source, node, first_line)
    try:
        return validate(data)
    except ModelError as error:
        raise validation_error(error, source, node, first_line=first_line) from None


def _refuse_control_characters(
    data: Any, source: Source, node: Any | Positions, first_line: int
) -> None:
    """Refuse text that cannot be written as HTML or XML, naming the field and line."""
    found = find_control_character(data)
    if found is None:
        return
    path, character = found
    line, column = _position(node, path)
    raise source.error(
        f"{_dotted(path) or 'text'}: control character U+{ord(character):04X} "
        "is not allowed in text",
        line + first_line - 1 if line is not None else None,
        column,
    )


def validation_error(
    error: ModelError, source: Source, node: Any | Positions = None, *, first_line: int = 1
) -> Exception:
    """One line for a model error: field path, message, line when known."""
    problems = list(error.problems)
    # Inline content is "text or a mark": the text branch's complaint hides the real one.
    problems = [p for p in problems if "str" not in p["loc"][:-1]] or problems
    problems.sort(key=lambda p: -len(p["loc"]))
    first = problems[0]
    loc = [part for part in first["loc"] if not _is_union_tag(part)]
    path = _dotted(loc)
    message = str(first["msg"]).removeprefix("Value error, ")
    if first["type"] == "missing":
        message = "is required"
    elif first["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
        message = "is not a field of an article (see `newsformats schema`)"
    more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
    line, column = _position(node, loc)
    if line is not None:
        line += first_line - 1
    text = f"{path}: {message}{more}" if path else f"{message}{more}"
    return source.error(text, line, column)


def _is_union_tag(part: Any) -> bool:
    return (
        isinstance(part, str)
        and (part in {"str", "function-before", "function-after"} or part.startswith("list["))
    ) or part in {
        "paragraph",
        "subheading",
        "quote",
        "list",
        "figure",
        "emphasis",
        "strong",
        "link",
        "quotation",
        "abbreviation",
        "foreign",
        "citation",
        "subscript",
        "superscript",
        "line-break",
        "note-reference",
        "table",
        "embed",
        "endnotes",
    }


def _dotted(loc: list[Any]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _position(node: Any | Positions, loc: list[Any]) -> tuple[int | None, int | None]:
    best = node() if callable(node) else node
    for part in loc:
        child = _child(best, part)
        if child is None:
            break
        best = child
    if best is None:
        return None, None
    mark = best.start_mark
    return mark.line + 1, mark.column + 1


def _child(node: Any, part: Any) -> Any:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == part:
                return value
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None
