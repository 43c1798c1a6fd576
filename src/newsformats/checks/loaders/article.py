"""An article input (text, Markdown, JSON, YAML), read with the project's readers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ...errors import InputError
from ...model import Article
from ...readers import read
from . import Unreadable, read_limited

PLAIN_TEXT = (".txt", ".text")


@dataclass
class ArticleInput:
    """The article read from a file; ``article`` is ``None`` when only its language is missing."""

    file: str
    article: Article | None
    language_stated: bool


def load_article(path: Path) -> ArticleInput:
    """Read an article input; a missing language is a finding, other errors are unreadable."""
    try:
        article = read(path)
    except InputError as error:
        if "language" in str(error).lower():
            return ArticleInput(str(path), None, False)
        raise Unreadable(" ".join(str(error).split())) from None
    stated = True
    if path.suffix.lower() in PLAIN_TEXT:
        stated = _sidecar_names_language(path)
    return ArticleInput(str(path), article, stated)


def _sidecar_names_language(path: Path) -> bool:
    for suffix in (".yaml", ".yml"):
        sidecar = path.with_suffix(suffix)
        if sidecar.is_file():
            try:
                data = yaml.safe_load(read_limited(sidecar, 1024 * 1024))
            except (yaml.YAMLError, Unreadable):
                return False
            return isinstance(data, dict) and bool(data.get("language") or data.get("lang"))
    return False
