"""Readers: every input format becomes an :class:`~newsformats.model.Article`.

A reader is a function ``(Source) -> Article``. ``READERS`` maps a format name to
its reader and ``EXTENSIONS`` file endings to formats; more readers come in through the
``newsformats.readers`` entry-point group. Every reader treats its input as
hostile: size-limited, no entity expansion, no aliases, no network.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .. import plugins
from ..errors import InputError
from ..model import Article
from .source import Source, open_source

Reader = Callable[[Source], Article]

READERS: dict[str, str] = {
    "text": "newsformats.readers.plaintext:read_plain_text",
    "markdown": "newsformats.readers.markdown:read_markdown",
    "json": "newsformats.readers.data:read_json",
    "yaml": "newsformats.readers.data:read_yaml",
}
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".yaml": "yaml",
    ".yml": "yaml",
}


def read(path: str | Path, *, format: str | None = None) -> Article:
    """Read an article from a file (``-`` for standard input).

    The format comes from ``format``, else the file's extension, else its content.

    >>> read("examples/csto-sco-afghanistan.txt").language  # doctest: +SKIP
    'en'
    """
    source = open_source(path)
    return read_source(source, format=format)


def read_source(source: Source, *, format: str | None = None) -> Article:
    """Read an already opened :class:`Source`."""
    name = format or detect_format(source)
    try:
        return reader_for(name)(source)
    except InputError as error:
        raise error.located(source.name) from None
    except RecursionError:
        raise source.error("nested too deeply") from None


def available_formats() -> list[str]:
    """Input formats, built-in and from plugins."""
    return list(_registry())


def detect_format(source: Source) -> str:
    """Choose a format by extension, else by a look at the content."""
    if source.path is not None and source.path.suffix.lower() in EXTENSIONS:
        return EXTENSIONS[source.path.suffix.lower()]
    head = source.text.lstrip("\ufeff \t\n")
    if head.startswith(("{", "[")):
        return "json"
    if head.startswith("---\n") and "\n---" in head[4:]:
        return "markdown"
    return "text"


def reader_for(name: str) -> Reader:
    """Import and return the reader of a format."""
    reader: Reader = plugins.load(_registry(), name, "input format")
    return reader


def _registry() -> dict[str, str]:
    return plugins.registry(READERS, "newsformats.readers")
