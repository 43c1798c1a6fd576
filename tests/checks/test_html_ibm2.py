"""What IBM Equal Access's second quarter of rule pages (the ``ibm2`` suite) showed, once
opened: each fix on small hand-made pages, with the case that must fail beside the one that
must not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from checks.test_html_unseen_suites import findings_on


def errs_on(page: Path, rule_id: str) -> Callable[[str], bool]:
    """Whether ``rule_id`` finds an error on the page made of this body."""
    return lambda body: findings_on(page, body).get(rule_id) == "error"


def test_only_controls_whose_children_are_presentational_hold_no_widget(tmp_path: Path) -> None:
    page = tmp_path / "p.html"

    nested = errs_on(page, "html-nested-interactive")

    # a button, a checkbox or a tab holding a focusable widget (axe-core nested-interactive)
    assert nested('<button type="button">Go <a href="x.html">there</a></button>')
    assert nested('<div role="checkbox" aria-checked="false" tabindex="0"><input></div>')
    assert nested(
        '<div role="tab" tabindex="0">Tab <span role="button" tabindex="-1">x</span></div>'
    )
    # a focusable element with no role is no widget; what it holds may be
    assert not nested('<button type="button"><span tabindex="0">Go</span></button>')
    assert nested(
        '<button type="button"><span tabindex="0"><a href="x.html">Go</a></span></button>'
    )
    # a textbox or a combobox may hold fields: their children are not presentational
    assert not nested('<div role="textbox" aria-label="Age"><input aria-label="Age"></div>')
    assert not nested('<div role="combobox" aria-expanded="false"><input aria-label="Fruit"></div>')
    # a disabled or hidden inner control takes no focus
    assert not nested('<button type="button">Go <input disabled aria-label="n"></button>')
    assert not nested(
        '<button type="button">Go <a href="x.html" style="display:none">x</a></button>'
    )


def test_a_combobox_holding_its_input_is_named_by_the_input(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    held = (
        '<label for="f">Fruit</label><div role="combobox" aria-expanded="false">'
        '<input id="f" type="text"></div>'
    )
    assert "html-aria-widget-name" not in findings_on(page, held)
    # with no input inside (ARIA 1.2's pattern) the combobox needs its own name
    bare = '<div role="combobox" aria-expanded="false" tabindex="0">Apple</div>'
    assert findings_on(page, bare).get("html-aria-widget-name") == "error"
    hidden_only = '<div role="combobox" aria-expanded="false"><input type="hidden"></div>'
    assert findings_on(page, hidden_only).get("html-aria-widget-name") == "error"


def test_a_part_with_aria_label_names_the_link_around_it(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    icon = '<a href="b.html"><span class="icon" role="img" aria-label="Bookmark"></span></a>'
    assert "html-link-name" not in findings_on(page, icon)
    by_id = '<p id="t">Bookmarks</p><a href="b.html"><span aria-labelledby="t"></span></a>'
    assert "html-link-name" not in findings_on(page, by_id)
    assert (
        findings_on(page, '<a href="b.html"><span class="icon"></span></a>').get("html-link-name")
        == "error"
    )
    # a label that is empty or hidden names nothing
    hidden = '<a href="b.html"><span aria-hidden="true" aria-label="Bookmark"></span></a>'
    assert findings_on(page, hidden).get("html-link-name") == "error"


def test_role_img_on_an_image_map_area_is_left_to_its_own_rule(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    area = (
        '<img src="m.png" alt="Map" usemap="#m"><map name="m">'
        '<area role="img" shape="rect" coords="0,0,8,8" alt="North"></map>'
    )
    assert "html-svg-img-alt" not in findings_on(page, area)
    assert findings_on(page, '<div role="img"></div>').get("html-svg-img-alt") == "error"
    assert "html-svg-img-alt" not in findings_on(
        page, '<div aria-hidden="true"><div role="img"></div></div>'
    )


def test_the_first_title_counts_wherever_it_stands(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text('<!DOCTYPE html><html lang="en"><head></head><body><title>Sandbox</title>'
                    "<main><h1>T</h1></main></body></html>")  # fmt: skip
    from newsformats import check

    assert "html-title" not in {f.rule for f in check([page]).findings}
    # an SVG's title is the drawing's, not the page's
    page.write_text('<!DOCTYPE html><html lang="en"><head></head><body><main><h1>T</h1>'
                    '<svg role="img"><title>Chart</title></svg></main></body></html>')  # fmt: skip
    assert "html-title" in {f.rule for f in check([page]).findings}


def test_a_role_attribute_listing_several_roles_gives_none_to_most_rules(tmp_path: Path) -> None:
    # axe-core takes a fallback role only for its deprecated, unsupported and allowed-role
    # rules: elsewhere role="menuitemradio button" is no explicit role at all
    page = tmp_path / "p.html"
    listed = (
        '<button type="button" role="menuitemradio button">Go</button>'
        '<embed src="a.swf" role="img application">'
        '<div role="listbox textbox"></div>'
    )
    found = findings_on(page, listed)
    for rule_id in ("html-aria-required-attr", "html-svg-img-alt", "html-aria-widget-name"):
        assert rule_id not in found
    single = '<button type="button" role="menuitemradio">Go</button><div role="listbox"></div>'
    found = findings_on(page, single)
    assert found.get("html-aria-required-attr") == "error"
    assert found.get("html-aria-widget-name") == "error"
    # role names are read in any case
    mixed = '<label>Ok <input type="checkbox" role="checkBox" aria-checked="false"></label>'
    assert "html-aria-roles" not in findings_on(page, mixed)


def test_required_states_as_axe_core_reads_aria(tmp_path: Path) -> None:
    page = tmp_path / "p.html"

    missing = errs_on(page, "html-aria-required-attr")

    # an open combobox says which popup it controls; a closed one needs nothing more
    assert missing('<div role="combobox" aria-expanded="true" aria-label="F" tabindex="0"></div>')
    assert not missing(
        '<div role="combobox" aria-expanded="false" aria-label="F" tabindex="0"></div>'
    )
    assert missing('<input role="combobox" aria-expanded="true" aria-label="F">')
    # an empty value is none; a state the element has natively counts
    assert missing('<span role="checkbox" aria-checked="" tabindex="0">A</span>')
    assert not missing('<label>A <input type="checkbox" role="switch"></label>')
    assert missing('<div role="meter" aria-label="Fuel"></div>')
    # a scrollbar needs its value, not what it controls (axe-core); a seek slider may say
    # its value in words
    assert not missing('<div role="scrollbar" aria-valuenow="3" tabindex="0"></div>')
    assert not missing(
        '<div role="slider" aria-valuetext="2 min" aria-label="S" tabindex="0"></div>'
    )
    # hidden elements are not judged
    assert not missing('<div hidden><span role="checkbox" tabindex="0">A</span></div>')


def test_a_listbox_inside_a_combobox_or_a_datalist_needs_no_name(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    inside = (
        '<div role="combobox" aria-expanded="true" aria-controls="l" aria-label="State">'
        '<ul id="l" role="listbox"><li role="option">Ohio</li></ul></div>'
    )
    assert "html-aria-widget-name" not in findings_on(page, inside)
    datalist = '<datalist id="d" role="listbox"><option value="a"></option></datalist>'
    assert "html-aria-widget-name" not in findings_on(page, datalist)
    alone = '<ul role="listbox"><li role="option" aria-selected="false">Ohio</li></ul>'
    assert findings_on(page, alone).get("html-aria-widget-name") == "error"


def test_menu_holding_other_elements_is_left_to_the_html_validator(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    assert "html-lists" not in findings_on(page, "<menu><menuitem>Go</menuitem></menu>")
    assert findings_on(page, "<ul><p>Go</p></ul>").get("html-lists") == "error"


def test_an_object_whose_file_is_not_there_shows_its_fallback(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    fallback = '<object data="gone/index.html"><img src="x.png" alt="W3C logo"></object>'
    assert "html-object-alt" not in findings_on(page, fallback)
    (tmp_path / "there.html").write_text("<p>Hi</p>")
    shown = '<object data="there.html"><img src="x.png" alt="W3C logo"></object>'
    assert findings_on(page, shown).get("html-object-alt") == "error"


def test_labels_name_buttons_and_an_empty_labelledby_falls_back(tmp_path: Path) -> None:
    page = tmp_path / "p.html"

    unnamed = errs_on(page, "html-form-labels")

    # a <label> names input buttons, image buttons and selects too (axe-core)
    assert not unnamed('<label for="b">Send</label><input type="button" id="b">')
    assert not unnamed('<label>Go <input type="image" src="go.png"></label>')
    assert unnamed('<input type="button" id="b">')
    # aria-labelledby that gives no text leaves aria-label to name (accname 1.2, 2B)
    assert not unnamed('<span id="e"></span><input aria-labelledby="e" aria-label="Name">')
    assert unnamed('<span id="e"></span><input aria-labelledby="e">')
    # a label's own aria-label is its name
    assert not unnamed('<label for="n" aria-label="Name"></label><input id="n">')
    # submit and reset get their browser's name only without a value
    assert not unnamed('<input type="submit">')
    assert unnamed('<input type="submit" value="">')
    # an image button is named by alt, not by value; a select not by a placeholder
    assert unnamed('<input type="image" src="go.png" value="Go">')
    assert unnamed('<select placeholder="Pick"><option>A</option></select>')


def test_a_wrong_language_is_judged_where_it_reaches_text(tmp_path: Path) -> None:
    page = tmp_path / "p.html"

    wrong = errs_on(page, "html-lang-parts")

    assert wrong('<p lang="invalid">Text</p>')
    assert wrong('<p lang="  ">Text</p>')  # spaces only (axe-core valid-lang)
    assert wrong('<p xml:lang="en+us">Text</p>')  # an HTML page's xml:lang too
    # no text of its own: empty, a no-break space, hidden, or all in another language
    assert not wrong('<div lang="invalid"></div><div lang="invalid">&#160;</div>')
    assert not wrong('<p lang="invalid"><span style="display: none">Text</span></p>')
    assert not wrong('<article lang="invalid"><p lang="en">Text</p></article>')
    assert wrong('<article lang="invalid"><p>Text</p></article>')
    assert wrong('<p lang="invalid"><img src="a.png" alt="A cat"></p>')


def test_wrong_subtags_after_a_valid_language_are_a_warning(tmp_path: Path) -> None:
    # Stricter than axe-core on purpose (it reads the language only): documented in
    # docs/agreement.md, "Deliberately stricter".
    found = findings_on(tmp_path / "p.html", '<p lang="en-US-foobar">Text</p>')
    assert found.get("html-lang-subtags") == "warning"
    assert "html-lang-parts" not in found
    found = findings_on(tmp_path / "p.html", '<p lang="en-GB">Text</p>')
    assert "html-lang-subtags" not in found


def test_lang_and_xml_lang_are_compared_only_when_both_are_languages(tmp_path: Path) -> None:
    page = tmp_path / "p.html"

    def found(attributes: str) -> dict[str, str]:
        page.write_text(f"<!DOCTYPE html><html {attributes}><head><title>T</title></head>"
                        "<body><main><h1>T</h1></main></body></html>")  # fmt: skip
        from newsformats import check

        return {f.rule: f.severity for f in check([page]).findings}

    invalid = found('lang="fr" xml:lang="fr+fr"')
    assert invalid.get("html-lang") == "error" and "html-xml-lang-mismatch" not in invalid
    assert found('lang="fr" xml:lang="en"').get("html-xml-lang-mismatch") == "error"


def test_elements_given_a_control_role_have_a_name(tmp_path: Path) -> None:
    page = tmp_path / "p.html"

    unnamed = errs_on(page, "html-aria-control-name")

    group = '<div role="radiogroup" aria-label="Size">{}</div>'
    assert unnamed(group.format('<div role="radio" aria-checked="false" tabindex="0"></div>'))
    assert not unnamed(group.format('<div role="radio" aria-checked="false">Small</div>'))
    menu = '<ul role="menu">{}</ul>'
    assert unnamed(menu.format('<li role="menuitemcheckbox" aria-checked="true">  </li>'))
    assert unnamed(menu.format('<li role="menuitem"><span aria-hidden="true">x</span></li>'))
    assert not unnamed(menu.format('<li role="menuitem" aria-label="Close"></li>'))
    assert not unnamed(menu.format('<li role="menuitem" title="Close"></li>'))
    # an HTML element that names itself is left to its own rule (html-link-name, ...)
    assert not unnamed('<a href="x.html" role="button"><img src="x.png" alt=""></a>')
    # a list of fallback roles gives none (axe-core)
    assert not unnamed('<span role="button link" tabindex="0"></span>')


def test_aria_attribute_names_and_id_references(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    found = findings_on(page, '<div role="toolbar" aria-active="true" aria-label="T">x</div>')
    assert found.get("html-aria-valid-attr") == "error"
    found = findings_on(page, '<p aria-describedat="d.html">x</p>')  # never in ARIA 1.2
    assert found.get("html-aria-valid-attr") == "error"
    assert "html-aria-valid-attr" not in findings_on(page, '<p aria-hidden="true" aria-x="y">x</p>')

    bad_value = errs_on(page, "html-aria-valid-attr-value")

    # an active descendant must be in the page; a list of ids needs one that is
    toolbar = '<div role="toolbar" tabindex="0" aria-label="T" aria-activedescendant="{}">'
    assert bad_value(toolbar.format("gone") + '<div id="b1">x</div></div>')
    assert not bad_value(toolbar.format("b1") + '<div id="b1">x</div></div>')
    assert bad_value('<button type="button" aria-controls="gone">Open</button>')
    assert not bad_value(
        '<p id="p">x</p><button type="button" aria-controls="gone p">Open</button>'
    )
    # a closed or popup control may point at what is not loaded yet; labels are reviewed
    closed = '<button type="button" aria-expanded="false" aria-controls="gone">Open</button>'
    assert not bad_value(closed)
    assert not bad_value('<button type="button" aria-haspopup="menu" aria-controls="m">M</button>')
    assert not bad_value('<input aria-labelledby="gone" aria-label="Name">')
    # integers at least their least value, token lists of known tokens
    assert bad_value('<div role="heading" aria-level="0">T</div>')
    assert bad_value('<div aria-live="polite" aria-relevant="additions words">x</div>')
    assert not bad_value('<div aria-live="polite" aria-relevant="additions text">x</div>')


def test_lists_hold_only_their_items_and_no_text(tmp_path: Path) -> None:
    page = tmp_path / "p.html"

    broken = errs_on(page, "html-lists")

    assert broken("<dl> Text </dl>")  # axe-core definition-list: text outside dt and dd
    assert broken("<dl><dt>Tea</dt><p>Hot</p></dl>")
    assert not broken("<dl><div><dt>Tea</dt><dd>Hot</dd></div></dl>")
    assert not broken('<dl><dt>Tea</dt><span role="definition">Hot</span></dl>')
    assert broken("<ul>Loose text<li>An item</li></ul>")
    # hidden children are not read, and so not judged
    assert not broken("<ul><li>An item</li><div hidden>Later</div></ul>")
    assert broken("<ul><li>An item</li><div>Shown</div></ul>")
    assert not broken("<ul></ul><ol></ol><dl></dl>")


def test_what_a_closed_details_holds_is_not_shown(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    closed = "<details><summary>More</summary><input></details>"
    assert "html-form-labels" not in findings_on(page, closed)
    opened = "<details open><summary>More</summary><input></details>"
    assert findings_on(page, opened).get("html-form-labels") == "error"
    # its first summary is shown either way
    summary = "<details><summary><input></summary><p>Text</p></details>"
    assert findings_on(page, summary).get("html-form-labels") == "error"


def test_the_visible_text_of_a_control_stands_in_its_name(tmp_path: Path) -> None:
    mismatch = errs_on(tmp_path / "p.html", "html-label-content-name")
    assert mismatch('<button type="button" aria-label="Submit the form">Send</button>')
    assert mismatch('<span id="n">Next page</span><a href="2.html" aria-labelledby="n">More</a>')
    # the text in the name, in any case and without punctuation, passes
    assert not mismatch('<button type="button" aria-label="Send the form">SEND!</button>')
    assert not mismatch('<a href="2.html" aria-label="Read more about cats">Read more…</a>')
    # no text shown on screen (an image, hidden or off-screen text), or a name of one
    # letter or of symbols only: left for review, as axe-core does
    assert not mismatch('<a href="p.html" aria-label="Print"><img src="p.png" alt="Printer"></a>')
    hidden = '<a href="p.html" aria-label="Print"><span style="display:none">Go</span></a>'
    assert not mismatch(hidden)
    assert not mismatch('<button type="button" aria-label="Close">X</button>')
    assert not mismatch('<button type="button" aria-label="Next">→</button>')
    # not a widget, or no aria-label: nothing to compare
    assert not mismatch('<p aria-label="Intro">Hello</p>')
    assert not mismatch('<button type="button">Send</button>')


def test_an_html_element_with_no_role_takes_no_role_specific_state(tmp_path: Path) -> None:
    wrong = errs_on(tmp_path / "p.html", "html-aria-allowed-attr")
    assert wrong('<p>Fern<br aria-readonly="true">straße</p>')
    assert wrong('<div aria-checked="true">Agreed</div>')
    assert not wrong('<div role="checkbox" aria-checked="true" tabindex="0">Agreed</div>')
    assert not wrong('<div aria-live="polite" aria-label="Log">Saved</div>')  # global ones
    # an element of no HTML kind, with no role and no focus, is left for review
    assert not wrong('<my-switch aria-checked="true">On</my-switch>')
    assert wrong('<my-switch aria-checked="true" tabindex="0">On</my-switch>')


def test_allowed_states_as_axe_core_lists_them(tmp_path: Path) -> None:
    wrong = errs_on(tmp_path / "p.html", "html-aria-allowed-attr")
    tabs = '<div role="tablist" aria-level="2"><span role="tab" tabindex="0">A</span></div>'
    assert not wrong(tabs)  # axe-core allows aria-level on grids and tab lists
    assert wrong('<span role="link" tabindex="0" aria-readonly="true">Go</span>')
    assert not wrong('<div role="textbox" aria-readonly="true" aria-label="A" tabindex="0"></div>')
    assert not wrong('<div aria-required="false">x</div>')  # ignored by screen readers
    assert wrong('<div aria-required="true">x</div>')


def test_an_ancestor_listing_fallback_roles_gives_no_context(tmp_path: Path) -> None:
    # axe-core reads role="tree navigation" as no role at all, for the ancestors too
    lost = errs_on(tmp_path / "p.html", "html-aria-required-context")
    item = '<div id="i" role="treeitem" tabindex="0">Item</div>'
    assert lost(f'<div role="tree navigation" tabindex="0">{item}</div>')
    assert not lost(f'<div role="tree" tabindex="0">{item}</div>')


def test_an_svg_icon_names_its_button_by_its_title(tmp_path: Path) -> None:
    unnamed = errs_on(tmp_path / "p.html", "html-form-labels")
    icon = '<button type="button"><svg role="img"><title>{}</title><path d="M0 0"/></svg></button>'
    assert not unnamed(icon.format("Close"))  # SVG-AAM: the title names the svg
    assert unnamed(icon.format(""))
    hidden = '<button type="button"><svg aria-hidden="true"><title>Close</title></svg></button>'
    assert unnamed(hidden)
