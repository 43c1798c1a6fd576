"""YAML without surprises: the safe loader, minus anchors and aliases (no "billion laughs").

Readers (article sidecars, front matter) and speech (pronunciation lexicons) load
YAML through this one loader.
"""

from __future__ import annotations

from typing import Any

import yaml


class NoAliasLoader(yaml.SafeLoader):
    """A safe loader that refuses anchors and aliases.

    >>> try:
    ...     yaml.load("a: &x [1]\\nb: *x", NoAliasLoader)
    ... except yaml.YAMLError as error:
    ...     print(error.problem)
    aliases (*name) are not allowed
    """

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed", event.start_mark
            )
        return super().compose_node(parent, index)
