"""Dates and numbers the way a language writes them: its calendar, month names and digits.

Babel (CLDR) formats Gregorian dates in Latin digits. A pack whose newsroom uses
the Solar Hijri calendar (Iranian and Afghan Persian, Pashto) gets the month names
from the pack (taken from CLDR through ICU) and the conversion from ``jdatetime``;
digits are then converted to the pack's CLDR numbering system.
"""

from __future__ import annotations

from datetime import date, datetime

from .pack import Pack

# The zero of each CLDR numbering system the packs use; the other digits follow it.
_ZERO = {"latn": "0", "arab": "\u0660", "arabext": "\u06f0", "deva": "\u0966"}
# The CSS counter style that writes page numbers in those digits.
COUNTER_STYLES = {
    "latn": "decimal",
    "arab": "arabic-indic",
    "arabext": "persian",
    "deva": "devanagari",
}


def to_digits(text: str, numbering: str) -> str:
    """Write the Latin digits of ``text`` in a CLDR numbering system.

    >>> to_digits("5 August 2024", "arabext")
    '۵ August ۲۰۲۴'
    """
    zero = _ZERO.get(numbering, "0")
    if zero == "0":
        return text
    return text.translate({ord("0") + n: ord(zero) + n for n in range(10)})


def long_date(moment: date, pack: Pack, locale: str) -> str:
    """A long date in the pack's calendar, month names and digits.

    >>> from newsformats.lang.pack import pack_for
    >>> long_date(date(2024, 8, 5), pack_for("fa-AF"), "fa_AF")
    '۱۵ اسد ۱۴۰۳'
    """
    day = moment.date() if isinstance(moment, datetime) else moment
    if pack.calendar == "persian":
        import jdatetime

        solar = jdatetime.date.fromgregorian(date=day)
        text = pack.date_pattern.format(
            day=solar.day, month=pack.months[solar.month - 1], year=solar.year
        )
    elif pack.months:
        text = pack.date_pattern.format(
            day=day.day, month=pack.months[day.month - 1], year=day.year
        )
    else:
        from babel.dates import format_date

        text = str(format_date(day, format="long", locale=locale))
    return to_digits(text, pack.digits)


def long_datetime(moment: datetime, pack: Pack, locale: str) -> str:
    """A long date and time with its zone, in the pack's calendar and digits.

    >>> from newsformats.lang.pack import pack_for
    >>> from datetime import timezone
    >>> long_datetime(datetime(2024, 8, 5, 9, 30, tzinfo=timezone.utc), pack_for("en"), "en")
    'August 5, 2024, 9:30:00\\u202fAM UTC'
    """
    from babel import Locale
    from babel.dates import format_datetime, format_time

    if pack.calendar == "gregorian" and not pack.months:
        return to_digits(str(format_datetime(moment, format="long", locale=locale)), pack.digits)
    time = str(format_time(moment, format="long", locale=locale))
    pattern = str(Locale.parse(locale).datetime_formats["long"])
    text = pattern.replace("{1}", long_date(moment, pack, locale)).replace("{0}", time)
    return to_digits(text.replace("'", ""), pack.digits)


# Gregorian month names CLDR once gave a language and has replaced since, while its
# newspapers keep printing them ("2025 මාර්තු 12"): CLDR 42 gives Sinhala "ජනවාරි …
# දෙසැම්බර්"; CLDR 48 (ICU 78) and the CLDR of Babel 2.19 give the traditional names
# "දුරුතු … උඳුවප්" instead. Source: cldr-json 42.0.0 ``main/si/ca-gregorian.json``,
# months wide and abbreviated, format and stand-alone (Unicode licence), copied by hand;
# April also without the zero-width joiner of its "ප්‍ර", as pages type it both ways.
_WITHDRAWN_MONTHS: dict[str, tuple[tuple[str, ...], ...]] = {
    "si": (
        ("ජනවාරි", "ජන"),
        ("පෙබරවාරි", "පෙබ"),
        ("මාර්තු", "මාර්"),
        ("අප්‍රේල්", "අප්රේල්"),  # with and without the joiner
        ("මැයි",),
        ("ජූනි",),
        ("ජූලි",),
        ("අගෝස්තු", "අගෝ"),
        ("සැප්තැම්බර්", "සැප්"),
        ("ඔක්තෝබර්", "ඔක්"),
        ("නොවැම්බර්", "නොවැ"),
        ("දෙසැම්බර්", "දෙසැ"),
    ),
}


def withdrawn_months(locale: str) -> list[tuple[str, int]]:
    """Gregorian month names CLDR once gave a locale and no longer does, with their numbers.

    >>> withdrawn_months("si")[2:4]
    [('පෙබරවාරි', 2), ('පෙබ', 2)]
    >>> withdrawn_months("en")
    []
    """
    table = _WITHDRAWN_MONTHS.get(locale.replace("-", "_").split("_")[0], ())
    return [(name, number) for number, names in enumerate(table, 1) for name in names]
