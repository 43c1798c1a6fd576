"""The rules: one function, one id, its metadata, registered in one place.

A rule is a plain function that takes what a loader made of one file (an
:class:`~.documents.HtmlPage`, an :class:`~.documents.EpubBook`…) and yields
:class:`Problem` s. The :func:`rule` decorator records it in :data:`RULES` with
its id, target format, severity, WCAG level, how to fix and references;
:func:`all_rules` imports the rule modules in their fixed order.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from ..errors import UsageError
from .findings import Location, Reference, Severity

Target = Literal["html", "epub", "pdf", "audio", "article", "consistency"]
Level = Literal["A", "AA", "AAA"]
LEVELS: tuple[Level, ...] = ("A", "AA", "AAA")
TARGETS: tuple[Target, ...] = ("html", "epub", "pdf", "audio", "article", "consistency")

# The order in which the rule modules register (and the docs list) their rules.
RULE_MODULES = ("html", "epub", "pdf", "audio", "article", "consistency")


@dataclass(frozen=True)
class Problem:
    """What a rule function yields: a message and where; the rule adds the rest."""

    message: str
    location: Location = field(default_factory=Location)


Check = Callable[[Any], Iterable[Problem]]
F = TypeVar("F", bound=Check)


@dataclass(frozen=True)
class Rule:
    """A rule's id, what it applies to, and what it tells a person."""

    id: str
    target: Target
    severity: Severity
    level: Level
    summary: str
    fix: str
    references: tuple[Reference, ...]
    check: Check
    in_epub: bool = True
    mirrors: tuple[str, ...] = ()

    @property
    def doc(self) -> str:
        """The rule function's docstring: the longer explanation."""
        return " ".join((self.check.__doc__ or "").split())


RULES: dict[str, Rule] = {}


def rule(
    id: str,
    *,
    target: Target,
    severity: Severity,
    summary: str,
    fix: str,
    references: Sequence[Reference],
    level: Level = "A",
    in_epub: bool = True,
    mirrors: Sequence[str] = (),
) -> Callable[[F], F]:
    """Register a rule function under ``id``.

    ``in_epub=False`` keeps an HTML rule off EPUB content documents (a skip link
    or a ``main`` landmark belong to web pages). ``mirrors`` names the rules of
    the reference validators this rule stands for: ``axe/<id>``, ``ace/<id>``,
    ``epubcheck/<message id>``, ``matterhorn/<checkpoint>``, ``pdfua/<clause>``
    (what veraPDF reports); ``newsformats`` where no reference has the rule.

    >>> @rule("html-example", target="html", severity="notice", summary="An example",
    ...       fix="Nothing", references=[])
    ... def example(page):
    ...     return []
    >>> RULES.pop("html-example").summary
    'An example'
    """

    def register(check: F) -> F:
        if id in RULES:
            raise ValueError(f"rule id {id!r} is registered twice")
        RULES[id] = Rule(
            id,
            target,
            severity,
            level,
            summary,
            fix,
            tuple(references),
            check,
            in_epub,
            tuple(mirrors),
        )
        return check

    return register


def all_rules() -> list[Rule]:
    """Every built-in rule, in documentation order."""
    for name in RULE_MODULES:
        importlib.import_module(f"{__package__}.rules.{name}")
    return list(RULES.values())


def matches(rule_id: str, pattern: str) -> bool:
    """Say whether a ``--select``/``--ignore`` pattern names a rule: its id or a prefix.

    >>> matches("html-img-alt", "html"), matches("html-img-alt", "html-img")
    (True, True)
    >>> matches("html-lang", "html-l")
    False
    """
    pattern = pattern.strip().rstrip("-/")
    return rule_id == pattern or rule_id.startswith((pattern + "-", pattern + "/"))


def is_selected(rule_id: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    """True when ``select`` (empty: everything) names the rule and ``ignore`` does not."""
    if select and not any(matches(rule_id, p) for p in select):
        return False
    return not any(matches(rule_id, p) for p in ignore)


def level_allows(rule_level: Level, level: Level) -> bool:
    """True when a rule of ``rule_level`` runs at the requested conformance ``level``."""
    return LEVELS.index(rule_level) <= LEVELS.index(level)


def active_rules(
    target: Target,
    *,
    level: Level = "AA",
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> list[Rule]:
    """The rules to run on one kind of file."""
    return [
        r
        for r in all_rules()
        if r.target == target and level_allows(r.level, level) and is_selected(r.id, select, ignore)
    ]


def check_patterns(patterns: Iterable[str], *, extra_prefixes: Iterable[str] = ()) -> None:
    """Refuse a ``--select``/``--ignore`` pattern that names no rule: a typo would hide findings."""
    ids = [r.id for r in all_rules()]
    known_prefixes = set(extra_prefixes)
    for pattern in patterns:
        if any(matches(i, pattern) for i in ids) or pattern.split("/")[0] in known_prefixes:
            continue
        raise UsageError(f"--select/--ignore: {pattern!r} names no rule (see --list-rules)")
