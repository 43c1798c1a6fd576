"""The report for people: findings grouped by file, coloured on a terminal."""

from __future__ import annotations

from itertools import groupby

from ..findings import CheckReport, Finding

COLORS = {"error": "\033[31m", "warning": "\033[33m", "notice": "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


def text_report(report: CheckReport, color: bool = False) -> str:
    """Findings under the file they belong to, then a summary line.

    >>> print(text_report(CheckReport(findings=(), files=("a.html",))))
    1 file checked (WCAG level AA): no findings.
    """

    def paint(text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if color else text

    lines: list[str] = []
    for file, findings in groupby(report.findings, key=lambda f: f.file):
        lines.append(paint(file, BOLD))
        for finding in findings:
            lines.extend(_finding_lines(finding, paint))
        lines.append("")
    for tool, reason in report.unavailable.items():
        lines.append(paint(f"not run: {tool}: {reason}", DIM))
    counts = [
        f"{report.count(s)} {s}{'s' if report.count(s) != 1 else ''}"
        for s in ("error", "warning", "notice")
        if report.count(s)
    ]
    files = f"{len(report.files)} file{'s' if len(report.files) != 1 else ''} checked"
    summary = ", ".join(counts) if counts else "no findings"
    lines.append(f"{files} (WCAG level {report.level}): {summary}.")
    return "\n".join(lines)


def _finding_lines(finding: Finding, paint: object) -> list[str]:
    assert callable(paint)
    where = str(finding.location)
    head = f"  {paint(finding.severity, COLORS[finding.severity])} {finding.rule}"
    lines = [f"{head}{': ' + where if where else ''}", f"    {finding.message}"]
    lines.append(paint(f"    fix: {finding.fix}", DIM))
    if finding.references:
        refs = "; ".join(str(r) for r in finding.references)
        lines.append(paint(f"    see: {refs}", DIM))
    return lines
