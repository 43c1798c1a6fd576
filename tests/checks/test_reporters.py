"""Reports: SARIF 2.1.0 validates against its schema, JUnit XML parses, JSON and GitHub lines."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from newsformats import check
from newsformats.checks import CheckReport
from newsformats.checks.reporters import REPORTERS
from newsformats.checks.reporters.text import text_report

SCHEMA = Path(__file__).parent / "data" / "sarif-2.1.0-rtm.5.json"


@pytest.fixture(scope="module")
def report(broken: dict[str, Path]) -> CheckReport:
    return check(
        [broken["html"], broken["epub"], broken["pdf"], broken["mp3"], broken["good-html"]]
    )


def test_sarif_validates_against_the_schema(report: CheckReport) -> None:
    log = json.loads(REPORTERS["sarif"](report, False))
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert len(run["results"]) == len(report.findings)
    rules = run["tool"]["driver"]["rules"]
    first = run["results"][0]
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"]
    assert any(r["id"] == "html-lang" and "WCAG 2.2 3.1.1" in r["help"]["text"] for r in rules)


def test_junit_xml_parses(report: CheckReport) -> None:
    root = etree.fromstring(REPORTERS["junit"](report, False).encode())
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == len(report.files)
    failures = sum(int(s.get("failures", "0")) for s in suites)
    assert failures == sum(1 for f in report.findings if f.severity != "notice")
    good = [s for s in suites if s.get("name", "").endswith("good.html")]
    assert good and good[0].get("failures") == "0" and len(good[0].findall("testcase")) == 1


def test_json_has_every_finding(report: CheckReport) -> None:
    data = json.loads(REPORTERS["json"](report, False))
    assert data["summary"]["error"] == report.count("error")
    assert data["findings"][0]["references"][0]["url"].startswith("https://")


def test_github_annotations(report: CheckReport) -> None:
    lines = REPORTERS["github"](report, False).splitlines()
    assert len(lines) == len(report.findings)
    assert any(line.startswith("::error file=") and "title=html-lang::" in line for line in lines)
    assert all("\n" not in line for line in lines)


def test_text_groups_by_file_and_colours_only_when_asked(report: CheckReport) -> None:
    plain = text_report(report, color=False)
    assert "\033[" not in plain
    assert "\033[31merror" in text_report(report, color=True)
    files = [line for line in plain.splitlines() if line and not line.startswith(" ")]
    assert files[0].endswith("broken.html")
    assert plain.splitlines()[-1].startswith("5 files checked")
