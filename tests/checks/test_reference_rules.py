"""Rules that mirror axe-core's and Ace's: their verdicts on small pages and books."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsformats import check

HEAD = "<head><title>T</title></head>"


def rules_on(tmp_path: Path, body: str, html_attrs: str = 'lang="en"') -> dict[str, str]:
    page = tmp_path / "p.html"
    page.write_text(f"<!DOCTYPE html><html {html_attrs}>{HEAD}<body>{body}</body></html>")
    return {f.rule: f.severity for f in check([page]).findings}


@pytest.mark.parametrize(
    ("attrs", "flagged"),
    [
        ('lang="klingon"', True),
        ('lang="xx-QQ"', True),
        ('lang="fa-AF"', False),
        ('lang="tlh"', False),
    ],
)
def test_lang_is_checked_against_the_registry(tmp_path: Path, attrs: str, flagged: bool) -> None:
    found = rules_on(tmp_path, "<main><h1>T</h1></main>", attrs)
    assert ("html-lang" in found) is flagged


def test_lang_and_xml_lang_must_agree(tmp_path: Path) -> None:
    found = rules_on(tmp_path, "<main><h1>T</h1></main>", 'lang="en" xml:lang="fr"')
    assert found.get("html-xml-lang-mismatch") == "error"


def test_frame_needs_a_title(tmp_path: Path) -> None:
    found = rules_on(tmp_path, '<main><h1>T</h1><iframe src="x.html"></iframe></main>')
    assert found.get("html-frame-title") == "error"
    found = rules_on(tmp_path, '<main><h1>T</h1><iframe title="Map" src="x.html"></iframe></main>')
    assert "html-frame-title" not in found


def test_landmarks_satisfy_bypass_without_a_skip_link(tmp_path: Path) -> None:
    body = '<nav aria-label="S"><a href="/a">A</a></nav><main><h1>T</h1><p>x</p></main>'
    assert "html-skip-link" not in rules_on(tmp_path, body)
    bare = '<div><a href="/a">A</a></div><div><p>Text</p></div>'
    found = rules_on(tmp_path, bare)
    assert found.get("html-skip-link") == "warning"  # axe asks for a review, not a failure
    assert found.get("html-main") == "warning" and found.get("html-page-has-heading-one")


def test_best_practices_are_warnings(tmp_path: Path) -> None:
    body = "<main><h3>T</h3><p>x</p></main><p>outside every landmark</p>"
    found = rules_on(tmp_path, body)
    assert found.get("html-heading-order") == "warning"
    assert found.get("html-region") == "warning"
    assert found.get("html-page-has-heading-one") == "warning"
    assert "error" not in found.values()


def test_aria_rules(tmp_path: Path) -> None:
    body = (
        '<main><h1>T</h1><div role="heading">x</div><span role="buton">y</span>'
        '<button>go <a href="/x">there</a></button></main>'
    )
    found = rules_on(tmp_path, body)
    assert found.get("html-aria-required-attr") == "error"
    assert found.get("html-aria-roles") == "error"
    assert found.get("html-nested-interactive") == "error"


def test_lists_and_form_fields(tmp_path: Path) -> None:
    body = (
        "<main><h1>T</h1><ul><p>not an item</p></ul><div><li>stray</li></div>"
        '<input type="text" id="q"><button></button></main>'
    )
    found = rules_on(tmp_path, body)
    assert found.get("html-lists") == "error" and found.get("html-form-labels") == "error"
    fine = (
        '<main><h1>T</h1><ul><li>item</li></ul><label for="q">Search</label>'
        '<input type="text" id="q"><button>Go</button></main>'
    )
    found = rules_on(tmp_path, fine)
    assert "html-lists" not in found and "html-form-labels" not in found


def test_findings_name_the_reference_rule_they_mirror(tmp_path: Path) -> None:
    from newsformats.checks.reporters.json import report_data
    from newsformats.checks.reporters.sarif import sarif_log

    page = tmp_path / "p.html"
    page.write_text(
        '<html lang="klingon"><head><title>T</title></head><body><h1>T</h1></body></html>'
    )
    report = check([page])
    data = report_data(report)
    lang = next(f for f in data["findings"] if f["rule"] == "html-lang")
    assert "axe/html-lang-valid" in lang["mirrors"]
    sarif = sarif_log(report)
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "html-lang")
    assert "axe/html-lang-valid" in result["properties"]["mirrors"]


def test_hidden_content_is_not_judged_for_names(tmp_path: Path) -> None:
    # axe-core: image-alt, link-name and button-name skip what nobody perceives.
    hidden = (
        '<main><h1>T</h1><div style="display: none"><img src="a.png"></div>'
        '<a href="/x" hidden><img src="b.png"></a>'
        '<style>.gone { visibility: hidden }</style><button class="gone"></button></main>'
    )
    found = rules_on(tmp_path, hidden)
    assert not {"html-img-alt", "html-link-name", "html-form-labels"} & set(found)
    shown = '<main><h1>T</h1><img src="a.png"><a href="/x"><img src="b.png"></a></main>'
    assert {"html-img-alt", "html-link-name"} <= set(rules_on(tmp_path, shown))


def test_names_from_images_and_titles(tmp_path: Path) -> None:
    # An image's alt names its button; a title names an image and its link (as axe-core reads them).
    body = (
        '<main><h1>T</h1><button><img src="s.svg" alt="Search"></button>'
        '<a href="/w"><img src="w.png" title="Web Accessibility Initiative"></a></main>'
    )
    assert not {"html-form-labels", "html-img-alt", "html-link-name"} & set(
        rules_on(tmp_path, body)
    )


def test_inactive_controls_and_invisible_text_are_exempt_from_contrast(tmp_path: Path) -> None:
    # WCAG 1.4.3: text of an inactive control, and its label, has no contrast requirement.
    grey = "color: #888; background: white"
    body = (
        f'<main><h1>T</h1><button style="{grey}" disabled>Send</button>'
        f'<label style="{grey}">Name <input disabled></label>'
        f'<fieldset disabled style="{grey}"><label>Mail <input></label></fieldset>'
        f'<div role="button" aria-disabled="true" style="{grey}">Go</div></main>'
    )
    assert "html-contrast" not in rules_on(tmp_path, body)
    invisible = '<main><h1>T</h1><p style="color: white; background: white">x</p></main>'
    assert "html-contrast" not in rules_on(tmp_path, invisible)  # axe-core asks for a review
    assert "html-contrast" in rules_on(tmp_path, f'<main><h1>T</h1><p style="{grey}">Hi</p></main>')


def test_autocomplete_values_are_autofill_names(tmp_path: Path) -> None:
    # axe-core autocomplete-valid, WCAG 1.3.5: HTML's autofill detail tokens, in order.
    def flagged(value: str) -> bool:
        body = f'<main><h1>T</h1><label>F <input autocomplete="{value}"></label></main>'
        return "html-autocomplete-valid" in rules_on(tmp_path, body)

    assert not flagged("section-a shipping work email")
    assert not flagged("off")
    assert flagged("work photo")  # work/home… only with contact fields
    assert flagged("work shipping email")  # shipping comes first
    assert flagged("shipping")
    assert flagged("email invalid")


def test_inline_spacing_locked_below_the_text_spacing_minimum(tmp_path: Path) -> None:
    # axe-core avoid-inline-spacing, WCAG 1.4.12: the value that reaches the text counts.
    def flagged(body: str) -> bool:
        return "html-inline-spacing" in rules_on(tmp_path, f"<main><h1>T</h1>{body}</main>")

    assert flagged('<p style="letter-spacing: 0.1em !important">Text</p>')
    assert flagged('<p style="word-spacing: normal !important">Text</p>')
    assert not flagged('<p style="letter-spacing: 0.1em">Text</p>')  # users can override it
    assert not flagged('<p style="letter-spacing: 0.2em !important">Text</p>')
    nested = (
        '<div style="letter-spacing: 0.1em !important"><p style="letter-spacing: 0.2em">X</p></div>'
    )
    assert not flagged(nested)
    assert not flagged(
        '<p style="position: absolute; top: -999em; letter-spacing: 0 !important">X</p>'
    )


def test_objects_fields_and_hidden_focus(tmp_path: Path) -> None:
    found = rules_on(
        tmp_path,
        '<main><h1>T</h1><object data="a.mp3"></object><div role="textbox"></div>'
        '<div aria-hidden="true"><a href="/x">X</a></div></main>',
    )
    assert {"html-object-alt", "html-aria-widget-name", "html-aria-hidden-focus"} <= set(found)
    named = rules_on(
        tmp_path,
        '<main><h1>T</h1><object data="a.mp3" title="Speech"></object>'
        '<div role="textbox" aria-label="Name"></div>'
        '<div aria-hidden="true"><a href="/x" tabindex="-1">X</a></div></main>',
    )
    assert not {"html-object-alt", "html-aria-widget-name", "html-aria-hidden-focus"} & set(named)


def test_aria_values_and_table_headers(tmp_path: Path) -> None:
    found = rules_on(
        tmp_path,
        '<main><h1>T</h1><div role="button" aria-pressed="horizontal">B</div>'
        '<table><tr><th id="a">A</th></tr><tr><td headers="b">1</td></tr></table></main>',
    )
    assert {"html-aria-valid-attr-value", "html-td-headers"} <= set(found)
    good = rules_on(
        tmp_path,
        '<main><h1>T</h1><div role="button" aria-pressed="mixed">B</div>'
        '<div role="slider" aria-label="S" aria-valuenow="2.5" tabindex="0"></div>'
        '<table><tr><th id="a">A</th></tr><tr><td headers="a">1</td></tr></table></main>',
    )
    assert not {"html-aria-valid-attr-value", "html-td-headers"} & set(good)


def test_an_object_the_browser_shows_hides_its_fallback_text(tmp_path: Path) -> None:
    # axe-core object-alt: an object showing its image is named by aria-label or title,
    # not by the fallback text it hides; one the browser cannot show reads its fallback
    # (and so does one whose file is not there: tests/checks/test_html_ibm2.py).
    for name in ("chart.svg", "x.bin", "talk.mp3"):
        (tmp_path / name).write_bytes(b"")

    def flagged(body: str) -> bool:
        return "html-object-alt" in rules_on(tmp_path, f"<main><h1>T</h1>{body}</main>")

    assert flagged('<object data="chart.svg">A chart of sales</object>')
    assert flagged('<object data="x.bin" type="image/png">A chart of sales</object>')
    assert not flagged('<object data="chart.svg" title="A chart of sales">Sales</object>')
    assert not flagged('<object data="talk.mp3">A talk about sales</object>')
