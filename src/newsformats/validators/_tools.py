"""Find the validators' files and programs: the tools folder, java, node, Chromium."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from newsformats.validators import ValidatorUnavailable

TOOLS_DIR_ENV = "NEWSFORMATS_TOOLS_DIR"
INSTALL_COMMAND = "newsformats validators install (in a checkout: bash scripts/install-tools.sh)"
CHROMIUM_ENV = "NEWSFORMATS_CHROMIUM"
DEFAULT_CHROMIUM = "/usr/bin/chromium"

# Flags for every Chromium we start: root needs --no-sandbox, and nothing may
# reach the network behind our back.
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)


def _candidate_roots() -> list[Path]:
    here = Path(__file__).resolve()
    return [*here.parents, *Path.cwd().resolve().parents, Path.cwd().resolve()]


def user_tools_dir() -> Path:
    """Where ``newsformats validators install`` puts the npm tools for an installed wheel.

    ``$XDG_DATA_HOME/newsformats/tools`` (default ``~/.local/share/newsformats/tools``).

    >>> user_tools_dir().parts[-2:]
    ('newsformats', 'tools')
    """
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "newsformats" / "tools"


def tools_dir() -> Path:
    """Return the folder holding the tools' ``package.json`` and ``node_modules``.

    ``$NEWSFORMATS_TOOLS_DIR`` wins; then the first ``tools/`` with a
    ``package.json`` next to a ``src/`` above this file (a checkout) or above
    the working directory; then :func:`user_tools_dir` once
    ``newsformats validators install`` has filled it.
    """
    override = os.environ.get(TOOLS_DIR_ENV)
    if override:
        return Path(override).resolve()
    for root in _candidate_roots():
        candidate = root / "tools"
        if (candidate / "package.json").is_file() and (root / "src").is_dir():
            return candidate
    user = user_tools_dir()
    if (user / "package.json").is_file() and (user / "node_modules").is_dir():
        return user
    raise ValidatorUnavailable(
        f"the npm validator tools are not installed (no checkout's tools/ folder, no {user})",
        INSTALL_COMMAND,
    )


def tool_file(relative: str, what: str) -> Path:
    """Return ``tools/<relative>``, or raise :class:`ValidatorUnavailable` naming ``what``."""
    path = tools_dir() / relative
    if not path.is_file():
        raise ValidatorUnavailable(f"{what} is missing ({path})", INSTALL_COMMAND)
    return path


def program(name: str, what: str) -> str:
    """Return the absolute path of program ``name`` on PATH, or raise naming ``what``."""
    found = shutil.which(name)
    if found is None:
        raise ValidatorUnavailable(f"{what} ({name!r}) is not on PATH")
    return found


def java() -> str:
    """Return the ``java`` program (Java 17 or later runs every jar here)."""
    return program("java", "Java")


def node() -> str:
    """Return the ``node`` program that runs Ace."""
    return program("node", "Node.js")


def chromium() -> str:
    """Return Debian's Chromium (or ``$NEWSFORMATS_CHROMIUM``); never a downloaded one."""
    path = os.environ.get(CHROMIUM_ENV, DEFAULT_CHROMIUM)
    if not os.access(path, os.X_OK):
        raise ValidatorUnavailable(f"Chromium is missing ({path})")
    return path
