"""Language packs: boilerplate, chrome words, patterns, digits, calendars and voices per language.

>>> from newsformats.lang import messages_for
>>> messages_for("uk")("photo")
'Фото'
"""

from __future__ import annotations

from .messages import Messages, available_languages, messages_for
from .pack import FALLBACK, Pack, all_packs, find_pack, pack_for, pack_notice

__all__ = [
    "FALLBACK",
    "Messages",
    "Pack",
    "all_packs",
    "available_languages",
    "find_pack",
    "messages_for",
    "pack_for",
    "pack_notice",
]
