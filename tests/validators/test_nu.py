"""The Nu HTML Checker harness passes good pages and fails broken ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsformats.validators import ValidatorMessage, nu


def test_good_html_page_has_no_message_at_all(
    nu_messages: dict[str, list[ValidatorMessage]],
) -> None:
    assert nu_messages["good.html"] == []


def test_good_xhtml_page_has_no_message_at_all(
    nu_messages: dict[str, list[ValidatorMessage]],
) -> None:
    assert nu_messages["good.xhtml"] == []


def test_broken_page_gives_an_error_on_the_img_line(
    nu_messages: dict[str, list[ValidatorMessage]],
) -> None:
    errors = [m for m in nu_messages["bad.html"] if m.severity == "error"]
    alt = [m for m in errors if "alt" in m.message]
    assert alt, nu_messages["bad.html"]
    # BAD_HTML has its <img> on line 10: locations are real line:col.
    assert alt[0].location == "10:1"
    assert alt[0].tool == "nu"
    assert alt[0].file.endswith("bad.html")


def test_missing_lang_is_kept_as_a_warning(nu_messages: dict[str, list[ValidatorMessage]]) -> None:
    warnings = [m for m in nu_messages["bad.html"] if m.severity == "warning"]
    assert any("lang" in m.message for m in warnings), nu_messages["bad.html"]


def test_xhtml_files_are_parsed_as_xml(nu_messages: dict[str, list[ValidatorMessage]]) -> None:
    # The same bytes: an unclosed <br> is a fatal XML error only in .xhtml.
    assert any(m.rule == "fatal" for m in nu_messages["bad.xhtml"]), nu_messages["bad.xhtml"]
    assert not any(m.rule == "fatal" for m in nu_messages["bad-xhtml-as.html"])


def test_missing_file_is_an_error_not_a_pass(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        nu.check_html([tmp_path / "nowhere.html"])


def test_report_severities_are_mapped() -> None:
    report = {
        "messages": [
            {"type": "error", "url": "file:/x/a.html", "lastLine": 3, "firstColumn": 2},
            {"type": "error", "subType": "fatal", "url": "file:/x/a.html", "lastLine": 4},
            {"type": "info", "subType": "warning", "url": "file:/x/a.html", "message": "w"},
            {"type": "info", "url": "file:/x/a%20b.html", "message": "i"},
            {"type": "non-document-error", "subType": "io", "message": "cannot read"},
        ]
    }
    messages = nu.parse_report(report, [Path("/x/a b.html")])
    assert [m.severity for m in messages] == ["error", "error", "warning", "info", "error"]
    assert [m.rule for m in messages] == ["error", "fatal", "warning", "info", "io"]
    assert messages[0].location == "3:2"
    assert messages[1].location == "4"
    assert messages[3].file == "/x/a b.html"
