"""Fonts the PDF takes from the system: Noto CJK and Noto Color Emoji, found through fontconfig.

Chinese, Japanese and Korean are not bundled (Debian's ``fonts-noto-cjk`` is a
56 MB package; see docs/pdf.md), nor is emoji (``fonts-noto-color-emoji``, an
11 MB font). The print page names the installed families ("Noto Serif CJK JP",
"Noto Color Emoji") in its font stacks, and Pango finds them through the same
fontconfig configuration this module asks: a page is only set in them when
this module has found them, so nothing falls back silently.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CJK_PACKAGE = "fonts-noto-cjk"
"""The Debian package that installs Noto Serif/Sans CJK."""

EMOJI_FAMILY = "Noto Color Emoji"
"""The family that sets emoji (colour bitmaps, drawn into the PDF as images over their text)."""

EMOJI_PACKAGE = "fonts-noto-color-emoji"
"""The Debian package that installs :data:`EMOJI_FAMILY`."""


@dataclass(frozen=True)
class SystemFace:
    """An installed face: its file and, in a collection (``.ttc``), its number there."""

    path: Path
    index: int


def cjk_region(language: str, text: str = "") -> str:
    """The Noto CJK region ("JP", "KR", "SC", "TC", "HK") for a language tag, else for the letters.

    Chinese in Traditional characters (``zh-Hant``, Taiwan) is TC, Hong Kong's and
    Macau's is HK, any other Chinese SC. Without a CJK language, kana mean
    Japanese, Hangul Korean, and Han alone Simplified Chinese.

    >>> [cjk_region(tag) for tag in ("ja", "ko-KR", "zh", "zh-Hans-CN", "zh-TW", "zh-Hant")]
    ['JP', 'KR', 'SC', 'SC', 'TC', 'TC']
    >>> cjk_region("zh-HK"), cjk_region("yue-Hant-MO")
    ('HK', 'HK')
    >>> cjk_region("en", "東京 and ソウル"), cjk_region("en", "서울"), cjk_region("de", "北京")
    ('JP', 'KR', 'SC')
    """
    primary, *subtags = language.lower().replace("_", "-").split("-")
    if primary == "ja":
        return "JP"
    if primary == "ko":
        return "KR"
    if primary in ("zh", "yue", "cmn"):
        if {"hk", "mo"} & set(subtags):
            return "HK"
        return "TC" if {"hant", "tw"} & set(subtags) else "SC"
    names = {_first_word(char) for char in text if ord(char) > 0x2E7F}
    if names & {"HIRAGANA", "KATAKANA"}:
        return "JP"
    return "KR" if "HANGUL" in names else "SC"


def _first_word(char: str) -> str:
    return unicodedata.name(char, "UNKNOWN").split()[0]


def cjk_families(region: str) -> tuple[str, str]:
    """The serif and sans family of a region, as fontconfig names them.

    >>> cjk_families("JP")
    ('Noto Serif CJK JP', 'Noto Sans CJK JP')
    """
    return f"Noto Serif CJK {region}", f"Noto Sans CJK {region}"


def system_face(family: str, bold: bool = False) -> SystemFace | None:
    """The installed face of ``family`` (Regular or Bold) that fontconfig lists, if any.

    Exactly that family and style: no substitute (fontconfig's matching would
    always answer with some font).
    """
    style = "Bold" if bold else "Regular"
    path = _installed().get((family, style))
    return SystemFace(path, _index(path, family, style)) if path else None


@cache
def _installed() -> dict[tuple[str, str], Path]:
    """(family, style) → file, for each CJK and emoji font fontconfig lists (as Pango sees them)."""
    from weasyprint.text.ffi import ffi, fontconfig

    config = ffi.gc(fontconfig.FcInitLoadConfigAndFonts(), fontconfig.FcConfigDestroy)
    fonts = fontconfig.FcConfigGetFonts(config, fontconfig.FcSetSystem)
    found: dict[tuple[str, str], Path] = {}
    if fonts == ffi.NULL:
        return found
    value = ffi.new("FcChar8 **")
    for number in range(fonts.nfont):
        pattern = fonts.fonts[number]

        def strings(name: bytes, pattern: object = pattern) -> list[str]:
            values: list[str] = []
            while fontconfig.FcPatternGetString(pattern, name, len(values), value) == 0:
                values.append(ffi.string(value[0]).decode("utf-8", "replace"))
            return values

        files = strings(b"file")
        families = " ".join(strings(b"family"))
        if not files or ("CJK" not in families and EMOJI_FAMILY not in families):
            continue
        for family in strings(b"family"):
            for style in strings(b"style"):
                found.setdefault((family, style), Path(files[0]))
    return found


@cache
def _index(path: Path, family: str, style: str) -> int:
    """The number of the face named ``family`` ``style`` in a collection (0 in a single font)."""
    from fontTools.ttLib import TTCollection  # type: ignore[import-untyped]

    if path.suffix.lower() not in (".ttc", ".otc"):
        return 0
    with TTCollection(path, lazy=True) as collection:
        for number, font in enumerate(collection.fonts):
            names = font["name"]
            typographic = names.getDebugName(16) or names.getDebugName(1)
            subfamily = names.getDebugName(17) or names.getDebugName(2)
            if typographic == family and subfamily == style:
                return number
    return 0
