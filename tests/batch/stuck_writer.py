"""A test-only writer that never finishes (a stand-in for a layout that loops)."""

from __future__ import annotations

import time
from pathlib import Path

from newsformats.writers import WriteJob


def write_stuck(job: WriteJob) -> list[Path]:
    """Stage a file, then hang for one article (the JSON example); write at once for the rest."""
    target = job.path(".stuck")
    temporary = job.outputs.temporary_path(target)
    temporary.write_text("half")
    while job.stem == "heatwave-update":
        time.sleep(0.05)
    return [target]


def write_greedy(job: WriteJob) -> list[Path]:
    """Ask for far more memory than the worker may have (a stand-in for a runaway layout)."""
    hoard = bytearray(6 * 2**30)
    return [job.path(f".{len(hoard)}")]
