"""Right-to-left ligatures copy out in the right order: mend the fonts' ToUnicode maps.

WeasyPrint maps a glyph that stands for several characters (the lam-alef
ligature لا, the Allah ligature الله of Noto Naskh and DejaVu) to those
characters in logical order. Text extractors (poppler's ``pdftotext``,
pdf.js, pdfminer users) turn a right-to-left line back into logical order by
reversing it character by character, so they reverse the ligature's letters
too: "ولایت" comes out as "والیت". Listing the letters of a right-to-left
glyph in visual order (reversed) makes the extractors' reversal give them
back in logical order. A glyph is right to left when its text starts with a
strong right-to-left character (Arabic, Hebrew…): such a cluster is always
laid out in a right-to-left run.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from .objects import resolve

MAPPING = re.compile(rb"^<([0-9a-fA-F]+)> <([0-9a-fA-F]+)>$")
RIGHT_TO_LEFT = {"R", "AL"}


def fix_rtl_ligatures(pdf: Any) -> int:
    """Reverse the text of every right-to-left multi-character glyph in ``pdf``'s ToUnicode maps.

    ``pdf`` is WeasyPrint's ``pydyf.PDF`` (as a finisher gets it). Returns how
    many glyph mappings were changed.
    """
    changed = 0
    seen: set[int] = set()
    for obj in pdf.objects:
        if not hasattr(obj, "get") or "ToUnicode" not in obj:
            continue
        stream = resolve(pdf, obj["ToUnicode"])
        if id(stream) in seen:
            continue
        seen.add(id(stream))
        for index, line in enumerate(stream.stream):
            mended = mend_mapping(line) if isinstance(line, bytes) else None
            if mended is not None:
                stream.stream[index] = mended
                changed += 1
    return changed


def mend_mapping(line: bytes) -> bytes | None:
    """The ``bfchar`` line with its text in visual order, or None when it needs no change.

    >>> mend_mapping(b"<0012> <06440627>")  # lam, alef
    b'<0012> <06270644>'
    >>> mend_mapping(b"<0013> <00660069>") is None  # f, i: left to right
    True
    """
    match = MAPPING.match(line)
    if match is None:
        return None
    text = bytes.fromhex(match.group(2).decode("ascii")).decode("utf-16-be", "replace")
    if len(text) < 2 or unicodedata.bidirectional(text[0]) not in RIGHT_TO_LEFT:
        return None
    visual = text[::-1].encode("utf-16-be").hex().encode("ascii")
    return b"<" + match.group(1) + b"> <" + visual + b">"
