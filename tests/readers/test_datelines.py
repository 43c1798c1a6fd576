"""Dates recognised by their shape: any digits, CLDR month names, the Solar Hijri calendar."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from newsformats.readers.datelines import date_line, ends_with_date, moment_of

DATE_LINES = [
    ("September 16, 2021", "en", date(2021, 9, 16)),
    ("16 September 2021, 14:05 GMT", "en", date(2021, 9, 16)),
    ("Sunday, September 16, 2021 - 14:05", "en", date(2021, 9, 16)),
    ("Published: 16.09.2021", "en", date(2021, 9, 16)),
    ("2021-09-16", "en", date(2021, 9, 16)),
    ("16 сентября 2021 г., 14:20", "ru", date(2021, 9, 16)),
    ("Дата публикации: 16 сентября 2021 г.", "ru", date(2021, 9, 16)),
    ("13 березня 2024 року", "uk", date(2024, 3, 13)),
    ("2021 жылғы 16 қыркүйек", "kk", date(2021, 9, 16)),
    ("2024 წლის 15 აპრილს", "ka", date(2024, 4, 15)),
    ("2021. szeptember 16.", "hu", date(2021, 9, 16)),
    ("2024-yil 12-mart", "uz", date(2024, 3, 12)),
    ("۲۶ شهریور ۱۴۰۲", "fa", date(2023, 9, 17)),
    ("۱۵ حمل ۱۴۰۰", "fa", date(2021, 4, 4)),
    ("١٥ حمل ١٤٠٠", "ps", date(2021, 4, 4)),
    ("۱۴۰۲/۰۶/۲۶", "fa", date(2023, 9, 17)),
    ("Aktualisiert: 12. März 2024, 16:40 Uhr", "de", date(2024, 3, 12)),
    ("Zuletzt aktualisiert am 15. Jänner 2024", "de", date(2024, 1, 15)),
    ("Mis à jour le 1er février 2024 à 10h15", "fr", date(2024, 2, 1)),
    ("Mis en ligne le 3 février 2024 à 08h30", "fr", date(2024, 2, 3)),
    ("Publicado el 1 de setiembre de 2024, 10:15", "es", date(2024, 9, 1)),
    ("16-го сентября 2021 г.", "ru", date(2021, 9, 16)),
    # CLDR's Arabic month names, spelt with Arabic "ي" (compared as Persian "ی").
    ("3 أبريل 2025", "ar", date(2025, 4, 3)),
    ("۱۴ خرداد ۱۴۰۴ - ۱۰:۳۰", "fa", date(2025, 6, 4)),
    ("Հեղինակ՝ 10 մարտի, 2025", "hy", date(2025, 3, 10)),
]


@pytest.mark.parametrize(("line", "language", "day"), DATE_LINES)
def test_date_line_and_its_day(line: str, language: str, day: date) -> None:
    found = date_line(line, language)
    assert found is not None
    assert found[0][0].day == day


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Kazakhstan Votes On September 16", "en"),
        ("May Day Rallies Draw Thousands", "en"),
        ("Leaders meet in Dushanbe to discuss Afghanistan on 16 September", "en"),
        ("میزان تورم در ایران افزایش یافت", "fa"),
    ],
)
def test_a_title_with_a_date_is_no_date_line(line: str, language: str) -> None:
    assert date_line(line, language) is None


def test_ambiguous_slashed_date_has_no_day() -> None:
    found = date_line("09/10/2021", "en")
    assert found is not None and found[0][0].day is None


@pytest.mark.parametrize(("language", "day"), [("es", date(2025, 4, 3)), ("ru", date(2025, 4, 3))])
def test_slashed_date_read_day_first_where_the_language_writes_day_first(
    language: str, day: date
) -> None:
    # CLDR's short date of Spanish and Russian is day first; English's is month first.
    found = date_line("Málaga, 03/04/2025 - 09:41 h", language)
    assert found is not None and found[0][0].day == day


@pytest.mark.parametrize(
    ("caption", "language"),
    [
        ("Leaders pose in Dushanbe on September 16.", "en"),
        ("Участники саммита позируют фотографам в Душанбе 16 сентября.", "ru"),
        ("Вантажівки на кордоні поблизу Ягодина, 12 березня 2024 року.", "uk"),
        ("خانه‌های تخریب‌شده در ولایت هرات، ۱۵ حمل.", "fa"),
        ("بزګران په یوه باغ کې زیتون راټولوي، د لړم ۱۲مه.", "ps"),
    ],
)
def test_caption_ending_with_a_date(caption: str, language: str) -> None:
    assert ends_with_date(caption, language)


def test_caption_with_a_date_inside_does_not_end_with_one() -> None:
    assert not ends_with_date("On September 16 leaders posed for a photograph.", "en")


def test_a_day_a_word_and_a_year_is_a_date_of_unknown_month() -> None:
    found = date_line("16 verasnia 2024, 10:15", "en")
    assert found is not None and found[0][0].calendar == "unknown" and found[0][0].day is None


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("3 hours ago", "en"),
        ("Updated 5 min. ago", "en"),
        ("vor 3 Stunden", "de"),
        ("Hace 3 horas", "es"),
        ("il y a 2 heures", "fr"),
        ("5 мин. назад", "ru"),
        ("Оновлено 2 години тому", "uk"),
        ("۲ ساعت پیش", "fa"),
    ],
)
def test_relative_dates_are_date_lines_without_a_day(line: str, language: str) -> None:
    found = date_line(line, language)
    assert found is not None
    dates, _ = found
    assert [(d.calendar, d.day) for d in dates] == [("relative", None)]


@pytest.mark.parametrize(("line", "language"), [("3 hours", "en"), ("3 часа", "ru")])
def test_a_number_of_hours_alone_is_no_date(line: str, language: str) -> None:
    assert date_line(line, language) is None


def test_a_month_with_the_letters_cldr_glues_to_it() -> None:
    # Hebrew writes "d בMMMM y": the month name carries the preposition ("in March").
    from datetime import date as day

    from newsformats.readers.datelines import find_dates

    assert [d.day for d in find_dates("12 במרץ 2025, 11:20", "he")] == [day(2025, 3, 12)]
    assert [d.day for d in find_dates("בבאר שבע, 10 במרץ 2025", "he")] == [day(2025, 3, 10)]


def test_two_names_of_one_month_and_alif_with_or_without_hamza() -> None:
    from datetime import date as day

    from newsformats.readers.datelines import find_dates

    # CNN Arabic's date line: the Levantine and the Egyptian name, the second without hamza.
    line = "الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)"
    assert [d.day for d in find_dates(line, "ar")] == [day(2013, 8, 28)]
    assert [d.day for d in find_dates("3 ابريل 2025", "ar")] == [day(2025, 4, 3)]


@pytest.mark.parametrize(
    ("line", "language"),
    [("2019年04月04日 09:00", "ja"), ("2019年4月4日", "zh"), ("2019년 4월 4일", "ko")],
)
def test_year_month_and_day_each_with_its_unit_sign(line: str, language: str) -> None:
    found = date_line(line, language)
    assert found is not None
    assert [d.day for d in found[0]] == [date(2019, 4, 4)]


def test_a_weekday_of_two_words_and_a_zone_in_brackets() -> None:
    # VnExpress' shape: "Thứ Sáu" (Friday) is one weekday, "(GMT+7)" the time's zone.
    line = "Thứ Sáu, 14/3/2025, 09:30 (GMT+7)"
    found = date_line(line, "vi")
    assert found is not None and found[0][0].day == date(2025, 3, 14)
    assert moment_of(found[0][0], line) == datetime(2025, 3, 14, 2, 30, tzinfo=UTC)


def test_a_label_in_a_script_with_vowel_signs_is_one_word() -> None:
    # Python's \w leaves out the vowel signs: "अपडेटेड" was three words, too many for a date line.
    found = date_line("अपडेटेड: 14 मार्च 2025, 16:20 IST", "hi")
    assert found is not None and found[0][0].day == date(2025, 3, 14)
    assert "अपडेटेड" in found[1]


def test_a_month_of_a_calendar_no_table_has_is_a_date_of_unknown_day() -> None:
    # Ethiopian: month, day, the word for "day", year. A date line, never a caption.
    found = date_line("መጋቢት 5 ቀን 2017 ዓ.ም.", "am")
    assert found is not None and found[0][0].calendar == "unknown" and found[0][0].day is None
    assert date_line("Five people came in 2017 to see the new bridge open.", "en") is None
