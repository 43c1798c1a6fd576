"""Agreement with the reference validators on a sample of their own test suites.

The sample (tests/data/suites, with its licence notice) holds files of the
veraPDF PDF/UA-1 corpus, DAISY Ace's fixtures, axe-core's integration pages,
the W3C ACT rules' test cases and the GDS accessibility tool audit's pages (of the
tuned half only, with the style sheet they share),
and each file's reference verdict; bench/bench_agreement.py runs the whole suites.
"""

from __future__ import annotations

import json

import pytest

from helpers import ROOT
from newsformats.checks.registry import Target
from newsformats.checks.runner import check_file

SUITES = ROOT / "tests" / "data" / "suites"
REFERENCE: dict[str, dict[str, object]] = json.loads(
    (SUITES / "reference.json").read_text(encoding="utf-8")
)
KINDS: dict[str, Target] = {
    "verapdf": "pdf",
    "ace": "epub",
    "axe": "html",
    "act": "html",
    "gds": "html",
}


@pytest.mark.parametrize("name", sorted(REFERENCE))
def test_verdict_agrees_with_the_reference(name: str) -> None:
    suite = name.split("/")[0]
    findings = check_file(KINDS[suite], SUITES / name)
    errors = [f for f in findings if f.severity == "error"]
    assert not [f for f in findings if "could not be checked" in f.message]
    expected = REFERENCE[name]
    assert bool(errors) == expected["fails"], [(f.rule, f.message) for f in errors]
    if not expected["fails"]:
        return
    # A reference rule that fails the file is mirrored by one of our errors.
    mirrored = {m for f in errors for m in f.mirrors}
    assert any(
        m == rule
        or str(rule).startswith(m + ".")
        or (rule.startswith("epubcheck/") and "epubcheck/" in m)
        for rule in expected["rules"]  # type: ignore[attr-defined]
        for m in mirrored
    ), (expected["rules"], sorted(mirrored))


def test_sample_has_passes_and_failures_of_every_suite() -> None:
    for suite in KINDS:
        verdicts = {v["fails"] for k, v in REFERENCE.items() if k.startswith(suite + "/")}
        assert verdicts == {True, False}, suite


def test_sample_carries_its_licences() -> None:
    assert (SUITES / "NOTICE.md").is_file()
    for suite in KINDS:
        assert (SUITES / suite / "LICENSE.txt").stat().st_size > 100, suite


def test_percent_encoded_package_path_opens() -> None:
    findings = check_file("epub", SUITES / "ace" / "issue-290.epub")
    assert "epub-readable" not in {f.rule for f in findings}
    assert "epub-structure" in {f.rule for f in findings}  # EPUB 3 metadata in an EPUB 2 package
