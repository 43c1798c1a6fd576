"""The ``newsformats validators`` subcommand: say which validators run here, install them.

``newsformats validators status`` lists each validator and, when it cannot run,
why; exit 0 when all can run, 2 otherwise. ``newsformats validators install``
installs the pinned npm tools for an installed wheel (see :mod:`.install`).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from newsformats.validators import ValidatorUnavailable, _tools, available_validators
from newsformats.validators.install import install_tools, missing_prerequisites, npm_command


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``validators`` to the command's subparsers."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "validators",
        help="show or install the public validators that check --deep runs",
        description="Show which public validators (Nu, axe-core, EPUBCheck, Ace) can run, "
        "or install their pinned npm tools into a user data folder.",
    )
    actions = parser.add_subparsers(dest="validators_command", metavar="ACTION", required=True)
    actions.add_parser("status", help="say which validators can run here, and why not")
    install = actions.add_parser(
        "install", help="install the pinned npm tools (vnu-jar, axe-core, Ace) with npm ci"
    )
    install.add_argument(
        "--dir", type=Path, help=f"where to install (default {_tools.user_tools_dir()})"
    )
    install.add_argument("--dry-run", action="store_true", help="say what would be done")
    return parser


def run(args: argparse.Namespace) -> int:
    """Run ``newsformats validators``; return the exit code."""
    if args.validators_command == "install":
        return _install(args)
    status = available_validators()
    for tool, reason in status.items():
        print(f"{tool:10} {'ok' if reason is None else reason}")
    return 0 if all(reason is None for reason in status.values()) else 2


def _install(args: argparse.Namespace) -> int:
    missing = missing_prerequisites()
    for item in missing:
        print(f"newsformats: {item}")
    target = install_tools(args.dir, dry_run=True)
    if args.dry_run:
        print(f"would run: {' '.join(npm_command(target))}")
        return 0
    try:
        target = install_tools(args.dir)
    except ValidatorUnavailable as error:
        print(f"newsformats: {error}")
        return 2
    print(f"installed the npm validator tools in {target}")
    if args.dir is not None and target != _tools.user_tools_dir().resolve():
        print(f"set {_tools.TOOLS_DIR_ENV}={target} so that check --deep finds them")
    elif os.environ.get(_tools.TOOLS_DIR_ENV):
        print(f"note: ${_tools.TOOLS_DIR_ENV} is set and wins over {target}")
    return 2 if missing else 0
