"""EPUB 3.3 core media types and fallback chains (what RSC-032 asks of a foreign resource)."""

from __future__ import annotations

import re

from ..loaders.epub import EpubBook, Item

# EPUB 3.3 core media types: a resource of another type needs a fallback where it is used.
CORE_MEDIA_TYPES = {
    "image/gif", "image/jpeg", "image/png", "image/svg+xml", "image/webp", "audio/mpeg",
    "audio/mp4", "text/css", "font/otf", "font/ttf", "font/woff", "font/woff2",
    "application/font-sfnt", "application/font-woff", "application/vnd.ms-opentype",
    "application/x-font-ttf", "application/xhtml+xml", "application/javascript",
    "application/ecmascript", "text/javascript", "application/pls+xml", "application/smil+xml",
}  # fmt: skip
CORE_IMAGE_TYPES = {"image/gif", "image/jpeg", "image/png", "image/svg+xml", "image/webp"}
OGG_OPUS = re.compile(r"^audio/ogg\s*;\s*codecs=opus$")


def is_core_media_type(media_type: str) -> bool:
    """True for the core media types of EPUB 3.3 (any video is exempt).

    >>> is_core_media_type("audio/mpeg"), is_core_media_type("audio/mp3")
    (True, False)
    """
    return (
        media_type in CORE_MEDIA_TYPES
        or media_type.startswith("video/")
        or bool(OGG_OPUS.match(media_type))
    )


def has_core_fallback(book: EpubBook, item: Item) -> bool:
    """True when the item, or an item of its manifest ``fallback`` chain, is a core media type."""
    seen: set[str] = set()
    current: Item | None = item
    while current is not None and current.id not in seen:
        if is_core_media_type(current.media_type):
            return True
        seen.add(current.id)
        current = book.items.get(current.fallback or "")
    return False


def data_item(data: str) -> Item:
    """A ``data:`` URL (without its ``data:``) as a resource of its media type.

    >>> data_item("image/x-foo;base64,AAAA").media_type
    'image/x-foo'
    """
    media_type = data.split(",")[0].split(";")[0].strip().lower() or "text/plain"
    return Item(id="", path="a data: URL", media_type=media_type, properties=frozenset(),
                media_overlay=None)  # fmt: skip
