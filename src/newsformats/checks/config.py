"""Settings from ``[tool.newsformats.check]`` in ``pyproject.toml``.

::

    [tool.newsformats.check]
    level = "AA"            # A, AA or AAA
    fail-on = "warning"     # error or warning
    select = ["html", "epub", "pdf", "audio"]
    ignore = ["audio-chapters"]
    deep = false            # true: every validator must run; "available": those installed

Command-line options win over the file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import UsageError


@dataclass(frozen=True)
class CheckSettings:
    """What the file says; ``None`` where it says nothing."""

    level: str | None = None
    fail_on: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    deep: bool | str | None = None
    source: Path | None = None


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` in ``start`` or its parents."""
    start = start.resolve()
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_settings(path: Path | None = None, *, start: Path | None = None) -> CheckSettings:
    """Read ``[tool.newsformats.check]`` from ``path`` (or the nearest pyproject.toml).

    >>> load_settings(start=Path("/"))
    CheckSettings(level=None, fail_on=None, select=(), ignore=(), deep=None, source=None)
    """
    path = path or find_pyproject(start or Path.cwd())
    if path is None:
        return CheckSettings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise UsageError(f"cannot read the settings: {error}", file=path) from None
    table = data.get("tool", {}).get("newsformats", {}).get("check", {})
    if not isinstance(table, dict):
        raise UsageError("[tool.newsformats.check] must be a table", file=path)
    known = {"level", "fail-on", "fail_on", "select", "ignore", "deep"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise UsageError(f"[tool.newsformats.check]: unknown setting {unknown[0]!r}", file=path)
    return CheckSettings(
        level=_choice(table.get("level"), ("A", "AA", "AAA"), "level", path),
        fail_on=_choice(
            table.get("fail-on", table.get("fail_on")), ("error", "warning"), "fail-on", path
        ),
        select=_names(table.get("select"), "select", path),
        ignore=_names(table.get("ignore"), "ignore", path),
        deep=_flag(table.get("deep"), path),
        source=path,
    )


def _choice(value: Any, allowed: tuple[str, ...], name: str, path: Path) -> str | None:
    if value is None:
        return None
    if value not in allowed:
        raise UsageError(
            f"[tool.newsformats.check] {name} must be one of {', '.join(allowed)}", file=path
        )
    return str(value)


def _names(value: Any, name: str, path: Path) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"[tool.newsformats.check] {name} must be a list of rule ids", file=path)
    return tuple(value)


def _flag(value: Any, path: Path) -> bool | str | None:
    if value is None or isinstance(value, bool):
        return value
    if value == "available":
        return "available"
    raise UsageError('[tool.newsformats.check] deep must be true, false or "available"', file=path)
