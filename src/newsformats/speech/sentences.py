"""Sentence splitting that survives abbreviations, initials, quotations and numbers.

The same splitter serves the speech script and the document tree, so a sentence
has one id everywhere: ``p3-s2`` is the second sentence of paragraph ``p3`` in
the HTML, the EPUB media overlay, the WebVTT cue and the audio timings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..language import primary_language
from ..model import Inline, plain_text

# Words that end with a full stop without ending the sentence, per language.
# Compared case-insensitively, without the final stop.
_ABBREVIATIONS: dict[str, str] = {
    "en": "mr mrs ms dr prof st gen sen rep gov lt col sgt capt cmdr adm maj pres supt "
    "jr sr inc ltd co corp bros vs etc e.g i.e cf no nos vol fig approx dept est "
    "jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave rd blvd",
    "ru": "г гг т.е т.к т.н т.д т.п др ул им н.э см стр рис тыс млн млрд руб коп проф "
    "акад ген пер пр просп обл р-н ст",
    "uk": "р рр т.б т.д вул им див стр тис млн млрд грн проф",
    "fa": "",
}

_TERMINAL = ".!?…؟۔"
_CLOSERS = "\"'”’»)]›"
_OPENERS = "\"'“‘«(\\[‹¿¡"

# A candidate end: terminal punctuation, optional closing quotes, then space.
_CANDIDATE = re.compile(rf"[{re.escape(_TERMINAL)}]+[{re.escape(_CLOSERS)}]*(?=\s)")
# Scripts without spaces end sentences at these marks whatever follows.
_CJK_END = re.compile(r"[。！？]+[」』”）]*")
_WORD_BEFORE = re.compile(r"(\S+)$")


@dataclass(frozen=True)
class Sentence:
    """One sentence of inline content, and the white space that follows it."""

    content: list[Inline]
    trailing: str = ""

    @property
    def text(self) -> str:
        """The sentence's plain text."""
        return plain_text(self.content).strip()


def sentence_id(owner: str, number: int) -> str:
    """The id of sentence ``number`` (from 1) of the element ``owner``.

    >>> sentence_id("p3", 2)
    'p3-s2'
    """
    return f"{owner}-s{number}"


def split_text(text: str, language: str) -> list[str]:
    """Split plain text into sentences.

    >>> split_text('Dr. Zas met U.S. envoys on Sept. 15. "It went well," he said. Then?', "en")
    ['Dr. Zas met U.S. envoys on Sept. 15.', '"It went well," he said.', 'Then?']
    """
    return [s.text for s in split_inline([text], language) if s.text]


def split_inline(content: list[Inline], language: str) -> list[Sentence]:
    """Split inline content into sentences, cutting only in text outside marks.

    A sentence end that falls inside a mark (an emphasis, a link) is not a cut:
    the marked text stays whole in one sentence.

    >>> [s.text for s in split_inline(["One. Two. ", "Three."], "en")]
    ['One.', 'Two.', 'Three.']
    """
    cuts = sentence_starts(plain_text(content), language)
    sentences: list[Sentence] = []
    current: list[Inline] = []
    offset = 0
    for item in content:
        length = len(plain_text([item]))
        # Cuts inside a mark are dropped; cuts inside text split it.
        cuts = [c for c in cuts if c > offset]
        if not isinstance(item, str):
            current.append(item)
            offset += length
            continue
        position = 0
        for cut in [c - offset for c in cuts if c <= offset + length]:
            piece = item[position:cut]
            body = piece.rstrip()
            if body:
                current.append(body)
            sentences.append(Sentence(current, piece[len(body) :]))
            current, position = [], cut
        if item[position:]:
            current.append(item[position:])
        offset += length
    if current:
        last = current[-1]
        trailing = ""
        if isinstance(last, str):
            body = last.rstrip()
            trailing = last[len(body) :]
            current[-1:] = [body] if body else []
        sentences.append(Sentence(current, trailing))
    return [s for s in sentences if s.text]


def sentence_starts(text: str, language: str) -> list[int]:
    """Offsets in ``text`` where a new sentence begins (after the first)."""
    abbreviations = _abbreviations(language)
    starts: list[int] = []
    for match in _CANDIDATE.finditer(text):
        start = len(text) - len(text[match.end() :].lstrip())
        if start >= len(text) or not _opens_sentence(text[start:]):
            continue
        if match.group().startswith(".") and _is_abbreviation(text[: match.start()], abbreviations):
            continue
        starts.append(start)
    for match in _CJK_END.finditer(text):
        start = len(text) - len(text[match.end() :].lstrip())
        if start < len(text):
            starts.append(start)
    return sorted(set(starts))


def _opens_sentence(rest: str) -> bool:
    first = rest.lstrip(_OPENERS)[:1]
    if not first:
        return False
    if first.isdigit():
        return True
    # Scripts without letter case (Arabic, Persian…) start sentences with any letter.
    return first.isupper() or (first.isalpha() and first.lower() == first.upper())


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


@lru_cache(maxsize=32)
def _abbreviations(language: str) -> frozenset[str]:
    words = _ABBREVIATIONS.get(primary_language(language), _ABBREVIATIONS["en"])
    return frozenset(words.split())
