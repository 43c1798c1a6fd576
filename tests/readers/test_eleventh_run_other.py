"""The eleventh acceptance run: a NITF whose headline sits in ``<headline>``, a Turkmen
date with an ordinal suffix, a credit line in a language without a pack. Small files of
our own in the inputs' shape (docs/inputs.md, "Eleventh acceptance run")."""

from __future__ import annotations

from pathlib import Path

from newsformats.model import Article, Paragraph, plain_text
from newsformats.notes import collecting_notes
from newsformats.readers import read_all

ENGLISH = (
    "The council opened the new bridge over the river on Monday after two years of work, "
    "and the first buses crossed it before noon while people watched from the banks. "
)


def read(path: Path) -> tuple[Article, list[str]]:
    with collecting_notes() as notes:
        (article,) = read_all(path)
    return article, [str(n) for n in notes]


def test_nitf_headline_element_gives_hl1_and_hl2_and_end_notes(tmp_path: Path) -> None:
    # The nitfr gem writes hl1 and hl2 inside <headline> (NITF's element is <hedline>).
    path = tmp_path / "story.xml"
    path.write_text(
        "<nitf baselang='en'><head><title>Page Title</title></head><body><body.head>"
        "<headline><hl1>Bridge Opens</hl1><hl2>Buses cross first</hl2></headline>"
        "<abstract>The abstract.</abstract></body.head>"
        f"<body.content><p>{ENGLISH}</p></body.content><body.end><tagline>Contact: desk</tagline>"
        "<note>Editor's note: This is a test.</note><note type='npa'>Call the desk.</note>"
        "<biblio>Reference 1</biblio></body.end></body></nitf>",
        encoding="utf-8",
    )
    article, notes = read(path)
    assert article.headline == "Bridge Opens"
    assert article.standfirst is not None and plain_text(article.standfirst) == "Buses cross first"
    assert isinstance(article.body[0], Paragraph)
    assert plain_text(article.body[0].content) == "The abstract."
    assert [plain_text(n.text) for n in article.notes] == ["This is a test."]
    assert any("not for publication" in n for n in notes)
    assert any("bibliographic" in n and "Reference 1" in n for n in notes)


def test_nitf_notes_in_the_text_are_editors_notes_and_a_non_publishable_one_is_left_out(
    tmp_path: Path,
) -> None:
    path = tmp_path / "story.xml"
    path.write_text(
        "<nitf baselang='en'><body><body.head><hedline><hl1>Bridge Opens</hl1></hedline>"
        f"</body.head><body.content><p>{ENGLISH}</p><note><p>Corrected at noon.</p></note>"
        f"<p>{ENGLISH}</p><note type='npa'><p>Desk: call Ann.</p></note></body.content>"
        "</body></nitf>",
        encoding="utf-8",
    )
    article, notes = read(path)
    texts = [plain_text(b.content) for b in article.body if isinstance(b, Paragraph)]
    assert texts == [ENGLISH.strip()] * 2
    assert [plain_text(n.text) for n in article.notes] == ["Corrected at noon."]
    assert any("not for publication" in n for n in notes)


def test_a_hyphenated_ordinal_suffix_after_the_day_number_is_read_as_the_day() -> None:
    # Turkmen "15-nji", Azerbaijani "15-ci": the number is the day, in any language.
    from datetime import date

    from newsformats.readers.datelines import find_dates

    assert [d.day for d in find_dates("15-nji mart 2025, 09:40", "tk")] == [date(2025, 3, 15)]
    assert [d.day for d in find_dates("Täzelendi: 1-nji iýul 2024", "tk")] == [date(2024, 7, 1)]
    assert [d.day for d in find_dates("15-ci mart 2025", "az")] == [date(2025, 3, 15)]
    # A hyphen straight into the month stays a day and a month (Uzbek "15-mart").
    assert [d.day for d in find_dates("2025-yil 15-mart", "uz-Latn")] == [date(2025, 3, 15)]


IGBO = """Akụkọ
Obodo

Ahịa ọhụrụ emepela n'Onitsha

Odee: Chidi Okafor

12 Maachị 2025, 11:00

Gọọmentị steeti Anambra emepela ahịa ọhụrụ nke ga-enye ndị ahịa ebe ha ga-ere ihe ha n'efu ruo ọnwa atọ.

Ahịa a nwere ụlọ ahịa narị abụọ, ebe a na-adọba ụgbọ ala na ụlọ nsị ọhụrụ, ndị nche iri ga-arụkwa ọrụ n'ebe ahụ.

Ndị ahịa kwuru na ha nwere obi ụtọ na ha agaghịzi ere ihe n'okporo ụzọ, ebe ọ bụ na ahịa ahụ dị nso ugbu a.

{last}

Kesaa

Akụkọ ndị yiri ya
Okporo ụzọ ọhụrụ na Enugu
Ụlọ akwụkwọ emeghere ọzọ
"""  # noqa: E501 (an article's paragraphs, one a line)


def test_a_label_and_name_line_after_the_text_is_the_credit_line_where_no_pack_knows_its_words(
    tmp_path: Path,
) -> None:
    path = tmp_path / "akuko.txt"
    path.write_text(IGBO.format(last="Isi mmalite: Ụlọ ọrụ azụmahịa steeti Anambra"), "utf-8")
    article, notes = read(path)
    assert article.credit_line == "Isi mmalite: Ụlọ ọrụ azụmahịa steeti Anambra"
    assert any("for the credit line" in n and "Isi mmalite" in n for n in notes)


def test_a_label_and_name_line_after_the_text_is_never_left_out_silently(tmp_path: Path) -> None:
    # Where the pack knows its credit words and the label is none of them, the line is
    # left out, with a warning that names it.
    text = (
        "Bridge opens after two years\n\nBy Ann Lee\n\nMarch 12, 2025\n\n"
        + "\n\n".join([ENGLISH] * 3)
        + "\n\nFiled as: the city desk of the Herald\n\nShare\n\nMore stories\nA\nB\n"
    )
    path = tmp_path / "story.txt"
    path.write_text(text, "utf-8")
    article, notes = read(path)
    assert article.language == "en"
    assert not article.credit_line
    assert any("left out 'Filed as: the city desk of the Herald'" in n for n in notes)


KOREAN = (
    "시는 월요일 오전 강 위의 새 다리를 개통했으며, 첫 버스가 정오 전에 다리를 건넜고 "
    "주민들은 강둑에서 그 모습을 지켜보았다. 공사는 이 년 동안 이어졌다. "
)


def test_a_korean_byline_with_the_role_word_after_the_name_names_the_person(
    tmp_path: Path,
) -> None:
    # "홍길동 기자": the name, then the role word (reporter) that the pack's "by" string
    # also writes ("기자: {names}"): the name alone is the author, "기자: 홍길동 기자" never.
    path = tmp_path / "page.html"
    path.write_text(
        "<html lang='ko'><head><meta charset='utf-8'><title>새 다리 개통</title></head><body>"
        "<article><h1>새 다리 개통</h1><p class='byline'><span class='byline_s'>홍길동 기자"
        "</span></p><time datetime='2024-12-15'>2024년 12월 15일</time>"
        + "".join(f"<p>{KOREAN}</p>" for _ in range(4))
        + "</article></body></html>",
        "utf-8",
    )
    article, _ = read(path)
    assert [(a.name, a.role) for a in article.authors] == [("홍길동", "기자")]
