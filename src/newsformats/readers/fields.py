"""Friendly field names a newsroom may write (``byline``, ``image``, ``date``) → model fields."""

from __future__ import annotations

import re
from typing import Any

from .chrome import BYLINE_WORDS, and_words
from .source import Source

ALIASES = {
    "title": "headline",
    "summary": "standfirst",
    "description": "standfirst",
    "date": "published",
    "lang": "language",
    "url": "canonical_url",
    "tags": "keywords",
    "credit": "credit_line",
}
IMAGE_KEYS = {
    "image": "src",
    "alt": "alt",
    "caption": "caption",
    "photo_credit": "credit",
    "image_credit": "credit",
}


def normalise_fields(data: dict[str, Any], source: Source) -> dict[str, Any]:
    """Map friendly names onto the model's, leaving unknown keys for validation to report."""
    result: dict[str, Any] = {}
    image: dict[str, Any] = {}
    for key, value in data.items():
        if not isinstance(key, str):
            raise source.error(f"field names must be text, not {key!r}")
        if key in ("byline", "author", "authors"):
            result["authors"] = split_names(value)
        elif key in IMAGE_KEYS and not (key == "image" and isinstance(value, dict)):
            image[IMAGE_KEYS[key]] = value
        elif key in ("image", "lead_image") and isinstance(value, dict):
            image.update(value)
        else:
            result[ALIASES.get(key, key)] = value
    if image:
        merged = dict(result.get("lead_image") or {})
        merged.update(image)
        result["lead_image"] = merged
    return result


def split_names(value: Any) -> Any:
    """'By A, B and C' → ['A', 'B', 'C']; lists and mappings pass through.

    A comma or "and" inside brackets joins the words of one name, not two names:

    >>> split_names("Par Ann Roy (avec Léo Petit et Eva Roux) et Tom Blanc")
    ['Ann Roy (avec Léo Petit et Eva Roux)', 'Tom Blanc']
    """
    if not isinstance(value, str):
        return value
    lead = "|".join(re.escape(w) for w in BYLINE_WORDS)
    text = re.sub(rf"^\s*(?:{lead})\b\s*:?\s+", "", value, flags=re.IGNORECASE)
    ands = "|".join(re.escape(w) for w in sorted(and_words(), key=len, reverse=True))
    names, start = [], 0
    for cut in re.finditer(rf"\s*[,،;]\s*(?:(?:{ands})\s+)?|\s+(?:{ands})\s+", text):
        before = text[: cut.start()]
        if before.count("(") + before.count("[") > before.count(")") + before.count("]"):
            continue
        names.append(text[start : cut.start()])
        start = cut.end()
    names.append(text[start:])
    return [n.strip() for n in names if n.strip()]
