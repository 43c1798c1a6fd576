"""Test articles in Russian and Persian (written for these tests), as JSON-ready dicts."""

from __future__ import annotations

from typing import Any

RUSSIAN: dict[str, Any] = {
    "headline": "Лидеры ОДКБ и ШОС обсудили в Душанбе положение в Афганистане",
    "standfirst": (
        "Саммиты двух региональных блоков прошли через месяц после прихода талибов к власти."
    ),
    "kicker": "Центральная Азия",
    "authors": ["Анна Петрова", "Фаррух Юсупов"],
    "publisher": {"name": "Пример Новостей"},
    "dateline": "Душанбе",
    "published": "2021-09-16T12:00:00+05:00",
    "language": "ru",
    "keywords": ["ОДКБ", "ШОС", "Афганистан"],
    "lead_image": {
        "src": "photo.jpg",
        "alt": "Восемь человек в тёмных костюмах стоят в ряд на сцене перед синей стеной.",
        "caption": "Участники саммита ОДКБ в Душанбе 16 сентября.",
        "credit": "Иллюстрация проекта newsformats",
    },
    "body": [
        "Россия и её центральноазиатские союзники начали в таджикской столице двухдневные "
        "переговоры о положении в Афганистане.",
        {
            "type": "paragraph",
            "content": [
                "Лидеры ",
                {
                    "type": "abbreviation",
                    "text": "ОДКБ",
                    "expansion": "Организация Договора о коллективной безопасности",
                },
                " собрались на саммит 16 сентября, а на следующий день прошла встреча "
                "Шанхайской организации сотрудничества, в которую входит Китай.",
            ],
        },
        {
            "type": "paragraph",
            "content": [
                "Западные дипломаты называют происходящее ",
                {"type": "foreign", "language": "en", "children": ["a new Great Game"]},
                ", хотя в Москве это сравнение отвергают.",
            ],
        },
        {"type": "subheading", "content": "Гуманитарный кризис"},
        "Соседи Афганистана опасаются угроз безопасности и притока десятков тысяч беженцев "
        "через границу; северо-восточные районы страны уже испытывают нехватку продовольствия.",
        {
            "type": "paragraph",
            "content": [
                "Подробности опубликованы на ",
                {
                    "type": "link",
                    "href": "https://example.org/odkb",
                    "title": "Сайт примера",
                    "children": ["сайте организации"],
                },
                ".",
            ],
        },
        "Президент Таджикистана Эмомали Рахмон призвал партнёров не признавать новое "
        "правительство в Кабуле, пока в нём не будут представлены все народы страны.",
    ],
    "credit_line": "При подготовке материала использованы сообщения ТАСС и Reuters.",
}

PERSIAN: dict[str, Any] = {
    "headline": "رهبران سازمان پیمان امنیت جمعی در دوشنبه درباره افغانستان گفت‌وگو کردند",
    "standfirst": "نشست دو سازمان منطقه‌ای یک ماه پس از به قدرت رسیدن طالبان برگزار شد.",
    "authors": ["مریم احمدی"],
    "publisher": {"name": "نمونه خبر"},
    "dateline": "دوشنبه",
    "published": "2021-09-16T12:00:00+04:30",
    "language": "fa",
    "lead_image": {
        "src": "photo.jpg",
        "alt": "هشت مرد با کت و شلوار تیره در کنار هم روی صحنه ایستاده‌اند.",
        "caption": "شرکت‌کنندگان در نشست دوشنبه.",
    },
    "body": [
        "روسیه و متحدان آسیای مرکزی آن گفت‌وگوهای دو روزه‌ای را در پایتخت تاجیکستان "
        "درباره وضعیت افغانستان آغاز کردند.",
        "رهبران سازمان پیمان امنیت جمعی روز پنجشنبه گرد هم آمدند و روز بعد نشست سازمان "
        "همکاری شانگهای برگزار شد که چین نیز عضو آن است.",
        {
            "type": "paragraph",
            "content": [
                "یک دیپلمات غربی این رقابت را ",
                {"type": "foreign", "language": "en", "children": ["the new Great Game"]},
                " نامید.",
            ],
        },
        {"type": "subheading", "content": "نگرانی از بحران انسانی"},
        "همسایگان افغانستان از تهدیدهای امنیتی و سرازیر شدن ده‌ها هزار پناهجو به مرزهای "
        "خود نگران هستند.",
        "رئیس جمهور تاجیکستان از شرکای خود خواست تا دولت جدید کابل را به رسمیت نشناسند.",
    ],
    "credit_line": "با استفاده از گزارش‌های خبرگزاری‌ها.",
}


DECORATED: dict[str, Any] = {
    "headline": "Figures With And Without Words",
    "language": "en",
    "body": [
        "The first paragraph.",
        {"type": "figure", "image": {"src": "photo.jpg", "decorative": True}},
        "The second paragraph.",
        {"type": "figure", "image": {"alt": "A map of the valley", "caption": "The valley."}},
    ],
}


def long_article(words: int = 10_000) -> dict[str, Any]:
    """An English article of about ``words`` words, with subheadings every ten paragraphs."""
    sentence = (
        "The regional council met again on Thursday to discuss water sharing, "
        "road repairs and the winter heating plan for the valley's villages."
    )
    per_paragraph = len(sentence.split()) * 4
    body: list[Any] = []
    for index in range(words // per_paragraph):
        if index and index % 10 == 0:
            body.append({"type": "subheading", "content": f"Part {index // 10 + 1}"})
        body.append(f"Paragraph {index + 1}. " + " ".join([sentence] * 4))
    return {
        "headline": "A Very Long Report On The Valley Council",
        "language": "en",
        "publisher": {"name": "Example Desk"},
        "body": body,
    }


LONG_URL = (
    "https://example.org/archive/2021/09/16/regional/central/asia/summit/dushanbe/"
    "afghanistan/security/council/statement/full/text/with/annexes/and/maps/index.html"
)


def linked_article(words_across_a_page: int = 1500) -> dict[str, Any]:
    """Links that WeasyPrint cuts into several boxes: a long URL shown as its own text that
    wraps, a link holding a hyphenated word and emphasis, one longer than a page, and links
    in a table cell, a table caption and a figure caption."""
    sentence = "The council published every page of its report on water sharing in the valley."
    long_text = " ".join([sentence] * (words_across_a_page // len(sentence.split())))
    return {
        "headline": "Links Over Lines And Pages",
        "language": "en",
        "body": [
            {
                "type": "paragraph",
                "content": [
                    "The statement: ",
                    {"type": "link", "href": LONG_URL, "children": [LONG_URL]},
                    ".",
                ],
            },
            {
                "type": "paragraph",
                "content": [
                    "Read ",
                    {
                        "type": "link",
                        "href": "https://example.org/profile",
                        "children": [
                            "the profile of a ",
                            {"type": "emphasis", "children": ["20-year-old"]},
                            " volunteer",
                        ],
                    },
                    " first.",
                ],
            },
            {
                "type": "table",
                "caption": [
                    "Sources (",
                    {"type": "link", "href": "https://example.org/sources", "children": ["list"]},
                    ")",
                ],
                "head": [
                    [{"content": "Body", "header": True}, {"content": "Link", "header": True}]
                ],
                "rows": [
                    [
                        "Council",
                        [{"type": "link", "href": LONG_URL + "?table", "children": [LONG_URL]}],
                    ]
                ],
            },
            {
                "type": "figure",
                "image": {
                    "src": "photo.jpg",
                    "alt": "The valley seen from the dam.",
                    "caption": [
                        "The dam (",
                        {"type": "link", "href": "https://example.org/dam", "children": ["map"]},
                        ").",
                    ],
                },
            },
            {
                "type": "paragraph",
                "content": [
                    "In full: ",
                    {"type": "link", "href": "https://example.org/report", "children": [long_text]},
                ],
            },
        ],
    }


def split_table_article(rows: int = 70) -> dict[str, Any]:
    """A table longer than a page (WeasyPrint repeats its header on each new page), with a
    row whose cell is long enough to be cut by a page break, column and row headers, and a
    link in a header cell (its annotation repeated too)."""
    note = (
        "The pipe to this village was repaired twice during the summer "
        "and again in the autumn, after the floods."
    )
    body_rows: list[Any] = [
        [
            {"content": f"Village {index + 1}", "header": True, "scope": "row"},
            f"{index * 37 % 500} cubic metres",
            " ".join([note] * 12) if index == rows // 3 else f"{index * 13 % 90} days",
        ]
        for index in range(rows)
    ]
    return {
        "headline": "Water Shares Of Every Village",
        "language": "en",
        "body": [
            "The council published the water share of every village in the valley.",
            {
                "type": "table",
                "caption": "Water shares by village",
                "head": [
                    [
                        {"content": "Village", "header": True},
                        {
                            "content": [
                                {
                                    "type": "link",
                                    "href": "https://example.org/shares",
                                    "children": ["Share"],
                                }
                            ],
                            "header": True,
                        },
                        {"content": "Supply", "header": True},
                    ]
                ],
                "rows": body_rows,
            },
            "The shares are reviewed every year.",
        ],
    }
