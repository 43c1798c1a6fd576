"""Words of page chrome and article furniture, in the languages newsrooms publish in.

Plain text scraped from a news page carries the page around the article:
accessibility links, "Breaking News" banners, share and print buttons, lists of
related stories. The plain-text reader finds them by their shape and position
first (:mod:`.plaintext`); these tables only confirm what the shape suggests, so
a language that has no words here still reads right. Each table is a dict per
language (ready to move into that language's pack); words are lower case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

# Lines that are page chrome wherever they stand.
CHROME_WORDS: dict[str, tuple[str, ...]] = {
    "en": (
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
    ),
    "ru": (
        "ссылки для упрощенного доступа",
        "ссылки для упрощённого доступа",
        "вернуться к основному содержанию",
        "вернуться к основной навигации",
        "перейти к основному содержанию",
        "перейти к поиску",
        "срочно",
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
    ),
    "uk": (
        "посилання для доступності",
        "посилання для спрощеного доступу",
        "повернутися до основного вмісту",
        "перейти до основного вмісту",
        "термінові новини",
        "терміново",
        "поширити",
        "друк",
        "коментарі",
    ),
    "be": (
        "спасылкі для спрошчанага доступу",
        "перайсці да асноўнага зьместу",
        "перайсці да асноўнага змесціва",
        "перайсці да пошуку",
        "тэрмінова",
        "тэрміновыя навіны",
        "падзяліцца",
        "друк",
    ),
    "fa": (
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
    ),
    "ps": (
        "د لاسرسي لینکونه",
        "د لاسرسۍ لینکونه",
        "اصلي منځپانګې ته لاړ شئ",
        "لټون",
        "اصلي منځپانګې ته ورشئ",
        "تازه خبر",
        "شریکول",
        "چاپول",
    ),
    "ar": (
        "روابط إمكانية الوصول",
        "انتقل إلى المحتوى الرئيسي",
        "عاجل",
        "شارك",
        "طباعة",
    ),
    "uz": ("шошилинч хабар", "ulashish", "chop etish"),
    "kk": ("тез хабар", "бөлісу"),
    "ky": ("шашылыш кабар", "бөлүшүү"),
    "tg": ("хабари фаврӣ", "мубодила", "чоп", "ҷустуҷӯ"),
}

# Lines after which the rest of the page is no longer the article.
END_WORDS: dict[str, tuple[str, ...]] = {
    "en": (
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
        "read also",
        "comments",
        "see comments",
        "join the conversation",
        "more from",
    ),
    "ru": ("по теме", "читайте также", "смотрите также", "самое популярное", "популярное"),
    "uk": ("дивіться також", "читайте також", "за темою"),
    "fa": ("مطالب مرتبط", "مرتبط", "همچنین بخوانید", "پربیننده‌ترین"),
    "ps": ("اړوند",),
    "ar": ("ذات صلة",),
}

# How a credit line begins ("With reporting by AFP, Reuters, and TASS").
CREDIT_WORDS: dict[str, tuple[str, ...]] = {
    "en": (
        r"(with|additional|based on)( additional)? reporting( from| by)?",
        "reporting by",
        "compiled by",
        "written by",
        "edited by",
        "with contributions from",
        "with material from",
    ),
    "ru": ("по материалам", "с использованием материалов", "при участии", "подготовлено"),
    "uk": ("за матеріалами", "з використанням матеріалів"),
    "be": ("паводле матэрыялаў", "паводле паведамленьняў", "паводле паведамленняў"),
    "tg": ("бо истифода аз", "дар асоси гузориш"),
    "fa": ("با استفاده از گزارش", "بر اساس گزارش", "با گزارش", "با همکاری"),
    "ps": ("د .{1,40} له راپور",),
    "ar": ("بمشاركة", "بالاستناد إلى"),
}

# How a byline begins ("By Ann Lee", "Автор: …").
BYLINE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("by",),
    "ru": ("автор", "авторы"),
    "uk": ("автор", "автори"),
    "fa": ("نویسنده", "نوشته"),
    "ar": ("بقلم",),
}

# What marks a date line as the time of an update ("Updated …", "Обновлено …").
UPDATED_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("updated", "last updated", "modified"),
    "ru": ("обновлено", "обновлен", "изменено"),
    "uk": ("оновлено",),
    "fa": ("به‌روزرسانی", "به روز شده", "آخرین به‌روزرسانی"),
}

# What marks a date line as the time of publication ("Published …", "Опубликовано …").
PUBLISHED_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("published", "posted", "first published"),
    "ru": ("опубликовано", "дата публикации"),
    "uk": ("опубліковано", "дата публікації"),
    "fa": ("تاریخ انتشار", "منتشر شده"),
}

# "and" between the names of a byline.
AND_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("and", "&"),
    "ru": ("и",),
    "uk": ("і", "та"),
    "fa": ("و",),
    "ar": ("و",),
}

# Words that mark a photo caption or a photo credit.
PHOTO_WORDS_BY_LANGUAGE: dict[str, tuple[str, ...]] = {
    "en": ("photo", "photograph", "pictured", "pose", "poses", "posed", "file photo", "image"),
    "ru": ("фото", "фотография", "снимок", "на снимке", "изображение"),
    "uk": ("фото", "світлина"),
    "be": ("фота", "здымак"),
    "ro": ("foto", "fotografie"),
    "az": ("foto", "şəkil"),
    "hu": ("fotó", "kép"),
    "sr": ("foto", "фото"),
    "bg": ("снимка",),
    "fa": ("عکس", "تصویر"),
    "ps": ("انځور",),
    "ar": ("صورة",),
    "uz": ("surat",),
    "kk": ("сурет",),
    "ky": ("сүрөт",),
    "tg": ("акс",),
}
PHOTO_AGENCIES = ("afp", "ap", "reuters", "epa", "getty", "tass", "ria novosti", "rfe/rl", "file")

# Months of calendars other than the Gregorian one (CLDR via Babel gives those),
# each month with the spellings pages use.
CALENDAR_MONTHS: dict[str, tuple[tuple[str, ...], ...]] = {
    # Gregorian spellings CLDR lacks: Belarusian in the classical orthography
    # (Taraškievica), as Radio Svaboda writes it.
    "gregorian": (
        ("студзеня",),
        ("лютага",),
        ("сакавіка",),
        ("красавіка",),
        ("траўня",),
        ("чэрвеня",),
        ("ліпеня",),
        ("жніўня",),
        ("верасьня",),
        ("кастрычніка",),
        ("лістапада",),
        ("сьнежня",),
    ),
    # Solar Hijri, Afghan (Dari and Persian) names, then Pashto, then Iranian names.
    "solar-hijri": (
        ("حمل", "وری", "فروردین"),
        ("ثور", "غویی", "اردیبهشت"),
        ("جوزا", "غبرگولی", "خرداد"),
        ("سرطان", "چنګاښ", "چنگاښ", "تیر"),
        ("اسد", "زمری", "مرداد", "امرداد"),
        ("سنبله", "وږی", "شهریور"),
        ("میزان", "تله", "مهر"),
        ("عقرب", "لړم", "آبان"),
        ("قوس", "لیندۍ", "آذر"),
        ("جدی", "مرغومی", "دی"),
        ("دلو", "سلواغه", "بهمن"),
        ("حوت", "کب", "اسفند"),
    ),
}

# Endings a day number takes ("16th", "16-го", Pashto "۱۲مه") and the word for "year"
# that may follow a date ("2024 року", "2021 г.", "2024 წლის").
DAY_SUFFIXES: dict[str, tuple[str, ...]] = {
    "en": ("st", "nd", "rd", "th"),
    "ru": ("-го", "го", "-е"),
    "ps": ("مه",),
}
YEAR_WORDS: dict[str, tuple[str, ...]] = {
    "ru": ("г", "г.", "года", "год"),
    "uk": ("р", "р.", "року", "рік"),
    "be": ("г", "г.", "году", "года"),
    "kk": ("ж", "ж.", "жылы", "жылғы"),
    "ky": ("ж", "ж.", "жылы"),
    "hy": ("թ", "թ.", "թվականի"),
    "ka": ("წლის", "წ.", "წელს"),
    "fa": ("ش", "هـ.ش", "خورشیدی"),
    "ps": ("کال",),
}


def _all(table: Mapping[str, Iterable[str]]) -> frozenset[str]:
    return frozenset(word for words in table.values() for word in words)


CHROME_LINES = _all(CHROME_WORDS)
DAY_ENDINGS = _all(DAY_SUFFIXES)
YEAR_MARKS = _all(YEAR_WORDS)
END_MARKERS = _all(END_WORDS)
CREDIT_LINE = re.compile(
    r"^(" + "|".join(sorted(_all(CREDIT_WORDS), key=len, reverse=True)) + r")\b", re.IGNORECASE
)
BYLINE = re.compile(
    r"^(?:" + "|".join(sorted(_all(BYLINE_WORDS), key=len, reverse=True)) + r")\b\s*:?\s+"
    r"(?P<names>\S.{1,118})$",
    re.IGNORECASE,
)
UPDATED = frozenset(_all(UPDATED_WORDS))
PUBLISHED = frozenset(_all(PUBLISHED_WORDS))
PHOTO_WORDS = re.compile(
    r"\b(" + "|".join(map(re.escape, sorted(_all(PHOTO_WORDS_BY_LANGUAGE), key=len))) + r"|"
    r"illustration)\b|"
    r"\((" + "|".join(map(re.escape, PHOTO_AGENCIES)) + r")\b[^)]*\)\s*$",
    re.IGNORECASE,
)
# A photo credit on a line of its own: "Photo: AFP", "© Reuters", "REUTERS/Name".
PHOTO_CREDIT = re.compile(
    r"^(?:©|\((?i:c)\)|"
    r"(?i:" + "|".join(map(re.escape, _all(PHOTO_WORDS_BY_LANGUAGE))) + r")\s*(?::|/|-|–)|"
    r"[A-Z]{2,}(?:/[A-Z]{2,})?/\w)"
)


def normalise(line: str) -> str:
    """The form a line is compared in: lower case, single spaces, no trailing colon."""
    return " ".join(line.split()).strip(" :·•|").casefold()


def is_chrome(line: str) -> bool:
    """Say whether a line is known page chrome in some language.

    >>> is_chrome("Ссылки для упрощенного доступа"), is_chrome("Kazakhstan")
    (True, False)
    """
    return normalise(line) in CHROME_LINES


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
    """The names of a byline that begins with a byline word ('By Ann Lee' → 'Ann Lee')."""
    match = BYLINE.match(" ".join(text.split()))
    return match.group("names") if match else None


def says_updated(words: Iterable[str]) -> bool:
    """Say whether the words beside a date mark it as the time of an update."""
    folded = " ".join(words).casefold().strip(" :")
    return folded in UPDATED or any(w.casefold().strip(" :") in UPDATED for w in words)


def says_published(words: Iterable[str]) -> bool:
    """Say whether the words beside a date mark it as the time of publication."""
    folded = " ".join(words).casefold().strip(" :")
    return folded in PUBLISHED


def and_words() -> frozenset[str]:
    """Every language's word for "and" between names."""
    return _all(AND_WORDS)
