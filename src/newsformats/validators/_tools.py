"""Find the validators' files and programs: the tools folder, java, node, Chromium."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from newsformats.validators import ValidatorUnavailable

TOOLS_DIR_ENV = "NEWSFORMATS_TOOLS_DIR"
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


def tools_dir() -> Path:
    """Return the ``tools/`` folder holding ``package.json`` and ``node_modules``.

    ``$NEWSFORMATS_TOOLS_DIR`` wins; otherwise the first ``tools/`` with a
    ``package.json`` next to a ``src/`` above this file (a checkout) or above
    the working directory.
    """
    override = os.environ.get(TOOLS_DIR_ENV)
    if override:
        return Path(override).resolve()
    for root in _candidate_roots():
        candidate = root / "tools"
        if (candidate / "package.json").is_file() and (root / "src").is_dir():
            return candidate
    raise ValidatorUnavailable(
        f"no tools/ folder found above {Path(__file__).parent} or the working directory "
        f"(set ${TOOLS_DIR_ENV} to it)"
    )


def tool_file(relative: str, what: str) -> Path:
    """Return ``tools/<relative>``, or raise :class:`ValidatorUnavailable` naming ``what``."""
    path = tools_dir() / relative
    if not path.is_file():
        raise ValidatorUnavailable(f"{what} is missing ({path})")
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
