"""The report as SARIF 2.1.0, for code scanning (GitHub and others)."""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from ...version import __version__
from ..findings import CheckReport, Finding
from ..registry import all_rules

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "notice": "note"}


def sarif_log(report: CheckReport) -> dict[str, Any]:
    """The SARIF log as data: one run of newsformats, rules with help and references."""
    rules = {r.id: r for r in all_rules()}
    used = sorted({f.rule for f in report.findings} | set(rules))
    descriptors = [_descriptor(rule_id, rules.get(rule_id), report) for rule_id in used]
    index = {rule_id: i for i, rule_id in enumerate(used)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "newsformats check",
                "version": __version__,
                "rules": descriptors,
            }
        },
        "results": [_result(f, index[f.rule]) for f in report.findings],
        "artifacts": [{"location": {"uri": _uri(file)}} for file in report.files],
    }
    if report.unavailable:
        run["invocations"] = [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": [
                    {"level": "note", "message": {"text": f"{tool} not run: {reason}"}}
                    for tool, reason in report.unavailable.items()
                ],
            }
        ]
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def sarif_report(report: CheckReport) -> str:
    """The SARIF log as indented JSON.

    >>> '"version": "2.1.0"' in sarif_report(CheckReport(findings=(), files=()))
    True
    """
    return json.dumps(sarif_log(report), indent=2, ensure_ascii=False)


def _uri(file: str) -> str:
    path = PurePath(file)
    return path.as_uri() if path.is_absolute() else quote(path.as_posix())


def _descriptor(rule_id: str, rule: Any, report: CheckReport) -> dict[str, Any]:
    if rule is None:  # a validator's rule, known only from its findings
        sample = next(f for f in report.findings if f.rule == rule_id)
        external: dict[str, Any] = {
            "id": rule_id,
            "shortDescription": {"text": rule_id},
            "help": {"text": sample.fix},
        }
        if sample.references and sample.references[0].url:
            external["helpUri"] = sample.references[0].url
        return external
    references = "\n".join(f"- {r}: {r.url}" for r in rule.references)
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "shortDescription": {"text": rule.summary.replace("`", "")},
        "fullDescription": {"text": rule.doc or rule.summary.replace("`", "")},
        "help": {"text": f"{rule.fix}\n{references}".strip()},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "tags": ["accessibility", rule.target, f"wcag-level-{rule.level}"],
            "mirrors": list(rule.mirrors),
        },
    }
    if rule.references:
        descriptor["helpUri"] = rule.references[0].url
    return descriptor


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(finding.file)}}
    line = finding.location.line
    if line is not None and line > 0 and finding.location.member is None:
        physical["region"] = {"startLine": finding.location.line}
    location: dict[str, Any] = {"physicalLocation": physical}
    where = str(finding.location)
    if where:
        location["logicalLocations"] = [{"fullyQualifiedName": where}]
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": f"{finding.message} Fix: {finding.fix}"},
        "locations": [location],
    }
    if finding.mirrors:
        result["properties"] = {"mirrors": list(finding.mirrors)}
    return result
