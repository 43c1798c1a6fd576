"""From the fields a news-format reader found to a validated article.

Shared by the readers of web pages, NewsML-G2, NITF, ninjs and feeds: dates in
the forms those formats use, the language when the source does not name it,
images on the network (a placeholder unless the network is allowed), and one
clear line when the fields do not make an article.
"""

from __future__ import annotations

import email.utils
import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Any

from ..errors import InputError, ResourceError
from ..lang.pack import page_words
from ..language import close_language, detect_language, language_of_labels, reads_otherwise
from ..model import Article, validate
from ..notes import note
from ..resources import ResourcePolicy, load_image
from ..typed import ModelError
from .datelines import NAMED_ZONES, slashed_date
from .fields import take_advisory
from .source import Source
from .structured import validation_error

REMOTE = re.compile(r"^https?://", re.IGNORECASE)
# A reference with a scheme of its own (data:, cid:, urn:…), not a file path.
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]+:", re.IGNORECASE)
MARKUP = re.compile(r"<[^<>]*>")


def parse_date(
    value: Any, where: str, zone: tzinfo | None = None, day_without_zone: bool = False
) -> datetime | None:
    """A date from ISO 8601 (extended or basic), RFC 822, or a parsed datetime.

    A time without a zone is read in ``zone`` (the one the source's other dates give)
    when given; else, with ``day_without_zone``, only its day is kept (at 00:00 UTC, as
    a page's shown date without a zone), never a guessed hour; else it is read as UTC.
    Each with a warning.

    >>> parse_date("2022-07-11 18:33", "x", day_without_zone=True).isoformat()
    '2022-07-11T00:00:00+00:00'

    >>> parse_date("20020506T120000Z", "x").isoformat()
    '2002-05-06T12:00:00+00:00'
    >>> parse_date("20120103T1426+0400Z", "x").isoformat()
    '2012-01-03T14:26:00+04:00'
    >>> parse_date("Tue, 10 Jun 2003 04:00:00 GMT", "x").isoformat()
    '2003-06-10T04:00:00+00:00'
    >>> parse_date("2023-11-06T13:00:15.055Z", "x").isoformat()
    '2023-11-06T13:00:15+00:00'
    >>> parse_date("2018/11/21 8:56:38 PM", "x").isoformat()
    '2018-11-21T00:00:00+00:00'
    """
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str) and value.strip():
        text = value.strip()
        moment = _iso(text) or _basic(text) or _rfc822(text)  # type: ignore[assignment]
        if moment is None and (moment := slashed_date(text)) is not None:
            # A form that never carries a zone: its hour is local, so the day is what is sure.
            day_without_zone = True
        if moment is None:
            moment = _iso_with_abbreviation(text, where)
        if moment is None:
            note(f"{where}: the date {text[:40]!r} is not in a known form; it is left out")
            return None
    else:
        return None
    if moment.tzinfo is None and zone is not None:
        note(
            f"{where}: the date {moment.isoformat()} has no time zone; it is read in the "
            "zone of the source's other dates",
            level="info",
        )
        moment = moment.replace(tzinfo=zone)
    elif moment.tzinfo is None and day_without_zone:
        if moment.time() != datetime.min.time():
            note(
                f"{where}: the date {moment.isoformat()} has no time zone, and the source "
                f"gives none; only the day {moment:%Y-%m-%d} is kept"
            )
        moment = datetime(moment.year, moment.month, moment.day, tzinfo=UTC)
    elif moment.tzinfo is None:
        note(f"{where}: the date {moment.isoformat()} has no time zone; it is read as UTC")
        moment = moment.replace(tzinfo=UTC)
    # To the second: "13:00:15.055Z" would be written "13:00:15.055000", which HTML's
    # datetime attribute refuses (one to three digits), and no reader needs the milliseconds.
    return moment.replace(microsecond=0)


def _iso(text: str) -> datetime | None:
    """ISO 8601, also as CMS templates print it with a one-digit hour ("2022-05-11T4:10:00").

    >>> _iso("2022-05-11T4:10:00").hour
    4
    """
    text = re.sub(r"^(\d{4}-\d\d-\d\d[T ])(\d)(?=:)", r"\g<1>0\2", text)
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        return None


def _iso_with_abbreviation(text: str, where: str) -> datetime | None:
    """ISO 8601 with a zone abbreviation after it, as some CMSs print it
    ("2021-01-03T17:40:00EET", "2014-12-29 08:57:25 EST"): read in the zone an abbreviation
    of one offset names (:data:`~.datelines.NAMED_ZONES`). Others name no offset for sure
    (IST is three zones), so the time is read as UTC and the message says so; the day is kept.

    >>> _iso_with_abbreviation("2021-01-03T17:40:00EET", "x").isoformat()
    '2021-01-03T17:40:00+02:00'
    >>> _iso_with_abbreviation("2021-01-03T17:40:00IST", "x").isoformat()
    '2021-01-03T17:40:00+00:00'
    """
    match = re.fullmatch(r"(\d{4}-\d\d-\d\d[T ][\d:.]+?)\s*([A-Z]{2,5})", text)
    moment = _iso(match.group(1)) if match else None
    if match is None or moment is None or moment.tzinfo is not None:
        return None
    if match.group(2) in NAMED_ZONES:
        hours = NAMED_ZONES[match.group(2)]
        return moment.replace(tzinfo=timezone(timedelta(minutes=round(hours * 60))))
    note(
        f"{where}: the date {text[:40]!r} names its zone by an abbreviation "
        f"({match.group(2)}), which gives no offset; the time is read as UTC"
    )
    return moment.replace(tzinfo=UTC)


def _basic(text: str) -> datetime | None:
    # An offset with a stray "Z" after it ("20120103T1426+0400Z", RIA's) is the offset.
    match = re.fullmatch(r"(\d{8})(?:T(\d{4,6})(Z|[+-]\d{4})?Z?)?", text)
    if not match:
        return None
    date, time, zone = match.group(1), (match.group(2) or "0000").ljust(6, "0"), match.group(3)
    suffix = "" if zone is None else "+0000" if zone == "Z" else zone
    form = "%Y%m%d%H%M%S" + ("%z" if suffix else "")
    try:
        return datetime.strptime(date + time + suffix, form)
    except ValueError:
        return None


def _rfc822(text: str) -> datetime | None:
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def finish_article(data: dict[str, Any], source: Source, where: str | None = None) -> Article:
    """Validate fields into an article, filling the language and placing network images.

    ``where`` names the article inside a many-article input (``item 3``) in messages.
    """
    place = f"{source.name} ({where})" if where else source.name
    data = {k: v for k, v in data.items() if v not in (None, "", [], {})}
    if not data.get("headline"):
        raise source.error(f"{where + ': ' if where else ''}no headline found")
    if not data.get("body"):
        raise source.error(f"{where + ': ' if where else ''}no body text found")
    if not data.get("language"):
        data["language"] = _untold_language(data, source, where)
    else:
        _check_declared_language(data, place)
    standfirst = data.get("standfirst")
    if isinstance(standfirst, str) and _same_words(standfirst, str(data["headline"])):
        del data["standfirst"]  # a second headline field repeating the first (hl2, abstract)
    published, updated = data.get("published"), data.get("updated")
    if isinstance(published, datetime) and isinstance(updated, datetime) and updated < published:
        note(f"{place}: the update time is earlier than the publication time; it is left out")
        del data["updated"]
    elif isinstance(published, datetime) and updated == published:
        del data["updated"]  # the first version: nothing was updated
    _advisory(data, place)
    if not source.allow_network:
        _placeholders(data, place)
    _missing_files(data, source, place)
    _refused_files(data, source, place)
    try:
        return validate(data)
    except ModelError as error:
        problem = validation_error(error, source)
        if where:
            problem.args = (f"{where}: {problem}",)
            if hasattr(problem, "message"):
                problem.message = f"{where}: {problem.message}"
        raise problem from None


def _advisory(data: dict[str, Any], place: str) -> None:
    """An advisory to the desks at the top of wire copy ("(Adds …)") is an editor's note."""
    text = take_advisory(data)
    if text is not None:
        note(
            f"{place}: the first paragraph, in brackets before the dateline'd lead, is an "
            f"advisory to the desks ({text[:60]!r}): it is an editor's note, not text",
            level="info",
        )


def _placeholders(data: dict[str, Any], place: str) -> None:
    """Images on the network are not fetched: each keeps its alt text and caption, and says so."""
    for image in _images(data):
        if REMOTE.match(str(image.get("src") or "")):
            note(
                f"{place}: the image {image['src'][:100]} is on the network and is not fetched "
                "(--allow-network fetches it); a placeholder keeps its alt text and caption"
            )
            image["src"] = None


def _untold_language(data: dict[str, Any], source: Source, where: str | None) -> str:
    """The language of an article whose source names none: the one the user told
    (``--lang``), else the one its text reads as. A text far from the told language is
    said in a warning; a text that tells no language is refused, naming ``--lang``."""
    place = f"{source.name} ({where})" if where else source.name
    told = source.default_language
    if told:
        found = reads_otherwise(_all_text(data), told)
        if found:
            note(
                f"{place}: the text reads as {found!r}, not as the language told for the "
                f"inputs (--lang {told}); the told language is kept"
            )
        return told
    guess = detect_language(_all_text(data))
    if guess is not None:
        guess = close_language(guess, _words_of_page(data, source, where), page_words())
        note(f"{place}: the source names no language; the text reads as {guess!r}")
        return guess
    guess = language_of_labels(_labels(data))
    if guess is None:
        raise source.error(
            f"{where + ': ' if where else ''}the source names no language and its text "
            "does not tell it (too short, or names and figures only); give it with --lang"
        )
    note(
        f"{place}: the source names no language and its text is mostly names and figures; "
        f"its headings and short lines read as {guess!r} (few words: give it with --lang "
        "if wrong)"
    )
    return guess


LABEL_WORDS = 6  # a paragraph of at most this many words is a label ("THROUGH JULY 5")


def _labels(data: dict[str, Any]) -> list[str]:
    """An article's headings and short lines: its headline, standfirst, subheadings and
    paragraphs of at most :data:`LABEL_WORDS` words (what
    :func:`~newsformats.language.language_of_labels` reads)."""
    parts = [str(data.get("headline", "")), str(data.get("standfirst") or "")]
    for block in data.get("body") or []:
        if not isinstance(block, dict) or block.get("type") not in ("subheading", "paragraph"):
            continue
        text = " ".join(_strings(block.get("content")))
        if block["type"] == "subheading" or len(text.split()) <= LABEL_WORDS:
            parts.append(text)
    return parts


def _words_of_page(data: dict[str, Any], source: Source, where: str | None) -> str:
    """The words a close language is told by: the article's, and for an input of one
    article its whole text without markup (a page's menus: "Vesti", "Podeli")."""
    text = _all_text(data)
    if where is None:
        text += " " + MARKUP.sub(" ", source.text)
    return text


def _check_declared_language(data: dict[str, Any], place: str) -> None:
    """Say so when the text reads as another language than the source declares (an
    agency's English service marking its items "it"); the declared one is kept."""
    declared = str(data["language"])
    found = reads_otherwise(_all_text(data), declared)
    if found:
        note(
            f"{place}: the source says its language is {declared!r}, but the text reads "
            f"as {found!r}; the source's language is kept"
        )


def _missing_files(data: dict[str, Any], source: Source, place: str) -> None:
    """A relative image reference that names no file beside the input (an agency's picture
    id, a file not delivered with the text) keeps its alt text and caption on a placeholder."""
    for image in _images(data):
        src = str(image.get("src") or "")
        if not src or SCHEME.match(src) or src.startswith("/"):
            continue
        if not (source.folder / src.split("?")[0].split("#")[0]).is_file():
            note(
                f"{place}: the image {src[:100]!r} is not a file beside the input; "
                "a placeholder keeps its alt text and caption"
            )
            image["src"] = None


def _refused_files(data: dict[str, Any], source: Source, place: str) -> None:
    """A picture file the resource policy will not read (a saved page's site address
    "/gfx/photo.jpg" with no base to resolve it, a file outside the input's folder and
    the ``--allow-path`` ones, one that is no image, an address in another scheme than
    http(s) and file: ``cid:``, ``urn:``) keeps its alt text, caption and
    credit on a placeholder, with one warning naming the address: the article is not
    lost for it. (The model's own JSON, YAML and Markdown keep their strict rule.)"""
    policy = ResourcePolicy(base_dir=source.folder, allowed_dirs=source.allowed_dirs)
    for image in _images(data):
        src = str(image.get("src") or "")
        if not src or REMOTE.match(src):
            continue  # the writers fetch it, when the network is allowed
        try:
            load_image(src, policy)
        except ResourceError as error:
            note(f"{place}: the image {error}; a placeholder keeps its alt text and caption")
            image["src"] = None


def _images(data: dict[str, Any]) -> list[dict[str, Any]]:
    images = [data.get("lead_image")] + [
        b.get("image") for b in data.get("body", []) if isinstance(b, dict)
    ]
    return [image for image in images if isinstance(image, dict)]


def _same_words(one: str, other: str) -> bool:
    """Two texts with the same words, whatever their case, spacing and final punctuation."""

    def words(text: str) -> list[str]:
        return re.findall(r"\w+", text.casefold())

    return words(one) == words(other)


def _all_text(data: dict[str, Any]) -> str:
    parts = [str(data.get("headline", "")), str(data.get("standfirst") or "")]
    return " ".join(parts + _strings(data.get("body", [])))


def _strings(value: Any) -> list[str]:
    """The text inside converted blocks or inline content (not their types or addresses)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        skip = ("src", "href", "url", "type", "language", "scope")
        return [text for key, item in value.items() if key not in skip for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def keep_going(
    articles: list[Article], problems: list[InputError], source: Source
) -> list[Article]:
    """The articles of a many-article input; an item that failed was skipped with a warning.

    Only when every item failed is the input refused, with the first item's problem.
    """
    if not articles and problems:
        raise problems[0]
    for problem in problems:
        note(f"{problem}; that item is skipped, the others are converted")
    return articles
