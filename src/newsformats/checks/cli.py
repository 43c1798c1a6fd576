"""The ``newsformats check`` subcommand: parse options, run the checks, print a report.

Exit codes: 0 nothing at or above ``--fail-on``, 1 findings at or above it,
2 bad usage (unknown rule, missing file, bad settings, nothing to check) or
``--deep`` with a validator that could not run.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any, cast

from ..errors import UsageError
from . import check
from .config import load_settings
from .findings import Severity
from .registry import Level
from .reporters import REPORTERS
from .rulesdoc import rules_markdown, rules_text

EXAMPLES = """\
examples:
  newsformats check out/                         every output in a folder
  newsformats check story.html story.pdf --level AAA
  newsformats check out/ --deep --fail-on warning --format sarif -o check.sarif
  newsformats check out/ --deep=available        only the validators installed here
  newsformats check out/ --select html,epub --ignore html-link-text
  newsformats check --list-rules --format markdown > docs/rules.md
"""


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``check`` to the command's subparsers."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "check",
        help="check outputs (HTML, EPUB, PDF, MP3) and article inputs for accessibility",
        description="Check files or folders of outputs for accessibility problems.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders")
    parser.add_argument("--level", choices=["A", "AA", "AAA"], help="WCAG level (default AA)")
    parser.add_argument(
        "--fail-on", choices=["error", "warning"], help="exit 1 at this severity (default error)"
    )
    parser.add_argument("--select", action="append", default=[], help="rule ids or prefixes")
    parser.add_argument("--ignore", action="append", default=[], help="rule ids or prefixes")
    parser.add_argument(
        "--deep",
        nargs="?",
        const="all",
        choices=["all", "available"],
        default=None,
        help="also run the public validators: every one the files need (exit 2 when one is "
        "missing), or --deep=available: those installed, naming the ones skipped",
    )
    parser.add_argument(
        "--consistency",
        action="store_true",
        help="compare all the files given as one article's outputs (by default, outputs "
        "with the same stem in one folder are compared)",
    )
    parser.add_argument(
        "--format",
        choices=[*REPORTERS, "markdown"],
        default="text",
        help="report format (markdown: only with --list-rules)",
    )
    parser.add_argument("-o", "--output", type=Path, help="write the report to a file")
    parser.add_argument("--config", type=Path, help="a pyproject.toml (default: the nearest)")
    parser.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    parser.add_argument(
        "--color", choices=["auto", "always", "never"], default="auto", help="colour text reports"
    )
    return parser


def run(args: argparse.Namespace) -> int:
    """Run ``newsformats check``; return the exit code."""
    if args.list_rules:
        _emit(rules_markdown() if args.format == "markdown" else rules_text(), args.output)
        return 0
    if args.format == "markdown":
        raise UsageError("--format markdown is for --list-rules")
    if not args.paths:
        raise UsageError("name files or folders to check")
    settings = load_settings(args.config)
    select = _split(args.select) or list(settings.select)
    ignore = [*settings.ignore, *_split(args.ignore)]
    level = cast(Level, args.level or settings.level or "AA")
    fail_on = cast(Severity, args.fail_on or settings.fail_on or "error")
    deep = _deep_mode(args.deep if args.deep is not None else settings.deep)
    report = check(
        args.paths,
        level=level,
        select=select,
        ignore=ignore,
        deep=bool(deep),
        together=args.consistency,
    )
    color = args.color == "always" or (
        args.color == "auto"
        and args.output is None
        and sys.stdout.isatty()
        and "NO_COLOR" not in os.environ
    )
    _emit(REPORTERS[args.format](report, color), args.output)
    if deep == "all" and report.unavailable:
        for tool, reason in report.unavailable.items():
            print(f"newsformats: --deep: {tool} did not run: {reason}", file=sys.stderr)
        print(
            "newsformats: --deep needs every validator; install them "
            "(newsformats validators install) or use --deep=available",
            file=sys.stderr,
        )
        return 2
    return 1 if report.fails(fail_on) else 0


def _deep_mode(value: object) -> str | None:
    """``all`` (``--deep``, ``deep = true``), ``available``, or ``None`` (no deep checks)."""
    if value is True or value == "all":
        return "all"
    if value == "available":
        return "available"
    return None


def _split(values: list[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        print(text)
        return
    try:
        output.write_text(text + "\n", encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot write the report: {error.strerror}", file=output) from None
