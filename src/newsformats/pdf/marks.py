"""Raised marks copy out with their letter: the letter's code carries the marks' text.

A combining mark that the font raises above its letter (the tanwin of تقریباً,
the shadda of عمّان, the hamza of خانهٔ) is drawn by WeasyPrint with a text
rise, and in a right-to-left run before its letter. poppler (``pdftotext``)
takes the raised glyph for a line of its own: the mark leaves the word and the
line's words come out in the wrong order.

The mend, in the finisher: where raised marks precede their letter, the
letter is drawn with a new character code that shows the same glyph (a
``CIDToGIDMap`` entry) and whose ToUnicode text is the letter followed by its
marks, and each mark with a new code whose ToUnicode text is empty. The page
looks the same (same glyphs, same widths, same positions); extractors read the
letter with its marks, in logical order, on its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .codes import TF, TJ, TOKEN, TS, CidFont, text_streams


def attach_raised_marks(pdf: Any, fonts: dict[bytes, CidFont]) -> int:
    """Give raised right-to-left marks' text to their letter in ``pdf`` (pydyf, in a finisher).

    ``fonts`` are :func:`newsformats.pdf.codes.cid_fonts`; the new codes are
    written by :func:`newsformats.pdf.codes.write_codes`, and the ligature mend
    (:func:`newsformats.pdf.tounicode.fix_rtl_ligatures`) then puts the new
    letter-and-marks texts in visual order like any right-to-left cluster.
    Returns how many letters now carry their marks.
    """
    return sum(_rewrite_stream(stream, fonts) for stream in text_streams(pdf))


@dataclass
class _Code:
    """One glyph code in a ``TJ`` line: where it is, and whether it was raised."""

    line: int
    token: int
    position: int
    cid: int
    raised: bool


def _rewrite_stream(stream: Any, fonts: dict[bytes, CidFont]) -> int:
    lines = stream.stream
    if not any(_is_raised(line) for line in lines):
        return 0  # no glyph drawn raised: the codes need not be read
    font: CidFont | None = None
    codes: list[_Code] = []
    tokens: dict[int, list[bytes]] = {}
    changed = 0
    rise = False
    for index, line in enumerate(lines):
        if not isinstance(line, bytes):
            continue
        if match := TF.match(line):
            changed += _attach(codes, tokens, font)
            codes = []
            font = fonts.get(match.group(1))
        elif match := TS.match(line):
            rise = float(match.group(1)) != 0
        elif (match := TJ.match(line)) and font is not None:
            tokens[index] = TOKEN.findall(match.group(1))
            for number, token in enumerate(tokens[index]):
                if token.startswith(b"<") and (len(token) - 2) % 4 == 0:
                    for position in range(1, len(token) - 1, 4):
                        cid = int(token[position : position + 4], 16)
                        codes.append(_Code(index, number, position, cid, rise))
        elif line == b"ET":
            changed += _attach(codes, tokens, font)
            codes = []
    changed += _attach(codes, tokens, font)
    for index, parts in tokens.items():
        lines[index] = b"[" + b"".join(parts) + b"] TJ"
    return changed


def _is_raised(line: Any) -> bool:
    match = TS.match(line) if isinstance(line, bytes) else None
    return match is not None and float(match.group(1)) != 0


def _attach(codes: list[_Code], tokens: dict[int, list[bytes]], font: CidFont | None) -> int:
    """Fold each run of marks with a raised one into the right-to-left letter drawn after it."""
    if font is None:
        return 0
    changed = 0
    index = 0
    while index < len(codes):
        start = index
        while index < len(codes) and font.is_mark(codes[index].cid):
            index += 1
        marks = codes[start:index]
        if not marks or index == len(codes):
            index += 1
            continue
        letter = codes[index]
        if any(mark.raised for mark in marks) and font.is_right_to_left(letter.cid):
            # Drawn left to right, the marks come in reverse logical order.
            text = font.text[letter.cid] + "".join(font.text[m.cid] for m in reversed(marks))
            _replace(tokens, letter, font.alias(letter.cid, text))
            for mark in marks:
                _replace(tokens, mark, font.alias(mark.cid, ""))
            changed += 1
        index += 1
    return changed


def _replace(tokens: dict[int, list[bytes]], code: _Code, cid: int) -> None:
    token = tokens[code.line][code.token]
    new = b"%04x" % cid
    tokens[code.line][code.token] = token[: code.position] + new + token[code.position + 4 :]
