"""Words of page chrome and article furniture, in the languages newsrooms publish in.

Plain text scraped from a news page carries the page around the article:
accessibility links, "Breaking News" banners, share and print buttons, lists of
related stories. These tables let the plain-text reader drop them and find
the article's own parts. Add a language by adding its words; keep them lower case.
"""

from __future__ import annotations

import re

# Lines that are page chrome wherever they stand.
CHROME_LINES = frozenset(
    {
        # en
        "accessibility links",
        "skip to main content",
        "skip to main navigation",
        "skip to search",
        "skip to content",
        "breaking news",
        "share",
        "share this",
        "print",
        "print this",
        "email",
        "e-mail",
        "comments",
        "comment",
        "tweet",
        "facebook",
        "twitter",
        "x",
        "telegram",
        "whatsapp",
        "linkedin",
        "copy link",
        "link has been copied to clipboard",
        "advertisement",
        "subscribe",
        "menu",
        "search",
        "live",
        "listen",
        "watch",
        "more",
        "next",
        "previous",
        "home",
        "loading...",
        "see comments",
        "show comments",
        "no media source currently available",
        "close",
        "read more",
        "the code has been copied to your clipboard.",
        # ru / uk
        "ссылки для упрощенного доступа",
        "ссылки для упрощённого доступа",
        "вернуться к основному содержанию",
        "вернуться к основной навигации",
        "перейти к основному содержанию",
        "перейти к поиску",
        "срочные новости",
        "поделиться",
        "печать",
        "распечатать",
        "комментарии",
        "комментировать",
        "подписаться",
        "поиск",
        "меню",
        "реклама",
        "искать",
        "вернуться к поиску",
        "версия для печати",
        "все новости",
        "прямой эфир",
        "посилання для спрощеного доступу",
        "повернутися до основного вмісту",
        "термінові новини",
        "поширити",
        "друк",
        "коментарі",
        # fa / prs / ps / ar / ur
        "پیوندهای دسترسی",
        "پیوند های دسترسی",
        "لینک های دسترسی",
        "رفتن به محتوای اصلی",
        "بازگشت به محتوای اصلی",
        "خبر فوری",
        "اخبار فوری",
        "همرسانی",
        "هم‌رسانی",
        "اشتراک‌گذاری",
        "اشتراک گذاری",
        "چاپ",
        "نظرها",
        "دیدگاه‌ها",
        "جستجو",
        "به محتوای اصلی بروید",
        "رفتن به ناوبری اصلی",
        "رفتن به جستجو",
        "خبر تازه",
        "اخبار تازه",
        "چاپ کنید",
        "د لاسرسي لینکونه",
        "د لاسرسۍ لینکونه",
        "اصلي منځپانګې ته لاړ شئ",
        "لټون",
        "اصلي منځپانګې ته ورشئ",
        "تازه خبر",
        "شریکول",
        "چاپول",
        "روابط إمكانية الوصول",
        "انتقل إلى المحتوى الرئيسي",
        "عاجل",
        "شارك",
        "طباعة",
        # central asian (uz, kk, ky, tg, tk)
        "шошилинч хабар",
        "ulashish",
        "chop etish",
        "тез хабар",
        "бөлісу",
        "шашылыш кабар",
        "бөлүшүү",
        "хабари фаврӣ",
        "мубодила",
        "чоп",
    }
)

# Lines after which the rest of the page is no longer the article.
END_MARKERS = frozenset(
    {
        "related",
        "related stories",
        "related articles",
        "related content",
        "see also",
        "more on this story",
        "most popular",
        "most read",
        "recommended",
        "also read",
        "comments",
        "see comments",
        "join the conversation",
        "more from",
        "по теме",
        "читайте также",
        "смотрите также",
        "самое популярное",
        "популярное",
        "дивіться також",
        "читайте також",
        "за темою",
        "مطالب مرتبط",
        "مرتبط",
        "همچنین بخوانید",
        "پربیننده‌ترین",
        "اړوند",
        "ذات صلة",
    }
)

# How a credit line begins ("With reporting by AFP, Reuters, and TASS").
CREDIT_LINE = re.compile(
    r"^("
    r"(with|additional|based on)( additional)? reporting( from| by)?|reporting by|"
    r"compiled by|written by|edited by|with contributions from|with material from|"
    r"по материалам|с использованием материалов|при участии|подготовлено|"
    r"за матеріалами|з використанням матеріалів|"
    r"با استفاده از گزارش|بر اساس گزارش|با گزارش|با همکاری|"
    r"د .{1,40} له راپور|"
    r"بمشاركة|بالاستناد إلى"
    r")\b",
    re.IGNORECASE,
)

# Words that mark a photo caption or a photo credit.
PHOTO_WORDS = re.compile(
    r"\b(photo|photograph|pictured|pose[sd]?|file photo|illustration|image|"
    r"фото|фотография|снимок|на снимке|изображение|світлина|"
    r"عکس|تصویر|انځور|صورة|"
    r"surat|сурет|сүрөт|акс)\b|"
    r"\((afp|ap|reuters|epa|getty|tass|ria novosti|rfe/rl|ранее|архив|file)\b[^)]*\)\s*$",
    re.IGNORECASE,
)


def normalise(line: str) -> str:
    """The form a line is compared in: lower case, single spaces, no trailing colon."""
    return " ".join(line.split()).strip(" :·•|").casefold()


def is_chrome(line: str) -> bool:
    """Say whether a line is page chrome."""
    return normalise(line) in CHROME_LINES


def is_end_marker(line: str) -> bool:
    """Say whether a line starts the page's furniture after the article."""
    return normalise(line) in END_MARKERS


def is_credit_line(text: str) -> bool:
    """Say whether a paragraph is a credit line such as 'With reporting by AFP'."""
    text = " ".join(text.split())
    return len(text) <= 300 and bool(CREDIT_LINE.match(text))
