"""Hindi, Thai, Amharic… Khmer, Telugu, Tibetan make PDFs that check clean and copy out (issue 11).

Before: "no bundled PDF font has 'न'", and since ``convert`` writes all of an
article's files or none, ``--to html,pdf,epub`` wrote nothing for them. With
the fonts bundled, shaped Devanagari and Thai still copied out wrong
("नगम" for "निगम", "ผู้อานวยการ" for "ผู้อำนวยการ"): each such line now carries
its letters in ``/ActualText`` (docs/pdf.md).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from unicodedata import normalize

import pikepdf
import pytest
from pdf_read import pdftotext, struct_elements

from conftest import SCRIPT_ARTICLES, consistency_errors_with_changed_pdf
from helpers import run_cli
from newsformats import check
from newsformats.checks.loaders.actualtext import extract_text
from newsformats.checks.loaders.outputs import pdf_text
from newsformats.pdf.fonts import families_for

nfc = partial(normalize, "NFC")

LANGUAGES = {
    "hi": "Devanagari",
    "th": "Thai",
    "am": "Ethiopic",
    "bn": "Bengali",
    "ta": "Tamil",
    "pa": "Gurmukhi",
    "gu": "Gujarati",
    "si": "Sinhala",
    "my": "Myanmar",
    "km": "Khmer",
    "lo": "Lao",
    "te": "Telugu",
    "kn": "Kannada",
    "ml": "Malayalam",
    "or": "Oriya",
    "bo": "Tibetan",
}
ONE_FAMILY = {"or": "Noto Sans Oriya", "bo": "Noto Serif Tibetan"}
"""fonts-noto-core 20201225 has no Noto Serif Oriya and no Noto Sans Tibetan."""
TYPED = {
    "hi": ["निगम", "किताबें", "शर्मा", "अंग्रेज़ी", "स्कूल", "रिपोर्ट"],
    "th": ["ผู้อำนวยการ", "ตั้งอยู่ใจกลางเมือง", "ทำการ", "รู้สึก"],
    "am": ["መጻሕፍት", "ዳይሬክተሯ", "ተነሳሽነቱን"],
    "bn": ["পুরোনো", "প্রতিশ্রুতি", "স্বাগত", "গ্রন্থাগারটি", "বাড়ানোর"],
    "ta": ["கொண்டது", "கேட்டனர்", "நூலகம்", "மேற்பட்ட", "திறப்பதாக"],
    "pa": ["ਲਾਇਬ੍ਰੇਰੀ", "ਖੁੱਲ੍ਹੀ", "ਕਿਤਾਬਾਂ", "ਸ਼ਹਿਰ"],
    "gu": ["કેન્દ્રમાં", "ઇચ્છતા", "ખૂલ્યું", "પુસ્તકાલયો"],
    "si": ["මධ\u0dca\u200dයයේ", "පොරොන්දු", "කෙරේ", "දීර්ඝ"],
    "my": ["မြို့တော်စည်ပင်", "အင်္ဂလိပ်", "ညွှန်ကြားရေးမှူး", "ကျောင်း"],
    "km": ["បណ្ណាល័យ", "ស្ថិតនៅ", "អារម្មណ៍", "កណ្តាល", "ម៉ោង"],
    "lo": ["ຫໍສະໝຸດ", "ຜູ້ອຳນວຍການ", "ຫຼາຍກວ່າ", "ປຶ້ມ"],
    "te": ["గ్రంథాలయం", "ప్రారంభం", "తల్లిదండ్రులు", "స్వాగతించారు"],
    "kn": ["ಗ್ರಂಥಾಲಯ", "ಉದ್ಘಾಟನೆಯ", "ನಿರ್ದೇಶಕಿ", "ಸ್ವಾಗತಿಸಿದರು"],
    "ml": ["നഗരത്തിൽ", "ലൈബ്രറി", "പ്രവർത്തിക്കുന്നത്", "ഉദ്ഘാടന", "റിപ്പോർട്ട്"],
    "or": ["ପ୍ରତିଶ୍ରୁତି", "ବିଦ୍ୟାଳୟ", "ନିର୍ଦ୍ଦେଶିକା", "ସ୍ୱାଗତ", "ଓଡ଼ିଆ"],
    "bo": ["གྲོང་ཁྱེར", "བཤད", "སློབ་གྲྭའི", "རྙིང་པ", "དབྱིན་ཡིག"],
}
WORDS = {language: [nfc(word) for word in words] for language, words in TYPED.items()}
"""Words with reordered and two-part vowel signs, conjuncts, reph, nukta, SARA AM, stacked marks."""


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three articles converted by the CLI to HTML, PDF and EPUB, side by side."""
    out = tmp_path_factory.mktemp("shaped") / "out"
    sources = [SCRIPT_ARTICLES / f"{language}.json" for language in LANGUAGES]
    done = run_cli("convert", *sources, "-o", out, "--to", "html,pdf,epub")
    assert done.code == 0, done.stderr
    return out


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_format_is_written_and_checks_clean_with_consistency(
    language: str, converted: Path
) -> None:
    files = sorted(converted.glob(f"{language}.*"))
    assert {path.suffix for path in files} >= {".html", ".pdf", ".epub"}
    report = check(files, together=True)
    assert [(f.rule, f.message) for f in report.findings if f.severity != "notice"] == []


def test_the_consistency_rule_does_compare_these_scripts(converted: Path, tmp_path: Path) -> None:
    """The control: a Hindi article's HTML beside a PDF that lost a ि (the bug) is caught."""
    source, html = SCRIPT_ARTICLES / "hi.json", converted / "hi.html"
    errors = consistency_errors_with_changed_pdf(html, source, "किताबें", "कताबें", tmp_path)
    assert "consistency-text" in errors


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_scripts_own_faces_set_it(language: str) -> None:
    text = " ".join(WORDS[language])
    script = LANGUAGES[language]
    serif = ONE_FAMILY.get(language, f"Noto Serif {script}")
    sans = ONE_FAMILY.get(language, f"Noto Sans {script}")
    assert families_for(text, "serif")[0] == serif
    assert families_for(text, "sans")[0] == sans


@pytest.mark.parametrize("language", LANGUAGES)
def test_words_copy_out_exactly_with_pdftotext_and_pdfminer(language: str, converted: Path) -> None:
    """Searchable: each hard word is in the page text as its own Unicode, by both readers."""
    pdf = converted / f"{language}.pdf"
    by_poppler, by_pdfminer = nfc(pdftotext(pdf)), nfc(pdf_text(pdf))
    assert [word for word in WORDS[language] if word not in by_poppler] == []
    assert [word for word in WORDS[language] if word not in by_pdfminer] == []


def test_glyphs_alone_would_copy_devanagari_wrong(converted: Path) -> None:
    """The /ActualText is what makes it right: the glyphs' own ToUnicode text cannot.

    The same pdfminer reading with /ActualText ignored loses the ि of निगम.
    """
    from pdfminer.high_level import extract_text as glyphs_only
    from pdfminer.layout import LAParams

    pdf = converted / "hi.pdf"
    assert "निगम" not in glyphs_only(str(pdf))
    assert "निगम" in extract_text(pdf, None, LAParams())


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_document_language_is_the_articles(language: str, converted: Path) -> None:
    with pikepdf.open(converted / f"{language}.pdf") as pdf:
        assert str(pdf.Root.Lang) == language
        assert pdf.Root.MarkInfo.Marked


def test_only_shaped_lines_get_actual_text(converted: Path, tmp_path: Path) -> None:
    """Hindi lines carry /ActualText on their marked content; an English article's none."""
    with pikepdf.open(converted / "hi.pdf") as pdf:
        actual = _actual_texts(pdf)
        assert any("निगम" in text for text in actual)
        assert not any("/ActualText" in element for element in struct_elements(pdf))
    source = tmp_path / "en.json"
    source.write_text(
        '{"headline": "Plain news", "language": "en", "body": ["Words with no marks."]}',
        encoding="utf-8",
    )
    assert run_cli("convert", source, "-o", tmp_path / "out", "--to", "pdf").code == 0
    with pikepdf.open(tmp_path / "out" / "en.pdf") as pdf:
        assert _actual_texts(pdf) == []


def _actual_texts(pdf: pikepdf.Pdf) -> list[str]:
    found = []
    for page in pdf.pages:
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) == "BDC" and len(operands) == 2:
                properties = operands[1]
                if isinstance(properties, pikepdf.Dictionary) and "/ActualText" in properties:
                    found.append(str(properties.ActualText))
    return found
