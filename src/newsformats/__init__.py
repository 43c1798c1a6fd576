"""newsformats: one news article in; accessible HTML, tagged PDF, EPUB 3 and audio out.

>>> import newsformats
>>> article = newsformats.read("examples/csto-sco-afghanistan.txt")   # doctest: +SKIP
>>> newsformats.convert(article, "out", ["html", "pdf"])              # doctest: +SKIP
"""

from __future__ import annotations

from .bundle import write_edition
from .checks import check
from .convert import Conversion, convert, convert_files
from .errors import InputError, NewsformatsError, ResourceError, UsageError
from .model import Article, article_json_schema
from .options import ConvertOptions
from .readers import read

__version__ = "0.1.0"

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
