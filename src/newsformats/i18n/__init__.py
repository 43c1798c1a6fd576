"""Localised boilerplate ("Skip to main content", "By …", dates, lists of names).

Every word a writer shows that is not the article's own comes from here, in the
article's language, with English as the fallback for a language we do not have yet.
Translations live in one JSON file per language beside this module.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from importlib import resources

from ..language import primary_language

FALLBACK = "en"


@dataclass(frozen=True)
class Messages:
    """The boilerplate strings of one language."""

    language: str
    strings: dict[str, str]

    def __call__(self, key: str, **values: str) -> str:
        """Return the string ``key`` with ``{placeholders}`` filled in."""
        return self.strings[key].format(**values)

    def names(self, names: list[str]) -> str:
        """Join names the way the language does: 'A, B, and C'."""
        from babel.lists import format_list

        return str(format_list(names, locale=_babel_locale(self.language)))

    def date(self, moment: datetime) -> str:
        """A long, localised date such as '16 September 2021'."""
        from babel.dates import format_date

        return str(format_date(moment, format="long", locale=_babel_locale(self.language)))

    def datetime(self, moment: datetime) -> str:
        """A localised date and time with its zone offset."""
        from babel.dates import format_datetime

        return str(format_datetime(moment, format="long", locale=_babel_locale(self.language)))


@lru_cache(maxsize=64)
def messages_for(language: str) -> Messages:
    """Return the messages for a BCP 47 tag, falling back to English string by string.

    >>> messages_for("ru")("skip_to_content")
    'Перейти к основному содержанию'
    """
    strings = dict(_load(FALLBACK))
    strings.update(_load(primary_language(language)))
    return Messages(language=language, strings=strings)


def available_languages() -> list[str]:
    """The languages that have their own translation file."""
    folder = resources.files(__package__)
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json"))


@lru_cache(maxsize=64)
def _load(code: str) -> dict[str, str]:
    source = resources.files(__package__) / f"{code}.json"
    if not source.is_file():
        return {}
    data: dict[str, str] = json.loads(source.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=64)
def _babel_locale(language: str) -> str:
    from babel import Locale, UnknownLocaleError

    for candidate in (language.replace("-", "_"), primary_language(language), FALLBACK):
        try:
            Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
        return candidate
    return FALLBACK
