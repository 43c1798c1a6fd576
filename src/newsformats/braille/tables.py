"""Which liblouis table writes each language: literary braille, contracted where the
country's braille authority uses contraction in general reading (UEB grade 2 for English).

A language missing here has no braille output; the writer says so in one line.
"""

from __future__ import annotations

from ..language import primary_language
from . import louis

# primary language subtag → liblouis table (in Debian's liblouis-data 3.24)
TABLES: dict[str, str] = {
    "en": "en-ueb-g2.ctb",  # Unified English Braille, grade 2 (ICEB; BANA since 2016)
    "ru": "ru-litbrl.ctb",  # Russian literary braille
    "uk": "uk.utb",
    "be": "bel.utb",
    "bg": "bg.ctb",
    "kk": "kk.utb",
    "ba": "ba.utb",
    "tt": "tt.utb",
    "uz": "uz-g1.utb",
    "mn": "mn-MN-g1.utb",
    "ar": "ar-ar-g1.utb",
    "fa": "fa-ir-g1.utb",
    "prs": "fa-ir-g1.utb",  # Dari is written with the Persian alphabet
    "ur": "ur-pk-g1.utb",
    "tr": "tr-g1.ctb",
    "de": "de-g2.ctb",
    "fr": "fr-bfu-g2.ctb",
    "es": "es-g1.ctb",
    "hy": "hy.ctb",
    "el": "el.ctb",
    "he": "he-IL.utb",
    "hi": "hi-in-g1.utb",
    "cs": "cs-g1.ctb",
    "ro": "ro.ctb",
    "sr": "sr-g1.ctb",
    "hu": "hu-hu-g1.ctb",
    "pt": "pt-pt-g1.utb",
    "nl": "nl-NL-g0.utb",
    "sv": "sv-g1.ctb",
    "fi": "fi.utb",
}


def table_for(language: str) -> str | None:
    """The liblouis table for a BCP 47 tag, or None when there is none installed.

    >>> table_for("en-GB"), table_for("ky")
    ('en-ueb-g2.ctb', None)
    """
    table = TABLES.get(primary_language(language))
    return table if table and louis.table_exists(table) else None
