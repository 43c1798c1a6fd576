"""Words of page chrome and article furniture, in the languages newsrooms publish in.

Plain text scraped from a news page carries the page around the article:
accessibility links, "Breaking News" banners, share and print buttons, lists of
related stories. These tables, gathered from every language pack, let the
plain-text reader drop them and find the article's own parts. A language's
words live in its pack (``lang/packs/<tag>.json``), in lower case.
"""

from __future__ import annotations

import re

from ..lang import all_packs

# Lines that are page chrome wherever they stand, in every language pack.
CHROME_LINES = frozenset(word for pack in all_packs().values() for word in pack.chrome)

# Lines after which the rest of the page is no longer the article.
END_MARKERS = frozenset(word for pack in all_packs().values() for word in pack.end_markers)

# How a credit line begins ("With reporting by AFP, Reuters, and TASS").
CREDIT_LINE = re.compile(
    "^(" + "|".join(p for pack in all_packs().values() for p in pack.credit_starts) + r")\b",
    re.IGNORECASE,
)

# Words that mark a photo caption or a photo credit.
PHOTO_WORDS = re.compile(
    r"\b(" + "|".join(w for pack in all_packs().values() for w in pack.photo_words) + r")\b|"
    r"\((afp|ap|reuters|epa|getty|tass|ria novosti|rfe/rl|ранее|архив|file)\b[^)]*\)\s*$",
    re.IGNORECASE,
)

# A byline: "By A and B", "Автор: А", "نویسنده: …".
BYLINE = re.compile(
    "^(" + "|".join(w for pack in all_packs().values() for w in pack.byline_words) + r")\s+"
    r"(?P<names>.{2,120})$",
    re.IGNORECASE,
)


def normalise(line: str) -> str:
    """The form a line is compared in: lower case, single spaces, no trailing colon."""
    return " ".join(line.split()).strip(" :·•|").casefold()


def is_chrome(line: str) -> bool:
    """Say whether a line is page chrome."""
    return normalise(line) in CHROME_LINES


def is_end_marker(line: str) -> bool:
    """Say whether a line starts the page's furniture after the article."""
    return normalise(line) in END_MARKERS


def is_credit_line(text: str) -> bool:
    """Say whether a paragraph is a credit line such as 'With reporting by AFP'."""
    text = " ".join(text.split())
    return len(text) <= 300 and bool(CREDIT_LINE.match(text))
