"""A name alone under the headline, and a date in a byline line's running text
(docs/inputs.md, "Known byline and date gaps (bylines10)"): small hand-made pages, one
shape each."""

from __future__ import annotations

from pathlib import Path

from newsformats.model import Article
from newsformats.notes import Note, collecting_notes
from newsformats.readers import read_all

STORY = "".join(
    f"<p>Paragraph {n} of the story: the protesters meet every Sunday in the park and walk "
    "to the station, the organisers said on Saturday evening.</p>"
    for n in range(1, 7)
)
HEAD = "<title>Protests go on</title><link rel='canonical' href='https://www.example.org/a/1'>"


def _read(tmp_path: Path, line: str, above: str = "") -> tuple[Article, list[Note]]:
    page = tmp_path / "page.html"
    body = f"<article>{above}<h1>Protests go on</h1>{line}{STORY}</article>"
    page.write_text(f"<html lang='en'><head>{HEAD}</head><body>{body}</body></html>", "utf-8")
    with collecting_notes() as notes:
        (article,) = read_all(page)
    return article, notes


def _names(article: Article) -> list[str]:
    return [a.name for a in article.authors]


def test_name_alone_linking_to_a_profile_named_for_it(tmp_path: Path) -> None:
    """AFP's shape: the name links to ``/bill-mccarthy`` (no folder named for authors)."""
    line = (
        "<div class='credit'><a href='https://www.example.org/bill-mccarthy'>Bill McCarthy</a>"
        "</div>"
    )
    assert _names(_read(tmp_path, line)[0]) == ["Bill McCarthy"]
    line = "<p><a href='/people/ann-lee/'>Ann Lee</a> and <a href='/people/tom_roe'>Tom Roe</a></p>"
    assert _names(_read(tmp_path, line)[0]) == ["Ann Lee", "Tom Roe"]


def test_name_alone_linking_elsewhere_or_unmarked_is_no_byline(tmp_path: Path) -> None:
    """A link to another site's page, a link whose address is not the name, and a name in
    plain text with no mark are no byline: a kicker or a section looks the same."""
    for line in (
        "<div><a href='https://twitter.com/bill-mccarthy'>Bill McCarthy</a></div>",
        "<div><a href='/topics/protests'>Bill McCarthy</a></div>",
        "<div>Bill McCarthy</div>",
        "<div class='credit'><a href='/bill-mccarthy-said'>Bill McCarthy Said</a></div>",
    ):
        assert _names(_read(tmp_path, line)[0]) == [], line


def test_name_alone_in_a_box_named_in_camel_case(tmp_path: Path) -> None:
    """Klasse Gegen Klasse's shape: ``ul.metaInfoAuthorList`` under the headline holds the
    name; the same class name on a box above the headline (a menu's link to the site's
    writers) is not the article's byline."""
    line = "<ul class='metaInfoAuthorList'><li class='metaInfoAuthorList-item'>Ann Lee</li></ul>"
    assert _names(_read(tmp_path, line)[0]) == ["Ann Lee"]
    above = "<div class='menuAuthorBox'>Tom Roe</div>"
    assert _names(_read(tmp_path, "", above)[0]) == []


def test_name_alone_must_be_a_name(tmp_path: Path) -> None:
    """A marked line with a digit, a sentence end, one word or a word in lower case is no
    name alone."""
    for text in ("Ann Lee 2", "Ann Lee.", "Ann", "Ann lee", "Ann Lee Tom Roe Eva"):
        line = f"<div class='articleAuthor'>{text}</div>"
        assert _names(_read(tmp_path, line)[0]) == [], text


def test_date_in_a_byline_lines_running_text(tmp_path: Path) -> None:
    """Phoronix' shape: "By NAME on DAY at TIME ZONE": the date, its time read in the zone
    the line names; the words leading to the date are no part of the name."""
    line = "<div class='info'>By Michael Larabel on 1 June 2019 at 08:34 PM EDT</div>"
    article, _ = _read(tmp_path, line)
    assert _names(article) == ["Michael Larabel"]
    assert article.published is not None
    assert article.published.isoformat() == "2019-06-02T00:34:00+00:00"


def test_date_in_a_byline_line_with_a_zone_several_share(tmp_path: Path) -> None:
    """ "IST" is India's, Ireland's or Israel's: the day is kept, the time left out with a
    warning."""
    line = "<div class='info'>By Michael Larabel on 1 June 2019 at 08:34 PM IST</div>"
    article, notes = _read(tmp_path, line)
    assert article.published is not None
    assert article.published.isoformat() == "2019-06-01T00:00:00+00:00"
    assert any("without a time zone" in n.message and n.level == "warning" for n in notes)
