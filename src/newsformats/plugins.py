"""Plug-in registries: built-in ``module:attribute`` references plus entry points.

Readers, writers and speech engines are each a table of names to
``"module:attribute"`` references (or a small record holding one), extended
by an entry-point group (``newsformats.readers``, ``newsformats.writers``,
``newsformats.tts``). Entry points are scanned at most once per process, and
not at all while only built-in names are asked for (a built-in name is never
replaced, and the scan reads every installed distribution); modules are
imported only when their plug-in is used.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from functools import cache
from typing import Any, TypeVar

from .errors import UsageError

Entry = TypeVar("Entry")


def registry(builtin: Mapping[str, Entry], group: str, *wanted: str) -> dict[str, Entry | str]:
    """The built-in plug-ins, then the installed ones (a built-in name is never replaced).

    When every name in ``wanted`` is built in, the built-ins alone are enough and
    the entry points are not read.

    >>> registry({"json": "json:dumps"}, "newsformats.no-such-group")
    {'json': 'json:dumps'}
    """
    table: dict[str, Entry | str] = dict(builtin)
    if wanted and all(name in builtin for name in wanted):
        return table
    for name, value in installed(group):
        table.setdefault(name, value)
    return table


@cache
def installed(group: str) -> tuple[tuple[str, str], ...]:
    """The ``(name, "module:attribute")`` pairs of an entry-point group, read once per process."""
    from importlib.metadata import entry_points  # about 7 % of a small conversion's start

    return tuple((entry.name, entry.value) for entry in entry_points(group=group))


def load(table: Mapping[str, str], name: str, kind: str) -> Any:
    """Import the plug-in ``name`` of ``table``; an unknown name is a usage error.

    >>> load({"json": "json:dumps"}, "json", "format")([1])
    '[1]'
    """
    if name not in table:
        raise UsageError(f"unknown {kind} {name!r}; choose from {', '.join(table)}")
    return import_target(table[name])


def import_target(target: str) -> Any:
    """Import ``"module:attribute"`` and return the attribute.

    >>> import_target("json:dumps")([])
    '[]'
    """
    module_name, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module_name), attribute)
