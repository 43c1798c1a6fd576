"""``newsformats check``: accessibility checks that read the output files themselves.

They judge HTML pages, EPUB publications, PDFs, MP3s (with their WebVTT
transcripts) and article inputs, whoever made them, with rules that cite WCAG
2.2, EPUB Accessibility 1.1 and PDF/UA-1 (Matterhorn Protocol). ``deep=True``
also runs the public validators that are installed.

>>> from newsformats import check
>>> report = check(["out/"])          # doctest: +SKIP
>>> report.fails("warning")           # doctest: +SKIP
False
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import UsageError
from .findings import CheckReport, Finding, Location, Reference, Severity
from .loaders import discover
from .registry import LEVELS, Level, check_patterns
from .runner import check_consistency, check_file

__all__ = ["CheckReport", "Finding", "Location", "Reference", "Severity", "check"]


def check(
    paths: Iterable[str | Path],
    *,
    level: Level = "AA",
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    deep: bool = False,
    together: bool = False,
) -> CheckReport:
    """Check files and folders; return every finding of the selected rules.

    ``level`` is the WCAG conformance level (``A``, ``AA``, ``AAA``);
    ``select``/``ignore`` name rule ids or prefixes (``html``, ``pdf-fonts``,
    ``axe`` for the findings of axe-core in deep mode).

    The outputs of one article (the same stem in one folder, or every file
    given when ``together``) are also compared with each other: headline,
    language, alt text and text (``consistency-*`` rules).

    >>> report = check(["out/story.html"], level="AAA")   # doctest: +SKIP
    >>> [f.rule for f in report.findings]                 # doctest: +SKIP
    ['html-contrast-enhanced']
    """
    if level not in LEVELS:
        raise UsageError(f"unknown level {level!r}; choose A, AA or AAA")
    from .deep import DEEP_TOOLS

    check_patterns([*select, *ignore], extra_prefixes=DEEP_TOOLS)
    paths = list(paths)
    targets = discover(paths)
    if not targets:
        named = ", ".join(str(p) for p in paths) or "(no paths)"
        raise UsageError(
            f"no outputs to check in {named}: expected HTML, EPUB, PDF or MP3 files "
            "(or article inputs named one by one)"
        )
    findings: list[Finding] = []
    for target, path in targets:
        findings += check_file(target, path, level=level, select=select, ignore=ignore)
    findings += check_consistency(
        targets, level=level, select=select, ignore=ignore, together=together
    )
    unavailable: dict[str, str] = {}
    if deep:
        from .deep import run_validators

        extra, unavailable = run_validators(targets, select=select, ignore=ignore)
        findings += extra
    order = {str(path): index for index, (_, path) in enumerate(targets)}
    findings.sort(key=lambda f: order.get(f.file, len(order)))
    return CheckReport(
        findings=tuple(findings),
        files=tuple(str(path) for _, path in targets),
        level=level,
        unavailable=unavailable,
    )
