"""The bundled look: stylesheets for screen, print and EPUB, and the placeholder picture."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

PLACEHOLDER = "photo-placeholder.svg"
PLACEHOLDER_SIZE = (1200, 675)  # the width and height of photo-placeholder.svg


@lru_cache(maxsize=16)  # read once per process: every article of a batch uses them
def stylesheet(name: str) -> str:
    """The text of a bundled stylesheet (``screen.css``, ``print.css``, ``epub.css``).

    >>> "prefers-color-scheme: dark" in stylesheet("screen.css")
    True
    """
    return (resources.files(__package__) / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def placeholder_image() -> bytes:
    """The neutral picture shown where an article has a caption but no image file."""
    return (resources.files(__package__) / PLACEHOLDER).read_bytes()
