"""Saved web pages: the body without page furniture, the standfirst said once, the lead
picture's own caption, the article's headline (issue 11, the fourth round).

Small hand-made pages, one shape each; the real pages the shapes come from are named in
docs/inputs.md ("Fourth round: body furniture and captions").
"""

from __future__ import annotations

from pathlib import Path

from helpers import DATA
from newsformats.model import Article, plain_text
from newsformats.notes import Note, collecting_notes
from newsformats.readers import read_all
from newsformats.readers.html_body import html_to_blocks

TEXT = (
    "The council agreed the budget at dawn after eleven hours of talks between the three "
    "parties that share power in the town hall, the mayor's office said on Friday."
)
FILLER = "".join(
    f"<p>Paragraph {n} of the story: the council will publish the full figures next week, "
    "a spokeswoman for the town hall said on Friday evening.</p>"
    for n in range(1, 7)
)


def _page(tmp_path: Path, head: str, body: str) -> Path:
    page = tmp_path / "page.html"
    page.write_text(f"<html lang='en'><head>{head}</head><body>{body}</body></html>", "utf-8")
    return page


def _read(path: Path) -> tuple[Article, list[Note]]:
    with collecting_notes() as notes:
        (article,) = read_all(path)
    return article, notes


def _paragraphs(article: Article) -> list[str]:
    return [plain_text(p.content) for p in article.paragraphs]


# --- the body's start: a source tag, the description ------------------------------------


def test_a_source_tag_before_the_text_is_the_start_of_its_first_paragraph(
    tmp_path: Path,
) -> None:
    # CNN: <div class="source"><cite>CNN &mdash;</cite></div><p>Text…</p>
    page = _page(
        tmp_path,
        "",
        "<article><h1>Budget agreed after a long night</h1>"
        '<div class="source"><cite><span></span><span>CNN</span> &nbsp;&mdash;&nbsp;</cite></div>'
        f"<p>{TEXT}</p>{FILLER}</article>",
    )
    article, _ = _read(page)
    paragraphs = _paragraphs(article)
    assert paragraphs[0] == f"CNN — {TEXT}"
    assert "CNN —" not in paragraphs


def test_a_short_first_paragraph_that_is_a_sentence_stays_a_paragraph() -> None:
    blocks = html_to_blocks(f"<p>Read this first.</p><p>{TEXT}</p>")
    assert [b["content"] for b in blocks] == [["Read this first."], [TEXT]]
    blocks = html_to_blocks(f"<p>Analysis: the budget —</p><p>{TEXT}</p>")
    assert len(blocks) == 2


def test_a_description_the_body_says_after_its_source_tag_is_no_standfirst(
    tmp_path: Path,
) -> None:
    # The description is the body's first paragraph; the body starts "CNN — " before it.
    page = _page(
        tmp_path,
        f'<meta name="description" content="{TEXT}">',
        "<article><h1>Budget agreed after a long night</h1>"
        f"<div><cite>CNN —</cite></div><p>{TEXT}</p>{FILLER}</article>",
    )
    article, notes = _read(page)
    assert article.standfirst is None
    assert _paragraphs(article)[0] == f"CNN — {TEXT}"
    assert any("description is the body's own text" in n.message for n in notes)


def test_a_description_that_is_one_of_the_first_paragraphs_is_no_standfirst(
    tmp_path: Path,
) -> None:
    second = FILLER.split("</p>")[0].removeprefix("<p>")
    page = _page(
        tmp_path,
        f'<meta name="description" content="{second}">',
        f"<article><h1>Budget agreed after a long night</h1><p>{TEXT}</p>{FILLER}</article>",
    )
    article, _ = _read(page)
    assert article.standfirst is None
    assert _paragraphs(article).count(second) == 1


def test_a_description_of_the_byline_and_the_body_cut_short_is_no_standfirst(
    tmp_path: Path,
) -> None:
    # FOX 13: "By Leigh Ann Caldwell CNN WASHINGTON (CNN) — Not everyone … drone prohibiti"
    opening = f"WASHINGTON (CNN) — {TEXT}"
    description = f"By Ann Lee CNN {opening} Paragraph 1 of the sto"
    page = _page(
        tmp_path,
        f'<meta property="og:description" content="{description}">',
        f"<article><h1>Budget agreed after a long night</h1><p>{opening}</p>{FILLER}</article>",
    )
    article, _ = _read(page)
    assert article.standfirst is None
    assert _paragraphs(article)[0] == opening


def test_a_description_that_is_another_text_is_the_standfirst(tmp_path: Path) -> None:
    summary = "Three parties agree on spending after a night of talks; taxes stay the same."
    page = _page(
        tmp_path,
        f'<meta name="description" content="{summary}">',
        f"<article><h1>Budget agreed after a long night</h1><p>{TEXT}</p>{FILLER}</article>",
    )
    article, _ = _read(page)
    assert article.standfirst == summary


# --- the article header's lines and the boxes after the text ---------------------------


def test_the_header_lines_above_the_summary_leave_the_body(tmp_path: Path) -> None:
    # LSM: the time, the section link and the byline between the h1 and the summary.
    summary = "Rescuers found a fifth victim four days after the landslide buried several houses."
    page = _page(
        tmp_path,
        "",
        "<main><article><h1>Five dead after the landslide</h1><div>"
        '<p class="info-item time">Today, 17:40</p>'
        '<p class="info-item category"><a href="/world/">World</a></p>'
        f'<p class="article__lead">{summary}</p><p>{TEXT}</p>{FILLER}</div></article></main>',
    )
    article, _ = _read(page)
    assert article.standfirst == summary
    paragraphs = _paragraphs(article)
    assert paragraphs[0] == TEXT
    assert "Today, 17:40" not in paragraphs and "World" not in paragraphs


def test_a_box_of_a_button_and_its_labels_after_the_text_is_left_out() -> None:
    # LSM: "Found a mistake? Select the text and press Ctrl+Enter" with its button.
    blocks = html_to_blocks(
        f"<div><p>{TEXT}</p>{FILLER}</div>"
        '<div class="report"><div class="desc"><p><strong>Found a mistake?</strong></p>'
        "<p>Select the text and press <span>Ctrl+Enter</span> to tell the editor!</p></div>"
        '<p class="report-btn"><button>Report a mistake</button></p></div>'
    )
    texts = [" ".join(str(c) for c in b["content"]) for b in blocks]
    assert texts[0] == TEXT and len(texts) == 7
    assert not any("Ctrl+Enter" in t or "mistake" in t for t in texts)


def test_a_paragraph_of_text_beside_a_button_stays() -> None:
    long = TEXT + " " + TEXT
    blocks = html_to_blocks(f"<div><p>{long}</p><button>Play</button></div>{FILLER}")
    assert blocks[0]["content"] == [long]


def test_a_paragraph_of_only_a_byte_order_mark_is_no_paragraph() -> None:
    blocks = html_to_blocks(f"<p>{TEXT}</p><p>\ufeff</p><p> \u200b </p>")
    assert len(blocks) == 1


def test_the_notes_in_a_box_before_the_comments_leave_the_body(tmp_path: Path) -> None:
    # CNN Arabic: the comment policy, in a box right before the comments' frame.
    page = _page(
        tmp_path,
        "",
        f"<div class='story'><h1>Budget agreed after a long night</h1><p>{TEXT}</p>{FILLER}"
        "<div style='padding:10px 0'><p>We welcome a lively debate; please read our rules "
        "for comments before you post.</p><p>The views below are the readers' own.</p></div>"
        "<div class='fb-comments' data-href='x'> </div></div>",
    )
    article, notes = _read(page)
    paragraphs = _paragraphs(article)
    assert paragraphs[-1].startswith("Paragraph 6 of the story")
    assert not any("readers' own" in p for p in paragraphs)
    assert any("before the page's comments" in n.message for n in notes)


def test_the_last_paragraph_of_the_text_before_the_comments_stays(tmp_path: Path) -> None:
    # A blog: the entry's text container, then the comments: the text is the article's.
    page = _page(
        tmp_path,
        "",
        f"<div class='entry'><h1>Budget agreed after a long night</h1><div class='text'>"
        f"<p>{TEXT}</p>{FILLER}<p>That is all for today.</p></div>"
        "<div id='comments'><p>No comments yet.</p></div></div>",
    )
    article, _ = _read(page)
    assert _paragraphs(article)[-1] == "That is all for today."


# --- the lead picture's caption ---------------------------------------------------------


def test_a_close_button_in_a_caption_is_no_caption_text_and_a_barred_credit_is_the_credit(
    tmp_path: Path,
) -> None:
    # POLITICO: "… electoral votes. | AP Photo <span class='close-button'>Close</span>"
    page = _page(
        tmp_path,
        '<meta property="og:image" content="https://example.org/img/100927_obama22_ap_328.jpg">',
        "<article><h1>Budget agreed after a long night</h1><div class='slideshow'>"
        "<img src='https://example.org/img/100927_obama22_ap_328.jpg' alt='Barack Obama'>"
        "<div class='caption'>Some of the biggest states are poised to lose votes. | AP Photo "
        "<span class='close-button js' title='close this caption'>Close</span></div></div>"
        f"<p>{TEXT}</p>{FILLER}</article>",
    )
    article, _ = _read(page)
    lead = article.lead_image
    assert lead is not None and lead.alt == "Barack Obama"
    assert plain_text(lead.caption) == "Some of the biggest states are poised to lose votes."
    assert lead.credit == "AP Photo"


def test_a_button_in_a_body_figure_caption_is_no_caption_text() -> None:
    blocks = html_to_blocks(
        "<figure><img src='a.jpg' alt='A dam'><figcaption>The dam at dawn. "
        "<button>Enlarge</button><span role='button'>Share</span></figcaption></figure>"
    )
    assert blocks[0]["image"]["caption"] == ["The dam at dawn."]


def test_a_menus_caption_after_the_lead_picture_is_not_its_caption(tmp_path: Path) -> None:
    # WirtschaftsWoche: <header class="c-nav__line-caption">Top-Themen</header> over links.
    links = "".join(f"<li><a href='/t/{n}'>Topic {n}</a></li>" for n in range(5))
    page = _page(
        tmp_path,
        '<meta property="og:image" content="https://example.org/images/dam/12345678/a-photo.jpg">',
        "<div class='top'><img src='https://example.org/images/dam/12345678/a-photo.jpg' "
        "alt='The dam at dawn'>"
        f"<div class='nav__line'><header class='nav__line-caption'>Top topics</header>"
        f"<div class='tabs'><ul>{links}</ul></div></div></div>"
        f"<article><h1>Budget agreed after a long night</h1><p>{TEXT}</p>{FILLER}</article>",
    )
    article, _ = _read(page)
    lead = article.lead_image
    assert lead is not None and lead.alt == "The dam at dawn"
    assert not lead.caption


def test_a_file_name_the_page_gives_several_pictures_does_not_join_them(tmp_path: Path) -> None:
    # WirtschaftsWoche: every picture is ".../<name>/<id>/2-formatOriginal.jpg"; the lead
    # picture is the story's own id in another size (in a box readability leaves out),
    # shown with a relative address that is the page's own site (og:url), not the canonical
    # one of the story's first publisher.
    page = _page(
        tmp_path,
        '<meta name="og:image" content="https://www.example.de/images/dam/19562668/'
        '2-formatOriginal.jpg">'
        '<meta name="og:url" content="https://www.example.de/news/19562798.html">'
        '<link rel="canonical" href="https://www.other.com/news/19562324.html">',
        "<div class='banner'><img src='/images/banner_184x59/23843480/2-formatOriginal.jpg' "
        "alt='Our new year offer'></div>"
        "<article><h1>Budget agreed after a long night</h1>"
        "<div class='media'><img src='/images/dam/19562668/2-format1001.jpg' "
        f"alt='The dam at dawn'></div><div class='text'><p>{TEXT}</p>{FILLER}</div>"
        "<img src='/images/banner_2000x246/23843460/2-formatOriginal.jpg' alt='Offer'></article>",
    )
    article, _ = _read(page)
    lead = article.lead_image
    assert lead is not None and lead.alt == "The dam at dawn"


def test_a_logo_the_body_starts_with_once_its_header_lines_go_is_no_lead_picture(
    tmp_path: Path,
) -> None:
    # No picture in the metadata; the date line above goes, the site's badge comes first.
    summary = "Rescuers found a fifth victim four days after the landslide buried several houses."
    for src in ("/img/logo-main.png", "/img/topplus.svg"):
        page = _page(
            tmp_path,
            f'<meta name="description" content="{summary}">',
            "<main><article><h1>Five dead after the landslide</h1><div>"
            f'<p>10.12.2022 18:27</p><img src="{src}" alt="The Site plus">'
            f"<p>{summary}</p><p>{TEXT}</p>{FILLER}</div></article></main>",
        )
        article, _ = _read(page)
        assert article.lead_image is None
        assert article.standfirst == summary


# --- the headline -----------------------------------------------------------------------


def test_a_page_translators_original_text_box_is_not_the_headline(tmp_path: Path) -> None:
    # Google Translate's tooltip, saved with the page: <h1 class="title gray">Original text</h1>
    page = _page(
        tmp_path,
        "<title>Budget agreed after a long night - Town Hall</title>",
        f"<div class='story'><p>{TEXT}</p>{FILLER}</div>"
        "<div id='goog-gt-tt' class='skiptranslate' dir='ltr'><div class='top'>"
        "<h1 class='title gray'>Original text</h1></div><div class='bottom'>"
        "<span>Contribute a better translation</span></div></div>",
    )
    article, _ = _read(page)
    assert article.headline == "Budget agreed after a long night - Town Hall"
    assert "Original text" not in _paragraphs(article)


# --- the saved pages of the third acceptance run (tests/data/inputs/pages-*/NOTICE) ------

NEWSPAPER4K = DATA / "inputs" / "pages-newspaper4k"


def test_lsm_page_without_its_header_lines_and_its_report_a_mistake_box() -> None:
    article, _ = _read(NEWSPAPER4K / "latvian_article.html")
    paragraphs = _paragraphs(article)
    assert paragraphs[0].startswith("Naktī uz trešdienu Jerdrumas pašvaldības")
    assert paragraphs[-1].startswith("Precīzi nogruvuma cēloņi nav zināmi")
    assert len(paragraphs) == 5
    assert [p.name for p in article.authors] == ["Anna Ūdre"]


def test_cnn_arabic_page_without_its_comment_policy_notes() -> None:
    article, _ = _read(NEWSPAPER4K / "arabic_article.html")
    paragraphs = _paragraphs(article)
    assert paragraphs[-1].startswith("وشدد الائتلاف على")
    assert not any("CNN بالعربية" in p for p in paragraphs)
    assert all(p.strip("\ufeff ") for p in paragraphs)


def test_fox13_page_has_no_standfirst_of_its_byline_and_first_lines() -> None:
    # The description: "By Leigh Ann Caldwell CNN WASHINGTON (CNN) — Not everyone …"
    article, notes = _read(NEWSPAPER4K / "fox13now_001.html")
    assert article.standfirst is None
    assert _paragraphs(article)[0].startswith("WASHINGTON (CNN) — Not everyone subscribes")
    assert any("description is the body's own text" in n.message for n in notes)


def test_politico_lead_caption_without_its_close_button() -> None:
    article, _ = _read(DATA / "inputs" / "pages-goose3" / "test_politico.html")
    lead = article.lead_image
    assert lead is not None
    assert plain_text(lead.caption) == (
        "Some of the biggest states President Obama carried are poised to lose electoral votes."
    )
    assert lead.credit == "AP Photo"


def test_closing_lines_promoting_the_sites_accounts_leave_the_body(tmp_path: Path) -> None:
    """News24's and Khaama's shape (ninth run): the last short paragraphs link only the
    site's own pages and its own account on another service; they leave, the text stays."""
    head = "<meta property='og:site_name' content='Harbour Post'><title>Budget agreed</title>"
    story = (
        f"<article><h1>Budget agreed</h1><p>{TEXT}</p>{FILLER}"
        "<p>The budget will be voted on in March, <a href='https://example.org/x'>the "
        "council</a> said.</p>"
        "<p><strong><a href='https://www.harbourpost.com/newsletters/'>KEEP UPDATED by "
        "subscribing to our FREE newsletter.</a></strong></p>"
        "<p><strong><a href='https://twitter.com/harbourpost'>- FOLLOW Harbour Post</a>"
        "</strong> on Twitter</p></article>"
    )
    article, notes = _read(_page(tmp_path, head, story))
    last = plain_text(article.body[-1].content)  # type: ignore[union-attr]
    assert last.startswith("The budget will be voted on in March")
    assert any("promote the site's own accounts" in n.message for n in notes)
