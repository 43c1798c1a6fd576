"""Readers: every input format becomes one or more :class:`~newsformats.model.Article`.

A reader is a function ``(Source) -> Article`` (one article per input) or
``(Source) -> list[Article]`` (a NewsML-G2 ``newsMessage``, a feed). ``READERS``
maps a format name to its reader; more come in through the ``newsformats.readers``
entry-point group. The format is told from the content (XML root and namespace,
the shape of a JSON object, HTML), the extension only breaking ties; ``format``
(``--from``) forces one. Every reader treats its input as hostile: size-limited,
no entity expansion, no aliases, no network.

Use :func:`read_all` for any input; :func:`read` is for an input that holds one
article and refuses one that holds several (it never drops any silently).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from .. import plugins
from ..errors import InputError, UsageError
from ..model import Article, check_language_tag
from ..options import ConvertOptions
from .sniff import EXTENSIONS, INPUT_EXTENSIONS, UnknownFormat, json_kind, sniff
from .source import Source, open_source

Reader = Callable[[Source], Article | list[Article]]

READERS: dict[str, str] = {
    "text": "newsformats.readers.plaintext:read_plain_text",
    "markdown": "newsformats.readers.markdown:read_markdown",
    "json": "newsformats.readers.data:read_json",
    "yaml": "newsformats.readers.data:read_yaml",
    "html": "newsformats.readers.webpage:read_web_page",
    "newsml": "newsformats.readers.newsml:read_newsml",
    "nitf": "newsformats.readers.nitf:read_nitf",
    "ninjs": "newsformats.readers.ninjs:read_ninjs",
    "feed": "newsformats.readers.feeds:read_feed",
}
__all__ = [
    "EXTENSIONS",
    "INPUT_EXTENSIONS",
    "READERS",
    "Reader",
    "Source",
    "read",
    "read_all",
    "read_source_all",
    "read_with_options",
    "told_language",
]


def read_all(
    path: str | Path,
    *,
    format: str | None = None,
    allow_network: bool = False,
    default_language: str | None = None,
    allowed_dirs: Sequence[Path] = (),
) -> list[Article]:
    """Read every article of an input (``-`` for standard input), in the input's order.

    A NewsML-G2 ``newsMessage`` or a feed gives one article per item; other
    inputs give one. Images on the network are fetched later only with
    ``allow_network``; without it the news formats' readers keep each image's
    alt text and caption on a placeholder, with a warning; so does an image file
    the resource policy will not read (outside the input's folder and
    ``allowed_dirs``, missing, not an image). ``default_language`` (``--lang``, a
    BCP 47 tag) is the language of an input that names none, in place of
    detecting it; a language the input names wins.

    >>> [a.headline for a in read_all("tests/data/inputs/feeds/rss.xml")]  # doctest: +SKIP
    ['First story', 'Second story']
    """
    told = told_language(default_language) if default_language is not None else None
    source = replace(
        open_source(path),
        allow_network=allow_network,
        default_language=told,
        allowed_dirs=tuple(allowed_dirs),
    )
    return read_source_all(source, format=format)


def read_with_options(
    path: str | Path, *, options: ConvertOptions, format: str | None = None
) -> list[Article]:
    """Every article of an input, read under the read options of ``options``: the network
    (``allow_network``), the language of inputs that name none (``default_language``) and
    the folders besides the input's (``allowed_dirs``). Conversion, editions and the batch
    runner read through it, so a read option is passed by name in one place.

    >>> read_with_options("examples/heatwave-update.json", options=ConvertOptions())[0].language
    'en'
    """
    return read_all(
        path,
        format=format,
        allow_network=options.allow_network,
        default_language=options.default_language,
        allowed_dirs=options.allowed_dirs,
    )


def read(
    path: str | Path,
    *,
    format: str | None = None,
    allow_network: bool = False,
    default_language: str | None = None,
    allowed_dirs: Sequence[Path] = (),
) -> Article:
    """Read the one article of an input (``-`` for standard input).

    An input that holds several articles is refused (use :func:`read_all`).

    >>> read("examples/csto-sco-afghanistan.txt").language  # doctest: +SKIP
    'en'
    """
    articles = read_all(
        path,
        format=format,
        allow_network=allow_network,
        default_language=default_language,
        allowed_dirs=allowed_dirs,
    )
    if len(articles) != 1:
        raise InputError(
            f"holds {len(articles)} articles; read them with read_all() "
            "(newsformats convert writes one output per article)",
            file=str(path),
        )
    return articles[0]


def read_source_all(source: Source, *, format: str | None = None) -> list[Article]:
    """Read every article of an already opened :class:`Source`."""
    name = format or detect_format(source)
    try:
        if name == "json-shaped":
            from .structured import load_json

            data, _ = load_json(source)
            name = json_kind(data)
        result = reader_for(name)(source)
    except UnknownFormat as error:
        raise source.error(f"cannot read this input: it is {error}") from None
    except InputError as error:
        raise error.located(source.name) from None
    except RecursionError:
        raise source.error("nested too deeply") from None
    articles = result if isinstance(result, list) else [result]
    if not articles:
        raise source.error(f"holds no article (read as {name})")
    return articles


def read_source(source: Source, *, format: str | None = None) -> Article:
    """Read the one article of an already opened :class:`Source`."""
    articles = read_source_all(source, format=format)
    if len(articles) != 1:
        raise source.error(f"holds {len(articles)} articles; read them with read_all()")
    return articles[0]


def told_language(tag: str) -> str:
    """A language told for inputs that name none, as the model keeps it; a usage error
    when it is neither a language pack's tag nor a valid BCP 47 tag.

    >>> told_language("en_GB")
    'en-GB'
    """
    try:
        return check_language_tag(tag)
    except ValueError as error:
        raise UsageError(f"the language told for the inputs (--lang): {error}") from None


def available_formats() -> list[str]:
    """Input formats, built-in and from plugins."""
    return list(_registry())


def detect_format(source: Source) -> str:
    """The reader for a source, told from its content (see :mod:`.sniff`)."""
    try:
        return sniff(source)
    except UnknownFormat as error:
        raise source.error(f"cannot read this input: it is {error}") from None


def reader_for(name: str) -> Reader:
    """Import and return the reader of a format."""
    reader: Reader = plugins.load(_registry(name), name, "input format")
    return reader


def _registry(*wanted: str) -> dict[str, str]:
    return plugins.registry(READERS, "newsformats.readers", *wanted)
