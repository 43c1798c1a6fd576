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

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import pydyf  # type: ignore[import-untyped]

from .objects import resolve

TJ = re.compile(rb"^\[(.*)\] TJ$")
TS = re.compile(rb"^(-?[0-9.]+) Ts$")
TF = re.compile(rb"^/(\S+) \S+ Tf$")
TOKEN = re.compile(rb"<[0-9a-fA-F]*>|[^<>\s]+")
BFCHAR = re.compile(rb"^<([0-9a-fA-F]+)> <([0-9a-fA-F]*)>$")
RIGHT_TO_LEFT = {"R", "AL"}


@dataclass
class CidFont:
    """A TrueType CID font of the PDF, and the codes added to it."""

    descendant: Any
    to_unicode: Any
    text: dict[int, str]
    widths: dict[int, float]
    next_cid: int
    added: dict[tuple[int, str], int] = field(default_factory=dict)

    def alias(self, gid: int, text: str) -> int:
        """A code that draws glyph ``gid`` and copies out as ``text``."""
        key = (gid, text)
        if key not in self.added:
            self.added[key] = self.next_cid
            self.next_cid += 1
        return self.added[key]

    def is_mark(self, gid: int) -> bool:
        text = self.text.get(gid, "")
        return bool(text) and all(unicodedata.category(char) == "Mn" for char in text)

    def is_right_to_left(self, gid: int) -> bool:
        text = self.text.get(gid, "")
        return bool(text) and unicodedata.bidirectional(text[0]) in RIGHT_TO_LEFT


def attach_raised_marks(pdf: Any) -> int:
    """Give raised right-to-left marks' text to their letter in ``pdf`` (pydyf, in a finisher).

    Returns how many letters now carry their marks. Run it before
    :func:`newsformats.pdf.tounicode.fix_rtl_ligatures`, which puts the new
    letter-and-marks texts in visual order like any right-to-left cluster.
    """
    fonts = _cid_fonts(pdf)
    if not fonts:
        return 0
    changed = 0
    for obj in pdf.objects:
        if isinstance(obj, pydyf.Stream) and b"BT" in obj.stream:
            changed += _rewrite_stream(obj, fonts)
    for font in fonts.values():
        _write_additions(pdf, font)
    return changed


def _cid_fonts(pdf: Any) -> dict[bytes, CidFont]:
    """Font resource name (the subset tag of its BaseFont) → the font, for TrueType CID fonts."""
    found: dict[bytes, CidFont] = {}
    for obj in pdf.objects:
        if not isinstance(obj, pydyf.Dictionary) or obj.get("Subtype") != "/Type0":
            continue
        descendant = resolve(pdf, resolve(pdf, obj["DescendantFonts"])[0])
        to_unicode = resolve(pdf, obj.get("ToUnicode"))
        if descendant.get("Subtype") != "/CIDFontType2" or to_unicode is None:
            continue
        if descendant.get("CIDToGIDMap") != "/Identity":
            continue
        base = obj["BaseFont"]
        base = base.decode() if isinstance(base, bytes) else str(base)
        text = _texts(to_unicode)
        widths = _widths(pdf, descendant.get("W", []))
        next_cid = max([*text, *widths, 0]) + 1
        name = base.lstrip("/").split("+", 1)[0].encode()
        found[name] = CidFont(descendant, to_unicode, text, widths, next_cid)
    return found


def _texts(stream: Any) -> dict[int, str]:
    texts = {}
    for line in stream.stream:
        match = BFCHAR.match(line) if isinstance(line, bytes) else None
        if match:
            raw = bytes.fromhex(match.group(2).decode("ascii"))
            texts[int(match.group(1), 16)] = raw.decode("utf-16-be", "replace")
    return texts


def _widths(pdf: Any, array: Any) -> dict[int, float]:
    widths: dict[int, float] = {}
    items = list(resolve(pdf, array))
    index = 0
    while index + 1 < len(items):
        first, values = items[index], resolve(pdf, items[index + 1])
        if isinstance(values, list):
            widths.update({first + offset: float(w) for offset, w in enumerate(values)})
            index += 2
        else:  # c_first c_last w
            widths.update(dict.fromkeys(range(first, values + 1), float(items[index + 2])))
            index += 3
    return widths


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


def _write_additions(pdf: Any, font: CidFont) -> None:
    """The new codes: their glyph (CIDToGIDMap), width (W) and text (ToUnicode)."""
    if not font.added:
        return
    gids = list(range(min(font.added.values())))
    for (gid, _), cid in sorted(font.added.items(), key=lambda item: item[1]):
        gids.append(gid)
        font.descendant["W"].extend([cid, pydyf.Array([font.widths.get(gid, 0)])])
    mapping = pydyf.Stream([b"".join(gid.to_bytes(2, "big") for gid in gids)], compress=True)
    pdf.add_object(mapping)
    font.descendant["CIDToGIDMap"] = mapping.reference
    entries = [
        b"<%04x> <%s>" % (cid, text.encode("utf-16-be").hex().encode("ascii"))
        for (_, text), cid in font.added.items()
    ]
    lines = font.to_unicode.stream
    end = lines.index(b"endcmap")
    block: list[bytes] = []
    for first in range(0, len(entries), 100):
        chunk = entries[first : first + 100]
        block += [b"%d beginbfchar" % len(chunk), *chunk, b"endbfchar"]
    lines[end:end] = block
