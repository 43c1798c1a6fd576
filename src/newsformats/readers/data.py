"""JSON and YAML files holding the article model itself (see ``newsformats schema``)."""

from __future__ import annotations

from ..model import Article
from .source import Source
from .structured import article_from_data, load_json, load_yaml


def read_json(source: Source) -> Article:
    """Read an article from JSON."""
    data, node = load_json(source)
    return article_from_data(data, source, node)


def read_yaml(source: Source) -> Article:
    """Read an article from YAML (safe loading, no aliases)."""
    data, node = load_yaml(source.text, source)
    return article_from_data(data, source, node)
