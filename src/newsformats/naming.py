"""Names of output files: a slug from a headline or an edition's title."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str, limit: int = 60) -> str:
    """A file-name-safe stem from a headline, keeping letters of any script.

    >>> slugify("Leaders Of Russia, China-Led Security Blocs Meet")
    'leaders-of-russia-china-led-security-blocs-meet'
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    words = re.findall(r"\w+", text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or "article"
