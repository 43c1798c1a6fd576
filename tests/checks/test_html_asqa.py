"""What Asqatasun's RGAA 4.0 test pages (the ``asqa`` suite) showed, once opened: each
fix on small hand-made pages, with the case that must fail beside the one that must not."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from checks.test_html_ibm2 import errs_on
from newsformats.checks.loaders.html import parse_html


def test_an_object_not_shown_is_judged_only_when_its_fallback_takes_no_room(
    tmp_path: Path,
) -> None:
    unnamed = errs_on(tmp_path / "p.html", "html-object-alt")

    # a file that is not there, nothing inside: nothing shown, and no name (axe-core)
    assert unnamed('<object data="gone.png"></object>')
    assert unnamed('<object data="gone.png">  <param name="a" value="b">  </object>')
    # fallback content that takes room is shown instead, even if hidden from
    # assistive technology (object-is-loaded-matches reads boxes, not names)
    assert not unnamed('<object data="gone.png"><span aria-hidden="true">Logo</span></object>')
    assert not unnamed(
        '<object data="gone.png"><object data="gone.png" title="x"></object></object>'
    )
    # a named object passes either way
    assert not unnamed('<object data="gone.png" title="The bay at dawn"></object>')


def test_a_self_closed_object_holds_what_follows_it(tmp_path: Path) -> None:
    unnamed = errs_on(tmp_path / "p.html", "html-object-alt")

    # HTML5 ignores the slash: the rest of the page is the object's fallback content
    assert not unnamed('<div><object data="gone.png"/></div><p>After the object.</p>')
    # a hidden self-closed object hides the objects after it
    assert not unnamed(
        '<div><object data="gone.png" aria-hidden="true"/></div>'
        '<div><object data="gone.png"></object></div>'
    )
    # nothing after it: nothing shown, and no name
    assert unnamed('<object data="gone.png"/>')
    # written open and closed, what follows stays outside
    assert unnamed('<object data="gone.png"></object><p>After the object.</p>')


def test_only_an_html_object_written_self_closed_is_reopened() -> None:
    root = parse_html(
        b"<html><body><div><object data='a.png'/> tail <b>x</b></div><p>y</p>"
        b"<object data='b.png'></object><p>z</p></body></html>"
    )
    first, second = root.iter("object")
    assert [child.tag for child in first] == ["b", "p", "object", "p"]
    assert (first.text or "").strip() == "tail"
    assert second.getparent() is first and len(second) == 0
    assert etree.tostring(root).count(b"<object") == 2
