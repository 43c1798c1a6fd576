"""The report as JUnit XML: one test suite per file, one failing test case per finding."""

from __future__ import annotations

from itertools import groupby

from lxml import etree

from ..findings import CheckReport


def junit_report(report: CheckReport) -> str:
    """JUnit XML that CI systems show as test results; a clean file is one passing case.

    >>> junit_report(CheckReport(findings=(), files=("a.pdf",))).count("<testcase")
    1
    """
    suites = etree.Element("testsuites", name="newsformats check")
    by_file = {file: list(found) for file, found in groupby(report.findings, key=lambda f: f.file)}
    total_failures = 0
    for file in list(report.files) + [f for f in by_file if f not in report.files]:
        findings = by_file.get(file, [])
        failures = [f for f in findings if f.severity != "notice"]
        total_failures += len(failures)
        suite = etree.SubElement(
            suites,
            "testsuite",
            name=file,
            tests=str(max(1, len(findings))),
            failures=str(len(failures)),
            errors="0",
            skipped=str(len(findings) - len(failures)),
        )
        if not findings:
            etree.SubElement(suite, "testcase", classname=file, name="accessibility")
        for finding in findings:
            where = str(finding.location)
            case = etree.SubElement(
                suite, "testcase", classname=file, name=f"{finding.rule} {where}".strip()
            )
            if finding.severity == "notice":
                etree.SubElement(case, "skipped", message=finding.message)
                continue
            failure = etree.SubElement(
                case, "failure", message=finding.message, type=finding.severity
            )
            refs = "\n".join(f"{r}: {r.url}" for r in finding.references)
            failure.text = f"{finding.message}\nfix: {finding.fix}\n{refs}"
    suites.set("tests", str(sum(int(s.get("tests", "0")) for s in suites)))
    suites.set("failures", str(total_failures))
    text: str = etree.tostring(
        suites, pretty_print=True, xml_declaration=True, encoding="UTF-8"
    ).decode()
    return text.rstrip("\n")
