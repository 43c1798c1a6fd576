"""New character codes for glyphs already in a PDF's fonts, each with its own copied text.

WeasyPrint's TrueType CID fonts use their glyph ids as codes (``CIDToGIDMap
/Identity``), so one glyph has one ToUnicode text. The finisher's text mends
(:mod:`newsformats.pdf.marks`, :mod:`newsformats.pdf.formatchars`) need a glyph
to copy out differently in one place: :meth:`CidFont.alias` gives a fresh code
for a glyph, a text and a width, and :func:`write_codes` adds the codes to the
font (a ``CIDToGIDMap`` stream, ``W`` and ToUnicode entries) once all mends ran.
Also here: reading the content stream's text operators.
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
    added: dict[tuple[int, str, float], int] = field(default_factory=dict)

    def alias(self, gid: int, text: str, width: float | None = None) -> int:
        """A code that draws glyph ``gid`` (advancing ``width``, else its own) as ``text``."""
        key = (gid, text, self.widths.get(gid, 0) if width is None else width)
        if key not in self.added:
            self.added[key] = self.next_cid
            self.next_cid += 1
        return self.added[key]

    def is_mark(self, gid: int) -> bool:
        """Whether the glyph copies out as combining marks only."""
        text = self.text.get(gid, "")
        return bool(text) and all(unicodedata.category(char) == "Mn" for char in text)

    def is_right_to_left(self, gid: int) -> bool:
        """Whether the glyph's text starts with a strong right-to-left character."""
        text = self.text.get(gid, "")
        return bool(text) and unicodedata.bidirectional(text[0]) in RIGHT_TO_LEFT


def cid_fonts(pdf: Any) -> dict[bytes, CidFont]:
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


def text_streams(pdf: Any) -> list[Any]:
    """The content streams that draw text, in object order."""
    return [obj for obj in pdf.objects if isinstance(obj, pydyf.Stream) and b"BT" in obj.stream]


def write_codes(pdf: Any, fonts: dict[bytes, CidFont]) -> None:
    """Add every font's new codes: their glyph (CIDToGIDMap), width (W) and text (ToUnicode)."""
    for font in fonts.values():
        if font.added:
            _write(pdf, font)


def _write(pdf: Any, font: CidFont) -> None:
    gids = list(range(min(font.added.values())))
    for (gid, _, width), cid in sorted(font.added.items(), key=lambda item: item[1]):
        gids.append(gid)
        font.descendant["W"].extend([cid, pydyf.Array([width])])
    mapping = pydyf.Stream([b"".join(gid.to_bytes(2, "big") for gid in gids)], compress=True)
    pdf.add_object(mapping)
    font.descendant["CIDToGIDMap"] = mapping.reference
    entries = [
        b"<%04x> <%s>" % (cid, text.encode("utf-16-be").hex().encode("ascii"))
        for (_, text, _), cid in font.added.items()
    ]
    lines = font.to_unicode.stream
    end = lines.index(b"endcmap")
    block: list[bytes] = []
    for first in range(0, len(entries), 100):
        chunk = entries[first : first + 100]
        block += [b"%d beginbfchar" % len(chunk), *chunk, b"endbfchar"]
    lines[end:end] = block
