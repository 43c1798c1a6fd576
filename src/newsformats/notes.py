"""Notes: what a conversion tells its caller without failing.

A fallback that changes what a reader gets (no voice for a language, a part
the reader could not find with confidence, a link dropped as unsafe) is never
silent: the code that decides it calls :func:`note`. Whoever runs the
conversion collects the notes with :func:`collecting_notes` (the batch runner
puts them in each article's result, the CLI prints them); with no collector,
a note goes to the ``newsformats`` logger as a warning. Collectors nest: what
an inner one collects (``convert()`` keeps its article's notes in
``Conversion.warnings``) reaches the outer one too. The collector lives in a
context variable, so threads and tasks each see their own.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Literal

Level = Literal["info", "warning"]

_collector: ContextVar[list[Note] | None] = ContextVar("newsformats_notes", default=None)
_logger = logging.getLogger("newsformats")


@dataclass(frozen=True)
class Note:
    """One thing worth telling: a warning (the output differs from what was asked) or info."""

    message: str
    level: Level = "warning"

    def __str__(self) -> str:
        return f"{self.level}: {self.message}" if self.level == "warning" else self.message


def note(message: str, *, level: Level = "warning") -> None:
    """Tell the caller something without failing.

    >>> with collecting_notes() as notes:
    ...     note("no voice speaks Pashto; audio skipped")
    >>> [str(n) for n in notes]
    ['warning: no voice speaks Pashto; audio skipped']
    """
    collector = _collector.get()
    if collector is None:
        _logger.log(logging.WARNING if level == "warning" else logging.INFO, message)
    else:
        collector.append(Note(" ".join(message.split()), level))


@contextmanager
def collecting_notes() -> Iterator[list[Note]]:
    """Collect every note made inside the block into the yielded list (and the outer one's)."""
    notes: list[Note] = []
    outer = _collector.get()
    token = _collector.set(notes)
    try:
        yield notes
    finally:
        _collector.reset(token)
        if outer is not None:
            outer.extend(notes)
