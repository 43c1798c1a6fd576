"""Publication and update times: metadata, the dates a page shows, and their zones."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any

from lxml import etree

from ...language import detect_language
from ...notes import note
from ..assemble import parse_date
from ..chrome import (
    says_published,
    says_updated,
)
from ..datelines import NAMED_ZONES, DateFound, date_line, find_dates, moment_of, time_without_zone
from ..html_body import (
    inline_text,
)
from ..xmltree import text_of
from .names import byline_line, line_parts, name_beside_date
from .page import (
    HEADING_TAGS,
    INLINE,
    MODIFIED_META,
    PUBLISHED_META,
    first_text,
    holds_story,
    in_teaser,
    lines_below,
    names_of,
    outside_article,
    text_upto,
)

# Class names of a box that shows the article's date, and how much such a box holds.
DATE_BOX = re.compile(
    r"(?:^|[-_])(?:date|datum|time|posted|published|pubdate|dateline|meta)(?:[-_]|$)"
)
VISIBLE_DATE_TEXT = 120
NOON = 12
TEXT_LANGUAGE_PARAGRAPHS = 40  # paragraphs that tell a page's language when it names none
# A box a page prints on paper only: named with "print" first ("print", "print-header",
# "print-date", "js-print-date"; not "article-body-print", which the screen shows too, nor
# "print-none", "print-hidden", which paper leaves out).
PRINT_BOX = re.compile(
    r"(?:^|\s)(?:js-)?print(?:-(?!(?:no|none|hide|hidden)(?:-|\s|$))\S*)?(?=\s|$)"
)
MASTHEAD_NAMES = re.compile(r"(?:^|[-_])(?:header|masthead|top|topbar)(?:[-_]|$)")
DATE_LINE_WORDS = 20  # letters of the words beside a date line's date ("Zuletzt aktualisiert")
VISIBLE_DATE_CHILDREN = 12
ABOVE_HEADLINE = 40  # elements before the headline where its date may stand alone
MODIFIED = re.compile(r"updated|modified", re.IGNORECASE)
ZONE_OFFSET = re.compile(r"T\d{1,2}:\d\d(?::\d\d(?:\.\d+)?)?\s*([+-])(\d\d):?(\d\d)$")
BARE_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def shown_dates(
    page: etree._Element,
    anchor: etree._Element | None,
    ld: dict[str, Any],
    meta: dict[str, str],
    data: dict[str, Any],
    where: str,
) -> None:
    """The dates the page shows, where its metadata gives none: the publication (a date box,
    a date line, the date beside a byline) and the last update (an "Updated" line). A time
    shown without a zone is read in the zone the page's other dates give."""
    language = data["language"] or _text_language(page)
    zone = _page_zone(ld, meta, page)
    if data["published"] is None:
        data["published"] = _visible_date(page, anchor, language, zone, where)
    if data["updated"] is None:
        updated = _date_line_shown(page, anchor, language, zone, where, update=True)
        updated = updated or _update_box(page, language, zone, where)
        if updated is not None and (data["published"] is None or updated >= data["published"]):
            data["updated"] = updated
    for field in ("published", "updated"):
        data[field] = _after_noon(data[field], page, language, where)


def _after_noon(
    moment: datetime | None, page: etree._Element, language: str, where: str
) -> datetime | None:
    """A metadata time written on a 12-hour clock without its "PM" ("2014-12-29 08:57:25
    EST"), when a ``<time>`` of the page shows the same day and minute after noon ("Monday,
    Dec. 29 2014, 8:57 PM EST"): the time the page shows. Else the moment as it is."""
    local = moment.timetz() if moment is not None else None
    if moment is None or local is None or not 1 <= local.hour < NOON:
        return moment
    later = (moment + timedelta(hours=NOON)).replace(second=0)
    for node in page.iter("time"):
        text = " ".join(text_of(node).split())
        for found in find_dates(text, language)[:1]:
            if moment_of(found, text, moment.tzinfo) == later:
                note(
                    f"{where}: the metadata's time {moment:%H:%M} is the page's {text!r}, "
                    "on a 12-hour clock",
                    level="info",
                )
                return later
    return moment


def _text_language(page: etree._Element) -> str:
    """The language of the page's paragraphs, for reading the dates of a page that names
    none ("11 maja 2021": Polish month names); "en" when the text does not tell."""
    text = " ".join(text_of(p) for p in itertools.islice(page.iter("p"), TEXT_LANGUAGE_PARAGRAPHS))
    return detect_language(text) or "en"


def bare_day(values: list[Any]) -> date | None:
    """The day the metadata's first date gives alone, without a time ("2012-10-27")."""
    first = next((v for v in map(first_text, values) if v), None)
    match = BARE_DAY.fullmatch(first or "")
    try:
        return date.fromisoformat(match.group(0)) if match else None
    except ValueError:
        return None


def time_of_day(
    page: etree._Element, anchor: etree._Element | None, day: date, language: str, where: str
) -> datetime | None:
    """The moment a line under the headline shows for the day the metadata gives without a
    time, when the line gives the time and its zone ("27 OCT 2012 - 12:14 CET", also a link
    to the day's archive: the metadata's day says it is the article's date); else None."""
    if anchor is None:
        return None
    for _, text in lines_below(page, anchor, VISIBLE_DATE_TEXT):
        line = " ".join(text.split())
        found = date_line(line, language)
        if found is None or found[0][0].day != day or says_updated(found[1]):
            continue
        zone = _named_zone(found[1])
        unzoned = time_without_zone(found[0][0], line) is not None
        moment = moment_of(found[0][0], line, zone)
        if moment is None or (unzoned and zone is None):
            continue  # no zone: the day alone is what the metadata says already
        if unzoned or moment.time() != datetime.min.time():  # a time, and its zone
            note(
                f"{where}: the metadata gives the day {day} alone; the time is the one the "
                f"page shows under its headline ({line[:60]!r})",
                level="info",
            )
            return moment
    return None


def _named_zone(words: list[str]) -> tzinfo | None:
    """The zone a date line names by one of the abbreviations that name only one offset
    ("CET"); None for any other word ("IST" is India's, Ireland's or Israel's)."""
    zones = {NAMED_ZONES[w] for w in words if w in NAMED_ZONES}
    return timezone(timedelta(hours=zones.pop())) if len(zones) == 1 else None


def _visible_date(
    page: etree._Element,
    heading: etree._Element | None,
    language: str,
    zone: tzinfo | None = None,
    where: str = "",
) -> datetime | None:
    """A date the page shows: in a box named for it ("post-date", "entry-meta", "datum") or
    marked ``itemprop=datePublished`` without a value ("October 29, 2018"),
    also in a column of the article's facts beside its text (an ``aside`` inside the
    ``article`` that holds no heading or list of stories); else a line of its own between
    the headline and the text that is only a date (and a word such as "Published"), or
    the date part of a byline line ("Ann Lee | Palma | 08/01/2014"), not one that a
    pack's word marks as an update. Read by its shape in the page's language
    ("5. April 2017", "22.10.2019"); the day only, at 00:00 UTC unless a time and zone
    are given (a time without a zone is read in ``zone``, the page's, when known)."""
    boxes = []
    for node in page.iter():
        if not isinstance(node.tag, str) or len(node) > VISIBLE_DATE_CHILDREN:
            continue
        names = f"{node.get('class') or ''} {node.get('id') or ''}".lower().split()
        marked = "datePublished" in (node.get("itemprop") or "")  # its text, no value
        if marked or any(DATE_BOX.search(n) and not MODIFIED.search(n) for n in names):
            boxes.append(node)
    inside = [n for n in boxes if not outside_article(n) and not in_teaser(n)]
    inside = [n for n in inside if not _print_only(n) and not _in_masthead(n, heading)]
    beside = [n for n in boxes if _in_facts_column(n)]
    for node in inside + beside:
        text = text_of(node)
        if not text or len(text) > VISIBLE_DATE_TEXT:
            continue
        if _update_line(node, language):
            continue  # "Updated: August 13, 2010": the last update, not the publication
        for found in find_dates(text, language):
            moment = _shown_moment(found, text, zone, where)
            if moment is not None:
                return moment
    shown = _date_line_shown(page, heading, language, zone, where)
    return shown or _date_above(page, heading, language, zone, where)


def _date_above(
    page: etree._Element,
    heading: etree._Element | None,
    language: str,
    zone: tzinfo | None,
    where: str,
) -> datetime | None:
    """A date alone in a small element of its own, just above the headline (among the
    ``ABOVE_HEADLINE`` elements before it, past the kicker; not in the masthead, not a
    link, not an update): taz's "10.04.2011" in the article's top bar, beside its
    comment count and toolbar."""
    if heading is None:
        return None
    for node in itertools.islice(_before(heading), ABOVE_HEADLINE):
        if node.tag == "p" and len(text_of(node)) > VISIBLE_DATE_TEXT:
            return None  # another story's text, or the page's: the headline's own top is past
        if len(node) or node.tag == "a" or any(True for _ in node.iterancestors("a")):
            continue
        line = " ".join(text_of(node).split())
        found = date_line(line, language) if len(line) <= DATE_LINE_WORDS else None
        if (
            found is None
            or found[1]
            or outside_article(node)
            or in_teaser(node)
            or _in_masthead(node, heading)
            or _print_only(node)
        ):
            continue
        note(
            f"{where}: the date is the one shown alone above the headline ({line!r})", level="info"
        )
        return _shown_moment(found[0][0], line, zone, where)
    return None


def _update_box(
    page: etree._Element, language: str, zone: tzinfo | None, where: str
) -> datetime | None:
    """The date of the article's date box whose line says it is the last update, above the
    headline too (rp.pl's "Aktualizacja: 05.05.2021, 05:53" beside "Publikacja: 04.05.2021")."""
    for node in page.iter():
        if not isinstance(node.tag, str) or not any(map(DATE_BOX.search, names_of(node).split())):
            continue
        text = text_of(node)
        if len(text) > VISIBLE_DATE_TEXT or outside_article(node) or in_teaser(node):
            continue
        if _update_line(node, language) and not _print_only(node):
            for found in find_dates(text, language)[:1]:
                return _shown_moment(found, text, zone, where)
    return None


def _update_line(node: etree._Element, language: str) -> bool:
    """A date box whose line says it is the last update: its own words ("Updated: August
    13, 2010"), or those of the line around it (``<div>Aktualizacja: <time
    id="article-time">05.05.2021, 05:53</time></div>``, the time named for a date)."""
    for box in (node, node.getparent()):
        text = " ".join(text_of(box).split()) if box is not None else ""
        line = date_line(text, language) if len(text) <= VISIBLE_DATE_TEXT else None
        if line is not None and says_updated(line[1]):
            return True
        if node.tag not in INLINE:
            return False  # a box of its own: the line around it is another's
    return False


def _print_only(node: etree._Element) -> bool:
    """In a box the page prints on paper only (a print header: "Wydrukowano: <time>", the day
    the page was printed), never the article's date; a box that holds the story itself is
    its print layout, not such a box."""
    return any(
        PRINT_BOX.search(names_of(n)) and not holds_story(n)
        for n in (node, *node.iterancestors())
        if isinstance(n.tag, str)
    )


def _in_masthead(node: etree._Element, heading: etree._Element | None) -> bool:
    """Above the headline, in the page's masthead: a ``header`` or a box named for the
    page's top or header that does not hold the headline, outside any ``article`` or
    ``main`` (To Vima's "Παρασκευή 6 Ιανουαρίου 2012" in ``div.page_top > div.header``:
    today's date when the page was saved, not the article's)."""
    if heading is None or heading in node.iterdescendants():
        return False
    if not any(n is node for n in _before(heading)):
        return False
    for box in node.iterancestors():
        if box.tag in ("article", "main", "body") or heading in box.iterdescendants():
            return False
        names = f"{box.get('class') or ''} {box.get('id') or ''}".lower().split()
        if box.tag == "header" or any(MASTHEAD_NAMES.search(n) for n in names):
            return True
    return False


def _before(node: etree._Element) -> Iterator[etree._Element]:
    """The elements that come before ``node`` in the page, nearest first, not its own boxes."""
    for element in (node, *node.iterancestors()):
        for sibling in element.itersiblings(preceding=True):
            yield from (n for n in sibling.iter() if isinstance(n.tag, str))


def _shown_moment(found: DateFound, line: str, zone: tzinfo | None, where: str) -> datetime | None:
    """A shown date as a moment; a time beside it without a zone is read in the page's zone,
    else left out with a warning (the day is kept)."""
    moment = moment_of(found, line, zone)
    time = time_without_zone(found, line) if moment is not None else None
    if time and zone is None:
        note(
            f"{where}: the page shows the time {time} without a time zone, and gives its zone "
            f"nowhere; only the day {moment:%Y-%m-%d} is kept"
        )
    elif time:
        note(f"{where}: the time {time} the page shows is read in the zone of its other dates")
    return moment


def _page_zone(ld: dict[str, Any], meta: dict[str, str], page: etree._Element) -> tzinfo | None:
    """The time zone the page writes its dates in: the offset of the first date of its
    metadata (or of a ``<time datetime>``) that gives one ("2019-04-04T10:30:00+09:00");
    None when no date gives an offset ("Z" says the CMS's clock, not the page's zone)."""
    values = [ld.get(k) for k in ("datePublished", "dateModified", "dateCreated")]
    values += [meta.get(k) for k in (*PUBLISHED_META, *MODIFIED_META)]
    values += [n.get("datetime") for n in page.iter("time")]
    for value in values:
        match = ZONE_OFFSET.search(first_text(value) or "")
        if match:
            sign = -1 if match.group(1) == "-" else 1
            minutes = int(match.group(2)) * 60 + int(match.group(3))
            if minutes <= 14 * 60:
                return timezone(sign * timedelta(minutes=minutes))
    return None


def _in_facts_column(node: etree._Element) -> bool:
    """In an ``aside`` of the article that holds no heading and little text: the column of
    its facts (section, date, reading time, share buttons) beside its text."""
    aside = next(node.iterancestors("aside"), None)
    if aside is None or not any(True for _ in aside.iterancestors("article")):
        return False
    if any(True for _ in aside.iter(*HEADING_TAGS)) or text_upto(aside, 300) is None:
        return False
    holder = aside.getparent()
    return holder is not None and not outside_article(holder)


def _date_line_shown(
    page: etree._Element,
    heading: etree._Element | None,
    language: str,
    zone: tzinfo | None = None,
    where: str = "",
    update: bool = False,
) -> datetime | None:
    """The date of a line between the headline and the text that is only a date (or the
    date part of a byline line, "Ann Lee | 08/01/2014"), unless its words say it is the
    time of an update ("Updated 3 May 2019"); with ``update``, only such an update line."""
    for node, text in lines_below(page, heading, VISIBLE_DATE_TEXT):
        line = " ".join(text.split())
        found = date_line(line, language)
        if found is None:
            line, found = (
                _byline_date(line, language) or _unlinked_date(node, language) or (line, None)
            )
        if (
            found is None
            or says_updated(found[1]) != update
            or sum(len(w) for w in found[1]) > DATE_LINE_WORDS
            or sum(len(text_of(a)) for a in node.iter("a")) > len(text) / 2
            or _print_only(node)
        ):
            continue  # an update, or another story's link with its date
        moment = _shown_moment(found[0][0], line, zone, where)
        if moment is not None:
            return moment
    return None


def _byline_date(line: str, language: str) -> tuple[str, tuple[list[DateFound], list[str]]] | None:
    """The part of a byline line that is a date, and its date: "By Ann Lee • 3 May 2019",
    "Ann Lee | Palma | 08/01/2014" (the names first, a part that is only a date after them),
    also in the line's running text: "By Ann Lee on 1 June 2019 at 08:34 PM EDT" (from
    the date on, the line is only a date, a time and its zone)."""
    parts = line_parts(line)
    if len(parts) < 2 and byline_line(line):
        days = [d for d in find_dates(line, language) if d.day is not None]
        rest = line[days[0].start :] if days else ""
        found = date_line(rest, language) if rest else None
        return (rest, found) if found is not None else None
    if len(parts) < 2 or not (byline_line(line) or name_beside_date(line, language)):
        return None
    return next(((p, d) for p in parts[1:] if (d := date_line(p, language)) is not None), None)


def _unlinked_date(
    node: etree._Element, language: str
) -> tuple[str, tuple[list[DateFound], list[str]]] | None:
    """The date of a line whose words besides the date are a link (its section's label:
    "<a>OSS×クラウド最新TOPICS</a> 2019年3月15日 09:43")."""
    if not any(True for _ in node.iter("a")):
        return None
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        if element.tag != "a":
            parts.append(element.text or "")
            for child in element:
                if isinstance(child.tag, str):
                    walk(child)
                parts.append(child.tail or "")

    walk(node)
    line = " ".join("".join(parts).split())
    found = date_line(line, language) if line else None
    return (line, found) if found is not None else None


def body_date_line(
    body: list[dict[str, Any]], data: dict[str, Any], where: str
) -> list[dict[str, Any]]:
    """A first paragraph of the body that is only a date line ("Wednesday, 28 August 2013, last
    updated 14:00 (GMT+0400)") is the page's date, not its text: it leaves the body, and gives
    the publication (or, when its words say so, the last update) that the page gave nowhere
    else."""
    first = next((i for i, b in enumerate(body[:2]) if b["type"] == "paragraph"), None)
    if first is None or len(body) < 2:
        return body
    line = " ".join(inline_text(body[first].get("content") or []).split())
    found = date_line(line, data["language"] or "en")
    if found is None or any(d.day is None for d in found[0]):
        return body
    dates, words = found
    if words and not (says_updated(words) or says_published(words)):
        return body  # "Kabul, 3 May 2019": a place beside the date is a dateline
    field, other = ("updated", "published") if says_updated(words) else ("published", "updated")
    # The page's other dates' zone is not sought here: a page that gives them gave this one.
    moment = _shown_moment(dates[0], line, None, where) if data[field] is None else None
    if moment is not None:
        # Never an update before the publication.
        earlier = (moment, data[other]) if field == "published" else (data[other], moment)
        if data[other] is None or earlier[0] <= earlier[1]:
            data[field] = moment
    note(
        f"{where}: the body's first paragraph is the page's date line; it leaves the body",
        level="info",
    )
    return body[:first] + body[first + 1 :]


def dated(
    values: list[Any], page: etree._Element, prop: str, where: str, zone: tzinfo | None = None
) -> datetime | None:
    """The first date the metadata gives (one without a zone read in ``zone`` when given),
    else the page's own marks.

    Marks: ``itemprop=datePublished`` (``content`` or ``datetime``), then for the
    publication date a ``<time datetime>`` outside comments and other stories.
    """
    zoned = _zoned_twin(values, where)
    if zoned is not None:
        return zoned
    for value in values:
        moment = parse_date(first_text(value), where, zone) if first_text(value) else None
        if moment is not None:
            return moment
    marked = [
        n for n in page.iter() if isinstance(n.tag, str) and prop in (n.get("itemprop") or "")
    ]
    if prop == "datePublished":
        marked += [
            n
            for n in page.iter("time")
            if n.get("datetime")
            and not outside_article(n)
            and not in_teaser(n)
            and not MODIFIED.search(f"{n.get('class') or ''} {n.get('itemprop') or ''}")
            and not _print_only(n)
        ]
    for node in marked:
        value = node.get("content") or node.get("datetime")
        moment = parse_date(value, where) if value else None
        if moment is not None:
            return moment
    return None


def _zoned_twin(values: list[Any], where: str) -> datetime | None:
    """The metadata's first date when it gives no zone and a later source gives the same
    wall time with one (JSON-LD "2021-05-04T13:20:05", ``article:published_time``
    "20210504T132005+0200", ISO 8601's basic format): the zoned one; else None."""
    pair = _zoned_pair(values)
    if pair is None:
        return None
    first, text, moment = pair
    note(
        f"{where}: the date {first!r} gives no time zone; {text!r} gives the same time with "
        "its zone",
        level="info",
    )
    return moment.replace(microsecond=0)


def twin_zone(values: list[Any]) -> tzinfo | None:
    """The zone a zoned twin of the metadata's first date shows its dates are written in
    (the update's "2021-05-04T12:20:07" beside that publication is read at +02:00)."""
    pair = _zoned_pair(values)
    return pair[2].tzinfo if pair else None


def _zoned_pair(values: list[Any]) -> tuple[str, str, datetime] | None:
    """The first date without a zone, a later one of the same wall time with a zone, and
    that one's moment; None when the first gives a zone or no other says its time."""
    texts = [text for text in map(first_text, values) if text]
    first = _wall_time(texts[0]) if texts else None
    if first is None or first.tzinfo is not None:
        return None
    wall = first.replace(second=0, microsecond=0)
    for text in texts[1:]:
        other = _wall_time(text)
        if other and other.tzinfo and other.replace(tzinfo=None, second=0, microsecond=0) == wall:
            return texts[0], text, other
    return None


def _wall_time(text: str) -> datetime | None:
    """An ISO 8601 date and time (extended or basic format), with its zone when it gives one."""
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        return None
