"""Language packs: everything that varies by language, one data file per language.

A pack (``packs/<tag>.json``) holds the boilerplate strings (and which of them a
native speaker has yet to review), the words of page chrome, byline and credit
patterns, sentence-splitting exceptions, digits and calendar, the font script and
the speech voices. Readers, writers, speech and checks ask the pack; adding a
language means adding one file here and its test articles.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

FALLBACK = "en"


@dataclass(frozen=True)
class Pack:
    """The language data of one language (one ``packs/<tag>.json`` file)."""

    tag: str
    name: str
    script: str
    direction: Literal["ltr", "rtl"]
    cldr_locale: str | None
    digits: str = "latn"
    calendar: str = "gregorian"
    months: tuple[str, ...] = ()
    month_spellings: tuple[tuple[str, ...], ...] = ()
    """Other spellings pages use for each month of the calendar (12 entries, or none)."""
    other_calendars: dict[str, list[list[str]]] = field(default_factory=dict)
    """Month spellings of other calendars the language's pages date things in, by calendar
    (Nepali's Bikram Sambat): recognised in dates, never used to write one."""
    date_pattern: str = ""
    font_script: str = "latin"
    voices: dict[str, str] = field(default_factory=dict)
    strings: dict[str, str] = field(default_factory=dict)
    review: tuple[str, ...] = ()
    punctuation: dict[str, str] = field(default_factory=dict)
    chrome: tuple[str, ...] = ()
    end_markers: tuple[str, ...] = ()
    byline_words: tuple[str, ...] = ()
    byline_prefixes: tuple[str, ...] = ()
    """A "by" taken off only a line that is a byline by its position (next to a date line):
    written joined to the name (Amharic "በ" in "በዳዊት"), or a word too common to find
    bylines by (Swahili "na ", also "and"; "Na" begins sentences of other languages)."""
    credit_starts: tuple[str, ...] = ()
    photo_words: tuple[str, ...] = ()
    credit_labels: tuple[str, ...] = ()
    """Words that label a picture's credit after a caption ("Photo:", "Bild:", "Source:")."""
    and_words: tuple[str, ...] = ()
    role_words: tuple[str, ...] = ()
    updated_words: tuple[str, ...] = ()
    published_words: tuple[str, ...] = ()
    day_suffixes: tuple[str, ...] = ()
    year_words: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    capitalises_sentences: bool = True
    generic_link_text: tuple[str, ...] = ()
    sources: dict[str, str] = field(default_factory=dict)
    """Where the words of a field come from (CLDR, a newsroom's own pages), for reviewers."""

    def voice(self, engine: str, tag: str = "") -> str | None:
        """The voice ``engine`` uses for this language, or None when it has none.

        A region may have its own voice (``espeak-GB``) before the pack's default.

        >>> pack_for("en").voice("espeak"), pack_for("en-GB").voice("espeak", "en-GB")
        ('en-us', 'en')
        """
        region = tag.split("-")[-1].upper() if "-" in tag else ""
        return self.voices.get(f"{engine}-{region}") or self.voices.get(engine) or None


@lru_cache(maxsize=1)
def all_packs() -> dict[str, Pack]:
    """Every pack shipped, by its tag.

    >>> "fa-AF" in all_packs() and "ka" in all_packs()
    True
    """
    folder = resources.files(__package__) / "packs"
    packs = {}
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".json"):
            pack = _pack_from(json.loads(item.read_text(encoding="utf-8")))
            packs[pack.tag] = pack
    return packs


# The fields whose words tell a page's language among close ones (see page_words).
_PAGE_WORD_FIELDS = (
    "chrome",
    "end_markers",
    "byline_words",
    "credit_starts",
    "photo_words",
    "credit_labels",
    "updated_words",
    "published_words",
    "months",
    "role_words",
)


@lru_cache(maxsize=1)
def page_words() -> dict[str, frozenset[str]]:
    """The words each pack knows a page by (its chrome, labels, month names), in lower
    case, by tag: what :func:`newsformats.language.close_language` tells close languages by.

    >>> "vesti" in page_words()["sr-Latn"], "vesti" in page_words()["bs"]
    (True, False)
    """
    import re

    words = {}
    for tag, pack in all_packs().items():
        texts = [str(item) for name in _PAGE_WORD_FIELDS for item in getattr(pack, name, ())]
        words[tag] = frozenset(re.findall(r"[^\W\d_]+", " ".join(texts).casefold()))
    return words


@lru_cache(maxsize=256)
def find_pack(tag: str) -> Pack | None:
    """The pack that serves a BCP 47 tag, or None when no pack does.

    The exact tag first, then the tag with its likely script and region filled
    in (``uz`` is ``uz-Latn``, ``prs`` is ``fa-AF``), then the language alone.

    >>> find_pack("uz").tag, find_pack("prs").tag, find_pack("fa").tag, find_pack("sv")
    ('uz-Latn', 'fa-AF', 'fa-IR', None)
    """
    packs = all_packs()
    if tag in packs:
        return packs[tag]
    import langcodes

    try:
        wanted = langcodes.Language.get(tag).maximize()
    except (ValueError, LookupError):
        return None
    same_language = [p for p in packs.values() if _maximized(p.tag).language == wanted.language]
    for match in (
        lambda m: m.script == wanted.script and m.territory == wanted.territory,
        lambda m: m.script == wanted.script,
        lambda m: True,
    ):
        found = [p for p in same_language if match(_maximized(p.tag))]
        if found:
            return found[0]
    return None


def pack_for(tag: str) -> Pack:
    """The pack for a tag, or the English pack when no pack serves it.

    >>> pack_for("ka").script, pack_for("fa-AF").calendar
    ('Geor', 'persian')
    """
    return find_pack(tag) or all_packs()[FALLBACK]


def pack_notice(tag: str) -> str | None:
    """One line to show when no pack serves ``tag`` (the reader then gets English words).

    >>> pack_notice("ka") is None, pack_notice("sv")
    (True, "no language pack for 'sv': page words (skip link, 'Photo', 'Listen'…) are in English")
    """
    if find_pack(tag) is not None:
        return None
    return (
        f"no language pack for {tag!r}: page words (skip link, 'Photo', 'Listen'…) are in English"
    )


@lru_cache(maxsize=64)
def _maximized(tag: str) -> Any:
    import langcodes

    return langcodes.Language.get(tag).maximize()


def _pack_from(data: dict[str, Any]) -> Pack:
    values: dict[str, Any] = {
        key: tuple(tuple(v) if isinstance(v, list) else v for v in value)
        if isinstance(value, list)
        else value
        for key, value in data.items()
    }
    return Pack(**values)
