"""Issue 11's sixth acceptance run: four scraped pages never seen before.

Korean, Hausa and Azerbaijani (each with a pack) and Tagalog (no pack), written by the
project's reviewer in the layout of a page copied from a browser (see the folder's NOTICE);
docs/inputs.md, "Sixth acceptance run", has the whole table. Each test failed on main
979e664.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from helpers import DATA, paragraph_texts, read_quietly
from newsformats.document import build_document
from newsformats.model import Article, Subheading, plain_text
from newsformats.readers import datelines
from newsformats.readers.datelines import date_line, moment_of
from newsformats.readers.plaintext import explain_layout

PAGES = DATA / "inputs" / "scraped-sixth"


def _read(name: str) -> tuple[Article, list[str]]:
    (article,), told = read_quietly(PAGES / name)
    return article, told


def _lead(article: Article) -> tuple[str, str | None]:
    """The lead picture's caption and credit."""
    lead = article.lead_image
    assert lead is not None
    return plain_text(lead.caption), lead.credit


def _credit_shown(article: Article) -> str:
    root = build_document(article).root
    (credit,) = root.iterfind(".//span[@class='nf-photo-credit']")
    return credit.text or ""


def test_korean_byline_and_date_lines_with_a_zone_abbreviation() -> None:
    """ "김민준 기자" beside "입력 … 09:30 KST" / "수정 … 14:10 KST": a byline and two date
    lines, not chrome and a run of links."""
    article, _ = _read("ko-jeju-olle.txt")
    assert article.headline == "제주 올레길 찾는 외국인 관광객 1년 새 두 배로 늘었다"
    assert article.kicker == "사회"
    assert [(p.name, p.role) for p in article.authors] == [("김민준", "기자")]
    assert article.published == datetime(2025, 3, 12, 0, 30, tzinfo=UTC)  # 09:30 KST
    assert article.updated == datetime(2025, 3, 12, 5, 10, tzinfo=UTC)
    lead = article.lead_image
    assert lead is not None
    assert (
        plain_text(lead.caption) == "서귀포시 올레길 7코스를 걷는 외국인 관광객들, 2025년 3월 9일"
    )
    assert paragraph_texts(article)[0].startswith("제주 올레길을 찾는 외국인 관광객이")


def test_a_credit_with_its_own_label_is_shown_once() -> None:
    """ "사진: 연합뉴스" was shown "이미지: 사진: 연합뉴스", "Asalin hoton: AFP" as
    "Hoto: Asalin hoton: AFP"."""
    korean, _ = _read("ko-jeju-olle.txt")
    assert _credit_shown(korean) == "사진: 연합뉴스"
    hausa, _ = _read("ha-ambaliya-kano.txt")
    assert _credit_shown(hausa) == "Asalin hoton: AFP"
    assert [p.name for p in hausa.authors] == ["Aminu Ibrahim"]
    assert korean.lead_image is not None
    unlabelled = replace(korean, lead_image=replace(korean.lead_image, credit="연합뉴스"))
    assert _credit_shown(unlabelled) == "이미지: 연합뉴스"  # the label added, once


def test_azerbaijani_section_repeating_a_menu_line_and_a_quoted_caption() -> None:
    """The section label repeats a menu line (set apart by a blank line); the caption
    begins with a quoted name and has a photo credit under it."""
    article, _ = _read("az-metro-baki.txt")
    assert article.kicker == "Cəmiyyət"
    assert article.headline == "Bakı metrosunda yeni stansiyanın tikintisi yekunlaşmaq üzrədir"
    assert _lead(article) == (
        '"Xocəsən" stansiyasının platformasında son işlər görülür, 13 mart 2025',
        "Foto: Trend",
    )
    assert [p.name for p in article.authors] == ["Leyla Həsənova"]
    assert article.published == datetime(2025, 3, 14, tzinfo=UTC)  # 11:45, no zone: the day
    texts = paragraph_texts(article)
    assert texts[0].startswith("Bakı metrosunun Bənövşəyi xəttində")
    assert texts[-1].startswith("Növbəti illərdə Bənövşəyi xəttin")
    subheadings = [plain_text(b.content) for b in article.body if isinstance(b, Subheading)]
    assert subheadings == ["Sərnişin axını azalacaq"]


def test_tagalog_without_a_pack() -> None:
    """No pack: the headline above the caption of a labelled agency credit, the section
    label, "Ni" before the names (warned), both date lines with their zone."""
    article, told = _read("tl-bagyo-bicol.txt")
    assert article.language == "tl"
    assert article.headline == "Libu-libong residente sa Bicol inilikas bago dumating ang bagyo"
    assert article.kicker == "Bansa"
    assert _lead(article) == (
        "Mga residente ng Legazpi na sumasakay sa trak patungo sa evacuation center",
        "Larawan: Reuters",
    )
    assert [p.name for p in article.authors] == ["Maria Santos"]
    assert any("took 'Ni' at the start of 'Ni Maria Santos'" in t for t in told)
    assert article.published == datetime(2025, 3, 14, 7, 15, tzinfo=UTC)  # 3:15 PM PHT
    assert article.updated == datetime(2025, 3, 14, 10, 40, tzinfo=UTC)
    assert paragraph_texts(article)[0].startswith("Libu-libong residente sa mga baybaying")
    assert article.credit_line == "Pinagmulan: Philippine News Agency"
    assert not any("for the headline" in t for t in told)


def test_a_date_line_is_never_a_caption_even_by_its_shape_alone(tmp_path: Path) -> None:
    """A time and a word no pack knows, right under the headline: a date line that cannot
    be read as a day (warned), neither a caption nor the first paragraph."""
    text = (PAGES / "tl-bagyo-bicol.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    page = "\n".join([*lines[6:10], "Na-update 6:40 PM PHT", "", *lines[19:]])
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    roles = {d.text: d.role for d in explain_layout(path).decisions}
    assert roles["Na-update 6:40 PM PHT"] == "date"
    article, told = read_quietly(path)
    assert article[0].lead_image is None
    assert paragraph_texts(article[0])[0].startswith("Libu-libong residente sa mga baybaying")
    assert any("'Na-update 6:40 PM PHT' (unknown) cannot be read as a day" in t for t in told)


def test_zone_abbreviations_after_a_time() -> None:
    line = "입력 2025년 3월 12일 09:30 KST"
    found = date_line(line, "ko")
    assert found is not None and found[1] == ["입력"]
    assert moment_of(found[0][0], line) == datetime(2025, 3, 12, 0, 30, tzinfo=UTC)
    # An abbreviation of no one offset (IST: India, Israel, Ireland) is no zone: the day.
    line = "12 March 2025, 09:30 IST"
    found = date_line(line, "en")
    assert found is not None and moment_of(found[0][0], line) == datetime(2025, 3, 12, tzinfo=UTC)


def test_date_shape() -> None:
    date_shaped = datelines.date_shaped
    assert date_shaped("Na-update 6:40 PM PHT")
    assert date_shaped("Binago Marso 14, 2025")
    assert not date_shaped("Budget 2025")
    assert not date_shaped("Mga residente ng Legazpi sa trak, Marso 14, 2025")
