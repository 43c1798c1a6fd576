"""Editions: several articles in one EPUB (filled in by the EPUB writer's issue)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .errors import UsageError
from .options import ConvertOptions


def convert_bundle(
    inputs: Sequence[str | Path],
    outdir: str | Path,
    formats: Iterable[str],
    *,
    input_format: str | None = None,
    options: ConvertOptions | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[Path]:
    """Make one edition of several articles."""
    raise UsageError("editions (--bundle) are not available yet")
