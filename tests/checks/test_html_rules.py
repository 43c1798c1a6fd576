"""HTML rules on a page with known problems, and on a good one."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsformats import check
from newsformats.checks import Finding


@pytest.fixture(scope="module")
def findings(broken: dict[str, Path]) -> list[Finding]:
    return list(check([broken["html"]]).findings)


def rules_of(findings: list[Finding]) -> set[str]:
    return {f.rule for f in findings}


def one(findings: list[Finding], rule: str) -> Finding:
    found = [f for f in findings if f.rule == rule]
    assert found, f"{rule} not reported: {rules_of(findings)}"
    return found[0]


def test_missing_lang_is_reported_with_wcag_311(findings: list[Finding]) -> None:
    finding = one(findings, "html-lang")
    assert finding.severity == "error"
    assert [r.id for r in finding.references] == ["3.1.1"]
    assert finding.references[0].url.endswith("/language-of-page.html")


def test_missing_title_main_and_skip_link(findings: list[Finding]) -> None:
    assert {"html-title", "html-main"} <= rules_of(findings)
    assert one(findings, "html-main").references[0].id == "1.3.1"


def test_img_without_alt_names_the_element(findings: list[Finding]) -> None:
    finding = one(findings, "html-img-alt")
    assert finding.location.element == "#no-alt"
    assert finding.location.line == 16
    assert finding.references[0].id == "1.1.1"


def test_alt_that_is_a_file_name(findings: list[Finding]) -> None:
    assert one(findings, "html-img-alt-filename").location.element == "#file-alt"


def test_skipped_heading_level(findings: list[Finding]) -> None:
    finding = one(findings, "html-heading-order")
    assert finding.location.element == "#skipped"
    assert "<h3> follows <h1>" in finding.message


def test_vague_link_text(findings: list[Finding]) -> None:
    finding = one(findings, "html-link-text")
    assert finding.severity == "warning"
    assert finding.location.element == "#vague"


def test_two_navigation_landmarks_without_labels(findings: list[Finding]) -> None:
    assert "2 navigation landmarks" in one(findings, "html-landmark-labels").message


def test_low_contrast_through_a_custom_property(findings: list[Finding]) -> None:
    finding = one(findings, "html-contrast")
    assert finding.location.element == "#faint"
    assert "#999999 on #ffffff" in finding.message
    assert finding.references[0].id == "1.4.3"


def test_good_page_has_no_findings(broken: dict[str, Path]) -> None:
    assert check([broken["good-html"]]).findings == ()


def test_skip_link_to_a_missing_target(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        '<html lang="en"><head><title>T</title></head><body><a href="#content">Skip</a>'
        '<main id="main"><h1>T</h1></main></body></html>'
    )
    finding = one(list(check([page]).findings), "html-skip-link")
    assert "#content" in finding.message


def test_alt_repeating_the_caption_and_long_alt(tmp_path: Path) -> None:
    long_alt = "A very long description " * 8
    page = tmp_path / "p.html"
    page.write_text(
        '<html lang="en"><head><title>T</title></head><body><a href="#main">Skip</a>'
        '<main id="main"><h1>T</h1><figure><img src="a.jpg" alt="Leaders meet in Dushanbe.">'
        "<figcaption>Leaders meet in Dushanbe</figcaption></figure>"
        f'<img src="b.jpg" alt="{long_alt}"></main></body></html>'
    )
    assert {"html-img-alt-caption", "html-img-alt-long"} <= rules_of(list(check([page]).findings))


def test_invalid_lang_tag(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text('<html lang="english!"><head><title>T</title></head><body></body></html>')
    assert "not a BCP 47" in one(list(check([page]).findings), "html-lang").message
