"""Plug-in registries: built-in ``module:attribute`` references plus entry points.

Readers, writers and speech engines are each a table of names to
``"module:attribute"`` references, extended by an entry-point group
(``newsformats.readers``, ``newsformats.writers``, ``newsformats.tts``).
Modules are imported only when their plug-in is used.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from importlib.metadata import entry_points
from typing import Any

from .errors import UsageError


def registry(builtin: Mapping[str, str], group: str) -> dict[str, str]:
    """The built-in plug-ins, then the installed ones (a built-in name is never replaced)."""
    table = dict(builtin)
    for entry in entry_points(group=group):
        table.setdefault(entry.name, entry.value)
    return table


def load(table: Mapping[str, str], name: str, kind: str) -> Any:
    """Import the plug-in ``name`` of ``table``; an unknown name is a usage error.

    >>> load({"json": "json:dumps"}, "json", "format")([1])
    '[1]'
    """
    if name not in table:
        raise UsageError(f"unknown {kind} {name!r}; choose from {', '.join(table)}")
    module_name, _, attribute = table[name].partition(":")
    return getattr(importlib.import_module(module_name), attribute)
