"""Words in any script, for the readers' regular expressions.

Python's ``\\w`` leaves out combining marks, so ``[^\\W\\d_]+`` cuts a Hindi word at
each vowel sign ("अपडेटेड" → "अपड", "ट", "ड") and a Thai or Bengali one likewise.
:data:`WORD` is one word: letters with the marks that belong to them.
"""

from __future__ import annotations

import re
import unicodedata


def _mark_ranges() -> str:
    """The combining marks of the Basic Multilingual Plane, as a character class body."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x0300, 0x10000):
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )


MARKS = f"[{_mark_ranges()}]"
# One word: a letter, then letters and marks ("अपडेटेड", "প্রকাশিত", "Thứ").
WORD = rf"[^\W\d_](?:[^\W\d_]|{MARKS})*"
