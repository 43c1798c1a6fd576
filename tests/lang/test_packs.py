"""Language packs: complete, consistent with CLDR and the IANA registry, and asked by everyone."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from helpers import DATA, ROOT, run_cli
from newsformats import read
from newsformats.lang import all_packs, find_pack, messages_for, pack_for
from newsformats.lang.sentences import split_text
from newsformats.lang.table import languages_table, review_list
from newsformats.language import direction_of, is_valid_tag
from newsformats.model import Article, Image, plain_text
from newsformats.pdf.fonts import CJK_SCRIPTS, SCRIPT_FONTS, main_script
from newsformats.readers.chrome import byline_names, caption_credit, is_chrome, is_credit_line
from newsformats.readers.fields import split_names
from newsformats.speech.engines.gtts import GttsEngine
from newsformats.speech.tags import iso_639_2
from newsformats.typed import ModelError

LANGUAGES = [
    "en", "ru", "uk", "be", "fa-IR", "fa-AF", "ps", "ar", "kk", "ky", "uz-Latn", "uz-Cyrl", "tg",
    "tk", "tt", "ba", "az", "hy", "ka", "ro", "sr-Cyrl", "sr-Latn", "bs", "mk", "sq", "bg", "hu",
    "crh", "ce", "de", "fr", "es", "el", "he", "vi", "hi", "am", "tr", "id", "sw", "ha", "so", "ur",
    "ko", "ja", "zh-Hans", "pl",
]  # fmt: skip
# Packs written since their words' sources are recorded in the pack (``sources``).
WITH_SOURCES = ["vi", "hi", "am", "tr", "id", "sw", "ha", "so", "ur", "ko", "ja", "zh-Hans", "pl"]
MOMENT = datetime(2024, 8, 5, 9, 30, tzinfo=UTC)


def test_every_language_of_the_issue_has_a_pack() -> None:
    assert sorted(all_packs()) == sorted(LANGUAGES)


@pytest.mark.parametrize("tag", LANGUAGES)
def test_pack_is_complete_and_agrees_with_cldr(tag: str) -> None:
    pack = all_packs()[tag]
    english = all_packs()["en"]
    assert set(pack.strings) == set(english.strings)
    assert set(pack.review) <= set(pack.strings)
    assert is_valid_tag(tag)
    assert pack.direction == direction_of(tag)
    assert pack.chrome and pack.byline_words and pack.and_words
    for fragment in (*pack.credit_starts, *pack.photo_words, *pack.byline_words):
        re.compile(fragment)
    assert pack.credit_labels, "the words that label a picture's credit ('Photo:', 'Source:')"
    for label in pack.credit_labels:
        assert caption_credit(f"Caption text. {label.capitalize()}: Ann Lee") == (
            "Caption text.",
            "Ann Lee",
        ), label
    if pack.calendar != "gregorian" or pack.cldr_locale is None:
        assert len(pack.months) == 12 and "{month}" in pack.date_pattern
    # The PDF writer's script names (the first word of a letter's Unicode name).
    assert pack.font_script.upper() in {*SCRIPT_FONTS, *CJK_SCRIPTS}
    # Every string is the language's own, not English left behind.
    if tag != "en":
        assert pack.strings["skip_to_content"] != english.strings["skip_to_content"]


@pytest.mark.parametrize("tag", WITH_SOURCES)
def test_pack_says_where_its_words_come_from(tag: str) -> None:
    pack = all_packs()[tag]
    # The PDF writer's script for the pack's own text (any of CJK's for Han and kana).
    script = main_script(pack.strings["a11y_summary_navigation"])
    assert pack.font_script.upper() == script or {pack.font_script.upper(), script} <= CJK_SCRIPTS
    for name in ("chrome", "end_markers", "byline_words", "and_words", "strings"):
        assert pack.sources.get(name), f"{tag}: where do the {name} come from?"
    assert "CLDR" in pack.sources["dates"]


def test_tags_find_their_pack() -> None:
    assert find_pack("uz").tag == "uz-Latn"  # type: ignore[union-attr]
    assert find_pack("sr").tag == "sr-Cyrl"  # type: ignore[union-attr]
    assert find_pack("prs").tag == "fa-AF"  # type: ignore[union-attr]
    assert find_pack("fa").tag == "fa-IR"  # type: ignore[union-attr]
    assert find_pack("de-AT").tag == "de"  # type: ignore[union-attr]
    assert find_pack("es-419").tag == "es"  # type: ignore[union-attr]
    assert find_pack("it") is None
    assert pack_for("it").tag == "en"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("fa-IR", "۱۵ مرداد ۱۴۰۳"),
        ("fa", "۱۵ مرداد ۱۴۰۳"),
        ("fa-AF", "۱۵ اسد ۱۴۰۳"),
        ("ps", "۱۵ زمری ۱۴۰۳"),
        ("ru", "5 августа 2024\u202fг."),
        ("hy", "2024 թ. օգոստոսի 5"),
        ("ka", "5 აგვისტო, 2024"),
        ("crh", "5 avgust 2024"),
        ("el", "5 Αυγούστου 2024"),
        ("he", "5 באוגוסט 2024"),
    ],
)
def test_dates_in_the_languages_calendar_and_digits(tag: str, expected: str) -> None:
    assert messages_for(tag).date(MOMENT) == expected


def test_persian_date_and_time_in_persian_digits() -> None:
    text = messages_for("fa-IR").datetime(MOMENT)
    assert "مرداد" in text and "۱۴۰۳" in text
    assert not any(c.isascii() and c.isdigit() for c in text)


def test_folios_use_the_languages_digits() -> None:
    assert messages_for("fa-IR")("page_number_style") == "persian"
    assert messages_for("ps")("page_number_style") == "persian"
    assert messages_for("ka")("page_number_style") == "decimal"


def test_lists_of_names_from_cldr_or_the_pack() -> None:
    assert messages_for("hy").names(["Ա", "Բ"]) == "Ա և Բ"
    assert messages_for("crh").names(["A", "B", "C"]) == "A, B ve C"  # no CLDR locale
    assert messages_for("fa-IR").comma == "،"


@pytest.mark.parametrize("tag", ["english", "xx-QQ", "russian", "zz"])
def test_invalid_language_tag_is_refused_by_the_model(tag: str) -> None:
    with pytest.raises(ModelError, match="IANA registry"):
        Article(headline="H", language=tag, body=["Text."])


def test_invalid_language_tag_is_refused_at_input(tmp_path: pytest.TempPathFactory) -> None:
    source = tmp_path / "bad.md"  # type: ignore[operator]
    source.write_text("---\nheadline: H\nlanguage: english\n---\n\nSome text.\n", encoding="utf-8")
    done = run_cli("convert", source, "-o", tmp_path, "--to", "html")  # type: ignore[arg-type]
    assert done.code == 2
    assert "did you mean 'en'?" in done.stderr
    assert "Traceback" not in done.stderr
    assert not list(tmp_path.glob("*.html"))  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Gen. Smith met Dr. Jones. They spoke.",
            "en",
            ["Gen. Smith met Dr. Jones.", "They spoke."],
        ),
        (
            "U.S. President Joe Biden spoke. He left.",
            "en",
            ["U.S. President Joe Biden spoke.", "He left."],
        ),
        ("Սա առաջինն է։ Սա երկրորդն է։", "hy", ["Սա առաջինն է։", "Սա երկրորդն է։"]),
        ("هل جاء؟ نعم جاء.", "ar", ["هل جاء؟", "نعم جاء."]),
        ("यह पहला है। यह दूसरा है।", "hi", ["यह पहला है।", "यह दूसरा है।"]),
        ("ეს პირველია. ეს მეორეა.", "ka", ["ეს პირველია.", "ეს მეორეა."]),
        ("В 2024 г. Путин приехал. Ничего.", "ru", ["В 2024 г. Путин приехал.", "Ничего."]),
        (
            "Am 12. März kam Dr. Müller nach Bern. Er blieb bis zum 14. Dann fuhr er.",
            "de",
            ["Am 12. März kam Dr. Müller nach Bern.", "Er blieb bis zum 14.", "Dann fuhr er."],
        ),
        (
            "Le 1er mars, M. Roy est arrivé. Il est reparti.",
            "fr",
            ["Le 1er mars, M. Roy est arrivé.", "Il est reparti."],
        ),
        (
            "La Sra. Ruiz llegó el 3 de marzo. Luego se fue.",
            "es",
            ["La Sra. Ruiz llegó el 3 de marzo.", "Luego se fue."],
        ),
        (
            "Ο κ. Σταυράκης μίλησε με τον δρ. Νικολάου. Έφυγαν μαζί.",
            "el",
            ["Ο κ. Σταυράκης μίλησε με τον δρ. Νικολάου.", "Έφυγαν μαζί."],
        ),
        ("הרכבת יצאה בזמן. הנוסעים שמחו.", "he", ["הרכבת יצאה בזמן.", "הנוסעים שמחו."]),
        # Greek's question mark is ";" (U+037E, which NFC makes ";"); in English it is no end.
        ("Θα ανοίξει ξανά; Ναι, τον Μάιο.", "el", ["Θα ανοίξει ξανά;", "Ναι, τον Μάιο."]),
        ("Θα ανοίξει ξανά\u037e Ναι.", "el", ["Θα ανοίξει ξανά\u037e", "Ναι."]),
        ("It will reopen; Mayor Lee said so.", "en", ["It will reopen; Mayor Lee said so."]),
        # Scripts without spaces end a sentence at 。！？ whatever follows (the same segmenter).
        (
            "図書館を開いた。「うれしい」と話した。",
            "ja",
            ["図書館を開いた。", "「うれしい」と話した。"],
        ),
        ("成都市开放了图书馆。你去吗？", "zh", ["成都市开放了图书馆。", "你去吗？"]),
        (
            "부산시가 도서관을 열었다. 시민들은 반겼다.",
            "ko",
            ["부산시가 도서관을 열었다.", "시민들은 반겼다."],
        ),
        (
            "Cầu mới thông xe. TP. Hồ Chí Minh cũng vậy.",
            "vi",
            ["Cầu mới thông xe.", "TP. Hồ Chí Minh cũng vậy."],
        ),
        ("وہ آیا۔ پھر چلا گیا۔", "ur", ["وہ آیا۔", "پھر چلا گیا۔"]),
    ],
)
def test_one_segmenter_for_every_script(text: str, language: str, expected: list[str]) -> None:
    assert split_text(text, language) == expected


def test_alt_text_from_a_caption_keeps_initialisms_whole() -> None:
    image = Image(caption="U.S. President Joe Biden at the summit. Photo by AP.")
    assert image.alt == "U.S. President Joe Biden at the summit."


def test_readers_and_speech_ask_the_packs() -> None:
    assert is_chrome("Წვდომის ბმულები") or is_chrome("წვდომის ბმულები")
    assert is_credit_line("Агенттіктердің материалдары бойынша")
    assert split_names("Aram Petrosyan և Lilit Hovhannisyan") == [
        "Aram Petrosyan",
        "Lilit Hovhannisyan",
    ]
    assert iso_639_2("hy") == "arm" and iso_639_2("ka") == "geo" and iso_639_2("crh") == "crh"


def test_voices_come_from_the_pack() -> None:
    # espeak-ng's uz voice reads Cyrillic Uzbek too (the same sentence in both scripts
    # gives 19,432 and 19,434 samples); Chechen and Pashto have no voice.
    assert pack_for("uz-Cyrl").voice("espeak") == pack_for("uz-Latn").voice("espeak") == "uz"
    assert pack_for("ce").voice("espeak") is None and pack_for("ps").voice("gtts") is None
    assert pack_for("en-GB").voice("espeak", "en-GB") == "en"
    # A region with its own espeak-ng voice gets it; the language's voice otherwise.
    assert pack_for("fr-BE").voice("espeak", "fr-BE") == "fr-be"
    assert pack_for("es-MX").voice("espeak", "es-MX") == "es-419"
    assert pack_for("es-ES").voice("espeak", "es-ES") == "es"
    # Google's tag for Hebrew is the old "iw"; the pack says so and the engine asks it.
    assert pack_for("he").voice("gtts") == "iw" and pack_for("el").voice("gtts") == "el"
    assert GttsEngine().voice_for("he") == "iw" and GttsEngine().voice_for("el") == "el"
    assert pack_for("he").voice("espeak") == "he" and pack_for("el").voice("espeak") == "el"


def test_docs_languages_table_is_current() -> None:
    doc = (ROOT / "docs" / "languages.md").read_text(encoding="utf-8")
    assert languages_table() in doc, (
        "docs/languages.md is stale: paste the output of "
        "python -c 'from newsformats.lang.table import languages_table; print(languages_table())'"
    )


def test_docs_list_every_string_needing_review() -> None:
    doc = (ROOT / "docs" / "languages.md").read_text(encoding="utf-8")
    assert all(f"`{tag}`" in doc for tag, pack in all_packs().items() if pack.review)
    assert review_list() in doc, (
        "docs/languages.md's review list is stale: paste the output of "
        "python -c 'from newsformats.lang.table import review_list; print(review_list())'"
    )


def test_alt_text_is_cut_by_the_articles_language() -> None:
    georgian = Article(
        headline="H",
        language="ka",
        body=["ტექსტი."],
        lead_image={"caption": "პირველი წინადადება. მეორე."},
    )  # type: ignore[arg-type]
    russian = Article(
        headline="H",
        language="ru",
        body=[
            "Текст.",
            {"type": "figure", "image": {"caption": "В 2024 г. Путин приехал. Ничего."}},
        ],
    )  # type: ignore[list-item]
    assert georgian.lead_image is not None and georgian.lead_image.alt == "პირველი წინადადება."
    assert russian.body[1].image.alt == "В 2024 г. Путин приехал."  # type: ignore[union-attr]


# The example's caption and credit line ("Leaders pose for a photograph … on September 16";
# "With reporting by AFP, Reuters, and TASS") as newsrooms write them in other languages.
EXAMPLE_LAYOUT = [
    ("ka", "სამიტის მონაწილეები ფოტოსურათისთვის პოზირებენ დუშანბეში, 16 სექტემბერს.",
     "AFP-ის, Reuters-ისა და TASS-ის ინფორმაციით"),
    ("hy", "Առաջնորդները լուսանկարվում են Դուշանբեում ՀԱՊԿ գագաթնաժողովի ժամանակ, սեպտեմբերի 16։",
     "AFP-ի, Reuters-ի և ՏԱՍՍ-ի տեղեկություններով"),
    ("kk", "Көшбасшылар Душанбедегі ҰҚШҰ саммиті кезінде суретке түсіп тұр, 16 қыркүйек.",
     "AFP, Reuters және ТАСС ақпараты бойынша"),
    ("uk", "Лідери позують для фотографії під час саміту ОДКБ у Душанбе, 16 вересня.",
     "За матеріалами AFP, Reuters і ТАСС"),
    ("fa", "رهبران در نشست پیمان امنیت جمعی در دوشنبه در ۱۶ سپتامبر برای عکس ژست گرفته‌اند.",
     "با استفاده از گزارش‌های خبرگزاری فرانسه، رویترز و تاس"),
    ("ps", "مشران د سرمشریزې پر مهال په دوشنبه کې د انځور لپاره ولاړ دي، د سپټمبر ۱۶مه.",
     "د AFP، رویټرز او تاس له راپورونو سره"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "caption", "credit"), EXAMPLE_LAYOUT)
def test_caption_and_credit_line_of_the_examples_layout(
    language: str, caption: str, credit: str, tmp_path: Path
) -> None:
    tag = pack_for(language).tag
    paragraphs = (DATA / "lang" / f"{tag}.txt").read_text(encoding="utf-8").split("\n\n")
    paragraphs = [caption if p.strip().endswith(")") else p for p in paragraphs[:-1]]
    source = tmp_path / "article.txt"
    source.write_text("\n\n".join([*paragraphs, credit]) + "\n", encoding="utf-8")
    article = read(source)
    assert article.lead_image is not None and article.lead_image.caption == [caption]
    assert article.credit_line == credit
    assert pack_for(article.language).tag == tag


def test_german_french_and_spanish_bylines_and_credit_lines() -> None:
    assert byline_names("Von Katrin Vogel") == "Katrin Vogel"
    assert byline_names("Par Claire Dubois") == "Claire Dubois"
    # A title that begins with the byline word goes on in lower case: no byline.
    assert byline_names("Por qué suben los precios del aceite") is None
    assert byline_names("Von der Leyen reist nach Kiew") is None
    assert split_names("Por Pablo Navarro e Isabel Romero") == ["Pablo Navarro", "Isabel Romero"]
    assert split_names("Von Jonas Becker und Anna Schmitt") == ["Jonas Becker", "Anna Schmitt"]
    assert is_credit_line("Avec AFP et Reuters") and is_credit_line("Avec l’AFP")
    assert not is_credit_line("Avec EDF, le gouvernement a signé un accord.")
    assert is_credit_line("Con AFP y EFE") and is_credit_line("Con información de agencias")
    assert not is_credit_line("Con EFE, el Gobierno negoció durante meses.")
    assert is_credit_line("Mit Material von dpa und Reuters")


def test_greek_and_hebrew_bylines_and_credit_lines() -> None:
    assert byline_names("Του Γιώργου Παπαδόπουλου") == "Γιώργου Παπαδόπουλου"
    assert byline_names("Της Ελένης Κωνσταντίνου") == "Ελένης Κωνσταντίνου"
    assert byline_names("Από την Αθήνα στη Θεσσαλονίκη με το τρένο") is None
    assert split_names("Των Νίκου Αλεξίου και Άννας Δημητρίου") == [
        "Νίκου Αλεξίου",
        "Άννας Δημητρίου",
    ]
    assert byline_names("מאת דנה לוי") == "דנה לוי"
    # "ב" (in) is a prefix, not a byline word; "ו" (and) is written joined to the next
    # word and a name may begin with it, so only a comma parts Hebrew names.
    assert byline_names("בדרך לבאר שבע") is None
    assert split_names("מאת דנה לוי, יוסי כהן") == ["דנה לוי", "יוסי כהן"]
    assert split_names("מאת דנה לוי ויוסי כהן") == ["דנה לוי ויוסי כהן"]
    assert is_credit_line("Με πληροφορίες από το ΑΠΕ-ΜΠΕ")
    assert is_credit_line("Πηγή: ΑΠΕ-ΜΠΕ") and is_credit_line("Επιμέλεια: Μαρία Νικολάου")
    assert is_credit_line("Με στοιχεία από τα πρακτορεία ειδήσεων")
    assert is_credit_line("מקור: רויטרס")
    assert not is_credit_line("מקורות בממשלה אמרו כי ההחלטה תתקבל מחר.")
    assert not is_credit_line("Πηγή της κυβέρνησης είπε ότι η συμφωνία είναι κοντά.")
    assert is_credit_line("בהשתתפות סוכנויות הידיעות") and is_credit_line("בהשתתפות כתבנו בדרום")
    assert not is_credit_line("בהשתתפות מאות תושבים נערכה אתמול הפגנה בכיכר העירייה.")
    assert caption_credit("Το λιμάνι το πρωί. Φωτογραφία: Eurokinissi")[1] == "Eurokinissi"
    assert caption_credit("הנמל בבוקר. צילום: יוסי כהן")[1] == "יוסי כהן"
    assert is_chrome("Μετάβαση στο κύριο περιεχόμενο") and is_chrome("דלג לתוכן העיקרי")


def test_a_spanish_title_beginning_with_por_is_the_headline(tmp_path: Path) -> None:
    page = (DATA / "lang" / "es.txt").read_text(encoding="utf-8")
    headline = "Por qué las bibliotecas infantiles vuelven a abrir en las ciudades"
    page = page.replace("Una nueva biblioteca infantil abre sus puertas en Sevilla", headline)
    source = tmp_path / "articulo.txt"
    source.write_text(page, encoding="utf-8")
    article = read(source)
    assert article.headline == headline and article.authors == []


def test_a_captions_credit_is_found_after_each_languages_label() -> None:
    assert caption_credit("Das Stauwerk am Morgen. Bild: Keystone") == (
        "Das Stauwerk am Morgen.",
        "Keystone",
    )
    assert caption_credit("Die Schulden der Länder. Quelle: Destatis")[1] == "Destatis"
    assert caption_credit("Debt by state. Source: IMF")[1] == "IMF"
    assert caption_credit("Плотина утром. Фото: ТАСС")[1] == "ТАСС"
    assert caption_credit("Гребля вранці. Джерело: Укрінформ")[1] == "Укрінформ"
    assert caption_credit("La presa al amanecer. Fuente: EFE")[1] == "EFE"
    assert caption_credit("The dam at dawn (courtesy of the Water Board)")[1] == "the Water Board"
    # A word that says what a photo shows is no credit label.
    assert caption_credit("Rescuers at the dam. Pictured: the night shift") == (
        "Rescuers at the dam. Pictured: the night shift",
        None,
    )


def test_vietnamese_hindi_and_amharic_bylines_and_credit_lines() -> None:
    # "Theo" (according to) and agencies alone is a credit line; a sentence is not.
    assert is_credit_line("Theo TTXVN") and is_credit_line("Theo AFP và Reuters")
    assert not is_credit_line("Theo Sở Giao thông vận tải, mỗi ngày có tám mươi nghìn lượt xe.")
    assert not is_credit_line("Theo AFP, hơn 100 người đã thiệt mạng.")
    assert is_credit_line("स्रोत: पीटीआई") and is_credit_line("एजेंसियों के इनपुट के साथ")
    assert not is_credit_line("स्रोतों ने बताया कि बैठक कल होगी।")
    assert is_credit_line("ምንጭ፦ ኢዜአ")
    assert byline_names("Tác giả: Trần Thị Mai") == "Trần Thị Mai"
    assert byline_names("लेखक: अनीता शर्मा") == "अनीता शर्मा"
    assert byline_names("ፀሐፊ፦ ሄኖክ ታደሰ") == "ሄኖክ ታደሰ"  # the Ethiopic colon ends a label
    assert split_names("Phạm Thu Hà và Nguyễn Quốc Bảo") == ["Phạm Thu Hà", "Nguyễn Quốc Bảo"]
    assert split_names("राहुल मिश्रा और कविता सिंह") == ["राहुल मिश्रा", "कविता सिंह"]
    assert split_names("ሰላም ገብሩ እና ዮናስ ከበደ") == ["ሰላም ገብሩ", "ዮናስ ከበደ"]
    assert caption_credit("Xe buýt ở nhà ga. Ảnh: TTXVN")[1] == "TTXVN"
    assert caption_credit("ተሳፋሪዎች ሲሳፈሩ። ፎቶ፦ ኢዜአ")[1] == "ኢዜአ"
    assert is_chrome("Chuyển đến nội dung chính") and is_chrome("ወደ ዋናው ይዘት ይለፉ")
    assert split_text("ወደቡ ተከፈተ። ሕዝቡ ተደሰተ።", "am") == ["ወደቡ ተከፈተ።", "ሕዝቡ ተደሰተ።"]
    assert messages_for("am").full_stop("ፀሐፊ፦ ሄኖክ") == "ፀሐፊ፦ ሄኖክ።"
    assert messages_for("hi").names(["अ", "ब"]) == "अ और ब"
    assert messages_for("vi").date(MOMENT) == "5 tháng 8, 2024"


def test_a_byline_prefix_joined_to_the_name_is_taken_off_by_position_only(
    tmp_path: Path,
) -> None:
    page = (DATA / "lang" / "am.txt").read_text(encoding="utf-8")
    source = tmp_path / "page.txt"
    source.write_text(page.replace("ፀሐፊ፦ ሄኖክ ታደሰ", "በሄኖክ ታደሰ"), encoding="utf-8")
    article = read(source)
    assert [p.name for p in article.authors] == ["ሄኖክ ታደሰ"]
    # The text's own sentences that begin with "በ" (in) keep it.
    assert any(plain_text(b.content).startswith("በሐይቁ ዳርቻ") for b in article.body)


# For each pack added with its sources: a credit line, a sentence that begins like it,
# and a byline with its names.
CREDITS_AND_BYLINES = [
    ("Anadolu Ajansı'nın haberlerinden derlenmiştir.",
     "Anadolu Ajansı'nın haberine göre yüz kişi yaralandı.",
     "Yazan: Zeynep Kaya", "Zeynep Kaya"),
    ('Dengan laporan dari Antara dan Reuters',
     'Dengan laporan dari BPS, pemerintah memperkirakan ekonomi tumbuh lima persen.',
     'Oleh Siti Nurhaliza', 'Siti Nurhaliza'),
    ('Kwa ripoti za ziada kutoka AFP na Reuters',
     'Kwa ripoti za polisi, watu kumi walijeruhiwa katika ajali hiyo.',
     'Imeandikwa na Amina Juma', 'Amina Juma'),
    ('Majiya: Reuters',
     'Majiyoyi sun ce za a yi taron gobe.',
     'Marubuci: Ibrahim Sani', 'Ibrahim Sani'),
    ('Isha: Reuters',
     'Ishaaq Maxamed ayaa sheegay in shirku berri dhici doono.',
     'Waxaa qoray Hodan Cali', 'Hodan Cali'),
    ('خبر رساں اداروں کی اضافی رپورٹنگ کے ساتھ',
     'خبر رساں ادارے نے بتایا کہ اجلاس کل ہو گا۔',
     'تحریر: عائشہ خان', 'عائشہ خان'),
    ('출처: 연합뉴스',
     '출처가 불분명한 소문이 퍼졌다.',
     '기자: 김민지', '김민지'),
    ('出典：共同通信',
     '出典が不明なうわさが広がった。',
     '記者： 山田花子', '山田花子'),
    ('来源：新华社',
     '来源不明的消息在网上流传。',
     '记者 王芳', '王芳'),
    ('Na podstawie informacji PAP i Radia Gdańsk.',
     'Na podstawie tych danych ministerstwo przygotowało nową ustawę.',
     'Autorka: Magdalena Nowak', 'Magdalena Nowak'),
    ('Źródło: PAP',
     'Źródłem problemu okazała się awaria sieci.',
     'Autor: Jan Kowalski', 'Jan Kowalski'),
]  # fmt: skip


@pytest.mark.parametrize(("credit", "sentence", "byline", "names"), CREDITS_AND_BYLINES)
def test_credit_lines_and_bylines_of_the_new_packs(
    credit: str, sentence: str, byline: str, names: str
) -> None:
    assert is_credit_line(credit)
    assert not is_credit_line(sentence)
    assert byline_names(byline) == names


def test_a_common_word_for_by_is_a_byline_word_by_position_only() -> None:
    # Swahili "Na" (by, and) is no byline word for every language: "Na Trebeviću …" is Bosnian.
    assert byline_names("Na Trebeviću otvorena nova žičara") is None
    assert byline_names("Na Amina Mwakyusa") is None
    assert split_names("Halima Said na Joseph Mrema") == ["Halima Said", "Joseph Mrema"]
    assert byline_names("Daga Kano zuwa Abuja cikin awa biyu") is None  # Hausa "Daga", from
    assert byline_names("تحریر اسکوائر میں ہزاروں افراد کا مظاہرہ") is None  # Tahrir Square
    # Hausa "da" (and) is no and-word: it joins Portuguese and Italian names.
    assert split_names("Luiz Inácio Lula da Silva") == ["Luiz Inácio Lula da Silva"]


def test_a_job_after_the_name_and_a_short_date_word() -> None:
    from newsformats.readers.datelines import date_line

    # Korean writes the job after the name; "수정" (updated) is a word of two letters.
    assert date_line("수정 2025.03.14 15:00", "ko")[1] == ["수정"]  # type: ignore[index]
    assert date_line("Le 3 mars 2024", "fr")[1] == []  # type: ignore[index]


@pytest.mark.parametrize("tag", WITH_SOURCES)
def test_the_packs_voices_are_installed_and_speak_its_text(tag: str) -> None:
    from newsformats.speech.engines.espeak import EspeakEngine

    pack = all_packs()[tag]
    if "gtts" in pack.voices:  # Google's list, offline in the gTTS wheel
        assert GttsEngine().voice_for(tag) == pack.voices["gtts"]
    if "espeak" not in pack.voices:
        return
    engine = EspeakEngine()
    voice = engine.voice_for(tag)
    assert voice == pack.voices["espeak"]
    assert engine.speak(pack.strings["listen"], voice, tag).seconds > 0.3


def test_a_headline_that_begins_like_a_byline_is_no_byline() -> None:
    assert byline_names("संवाददाता सम्मेलन में मंत्री ने नई योजना की घोषणा की") is None
    assert byline_names("Haber Sitesi Kapatıldı") is None
    assert byline_names("Reporter Tempo Dilaporkan ke Polisi") is None
