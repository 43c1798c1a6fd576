"""Words of page chrome and article furniture, in the languages newsrooms publish in.

Plain text scraped from a news page carries the page around the article:
accessibility links, "Breaking News" banners, share and print buttons, lists of
related stories. The plain-text reader finds them by their shape and position
first (:mod:`.plaintext`); these tables only confirm what the shape suggests, so
a language that has no words still reads right. The words live in the language
packs (``lang/packs/<tag>.json``, lower case); here they are gathered from all
of them, since a page's chrome may be in another language than its article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..lang import all_packs
from ..lang.sentences import TERMINALS
from .letters import marks

PHOTO_AGENCIES = ("afp", "ap", "reuters", "epa", "getty", "tass", "ria novosti", "rfe/rl", "file")


def _all(field: str) -> frozenset[str]:
    """The words of one kind, from every language pack."""
    return frozenset(word for pack in all_packs().values() for word in getattr(pack, field))


def _calendar_months() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each calendar's month spellings from every pack (Gregorian names also come from CLDR)."""
    months: dict[str, list[list[str]]] = {}
    for pack in all_packs().values():
        table = months.setdefault(pack.calendar, [[] for _ in range(12)])
        named = [(name,) for name in pack.months]
        for spellings in (named, pack.month_spellings):
            _add_spellings(table, spellings)
        for calendar, other in pack.other_calendars.items():
            _add_spellings(months.setdefault(calendar, [[] for _ in range(12)]), other)
    return {calendar: tuple(map(tuple, table)) for calendar, table in months.items()}


def _add_spellings(table: list[list[str]], spellings: Iterable[Iterable[str]]) -> None:
    for number, names in enumerate(spellings):
        table[number] += [name for name in names if name not in table[number]]


CALENDAR_MONTHS = _calendar_months()
CHROME_LINES = _all("chrome")
DAY_ENDINGS = _all("day_suffixes")
YEAR_MARKS = _all("year_words")
END_MARKERS = _all("end_markers")
BYLINE_WORDS = _all("byline_words")
# The end of a word where "\b" misses it: after a vowel sign ("एजेन्सीहरूको सहयोगमा"), where
# no letter or mark follows.
WORD_END = rf"(?:\b|(?<={marks()})(?!\w|{marks()}))"
CREDIT_LINE = re.compile(
    r"^(" + "|".join(sorted(_all("credit_starts"), key=len, reverse=True)) + ")" + WORD_END,
    re.IGNORECASE,
)
# What ends a label ("Photo:", "Автор:"): a colon, CJK's full-width colon, the
# Armenian "՝" that Armenian puts where other languages put a colon ("Հեղինակ՝"), and
# the Ethiopic preface colon "፦" ("ፎቶ፦ …").
LABEL_MARK = "[:：՝፦]"
# The end of a word that may end in a combining mark (Yoruba "ọwọ́" is "ọwọ" and U+0301,
# which "\b" takes for no letter): no letter and no combining mark next.
WORD_END = r"(?![\w\u0300-\u036f])"
BYLINE = re.compile(
    r"^(?:"
    + "|".join(sorted(BYLINE_WORDS, key=len, reverse=True))
    + r")"
    + WORD_END
    + r"\s*"
    + LABEL_MARK
    + r"?\s+(?P<names>\S.{1,118})$",
    re.IGNORECASE,
)
UPDATED = _all("updated_words")
PUBLISHED = _all("published_words")


def _long_words(phrase: str) -> str:
    """A phrase without its words of one or two letters, as a date line's words are kept."""
    return " ".join(w for w in phrase.split() if len(w.rstrip(".")) > 2)


# "Mis à jour le 3 février" leaves "Mis jour" beside its date: compared without "à".
# A word of two letters only (Korean "수정", updated) leaves nothing: no key.
_UPDATED_KEYS = UPDATED | {key for w in UPDATED if (key := _long_words(w))}
_PUBLISHED_KEYS = PUBLISHED | {key for w in PUBLISHED if (key := _long_words(w))}
PHOTO_WORDS = re.compile(
    r"\b(" + "|".join(map(re.escape, sorted(_all("photo_words"), key=len))) + r"|"
    r"illustration)\b|"
    r"\((" + "|".join(map(re.escape, PHOTO_AGENCIES)) + r")\b[^)]*\)\s*$",
    re.IGNORECASE,
)
# A photo credit on a line of its own: "Photo: AFP", "© Reuters", "REUTERS/Name".
PHOTO_CREDIT = re.compile(
    r"^(?:©|\((?i:c)\)|"
    r"(?i:" + "|".join(map(re.escape, _all("photo_words"))) + r")\s*(?:" + LABEL_MARK + r"|/|-|–)|"
    r"[A-Z]{2,}(?:/[A-Z]{2,})?/\w)"
)


BAR_CREDIT = re.compile(r"(?<=[.!?])\s+\|\s+(?P<credit>[^|.!?]{2,60})$")
BAR_CREDIT_WORDS = 6
CREDIT_LINE_WORDS = 12  # words of a caption that is only a credit ("Foto: …")
ABBREVIATION = 3  # letters of a credit label that a full stop may end ("Fot.")
CREDIT_LOWER_WORDS = 3  # words in lower case a credit line may hold ("picture alliance / dpa")
# "Sala de espera. / GORKA LEJARCEGI": a name in capitals after a slash that follows the
# caption's last sentence is its photographer or agency.
SLASH_CREDIT = re.compile(r"(?<=[.!?])\s+/\s+(?P<credit>[^/.!?|]{2,60})$")


@lru_cache(maxsize=1)
def _credit_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A caption's trailing credit, a credit's label, and a caption that is only a credit
    line, from every pack's credit labels.

    "… (Photo Prakash Mathema. AFP)", "… Photograph: Ann Lee", "… - Image: Raspberry Pi",
    "… Bild: Keystone", "… Source: IMF", "… / Photo: Ann Lee" (seventh run: a slash before
    a labelled credit, "Londyn / autor: Pixabay, Twitter"). Built on first use: only readers
    of HTML captions need them.
    """
    labels = "|".join(map(re.escape, sorted(_all("credit_labels"), key=len, reverse=True)))
    trailing = re.compile(
        r"(?:\(\s*(?P<bracketed>(?:©|(?i:" + labels + r")\b)[^()]{1,120})\)"
        r"|(?:(?<=["
        + re.escape(TERMINALS)
        + r"])\s+|\s+[-–—|/]\s+)(?P<sentence>(?:©|(?i:"
        + labels
        + r")\s*"
        + LABEL_MARK
        + r")[^.!?]{1,120}?)"
        r")\s*\.?\s*$"
    )
    label = re.compile(r"^(?:©|(?i:" + labels + r"))\s*" + LABEL_MARK + r"?\s*")
    # An abbreviated label's full stop is its mark too ("Fot. Europol Gaz", "Φωτ. …").
    short = {w.rstrip(".") for w in _all("credit_labels") if len(w.rstrip(".")) <= ABBREVIATION}
    line = re.compile(
        r"^(?:©|(?i:"
        + labels
        + r")\s*"
        + LABEL_MARK
        + r"|(?i:"
        + "|".join(map(re.escape, sorted(short, key=len, reverse=True)) or ["©"])
        + r")\.(?=\s))\s*(?P<credit>\S.*)$"
    )
    return trailing, label, line


def without_credit_label(credit: str) -> str:
    """A photo credit without the label before it ("Foto: Getty Images" → "Getty Images").

    >>> without_credit_label("Foto: Getty Images"), without_credit_label("Ann Lee/AFP")
    ('Getty Images', 'Ann Lee/AFP')
    """
    text = " ".join(credit.split())
    return _credit_patterns()[1].sub("", text).strip() or text


def credit_label(said: str, credit: str) -> str | None:
    """The label ``said`` writes right before ``credit`` ("Foto:", "Photograph:", "©", the
    "Photo" of "(Photo Ann Lee)"), as written; None for a bare credit. The writers show it
    in place of the language pack's "Image:".

    >>> credit_label("Foto: dapd", "dapd"), credit_label("A ferry. (Photo Ann Lee)", "Ann Lee")
    ('Foto:', 'Photo')
    >>> credit_label("Ann Lee/AFP", "Ann Lee/AFP") is None
    True
    """
    text = " ".join(said.split())
    before = text[: text.rfind(credit)] if credit and credit in text else ""
    label = _credit_patterns()[1].pattern.removeprefix("^")
    found = re.search(r"(?:^|(?<=[\s(\[/|–—-]))" + label + "$", before)
    return found.group().strip() if found else None


def caption_credit(caption: str) -> tuple[str, str | None]:
    """A caption without the credit that ends it, and that credit without its label.

    >>> caption_credit("A man prays in Kathmandu. (Photo Prakash Mathema. AFP)")
    ('A man prays in Kathmandu.', 'Prakash Mathema. AFP')
    >>> caption_credit("Whale expert Hori Parata. Photograph: Adrian Malloch for the Guardian")
    ('Whale expert Hori Parata.', 'Adrian Malloch for the Guardian')
    >>> caption_credit("Raspberry Pi 3 - a small computer - Image: Raspberry Pi")
    ('Raspberry Pi 3 - a small computer', 'Raspberry Pi')
    >>> caption_credit("Obama in Iowa. | AP Photo")
    ('Obama in Iowa.', 'AP Photo')
    >>> caption_credit("A waiting room. / GORKA LEJARCEGI")
    ('A waiting room.', 'GORKA LEJARCEGI')
    >>> caption_credit("The photo shows a man.")
    ('The photo shows a man.', None)
    >>> caption_credit("Foto: president.gov.ua, via Wikimedia Commons | Lizenz: CC BY 4.0")
    ('', 'president.gov.ua, via Wikimedia Commons | Lizenz: CC BY 4.0')
    >>> caption_credit("Londyn / Photo: Pixabay, Twitter")
    ('Londyn', 'Pixabay, Twitter')
    >>> caption_credit("Photo: A drone flies over the carrier. Screenshot from Twitter")[1] is None
    True
    """
    text = " ".join(caption.split())
    if credit := _credit_line(text):
        return "", credit
    trailing, label, _ = _credit_patterns()
    found = trailing.search(text)
    if not found or found.start() == 0:
        return _bar_credit(text)
    credit = label.sub("", found.group("bracketed") or found.group("sentence") or "")
    credit = credit.strip(" .")
    if not credit or len(credit.split()) > 12 or credit.islower():
        return text, None  # "(pictured left)" names no one
    return text[: found.start()].rstrip(" -–—|"), credit


def _credit_line(text: str) -> str | None:
    """The credit of a caption that is only a photo credit: a credit label and its mark at
    its start ("Foto: president.gov.ua | Lizenz: CC BY 4.0", "© Reuters"; the mark may be a
    full stop: "Fot. Europol Gaz"), then at most 12 words; the credit without its label."""
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()  # "(Foto: Tony Silva/Ascom-PC)"
    found = _credit_patterns()[2].match(text)
    if not found or len(found["credit"].split()) > CREDIT_LINE_WORDS:
        return None
    credit = found["credit"].strip(" .")
    if not credit or credit.islower() or _says_something(credit):
        return None
    return credit


def _says_something(text: str) -> bool:
    """Words after a label that are a description, not a name: a sentence that ends before
    more words ("Bild: Eine iranische Drohne näherte sich … . Screenshot aus Twitter"), or
    more than three words in lower case ("via", "picture alliance / dpa" are a credit's)."""
    if re.search(r"[^\W\d_]{4}[.!?]\s+\S", text):
        return True
    lower = [w for w in text.split() if w.isalpha() and w.islower() and len(w) > 2]
    return len(lower) > CREDIT_LOWER_WORDS


def _bar_credit(text: str) -> tuple[str, str | None]:
    """A credit set apart by a bar after the caption's last sentence ("… votes. | AP Photo"):
    a few words that name a photo (a pack's photo words) or hold "©"."""
    found = BAR_CREDIT.search(text)
    if not found or not (PHOTO_WORDS.search(found["credit"]) or "©" in found["credit"]):
        return _slash_credit(text)
    if len(found["credit"].split()) > BAR_CREDIT_WORDS:
        return text, None
    return text[: found.start()].rstrip(), found["credit"].strip()


def _slash_credit(text: str) -> tuple[str, str | None]:
    """A credit in capitals after a slash that follows the caption's last sentence
    ("… madrileño. / GORKA LEJARCEGI", "… / EFE"): at most six words, letters in upper case."""
    found = SLASH_CREDIT.search(text)
    credit = found["credit"].strip() if found else ""
    if not credit or not credit.isupper() or len(credit.split()) > BAR_CREDIT_WORDS:
        return text, None
    return text[: found.start()].rstrip(), credit  # type: ignore[union-attr]


def normalise(line: str) -> str:
    """The form a line is compared in: lower case, single spaces, no trailing colon."""
    return " ".join(line.split()).strip(" :·•|").casefold()


def is_chrome(line: str) -> bool:
    """Say whether a line is known page chrome in some language.

    >>> is_chrome("Ссылки для упрощенного доступа"), is_chrome("Kazakhstan")
    (True, False)
    """
    return normalise(line) in CHROME_LINES


def chrome_language(lines: Iterable[str]) -> str | None:
    """The language whose pack lists the most of these chrome lines, when one leads.

    >>> chrome_language(["Коьрта чулацам тӀе гӀо", "Меню", "Декъа"])
    'ce'
    >>> chrome_language(["Меню"]) is None
    True
    """
    counts: dict[str, int] = {}
    for line in map(normalise, lines):
        for tag, pack in all_packs().items():
            if line in pack.chrome:
                counts[tag] = counts.get(tag, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None
    return max(counts, key=counts.__getitem__)


def is_end_marker(line: str) -> bool:
    """Say whether a line starts the page's furniture after the article."""
    return normalise(line) in END_MARKERS


def is_credit_line(text: str) -> bool:
    """Say whether a paragraph is a credit line such as 'With reporting by AFP'.

    >>> is_credit_line("With reporting by AFP, Reuters, and TASS")
    True
    """
    text = " ".join(text.split())
    return len(text) <= 300 and bool(CREDIT_LINE.match(text))


def is_photo_credit(text: str) -> bool:
    """Say whether a short line credits a photo ('Photo: AFP', '© Reuters').

    >>> is_photo_credit("Фото: ТАСС"), is_photo_credit("Share")
    (True, False)
    """
    text = " ".join(text.split())
    return len(text.split()) <= 8 and bool(PHOTO_CREDIT.match(text))


def byline_names(text: str) -> str | None:
    """The names of a byline that begins with a byline word ('By Ann Lee' → 'Ann Lee').

    A name begins with a capital (in scripts with capitals): a line that goes on in
    lower case is a sentence or a title, not a byline.

    >>> byline_names("Por Lucía Martín"), byline_names("Por qué suben los precios")
    ('Lucía Martín', None)
    """
    match = BYLINE.match(" ".join(text.split()))
    if match is None or match.group("names")[0].islower():
        return None
    return match.group("names")


def says_updated(words: Iterable[str]) -> bool:
    """Say whether the words beside a date mark it as the time of an update.

    >>> says_updated(["Mis", "jour"]), says_updated(["Published"])
    (True, False)
    """
    words = list(words)
    folded = " ".join(words).casefold().strip(" :")
    return folded in _UPDATED_KEYS or any(w.casefold().strip(" :") in UPDATED for w in words)


def says_published(words: Iterable[str]) -> bool:
    """Say whether the words beside a date mark it as the time of publication."""
    folded = " ".join(words).casefold().strip(" :")
    return folded in _PUBLISHED_KEYS


def and_words() -> frozenset[str]:
    """Every language's word for "and" between names."""
    return _all("and_words")


@lru_cache(maxsize=1)
def _role_pattern() -> re.Pattern[str]:
    words = "|".join(map(re.escape, sorted(_all("role_words"), key=len, reverse=True)))
    return re.compile(rf"(?<!\w)(?:{words})\w{{0,3}}(?!\w)", re.IGNORECASE)


def names_a_role(text: str) -> bool:
    """Say whether a part of a byline names a job ("Transport Correspondent"), not a person.

    >>> names_a_role("Transport Correspondent"), names_a_role("Tomasz Nowak")
    (True, False)
    """
    return bool(_role_pattern().search(text))


def same_word(a: str, b: str) -> bool:
    """The same word, or the same word with an inflection of at most two letters.

    >>> same_word("recherche", "rechercher"), same_word("kazakh", "kazakhstan")
    (True, False)
    """
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 5 and longer.startswith(shorter) and len(longer) - len(shorter) <= 2


def near_chrome(line: str) -> bool:
    """A line of two or more words that shares two words with a known chrome phrase.

    ("Esasy mazmuna geçiň" beside the pack's "esasy mazmuna geçmek": the same menu
    line in another form of the verb.)

    >>> near_chrome("Esasy mazmuna geçiň"), near_chrome("Права человека")
    (True, False)
    """
    words = re.findall(r"\w{3,}", line.casefold())
    if len(words) < 2:
        return False
    return any(
        sum(any(same_word(w, c) for c in phrase) for w in words) >= 2 for phrase in _chrome_words()
    )


def chrome_known(language: str) -> bool:
    """Say whether the pack of ``language`` lists page chrome (its menu lines are known)."""
    from ..lang import find_pack

    pack = find_pack(language)
    return pack is not None and bool(pack.chrome)


@lru_cache(maxsize=1)
def _chrome_words() -> tuple[tuple[str, ...], ...]:
    phrases = (tuple(re.findall(r"\w{3,}", phrase)) for phrase in CHROME_LINES)
    return tuple(p for p in phrases if len(p) >= 2)
