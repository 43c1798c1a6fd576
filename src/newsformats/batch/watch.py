"""Watch a folder: convert what is new or changed, as a batch does, until stopped.

Each round is the whole folder as an incremental batch, so what is unchanged
costs a hash and what changed (an article, its sidecar, its picture) is
converted again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from ..errors import UsageError
from .plan import discover
from .runner import Limits, Summary, run_batch
from .unit import Result, Settings


def watch_folder(
    folder: str | Path,
    settings: Settings,
    *,
    limits: Limits | None = None,
    done: Callable[[Result], None] | None = None,
    finished: Callable[[Summary], None] | None = None,
    stop: threading.Event | None = None,
    debounce_ms: int = 500,
) -> None:
    """Convert everything in ``folder`` once, then each input that appears or changes.

    Every round is an incremental batch (:func:`run_batch`): unchanged inputs
    are skipped, a bad one is reported and the others go on. Runs until
    ``stop`` is set (or Ctrl-C).

    >>> watch_folder("incoming", Settings("out", ("html",)))  # doctest: +SKIP
    """
    from watchfiles import Change, watch

    root = Path(folder)
    if not root.is_dir():
        raise UsageError(f"{folder}: not a folder")
    outdir = Path(settings.outdir).resolve()

    def relevant(change: Change, path: str) -> bool:
        name = Path(path)
        hidden = any(part.startswith(".") for part in name.relative_to(root.resolve()).parts)
        return change != Change.deleted and not hidden and not name.is_relative_to(outdir)

    def round_of(inputs: list[str]) -> None:
        if not discover(inputs):
            return  # an empty folder is waited on, not an error
        summary = run_batch(inputs, settings, limits=limits, done=done)
        if finished:
            finished(summary)

    round_of([str(root)])
    for changes in watch(
        root.resolve(), watch_filter=relevant, stop_event=stop, debounce=debounce_ms, recursive=True
    ):
        if changes:
            # The whole folder again: the state skips what is unchanged, and a changed
            # sidecar or picture re-runs the article it belongs to.
            round_of([str(root)])
