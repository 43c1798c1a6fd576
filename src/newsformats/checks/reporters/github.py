"""GitHub Actions workflow commands: each finding becomes an annotation on the file."""

from __future__ import annotations

from ..findings import CheckReport

COMMANDS = {"error": "error", "warning": "warning", "notice": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_report(report: CheckReport) -> str:
    """One ``::error file=…,line=…,title=…::message`` line per finding.

    >>> github_report(CheckReport(findings=(), files=()))
    ''
    """
    lines = []
    for finding in report.findings:
        properties = [f"file={_escape_property(finding.file)}"]
        if finding.location.line is not None and finding.location.member is None:
            properties.append(f"line={finding.location.line}")
        properties.append(f"title={_escape_property(finding.rule)}")
        where = str(finding.location)
        message = f"{finding.message}{' (' + where + ')' if where else ''} fix: {finding.fix}"
        lines.append(
            f"::{COMMANDS[finding.severity]} {','.join(properties)}::{_escape_data(message)}"
        )
    return "\n".join(lines)
