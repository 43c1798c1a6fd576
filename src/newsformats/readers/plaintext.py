"""The plain text of a scraped news page → an article, read by structure and position.

A page copied from a news site has a shape, whatever its language:

- page chrome at the top: short lines (accessibility links, banners, menus);
- perhaps a section label: a short line right above the headline;
- the headline: the longest title-like line before the text begins;
- under it, in some order: a photo caption (a short descriptive sentence) and
  its photo credit, a byline, a date line, an "updated" line;
- the body: paragraphs, with short unpunctuated lines between them as subheadings;
- at the end, a credit line ("With reporting by …"), then chrome again (share
  and print buttons, lists of related stories: runs of short lines).

The reader finds each part by that shape and its position; the words in
:mod:`.chrome` only confirm it. Where it cannot decide with confidence it says so
in a warning (a :func:`~newsformats.notes.note`) instead of inventing a
part. :func:`explain_layout` returns every decision, line by line (the
``--explain`` option of ``newsformats convert``). An optional sidecar beside the
file (``article.yaml`` for ``article.txt``) adds or overrides fields.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from ..lang.pack import find_pack, page_words
from ..lang.sentences import FULL_STOPS, TERMINALS
from ..language import close_language, detect_language, reads_otherwise
from ..model import Article
from ..notes import note
from .chrome import (
    PHOTO_AGENCIES,
    PHOTO_WORDS,
    byline_names,
    chrome_known,
    chrome_language,
    is_chrome,
    is_credit_line,
    is_end_marker,
    is_photo_credit,
    near_chrome,
    normalise,
    same_word,
    says_updated,
)
from .datelines import (
    DateFound,
    date_line,
    date_shaped,
    ends_with_date,
    find_dates,
    moment_of,
    time_without_zone,
)
from .fields import byline_people
from .letters import UNSPACED, WORD, word_count
from .source import Source, open_source
from .structured import article_from_data, load_yaml

MAX_HEADLINE = 300
# Sentence ends; a headline may end with ? or ! but not with a full stop.
TERMINAL = tuple(TERMINALS + ":;\"'»”’")
FULL_STOP = tuple(FULL_STOPS)
# One sentence's end inside a line: its mark, then a space or the line's end.
SENTENCE_END = re.compile(rf"[{re.escape(TERMINALS.replace('…', ''))}](?:\s|$)")
QUOTES = ('"', "“", "«", "'", "„", "‹")
# The shape of lines, in words.
BODY_WORDS = 8  # a paragraph that starts the text has at least this many words
LABEL_WORDS = 5  # a section label above the headline has at most this many
NAME_WORDS = 6  # a byline without a byline word: a few names
MENU_WORDS = 3  # a short line of chrome between the headline and the text
SUBHEADING_WORDS = 12
CAPTION_WORDS = 40
# One sentence longer than this above the byline, that speaks of no photo, is read as the
# standfirst (with a warning) rather than as the caption of a picture the page may not have.
LONG_CAPTION = CAPTION_WORDS // 2
# "Label: value", as in "Foto: Europa Liberă", "Szerző: Kovács Anna", "Tác giả: Trần Mai"
# (a label of one or two words, in any script; "፦" is the Ethiopic colon).
LABELLED = rf"^(?=\S{{2,}})(?:{WORD})(?:\s(?:{WORD}))?\s*[:：՝፦]\s*(\S.*)$"
BULLETS = ("•", "-", "–", "—", "*", "·", "▪")
# A caption is shorter than the paragraph after it: below HALF its length surely,
# below SHORTER when it also dates the picture.
HALF = 0.5
SHORTER = 0.8
WRAPPED_LINE = 50  # characters: a line this long, followed by another, is wrapped text


@dataclass(frozen=True)
class Decision:
    """What one line of the text was taken for, and why."""

    line: int
    role: str
    text: str
    reason: str

    def __str__(self) -> str:
        text = self.text if len(self.text) <= 70 else self.text[:69] + "…"
        return f"{self.line:>4}  {self.role:<13} {text}  ({self.reason})"


@dataclass
class Layout:
    """The fields found in a scraped page, the decisions taken, and the doubts."""

    data: dict[str, Any]
    decisions: list[Decision] = field(default_factory=list)
    # Each doubt as "LINE: message" (or " message" for the page as a whole).
    warnings: list[str] = field(default_factory=list)
    date_lines: int = 0


@dataclass(frozen=True)
class _Unit:
    text: str
    line: int

    @property
    def words(self) -> int:
        return word_count(self.text)


def read_plain_text(source: Source) -> Article:
    """Read the plain text of a news page, plus its sidecar when there is one.

    >>> from newsformats import read
    >>> read("examples/csto-sco-afghanistan.txt").headline  # doctest: +SKIP
    'Leaders Of Russia, China-Led Security Blocs Meet To Discuss Afghanistan'
    """
    sidecar, node, sidecar_source = _sidecar(source)
    layout = analyse_layout(source, language=sidecar.get("language") or sidecar.get("lang"))
    for message in layout.warnings:
        note(f"{source.name}:{message}")
    merged = _merge(layout.data, sidecar)
    if sidecar_source is not None:
        return article_from_data(merged, sidecar_source, node)
    return article_from_data(merged, source)


def parse_layout(source: Source, language: str | None = None) -> dict[str, Any]:
    """Find headline, caption, byline, dates, body and credit line in scraped text."""
    return analyse_layout(source, language).data


def explain_layout(path: str | Path, default_language: str | None = None) -> Layout:
    """Read a scraped page's layout, with the sidecar's language (else ``default_language``,
    ``--lang``), to show the decisions.

    >>> for decision in explain_layout("examples/csto-sco-afghanistan.txt").decisions[:3]:
    ...     print(decision.line, decision.role)
    1 chrome
    3 chrome
    5 headline
    """
    source = replace(open_source(path), default_language=default_language)
    sidecar, _, _ = _sidecar(source)
    return analyse_layout(source, language=sidecar.get("language") or sidecar.get("lang"))


def analyse_layout(source: Source, language: str | None = None) -> Layout:
    """Take every line of a scraped page for what its shape and position say it is."""
    units = _units(source.text)
    roles: dict[int, tuple[str, str]] = {}
    for index, unit in enumerate(units):
        if is_chrome(unit.text):
            roles[index] = ("chrome", "a chrome word of the page")
    start = _text_start(units, roles)
    if start is None:
        raise source.error("no article text found (only page chrome or empty lines)")
    doubt = ""
    if language is None and source.default_language:
        language = source.default_language
        found = reads_otherwise(_prose(units, roles), language)
        if found:
            doubt = (
                f" the text reads as {found!r}, not as the language told for the inputs "
                f"(--lang {language}); the told language is kept"
            )
    if language is None:
        language = _language(units, roles)
        if language is not None:
            language = close_language(language, source.text, page_words())
    if language is None:
        # A language the identifier does not know (Chechen): the pack whose chrome the page has.
        language = chrome_language(units[i].text for i in roles)
        doubt = (
            f" the language is taken from the page's chrome words ({language}); "
            "name it in a sidecar if wrong"
        )
    if language is None:
        raise source.error(
            "cannot tell the language of the text; name it in a sidecar (language: xx) "
            "or give it with --lang"
        )
    layout = Layout(data={"language": language}, warnings=[doubt] if doubt else [])
    meta = {i: _meta_role(u.text, language) for i, u in enumerate(units) if i not in roles}
    headline = _headline(units, roles, meta, start, layout)
    if headline is None:
        raise source.error(
            "no headline found: the first line of text is a whole paragraph "
            f"({len(units[start].text)} characters)",
            line=units[start].line,
        )
    _above_headline(units, roles, headline, layout)
    body_start = _under_headline(units, roles, meta, headline, start, language, layout)
    end = _article_end(units, roles, body_start, layout)
    _body(units, roles, body_start, end, layout)
    if not layout.data.get("body"):
        raise source.error("the article has a headline but no body text")
    layout.decisions = [
        Decision(units[i].line, role, units[i].text, reason)
        for i, (role, reason) in sorted(roles.items())
    ]
    return layout


def _units(text: str) -> list[_Unit]:
    """Paragraphs with the number of their first line.

    Blank lines separate paragraphs. Inside a block, lines are one paragraph when
    they look wrapped (every line but the last is long, and about as long as the
    others); otherwise, as in lists of links and menus, each line stands alone.
    """
    units: list[_Unit] = []
    block: list[tuple[int, str]] = []
    for number, line in enumerate([*text.split("\n"), ""], start=1):
        if line.strip():
            block.append((number, " ".join(line.split())))
            continue
        widths = [len(t) for _, t in block[:-1]]
        if widths and min(widths) >= WRAPPED_LINE and min(widths) >= 0.75 * max(widths):
            units.append(_Unit(" ".join(t for _, t in block), block[0][0]))
        else:
            units.extend(_Unit(t, n) for n, t in block)
        block = []
    return units


def _is_sentence(text: str) -> bool:
    return text.rstrip(")]").endswith(TERMINAL)


def _text_start(units: list[_Unit], roles: dict[int, tuple[str, str]]) -> int | None:
    """The first paragraph of running text: a long sentence, or a very long line.

    A short page has none: then the first sentence after a first line, else the second line.
    """
    free = [i for i in range(len(units)) if i not in roles and not is_end_marker(units[i].text)]
    for index in free:
        unit = units[index]
        long_enough = unit.words >= BODY_WORDS and _is_sentence(unit.text)
        if (long_enough or unit.words >= 2 * BODY_WORDS) and not is_credit_line(unit.text):
            return index
    sentences = [i for i in free[1:] if _is_sentence(units[i].text)]
    if sentences:
        return sentences[0]
    return free[1] if len(free) > 1 else (free[0] if free else None)


def _language(units: list[_Unit], roles: dict[int, tuple[str, str]]) -> str | None:
    return detect_language(_prose(units, roles))


def _prose(units: list[_Unit], roles: dict[int, tuple[str, str]]) -> str:
    """The page's paragraphs of running text (else all its lines but the chrome)."""
    prose = [u.text for i, u in enumerate(units) if i not in roles and u.words >= BODY_WORDS]
    return "\n".join(prose) or "\n".join(u.text for i, u in enumerate(units) if i not in roles)


def _meta_role(text: str, language: str) -> tuple[str, str] | None:
    """Bylines, date lines, updated lines and photo credits, known by their shape."""
    names = byline_names(text)
    if names is not None and len(names.split()) <= 3 * NAME_WORDS:
        return "byline", "begins with a byline word"
    found = date_line(text, language)
    if found is not None:
        _, words = found
        if says_updated(words):
            return "updated", "a date with a word of updating"
        return "date", "a date line: a date and at most a few words"
    if is_photo_credit(text):
        return "photo-credit", "a photo credit: agency or photographer"
    if _agency_credit(text):
        return "photo-credit", "a label, then a photo agency"
    return None


def _headline(
    units: list[_Unit],
    roles: dict[int, tuple[str, str]],
    meta: dict[int, tuple[str, str] | None],
    start: int,
    layout: Layout,
) -> int | None:
    """The longest title-like line before the text begins."""
    candidates = [
        i
        for i in range(start)
        if i not in roles
        and meta.get(i) is None
        and not _without_source(units[i].text).endswith(FULL_STOP)
        and units[i].words <= CAPTION_WORDS
        and len(units[i].text) <= MAX_HEADLINE
        and not ends_with_date(units[i].text, layout.data["language"])
    ]
    if not candidates:
        return None
    best = max(candidates, key=lambda i: (len(units[i].text), i))
    reason = "the longest title-like line before the text"
    if (_captions_a_photo(best, meta) or _over_labelled_credit(units, meta, best)) and (
        best - 1 in candidates
    ):
        above = best - 1
        if units[above].words > LABEL_WORDS or units[above].words * 2 >= units[best].words:
            # The line over a photo credit is the photo's caption, however long: a
            # title-like line right above it, longer than a section label, is the headline.
            candidates.remove(best)
            best, reason = above, "the title-like line above the caption of a photo credit"
    rivals = [
        i for i in candidates if i != best and len(units[i].text) >= 0.85 * len(units[best].text)
    ]
    layout.data["headline"] = units[best].text
    roles[best] = ("headline", reason)
    if rivals:
        layout.warnings.append(
            f"{units[best].line}: took {units[best].text!r} for the headline; "
            f"line {units[rivals[0]].line} ({units[rivals[0]].text!r}) is almost as long"
        )
    return best


def _captions_a_photo(index: int, meta: dict[int, tuple[str, str] | None]) -> bool:
    following = meta.get(index + 1)
    return following is not None and following[0] == "photo-credit"


# "LABEL: NAME" under a caption: a label of one or two words, a colon, then this many
# words at most ("तस्बिर: रासस", "Kuva: Lehtikuva"), in any language, with a pack or not.
CREDIT_NAME_WORDS = 3


def _labelled_credit(unit: _Unit) -> bool:
    """A short "label: name" line ("तस्बिर: रासस"), shaped like a photo credit."""
    label = re.match(LABELLED, unit.text)
    return (
        label is not None
        and not _is_sentence(unit.text)
        and word_count(label.group(1)) <= CREDIT_NAME_WORDS
    )


def _over_labelled_credit(
    units: list[_Unit], meta: dict[int, tuple[str, str] | None], index: int
) -> bool:
    """A line over a "label: name" line that no date line stands beside (a labelled byline
    does): a caption over its photo credit, whatever the label's language."""
    below = index + 1
    return (
        below < len(units)
        and meta.get(below) is None
        and _labelled_credit(units[below])
        and not _beside_date(below, meta)
    )


def _above_headline(
    units: list[_Unit], roles: dict[int, tuple[str, str]], headline: int, layout: Layout
) -> None:
    """A short line right above the headline is its section label; the rest is chrome."""
    label = headline - 1
    if (
        label >= 0
        and label not in roles
        and units[label].words <= LABEL_WORDS
        and len(units[label].text) < len(units[headline].text)
        and not _is_sentence(units[label].text)
        and date_line(units[label].text, layout.data["language"]) is None
        and (
            _repeats_menu_line(units, label)
            or not _shares_words(units[label].text, [units[i].text for i in range(label)])
        )
        and not near_chrome(units[label].text)
        and not (_command_case(units[label].text) and not chrome_known(layout.data["language"]))
    ):
        layout.data["kicker"] = units[label].text
        roles[label] = ("section", "a short line right above the headline")
    for index in range(headline):
        if index in roles:
            continue
        role = _meta_role(units[index].text, layout.data["language"])
        if role is not None and role[0] in ("date", "updated"):
            _take_date(units[index].text, role[0], index, units, roles, layout)
        else:
            roles[index] = ("chrome", "a line of the page before the headline")


def _command_case(line: str) -> bool:
    """A phrase whose last word is in lower case reads as a command, not a name.

    "Skip to main content", "Esasy mazmuna geçiň" are menu lines; section labels
    are names ("Central Asia", "The Week in Russia"). Scripts without case say nothing.
    Only asked for a language whose pack knows no chrome: where the words are known,
    menu lines are found by them ("Esasy mazmuna geçiň" by "esasy mazmuna geçmek"),
    and a sentence-case label ("Права человека") stays a label.
    """
    words = line.split()
    last = words[-1].lstrip("\"'«“(")
    cased = any(ch.isupper() for ch in line)  # Georgian letters are all "lower"
    return cased and len(words) > 1 and last[:1].islower()


def _repeats_menu_line(units: list[_Unit], label: int) -> bool:
    """A line set apart from the menu above it (a blank line between) that repeats one of
    its lines whole: the page's section, named again over its headline ("Cəmiyyət")."""
    key = normalise(units[label].text)
    return (
        label > 0
        and units[label].line > units[label - 1].line + 1
        and any(normalise(units[i].text) == key for i in range(label))
    )


def _shares_words(line: str, others: list[str]) -> bool:
    """A line that shares a word with the short lines above it belongs to their menu.

    ("Skip to main content", "Skip to search"; "Негізгі мазмұнға өту", "Іздеуге өту";
    "Aller à la recherche", "Rechercher": the same word inflected).
    """
    words = set(re.findall(r"\w{3,}", line.casefold()))
    return any(
        same_word(word, other_word)
        for other in others
        if len(other.split()) <= LABEL_WORDS
        for other_word in re.findall(r"\w{3,}", other.casefold())
        for word in words
    )


def _under_headline(
    units: list[_Unit],
    roles: dict[int, tuple[str, str]],
    meta: dict[int, tuple[str, str] | None],
    headline: int,
    start: int,
    language: str,
    layout: Layout,
) -> int:
    """Caption, photo credit, byline and dates between the headline and the text.

    Returns where the body begins.
    """
    caption_decided = False
    index = headline + 1
    while index < len(units):
        unit = units[index]
        role = meta.get(index)
        if index in roles:
            pass
        elif role is not None and role[0] == "byline":
            _take_byline(byline_names(unit.text) or unit.text, index, units, roles, layout, role)
        elif role is not None and role[0] in ("date", "updated"):
            _take_date(unit.text, role[0], index, units, roles, layout)
        elif date_shaped(unit.text):
            # A date line by its shape alone (months no table knows): never a caption.
            _take_date(unit.text, "date", index, units, roles, layout)
        elif role is not None and role[0] == "photo-credit":
            roles[index] = role
            layout.data["photo_credit"] = unit.text
        elif not caption_decided and _names_photo_agency(unit):
            roles[index] = ("photo-credit", "a short line naming a photo agency ('Getty Images')")
            layout.data["photo_credit"] = unit.text
        elif _name_shape(unit) and (
            _beside_date(index, meta) or _labelled_under_credit(unit, index, roles, layout)
        ):
            label = re.match(LABELLED, unit.text)
            reason = (
                "a few words next to the date line"
                if _beside_date(index, meta)
                else "a 'label: name' line right under the photo's caption and credit"
            )
            names = label.group(1) if label else _without_joined_by(unit, language, layout)
            names, job = _trailing_role(names, language)
            _take_byline(names, index, units, roles, layout, ("byline", reason))
            if job and layout.data.get("authors"):
                layout.data["authors"][-1]["role"] = job
        elif roles.get(index - 1, ("",))[0] == "caption" and _credit_shape(unit):
            roles[index] = ("photo-credit", "a short 'source: name' line right after the caption")
            layout.data["photo_credit"] = unit.text
        elif (
            index < start
            and unit.words <= NAME_WORDS
            and not _is_sentence(unit.text)
            and not (not caption_decided and _captions_below(units, meta, index, language))
        ):
            if unit.words > MENU_WORDS:
                break
            roles[index] = ("chrome", "a short line between the headline and the text")
            _doubt_labelled_chrome(unit, layout)
        elif (
            not caption_decided
            and "standfirst" not in layout.data
            and _is_standfirst(units, meta, index, language)
        ):
            roles[index] = ("standfirst", "a summary between the headline and the byline")
            layout.data["standfirst"] = unit.text
            if unit.words <= CAPTION_WORDS and len(re.findall(r"[.!?](?:\s|$)", unit.text)) < 2:
                layout.warnings.append(
                    f"{unit.line}: {unit.text[:60]!r} may be a photo caption; read as the "
                    "standfirst, since it speaks of no photo (no picture is shown)"
                )
        elif not caption_decided:
            caption_decided = True
            following = _next_text(units, roles, meta, index)
            verdict, reason = _caption_verdict(units, meta, index, following, language)
            if not verdict:
                if verdict is None:
                    layout.warnings.append(
                        f"{unit.line}: {unit.text[:60]!r} may be a photo caption; "
                        "read as the first paragraph"
                    )
                break
            roles[index] = ("caption", reason)
            layout.data["caption"], credit = _caption_credit(unit.text)
            if credit:
                layout.data["photo_credit"] = credit
        else:
            break
        index += 1
    if "photo_credit" in layout.data and "caption" not in layout.data:
        layout.warnings.append(
            f" a photo credit ({layout.data.pop('photo_credit')!r}) but no caption: "
            "no picture is shown; name the image in a sidecar"
        )
    return index


def _doubt_labelled_chrome(unit: _Unit, layout: Layout) -> None:
    """A "label: name" line left out under the headline may credit a photo or name an
    author: never dropped without a word."""
    if _labelled_credit(unit):
        where = (
            "under the headline and the photo's caption"
            if "caption" in layout.data
            else "under the headline with no caption above it"
        )
        layout.warnings.append(
            f"{unit.line}: left out {unit.text!r} ('label: name', {where}): "
            "if it credits a photo or names an author, give it in a sidecar"
        )


def _labelled_under_credit(
    unit: _Unit, index: int, roles: dict[int, tuple[str, str]], layout: Layout
) -> bool:
    """A "label: name" line right under a caption and its photo credit: the photo has its
    credit, so the next labelled name is the author's ("ලියූවේ: නිමල් පෙරේරා", whatever
    the label's language), unless an author is already known."""
    return (
        "caption" in layout.data
        and roles.get(index - 1, ("",))[0] == "photo-credit"
        and not layout.data.get("authors")
        and _labelled_credit(unit)
    )


def _without_source(text: str) -> str:
    """A line without the source at its end: 'Caption. (Photo archive)', 'Caption. Photo: AFP'."""
    text = _caption_credit(text)[0]
    if text.endswith(")") and "(" in text:
        return text[: text.rindex("(")].rstrip()
    return text


def _agency_credit(text: str) -> bool:
    """A label, then a photo agency ("Larawan: Reuters", "Kuva: AFP/Ann Lee"): a photo
    credit by its shape, in a language whose word for "photo" no pack knows."""
    label = re.match(LABELLED, text)
    if label is None or word_count(text) > NAME_WORDS:
        return False
    first = re.split(r"[\s/]", label.group(1).casefold(), maxsplit=1)[0]
    return first in PHOTO_AGENCIES


def _names_photo_agency(unit: _Unit) -> bool:
    """A short line that begins with a photo agency's name: 'Getty Images', 'AFP', 'EPA/Ann Lee'."""
    first = re.split(r"[\s/]", unit.text.casefold(), maxsplit=1)[0]
    return unit.words <= MENU_WORDS + 1 and first in PHOTO_AGENCIES and not _is_sentence(unit.text)


def _caption_credit(text: str) -> tuple[str, str | None]:
    """A caption and the photo credit after its last sentence ('People wait. Photo: AFP')."""
    last = re.split(r"(?<=[.!?…])\s+", text)[-1]
    if last != text and is_photo_credit(last):
        return text[: -len(last)].rstrip(), last
    return text, None


def _name_shape(unit: _Unit) -> bool:
    """A few words without digits, not a sentence: names ('Ann Lee', 'Autor: Ana Pop')."""
    return (
        1 < unit.words <= NAME_WORDS
        and not re.search(r"\d", unit.text)
        and not _is_sentence(unit.text)
    )


def _credit_shape(unit: _Unit) -> bool:
    """'Foto: Name', 'Name/Agency', '© Agency': a few words naming where a picture is from."""
    text = unit.text
    return (
        unit.words <= NAME_WORDS
        and not _is_sentence(text)
        and (bool(re.match(LABELLED, text)) or "/" in text or "©" in text)
    )


def _labelled_name(unit: _Unit) -> bool:
    """'Label: a few words', no sentence: a label of one or two words, then a name of at
    most :data:`NAME_WORDS` words (a ministry, an agency), without digits."""
    match = re.match(LABELLED, unit.text)
    return (
        match is not None
        and not _is_sentence(unit.text)
        and len(match.group(1).split()) <= NAME_WORDS
        and not re.search(r"\d", unit.text)
    )


def _beside_date(index: int, meta: dict[int, tuple[str, str] | None]) -> bool:
    return any(
        (role := meta.get(i)) is not None and role[0] in ("date", "updated")
        for i in (index - 1, index + 1)
    )


def _next_text(
    units: list[_Unit],
    roles: dict[int, tuple[str, str]],
    meta: dict[int, tuple[str, str] | None],
    index: int,
) -> int | None:
    """The next line of running text after ``index``: no chrome, no byline or date."""
    for later in range(index + 1, len(units)):
        if (
            later not in roles
            and meta.get(later) is None
            and units[later].words > MENU_WORDS
            and not (_name_shape(units[later]) and _beside_date(later, meta))  # a byline
            and not _credit_shape(units[later])  # "Photo: Name/Agency", "Author: Name"
        ):
            return later
    return None


def _is_standfirst(
    units: list[_Unit], meta: dict[int, tuple[str, str] | None], index: int, language: str
) -> bool:
    """Is a line under the headline its summary (standfirst) rather than a photo caption?

    It is prose above the byline or date lines, and does not speak of a photo itself;
    then it is a summary when it is more than one sentence or longer than a caption,
    or when the line after it is the caption (it names a photo, has a credit under
    it or ends with a date).
    """
    text = units[index].text
    if not _is_sentence(text) or units[index].words <= NAME_WORDS or text.startswith(QUOTES):
        return False
    if is_credit_line(text) or _speaks_of_photo(units, meta, index, language):
        return False
    later = range(index + 1, len(units))
    dated = next((i for i in later if (meta.get(i) or ("",))[0] in _BYLINE_ROLES), None)
    if dated is None or any(units[i].words >= 2 * BODY_WORDS for i in range(index + 1, dated)):
        return False
    sentences = len(SENTENCE_END.findall(text))
    return (
        sentences > 1
        or units[index].words > LONG_CAPTION
        or (index + 1 < dated and _speaks_of_photo(units, meta, index + 1, language))
    )


_BYLINE_ROLES = ("byline", "date", "updated")


def _captions_below(
    units: list[_Unit], meta: dict[int, tuple[str, str] | None], index: int, language: str
) -> bool:
    """A short line under the headline that is a photo's caption, not a menu line: it
    speaks of a photo, or a "label: name" credit is under it in any language (a caption
    of five words over "ඡායාරූපය: දිවයින", whose label no pack knows)."""
    return _speaks_of_photo(units, meta, index, language) or _over_labelled_credit(
        units, meta, index
    )


def _speaks_of_photo(
    units: list[_Unit], meta: dict[int, tuple[str, str] | None], index: int, language: str
) -> bool:
    """A line that names a photo, has a photo credit under it or ends with a date."""
    text = units[index].text
    return (
        bool(PHOTO_WORDS.search(text))
        or (meta.get(index + 1) or ("",))[0] == "photo-credit"
        or ends_with_date(_without_source(text), language)
    )


def _caption_verdict(
    units: list[_Unit],
    meta: dict[int, tuple[str, str] | None],
    index: int,
    following: int | None,
    language: str,
) -> tuple[bool | None, str]:
    """Is the first line under the headline a photo caption? True, False or None (unsure)."""
    text = units[index].text
    if units[index].words > CAPTION_WORDS or is_credit_line(text):
        return False, ""
    # A quotation under the headline opens the text, unless a photo credit follows it
    # ("\"Xocəsən\" stansiyasının platformasında …", then "Foto: Trend").
    if text.startswith(QUOTES) and (meta.get(index + 1) or ("",))[0] != "photo-credit":
        return False, ""
    if PHOTO_WORDS.search(text):
        return True, "right under the headline, and names the photo"
    after = [
        (meta.get(i) or ("", ""))[0]
        for i in range(index + 1, following if following is not None else len(units))
    ]
    if "photo-credit" in after[:1] or (
        index + 1 < len(units) and meta.get(index + 1) is None and _credit_shape(units[index + 1])
    ):
        return True, "right under the headline, followed by a photo credit"
    if any(role in ("byline", "date", "updated") for role in after):
        return True, "between the headline and the byline or date lines"
    if following is None:
        return False, ""
    sentences = len(SENTENCE_END.findall(text))
    # In words or in characters, whichever is shorter: agglutinative languages
    # write fewer, longer words, and some captions use short words.
    then = units[following]
    ratio = min(units[index].words / max(then.words, 1), len(text) / max(len(then.text), 1))
    if sentences > 1 or units[index].words > 30:
        return False, ""
    dated = ends_with_date(text, language)
    if dated and ratio < SHORTER:
        return True, "right under the headline, ends with a date, shorter than the text after it"
    if ratio < HALF or (ratio < SHORTER and find_dates(text, language)):
        return True, "a short line right under the headline, half as long as the text after it"
    if ratio < SHORTER or (dated and ratio < 1):
        return None, ""
    return False, ""


def _without_joined_by(unit: _Unit, language: str, layout: Layout) -> str:
    """A byline's names without the "by" its language's pack says begins it, taken off
    only here, on a line that is a byline by its position (next to a date line).

    Such a prefix is written joined to the first name (Amharic "በዳዊት ገብረ መድኅን", by
    Dawit Gebre Medhin), or is a word too common to find bylines by (Swahili "Na ",
    also "and", and a word of other languages). A name may itself begin with a joined
    prefix's letters ("በቀለ", Bekele), so taking one off is a doubt, said in a warning.
    """
    pack = find_pack(language)
    for prefix in pack.byline_prefixes if pack else ():
        rest = unit.text[len(prefix) :]
        if not (unit.text.casefold().startswith(prefix) and rest[:1].isalpha()):
            continue
        if not prefix.endswith(" "):
            layout.warnings.append(
                f"{unit.line}: took {prefix!r} at the start of {unit.text!r} for 'by' joined "
                "to the name; if the name itself begins with it, give the authors in a sidecar"
            )
        return rest
    return _without_unknown_by(unit, pack is None, layout)


# A word for "by" before the names, in a language without a pack: a word of one or two
# letters ("Ni Maria Santos", Tagalog), then two names or more.
SHORT_BY = 2


def _without_unknown_by(unit: _Unit, unknown: bool, layout: Layout) -> str:
    """A byline by its position, in a language no pack knows, that begins with a word of
    one or two letters before two names or more: that word is taken for "by", with a
    warning (a name may begin so: "Ng Kai Ming")."""
    words = unit.text.split()
    if not unknown or len(words) < 3 or len(words[0]) > SHORT_BY or not words[0].isalpha():
        return unit.text
    if not all(word[:1].isupper() for word in words[1:]):
        return unit.text
    layout.warnings.append(
        f"{unit.line}: took {words[0]!r} at the start of {unit.text!r} for a word meaning 'by' "
        "(the language has no pack); if it is part of a name, give the authors in a sidecar"
    )
    return " ".join(words[1:])


def _trailing_role(names: str, language: str) -> tuple[str, str | None]:
    """A byline's names and the job written after them without a comma, in a language
    that names the job last: Korean "김민지 기자", Japanese "山田太郎記者" (joined, in a
    script without spaces). Only the language's own role words count.
    """
    pack = find_pack(language)
    for role in sorted(pack.role_words if pack else (), key=len, reverse=True):
        rest = names[: -len(role)]
        if names.endswith(role) and rest.strip() and (rest.endswith(" ") or UNSPACED.match(role)):
            return rest.rstrip(), role
    return names, None


def _take_byline(
    names: str,
    index: int,
    units: list[_Unit],
    roles: dict[int, tuple[str, str]],
    layout: Layout,
    role: tuple[str, str],
) -> None:
    roles[index] = role
    dates = find_dates(names, layout.data["language"])
    if dates:
        # "By Ann Lee, 16 September 2021": the names, then a date line.
        names = names[: dates[0].start].strip(" ,|·-–—")
        _take_date(units[index].text, "date", index, units, roles, layout, keep_role=True)
    layout.data.setdefault("authors", []).extend(byline_people(names))


def _take_date(
    text: str,
    role: str,
    index: int,
    units: list[_Unit],
    roles: dict[int, tuple[str, str]],
    layout: Layout,
    *,
    keep_role: bool = False,
) -> None:
    """A date line gives ``published`` (the first date) or ``updated``.

    A line with two dates ("16 May 2024 | Updated 17 May 2024") gives both.
    """
    dates = find_dates(text, layout.data["language"])
    layout.date_lines += 1
    if (role == "updated" and len(dates) < 2) or layout.date_lines > 1:
        names = ["updated"]
    else:
        names = ["published", "updated"][: max(len(dates), 1)]
    taken: list[str] = []
    candidates: list[DateFound | None] = [*dates] or [None]
    for name, found in zip(names, candidates, strict=False):
        moment = moment_of(found, text) if found is not None else None
        if moment is None:
            calendar = found.calendar if found is not None else "unknown"
            layout.warnings.append(
                f"{units[index].line}: the date {text!r} ({calendar}) cannot be read as a "
                f"day; give {name} in a sidecar"
            )
        elif name not in layout.data:
            same_day = name == "updated" and layout.data.get("published") == moment
            layout.data[name] = moment
            taken.append(f"{name} {moment.date().isoformat()}")
            time = time_without_zone(found, text) if same_day and found is not None else None
            if time:
                layout.warnings.append(f"{units[index].line}: {_unzoned_update(time, moment)}")
    if not keep_role:
        reason = "a date line" + (" → " + ", ".join(taken) if taken else "")
        roles[index] = ("updated" if names == ["updated"] else "date", reason)


def _unzoned_update(time: str, moment: datetime) -> str:
    """Why an update on the day of publication, its time without a zone, is not shown.

    An article's times are moments: the model refuses a time without a zone, as the
    HTML's ``<time datetime>``, the JSON-LD's dates, EPUB's and ID3's each say an instant,
    and a wall time read as UTC would be a false one. So only the day is kept, the
    publication's day too, and the writers show an update only when it differs from the
    publication (see docs/inputs-text.md).
    """
    return (
        f"the update at {time} has no time zone, and the text gives none; only its day "
        f"{moment:%Y-%m-%d} is kept, the day of publication, so the update is not shown"
    )


def _article_end(
    units: list[_Unit], roles: dict[int, tuple[str, str]], body_start: int, layout: Layout
) -> int:
    """Where the article ends: before the furniture after it, after its credit line."""
    end = len(units)
    long_paragraphs = [
        i for i, u in enumerate(units) if u.words >= 2 * BODY_WORDS and _is_sentence(u.text)
    ]
    for index in range(body_start, len(units)):
        if not is_end_marker(units[index].text) or index in roles:
            continue
        after = bisect_right(long_paragraphs, index)
        later = long_paragraphs[after : after + 2]
        if len(later) < 2:
            end = index
            break
        # A box of links inside the article ("Read also", then headlines): the text goes on.
        roles[index] = ("chrome", "a box of links inside the article")
        for inside in range(index + 1, later[0]):
            if not _is_sentence(units[inside].text) and inside not in roles:
                roles[inside] = ("chrome", "a link in a box inside the article")
    # Back from the end, past short lines and link lists, to the last sentence.
    last = end - 1
    while last >= body_start and (
        last in roles
        or is_credit_line(units[last].text)
        or not _is_sentence(units[last].text)
        or units[last].words < MENU_WORDS
    ):
        last -= 1
    # A short credit line, then one more short sentence (a note on the programme that
    # aired it): the text ended above the credit line.
    if (
        last - 1 > body_start
        and last - 1 not in roles
        and is_credit_line(units[last - 1].text)
        and units[last - 1].words < 2 * BODY_WORDS
        and units[last].words < 2 * BODY_WORDS
    ):
        roles[last] = ("after", "a line after the credit line")
        last -= 2
    _signed_after(units, roles, last + 1, end, layout)
    tail = [i for i in range(last + 1, len(units)) if i not in roles]
    credit = next((i for i in tail if i < end and is_credit_line(units[i].text)), None)
    if credit is None and tail and tail[0] == last + 1 < end:
        credit = _credit_by_position(units, roles, tail, end, layout)
    elif credit is not None:
        roles[credit] = ("credit", "after the last paragraph, begins with credit words")
    if credit is None and _short_last_sentence(units, roles, last, body_start, layout):
        credit = last
        roles[last] = ("credit", "a short last sentence after a long paragraph (by position)")
        layout.warnings.append(
            f"{units[last].line}: took {units[last].text!r} for the credit line: a sentence "
            "far shorter than the text's paragraphs, at its end"
        )
        last -= 1
    if credit is not None:
        layout.data["credit_line"] = units[credit].text
    for index in range(last + 1, len(units)):
        if index in roles:
            continue
        if index >= end:
            reason = "after the end of the article" if index > end else "the end of the article"
            roles[index] = ("after", reason)
        else:
            roles[index] = ("chrome", "a short line or link after the text")
    return last + 1


def _short_last_sentence(
    units: list[_Unit],
    roles: dict[int, tuple[str, str]],
    last: int,
    body_start: int,
    layout: Layout,
) -> bool:
    """The text's last line is one sentence of a few words ("Με πληροφορίες από το
    ΑΠΕ-ΜΠΕ.", "Na podstawie informacji PAP i Radia Gdańsk.") right after a long
    paragraph, and the text has three paragraphs or more, in a language whose credit
    words no pack knows: as likely a credit line as a closing line. Where the pack
    knows them, a last sentence without them is the text's own."""
    pack = find_pack(layout.data["language"])
    if pack is not None and pack.credit_starts:
        return False
    text = units[last].text
    paragraphs = [i for i in range(body_start, last) if units[i].words >= BODY_WORDS]
    return (
        len(paragraphs) >= 3
        and last - 1 in paragraphs
        and units[last - 1].words >= 3 * units[last].words
        and last not in roles
        and MENU_WORDS <= units[last].words < BODY_WORDS
        and len(SENTENCE_END.findall(text)) == 1
        and not text.startswith(QUOTES)
    )


def _signed_after(
    units: list[_Unit], roles: dict[int, tuple[str, str]], first: int, end: int, layout: Layout
) -> None:
    """A byline and date lines right after the text ("Автор: …", "3 апреля 2024"), as
    pages that sign at the end have them; a credit line may stand among them."""
    language = layout.data["language"]
    for index in range(first, end):
        text = units[index].text
        role = _meta_role(text, language) if index not in roles else None
        if role is not None and role[0] == "byline" and not layout.data.get("authors"):
            reason = ("byline", "a byline right after the text")
            _take_byline(byline_names(text) or text, index, units, roles, layout, reason)
        elif role is not None and role[0] in ("date", "updated"):
            _take_date(text, role[0], index, units, roles, layout)
        elif index in roles or not is_credit_line(text):
            return


def _credit_by_position(
    units: list[_Unit],
    roles: dict[int, tuple[str, str]],
    tail: list[int],
    end: int,
    layout: Layout,
) -> int | None:
    """The line right after the text, when it stands alone, may be the credit line; a
    'Source: Name' line there is one by its shape ("Kaynak: Anadolu Ajansı"), even with
    links after it."""
    first = tail[0]
    if is_photo_credit(units[first].text):
        return None
    # By its shape, however short: "Source: AFP", "स्रोत: पीटीआई" (a label and a name).
    if _credit_shape(units[first]) and re.match(LABELLED, units[first].text):
        roles[first] = ("credit", "a short 'source: name' line right after the text")
        return first
    if _labelled_name(units[first]):
        # A longer name after the label ("Isi mmalite: Ụlọ ọrụ ahụike steeti Enugu", Igbo's
        # "source:" and a ministry): in a language whose credit words no pack knows, the
        # credit line; where the pack knows them, the label is none of them: left out, and
        # said so.
        pack = find_pack(layout.data["language"] or "")
        if pack is not None and pack.credit_starts:
            layout.warnings.append(
                f"{units[first].line}: left out {units[first].text!r}, a 'label: name' line "
                "right after the text whose label is none of the language's credit words"
            )
            return None
        roles[first] = ("credit", "a 'label: name' line right after the text (by its shape)")
        layout.warnings.append(
            f"{units[first].line}: took {units[first].text!r} for the credit line: a "
            "'label: name' line right after the text, in a language whose credit words no "
            "pack knows"
        )
        return first
    if units[first].words < MENU_WORDS:
        return None
    others = [i for i in tail[1:] if i < end and units[i].words >= MENU_WORDS]
    if others:
        return None  # a list of links, not a credit
    roles[first] = ("credit", "the one line right after the text (by position alone)")
    layout.warnings.append(
        f"{units[first].line}: took {units[first].text!r} for the credit line by its position alone"
    )
    return first


def _body(
    units: list[_Unit],
    roles: dict[int, tuple[str, str]],
    start: int,
    end: int,
    layout: Layout,
) -> None:
    """Paragraphs and subheadings; chrome that repeats or is known is left out."""
    seen: dict[str, int] = {}
    for unit in units:
        key = normalise(unit.text)
        seen[key] = seen.get(key, 0) + 1
    kept = [i for i in range(start, end) if i not in roles]
    links, items = _short_runs(units, kept)
    blocks: list[dict[str, Any]] = []
    for position, index in enumerate(kept):
        text = units[index].text
        if units[index].words <= MENU_WORDS and seen[normalise(text)] > 1:
            roles[index] = ("chrome", "a short line the page repeats")
            continue
        if index in links:
            roles[index] = ("chrome", "a run of short lines inside the text: links")
            continue
        if index in items:
            roles[index] = ("list-item", "a run of short lines after a colon or with bullets")
            item = text.lstrip("".join(BULLETS) + " ")
            if blocks and blocks[-1]["type"] == "list" and kept[position - 1] in items:
                blocks[-1]["items"].append(item)
            else:
                blocks.append({"type": "list", "items": [item]})
            continue
        inside = 0 < position < len(kept) - 1
        if inside and _is_short(units[index]):
            roles[index] = ("subheading", "a short unpunctuated line between paragraphs")
            blocks.append({"type": "subheading", "content": text})
            if position > 0 and kept[position - 1] in links:
                layout.warnings.append(
                    f"{units[index].line}: kept {text!r} as a subheading; it may be the last "
                    "link of the box of links above it"
                )
        else:
            roles[index] = ("paragraph", "running text")
            blocks.append({"type": "paragraph", "content": text})
    layout.data["body"] = blocks


def _is_short(unit: _Unit) -> bool:
    return unit.words <= SUBHEADING_WORDS and not _is_sentence(unit.text)


def _short_runs(units: list[_Unit], kept: list[int]) -> tuple[set[int], set[int]]:
    """Runs of two or more short lines inside the text: boxes of links, or lists.

    A run after a line ending in a colon, or of lines that begin with a bullet, is a
    list the article itself makes; any other run is a box of links, not subheadings.
    """
    links: set[int] = set()
    items: set[int] = set()
    run: list[int] = []
    for position, index in enumerate([*kept, -1]):
        if index >= 0 and _is_short(units[index]):
            run.append(position)
            continue
        if len(run) >= 2:
            before = units[kept[run[0] - 1]].text if run[0] > 0 else ""
            bulleted = all(units[kept[p]].text.startswith(BULLETS) for p in run)
            chosen = items if before.endswith(":") or bulleted else links
            chosen.update(kept[p] for p in run)
            if chosen is links and len(run) >= 3 and index >= 0:
                # A label, links, then this line before the text goes on: a subheading?
                links.discard(kept[run[-1]])
        run = []
    return links, items


def _sidecar(source: Source) -> tuple[dict[str, Any], Any, Source | None]:
    if source.path is None:
        return {}, None, None
    for suffix in (".yaml", ".yml"):
        candidate = source.path.with_suffix(suffix)
        if candidate.is_file():
            sidecar_source = open_source(candidate)
            data, node = load_yaml(sidecar_source.text, sidecar_source)
            if data is None:
                return {}, None, None
            if not isinstance(data, dict):
                raise sidecar_source.error("the sidecar must be a mapping of article fields")
            return data, node, sidecar_source
    return {}, None, None


def _merge(detected: dict[str, Any], sidecar: dict[str, Any]) -> dict[str, Any]:
    """Sidecar fields win; the caption and photo credit found join the sidecar's image."""
    merged = dict(detected)
    caption = merged.pop("caption", None)
    credit = merged.pop("photo_credit", None)
    merged.update(sidecar)
    if caption is None:
        return merged
    image = sidecar.get("image")
    if isinstance(image, dict):
        merged["image"] = {"caption": caption, **({"credit": credit} if credit else {}), **image}
    elif "caption" not in sidecar:
        merged["caption"] = caption
        if credit and "photo_credit" not in sidecar:
            merged["photo_credit"] = credit
    return merged
