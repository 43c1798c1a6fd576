"""How a batch tells people what it does: a progress bar, plain lines, JSON lines."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from .unit import Result


class BatchReport:
    """Prints each article's outcome while the batch runs.

    On a terminal a progress bar (n/N, rate, ETA, failures so far) with each
    failure printed above it; elsewhere one plain line per article; with
    ``quiet`` only failures. ``json_out`` and ``manifest`` receive one JSON
    object per article.

    >>> report = BatchReport(quiet=True)
    >>> report.started(1); report.done(Result("a.md", "converted")); report.close()
    """

    def __init__(
        self,
        *,
        quiet: bool = False,
        stream: TextIO | None = None,
        json_out: TextIO | None = None,
        manifest: TextIO | None = None,
        bar: bool | None = None,
    ) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.lines = [out for out in (json_out, manifest) if out is not None]
        self.use_bar = (not quiet and _terminal_width(self.stream) > 0) if bar is None else bar
        self.failed = 0
        self._bar: Any = None

    def started(self, total: int) -> None:
        """The batch holds ``total`` inputs."""
        if self.use_bar:
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no extra thread: worker processes are forked
            self._bar = tqdm(total=total, file=self.stream, unit="input")

    def done(self, result: Result) -> None:
        """One article is done (converted, failed or skipped)."""
        for out in self.lines:
            out.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
            out.flush()
        for told in result.notes:
            # A reader's note names its file and line already; a writer's names none.
            place = "" if Path(result.input).name in told else f"{result.input}: "
            self._say(f"newsformats: {place}{told}", always=told.startswith("warning"))
        if result.status == "failed":
            self.failed += 1
            self._say(f"newsformats: {result.error}", always=True)
        elif result.status == "converted":
            self._say(f"converted {result.input} -> {', '.join(o.path for o in result.outputs)}")
        else:
            self._say(f"skipped {result.input} ({result.kind})")
        if self._bar is not None and (result.article or 0) == 0:
            self._bar.set_postfix(failed=self.failed, refresh=False)
            self._bar.update(1)

    def warning(self, line: str) -> None:
        """Something the reader should know before the batch goes on (never hidden by quiet)."""
        self._say(f"newsformats: warning: {line}", always=True)

    def close(self, summary: str | None = None) -> None:
        """End the bar and print the summary line (not when quiet)."""
        if self._bar is not None:
            self._bar.close()
        if summary and not self.quiet:
            print(summary, file=self.stream)

    def _say(self, line: str, *, always: bool = False) -> None:
        if self._bar is not None:
            if always:
                self._bar.write(line, file=self.stream)
        elif always or not self.quiet:
            print(line, file=self.stream)


def _terminal_width(stream: TextIO) -> int:
    """Columns of the terminal ``stream`` writes to; 0 when it is not a (sized) terminal."""
    try:
        return os.get_terminal_size(stream.fileno()).columns if stream.isatty() else 0
    except (OSError, ValueError, AttributeError):
        return 0
