"""What the false alarms of the ``asqa22`` and ``apg`` suites showed, once opened (only
those pages): each fix on small hand-made pages, the case that must fail beside the one
that must not."""

from __future__ import annotations

from pathlib import Path

from checks.test_html_ibm2 import errs_on
from newsformats.checks import check
from newsformats.checks.loaders.html import parse_html


def _lang_errors(page: Path, html: str) -> list[str]:
    page.write_text(html, encoding="utf-8")
    return [f.message for f in check([page]).findings if f.rule == "html-lang"]


def test_an_html_tag_after_stray_text_still_gives_the_page_its_language(
    tmp_path: Path,
) -> None:
    page = tmp_path / "p.html"
    body = "<head><title>T</title></head><body><main><h1>T</h1><p>Text.</p></main></body></html>"

    # a stray character before the doctype: browsers make <html> themselves, then give
    # it the attributes of the <html> tag they meet (HTML5's "in body" rules)
    assert not _lang_errors(page, f'w<!DOCTYPE html><html lang="en">{body}')
    assert not _lang_errors(page, f'<p>x</p><html lang="en" xml:lang="en">{body}')
    # and so without one: no <html> tag names a language
    assert _lang_errors(page, f"w<!DOCTYPE html><html>{body}")
    # a tag in a comment, a script's text or a template is no tag
    assert _lang_errors(page, f'<!-- <html lang="en"> -->w<html>{body}')
    scripted = body.replace("<p>Text.</p>", "<script>var s = '<html lang=\"en\">';</script>")
    assert _lang_errors(page, f"<!DOCTYPE html><html>{scripted}")
    # an invalid language is still reported, wherever its tag stands
    assert _lang_errors(page, f'w<!DOCTYPE html><html lang="klingon">{body}')


def test_later_html_tags_add_only_the_attributes_html_lacks() -> None:
    # the first value stays (HTML5 adds an attribute only if it is not present)
    root = parse_html(b'<html dir="rtl"><body><html lang="fr" dir="ltr">y</html></body></html>')
    assert (root.get("lang"), root.get("dir")) == ("fr", "rtl")
    root = parse_html(b'<html lang=""><body>x<html lang="en"></body></html>')
    assert root.get("lang") == ""
    # a template's content is not the page's
    root = parse_html(b"<html><body><template><html lang='de'></template></body></html>")
    assert root.get("lang") is None


def test_an_empty_feed_on_a_page_that_runs_scripts_is_left_for_review(tmp_path: Path) -> None:
    feed = errs_on(tmp_path / "p.html", "html-aria-required-context")
    empty = '<div id="news" role="feed"></div>'

    # a feed's articles are added by its script as the reader scrolls
    assert not feed(empty + '<script src="feed.js"></script>')
    assert not feed(empty + "<script>load(document.getElementById('news'));</script>")
    # no script to fill it, or only data in a script element: it owns no article
    assert feed(empty)
    assert feed(empty + '<script type="application/ld+json">{"@type": "Thing"}</script>')
    # with content that is no article, it fails with a script too
    assert feed('<div role="feed"><p>News</p></div><script src="feed.js"></script>')
    # and a feed of articles passes either way
    assert not feed('<div role="feed"><article>One</article></div>')
