"""Issue 11's seventh acceptance run: the agency misses.

AP's sports agate NITF names no language and is names and figures: a newsroom tells the
language of its wire (``--lang``, ``default_language``). GlobeNewswire's NewsML-G2 sets its
contact block's lines apart with ``<br/>``. See the folder's NOTICE and docs/inputs.md,
"Seventh acceptance run".
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import lxml.html
import pytest

from helpers import DATA, EXAMPLES, paragraph_texts
from newsformats import InputError, UsageError, convert
from newsformats.model import Article, LineBreak, Paragraph, Subheading, Table, plain_text
from newsformats.notes import collecting_notes
from newsformats.readers import read_all

AGENCIES = DATA / "inputs" / "agencies-seventh"
AP_AGATE = AGENCIES / "ap-table-nitf.xml"
ENGLISH = (
    "Ferry crews on the island routes walked out on Saturday morning after talks over pay "
    "broke down late on Friday, and the operator cancelled every crossing until Monday. "
) * 4


def read_told(path: Path, told: str | None) -> tuple[list[Article], list[str]]:
    with collecting_notes() as notes:
        articles = read_all(path, default_language=told)
    return articles, [str(n) for n in notes]


def nitf(tmp_path: Path, text: str, baselang: str = "") -> Path:
    path = tmp_path / "story.xml"
    attribute = f" baselang='{baselang}'" if baselang else ""
    path.write_text(
        f"<nitf{attribute}><body><body.head><hedline><hl1>Scores</hl1></hedline></body.head>"
        f"<body.content><p>{text}</p></body.content></body></nitf>",
        encoding="utf-8",
    )
    return path


def test_names_and_figures_without_a_named_language_are_refused_naming_lang(
    tmp_path: Path,
) -> None:
    path = nitf(tmp_path, "Ohtani, Los Angeles, 31; Gallo, Texas, 21; Olson, Oakland, 20.")
    with pytest.raises(InputError, match=r"names no language.*give it with --lang"):
        read_all(path)


def test_without_a_told_language_the_agate_table_s_headings_tell_it_with_a_warning() -> None:
    # Its text is names and figures ("an" at 0.23); its headings and short lines ("Top Ten",
    # "THROUGH JULY 5", "AMERICAN LEAGUE", "Home Runs", "Runs Batted In", "Pitching") are not.
    (article,), told = read_told(AP_AGATE, None)
    assert article.language == "en"
    assert any("headings and short lines read as 'en'" in t and "--lang" in t for t in told)


def test_a_few_words_beside_names_and_figures_tell_no_language(tmp_path: Path) -> None:
    path = nitf(tmp_path, "Ohtani, Los Angeles, 31; Gallo, Texas, 21; Olson, Oakland, 20.")
    path.write_text(
        path.read_text(encoding="utf-8").replace("<hl1>Scores</hl1>", "<hl1>Top Ten</hl1>"),
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"give it with --lang"):
        read_all(path)  # two words of labels: no guess


def test_the_agate_table_is_read_in_the_told_language() -> None:
    (article,), _ = read_told(AP_AGATE, "en")
    assert article.headline == "Top Ten"
    assert article.language == "en"
    assert article.published == datetime(2021, 7, 6, 5, 35, 42, tzinfo=UTC)
    assert not article.authors  # "The Associated Press" distributes; it is no byline
    paragraphs = paragraph_texts(article)
    assert paragraphs[0] == "THROUGH JULY 5"
    assert paragraphs[-1].startswith("Civale, Cleveland, 10-2; Bassitt, Oakland, 9-2;")
    assert paragraphs[-1].endswith("5 tied at 7-3.")
    headings = [plain_text(b.content) for b in article.body if isinstance(b, Subheading)]
    assert headings == ["AMERICAN LEAGUE", "Home Runs", "Runs Batted In", "Pitching"]
    (table,) = [b for b in article.body if isinstance(b, Table)]
    assert [plain_text(c.content) for c in table.head[0]] == ["", "G", "AB", "H", "R", "Pct."]
    assert [plain_text(c.content) for c in table.rows[0]][:2] == ["Brantley Hou", "64"]
    assert len(table.rows) == 10


def test_a_language_the_source_names_wins_over_the_told_one() -> None:
    (article,), told = read_told(DATA / "inputs" / "nitf" / "ferry-strike.xml", "fr")
    assert article.language == "en-GB"
    assert not any("--lang" in t for t in told)


def test_a_text_far_from_the_told_language_keeps_it_with_a_warning(tmp_path: Path) -> None:
    (article,), told = read_told(nitf(tmp_path, ENGLISH), "ru")
    assert article.language == "ru"
    assert any("reads as 'en', not as the language told" in t for t in told)
    (close,), told = read_told(nitf(tmp_path, ENGLISH), "en-GB")
    assert close.language == "en-GB"
    assert not any("reads as" in t for t in told)


def test_a_told_language_must_be_a_language_tag() -> None:
    with pytest.raises(UsageError, match=r"'english' is not a BCP 47.*did you mean 'en'"):
        read_all(AP_AGATE, default_language="english")
    (article,), _ = read_told(AP_AGATE, "en_US")
    assert article.language == "en-US"


def test_the_model_s_own_json_without_a_language_takes_the_told_one(tmp_path: Path) -> None:
    path = tmp_path / "story.json"
    path.write_text('{"headline": "Hi", "body": ["First paragraph."]}', encoding="utf-8")
    with pytest.raises(InputError, match="language"):
        read_all(path)
    (article,), _ = read_told(path, "de")
    assert article.language == "de"
    path.write_text(
        '{"headline": "Hi", "language": "fr", "body": ["Premier paragraphe."]}', encoding="utf-8"
    )
    (article,), _ = read_told(path, "de")
    assert article.language == "fr"


def test_scraped_text_takes_the_told_language_and_says_when_its_text_disagrees() -> None:
    (article,), _ = read_told(EXAMPLES / "csto-sco-afghanistan.txt", "ru")
    assert article.language == "en"  # its sidecar names it: the told language gives way
    page = DATA / "en-no-caption-no-credit.txt"  # no sidecar: the text names no language
    (article,), told = read_told(page, "en")
    assert article.language == "en"
    assert not any("--lang" in t for t in told)
    (article,), told = read_told(page, "ru")
    assert article.language == "ru"
    assert any(
        "reads as 'en', not as the language told for the inputs (--lang ru)" in t for t in told
    )
    assert isinstance(article.body[0], Paragraph)


def test_the_contact_block_s_lines_stay_lines_in_the_page(tmp_path: Path) -> None:
    # GlobeNewswire sets its lines apart with XHTML <br/>: "<strong>For more
    # information:</strong><br />Bryan Ezako<br />Manager, KidSport <br /><a …>…</a><br />…".
    (article,), _ = read_told(AGENCIES / "globenewswire-kidsport-newsmlg2.xml", None)
    last = article.body[-1]
    assert isinstance(last, Paragraph)
    assert sum(isinstance(part, LineBreak) for part in last.content) == 4
    assert plain_text(last.content) == (
        "For more information: Bryan Ezako Manager, KidSport bezako@kidsportcanada.ca 204.925.5914"
    )
    assert paragraph_texts(article)[-2].startswith("About KidSport: KidSport is a national")
    convert(article, tmp_path, ["html"], stem="kidsport")
    page = lxml.html.parse(str(tmp_path / "kidsport.html")).getroot()
    *_, about, contact = page.xpath("//div[@id='article-body']/p")
    assert contact.text_content().splitlines() == [
        "For more information:",
        "Bryan Ezako",
        "Manager, KidSport",
        "bezako@kidsportcanada.ca",
        "204.925.5914",
    ]
    assert about.text_content().startswith("About KidSport:\nKidSport is")


def test_the_agate_table_s_empty_corner_is_no_header(tmp_path: Path) -> None:
    # axe and Ace: "Table header text should not be empty" (empty-table-header).
    (article,), _ = read_told(AP_AGATE, "en")
    convert(article, tmp_path, ["html"], stem="agate")
    page = lxml.html.parse(str(tmp_path / "agate.html")).getroot()
    (head,) = page.xpath("//table/thead/tr")
    assert [cell.tag for cell in head] == ["td", "th", "th", "th", "th", "th"]
    assert [cell.get("scope") for cell in head][1:] == ["col"] * 5
