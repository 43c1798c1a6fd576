"""The XHTML schema's attribute lists and datatypes (EPUBCheck RSC-005), on small documents."""

from __future__ import annotations

from pathlib import Path

from checks.test_epub_reference_rules import edited, in_text, structure, with_svg
from newsformats.checks.loaders.html import HtmlPage, parse_xhtml
from newsformats.checks.rules.epub_xhtml_attributes import matches, xhtml_attributes

HEAD = (
    '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
    'xmlns:ssml="http://www.w3.org/2001/10/synthesis" xml:lang="en" lang="en">'
    "<head><title>T</title></head><body>"
)


def problems(body: str) -> list[str]:
    """The findings on a content document whose body is ``body``."""
    page = HtmlPage("t.xhtml", parse_xhtml(f"{HEAD}{body}</body></html>".encode()))
    return [p.message for p in xhtml_attributes(page)]


def test_attributes_the_element_does_not_allow() -> None:
    assert problems('<p href="x.xhtml">a</p>') == ['attribute "href" not allowed here (<p>)']
    assert problems('<img src="a.png" alt="" pubdate=""/>') != []
    assert problems('<table summary="x"><tr><td>a</td></tr></table>') != []
    assert problems('<div epub:type="chapter"><a href="#a" id="a">a</a></div>') == []
    # epub:type is not for metadata content
    assert problems('<script epub:type="x">1</script>') != []


def test_attributes_every_element_allows() -> None:
    body = (
        '<section id="s" class="c" title="t" dir="rtl" lang="fr" xml:lang="fr" '
        'hidden="" tabindex="-1" aria-label="x" role="doc-chapter" translate="no" '
        'epub:type="chapter" ssml:ph="a" ssml:alphabet="ipa" data-x="1" its-loc-note="n" '
        'xmlns:my="http://example.org/my" my:thing="1"><p>a</p></section>'
    )
    assert problems(body) == []


def test_values_of_the_wrong_datatype() -> None:
    assert problems('<ol start="one"><li>a</li></ol>') == [
        'value of attribute "start" is invalid (<ol start="one">)'
    ]
    assert problems('<table><tr><td colspan="0">a</td></tr></table>') != []
    assert problems('<table><tr><td colspan=" 2 ">a</td></tr></table>') == []
    assert problems('<p id="1st">a</p>') == []  # any one token
    assert problems('<p id="a b">a</p>') != []
    assert problems('<p dir="sideways">a</p>') != []
    assert problems('<p dir="RTL">a</p>') == []  # EPUBCheck lowercases dir first
    assert problems('<p ssml:alphabet="x-sampa" ssml:ph="a">a</p>') == []
    assert problems('<p ssml:alphabet="sampa" ssml:ph="a">a</p>') != []
    assert problems('<p role="chapter-ish">a</p>') != []
    assert problems('<p lang="not a tag">a</p>') != []


def test_time_datetime_syntax() -> None:
    for good in ("2011-11-18", "2011-11", "2011", "--11-18", "14:54", "2011-W47", "PT4H18M3S",
                 "2011-11-18T14:54:39.929-04:00", "2011-11-18 14:54Z", "4H 18M 3S"):  # fmt: skip
        assert problems(f'<p><time datetime="{good}">x</time></p>') == [], good
    for bad in ("18 November 2011", "2011-11-18T", "2011/11/18", "1pm"):
        assert problems(f'<p><time datetime="{bad}">x</time></p>') != [], bad


def test_time_without_datetime_holds_text_only() -> None:
    assert problems("<p><time>May <b>5</b></time></p>") != []
    assert problems('<p><time datetime="2020-05-05">May <b>5</b></time></p>') == []
    assert problems("<p><time>May 5</time></p>") == []


def test_media_sources_then_tracks_then_content() -> None:
    track = '<track src="c.vtt" kind="captions" srclang="en" label="x"/>'
    assert problems('<div><audio src="a.mp3"><source src="b.mp3"/></audio></div>') != []
    assert problems(f'<div><audio>{track}<source src="b.mp3"/></audio></div>') != []
    assert problems('<div><video><p>x</p><source src="v.mp4"/></video></div>') != []
    assert problems('<div><video>text<source src="v.mp4"/></video></div>') != []
    assert problems(f"<div><video><p>x</p>{track}</video></div>") != []
    assert problems(f'<div><audio><source src="b.mp3"/>{track}fallback</audio></div>') == []
    assert problems(f'<div><audio src="a.mp3">{track}<a href="#a">x</a></audio></div>') == []


def test_open_and_foreign_content_is_left_to_other_schemas() -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect x="0"/></svg>'
    assert problems(f"<p>{svg}</p>") == []
    assert problems('<embed src="a.swf" anything="at all"/>') == []  # embed takes any attribute
    assert problems('<my-widget href="x">a</my-widget>') == []  # custom elements


def test_value_specs() -> None:
    assert matches(["data", "float", {"minExclusive": "0"}], "0.5")
    assert not matches(["data", "float", {"minExclusive": "0"}], "0")
    assert matches(["data", "nonNegativeInteger", {}], " 0 ")
    assert not matches(["data", "positiveInteger", {}], "0")
    assert matches(["list", [["data", "NCName", {}]]], "a b")
    assert not matches(["list", [["data", "NCName", {}]]], "a 1b")


def test_the_book_reports_it_as_a_structure_finding(tmp_path: Path) -> None:
    book = edited(tmp_path, "attrs", {"EPUB/text.xhtml": in_text('<p href="x">a</p>')})
    assert any('attribute "href" not allowed here' in m for m in structure(book))


def test_urls_as_the_schema_validator_reads_them() -> None:
    for good in ("a%20b.xhtml#s", "http://[::1]/?q=[1]", "#s1[1]", "urn:isbn:1", " a b "):
        assert problems(f'<p><a href="{good}">a</a></p>') == [], good
    for bad in ("%zz", "#a#b", "1http://x.org/", "x:", "a[b]", "//host.org/a]"):
        assert problems(f'<p><a href="{bad}">a</a></p>') != [], bad


def test_html_inside_svg_foreign_object_and_title() -> None:
    svg = '<div><svg xmlns="http://www.w3.org/2000/svg" width="9" height="9">{}</svg></div>'
    href = '<p xmlns="http://www.w3.org/1999/xhtml" href="x">a</p>'
    plain = '<p xmlns="http://www.w3.org/1999/xhtml" class="x">a</p>'
    inside = '<foreignObject width="9" height="9">{}</foreignObject>'
    assert problems(svg.format(inside.format(href))) != []
    assert problems(svg.format(inside.format(plain))) == []
    assert problems(svg.format(f"<title>{href}</title>")) != []
    # SVG's own attributes are the SVG schema's
    assert problems(svg.format('<a href="#a"><text x="1">t</text></a>')) == []


def test_html_in_svg_documents(tmp_path: Path) -> None:
    html = '<foreignObject width="9" height="9"><p xmlns="http://www.w3.org/1999/xhtml" {}>a</p>'
    bad = with_svg(tmp_path, "bad", html.format('href="x"') + "</foreignObject>")
    assert any('attribute "href" not allowed here' in m for m in structure(bad))
    good = with_svg(tmp_path, "good", html.format('class="x"') + "</foreignObject>")
    assert not any("attribute" in m for m in structure(good))
