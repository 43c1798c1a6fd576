"""The project's one sentence segmenter, on plain text: abbreviations, initials, quotes, numbers.

Its exceptions (abbreviations, whether the script capitalises sentences) come
from the language packs. The model derives alt text with it, and
:mod:`newsformats.sentences` cuts inline content with it for the document tree
and speech, so a sentence is the same everywhere.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from .pack import all_packs, find_pack, pack_for

# Full stop, question and exclamation marks of the scripts newsrooms write in,
# with the Arabic question mark, the Urdu full stop, the Armenian full stop, the dandas,
# the Ethiopic full stop and question mark, the Greek question mark, and CJK. A pack
# may add its language's own question mark (Greek writes ";", which NFC gives for "\u037e").
TERMINALS = ".!?…؟۔։।॥።፧\u037e。！？"
# The full stops among them: a line ending with one is a sentence, not a title.
FULL_STOPS = ".۔։।॥።。"
_CLOSERS = "\"'”’»)]›"
_OPENERS = "\"'“‘«(\\[‹¿¡„"

# Scripts without spaces end sentences at these marks whatever follows.
_CJK_END = re.compile(r"[。！？]+[」』”）]*")
_WORD_BEFORE = re.compile(r"(\S+)$")


def split_text(text: str, language: str) -> list[str]:
    """Split plain text into sentences.

    >>> split_text('Dr. Zas met U.S. envoys on Sept. 15. "It went well," he said. Then?', "en")
    ['Dr. Zas met U.S. envoys on Sept. 15.', '"It went well," he said.', 'Then?']
    """
    cuts = [0, *sentence_starts(text, language), len(text)]
    pieces = (text[start:end].strip() for start, end in pairwise(cuts))
    return [piece for piece in pieces if piece]


def first_sentence(text: str, language: str) -> str:
    """The first sentence of ``text``, white space collapsed.

    >>> first_sentence("U.S. President Joe Biden spoke. Others listened.", "en")
    'U.S. President Joe Biden spoke.'
    """
    text = " ".join(text.split())
    starts = sentence_starts(text, language)
    return text[: starts[0]].rstrip() if starts else text


def sentence_starts(text: str, language: str) -> list[int]:
    """Offsets in ``text`` where a new sentence begins (after the first).

    >>> sentence_starts("Սա առաջինն է։ Սա երկրորդն է։", "hy")
    [14]
    """
    abbreviations, capitalised = _rules(language)
    starts: list[int] = []
    for match in _candidate(language).finditer(text):
        start = len(text) - len(text[match.end() :].lstrip())
        if start >= len(text) or not _opens_sentence(text[start:], capitalised):
            continue
        if match.group().startswith(".") and _is_abbreviation(text[: match.start()], abbreviations):
            continue
        if match.group() == "." and _is_ordinal_day(text[: match.start()], text[start:], language):
            continue
        starts.append(start)
    for match in _CJK_END.finditer(text):
        start = len(text) - len(text[match.end() :].lstrip())
        if start < len(text):
            starts.append(start)
    return sorted(set(starts))


@lru_cache(maxsize=64)
def _candidate(language: str) -> re.Pattern[str]:
    """A candidate end: terminal punctuation (with the pack's own question mark, Greek
    ";"), optional closing quotes, then space.

    >>> bool(_candidate("el").search("Θα έρθει; Ναι.")), bool(_candidate("en").search("A; b"))
    (True, False)
    """
    own = "" if language in ("", "und") else pack_for(language).punctuation.get("question", "")
    marks = TERMINALS + "".join(mark for mark in own if mark not in TERMINALS)
    return re.compile(rf"[{re.escape(marks)}]+[{re.escape(_CLOSERS)}]*(?=\s)")


def _opens_sentence(rest: str, capitalised: bool) -> bool:
    first = rest.lstrip(_OPENERS)[:1]
    if not first:
        return False
    if first.isdigit() or first.isupper():
        return True
    # Scripts without letter case (Arabic, Persian…), and Georgian, whose capitals
    # (Mtavruli) are not used to start sentences, start them with any letter.
    return first.isalpha() and (not capitalised or first.lower() == first.upper())


def _is_abbreviation(before: str, abbreviations: frozenset[str]) -> bool:
    match = _WORD_BEFORE.search(before)
    if not match:
        return False
    word = match.group(1).lstrip(_OPENERS)
    # Initials and dotted initialisms: "V.", "U.S.", "J.K."
    if (
        re.fullmatch(r"(?:\w\.)*\w", word)
        and len(word.replace(".", "")) <= 3
        and word[:1].isupper()
    ):
        return True
    return word.casefold() in abbreviations


def _is_ordinal_day(before: str, after: str, language: str) -> bool:
    """'12. März': a day written as an ordinal, then a month name, in a language whose
    dates are written so (CLDR's long date pattern has 'd.')."""
    months = _ordinal_months(language)
    if not months or not re.search(r"(?<![\w.])\d{1,2}$", before):
        return False
    word = re.match(r"[^\W\d_]+", after)
    return word is not None and word.group().casefold() in months


@lru_cache(maxsize=64)
def _ordinal_months(language: str) -> frozenset[str]:
    """The month names of a language that writes its days as ordinals ('d. MMMM y')."""
    from babel import Locale, UnknownLocaleError
    from babel.dates import get_date_format, get_month_names

    if language in ("", "und"):
        return frozenset()
    pack = find_pack(language)
    locale_name = pack.cldr_locale if pack is not None else language
    if locale_name is None:
        return frozenset()
    try:
        locale = Locale.parse(locale_name.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return frozenset()
    if "d." not in get_date_format("long", locale=locale).pattern:
        return frozenset()
    return frozenset(
        str(name).casefold().rstrip(".")
        for width in ("wide", "abbreviated")
        for name in get_month_names(width, "format", locale=locale).values()
    )


@lru_cache(maxsize=64)
def _rules(language: str) -> tuple[frozenset[str], bool]:
    if language in ("", "und"):
        # Language unknown (a caption on its own): every pack's abbreviations, so
        # that no abbreviation ends a sentence; a missed cut costs less than a wrong one.
        return frozenset(a for p in all_packs().values() for a in p.abbreviations), True
    pack = pack_for(language)
    return frozenset(pack.abbreviations), pack.capitalises_sentences
