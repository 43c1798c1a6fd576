"""Dates in scraped text, recognised by their shape in any language, digits and calendar.

A date is a day, a month and a year in one of the shapes news pages print them
("16 September 2021", "September 16, 2021", "16.09.2021", "2021-09-16",
"۱۵ حمل ۱۴۰۰", "16 сентября 2021 г."), with digits of any numbering system.
Month and weekday names come from CLDR (through Babel) for the page's language
and for English, and from the tables of other calendars in :mod:`.chrome`
(Solar Hijri months as used in Iran and in Afghanistan, Pashto months; Bikram Sambat
months of Nepal).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache

from ..lang.dates import withdrawn_months
from ..language import primary_language
from .chrome import (
    CALENDAR_MONTHS,
    DAY_ENDINGS,
    PUBLISHED,
    UPDATED,
    YEAR_MARKS,
    says_published,
    says_updated,
)
from .letters import WORD

# A date line may carry a word or two besides its date: "Published:", "Last updated".
MAX_OTHER_WORDS = 2
# A zone after a time: an offset from GMT/UTC, or a zone's abbreviation in capitals
# ("09:30 KST", "6:40 PM PHT"): one in NAMED_ZONES gives its offset, any other is read
# as no zone (the day is kept, never a guessed hour).
_ZONE = (
    r"(?:GMT|UTC|Z)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}"
    r"|(?-i:[A-Z]{2,5})(?![\w+-])"
)
# Abbreviations of zones that name one offset the world over (IST, CST and BST name
# several, so they are left out: read as no zone).
NAMED_ZONES = {
    "KST": 9, "JST": 9, "HKT": 8, "PHT": 8, "PST": -8, "PDT": -7, "SGT": 8, "MYT": 8,
    "WIB": 7, "WITA": 8, "WIT": 9, "ICT": 7, "PKT": 5, "NPT": 5.75, "MSK": 3, "CET": 1,
    "CEST": 2, "EET": 2, "EEST": 3, "WET": 0, "WEST": 1, "EST": -5, "EDT": -4,
    "MST": -7, "MDT": -6, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13, "TRT": 3,
}  # fmt: skip
# Seconds may have a fraction, as a CMS prints its clock ("22:22:17.242000+02:00").
_TIME = re.compile(
    rf"(?<!\w)(?P<hour>\d{{1,2}})[:.](?P<minute>\d{{2}})"
    rf"(?::(?P<second>\d{{2}})(?:[.,]\d{{1,9}})?)?"
    rf"(?:\s*(?P<half>[ap]\.?\s?m\.?))?(?:\s*\(?(?P<zone>{_ZONE})\)?)?(?!\w)",
    re.IGNORECASE,
)
# Arabic and Persian spellings of the same letters, compared as one (same length).
# Alif with or without its hamza ("أغسطس", "اغسطس") is one letter to a reader too.
_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ە": "ه", "أ": "ا", "إ": "ا"})
# A wide month name may take a case ending: "აპრილს" for "აპრილი", "сентябре".
STEM_MIN = 5
# A day, a word and a year (or a word, a day and a year) is a date even when the
# word is a month name no table knows ("16 верасьня 2024"), or a month of a calendar no
# table has, with a short word for "day" after the day ("መጋቢት 5 ቀን 2017", Ethiopian):
# its day stays unknown. Ethiopic letters are syllables: a month may have two ("ሰኔ", "ጥር").
_ANY_MONTH = re.compile(
    r"(?<!\w)(?:\d{1,2}\.?\s+[^\W\d_]{3,12}\.?,?"
    r"|(?:[^\W\d_]{3,12}|[\u1200-\u137f]{2})\.?\s+\d{1,2}(?:\s+[^\W\d_]{1,3}\.?)?,?)"
    r"\s+(?:1[3-9]|20|21)\d\d(?!\w)"
)
# "16.09.2021", "2021-09-16", and the spaced "3. 4. 2024." of South Slavic pages.
_NUMERIC = re.compile(
    r"(?<![\w.])(\d{1,4})([./-])(?:(?<=\.) )?(\d{1,2})\2(?:(?<=\.) )?(\d{1,4})(?![\w]|\.\d)"
)

# Year, month and day each followed by its unit sign, as Chinese, Japanese and Korean write
# them (CLDR's "y年M月d日", "y년 M월 d일"): "2019年04月04日", "2019년 4월 4일".
_UNITS = re.compile(r"(?<!\d)(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")


# The words that say what a date is, kept beside it however short ("수정", updated).
_DATE_WORDS = UPDATED | PUBLISHED


@dataclass(frozen=True)
class DateFound:
    """One date in a line: where it stands, its calendar, and its value when known."""

    start: int
    end: int
    calendar: str
    day: date | None = None


def find_dates(text: str, language: str) -> list[DateFound]:
    """Every date in ``text``, in order.

    >>> [d.day for d in find_dates("Published on September 16, 2021 at noon", "en")]
    [datetime.date(2021, 9, 16)]
    """
    pattern, months = _month_pattern(language)
    text = text.translate(_LETTERS)
    found: list[DateFound] = []
    for match in pattern.finditer(text):
        if match.group("m2") and not (match.group("d3") or match.group("y2")):
            continue  # a month name alone ("May") is no date
        name = match.group("m1") or match.group("m2") or match.group("m3")
        known = next(
            (k for part in name.split("/") if (k := _month_of(part.strip(), months))), None
        )
        if known is None:
            continue
        calendar, month = known
        day_text = match.group("d1") or match.group("d2") or match.group("d3") or match.group("d4")
        year_text = match.group("y1") or match.group("y2") or match.group("y3")
        found.append(
            DateFound(
                match.start(), match.end(), calendar, _day(calendar, year_text, month, day_text)
            )
        )
    for match in _NUMERIC.finditer(text):
        if any(f.start <= match.start() < f.end for f in found):
            continue
        value = _numeric_day(
            match.group(1), match.group(2), match.group(3), match.group(4), _day_first(language)
        )
        if value is not None:
            calendar, day = value
            found.append(DateFound(match.start(), match.end(), calendar, day))
    for match in _UNITS.finditer(text):
        value = _numeric_day(match.group(1), "-", match.group(2), match.group(3))
        if value is not None:
            found.append(DateFound(match.start(), match.end(), *value))
    for match in _ANY_MONTH.finditer(text):
        if not any(f.start < match.end() and match.start() < f.end for f in found):
            found.append(DateFound(match.start(), match.end(), "unknown"))
    if not found:
        found = [
            DateFound(match.start(), match.end(), "relative")
            for match in _relative_pattern(language).finditer(text)
        ]
    return sorted(found, key=lambda f: f.start)


def slashed_date(text: str) -> datetime | None:
    """A year-first date with slashes and a time, on a 24-hour or a 12-hour clock, as .NET
    CMSs print ``article:published_time`` ("2018/11/21 8:56:38 PM"), as a whole field; no
    zone. :func:`find_dates` finds dates inside a line of text; this reads a field that is one.

    >>> slashed_date("2018/11/21 8:56:38 PM").isoformat()
    '2018-11-21T20:56:38'
    >>> slashed_date("2018/11/21 12:05 AM").isoformat()
    '2018-11-21T00:05:00'
    >>> slashed_date("2018/11/21 20:56").isoformat()
    '2018-11-21T20:56:00'
    """
    match = re.fullmatch(
        r"(\d{4})/(\d{1,2})/(\d{1,2})(?:[T ](\d{1,2}):(\d\d)(?::(\d\d))?\s*([AaPp][Mm])?)?", text
    )
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(g or 0) for g in match.groups()[:6])
    half = (match.group(7) or "").upper()
    if half and not 1 <= hour <= 12:
        return None
    hour = hour % 12 + (12 if half == "PM" else 0) if half else hour
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def date_line(text: str, language: str) -> tuple[list[DateFound], list[str]] | None:
    """The dates of a line that is only a date (and a time, a weekday, a few words).

    Returns the dates and the other words, or None when the line is more than that.

    >>> dates, words = date_line("Updated: 16.09.2021 14:05 GMT", "en")
    >>> dates[0].day, words
    (datetime.date(2021, 9, 16), ['Updated'])
    >>> date_line("Objavljeno: 3. 4. 2024. u 11:20", "bs")[0][0].day
    datetime.date(2024, 4, 3)
    """
    if len(text) > 160:
        return None
    dates = find_dates(text, language)
    if not dates:
        return None
    rest = text
    for found in reversed(dates):
        rest = rest[: found.start] + " " + rest[found.end :]
    rest = _TIME.sub(" ", rest)
    weekdays = _weekday_names(language)
    # A weekday of two words ("Thứ Sáu", Vietnamese) is no word besides the date.
    for name in (n for n in weekdays if " " in n):
        rest = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", rest, flags=re.IGNORECASE)
    # "Aktualisiert: 12. März 2024, 16:40 Uhr": the label before a colon says what the date is.
    label = re.match(rf"\s*{WORD}(?:\s{WORD})?\s*[:：՝፦]\s", rest)
    words = [
        word
        for word in re.findall(rf"{WORD}(?:[.'’-]{WORD})*\.?", rest)
        if word.casefold().rstrip(".") not in weekdays
        # A short word is kept when it says what the date is (Korean "수정", updated).
        and (len(word.rstrip(".")) > 2 or word.casefold() in _DATE_WORDS)
        and word.casefold() not in YEAR_MARKS
    ]
    # One other word ("Published", "Kabul"), two only when they say "last updated".
    named = says_updated(words) or says_published(words)
    counted = len(words) - (len(label.group().split()) if label and not named else 0)
    if counted > MAX_OTHER_WORDS or (counted == MAX_OTHER_WORDS and not named):
        return None
    return dates, words


# The shape of a date line whose month names no table knows: a year of four digits with
# a day, or a time (hh:mm), and at most this many other words ("Na-update", "Marso").
SHAPE_WORDS = 3
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_SMALL_NUMBER = re.compile(r"(?<![\d:.])\d{1,2}(?![\d:])")


def date_shaped(text: str) -> bool:
    """Say whether a line has a date line's shape, whatever its language and calendar:
    a time, or a year and a day, beside a few words. Such a line is never a caption.

    >>> date_shaped("Na-update 6:40 PM PHT"), date_shaped("Binago Marso 14, 2025")
    (True, True)
    >>> date_shaped("Euro 2024"), date_shaped("Mga residente ng Legazpi, 2025")
    (False, False)
    """
    if len(text) > 80:
        return False
    rest = _TIME.sub(" ", text)
    timed = rest != text
    dated = bool(_YEAR.search(rest)) and bool(_SMALL_NUMBER.search(_YEAR.sub(" ", rest)))
    words = re.findall(rf"{WORD}(?:[.'’-]{WORD})*", rest)
    return (timed or dated) and len(words) <= SHAPE_WORDS


def ends_with_date(text: str, language: str) -> bool:
    """Say whether a sentence ends with a date, as photo captions often do.

    >>> ends_with_date("Leaders meet in Dushanbe on September 16.", "en")
    True
    >>> ends_with_date("رهبران در کابل دیدار کردند، ۱۵ حمل.", "fa")
    True
    """
    dates = find_dates(text, language)
    if not dates:
        return False
    tail = _TIME.sub("", text[dates[-1].end :])
    words = re.findall(rf"{WORD}\.?", tail)  # "फागुन २८ गते": a word with its vowel signs
    return not words or (
        len(words) == 1
        and bool({words[0].casefold(), words[0].casefold().rstrip(".")} & YEAR_MARKS)
    )


def moment_of(found: DateFound, line: str, zone: tzinfo | None = None) -> datetime | None:
    """The date of a date line as a moment: its time and zone when the line gives both.

    A time without a zone is read in ``zone`` (the page's own, when the page gives it
    elsewhere); without either, the date alone is kept (at 00:00 UTC), never a guessed
    hour (:func:`time_without_zone` tells the caller a time was left out).

    >>> line = "16 September 2021, 14:05 GMT+5"
    >>> moment_of(find_dates(line, "en")[0], line).isoformat()
    '2021-09-16T09:05:00+00:00'
    >>> line = "الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)"
    >>> moment_of(find_dates(line, "ar")[0], line).isoformat()
    '2013-08-28T10:00:00+00:00'
    >>> line = "2019年04月04日 09:00"
    >>> moment_of(find_dates(line, "ja")[0], line, timezone(timedelta(hours=9))).isoformat()
    '2019-04-04T00:00:00+00:00'
    """
    if found.day is None:
        return None
    midnight = datetime(found.day.year, found.day.month, found.day.day, tzinfo=UTC)
    time = _time_of(found, line)
    named = _zone_offset(time.group("zone")) if time is not None and time.group("zone") else None
    if time is None or not (named or zone):
        return midnight
    hour, minute = int(time.group("hour")), int(time.group("minute"))
    half = (time.group("half") or "").lower()
    if half.startswith("p") and hour < 12:
        hour += 12
    if half.startswith("a") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return midnight
    offset = named or zone
    second = min(int(time.group("second") or 0), 59)
    day = found.day
    local = datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=offset)
    return local.astimezone(UTC)


def time_without_zone(found: DateFound, line: str) -> str | None:
    """The time a date line gives beside its date without a zone ("09:00"), or None.

    >>> line = "2019年04月04日 09:00"
    >>> time_without_zone(find_dates(line, "ja")[0], line)
    '09:00'
    """
    time = _time_of(found, line)
    if time is None or not time.group("zone"):
        return time.group().strip() if time is not None else None
    # "5:02 PM ET": a zone's abbreviation that names no one offset is no zone.
    return (
        None
        if _zone_offset(time.group("zone"))
        else time.string[time.start() : time.start("zone")].strip()
    )


def _time_of(found: DateFound, line: str) -> re.Match[str] | None:
    return _TIME.search(line, found.end) or _TIME.search(line[: found.start])


def _zone_offset(zone: str) -> timezone | None:
    """The offset a zone gives, or None for an abbreviation of no one offset."""
    if zone.isalpha() and zone not in ("GMT", "UTC", "Z"):
        hours = NAMED_ZONES.get(zone)
        return None if hours is None else timezone(timedelta(minutes=round(hours * 60)))
    match = re.search(r"([+-])\s*(\d{1,2})(?::?(\d{2}))?", zone)
    if not match:
        return UTC
    minutes = int(match.group(2)) * 60 + int(match.group(3) or 0)
    return timezone(timedelta(minutes=-minutes if match.group(1) == "-" else minutes))


def _day(calendar: str, year: str | None, month: int, day: str | None) -> date | None:
    if year is None or day is None:
        return None
    number = int(re.match(r"\d+", day).group())  # type: ignore[union-attr]  # "1er", "16-го"
    if calendar == "bikram-sambat":
        return _from_bikram_sambat(int(year), month, number)
    if calendar != "gregorian":
        return _from_solar_hijri(int(year), month, number)
    try:
        value = date(int(year), month, number)
    except ValueError:
        return None
    return value if 1900 <= value.year <= 2100 else None


def _numeric_day(
    first: str, separator: str, second: str, third: str, day_first: bool = False
) -> tuple[str, date | None] | None:
    """Year-first (2021-09-16, ۱۴۰۰/۰۶/۲۵) or day-first (16.09.2021) numeric dates.

    A slashed date whose first two numbers could both be the month (09/10/2021) is
    a date of unknown value, unless the page's language writes its dates day first
    (``day_first``, from CLDR: "03/04/2025" is 3 April in Spanish).
    """
    a, b, c = int(first), int(second), int(third)
    if len(first) == 4:
        if 1300 <= a <= 1500:
            return "solar-hijri", _from_solar_hijri(a, b, c)
        year, month, day = a, b, c
    elif len(third) == 4:
        # 16.09.2021 is read day first; 09/16/2021 only when the first cannot be a month.
        year, month, day = c, b, a
        if month > 12 >= day:
            month, day = day, month
        elif separator == "/" and a <= 12 and b <= 12 and a != b and not day_first:
            return "gregorian", None
    else:
        return None
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    return ("gregorian", value) if 1900 <= year <= 2100 else None


def _from_solar_hijri(year: int, month: int, day: int) -> date | None:
    """Solar Hijri (Iran's and Afghanistan's calendar) → Gregorian, by jdatetime."""
    if not (1300 <= year <= 1500):
        return None
    try:
        import jdatetime
    except ImportError:  # pragma: no cover - jdatetime is a dependency
        return None
    try:
        value: date = jdatetime.date(year, month, day).togregorian()
    except ValueError:
        return None
    return value


def _from_bikram_sambat(year: int, month: int, day: int) -> date | None:
    """Bikram Sambat (Nepal's calendar) → Gregorian, by nepali-datetime's table of month
    lengths (no rule gives them), which spans BS 1975–2100 (AD 1918–2044)."""
    try:
        import nepali_datetime
    except ImportError:  # pragma: no cover - nepali-datetime is a dependency
        return None
    try:
        value: date = nepali_datetime.date(year, month, day).to_datetime_date()
    except (ValueError, AssertionError):  # out of its table, or no such day
        return None
    return value


@lru_cache(maxsize=64)
def _day_first(language: str) -> bool:
    """Whether CLDR's short date of the language puts the day before the month ("d/M/yy").

    Languages written month first ("M/d/yy", as in American English) are not trusted
    with a slashed date: their pages also use the other order.

    >>> _day_first("es"), _day_first("en")
    (True, False)
    """
    from babel import UnknownLocaleError
    from babel.dates import get_date_format

    try:
        pattern = get_date_format("short", locale=primary_language(language)).pattern
    except (ValueError, LookupError, UnknownLocaleError):
        return False
    day, month = pattern.find("d"), pattern.find("M")
    return 0 <= day < month


@lru_cache(maxsize=64)
def _month_pattern(language: str) -> tuple[re.Pattern[str], dict[str, tuple[str, int]]]:
    months: dict[str, tuple[str, int]] = {}
    for locale in _locales(language):
        for name, number in _babel_months(locale) + withdrawn_months(locale):
            months.setdefault(name.translate(_LETTERS), ("gregorian", number))
    for calendar, names in CALENDAR_MONTHS.items():
        for number, variants in enumerate(names, start=1):
            for name in variants:
                months.setdefault(name.casefold().translate(_LETTERS), (calendar, number))
    spellings = [_spelling(n) for n in sorted(months, key=len, reverse=True)]
    one = "|".join(spellings)
    # Two names of one month with a slash between: "28 آب/اغسطس 2013" (Levantine/Egyptian).
    month = rf"(?:[^\W\d_]{{2,12}}\s?/\s?)?(?:{one})\.?(?:\s?/\s?(?:{one})\.?)?"
    endings = "|".join(re.escape(e) for e in sorted(DAY_ENDINGS, key=len, reverse=True))
    # A day number with a hyphen and a few letters after it is an ordinal ("15-nji mart",
    # Turkmen; "15-ci mart", Azerbaijani; "15-го", Russian): the number is the day.
    day = rf"\d{{1,2}}(?:{endings}|-[^\W\d_]{{1,5}})?"
    marks = "|".join(re.escape(m) for m in sorted(YEAR_MARKS, key=len, reverse=True))
    year = r"\d{4}"
    suffix = r"(?:-[^\W\d_]{1,4})?"  # "2024-yil", "2024-го"
    pattern = re.compile(
        rf"(?<!\w)(?:"
        rf"(?P<d1>{day})[.-]?\s*(?:de\s+)?(?P<m1>{month})(?:\s*,?\s*(?:de\s+)?(?P<y1>{year}))?"
        rf"|(?P<y3>{year}){suffix}\.?\s*(?:(?:{marks})\s+)?(?:(?P<d4>{day})[-\s]+)?(?P<m3>{month})"
        rf"(?:\s*(?P<d2>{day}))?"
        rf"|(?P<m2>{month})(?:\s+(?P<d3>{day}))?(?:\s*,?\s*(?P<y2>{year}))?"
        rf")(?!\w)",
        re.IGNORECASE,
    )
    return pattern, months


def _spelling(name: str) -> str:
    """A month name as the pattern spells it: a long one with any short case ending.

    A name that ends in a combining mark ("जनवरी", "මාර්තු") is spelt whole: ``\\w``
    takes no mark, so its stem would end the match before the mark and leave the day
    and year behind it unread.
    """
    if len(name) < STEM_MIN or unicodedata.category(name[-1]).startswith("M"):
        return re.escape(name)
    return re.escape(name[:-1]) + r"\w{0,3}"


def load_calendars() -> None:
    """Load the CLDR month and day names every language's dates include (English's).

    A batch calls it before it starts its workers, which then share them.
    """
    _babel_months("en")
    _weekday_names("en")


def _month_of(name: str, months: dict[str, tuple[str, int]]) -> tuple[str, int] | None:
    """The month a spelling stands for: exactly, else by the longest stem it begins with."""
    folded = name.casefold().rstrip(".")
    if folded in months:
        return months[folded]
    stems = [n for n in months if len(n) >= STEM_MIN and folded.startswith(n[:-1])]
    return months[max(stems, key=len)] if stems else None


def _locales(language: str) -> list[str]:
    tag = language.replace("-", "_")
    names = [tag, primary_language(language), "en"]
    return list(dict.fromkeys(names))


def _babel_months(locale: str) -> list[tuple[str, int]]:
    from babel import UnknownLocaleError
    from babel.dates import get_month_names

    names: list[tuple[str, int]] = []
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            try:
                table = get_month_names(width, context, locale=locale)
            except (ValueError, LookupError, UnknownLocaleError):
                return names
            for number, name in table.items():
                folded = str(name).casefold().rstrip(".")
                if len(folded) >= 3:
                    names.append((folded, number))
    glued = _month_prefix(locale)
    return names + [(glued + name, number) for name, number in names if glued]


def _month_prefix(locale: str) -> str:
    """Letters CLDR's long date writes onto the month name: Hebrew's "d בMMMM y" ("12 במרץ").

    >>> _month_prefix("he"), _month_prefix("en")
    ('ב', '')
    """
    from babel import UnknownLocaleError
    from babel.dates import get_date_format

    try:
        pattern = get_date_format("long", locale=locale).pattern
    except (ValueError, LookupError, UnknownLocaleError):
        return ""
    glued = re.search(r"(?:^|[\s'])((?:(?!M)[^\W\d_]){1,3})M{3,4}", pattern)
    return glued.group(1).casefold() if glued else ""


RELATIVE_UNITS = ("second", "minute", "hour", "day", "week", "month", "year")


@lru_cache(maxsize=64)
def _relative_pattern(language: str) -> re.Pattern[str]:
    """Times relative to the reader's now, in CLDR's words for the page's language and English.

    "2 hours ago", "vor 3 Stunden", "5 мин. назад", "۲ ساعت پیش": such a line is a
    date line whose day cannot be known from the text alone.

    >>> pattern = _relative_pattern("ru")
    >>> bool(pattern.search("3 часа назад")), bool(pattern.search("3 часа"))
    (True, False)
    """
    from babel import Locale, UnknownLocaleError

    phrases: set[str] = set()
    for tag in _locales(language):
        try:
            fields = Locale.parse(tag)._data["date_fields"]
        except (ValueError, LookupError, UnknownLocaleError):
            continue
        for unit in RELATIVE_UNITS:
            for width in ("", "-short", "-narrow"):
                entry = fields.get(unit + width) or {}
                past = entry.get("past") or {}
                phrases.update(str(p) for p in past.values() if "{0}" in str(p))
    parts = sorted(
        (
            r"\s+".join(map(re.escape, phrase.replace("{0}", "\0").split())).replace(
                re.escape("\0"), r"\d{1,3}"
            )
            for phrase in phrases
            if phrase.strip()
        ),
        key=len,
        reverse=True,
    )
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=64)
def _weekday_names(language: str) -> frozenset[str]:
    from babel import UnknownLocaleError
    from babel.dates import get_day_names

    names: set[str] = set()
    for locale in _locales(language):
        for width in ("wide", "abbreviated"):
            try:
                table = get_day_names(width, "format", locale=locale)
            except (ValueError, LookupError, UnknownLocaleError):
                break
            names.update(str(n).casefold().rstrip(".") for n in table.values())
    return frozenset(names)
