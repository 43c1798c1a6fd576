"""Issue 11's third acceptance run: inputs the project had never seen, field by field.

Saved pages from newspaper4k's and goose3's test data, AP's NITF and PA's ninjs from the
Guardian's newswires fixtures, and two real feeds from RSParser's tests (see each
folder's NOTICE); docs/inputs.md, "Third acceptance run", has the whole table.
"""

from __future__ import annotations

from datetime import UTC, datetime

from helpers import DATA, paragraph_texts, read_quietly
from newsformats.model import (
    Endnotes,
    FigureBlock,
    Subheading,
    Table,
    as_json,
    plain_text,
)

INPUTS = DATA / "inputs"


quietly = read_quietly
paragraphs = paragraph_texts


def test_lsm_latvian_page() -> None:
    ((page,), _) = quietly(INPUTS / "pages-newspaper4k" / "latvian_article.html")
    assert page.headline == "Norvēģijā pēc zemes nogruvuma pieci bojāgājušie"
    assert page.language == "lv"
    assert [p.name for p in page.authors] == ["Anna Ūdre"]
    assert page.standfirst is not None
    assert plain_text(page.standfirst).startswith("Norvēģijas glābšanas komanda četras dienas")
    image = page.lead_image
    assert image is not None
    assert plain_text(image.caption) == "Zemes nogruvums Askā, Norvēģijā, 2021.gada janvāris"
    assert image.alt == plain_text(image.caption) and image.credit == "REUTERS, NTB"
    assert any(p.startswith("Precīzi nogruvuma cēloņi nav zināmi") for p in paragraphs(page))
    # "2021-01-03T17:40:00EET": EET names one offset (+02:00), so the time is kept
    assert page.published is not None and page.published.isoformat() == "2021-01-03T17:40:00+02:00"


def test_politico_page_leaves_its_comments_out() -> None:
    ((page,), _) = quietly(INPUTS / "pages-goose3" / "test_politico.html")
    assert page.headline == "2012 map takes unfamiliar shape"
    assert (page.language, [p.name for p in page.authors]) == (
        "en",
        ["Maggie Haberman", "Shira Toeplitz"],
    )
    assert page.lead_image is not None and page.lead_image.alt == "Barack Obama is pictured."
    texts = paragraphs(page)
    assert texts[0].startswith("If the newest Census Bureau estimates stay close to form")
    assert texts[-1].startswith("“We’re extraordinarily excited about it")
    assert not any("Liberals are already compiling" in t for t in texts)  # a reader's comment


def test_ap_nitf_abstract_subheadings_and_date() -> None:
    ((item,), _) = quietly(INPUTS / "agencies-newswires" / "ap-fixture.2.xml")
    assert item.headline.startswith("Ex-teammates Jerry Jeudy, Courtland Sutton are on hot")
    assert item.standfirst is not None
    assert plain_text(item.standfirst).startswith("The Cleveland Browns are seeking")
    heads = [plain_text(b.content) for b in item.body if isinstance(b, Subheading)]
    assert heads == ["Browns player to watch", "Broncos player to watch"]
    assert paragraphs(item)[0] == "Cleveland (3-8) at Denver (7-5)"
    assert paragraphs(item)[-1] == "Intentionally including a second p tag here."
    assert item.published == datetime(2024, 11, 29, 17, 0, 43, tzinfo=UTC)


def test_pa_ninjs_table_and_first_version_date() -> None:
    ((item,), _) = quietly(INPUTS / "agencies-newswires" / "PA_API-Data-Formatting.json")
    assert item.headline.startswith("RUGBYU Tables Premiership")
    (table,) = [b for b in item.body if isinstance(b, Table)]  # not pipes or tags as text
    # The one cell across the top is the caption, the bold row the column headers.
    assert plain_text(table.caption) == "PREMIERSHIP"
    assert [plain_text(c.content) for c in table.head[0]][1:3] == ["P", "W"]
    assert len(table.rows) == 10 and plain_text(table.rows[0][0].content) == "Northampton Saints"
    assert not paragraphs(item)
    # PA's "firstVersion": the publication, not an update at the same moment.
    assert item.published == datetime(2026, 3, 10, 11, 0, 15, tzinfo=UTC)
    assert item.updated is None


def test_medium_feed_without_its_view_counter_pixel() -> None:
    articles, notes = quietly(INPUTS / "feeds-rsparser" / "489.rss")
    # Two entries hold a picture and a handful of words: skipped, each with a warning.
    assert len(articles) == 8 and sum("is skipped" in n for n in notes) == 2
    first = articles[0]
    assert first.headline == "Hodl Hodl closes funding round"
    assert [p.name for p in first.authors] == ["Hodl Hodl"]
    assert not any(isinstance(b, FigureBlock) for b in first.body)  # the 1×1 stat.gif
    assert paragraphs(first)[0].startswith("For a long time Hodl Hodl remained self-funded.")
    assert paragraphs(first)[-1].startswith("And finally, some good news for our customers")


def test_link_blog_feed_without_permalinks_or_back_arrows() -> None:
    articles, _ = quietly(INPUTS / "feeds-rsparser" / "OneFootTsunami.atom")
    assert len(articles) == 25
    first = articles[0]
    assert first.headline == "Link: Pillow Fight Leaves 24 Concussed"
    # Its titles are HTML (type="html"): a character reference is read as its character.
    headlines = [a.headline for a in articles]
    assert "Link: That\u2019s Not What Dolphins Do" in headlines
    assert not any("&#" in h for h in headlines)
    assert paragraphs(first) == [
        "At West Point, freshman cadets have long had an annual massive nighttime pillow "
        "fight to build esprit de corps. This year, it turned violent."
    ]  # no "∞ Permalink" paragraph
    assert not any("Permalink" in p for a in articles for p in paragraphs(a))
    notes = [b for a in articles for b in a.body if isinstance(b, Endnotes)]
    assert notes and all("↩" not in plain_text(n) for e in notes for n in e.notes)
    # Its references are plain links to the notes' ids: each note has its reference (the
    # PDF was refused with "No anchor #fnref-1" while they were superscript digits).
    with_notes = next(a for a in articles if any(isinstance(b, Endnotes) for b in a.body))
    assert '"note-reference"' in as_json(with_notes)


def test_tt_vignette_and_source_are_two_words() -> None:
    ((item,), _) = quietly(INPUTS / "ninjs" / "ninjs-2-tt-text-image.json")
    assert paragraphs(item)[0] == "Försvar TT"  # was "FörsvarTT"
    assert paragraphs(item)[1].startswith("Pandemin satte stopp")
