"""Shaped left-to-right text copies out as written: ``/ActualText`` on its marked content.

Devanagari, Bengali, Thai and the other scripts that shaping rearranges are
drawn with glyphs that do not stand one for one, in order, for the letters:
the vowel sign ि of नि is drawn before its consonant, a conjunct or a reph
(र्मा) is one glyph for several letters or stands after them, Thai's ำ is drawn
as two glyphs, and marks are placed by offsets that extractors take for gaps.
A font's ToUnicode map gives each glyph one text wherever it is drawn, so no
map can give these back (``pdftotext`` read "नगम" for "निगम", "शमार्मा" for
"शर्मा", "ผู ้อานวยการ" for "ผู้อำนวยการ").

ISO 32000-1 14.9.4 has the answer: a marked-content sequence's ``/ActualText``
replaces the text of its glyphs. WeasyPrint draws each line of a run of text
as its own marked-content sequence, and the layout's text of it is known
(:func:`newsformats.pdf.structure._texts_by_marked_content`), so each such
sequence gets its exact text. Only left-to-right sequences that need it:
poppler reverses a right-to-left ``/ActualText``, and right-to-left ligatures
are mended in ToUnicode instead (:mod:`newsformats.pdf.tounicode`).
"""

from __future__ import annotations

import unicodedata
from typing import Any

import pydyf  # type: ignore[import-untyped]

from .codes import RIGHT_TO_LEFT, TF, TJ, TOKEN, CidFont
from .objects import resolve

MARKS = {"Mn", "Mc", "Me"}


def give_actual_text(
    pdf: Any, fonts: dict[bytes, CidFont], texts: dict[tuple[int, int], str]
) -> int:
    """Put ``/ActualText`` on each marked-content sequence whose glyphs do not copy out as its text.

    ``texts`` is the layout's text by (page index, MCID). Returns how many
    sequences got one. Runs after the other text mends (their codes are
    read here through :func:`copied_text`).
    """
    given = 0
    for page_index, reference in enumerate(pdf.page_references):
        stream = resolve(pdf, resolve(pdf, reference)["Contents"])
        for properties, copied in _sequences(stream.stream, fonts):
            text = texts.get((page_index, properties["MCID"]))
            if text is not None and needs_actual_text(text, copied):
                properties["ActualText"] = pydyf.String(text)
                given += 1
    return given


def needs_actual_text(text: str, copied: str) -> bool:
    """Whether a left-to-right run of ``text`` (its glyphs copy out ``copied``) needs /ActualText.

    It does when the glyphs' text differs from the run's, or when the run
    has combining marks, which extractors place by position, away from
    their letter.

    >>> needs_actual_text("निगम", "नगम"), needs_actual_text("ผู้", "ผู้")
    (True, True)
    >>> needs_actual_text("Plain words", "Plain words")
    False
    >>> needs_actual_text("سلام", "مالس")  # right to left: mended in ToUnicode
    False
    """
    if any(unicodedata.bidirectional(char) in RIGHT_TO_LEFT for char in text):
        return False
    shown = "".join(char for char in text if unicodedata.category(char) != "Cf")
    if "".join(copied.split()) != "".join(shown.split()):
        return True
    return any(unicodedata.category(char) in MARKS for char in text)


def _sequences(operations: list[Any], fonts: dict[bytes, CidFont]) -> list[tuple[Any, str]]:
    """Each marked-content sequence with an MCID: its properties and its glyphs' copied text."""
    found: list[tuple[Any, str]] = []
    open_sequences: list[tuple[Any, list[str]] | None] = []
    font: CidFont | None = None
    for index, operation in enumerate(operations):
        if operation == b"BDC":
            properties = operations[index - 1]
            has_mcid = isinstance(properties, pydyf.Dictionary) and "MCID" in properties
            open_sequences.append((properties, []) if has_mcid else None)
        elif operation == b"BMC":
            open_sequences.append(None)
        elif operation == b"EMC" and open_sequences:
            sequence = open_sequences.pop()
            if sequence is not None:
                found.append((sequence[0], "".join(sequence[1])))
        elif not isinstance(operation, bytes):
            continue
        elif match := TF.match(operation):
            font = fonts.get(match.group(1))
        elif (match := TJ.match(operation)) and open_sequences and open_sequences[-1]:
            open_sequences[-1][1].append(copied_text(match.group(1), font))
    return found


def copied_text(array: bytes, font: CidFont | None) -> str:
    """The text a ``TJ`` array's glyphs copy out as, by ``font``'s ToUnicode (and added codes)."""
    if font is None:
        return ""
    added = {cid: text for (_, text, _), cid in font.added.items()}
    codes = b"".join(
        bytes.fromhex(token[1:-1].decode("ascii"))
        for token in TOKEN.findall(array)
        if token.startswith(b"<")
    )
    cids = [int.from_bytes(codes[i : i + 2], "big") for i in range(0, len(codes) - 1, 2)]
    return "".join(added.get(cid, font.text.get(cid, "")) for cid in cids)
