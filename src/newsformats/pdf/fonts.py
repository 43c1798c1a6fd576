"""The fonts every PDF is set in: bundled Noto faces, never what happens to be installed.

``SCRIPT_FONTS`` names the serif and sans family of each script (one table, to
move into the language packs); ``FACES`` names the file of each family's
weight and style, in ``newsformats/fonts/`` (OFL, see ``OFL.txt`` there).
The print page declares them with ``@font-face`` under names of our own, so
no installed font can stand in for them, and :func:`check_coverage` stops a
page with a letter none of them has before WeasyPrint would quietly take one
from the system (or draw an empty box). The exceptions are Chinese, Japanese
and Korean, and emoji: their Noto CJK families and Noto Color Emoji are taken
from the system, by name, once :mod:`newsformats.pdf.systemfonts` has found
them installed.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from ..errors import UsageError
from .systemfonts import (
    CJK_PACKAGE,
    EMOJI_FAMILY,
    EMOJI_PACKAGE,
    cjk_families,
    cjk_region,
    system_face,
)

FAMILY_PREFIX = "newsformats "
"""Our ``@font-face`` names are "newsformats Noto Serif"…: nothing installed matches them."""


@dataclass(frozen=True)
class ScriptFonts:
    """The families that set one script: body text (serif) and furniture (sans)."""

    serif: str
    sans: str


SCRIPT_FONTS: dict[str, ScriptFonts] = {
    "LATIN": ScriptFonts("Noto Serif", "Noto Sans"),
    "GREEK": ScriptFonts("Noto Serif", "Noto Sans"),
    "CYRILLIC": ScriptFonts("Noto Serif", "Noto Sans"),
    # Naskh: its copied text is right; Noto Sans Arabic's is not (docs/pdf.md).
    "ARABIC": ScriptFonts("Noto Naskh Arabic", "Noto Naskh Arabic"),
    "ARMENIAN": ScriptFonts("Noto Serif Armenian", "Noto Sans Armenian"),
    "GEORGIAN": ScriptFonts("Noto Serif Georgian", "Noto Sans Georgian"),
    "HEBREW": ScriptFonts("Noto Serif Hebrew", "Noto Sans Hebrew"),
    "DEVANAGARI": ScriptFonts("Noto Serif Devanagari", "Noto Sans Devanagari"),
    "THAI": ScriptFonts("Noto Serif Thai", "Noto Sans Thai"),
    "ETHIOPIC": ScriptFonts("Noto Serif Ethiopic", "Noto Sans Ethiopic"),
    "BENGALI": ScriptFonts("Noto Serif Bengali", "Noto Sans Bengali"),
    "TAMIL": ScriptFonts("Noto Serif Tamil", "Noto Sans Tamil"),
    "GURMUKHI": ScriptFonts("Noto Serif Gurmukhi", "Noto Sans Gurmukhi"),
    "GUJARATI": ScriptFonts("Noto Serif Gujarati", "Noto Sans Gujarati"),
    "SINHALA": ScriptFonts("Noto Serif Sinhala", "Noto Sans Sinhala"),
    "MYANMAR": ScriptFonts("Noto Serif Myanmar", "Noto Sans Myanmar"),
    "KHMER": ScriptFonts("Noto Serif Khmer", "Noto Sans Khmer"),
    "LAO": ScriptFonts("Noto Serif Lao", "Noto Sans Lao"),
    "TELUGU": ScriptFonts("Noto Serif Telugu", "Noto Sans Telugu"),
    "KANNADA": ScriptFonts("Noto Serif Kannada", "Noto Sans Kannada"),
    "MALAYALAM": ScriptFonts("Noto Serif Malayalam", "Noto Sans Malayalam"),
    # Odia ("ORIYA" in Unicode names) has no Noto Serif in fonts-noto-core 20201225,
    # Tibetan no Noto Sans: the one family sets both roles.
    "ORIYA": ScriptFonts("Noto Sans Oriya", "Noto Sans Oriya"),
    "TIBETAN": ScriptFonts("Noto Serif Tibetan", "Noto Serif Tibetan"),
}
"""Script (the first word of a letter's Unicode name) → its families."""

SYMBOL_FAMILIES = ("Noto Sans Math", "Noto Sans Symbols 2", "Noto Sans Symbols")
"""Fallbacks after every script's families, for both roles: a stray symbol of a text
(∞, arrows such as ↩ in Noto Sans Math; ✓, ★, ⌘ in Noto Sans Symbols 2; what those lack
of the same blocks, such as the key symbols ⌃ and ⎋, in Noto Sans Symbols) does not
stop its PDF."""

CJK_SCRIPTS = frozenset({"CJK", "HAN", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO", "IDEOGRAPHIC"})
"""Scripts set by Noto Serif/Sans CJK, found on the system, not bundled (docs/pdf.md)."""

FACES: dict[str, dict[tuple[int, str], str]] = {
    "Noto Serif": {
        (400, "normal"): "NotoSerif-Regular.ttf",
        (700, "normal"): "NotoSerif-Bold.ttf",
        (400, "italic"): "NotoSerif-Italic.ttf",
    },
    "Noto Sans": {
        (400, "normal"): "NotoSans-Regular.ttf",
        (700, "normal"): "NotoSans-Bold.ttf",
    },
    "Noto Naskh Arabic": {
        (400, "normal"): "NotoNaskhArabic-Regular.ttf",
        (700, "normal"): "NotoNaskhArabic-Bold.ttf",
    },
    "Noto Serif Armenian": {
        (400, "normal"): "NotoSerifArmenian-Regular.ttf",
        (700, "normal"): "NotoSerifArmenian-Bold.ttf",
    },
    "Noto Sans Armenian": {
        (400, "normal"): "NotoSansArmenian-Regular.ttf",
        (700, "normal"): "NotoSansArmenian-Bold.ttf",
    },
    "Noto Serif Georgian": {
        (400, "normal"): "NotoSerifGeorgian-Regular.ttf",
        (700, "normal"): "NotoSerifGeorgian-Bold.ttf",
    },
    "Noto Sans Georgian": {
        (400, "normal"): "NotoSansGeorgian-Regular.ttf",
        (700, "normal"): "NotoSansGeorgian-Bold.ttf",
    },
    "Noto Serif Hebrew": {
        (400, "normal"): "NotoSerifHebrew-Regular.ttf",
        (700, "normal"): "NotoSerifHebrew-Bold.ttf",
    },
    "Noto Sans Hebrew": {
        (400, "normal"): "NotoSansHebrew-Regular.ttf",
        (700, "normal"): "NotoSansHebrew-Bold.ttf",
    },
    "Noto Serif Devanagari": {
        (400, "normal"): "NotoSerifDevanagari-Regular.ttf",
        (700, "normal"): "NotoSerifDevanagari-Bold.ttf",
    },
    "Noto Sans Devanagari": {
        (400, "normal"): "NotoSansDevanagari-Regular.ttf",
        (700, "normal"): "NotoSansDevanagari-Bold.ttf",
    },
    "Noto Serif Thai": {
        (400, "normal"): "NotoSerifThai-Regular.ttf",
        (700, "normal"): "NotoSerifThai-Bold.ttf",
    },
    "Noto Sans Thai": {
        (400, "normal"): "NotoSansThai-Regular.ttf",
        (700, "normal"): "NotoSansThai-Bold.ttf",
    },
    "Noto Serif Ethiopic": {
        (400, "normal"): "NotoSerifEthiopic-Regular.ttf",
        (700, "normal"): "NotoSerifEthiopic-Bold.ttf",
    },
    "Noto Sans Ethiopic": {
        (400, "normal"): "NotoSansEthiopic-Regular.ttf",
        (700, "normal"): "NotoSansEthiopic-Bold.ttf",
    },
    "Noto Serif Bengali": {
        (400, "normal"): "NotoSerifBengali-Regular.ttf",
        (700, "normal"): "NotoSerifBengali-Bold.ttf",
    },
    "Noto Sans Bengali": {
        (400, "normal"): "NotoSansBengali-Regular.ttf",
        (700, "normal"): "NotoSansBengali-Bold.ttf",
    },
    "Noto Serif Tamil": {
        (400, "normal"): "NotoSerifTamil-Regular.ttf",
        (700, "normal"): "NotoSerifTamil-Bold.ttf",
    },
    "Noto Sans Tamil": {
        (400, "normal"): "NotoSansTamil-Regular.ttf",
        (700, "normal"): "NotoSansTamil-Bold.ttf",
    },
    "Noto Serif Gurmukhi": {
        (400, "normal"): "NotoSerifGurmukhi-Regular.ttf",
        (700, "normal"): "NotoSerifGurmukhi-Bold.ttf",
    },
    "Noto Sans Gurmukhi": {
        (400, "normal"): "NotoSansGurmukhi-Regular.ttf",
        (700, "normal"): "NotoSansGurmukhi-Bold.ttf",
    },
    "Noto Serif Gujarati": {
        (400, "normal"): "NotoSerifGujarati-Regular.ttf",
        (700, "normal"): "NotoSerifGujarati-Bold.ttf",
    },
    "Noto Sans Gujarati": {
        (400, "normal"): "NotoSansGujarati-Regular.ttf",
        (700, "normal"): "NotoSansGujarati-Bold.ttf",
    },
    "Noto Serif Sinhala": {
        (400, "normal"): "NotoSerifSinhala-Regular.ttf",
        (700, "normal"): "NotoSerifSinhala-Bold.ttf",
    },
    "Noto Sans Sinhala": {
        (400, "normal"): "NotoSansSinhala-Regular.ttf",
        (700, "normal"): "NotoSansSinhala-Bold.ttf",
    },
    "Noto Serif Myanmar": {
        (400, "normal"): "NotoSerifMyanmar-Regular.ttf",
        (700, "normal"): "NotoSerifMyanmar-Bold.ttf",
    },
    "Noto Sans Myanmar": {
        (400, "normal"): "NotoSansMyanmar-Regular.ttf",
        (700, "normal"): "NotoSansMyanmar-Bold.ttf",
    },
    "Noto Serif Khmer": {
        (400, "normal"): "NotoSerifKhmer-Regular.ttf",
        (700, "normal"): "NotoSerifKhmer-Bold.ttf",
    },
    "Noto Sans Khmer": {
        (400, "normal"): "NotoSansKhmer-Regular.ttf",
        (700, "normal"): "NotoSansKhmer-Bold.ttf",
    },
    "Noto Serif Lao": {
        (400, "normal"): "NotoSerifLao-Regular.ttf",
        (700, "normal"): "NotoSerifLao-Bold.ttf",
    },
    "Noto Sans Lao": {
        (400, "normal"): "NotoSansLao-Regular.ttf",
        (700, "normal"): "NotoSansLao-Bold.ttf",
    },
    "Noto Serif Telugu": {
        (400, "normal"): "NotoSerifTelugu-Regular.ttf",
        (700, "normal"): "NotoSerifTelugu-Bold.ttf",
    },
    "Noto Sans Telugu": {
        (400, "normal"): "NotoSansTelugu-Regular.ttf",
        (700, "normal"): "NotoSansTelugu-Bold.ttf",
    },
    "Noto Serif Kannada": {
        (400, "normal"): "NotoSerifKannada-Regular.ttf",
        (700, "normal"): "NotoSerifKannada-Bold.ttf",
    },
    "Noto Sans Kannada": {
        (400, "normal"): "NotoSansKannada-Regular.ttf",
        (700, "normal"): "NotoSansKannada-Bold.ttf",
    },
    "Noto Serif Malayalam": {
        (400, "normal"): "NotoSerifMalayalam-Regular.ttf",
        (700, "normal"): "NotoSerifMalayalam-Bold.ttf",
    },
    "Noto Sans Malayalam": {
        (400, "normal"): "NotoSansMalayalam-Regular.ttf",
        (700, "normal"): "NotoSansMalayalam-Bold.ttf",
    },
    "Noto Sans Oriya": {
        (400, "normal"): "NotoSansOriya-Regular.ttf",
        (700, "normal"): "NotoSansOriya-Bold.ttf",
    },
    # Regular only: its Bold would add 558,120 bytes for headings (Pango emboldens the Regular).
    "Noto Serif Tibetan": {(400, "normal"): "NotoSerifTibetan-Regular.ttf"},
    "Noto Sans Math": {(400, "normal"): "NotoSansMath-Regular.ttf"},
    "Noto Sans Symbols 2": {(400, "normal"): "NotoSansSymbols2-Regular.ttf"},
    "Noto Sans Symbols": {(400, "normal"): "NotoSansSymbols-Regular.ttf"},
}
"""Family → (weight, style) → file. A face not listed is synthesised from the nearest."""


def fonts_dir() -> Path:
    """The folder of the bundled font files (read-only package data).

    >>> (fonts_dir() / "OFL.txt").is_file()
    True
    """
    return Path(str(resources.files("newsformats").joinpath("fonts")))


def font_css(text: str, language: str = "") -> str:
    """``@font-face`` rules for the faces ``text`` needs, and the two stacks the print CSS uses.

    ``--nf-serif`` and ``--nf-sans`` list the families that together have every
    character of ``text`` (:func:`families_for`). Only those are declared: a
    fresh ``FontConfiguration`` copies and registers each declared file (the
    writer's own, :func:`newsformats.pdf.render.font_configuration`, has them
    all registered already, and the rules cost it a lookup each). Installed
    families (Noto CJK) need no rule: fontconfig has them. The installed emoji
    font gets one under our name (:func:`emoji_face`).

    >>> font_css("سلام دنیا").splitlines()[-1][:52]
    ':root { --nf-serif: "newsformats Noto Naskh Arabic";'
    """
    serif, sans = families_for(text, "serif", language), families_for(text, "sans", language)
    stacks = f":root {{ --nf-serif: {_stack(serif)}; --nf-sans: {_stack(sans)}; }}"
    bundled = [family for family in dict.fromkeys([*serif, *sans]) if family in FACES]
    emoji = [emoji_face()] if EMOJI_FAMILY in serif + sans else []
    return "\n".join([font_faces(bundled), *emoji, stacks])


def font_faces(families: Iterable[str] = FACES) -> str:
    """``@font-face`` rules for every face of ``families`` (all bundled families by default).

    >>> font_faces(["Noto Sans"]).count("@font-face")
    2
    """
    folder = fonts_dir()
    return "\n".join(
        f'@font-face {{ font-family: "{FAMILY_PREFIX}{family}"; font-weight: {weight}; '
        f'font-style: {style}; src: url("{(folder / name).as_uri()}"); }}'
        for family in families
        for (weight, style), name in FACES[family].items()
    )


def emoji_face() -> str:
    """The ``@font-face`` of the installed Noto Color Emoji, under our name, for emoji only.

    Declared with a ``unicode-range`` of its characters outside ASCII: Pango
    prefers a colour font for a character with an emoji form, and would set the
    digits, "#", "*" and the spaces beside them in it (its own, monospaced).
    Under our name, no other installed font can stand in for it.
    """
    face = system_face(EMOJI_FAMILY)
    if face is None:
        return ""
    return (
        f'@font-face {{ font-family: "{FAMILY_PREFIX}{EMOJI_FAMILY}"; '
        f'src: url("{face.path.as_uri()}"); unicode-range: {_emoji_ranges()}; }}'
    )


@cache
def _emoji_ranges() -> str:
    """The emoji font's characters beyond ASCII as CSS ranges ("U+A9, U+AE, U+203C, …")."""
    points = sorted(point for point in family_cmap(EMOJI_FAMILY) if point > 0x7F)
    ranges: list[list[int]] = []
    for point in points:
        if ranges and point == ranges[-1][1] + 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return ", ".join(
        f"U+{start:X}" if start == end else f"U+{start:X}-{end:X}" for start, end in ranges
    )


def _stack(families: list[str]) -> str:
    return ", ".join(
        f'"{FAMILY_PREFIX if family in FACES or family == EMOJI_FAMILY else ""}{family}"'
        for family in families
    )


def families_for(text: str, role: str, language: str = "") -> list[str]:
    """The ``role`` ("serif" or "sans") families that ``text`` needs, its main script's first.

    The main script's family sets the punctuation and digits around its
    letters; another family joins only for characters the ones before lack.
    Chinese, Japanese and Korean take the installed Noto CJK family of the
    ``language``'s region (:func:`cjk_fonts`), if there is one.

    >>> families_for("Ես սիրում եմ Yerevan", "sans")
    ['Noto Sans Armenian', 'Noto Sans']
    >>> families_for("Hello ۱۲", "serif")
    ['Noto Serif', 'Noto Naskh Arabic']
    """
    cjk = cjk_fonts(language, text)
    main = SCRIPT_FONTS.get(main_script(text), SCRIPT_FONTS["LATIN"])
    if cjk and main_script(text) in CJK_SCRIPTS:
        main = cjk
    fonts = [main, *SCRIPT_FONTS.values(), *([cjk] if cjk else [])]
    families = [*(getattr(each, role) for each in fonts), *SYMBOL_FAMILIES, EMOJI_FAMILY]
    remaining = {ord(char) for char in _shown(text)}
    chosen: list[str] = []
    for family in dict.fromkeys(families):
        if chosen and not remaining:
            break  # the installed emoji font is only looked for when a character needs it
        found = remaining & family_cmap(family)
        if found or not chosen:
            chosen.append(family)
            remaining -= found
    return chosen


def cjk_fonts(language: str, text: str) -> ScriptFonts | None:
    """The installed Noto Serif/Sans CJK families for ``text`` in ``language``, if both are there.

    None when ``text`` has no CJK letter (no system font is asked for then).
    """
    if not any(script_of(char) in CJK_SCRIPTS for char in _shown(text) if ord(char) > 0x2E7F):
        return None
    serif, sans = cjk_families(cjk_region(language, text))
    if system_face(serif) is None or system_face(sans) is None:
        return None
    return ScriptFonts(serif, sans)


@lru_cache(maxsize=4)  # asked for each family role of one page
def main_script(text: str) -> str:
    """The script most letters of ``text`` are written in ("LATIN", "ARABIC"…).

    >>> main_script("Ես սիրում եմ Yerevan")
    'ARMENIAN'
    """
    scripts: Counter[str] = Counter()
    for char, count in Counter(text).items():
        if char.isalpha():
            scripts[script_of(char)] += count
    return scripts.most_common(1)[0][0] if scripts else "LATIN"


def script_of(char: str) -> str:
    """The script of a character, as the first word of its Unicode name ("CYRILLIC").

    >>> script_of("ა"), script_of("ب")
    ('GEORGIAN', 'ARABIC')
    """
    return unicodedata.name(char, "UNKNOWN").split()[0]


@cache
def family_cmap(family: str) -> frozenset[int]:
    """The code points a family has glyphs for (its regular face): bundled, or else installed."""
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    if family in FACES:
        path, index = fonts_dir() / FACES[family][400, "normal"], 0
    else:
        face = system_face(family)
        if face is None:
            return frozenset()
        path, index = face.path, face.index
    with TTFont(path, fontNumber=index, lazy=True) as font:
        return frozenset(font.getBestCmap())


def missing_characters(text: str, language: str = "") -> list[str]:
    """The characters of ``text`` that no bundled font has (spaces and controls aside).

    Nor the installed Noto CJK family of ``language`` (:func:`cjk_fonts`), if any.

    >>> missing_characters("Hello, мир! سلام ۱۲ Բարեւ გამარჯობა")
    []
    >>> missing_characters("नमस्ते สวัสดี ሰላም")
    []
    >>> missing_characters("សួស្តី ສະບາຍດີ")
    []
    >>> missing_characters("ᠮᠣᠩᠭᠣᠯ")
    ['ᠮ', 'ᠣ', 'ᠩ', 'ᠭ', 'ᠯ']
    """
    have = _bundled_cmap()
    missing = [char for char in _shown(text) if ord(char) not in have]
    cjk = cjk_fonts(language, text) if missing else None
    if cjk:
        have = family_cmap(cjk.serif) & family_cmap(cjk.sans)
        missing = [char for char in missing if ord(char) not in have]
    if missing:
        missing = [char for char in missing if ord(char) not in family_cmap(EMOJI_FAMILY)]
    return missing


@cache
def _bundled_cmap() -> frozenset[int]:
    return frozenset().union(*(family_cmap(family) for family in FACES))


def _shown(text: str) -> list[str]:
    """The characters of ``text`` a font has to draw (each once, in order of appearance).

    Not spaces, controls, format characters or variation selectors (the text-style
    U+FE0E after ↩): nothing is drawn for them.
    """
    return [
        char
        for char in dict.fromkeys(text)
        if not char.isspace()
        and unicodedata.category(char) not in ("Cc", "Cf")
        and not unicodedata.name(char, "").startswith("VARIATION SELECTOR")
    ]


def check_coverage(
    text: str, locate: Callable[[str], str | None] = lambda char: None, language: str = ""
) -> None:
    """Stop before rendering when ``text`` has a character no bundled font can show.

    ``locate`` names where a character is (a block id) for the message. Chinese,
    Japanese and Korean letters need the installed Noto CJK family of
    ``language``'s region (:func:`cjk_fonts`); without it the message names the
    Debian package to install.

    WeasyPrint would take it from whatever font is installed (whose copied
    text may be wrong), or draw an empty box: either way the reader would not
    get what the article says, and nobody would be told.

    >>> check_coverage("Ces mots, ces слова, این کلمات")
    >>> check_coverage("ᠮᠣᠩᠭᠣᠯ")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    newsformats.errors.UsageError: no bundled PDF font has 'ᠮ' (U+182E MONGOLIAN LETTER MA) ...
    """
    missing = missing_characters(text, language)
    if not missing:
        return
    emoji = [char for char in missing if is_emoji(char)]
    char = (emoji or missing)[0]
    emoji_font = system_face(EMOJI_FAMILY) is not None if emoji else False
    name = unicodedata.name(char, "unnamed character")
    place = locate(char)
    where = f" in {place}" if place else ""
    others = f" and {len(missing) - 1} more characters" if len(missing) > 1 else ""
    if script_of(char) in CJK_SCRIPTS and cjk_fonts(language, text) is None:
        serif, sans = cjk_families(cjk_region(language, text))
        raise UsageError(
            f"no PDF font has {char!r} (U+{ord(char):04X} {name}){where}{others}; Chinese, "
            f"Japanese and Korean PDFs are set in {serif} and {sans}, which fontconfig does not "
            f"find on this machine: install them with `apt install {CJK_PACKAGE}`"
        )
    if emoji and not emoji_font:
        raise UsageError(
            f"no PDF font has {char!r} (U+{ord(char):04X} {name}){where}{others}; emoji are set "
            f"in {EMOJI_FAMILY}, which fontconfig does not find on this machine: install it "
            f"with `apt install {EMOJI_PACKAGE}`"
        )
    scripts = ", ".join(script.title() for script in SCRIPT_FONTS)
    raise UsageError(
        f"no bundled PDF font has {char!r} (U+{ord(char):04X} {name}){where}{others}; PDFs are set "
        f"in the Noto fonts for {scripts} script that newsformats bundles (and Noto CJK from the "
        f"system); a font with it (such as {_font_with(char)}) would have to be added to "
        "newsformats/pdf/fonts.py"
    )


EMOJI_RANGES = (
    (0x1F000, 0x1FAFF),  # playing cards … symbols and pictographs extended-A
    (0x2600, 0x27BF),  # miscellaneous symbols, dingbats
    (0x2B00, 0x2BFF),  # ⭐, ⬛: miscellaneous symbols and arrows
)
"""The blocks emoji are in (Unicode's emoji data lists single ones elsewhere: ©, ‼, ⌚)."""


def is_emoji(char: str) -> bool:
    """Whether ``char`` is in an emoji block: a missing one asks for Noto Color Emoji.

    >>> [is_emoji(char) for char in "💃🏻🇫☕a"]
    [True, True, True, True, False]
    """
    return any(start <= ord(char) <= end for start, end in EMOJI_RANGES)


def _font_with(char: str) -> str:
    """The Debian font to look in for ``char``.

    >>> _font_with("𓀀")
    "Noto Sans Egyptian from Debian's fonts-noto-core"
    >>> _font_with("日")
    "Noto Sans CJK from Debian's fonts-noto-cjk"
    >>> _font_with("\U0001fae9")  # Unicode 16's face with bags under eyes
    "a newer Noto Color Emoji than fonts-noto-color-emoji's"
    """
    script = script_of(char)
    if is_emoji(char):
        return f"a newer {EMOJI_FAMILY} than {EMOJI_PACKAGE}'s"
    if script in CJK_SCRIPTS:
        return f"Noto Sans CJK from Debian's {CJK_PACKAGE}"
    return f"Noto Sans {script.title()} from Debian's fonts-noto-core"
