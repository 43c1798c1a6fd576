"""What IBM Equal Access's last two quarters of rule pages (the ``ibm3`` and ``ibm4``
suites) showed, once opened: each fix on small hand-made pages, with the case that must
fail beside the one that must not."""

from __future__ import annotations

from pathlib import Path

from checks.test_html_ibm2 import errs_on
from checks.test_html_unseen_suites import findings_on


def test_svg_graphics_roles_are_asked_for_a_name_in_svg_only(tmp_path: Path) -> None:
    unnamed = errs_on(tmp_path / "p.html", "html-svg-img-alt")

    # on an <svg>, or inside one, the graphics roles need a name (axe-core svg-img-alt)
    assert unnamed('<svg role="graphics-document" width="10" height="10"></svg>')
    assert unnamed('<svg><g role="graphics-symbol"><circle r="4"/></g></svg>')
    assert not unnamed('<svg role="graphics-document"><title>Map of the bay</title></svg>')
    # on an HTML element they are no image role axe-core judges
    assert not unnamed('<div role="graphics-document">Graphics module</div>')
    assert not unnamed('<div role="graphics-document"><div role="graphics-symbol"></div></div>')
    # role="img" needs a name anywhere
    assert unnamed('<div role="img"></div>')


SHADOW_LABEL = """<div id="host"><input id="field" type="text"></div>
<script>
  let shadow = document
    .getElementById("host")
    .attachShadow({ mode: "open" });
  let label = document.createElement("label");
  label.innerHTML = "Name: ";
  label.appendChild(document.createElement("slot"));
  shadow.appendChild(label);
</script>"""

CUSTOM_LIST = """<my-list><my-item role="listitem">One</my-item></my-list>
<script>
  class MyList extends HTMLElement {
    constructor() {
      super();
      const root = this.attachShadow({ mode: "open" });
      root.innerHTML = "<ul><slot></slot></ul>";
    }
  }
  customElements.define("my-list", MyList);
</script>"""


def test_what_a_shadow_host_holds_is_not_judged_by_what_stands_around_it(
    tmp_path: Path,
) -> None:
    page = tmp_path / "p.html"
    # a field in an element a script gives a shadow tree (by its id) may be slotted into
    # a label there
    assert "html-form-labels" not in findings_on(page, SHADOW_LABEL)
    # the same field with no script, or a script that attaches no shadow tree, is judged
    assert findings_on(page, '<div id="host"><input type="text"></div>')["html-form-labels"]
    plain = SHADOW_LABEL.replace(".attachShadow", ".appendChild")
    assert findings_on(page, plain).get("html-form-labels") == "error"
    # through a variable too
    by_variable = (
        '<div id="h"><input type="text"></div><script>const h = document.getElementById("h");'
        'const r = h.attachShadow({mode: "open"});</script>'
    )
    assert "html-form-labels" not in findings_on(page, by_variable)

    # a custom element whose class attaches a shadow tree may put its items in a list
    context = errs_on(page, "html-aria-required-context")
    assert not context(CUSTOM_LIST)
    assert context(CUSTOM_LIST.replace("my-list", "my-box").replace('"my-box"', '"other-el"'))
    assert context('<div><span role="listitem">One</span></div>')


def test_frames_and_players_take_no_native_focus_in_aria_hidden_content(
    tmp_path: Path,
) -> None:
    hidden_focus = errs_on(tmp_path / "p.html", "html-aria-hidden-focus")

    # axe-core's aria-hidden-focus knows links, fields, buttons and summaries as focusable
    assert not hidden_focus('<iframe aria-hidden="true" title="Ad" src="a.html"></iframe>')
    assert not hidden_focus('<video aria-hidden="true" controls src="v.webm"></video>')
    assert not hidden_focus('<div aria-hidden="true"><audio controls src="a.ogg"></audio></div>')
    # with a tabindex of their own, they are in the tab order
    assert hidden_focus('<iframe aria-hidden="true" tabindex="0" src="a.html"></iframe>')
    assert hidden_focus('<div aria-hidden="true"><a href="x.html">x</a></div>')


def test_contrast_through_a_fixed_box_or_under_a_blurred_shadow_is_not_judged(
    tmp_path: Path,
) -> None:
    low = errs_on(tmp_path / "p.html", "html-contrast")

    red = '<span style="color: #ff0000">Close</span>'
    assert low(f"<div>{red}</div>")
    # a fixed box with no background of its own shows what scrolls beneath it
    assert not low(f'<div style="position: fixed; bottom: 0">{red}</div>')
    assert low(f'<div style="position: fixed; background: #fff">{red}</div>')
    assert low(f'<div style="position: relative">{red}</div>')

    grey = '<p style="color: #000; background: #737373{}">Some text</p>'
    assert low(grey.format(""))
    # a blurred shadow is blended into the background by axe-core: not modelled
    assert not low(grey.format("; text-shadow: white 0 0 3px"))
    # a sharp shadow further off than its blur adds nothing: the text is judged
    assert low(grey.format("; text-shadow: 0 1px rgba(0, 0, 0, 0.3)"))
    assert low(grey.format("; text-shadow: none"))


def test_an_element_named_its_own_way_is_left_to_its_own_rules(tmp_path: Path) -> None:
    unnamed = errs_on(tmp_path / "p.html", "html-aria-widget-name")

    # a <button> or <table> given a field's role is named its own way (axe-core's
    # no-naming-method-matches): by its label, its content, its caption
    assert not unnamed(
        '<label for="b">Fruit</label><button id="b" role="combobox" aria-expanded="false" '
        'aria-controls="l">Apple</button><ul id="l" role="listbox" aria-label="Fruit"></ul>'
    )
    assert not unnamed('<button role="slider" aria-valuenow="1">Volume</button>')
    assert not unnamed('<table role="listbox"><tr><td role="option">One</td></tr></table>')
    # a <div> or a link with no href is not
    assert unnamed('<div role="slider" aria-valuenow="1" tabindex="0">Volume</div>')
    assert unnamed('<a role="slider" aria-valuenow="1" tabindex="0">Volume</a>')


def test_a_toggle_whose_name_lacks_its_text_is_left_for_review(tmp_path: Path) -> None:
    mismatch = errs_on(tmp_path / "p.html", "html-label-content-name")

    # a switch, checkbox or radio may show its state, not its label (axe-core 4.14 asks
    # for a review)
    for role in ("radio", "checkbox", "switch", "menuitemradio"):
        toggle = f'<div role="{role}" aria-checked="false" tabindex="0" aria-label="my radio">'
        assert not mismatch(f"{toggle}First Radio</div>")
    # a button, a link, a tab or an option whose name lacks its text fails
    assert mismatch('<div role="button" tabindex="0" aria-label="my radio">First Radio</div>')
    assert mismatch('<a href="x.html" aria-label="Home page">Next story</a>')


def test_the_generic_role_is_for_browsers_not_authors(tmp_path: Path) -> None:
    roles = errs_on(tmp_path / "p.html", "html-aria-roles")

    # ARIA 1.2's generic is what a browser gives a <div>; axe-core's aria-roles fails it
    assert roles('<div role="generic">Some text</div>')
    assert roles('<div role="generic" aria-live="polite">News</div>')
    # with a role authors may write beside it, or none at all, it passes
    assert not roles('<div role="generic region" aria-label="News">News</div>')
    assert not roles("<div>Some text</div>")


def test_an_svg_in_a_button_gives_its_title_not_its_content(tmp_path: Path) -> None:
    unnamed = errs_on(tmp_path / "p.html", "html-form-labels")

    svg = '<button type="button"><svg focusable="false"><rect width="32" height="32"/>{}</svg>'
    # a <desc> (or any text inside) names nothing: the svg is embedded content
    assert unnamed(svg.format("<desc>Close</desc>") + "</button>")
    assert unnamed(svg.format('<text x="1" y="9">Close</text>') + "</button>")
    assert not unnamed(svg.format("<title>Close</title>") + "</button>")
    assert not unnamed(svg.format("<desc>Icon</desc>") + " Close</button>")


def test_visibility_visible_shows_a_child_of_an_invisible_parent(tmp_path: Path) -> None:
    no_alt = errs_on(tmp_path / "p.html", "html-img-alt")

    shown = '<div style="visibility: hidden"><img style="visibility: visible" src="a.png"></div>'
    assert no_alt(shown)
    # an invisible parent hides what does not say otherwise; display: none hides all
    assert not no_alt('<div style="visibility: hidden"><img src="a.png"></div>')
    assert not no_alt(shown.replace("visibility: hidden", "display: none"))
    assert not no_alt('<div hidden><img style="visibility: visible" src="a.png"></div>')


def test_opacity_fades_a_box_and_all_it_holds_as_one(tmp_path: Path) -> None:
    low = errs_on(tmp_path / "p.html", "html-contrast")

    # black text at opacity 0.3 on white is grey on white
    assert low('<div style="background: #fff"><p style="color: #000; opacity: .3">Text</p></div>')
    assert not low('<div style="background: #fff"><p style="color: #000">Text</p></div>')
    # a faded group: white on black inside, laid at half over white, is white on grey
    inner = '<div style="background-color: black; color: white">Test</div>'
    assert low(f'<div style="opacity: 0.5">{inner}</div>')
    assert not low(f'<div style="opacity: 1">{inner}</div>')
    assert not low(f'<div style="opacity: 90%">{inner}</div>')


def test_a_focusable_field_keeps_its_role_whatever_role_none_says(tmp_path: Path) -> None:
    unnamed = errs_on(tmp_path / "p.html", "html-form-labels")

    # a field takes focus (tabindex="-1" too), so role="presentation" is ignored (ARIA's
    # conflict resolution): it still needs a name
    assert unnamed('<input type="text" role="presentation" readonly tabindex="-1">')
    assert unnamed('<select role="none"><option>One</option></select>')
    # disabled, it takes no focus and the role holds
    assert not unnamed('<input type="text" role="presentation" disabled>')
    assert not unnamed('<input type="text" role="presentation" aria-label="Spin up">')
