"""People's names in bylines: a line's names and roles, and what looks like a name."""

from __future__ import annotations

import functools
import re
from typing import Any

from ...lang import all_packs
from ..chrome import (
    BYLINE_WORDS,
    PUBLISHED,
    UPDATED,
    byline_names,
    names_a_role,
)
from ..datelines import date_line, find_dates
from ..excerpts import letters_key as _key
from ..fields import MAX_BYLINE_WORDS, name_shaped, split_names
from .page import HAN_LETTERS, NAME_WORDS

TEXT_NAME_WORDS = 5
SHORT_NAME_UNCASED = 6  # letters of a name alone in a span, in a script without case
NAME_CHARS_UNSPACED = 24  # a name in a script without spaces is short ("渡辺洋介")
LINE_SEPARATORS = re.compile(r"\s+[|•·/—–-]\s+|\s*[|•·]\s*")
MAX_LINE_PARTS = 4
SHORT_DATE = re.compile(
    r"\d{1,2}([./-])\d{1,2}\1\d{2}(?:,?\s+\d{1,2}[:.]\d\d\s*(?:[ap]\.?\s?m\.?)?)?", re.IGNORECASE
)


def ld_authors(value: Any) -> list[dict[str, Any]]:
    people = value if isinstance(value, list) else [value] if value else []
    found: list[dict[str, Any]] = []
    for person in people:
        name = person.get("name") if isinstance(person, dict) else person
        if isinstance(name, str) and name.strip() and not _is_address(name):
            entry: dict[str, Any] = {"name": " ".join(name.split())}
            url = person.get("url") if isinstance(person, dict) else None
            if isinstance(url, str) and url.startswith(("http://", "https://")):
                entry["url"] = url
            found.append(entry)
    return found


def _is_address(text: str) -> bool:
    return bool(re.match(r"\s*(https?://|www\.)", text, re.IGNORECASE))


def is_domain(name: str) -> bool:
    """A site's domain given as the author ("elmundo.es", "ndr.de"): a site, not a person;
    kept only when no source names anyone else."""
    return bool(re.fullmatch(r"\s*[\w-]+(\.[\w-]+)*\.[a-z]{2,}\s*", name))


BRACKETED_ROLE = re.compile(r"(.*?)\s*(?:\(([^()]+)\))?\s*", re.S)


def names_in(value: str | None) -> list[dict[str, Any]]:
    """The people a byline text names; none when it names the site itself or no one."""
    if not value or _is_address(value) or len(value) > 100:
        return []
    people = []
    # "von Peter Addor", "door Anna de Vries": a lower-case word before capitalised names.
    for part in split_names(_without_lead_word(value)):
        # "Cécile Ducourtieux (Bruxelles, bureau européen)": a bracket of words that names
        # no one is the role; "Ann Roy (avec Léo Petit et Eva Roux)" and a handle or an
        # agency ("Ann Roy (annroy)", "(AP)") stay in the name.
        name, role = BRACKETED_ROLE.fullmatch(part).groups()  # type: ignore[union-attr]
        if role and (
            len(role.split()) < 2
            or any(name_shaped(n) for n in split_names(_without_lead_word(role)))
        ):
            name, role = part, None
        if not role:
            name, role = _capitals_then_role(name)
        name = name.strip(" -–—|:*")
        name, title = _title_before_name(name)
        role = role or title
        if not role:
            name, role = _uncased_name_then_role(name)
        if looks_like_name(name):
            people.append({"name": name, "role": role.strip()} if role else {"name": name})
    return people


def _title_before_name(text: str) -> tuple[str, str | None]:
    """A byline's job or desk before the name, and the name: "Chief Political Correspondent
    Ann Lee" is Ann Lee, Chief Political Correspondent. The title's last word is a pack's
    ``role_words``; what follows is a name: capitalised words after a title of two words or
    more (one role word before capitalised words is as often a desk's name, "Redaktion Gelbe
    Liste"), or a word of a script without case ("編集委員 中沢克二" once a pack gives
    "編集委員"). Else the text is the name.

    >>> _title_before_name("Senior Correspondent Ann Lee")
    ('Ann Lee', 'Senior Correspondent')
    >>> _title_before_name("Staff Writer"), _title_before_name("Ann Lee")
    (('Staff Writer', None), ('Ann Lee', None))
    """
    words = text.split()
    for cut in range(len(words) - 1, 0, -1):
        if not names_a_role(words[cut - 1]) and not glued_role(words[cut - 1]):
            continue
        rest = " ".join(words[cut:])
        uncased = rest[:1].lower() == rest[:1].upper()
        if (
            looks_like_name(rest)
            and not names_a_role(rest)
            and (
                (name_shaped(rest) and cut >= 2)  # "Staff Writer Ann Lee"
                or (uncased and len(words[cut:]) == 1)
            )
        ):
            return rest, " ".join(words[:cut])
    return text, None


def _uncased_name_then_role(text: str) -> tuple[str, str | None]:
    """A name, then a pack's role word as its own last word, in a script without case:
    Korean writes the job after the name ("홍길동 기자", Hong Gil-dong, reporter).

    >>> _uncased_name_then_role("홍길동 기자"), _uncased_name_then_role("Ann Lee")
    (('홍길동', '기자'), ('Ann Lee', None))
    """
    words = text.split()
    if len(words) < 2 or words[0][:1].lower() != words[0][:1].upper():
        return text, None
    rest, last = " ".join(words[:-1]), words[-1]
    roles = {word for pack in all_packs().values() for word in pack.role_words}
    if last in roles and not names_a_role(rest) and looks_like_name(rest):
        return rest, last
    return text, None


@functools.cache
def _glued_role() -> re.Pattern[str]:
    words = {w for pack in all_packs().values() for w in pack.role_words}
    alternatives = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(rf"[{HAN_LETTERS}]+(?:{alternatives})")


def glued_role(word: str) -> bool:
    """A word of Han letters that ends in a pack's role word, the publication's name written
    before it without a space: "澎湃新闻记者" (The Paper's reporter, ``zh`` pack's "记者")."""
    return bool(_glued_role().fullmatch(word))


def role_then_name(text: str) -> list[dict[str, Any]]:
    """The person of a line that is a job, then a name (\"澎湃新闻记者 贺梨萍\", "Senior
    Correspondent Ann Lee"): the name is what follows the job; none for any other line."""
    text = " ".join(text.split())
    if not text or len(text.split()) > NAME_WORDS + 3:
        return []
    name, role = _title_before_name(text)
    return [{"name": name, "role": role}] if role else []


def _capitals_then_role(part: str) -> tuple[str, str | None]:
    """A name in capitals and the role written after it in ordinary case ("LAURE BRETTON
    Envoyés spéciaux à Toulouse" → "LAURE BRETTON", "Envoyés spéciaux à Toulouse"): two or
    more words in capitals, then a capitalised word that is not."""
    words = part.split()
    capitals = 0
    while capitals < len(words) and words[capitals].isupper() and words[capitals].isalpha():
        capitals += 1
    rest = words[capitals:]
    if capitals < 2 or not rest or not rest[0][:1].isupper() or rest[0].isupper():
        return part, None
    return " ".join(words[:capitals]), " ".join(rest)


def _without_lead_word(text: str) -> str:
    """A byline without a lower-case word before capitalised names ("von Peter Addor")."""
    words = text.split()
    while len(words) > 1 and words[0].isalpha() and words[0].islower() and words[1][:1].isupper():
        words = words[1:]
    return " ".join(words)


@functools.cache
def _byline_only() -> frozenset[str]:
    """Words that stand before or around a byline ("By", "Posted", "Updated"), never a name."""
    return frozenset(_key(w) for w in BYLINE_WORDS | PUBLISHED | UPDATED)


def looks_like_name(text: str) -> bool:
    """A person's or agency's name: a few words, letters first, no figures or address."""
    return (
        bool(text)
        and len(text) <= 60
        and len(text.split()) <= NAME_WORDS
        and max(len(word) for word in text.split()) <= NAME_CHARS_UNSPACED
        and text[0].isalpha()
        and not any(c.isdigit() for c in text)
        and "@" not in text
        and "[at]" not in text
        and _key(text) not in _byline_only()
    )


def line_parts(line: str) -> list[str]:
    """A byline line's parts between its separators ("Ann Lee | Palma | 3 May 2019")."""
    return [
        p.strip(" ,;:") for p in LINE_SEPARATORS.split(" ".join(line.split())) if p.strip(" ,;:")
    ]


def name_beside_date(text: str, language: str) -> list[dict[str, Any]]:
    """The people of a byline line without a byline word, told by its shape: names first, then
    (after a separator, perhaps after a place) a part that is only a date ("Sage Lazzaro |
    12/16/16", "Patricio Candia | Palma de Mallorca | 08/01/2014")."""
    parts = line_parts(text)
    if not 2 <= len(parts) <= MAX_LINE_PARTS or not any(only_date(p, language) for p in parts[1:]):
        return []
    names = parts[0]
    people = [p for p in names_in(names) if text_name(p["name"])]
    return people if people and len(people) == len(split_names(names)) else []


def only_date(part: str, language: str) -> bool:
    """A part of a line that is only a date (and its time), also with a two-digit year
    ("12/16/16 12:21pm", as American CMSs print it)."""
    found = date_line(part, language)
    return (found is not None and not found[1]) or bool(SHORT_DATE.fullmatch(part))


def byline_line(text: str) -> list[dict[str, Any]]:
    """The people a line of text names when it is a byline: a pack's byline word, then names,
    then perhaps a date or a separator and more ("By Ann Lee and Tom Roe | May 3, 2019");
    dashes before it set a signature apart ("-- By Ann Lee" after the text)."""
    text = " ".join(text.split()).lstrip("-–— ")
    names = byline_names(text)
    if not names or len(text.split()) > MAX_BYLINE_WORDS + 6:
        return []
    names = re.split(r"\s[•|·/—–-]\s|\s*[•|·]\s*", names)[0]
    dates = find_dates(names, "en")
    if dates:
        # The words in lower case that lead to the date are no part of a name ("By Ann Lee
        # on 1 June 2019", "Von Anna Weber am 3. Mai"): a name ends in a capitalised word.
        words = names[: dates[0].start].split()
        while words and words[-1][:1].islower():
            words.pop()
        names = " ".join(words)
    names = re.split(r"\d", names)[0].strip(" ,;:-–—")
    people = [p for p in names_in(names) if text_name(p["name"])]
    return people if people and len(people) == len(split_names(names)) else []


def short_name(name: str) -> bool:
    """A name alone in a span of its own: a person's name as a line gives it, or, in a
    script without case, one word of a few letters ("叨叨姐", "李小飞刀")."""
    uncased = name[:1].lower() == name[:1].upper()
    return text_name(name) or (
        uncased
        and len(name.split()) == 1
        and len(name) <= SHORT_NAME_UNCASED
        and looks_like_name(name)
    )


def text_name(name: str) -> bool:
    """A person's name as a line of text gives it: two to five words, each capitalised but
    for short particles ("de", "van", "d'Emilio"), no job ("Staff Reporter")."""
    words = name.split()
    return (
        name_shaped(name)
        and len(words) <= TEXT_NAME_WORDS
        and all(not w[:1].islower() or len(w) <= 3 or "'" in w or "’" in w for w in words)
    )
