"""What Asqatasun's RGAA 4.0 and RGAA 3.0 test pages (the ``asqa`` and ``asqa3`` suites)
showed, once opened: each fix on small hand-made pages, with the case that must fail
beside the one that must not."""

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


MAP = '<img src="m.png" alt="" usemap="#m"><map name="m">{}</map>'


def test_a_link_is_named_by_the_area_or_button_input_it_holds(tmp_path: Path) -> None:
    unnamed = errs_on(tmp_path / "p.html", "html-link-name")

    # an <area> gives its alt (HTML-AAM), when an image shows its map
    assert not unnamed(MAP.format('<a href="x.html"><area alt="North"></a>'))
    assert unnamed(MAP.format('<a href="x.html"><area alt=""></a>'))
    assert unnamed(MAP.format('<a href="x.html"><area alt="North" aria-hidden="true"></a>'))
    # an image input its alt, value or title, else the browser's word ("Submit")
    assert not unnamed('<a href="x.html"><input type="image" src="m.png" alt="Map"></a>')
    assert not unnamed('<a href="x.html"><input type="image" src="m.png"></a>')
    assert not unnamed('<a href="x.html"><input type="reset"></a>')
    assert not unnamed('<a href="x.html"><input type="button" title="Go"></a>')
    assert not unnamed('<a href="x.html"><input type="button" aria-label="Go"></a>')
    # a plain button input with nothing to say, or a text field, names nothing
    assert unnamed('<a href="x.html"><input type="button"></a>')
    assert unnamed('<a href="x.html"><input type="image" src="m.png" hidden></a>')


def test_an_area_is_shown_only_where_an_image_shows_its_map(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    roles = errs_on(page, "html-aria-roles")

    # a map with no name, or that no image uses, shows none of its areas (axe-core)
    assert not roles('<map id="m"><area role="decorative" alt=""></map>')
    assert not roles('<map name="m"><area role="decorative" alt=""></map>')
    assert not roles(
        '<img src="m.png" alt="" usemap="#m" hidden><map name="m"><area role="decorative"></map>'
    )
    assert roles(MAP.format('<area role="decorative" alt="">'))
    # what stands around the area does not hide it: its image does
    assert roles(MAP.format('<div hidden><area role="decorative" alt=""></div>'))


def test_embedded_content_in_a_link_names_it_only_by_its_own_label(tmp_path: Path) -> None:
    unnamed = errs_on(tmp_path / "p.html", "html-link-name")

    # fallback text inside an object or a canvas is embedded content (axe-core's subtreeText)
    assert unnamed('<a href="x.html"><object data="a.gif" type="image/gif">Home</object></a>')
    assert unnamed('<a href="x.html"><canvas width="9" height="9">Home</canvas></a>')
    assert unnamed('<a href="x.html"><video src="a.mp4">Home</video></a>')
    # its aria-label or title names it, and so do the link's own title and text around it
    assert not unnamed('<a href="x.html"><object data="a.gif" title="Home"></object></a>')
    assert not unnamed('<a href="x.html"><canvas aria-label="Home"></canvas></a>')
    assert not unnamed('<a href="x.html" title="Home"><object data="a.gif">x</object></a>')
    assert not unnamed('<a href="x.html">Home <object data="a.gif">x</object></a>')


def test_the_text_compared_with_a_name_is_what_the_screen_shows(tmp_path: Path) -> None:
    mismatch = errs_on(tmp_path / "p.html", "html-label-content-name")

    # the text an <svg> or an <object> holds is on the page (axe-core 4.14.1's visibleVirtual)
    assert mismatch('<a href="x.html" aria-label="Go to the form"><svg>Click here</svg></a>')
    assert mismatch('<a href="x.html" aria-label="Go home"><object data="a.gif">Start</object></a>')
    # text hidden from assistive technology only is still seen
    assert mismatch(
        '<a href="x.html" aria-label="Go home"><span aria-hidden="true">Start</span></a>'
    )
    # an image's alt is not text on screen; text off screen is not either
    assert not mismatch('<a href="x.html" aria-label="Go"><img src="p.png" alt="Printer">Go</a>')
    off = '<span style="position:absolute;left:-9999px">Start</span>'
    assert not mismatch(f'<a href="x.html" aria-label="Go home">{off}Go</a>')
    assert not mismatch('<a href="x.html" aria-label="Go to the form"><svg>the form</svg></a>')


def test_a_part_of_a_link_gives_its_title_when_its_content_gives_nothing(
    tmp_path: Path,
) -> None:
    unnamed = errs_on(tmp_path / "p.html", "html-link-name")

    # an empty part's title names the link (accname 2I, axe-core)
    assert not unnamed('<a href="x.html"><span class="icon" title="Home"></span></a>')
    assert not unnamed('<a href="x.html"><span title="Home"><b aria-hidden="true">x</b></span></a>')
    # but a space is content: it stops the computation before the title
    assert unnamed('<a href="x.html"><span title="Home"> </span></a>')
    # and a presentational part, or an image with an empty alt, gives no title
    assert unnamed('<a href="x.html"><span role="presentation" title="Home"></span></a>')
    assert unnamed('<a href="x.html"><img src="h.png" alt="" title="Home"></a>')


def test_a_field_in_a_link_gives_its_name_or_its_value(tmp_path: Path) -> None:
    unnamed = errs_on(tmp_path / "p.html", "html-link-name")

    # its aria-label, its <label for>, its placeholder, its value, its title (axe-core)
    assert not unnamed('<a href="x.html"><input type="checkbox" aria-label="Agree"></a>')
    assert not unnamed('<a href="x.html"><input id="q"></a><label for="q">Search</label>')
    assert not unnamed('<a href="x.html"><input placeholder="Search"></a>')
    assert not unnamed('<a href="x.html"><input value="Paris"></a>')
    assert not unnamed('<a href="x.html"><input type="checkbox" title="Agree"></a>')
    # a <select> its chosen option, or its first
    assert not unnamed('<a href="x.html"><select multiple><option>One</option></select></a>')
    # a checkbox's value is no name; a hidden input is not there
    assert unnamed('<a href="x.html"><input type="checkbox" value="on"></a>')
    assert unnamed('<a href="x.html"><input type="hidden" value="Paris"></a>')


def test_roles_valid_and_abstract_as_axe_core_knows_them(tmp_path: Path) -> None:
    roles = errs_on(tmp_path / "p.html", "html-aria-roles")

    # an abstract role fails even beside a valid one (axe-core's abstractrole)
    assert roles('<div role="widget">x</div>')
    assert roles('<div role="button widget" tabindex="0">Go</div>')
    assert not roles('<div role="button" tabindex="0">Go</div>')
    # written in capitals it is no abstract role, and a valid one beside it counts
    assert not roles('<div role="Landmark region" aria-label="News">x</div>')
    # ARIA 1.3's roles that axe-core 4.14 knows are valid; a made-up one is not
    assert not roles('<span role="text">Hello</span>')
    assert not roles('<div role="comment">Nice</div>')
    assert roles('<div role="texts">Hello</div>')
