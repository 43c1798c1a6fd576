"""Run the public validators (Nu HTML Checker, axe-core, EPUBCheck, Ace) on our outputs.

Every harness returns a list of :class:`ValidatorMessage`; an output passes
when that list is empty. A harness whose tool is not installed raises
:class:`ValidatorUnavailable`, whose text says how to install it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "INSTALL_HINT",
    "Severity",
    "ValidatorMessage",
    "ValidatorUnavailable",
    "available_validators",
]

Severity = Literal["error", "warning", "info"]

INSTALL_HINT = "bash scripts/install-tools.sh"


@dataclass(frozen=True)
class ValidatorMessage:
    """One finding of one validator about one file.

    ``location`` is what the tool gives: ``line:col`` (Nu), a CSS selector
    (axe), ``path:line:col`` inside the EPUB (EPUBCheck) or
    ``document: selector`` (Ace); ``None`` when the tool gives none.
    """

    tool: str
    file: str
    severity: Severity
    rule: str
    message: str
    location: str | None

    def __str__(self) -> str:
        place = f"{self.file}: {self.location}" if self.location else self.file
        return f"{place}: {self.severity} [{self.tool} {self.rule}] {self.message}"


def no_report(tool: str, file: str, name: str, exit_code: object, log: str) -> ValidatorMessage:
    """The one error to give when a validator ran but wrote no report on ``file``."""
    detail = " ".join(log.split())[:2000]
    return ValidatorMessage(
        tool=tool,
        file=file,
        severity="error",
        rule=f"{tool}-failed",
        message=f"{name} wrote no report (exit {exit_code}): {detail}",
        location=None,
    )


class ValidatorUnavailable(Exception):
    """A validator cannot run because something it needs is missing."""

    def __init__(self, what: str, install: str = INSTALL_HINT) -> None:
        super().__init__(f"{what}; install it with: {install}")
        self.what = what
        self.install = install


def available_validators() -> dict[str, str | None]:
    """Say which validators can run here.

    Returns a mapping from validator name (``nu``, ``axe``, ``epubcheck``,
    ``ace``) to ``None`` when it is available, else the reason it is not.
    """
    from newsformats.validators import ace, axe, epubcheck, nu

    checks = {
        "nu": nu.ensure_available,
        "axe": axe.ensure_available,
        "epubcheck": epubcheck.ensure_available,
        "ace": ace.ensure_available,
    }
    result: dict[str, str | None] = {}
    for name, ensure in checks.items():
        try:
            ensure()
        except ValidatorUnavailable as exc:
            result[name] = str(exc)
        else:
            result[name] = None
    return result
