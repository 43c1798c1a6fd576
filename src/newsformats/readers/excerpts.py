"""A summary that is only the start of the text, cut: an excerpt, not a standfirst.

Feeds and agencies fill their summary field with the text's first words, often cut
with "…" (a blog's Atom ``summary``, GlobeNewswire's ``abstract`` description). As a
standfirst it would say the same thing twice, the second time broken off.
"""

from __future__ import annotations

import re
from typing import Any

from .html_body import inline_text

# The summary's first words are looked for in the text's first blocks: a run of RUN of
# them, in order, is the same text (a standfirst of its own shares a phrase at most).
COMPARED_WORDS = 24
RUN = 8
LEADING_BLOCKS = 6


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def repeats_the_text(summary: str, body: list[dict[str, Any]]) -> bool:
    """Say whether ``summary``'s first words run, in order, through the body's first paragraphs.

    A summary shorter than the run is compared whole. The run may start further in: the
    excerpt of a text that opens with a picture starts with the picture's caption.

    >>> body = [{"type": "paragraph", "content": ["Rome (AP) – Rain fell all day on Rome."]}]
    >>> repeats_the_text("Rain fell all day on Rome…", body)
    True
    >>> repeats_the_text("A wet day in the capital, and more to come.", body)
    False
    """
    wanted = _words(summary)[:COMPARED_WORDS]
    text: list[str] = []
    for block in body[:LEADING_BLOCKS]:
        content = block.get("content")
        if isinstance(content, list):
            text += _words(inline_text(content))
        elif isinstance(content, str):
            text += _words(content)
    size = min(RUN, len(wanted))
    if size < 3:
        return False
    runs = {tuple(wanted[i : i + size]) for i in range(len(wanted) - size + 1)}
    return any(tuple(text[i : i + size]) in runs for i in range(len(text) - size + 1))
