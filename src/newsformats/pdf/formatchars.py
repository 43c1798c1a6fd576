"""Format characters copy out of the page: the zero-width non-joiner of گفت‌وگو stays.

Pango draws no glyph for a default-ignorable character such as the Persian
zero-width non-joiner (ZWNJ): WeasyPrint writes an empty string and its
advance (``<>0.0``) where the glyph would be, so extractors read گفتوگو.
This mend puts a code in that slot: the font's space glyph (blank), advancing
nothing, whose ToUnicode text is the format character. Which character goes in
which slot comes from the text the marked-content sequence was made from (the
layout's own text): its format characters, in logical order, fill the slots,
in visual order. A sequence whose slots and format characters do not match one
for one, or that mixes directions, is left alone.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import pydyf  # type: ignore[import-untyped]

from .codes import RIGHT_TO_LEFT, TF, TJ, TOKEN, CidFont
from .objects import resolve

LEFT_TO_RIGHT = {"L", "EN", "AN"}
COPIED_AS = {"\ufeff": "\u2060"}
"""A format character no ToUnicode map may give (Matterhorn 31-018: U+FEFF, the
zero-width no-break space) → the character that means the same (WORD JOINER)."""
Slot = tuple[int, int, CidFont]
"""A line of the content stream, the index of an empty-string token in it, and its font."""


def restore_format_characters(
    pdf: Any, fonts: dict[bytes, CidFont], texts: dict[tuple[int, int], str]
) -> int:
    """Put the format characters of ``texts`` ((page index, MCID) → text) in their slots.

    Returns how many characters were restored. New codes are written by
    :func:`newsformats.pdf.codes.write_codes`.
    """
    restored = 0
    for page_index, reference in enumerate(pdf.page_references):
        stream = resolve(pdf, resolve(pdf, reference)["Contents"])
        slots, tokens = _slots(stream.stream, fonts)
        for mcid, found in slots.items():
            text = texts.get((page_index, mcid))
            if text is not None:
                restored += _fill(found, text, tokens)
        for index, parts in tokens.items():
            stream.stream[index] = b"[" + b"".join(parts) + b"] TJ"
    return restored


def _slots(
    operations: list[Any], fonts: dict[bytes, CidFont]
) -> tuple[dict[int, list[Slot]], dict[int, list[bytes]]]:
    """Empty-glyph slots by MCID, and the tokens of every ``TJ`` line that has one."""
    slots: dict[int, list[Slot]] = {}
    tokens: dict[int, list[bytes]] = {}
    stack: list[int | None] = []
    font: CidFont | None = None
    for index, operation in enumerate(operations):
        if operation == b"BDC":
            properties = operations[index - 1]
            mcid = properties.get("MCID") if isinstance(properties, pydyf.Dictionary) else None
            stack.append(mcid if isinstance(mcid, int) else None)
        elif operation == b"BMC":
            stack.append(None)
        elif operation == b"EMC" and stack:
            stack.pop()
        elif not isinstance(operation, bytes):
            continue
        elif match := TF.match(operation):
            font = fonts.get(match.group(1))
        elif (
            (match := TJ.match(operation)) and font is not None and stack and stack[-1] is not None
        ):
            parts = TOKEN.findall(match.group(1))
            empty = [
                position
                for position in range(len(parts) - 1)
                if parts[position] == b"<>" and b"." in parts[position + 1]
            ]
            if empty:
                tokens[index] = parts
                found = slots.setdefault(stack[-1], [])
                found += [(index, position, font) for position in empty]
    return slots, tokens


def _fill(slots: list[Slot], text: str, tokens: dict[int, list[bytes]]) -> int:
    characters = [char for char in text if unicodedata.category(char) == "Cf"]
    directions = {unicodedata.bidirectional(char) for char in text}
    right_to_left = bool(directions & RIGHT_TO_LEFT)
    if len(characters) != len(slots) or (right_to_left and directions & LEFT_TO_RIGHT):
        return 0
    if right_to_left:  # slots are in drawing order, left to right
        characters.reverse()
    blanks = [_space(font) for _, _, font in slots]
    if None in blanks:
        return 0
    for (line, position, font), blank, char in zip(slots, blanks, characters, strict=True):
        assert blank is not None
        parts = tokens[line]
        parts[position] = b"<%04x>" % font.alias(blank, COPIED_AS.get(char, char))
        # The blank keeps its own width (the font program's, as /W must say:
        # PDF/UA-1, ISO 32000-1 9.6); the adjustment after it takes the width
        # back, so the line is drawn exactly as before.
        adjustment = float(parts[position + 1]) + font.widths.get(blank, 0.0)
        parts[position + 1] = b"%.3f" % adjustment
    return len(characters)


def _space(font: CidFont) -> int | None:
    """The font's space glyph: blank, so drawing it shows nothing."""
    return next((gid for gid, copied in font.text.items() if copied == " "), None)
