"""Reports of a check run: for people, for programs and for CI systems.

``REPORTERS`` maps a format name to a function ``(CheckReport, color) -> str``.
"""

from __future__ import annotations

from collections.abc import Callable

from ..findings import CheckReport
from .github import github_report
from .json import json_report
from .junit import junit_report
from .sarif import sarif_report
from .text import text_report

Reporter = Callable[[CheckReport, bool], str]

REPORTERS: dict[str, Reporter] = {
    "text": text_report,
    "json": lambda report, color: json_report(report),
    "junit": lambda report, color: junit_report(report),
    "sarif": lambda report, color: sarif_report(report),
    "github": lambda report, color: github_report(report),
}
