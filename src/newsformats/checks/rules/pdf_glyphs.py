"""The glyphs that text operators show, looked up in the fonts (PDF/UA-1 7.21.8).

A string shown in a font is a run of character codes; the font maps each code to
a glyph (ISO 32000-1 9.4.3, 9.6.6, 9.7.4). :func:`notdef_codes` tells which codes
land on the ``.notdef`` glyph, for the font kinds whose mapping can be followed
without a renderer:

- composite fonts under ``Identity-H``/``-V`` (two-byte codes are CIDs): CID 0,
  a CID the CIDToGIDMap sends to glyph 0 or past the TrueType program's glyphs,
  or a CID a CID-keyed CFF program does not have;
- simple fonts: a code whose ``/Differences`` name is ``.notdef``; in an embedded
  TrueType program, a code its ``cmap`` does not map (9.6.6.4); in an embedded
  CFF program, a glyph name it does not have.

Other CMaps and font kinds (Type 3, Type 1 programs' built-in encodings) are not
judged: no finding rather than a guess. :func:`width_mismatches` compares the
widths of the glyphs shown with the TrueType program's (7.21.5).
"""

from __future__ import annotations

import functools
import io
import logging
from collections.abc import Callable
from typing import Any

import pikepdf

IDENTITY_CMAPS = (pikepdf.Name("/Identity-H"), pikepdf.Name("/Identity-V"))
NOTDEF = ".notdef"
MAX_CID = 0xFFFF  # two-byte codes: a /W range past it names no CID that can be shown


def notdef_codes(font: pikepdf.Dictionary, strings: set[bytes]) -> list[int]:
    """The codes of ``strings`` that show ``.notdef`` in ``font`` (sorted, unique)."""
    try:
        if font.get("/Subtype") == pikepdf.Name.Type0:
            return sorted(_composite(font, strings))
        if font.get("/Subtype") in (pikepdf.Name.TrueType, pikepdf.Name.Type1):
            return sorted(_simple(font, strings))
    except Exception:  # a program that cannot be read is judged by the other font rules
        return []
    return []


def _descriptor(font: pikepdf.Dictionary) -> pikepdf.Dictionary | None:
    descriptor = font.get("/FontDescriptor")
    return descriptor if isinstance(descriptor, pikepdf.Dictionary) else None


def _program(descriptor: pikepdf.Dictionary | None, key: str) -> bytes | None:
    stream = descriptor.get(key) if descriptor is not None else None
    return stream.read_bytes() if isinstance(stream, pikepdf.Stream) else None


def _identity_cid_font(font: pikepdf.Dictionary) -> pikepdf.Dictionary | None:
    """The CIDFont of a composite font whose codes are its CIDs (``Identity-H``/``-V``)."""
    descendants = font.get("/DescendantFonts")
    if font.get("/Encoding") not in IDENTITY_CMAPS or not isinstance(descendants, pikepdf.Array):
        return None
    cid_font = descendants[0]
    return cid_font if isinstance(cid_font, pikepdf.Dictionary) else None


def _cids(strings: set[bytes]) -> set[int]:
    return {int.from_bytes(s[i : i + 2], "big") for s in strings for i in range(0, len(s) - 1, 2)}


def _glyph_ids(cid_font: pikepdf.Dictionary) -> Callable[[int], int]:
    """A CIDFontType2's CID -> glyph id: its CIDToGIDMap stream (two bytes a CID, glyph 0
    past its end), or the identity."""
    mapping = cid_font.get("/CIDToGIDMap")
    if not isinstance(mapping, pikepdf.Stream):
        return lambda cid: cid
    table = mapping.read_bytes()
    return lambda cid: int.from_bytes(table[2 * cid : 2 * cid + 2].ljust(2, b"\0"), "big")


def _composite(font: pikepdf.Dictionary, strings: set[bytes]) -> set[int]:
    cid_font = _identity_cid_font(font)
    if cid_font is None:
        return set()
    cids = _cids(strings)
    bad = {0} & cids
    descriptor = _descriptor(cid_font)
    if cid_font.get("/Subtype") == pikepdf.Name.CIDFontType2:
        gid_of = _glyph_ids(cid_font)
        program = _program(descriptor, "/FontFile2")
        count = _truetype(program).get("maxp").numGlyphs if program else None
        for cid in cids:
            gid = gid_of(cid)
            if gid == 0 or (count is not None and gid >= count):
                bad.add(cid)
    else:
        program = _program(descriptor, "/FontFile3")
        top = _cff(program) if program else None
        if top is not None and hasattr(top, "ROS"):  # CID-keyed: glyphs named cidNNNNN
            present = {int(n[3:]) for n in top.charset if n.startswith("cid") and n[3:].isdigit()}
            bad |= {cid for cid in cids if cid not in present}
    return bad


def _simple(font: pikepdf.Dictionary, strings: set[bytes]) -> set[int]:
    codes = {b for s in strings for b in s}
    names = _differences(font)
    bad = {code for code in codes if names.get(code) == NOTDEF}
    descriptor = _descriptor(font)
    truetype = _program(descriptor, "/FontFile2")
    if font.get("/Subtype") == pikepdf.Name.TrueType and truetype is not None:
        bad |= _truetype_missing(font, descriptor, truetype, codes, names)
    cff = _program(descriptor, "/FontFile3")
    if font.get("/Subtype") == pikepdf.Name.Type1 and cff is not None and names:
        top = _cff(cff)
        if top is not None:
            glyphs = set(top.charset)
            bad |= {code for code in codes if code in names and names[code] not in glyphs}
    return bad


def _differences(font: pikepdf.Dictionary) -> dict[int, str]:
    encoding = font.get("/Encoding")
    differences = encoding.get("/Differences") if isinstance(encoding, pikepdf.Dictionary) else None
    names: dict[int, str] = {}
    code = 0
    for item in differences if isinstance(differences, pikepdf.Array) else []:
        if isinstance(item, pikepdf.Name):
            names[code] = str(item)[1:]
            code += 1
        else:
            code = int(item)
    return names


def _truetype_missing(
    font: pikepdf.Dictionary,
    descriptor: pikepdf.Dictionary | None,
    program: bytes,
    codes: set[int],
    names: dict[int, str],
) -> set[int]:
    """Codes an embedded TrueType program maps to no glyph (ISO 32000-1 9.6.6.4)."""
    glyphs = _truetype_glyphs(font, descriptor, _truetype(program), codes, names)
    return {code for code in codes if glyphs.get(code) in (None, NOTDEF)}


def _truetype_glyphs(
    font: pikepdf.Dictionary,
    descriptor: pikepdf.Dictionary | None,
    tt: Any,
    codes: set[int],
    names: dict[int, str],
) -> dict[int, str]:
    """The glyph (name in the program) of each code of a simple TrueType font that has one."""
    from fontTools.agl import toUnicode  # type: ignore[import-untyped]

    cmap = tt.get("cmap")
    tables = {(t.platformID, t.platEncID): t.cmap for t in cmap.tables} if cmap else {}
    flags = int(descriptor.get("/Flags", 0)) if descriptor is not None else 0
    order = set(tt.getGlyphOrder())
    glyphs: dict[int, str] = {}
    for code in codes:
        found: str | None
        if flags & 4 or (3, 1) not in tables:  # symbolic, or no Unicode cmap
            symbol = tables.get((3, 0), {})
            found = (
                symbol.get(code) or symbol.get(0xF000 + code) or tables.get((1, 0), {}).get(code)
            )
        else:
            name = names.get(code) or _standard_name(font, code)
            text = toUnicode(name) if name else ""
            found = tables[(3, 1)].get(ord(text)) if len(text) == 1 else None
            if found is None and name in order:
                found = name
            if found is None:  # as lenient as readers are: the code in the other cmaps
                symbol = tables.get((3, 0), {})
                found = symbol.get(0xF000 + code) or tables.get((1, 0), {}).get(code)
        if found is not None:
            glyphs[code] = found
    return glyphs


def width_mismatches(
    font: pikepdf.Dictionary, strings: set[bytes]
) -> list[tuple[int, float, float]]:
    """Codes shown whose width in the font dictionary differs from the embedded TrueType
    program's by more than one unit in 1000 (PDF/UA-1 7.21.5): (code, dictionary, program).

    Simple TrueType fonts (``/Widths``, ``/MissingWidth``) and ``Identity`` CIDFontType2
    fonts (``/W``, ``/DW``); other fonts are not judged. The ``.notdef`` glyph is left to
    :func:`notdef_codes`.
    """
    try:
        if font.get("/Subtype") == pikepdf.Name.TrueType:
            return _simple_widths(font, strings)
        if font.get("/Subtype") == pikepdf.Name.Type0:
            return _cid_widths(font, strings)
    except Exception:  # a program that cannot be read is judged by the other font rules
        return []
    return []


def _advance(tt: Any, glyph: str) -> float:
    units: float = tt["hmtx"][glyph][0] * 1000 / tt["head"].unitsPerEm
    return units


def _simple_widths(font: pikepdf.Dictionary, strings: set[bytes]) -> list[tuple[int, float, float]]:
    descriptor = _descriptor(font)
    program = _program(descriptor, "/FontFile2")
    widths = font.get("/Widths")
    if program is None or not isinstance(widths, pikepdf.Array):
        return []
    tt = _truetype(program)
    codes = {b for s in strings for b in s}
    first = int(font.get("/FirstChar", 0))
    missing = float(descriptor.get("/MissingWidth", 0)) if descriptor is not None else 0.0
    found = []
    for code, glyph in sorted(
        _truetype_glyphs(font, descriptor, tt, codes, _differences(font)).items()
    ):
        if glyph == NOTDEF:
            continue
        index = code - first
        stated = float(widths[index]) if 0 <= index < len(widths) else missing
        actual = _advance(tt, glyph)
        if abs(stated - actual) > 1:
            found.append((code, stated, actual))
    return found


def _cid_widths(font: pikepdf.Dictionary, strings: set[bytes]) -> list[tuple[int, float, float]]:
    cid_font = _identity_cid_font(font)
    if cid_font is None or cid_font.get("/Subtype") != pikepdf.Name.CIDFontType2:
        return []
    program = _program(_descriptor(cid_font), "/FontFile2")
    if program is None:
        return []
    tt = _truetype(program)
    order = tt.getGlyphOrder()
    gid_of = _glyph_ids(cid_font)
    stated = _cid_width_table(cid_font.get("/W"))
    default = float(cid_font.get("/DW", 1000))
    found = []
    for cid in sorted(_cids(strings)):
        gid = gid_of(cid)
        if gid == 0 or gid >= len(order):
            continue  # .notdef: pdf-notdef's
        width = stated.get(cid, default)
        actual = _advance(tt, order[gid])
        if abs(width - actual) > 1:
            found.append((cid, width, actual))
    return found


def _cid_width_table(array: object) -> dict[int, float]:
    """A CIDFont's ``/W`` array read into CID -> width (ISO 32000-1 9.7.4.3)."""
    widths: dict[int, float] = {}
    items = list(array) if isinstance(array, pikepdf.Array) else []
    i = 0
    while i + 1 < len(items):
        first = int(items[i])
        if isinstance(items[i + 1], pikepdf.Array):
            for offset, width in enumerate(items[i + 1]):
                widths[first + offset] = float(width)
            i += 2
        elif i + 2 < len(items):
            for cid in range(first, min(int(items[i + 1]), MAX_CID) + 1):
                widths[cid] = float(items[i + 2])
            i += 3
        else:
            break
    return widths


def _standard_name(font: pikepdf.Dictionary, code: int) -> str | None:
    """The glyph name of ``code`` in the font's base encoding (WinAnsi unless MacRoman)."""
    from fontTools.agl import UV2AGL

    encoding = font.get("/Encoding")
    if isinstance(encoding, pikepdf.Dictionary):
        encoding = encoding.get("/BaseEncoding")
    codec = "mac_roman" if encoding == pikepdf.Name.MacRomanEncoding else "cp1252"
    try:
        char = bytes([code]).decode(codec)
    except UnicodeDecodeError:
        return None
    return str(UV2AGL.get(ord(char), f"uni{ord(char):04X}"))


@functools.lru_cache(maxsize=8)  # the .notdef and width rules read the same programs
def _truetype(program: bytes) -> Any:
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    # fontTools logs what it finds odd in a table (dates, checksums) as warnings; the
    # fonts of a file under check are judged by the rules, not by those log lines.
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return TTFont(io.BytesIO(program), lazy=True)


def _cff(program: bytes) -> Any:
    from fontTools.cffLib import CFFFontSet  # type: ignore[import-untyped]

    cff = CFFFontSet()
    cff.decompile(io.BytesIO(program), None)
    return cff[cff.fontNames[0]] if cff.fontNames else None
