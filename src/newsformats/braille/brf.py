"""Braille Ready Format: pages of North American Braille ASCII, CR LF lines, form feeds."""

from __future__ import annotations

# North American Braille ASCII: the character for each 6-dot cell, indexed by the
# cell's Unicode offset from U+2800 (bit 0 = dot 1 … bit 5 = dot 6).
BRAILLE_ASCII = " A1B'K2L@CIF/MSP\"E3H9O6R^DJG>NTQ,*5<-U8V.%[$+X!&;:4\\0Z7(_?W]#Y)="


def to_braille_ascii(cells: str) -> tuple[str, int]:
    """Braille ASCII for Unicode braille; also the number of cells that had dots 7 or 8
    (which BRF cannot carry: they are dropped, and the caller should say so).

    >>> to_braille_ascii("⠠⠮⠀⠉⠁⠞")
    (',! CAT', 0)
    """
    out = []
    eight_dot = 0
    for cell in cells:
        offset = ord(cell) - 0x2800 if cell != " " else 0
        if not 0 <= offset <= 0xFF:
            raise ValueError(f"not a braille cell: {cell!r}")
        if offset > 0x3F:
            eight_dot += 1
        out.append(BRAILLE_ASCII[offset & 0x3F])
    return "".join(out), eight_dot


def brf_document(pages: list[list[str]]) -> tuple[bytes, int]:
    """A BRF file of ``pages`` (lines of Unicode braille): CR LF after each line and a
    form feed after each page; also the count of 8-dot cells dropped."""
    dropped = 0
    out = []
    for page in pages:
        lines = []
        for line in page:
            text, eight = to_braille_ascii(line)
            dropped += eight
            lines.append(text.rstrip(" "))
        out.append("\r\n".join(lines) + "\r\n\f")
    return "".join(out).encode("ascii"), dropped
