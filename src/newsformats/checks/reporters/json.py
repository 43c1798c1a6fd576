"""The report as JSON, for programs."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from ..findings import CheckReport


def report_data(report: CheckReport) -> dict[str, Any]:
    """The report as plain data (what :func:`json_report` prints)."""
    return {
        "level": report.level,
        "files": list(report.files),
        "summary": {s: report.count(s) for s in ("error", "warning", "notice")},
        "unavailable": dict(report.unavailable),
        "findings": [asdict(f) for f in report.findings],
    }


def json_report(report: CheckReport) -> str:
    """The report as indented JSON.

    >>> print(json_report(CheckReport(findings=(), files=())).splitlines()[1])
      "level": "AA",
    """
    return json.dumps(report_data(report), indent=2, ensure_ascii=False)
