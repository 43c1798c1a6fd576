"""Find the files to check and open each one as what its rules read.

Every loader treats its file as hostile: size limits, no network, no entity
expansion, nothing read outside the file (or the EPUB) it was given. A file
that cannot be opened raises :class:`Unreadable`, which the runner reports as
a finding of the format's ``*-readable`` rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ...errors import UsageError
from ..registry import Target

OUTPUT_SUFFIXES: dict[str, Target] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".epub": "epub",
    ".pdf": "pdf",
    ".mp3": "audio",
}
ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".json", ".yaml", ".yml")
# Files that travel with an output and are judged with it (a transcript beside its
# MP3, a picture beside its page): named on their own, they are passed over.
COMPANION_SUFFIXES = (".vtt", ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".css")
MAX_BYTES = 200 * 1024 * 1024


class Unreadable(Exception):
    """The file cannot be opened as its format; the text says why, in one line."""


def discover(paths: Iterable[str | Path]) -> list[tuple[Target, Path]]:
    """Name the files to check and their kinds.

    A folder gives the outputs inside it (HTML, EPUB, PDF, MP3), recursively;
    a file named on its own may also be an article input (text, Markdown, JSON,
    YAML), checked with the ``article-*`` rules. Companions (transcripts,
    pictures, stylesheets) are judged with their output, so what ``convert``
    wrote can be passed as it is.

    >>> discover(["out/story.pdf"])  # doctest: +SKIP
    [('pdf', PosixPath('out/story.pdf'))]
    """
    found: list[tuple[Target, Path]] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                kind = OUTPUT_SUFFIXES.get(child.suffix.lower())
                if kind and child.is_file() and not child.name.startswith("."):
                    found.append((kind, child))
        elif path.is_file():
            suffix = path.suffix.lower()
            if suffix in OUTPUT_SUFFIXES:
                found.append((OUTPUT_SUFFIXES[suffix], path))
            elif suffix in ARTICLE_SUFFIXES:
                found.append(("article", path))
            elif suffix not in COMPANION_SUFFIXES:
                raise UsageError(
                    "not HTML, EPUB, PDF, MP3 or an article input (.txt, .md, .json, .yaml)",
                    file=path,
                )
        else:
            raise UsageError("no such file or folder", file=path)
    unique: dict[Path, Target] = {}
    for kind, path in found:
        unique.setdefault(path, kind)
    return [(kind, path) for path, kind in unique.items()]


def read_limited(path: Path, limit: int = MAX_BYTES) -> bytes:
    """Read a whole file, refusing one larger than ``limit``."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise Unreadable(f"the file is {size} bytes; the limit is {limit}")
        return path.read_bytes()
    except OSError as error:
        raise Unreadable(f"cannot read the file: {error.strerror or error}") from None
