"""Run the selected rules over the files and collect their findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from .findings import Finding, Location
from .loaders import Unreadable
from .registry import RULES, Level, Rule, Target, active_rules, all_rules, is_selected

Loader = Callable[[Path], Any]


def _loaders() -> dict[Target, Loader]:
    from .loaders.article import load_article
    from .loaders.audio import load_audio
    from .loaders.epub import load_epub
    from .loaders.html import load_html
    from .loaders.pdf import load_pdf

    return {
        "html": load_html,
        "epub": load_epub,
        "pdf": load_pdf,
        "audio": load_audio,
        "article": load_article,
    }


def check_file(
    target: Target,
    path: Path,
    *,
    level: Level = "AA",
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> list[Finding]:
    """Every finding of the selected rules on one file."""
    all_rules()  # registers the rules, so that RULES is complete
    try:
        subject = _loaders()[target](path)
    except Unreadable as error:
        readable = RULES[f"{target}-readable"]
        if not is_selected(readable.id, select, ignore):
            return []
        return [_finding(readable, str(path), Location(), str(error))]
    try:
        findings = run_rules(
            active_rules(target, level=level, select=select, ignore=ignore), subject
        )
        if target == "epub":
            html_rules = [
                r
                for r in active_rules("html", level=level, select=select, ignore=ignore)
                if r.in_epub
            ]
            for page in subject.rendered_pages:
                findings += run_rules(html_rules, page)
        return findings
    finally:
        close = getattr(subject, "close", None)
        if close is not None:
            close()


def check_consistency(
    targets: Sequence[tuple[Target, Path]],
    *,
    level: Level = "AA",
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    together: bool = False,
) -> list[Finding]:
    """Compare the outputs of each article with each other (``consistency-*`` rules)."""
    rules = active_rules("consistency", level=level, select=select, ignore=ignore)
    if not rules:
        return []
    from .loaders.outputs import group, load_outputs

    findings: list[Finding] = []
    for paths in group(targets, together=together):
        findings += run_rules(rules, load_outputs(paths))
    return findings


def run_rules(rules: Iterable[Rule], subject: Any) -> list[Finding]:
    """Run rules on one loaded file; a rule that breaks on a hostile file says so."""
    findings: list[Finding] = []
    for rule in rules:
        try:
            for problem in rule.check(subject):
                findings.append(_finding(rule, subject.file, problem.location, problem.message))
        except Exception as error:  # a hostile file must give a finding, not a traceback
            message = f"could not be checked: {type(error).__name__}: {error}"
            findings.append(_finding(rule, subject.file, Location(), " ".join(message.split())))
    return findings


def _finding(rule: Rule, file: str, location: Location, message: str) -> Finding:
    return Finding(
        rule.id,
        rule.severity,
        file,
        location,
        message,
        rule.fix,
        rule.references,
        mirrors=rule.mirrors,
    )
