"""The Ace harness passes an accessible EPUB and fails an inaccessible one."""

from __future__ import annotations

from pathlib import Path

from newsformats.validators import ValidatorMessage, ace


def test_accessible_epub_has_no_violation(ace_messages: dict[str, list[ValidatorMessage]]) -> None:
    assert ace_messages["good.epub"] == []


def test_inaccessible_epub_gives_the_expected_rules(
    ace_messages: dict[str, list[ValidatorMessage]],
) -> None:
    messages = ace_messages["bad.epub"]
    rules = {m.rule for m in messages}
    expected = {
        "metadata-accessmode",
        "metadata-accessibilityfeature",
        "metadata-accessibilityhazard",
        "metadata-accessibilitysummary",
        "image-alt",
    }
    assert expected <= rules, messages
    image = next(m for m in messages if m.rule == "image-alt")
    assert image.severity == "error"  # impact "critical"
    assert image.location is not None and image.location.endswith("article.xhtml: img")
    summary = next(m for m in messages if m.rule == "metadata-accessibilitysummary")
    assert summary.severity == "warning"  # impact "moderate"
    assert summary.location == "EPUB/package.opf"


def test_a_file_that_is_no_epub_fails(tmp_path: Path) -> None:
    junk = tmp_path / "junk.epub"
    junk.write_bytes(b"this is not a zip file")
    messages = ace.check_epubs([junk])
    assert [m.rule for m in messages] == ["ace-failed"], messages


def test_overall_fail_without_assertions_is_still_a_failure() -> None:
    report = {"earl:result": {"earl:outcome": "fail"}, "assertions": []}
    assert [m.rule for m in ace.parse_report(report, "x.epub")] == ["ace-fail"]


def test_passed_assertions_are_not_messages() -> None:
    report = {
        "earl:result": {"earl:outcome": "pass"},
        "assertions": [
            {
                "earl:testSubject": {"url": "a.xhtml"},
                "assertions": [{"earl:result": {"earl:outcome": "pass"}, "earl:test": {}}],
            }
        ],
    }
    assert ace.parse_report(report, "x.epub") == []
