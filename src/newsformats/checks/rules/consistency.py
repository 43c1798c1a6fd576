"""Rules across one article's outputs: the HTML, the PDF's text, the EPUB chapter, the transcript.

Each rule compares every output with the first one read (the HTML page when
there is one) and names both files and the first passage that differs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from ..findings import Location
from ..loaders.outputs import OutputSet, Rendition, contains, words_of
from ..references import wcag
from ..registry import Problem, rule

SHOWN_WORDS = 8
NOTE_DIGITS = 3
"""A note reference glued to its word has at most this many digits (note 999)."""


def _pairs(outputs: OutputSet) -> Iterator[tuple[Rendition, Rendition]]:
    if not outputs.renditions:
        return
    reference = outputs.renditions[0]
    for other in outputs.renditions[1:]:
        yield reference, other


def _where(other: Rendition) -> Location:
    return Location(member=other.file)


@rule(
    "consistency-readable",
    target="consistency",
    severity="warning",
    summary="Every output of the article can be read for the comparison",
    fix="Write the outputs again; a file that cannot be read cannot be compared.",
    references=[wcag("1.3.1")],
    mirrors=["newsformats"],
)
def readable(outputs: OutputSet) -> Iterator[Problem]:
    """A warning: an output that cannot be opened is an error of its own ``*-readable`` rule."""
    for file, reason in outputs.problems:
        yield Problem(f"{file} was not compared: {reason}", Location(member=file))


@rule(
    "consistency-headline",
    target="consistency",
    severity="error",
    summary="Every output carries the same headline",
    fix="Convert the article again into every format from one source.",
    references=[wcag("2.4.2"), wcag("1.3.1")],
    mirrors=["newsformats"],
)
def headline(outputs: OutputSet) -> Iterator[Problem]:
    """A reader who switches format must find the same story under the same headline."""
    for reference, other in _pairs(outputs):
        if not reference.headline:
            return
        if other.headline is not None:
            same = words_of(other.headline) == words_of(reference.headline)
        else:
            wanted = words_of(reference.headline)
            # A PDF may wrap the headline inside a token ("v." / "8.0.51"): then its
            # letters, not its words, must stand in the text.
            same = contains(other.words, wanted) or "".join(wanted) in "".join(other.words)
        if not same:
            found = other.headline or " ".join(other.words[:SHOWN_WORDS])
            yield Problem(
                f"{reference.kind} {reference.file} has the headline {reference.headline!r}; "
                f"{other.kind} {other.file} has {found!r}",
                _where(other),
            )


@rule(
    "consistency-language",
    target="consistency",
    severity="error",
    summary="Every output names the same language",
    fix="Convert the article again: all outputs take the language from the article.",
    references=[wcag("3.1.1")],
    mirrors=["newsformats"],
)
def language(outputs: OutputSet) -> Iterator[Problem]:
    """A PDF in one language and a page in another choose different voices and hyphenation."""
    for reference, other in _pairs(outputs):
        if not reference.language or not other.language:
            continue
        if _primary(reference.language) != _primary(other.language):
            yield Problem(
                f"{reference.kind} {reference.file} says {reference.language!r}; "
                f"{other.kind} {other.file} says {other.language!r}",
                _where(other),
            )


@rule(
    "consistency-alt-text",
    target="consistency",
    severity="error",
    summary="Every output gives its pictures the same alt text, in the same order",
    fix="Convert the article again from one source so the alt text is the same everywhere.",
    references=[wcag("1.1.1")],
    mirrors=["newsformats"],
)
def alt_text(outputs: OutputSet) -> Iterator[Problem]:
    """A picture described one way on the page and another in the book misleads someone."""
    for reference, other in _pairs(outputs):
        if reference.alts is None or other.alts is None:
            continue
        mine = [" ".join(words_of(a)) for a in reference.alts]
        theirs = [" ".join(words_of(a)) for a in other.alts]
        index = _first_missing(mine, theirs)
        if index is None:
            continue
        nearest = other.alts[min(index, len(other.alts) - 1)] if other.alts else "(none)"
        yield Problem(
            f"picture {index + 1}: {reference.kind} {reference.file} has alt "
            f"{reference.alts[index]!r}; {other.kind} {other.file} has {nearest!r}",
            _where(other),
        )


def _first_missing(expected: list[str], found: list[str]) -> int | None:
    """Index of the first item of ``expected`` not found, in order, in ``found``."""
    position = 0
    for index, item in enumerate(expected):
        try:
            position = found.index(item, position) + 1
        except ValueError:
            return index
    return None


@rule(
    "consistency-text",
    target="consistency",
    severity="error",
    summary="Every output has the article's text, letter for letter and in order",
    fix="Look at the passage named: a font that extracts wrongly (a reversed ligature), a "
    "dropped paragraph or an outdated file.",
    references=[wcag("1.3.1"), wcag("1.3.2")],
    mirrors=["newsformats"],
)
def text(outputs: OutputSet) -> Iterator[Problem]:
    """The PDF's text (copied or read aloud), the EPUB chapter and the transcript say the page.

    Words are compared letter by letter (after NFC normalisation, without
    punctuation and case), in order; each format may add words around the
    article (a PDF's folios, a transcript's "Photo:"), but none may change or
    drop one. The first passage that differs is named.
    """
    for reference, other in _pairs(outputs):
        differs = first_difference(reference.words, other.words)
        if differs is not None:
            mine, theirs = differs
            yield Problem(
                f"{reference.kind} {reference.file} has “{mine}”; "
                f"{other.kind} {other.file} has “{theirs}”",
                _where(other),
            )


def first_difference(expected: list[str], found: list[str]) -> tuple[str, str] | None:
    """The first passage of ``expected`` missing from ``found`` (in order), or ``None``.

    ``found`` may hold more words (around and between passages) but must hold
    every word of ``expected`` in order.

    >>> first_difference(["a", "b", "c"], ["x", "a", "b", "y", "c"]) is None
    True
    >>> first_difference(["the", "ولایت", "is", "here"], ["the", "والیت", "is", "here"])
    ('ولایت is here', 'والیت is here')
    """
    if not expected:
        return None
    mine_compared, theirs_compared = [_compared(w) for w in expected], [_compared(w) for w in found]
    matcher = SequenceMatcher(None, mine_compared, theirs_compared, autojunk=False)
    position = 0
    found_end = 0
    for block in matcher.get_matching_blocks():
        missing = "".join(expected[position : block.a])
        if missing and not _split_otherwise(missing, found[found_end : block.b]):
            mine = " ".join(expected[position : position + SHOWN_WORDS])
            theirs = " ".join(found[found_end : found_end + SHOWN_WORDS]) or "(nothing)"
            return mine, theirs
        position = block.a + block.size
        found_end = block.b + block.size
    return None


def _split_otherwise(joined: str, words: list[str]) -> bool:
    """Whether a run of ``words`` spells ``joined`` (the same letters, cut into other words).

    >>> _split_otherwise("httpswwwexamplecom", ["page", "https", "wwwexamplecom"])
    True
    >>> _split_otherwise("cat", ["category"])
    False
    """
    for start in range(len(words)):
        spelled = ""
        for word in words[start:]:
            spelled += word
            if len(spelled) >= len(joined):
                break
        if spelled == joined:
            return True
    return False


def _compared(word: str) -> str:
    """A word as every side is compared, by one rule for all.

    A short number glued to the end of a word is a note reference ("lincoln1"):
    the transcript does not read it, the page shows it raised. The letter and
    digit runs of one word are taken in a fixed order: a PDF's text gives a Latin
    or number run of a right-to-left line in its own order ("(GMT+0400)" in an
    Arabic paragraph copies out as "0400+GMT"). Words split differently (a long
    URL broken at the end of a PDF line) are matched by :func:`first_difference`
    on their joined letters.

    >>> _compared("lincoln1"), _compared("gmt0400") == _compared("0400gmt"), _compared("2024")
    ('lincoln', True, '2024')
    """
    runs = re.findall(r"\d+|\D+", word)
    if len(runs) > 1 and runs[-1].isdigit() and len(runs[-1]) <= NOTE_DIGITS:
        runs.pop()
    return "".join(sorted(runs))


def _primary(tag: str) -> str:
    import langcodes

    tag = tag.strip().replace("_", "-")
    try:
        return str(langcodes.Language.get(tag).language or tag.split("-")[0]).lower()
    except (ValueError, LookupError):
        return tag.split("-")[0].lower()
