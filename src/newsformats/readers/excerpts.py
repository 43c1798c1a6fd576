"""A summary that is only the start of the text, cut: an excerpt, not a standfirst.

Feeds, agencies and CMS pages fill their summary field with the text's first words,
often cut with "…" (a blog's Atom ``summary``, GlobeNewswire's ``abstract`` description,
a page's ``og:description``). As a standfirst it would say the same thing twice, the
second time broken off. One test for every reader.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from .html_body import inline_text

LEADING_BLOCKS = 6  # the text's first blocks an excerpt is compared with
OPENING_MIN = 40  # letters of a summary that may be the text's opening, after a few others
OPENING_SKIP = 60  # letters before it that the text does not have (a byline, a caption)
WORDS_MIN = 3  # words of a shorter summary that the text holds whole
# Or a run of RUN of the summary's first COMPARED_WORDS words, in order, is what a block of
# the text starts with, read on into the next (an excerpt cut in several places,
# "Разработч... ставим", or one that starts with a picture's alt text); a standfirst of its
# own may quote a phrase of the text, but seldom one that opens a paragraph.
COMPARED_WORDS = 24
RUN = 8


def letters_key(text: str) -> str:
    """Letters and digits only, without accents or case: "Aktuálně.cz" → "aktualnecz"."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if c.isalnum())


def repeats_the_text(summary: str, body: list[dict[str, Any]]) -> bool:
    """Say whether ``summary`` is the text's own: one of its first blocks or held by them,
    or their opening cut short, also after a few words the text does not start with (a
    byline, "By Ann Lee CNN WASHINGTON (CNN) — Not everyone…" where the text starts
    "WASHINGTON (CNN) — Not everyone…"; a picture's caption before the text's first
    words). Letters are compared, not words, so a script written without spaces is read
    alike. A text that starts in lower case lost its first words: a summary that says
    more than its opening is no excerpt of it. Or a run of the summary's first words is
    what a block of the text starts with (an excerpt cut in several places).

    >>> body = [{"type": "paragraph", "content": ["Rome (AP) – Rain fell all day on Rome."]}]
    >>> repeats_the_text("Rain fell all day on Rome…", body)
    True
    >>> repeats_the_text("A wet day in the capital, and more to come.", body)
    False
    """
    texts: list[str] = []
    for block in body[:LEADING_BLOCKS]:
        content = block.get("content")
        if isinstance(content, list):
            texts.append(inline_text(content))
        elif isinstance(content, str):
            texts.append(content)
    cut = letters_key(summary.rstrip().removesuffix("...").removesuffix("…"))
    opening = "".join(letters_key(text) for text in texts)
    if not opening or (len(cut) < OPENING_MIN and len(summary.split()) < WORDS_MIN):
        return False
    if cut in opening:
        return True
    if texts[0].lstrip()[:1].islower():
        return False  # the text lost its first words: the summary says more than it
    return _runs_through(summary, texts) or any(
        opening.startswith(cut[skip:])
        for skip in range(1, min(OPENING_SKIP, len(cut) - OPENING_MIN) + 1)
    )


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _runs_through(summary: str, texts: list[str]) -> bool:
    """Is a run of RUN of the summary's first words (all of them, when fewer) what one of
    the texts starts with, read on into the next?"""
    wanted = _words(summary)[:COMPARED_WORDS]
    size = min(RUN, len(wanted))
    if size < WORDS_MIN:
        return False
    runs = {tuple(wanted[i : i + size]) for i in range(len(wanted) - size + 1)}
    words: list[str] = []
    starts: list[int] = []
    for text in texts:
        starts.append(len(words))
        words += _words(text)
    return any(tuple(words[i : i + size]) in runs for i in starts)
