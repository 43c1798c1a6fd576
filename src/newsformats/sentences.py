"""Sentences of inline content, cut by the one segmenter (:mod:`newsformats.lang.sentences`).

The same cuts serve the speech script and the document tree, so a sentence
has one id everywhere: ``p3-s2`` is the second sentence of paragraph ``p3`` in
the HTML, the EPUB media overlay, the WebVTT cue and the audio timings.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lang.sentences import sentence_starts, split_text
from .model import Inline, plain_text

__all__ = ["Sentence", "sentence_id", "split_inline", "split_text"]


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
