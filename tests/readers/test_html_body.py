"""The one HTML body converter: what each element of a fragment becomes."""

from __future__ import annotations

from typing import Any

from newsformats.model import Article
from newsformats.notes import collecting_notes
from newsformats.readers.html_body import BodyOptions, html_to_blocks

BASE = BodyOptions(base_url="https://news.example.org/world/story.html", where="t.html")


def blocks(markup: str, options: BodyOptions = BASE) -> list[dict[str, Any]]:
    with collecting_notes():
        return html_to_blocks(markup, options)


def test_headings_keep_their_order_from_level_two() -> None:
    found = blocks("<h3>A</h3><p>x</p><h4>B</h4><h6>C</h6><h3>D</h3>")
    assert [b["level"] for b in found if b["type"] == "subheading"] == [2, 3, 4, 2]


def test_quote_with_attribution_from_footer_or_dash() -> None:
    found = blocks(
        "<blockquote><p>One.</p><footer>— Ana</footer></blockquote>"
        "<blockquote><p>Two.</p><p>— Ben</p></blockquote>"
    )
    assert [(b["paragraphs"], b["attribution"]) for b in found] == [
        ([["One."]], "Ana"),
        ([["Two."]], "Ben"),
    ]


def test_nested_lists() -> None:
    (found,) = blocks("<ol><li>a<ul><li>b</li></ul></li><li><p>c</p></li></ol>")
    assert found["ordered"] is True
    assert found["items"][0] == {
        "content": ["a"],
        "sublist": {"ordered": False, "items": [{"content": ["b"]}]},
    }
    assert found["items"][1] == {"content": ["c"]}


def test_figure_keeps_alt_and_tells_missing_alt_from_empty() -> None:
    found = blocks(
        '<figure><img src="a.jpg" alt="Two cranes"><figcaption>Cranes.</figcaption></figure>'
        '<img src="rule.png" alt="">'
    )
    assert found[0]["image"]["alt"] == "Two cranes"
    assert found[0]["image"]["caption"] == ["Cranes."]
    assert found[1]["image"]["decorative"] is True
    with collecting_notes() as notes:
        html_to_blocks('<img src="b.jpg">', BASE)
    assert any("no alt text" in told.message for told in notes)


def test_table_with_caption_header_cells_and_scope() -> None:
    (table,) = blocks(
        "<table><caption>Heights</caption><tr><th>Gauge</th><th>Fri</th></tr>"
        "<tr><th>Mill</th><td>4.1</td></tr></table>"
    )
    assert table["caption"] == ["Heights"]
    assert [c["scope"] for c in table["head"][0]] == ["col", "col"]
    assert table["rows"][0][0]["scope"] == "row" and "header" not in table["rows"][0][1]


def test_relative_links_resolved_and_unsafe_ones_dropped_with_a_warning() -> None:
    with collecting_notes() as notes:
        (found,) = html_to_blocks(
            '<p><a href="../b.html">b</a> <a href="javascript:x()">c</a></p>', BASE
        )
    assert any("javascript: link" in told.message for told in notes)
    assert found["content"][0]["href"] == "https://news.example.org/b.html"
    assert found["content"][1:] == [" c"]


def test_inline_marks() -> None:
    (found,) = blocks(
        '<p><em>a</em><strong>b</strong><q>c</q><abbr title="World Health Organization">WHO'
        '</abbr> H<sub>2</sub>O 10<sup>3</sup> <cite>Times</cite><br><span lang="fr">mot</span></p>'
    )
    kinds = [p["type"] for p in found["content"] if isinstance(p, dict)]
    assert kinds == [
        "emphasis",
        "strong",
        "quotation",
        "abbreviation",
        "subscript",
        "superscript",
        "citation",
        "line-break",
        "foreign",
    ]


def test_embeds_become_titled_links_never_blank_frames() -> None:
    found = blocks(
        '<iframe src="https://www.youtube.com/embed/x" title="Drone footage"></iframe>'
        '<video src="https://cdn.example.org/v.mp4" aria-label="The flood"></video>'
        '<blockquote class="twitter-tweet"><p>Water everywhere</p>'
        '<a href="https://twitter.com/a/status/1">May 1</a></blockquote>'
    )
    assert [(b["type"], b["title"], b["kind"]) for b in found] == [
        ("embed", "Drone footage", "video"),
        ("embed", "The flood", "video"),
        ("embed", "Water everywhere", "post"),
    ]


def test_scripts_styles_forms_ads_and_furniture_are_dropped() -> None:
    found = blocks(
        "<div><p>Story one.</p><script>x()</script><style>p{}</style><form><p>Sign up</p></form>"
        '<div class="ad-slot"><p>Buy now</p></div><aside><p>Related</p></aside>'
        '<div class="share-bar">Share</div><p>Story two.</p></div>'
    )
    assert found == [
        {"type": "paragraph", "content": ["Story one."]},
        {"type": "paragraph", "content": ["Story two."]},
    ]


def test_every_block_validates_in_the_model() -> None:
    found = blocks(
        "<h2>H</h2><p>P <a href='/x'>x</a></p><ul><li>a<ol><li>b</li></ol></li></ul>"
        "<table><tr><th>a</th></tr><tr><td>1</td></tr><tr><td>2</td></tr></table>"
        "<iframe src='https://vimeo.com/1' title='Clip'></iframe>"
    )
    article = Article.from_data({"headline": "H", "language": "en", "body": found})
    assert [b.type for b in article.body] == ["subheading", "paragraph", "list", "table", "embed"]


def test_a_cms_caption_after_a_bare_image_is_its_caption() -> None:
    found = blocks(
        '<div class="inline-photo"><img src="a.jpg"><p><span class="pb-caption">'
        "Leaders meet in Dushanbe. (AFP)</span></p></div><p>Text.</p>"
    )
    assert found[0]["image"]["caption"] == ["Leaders meet in Dushanbe. (AFP)"]
    assert found[1:] == [{"type": "paragraph", "content": ["Text."]}]


def test_skip_links_and_camel_case_share_buttons_are_furniture() -> None:
    found = blocks(
        '<div><p class="mbArticleShareBtn"><span>Share on Weibo</span></p>'
        "<p>The story itself, long enough to be most of the text of this body.</p>"
        '<p><a href="#story-continues-1">Continue reading the main story</a></p></div>'
    )
    assert found == [
        {
            "type": "paragraph",
            "content": ["The story itself, long enough to be most of the text of this body."],
        }
    ]


def test_a_photo_caption_beside_its_picture_in_a_list_item_is_no_list_item() -> None:
    """A gallery list: the caption the picture took is not repeated as a list item."""
    found = blocks(
        '<ul class="gallery"><li><img src="a.jpg" alt="The dam">'
        '<span class="caption">The dam at dawn. Photo: Ann Lee</span></li></ul><p>Text.</p>'
    )
    assert found[0]["image"]["caption"] == ["The dam at dawn."]
    assert found[0]["image"]["credit"] == "Ann Lee"
    assert found[1:] == [{"type": "paragraph", "content": ["Text."]}]


def test_a_caption_written_as_a_list_is_the_pictures_caption_not_a_list() -> None:
    for markup in (
        '<figure><img src="a.jpg" alt="The dam"><figcaption><ul><li>The dam at dawn.</li>'
        "</ul></figcaption></figure>",
        '<div><img src="a.jpg" alt="The dam"><div class="caption"><ul><li>The dam at dawn.'
        "</li></ul></div></div>",
        '<p><img src="a.jpg" alt="The dam"></p><ul><li class="caption">The dam at dawn.</li></ul>',
    ):
        found = blocks(markup + "<p>Text.</p>")
        assert found[0]["image"]["caption"] == ["The dam at dawn."], markup
        assert found[1:] == [{"type": "paragraph", "content": ["Text."]}], markup


def test_inline_items_side_by_side_in_a_container_keep_their_words_apart() -> None:
    # TT's ninjs body: a vignette and a source span, no text between them.
    found = blocks(
        '<div class="dat"><span class="vignette">Försvar</span><span class="source">TT</span>'
        '</div><div class="bodytext"><p>Pandemin satte stopp.</p></div>'
    )
    assert [b["content"] for b in found] == [["Försvar TT"], ["Pandemin satte stopp."]]
    # Running text keeps its marks as written, and a drop capital stays on its word.
    assert blocks("<p>A <span>b</span><span>c</span></p>")[0]["content"] == ["A bc"]
    dropcap = blocks('<div><span class="dropcap">T</span><span>he story</span></div>')
    assert dropcap[0]["content"] == ["The story"]
    marks = blocks("<div>Hello <b>big</b><i>world</i></div>")[0]["content"]
    kinds = [p if isinstance(p, str) else p["type"] for p in marks]
    assert kinds == ["Hello ", "strong", "emphasis"]


def test_a_page_translators_widget_is_left_out_by_its_markup() -> None:
    # Google Translate's tooltip as a page saved after translating keeps it, in Portuguese
    # and in English: the labels' words play no part.
    for original, better in (
        ("Texto original", "Sugira uma tradução melhor"),
        ("Original text", "Contribute a better translation"),
    ):
        found = blocks(
            "<p>Body text.</p>"
            f'<div id="goog-gt-tt" class="goog-tooltip skiptranslate" dir="ltr"><div class="top">'
            f'<h1 class="title gray">{original}</h1></div><div class="bottom">'
            f'<span class="activity-link">{better}</span></div></div>'
            '<div class="goog-te-spinner-pos"><div>Loading</div></div>'
            '<div style="visibility: hidden"><p>Rate this translation</p></div>'
        )
        assert [b["content"] for b in found] == [["Body text."]]


def test_a_wire_tables_title_row_and_bold_header_row() -> None:
    # PA's league tables: a first row of one cell across the table, then a row of bold cells.
    (table,) = blocks(
        "<table><tr><td colspan=3><b>PREMIERSHIP</b></td></tr>"
        "<tr><td></td><td><b>P</b></td><td><b>Pts</b></td></tr>"
        "<tr><td>Bath</td><td>10</td><td>41</td></tr></table>"
    )
    assert table["caption"] == [{"type": "strong", "children": ["PREMIERSHIP"]}]
    assert [c.get("header", False) for c in table["head"][0]] == [False, True, True]
    assert [c["content"] for c in table["rows"][0]] == [["Bath"], ["10"], ["41"]]
    # A row of plain cells stays a row; a first row spanning less than the table, too.
    (plain,) = blocks(
        "<table><tr><td colspan=2>Note</td><td>x</td></tr><tr><td>a</td><td>b</td><td>c</td>"
        "</tr></table>"
    )
    assert "caption" not in plain and not plain["head"] and len(plain["rows"]) == 2
    # A table of one row has no title row (a page of Mercury's set failed on it).
    (single,) = blocks("<table><tr><td colspan=2>One</td></tr></table>")
    assert single["type"] == "paragraph"


def test_notes_linked_by_their_ids_and_notes_without_references() -> None:
    # A blog's footnotes: plain links to the notes' ids, a back link named otherwise.
    found = blocks(
        '<p>Cash<sup id="r1"><a href="https://b.example/p/#fn1-x">1</a></sup>.</p>'
        '<ol class="footnotes"><li id="fn1-x"><p>The bill. <a class="footnoteBackLink" '
        'href="https://b.example/p/#r1">&#8617;&#xfe0e;</a></p></li></ol>'
    )
    assert found[0]["content"][1] == {"type": "note-reference", "number": 1}
    assert found[1] == {"type": "endnotes", "notes": [["The bill."]]}
    # Notes the text never refers to would link back to nothing: a numbered list instead.
    with collecting_notes() as notes:
        orphan = html_to_blocks('<p>Text.</p><ol class="footnotes"><li>A note.</li></ol>', BASE)
    assert orphan[1] == {"type": "list", "ordered": True, "items": [{"content": ["A note."]}]}
    assert any("does not refer to" in str(n) for n in notes)
