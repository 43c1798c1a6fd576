"""What a check says: a finding, where it is, and which standard it comes from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "notice"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "notice")


def severity_rank(severity: Severity) -> int:
    """Higher is worse: ``error`` 2, ``warning`` 1, ``notice`` 0."""
    return 2 - SEVERITIES.index(severity)


@dataclass(frozen=True)
class Reference:
    """A requirement a rule checks, e.g. WCAG 2.2 success criterion 1.1.1."""

    standard: str
    id: str
    title: str
    url: str

    def __str__(self) -> str:
        return f"{self.standard} {self.id} {self.title}".strip()


@dataclass(frozen=True)
class Location:
    """Where inside a file: an element id or XPath, a line, a page, a time, a member.

    ``member`` is a file inside a container (an EPUB's ``EPUB/text.xhtml``) or
    one that belongs with the file (an MP3's transcript); ``line`` is then a
    line of that member.
    """

    element: str | None = None
    line: int | None = None
    page: int | None = None
    time: float | None = None
    member: str | None = None

    def __str__(self) -> str:
        parts: list[str] = []
        if self.member:
            parts.append(self.member)
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.time is not None:
            parts.append(f"{self.time:.2f} s")
        if self.element:
            parts.append(self.element)
        return ", ".join(parts)


@dataclass(frozen=True)
class Finding:
    """One problem one rule found in one file.

    >>> f = Finding("html-lang", "error", "a.html", Location("/html"), "no lang", "add lang")
    >>> f.rule, f.severity
    ('html-lang', 'error')
    """

    rule: str
    severity: Severity
    file: str
    location: Location
    message: str
    fix: str
    references: tuple[Reference, ...] = ()
    tool: str = "newsformats"
    mirrors: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckReport:
    """Everything one run found, plus what it looked at and what it could not run."""

    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    level: str = "AA"
    unavailable: dict[str, str] = field(default_factory=dict)

    def count(self, severity: Severity) -> int:
        """How many findings have this severity."""
        return sum(1 for f in self.findings if f.severity == severity)

    def fails(self, fail_on: Severity) -> bool:
        """True when a finding is at or above ``fail_on``.

        >>> CheckReport(findings=(), files=()).fails("warning")
        False
        """
        floor = severity_rank(fail_on)
        return any(severity_rank(f.severity) >= floor for f in self.findings)
