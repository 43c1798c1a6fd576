"""newsformats: one news article in; accessible HTML, tagged PDF, EPUB 3 and audio out.

>>> import newsformats
>>> article = newsformats.read("examples/csto-sco-afghanistan.txt")   # doctest: +SKIP
>>> newsformats.convert(article, "out", ["html", "pdf"])              # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# The function ``convert`` shares its name with its module, so it is bound here:
# importing the module later would otherwise put the module in its place.
from .convert import Conversion, convert, convert_files
from .errors import InputError, NewsformatsError, ResourceError, UsageError
from .options import ConvertOptions
from .version import __version__

if TYPE_CHECKING:
    from .checks import check
    from .edition import write_edition
    from .model import Article, article_json_schema
    from .readers import read

# Imported on first use, so that ``newsformats --version`` or one small
# conversion does not pay for every writer and check (docs/performance.md).
_EXPORTS = {
    "Article": "model",
    "article_json_schema": "model",
    "check": "checks",
    "read": "readers",
    "write_edition": "edition",
}

__all__ = [
    "Article",
    "Conversion",
    "ConvertOptions",
    "InputError",
    "NewsformatsError",
    "ResourceError",
    "UsageError",
    "__version__",
    "article_json_schema",
    "check",
    "convert",
    "convert_files",
    "read",
    "write_edition",
]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'newsformats' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value
