"""Localised boilerplate ("Skip to main content", "By …", dates, lists of names).

Every word a writer shows that is not the article's own comes from the article's
language pack, with English as the fallback for a language that has no pack yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from ..language import primary_language
from .dates import COUNTER_STYLES, long_date, long_datetime, to_digits
from .pack import FALLBACK, Pack, all_packs, find_pack, pack_for
from .sentences import TERMINALS


@dataclass(frozen=True)
class Messages:
    """The boilerplate strings of one language."""

    language: str
    strings: dict[str, str]
    pack: Pack

    def __call__(self, key: str, **values: str) -> str:
        """Return the string ``key`` with ``{placeholders}`` filled in.

        >>> messages_for("fa")("page_of", page="1", pages="2")
        'صفحه 1 از 2'
        """
        if key == "page_number_style":
            return COUNTER_STYLES.get(self.pack.digits, "decimal")
        return self.strings[key].format(**values)

    @property
    def comma(self) -> str:
        """The comma the language writes between parts of a phrase ('،' in Persian)."""
        return self.pack.punctuation.get("comma", ",")

    def full_stop(self, text: str) -> str:
        """End ``text`` with the language's full stop unless it already ends a sentence.

        >>> messages_for("hy").full_stop("Հեղինակ՝ Արամ"), messages_for("en").full_stop("Hi?")
        ('Հեղինակ՝ Արամ։', 'Hi?')
        """
        text = " ".join(text.split())
        if not text or text[-1] in TERMINALS:
            return text
        return text + self.pack.punctuation.get("full_stop", ".")

    def digits(self, text: str) -> str:
        """Write the digits of ``text`` in the language's numbering system.

        >>> messages_for("fa-AF").digits("12")
        '۱۲'
        """
        return to_digits(text, self.pack.digits)

    def names(self, names: list[str]) -> str:
        """Join names the way the language does: 'A, B, and C'.

        >>> messages_for("ru").names(["А", "Б"])
        'А и Б'
        """
        if self.pack.cldr_locale is None and self.pack.and_words:
            if len(names) < 2:
                return "".join(names)
            last = f" {self.pack.and_words[0]} {names[-1]}"
            return f"{self.comma} ".join(names[:-1]) + last
        from babel.lists import format_list

        return str(format_list(names, locale=_babel_locale(self.language)))

    def date(self, moment: datetime) -> str:
        """A long, localised date such as '16 September 2021' (in the language's calendar)."""
        return long_date(moment, self.pack, _babel_locale(self.language))

    def datetime(self, moment: datetime) -> str:
        """A localised date and time with its zone offset."""
        return long_datetime(moment, self.pack, _babel_locale(self.language))


@lru_cache(maxsize=64)
def messages_for(language: str) -> Messages:
    """Return the messages for a BCP 47 tag, falling back to English string by string.

    >>> messages_for("ru")("skip_to_content")
    'Перейти к основному содержанию'
    """
    pack = pack_for(language)
    strings = dict(all_packs()[FALLBACK].strings)
    if find_pack(language) is not None:
        strings.update(pack.strings)
    return Messages(language=language, strings=strings, pack=pack)


def available_languages() -> list[str]:
    """The tags that have their own pack."""
    return sorted(all_packs())


@lru_cache(maxsize=64)
def _babel_locale(language: str) -> str:
    from babel import Locale, UnknownLocaleError

    pack = find_pack(language)
    preferred = [pack.cldr_locale] if pack and pack.cldr_locale else []
    for candidate in (*preferred, language.replace("-", "_"), primary_language(language), FALLBACK):
        try:
            Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
        return candidate
    return FALLBACK
