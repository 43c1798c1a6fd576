"""``--deep``: run the public validators that are installed and merge their findings.

Nu HTML Checker and axe-core (in Chromium, light and dark colour schemes) judge
the HTML pages; EPUBCheck and DAISY Ace judge the EPUBs. Their messages become
findings whose rule id is ``<tool>/<their rule>`` (``axe/color-contrast``,
``epubcheck/RSC-005``), so ``--select``/``--ignore`` work on them too. A
validator that is not installed, or fails to run, is reported as unavailable
with the reason, never silently skipped.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from .findings import Finding, Location, Reference, Severity
from .registry import Target, is_selected

DEEP_TOOLS = ("nu", "axe", "epubcheck", "ace")
HARNESS = "newsformats.validators"
TOOL_DOCS = {
    "nu": ("Nu HTML Checker", "https://validator.github.io/validator/"),
    "axe": ("axe-core rules", "https://dequeuniversity.com/rules/axe/"),
    "epubcheck": ("EPUBCheck messages", "https://www.w3.org/publishing/epubcheck/"),
    "ace": ("DAISY Ace rules", "https://daisy.github.io/ace/"),
}
SEVERITY: dict[str, Severity] = {"error": "error", "warning": "warning", "info": "notice"}


def run_validators(
    targets: Sequence[tuple[Target, Path]],
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> tuple[list[Finding], dict[str, str]]:
    """Run every installed validator on the files it judges.

    Returns the findings and, for each validator that could not run, why.

    >>> findings, unavailable = run_validators([("epub", Path("out/a.epub"))])  # doctest: +SKIP
    >>> unavailable                                                           # doctest: +SKIP
    {'ace': 'Ace (npm @daisy/ace) is missing; install it with: bash scripts/install-tools.sh'}
    """
    wanted = [tool for tool in DEEP_TOOLS if is_selected(tool, select, ignore)]
    try:
        harness: Any = importlib.import_module(HARNESS)
        status: dict[str, str | None] = harness.available_validators()
    except ImportError as error:
        return [], {tool: f"the validator harness is missing ({error})" for tool in wanted}
    pages = [path for kind, path in targets if kind == "html"]
    epubs = [path for kind, path in targets if kind == "epub"]
    runs = {
        "nu": (pages, _nu),
        "axe": (pages, _axe),
        "epubcheck": (epubs, _epubcheck),
        "ace": (epubs, _ace),
    }
    findings: list[Finding] = []
    unavailable: dict[str, str] = {}
    for tool in wanted:
        files, run = runs[tool]
        if not files:
            continue
        reason = status.get(tool)
        if reason:
            unavailable[tool] = reason
            continue
        try:
            messages = run(files)
        except Exception as error:  # a validator that breaks is reported, not raised
            unavailable[tool] = f"failed: {type(error).__name__}: {' '.join(str(error).split())}"
            continue
        for message in messages:
            finding = to_finding(message)
            if is_selected(finding.rule, select, ignore):
                findings.append(finding)
    return findings, unavailable


def to_finding(message: Any) -> Finding:
    """A validator's message as a finding (``ValidatorMessage`` → :class:`Finding`)."""
    title, url = TOOL_DOCS.get(message.tool, (message.tool, ""))
    rule = str(message.rule)
    if message.tool == "axe":
        url = f"{url}{rule}"
    return Finding(
        rule=f"{message.tool}/{rule}",
        severity=SEVERITY.get(message.severity, "error"),
        file=str(message.file),
        location=Location(element=message.location),
        message=" ".join(str(message.message).split()),
        fix=f"See {title}: {rule}.",
        references=(Reference(title, rule, "", url),),
        tool=message.tool,
    )


def _module(name: str) -> Any:
    return importlib.import_module(f"{HARNESS}.{name}")


def _nu(paths: list[Path]) -> list[Any]:
    result: list[Any] = _module("nu").check_html(paths)
    return result


def _axe(paths: list[Path]) -> list[Any]:
    # Playwright's sync API refuses to run in a thread that already has an event
    # loop (an async caller, or another browser session): give it a thread of its own.
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(_axe_in_this_thread, paths).result()


def _axe_in_this_thread(paths: list[Path]) -> list[Any]:
    messages: list[Any] = []
    with _module("axe").AxeRunner() as runner:
        for path in paths:
            for scheme in ("light", "dark"):
                messages += runner.check(path, color_scheme=scheme)
    return messages


def _epubcheck(paths: list[Path]) -> list[Any]:
    result: list[Any] = _module("epubcheck").check_epubs(paths)
    return result


def _ace(paths: list[Path]) -> list[Any]:
    result: list[Any] = _module("ace").check_epubs(paths)
    return result
