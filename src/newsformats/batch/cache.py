"""Keeping the speech cache to a size: what it holds, and least-recently-used eviction.

The cache (:mod:`newsformats.speech.cache`) marks an entry as used when it
reads it, so the oldest modification time is the least recently used entry.
The unpacked language model (``langid/``, made once per machine) is counted
apart: pruning keeps it, clearing removes it (the next detection unpacks it again).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

DEFAULT_LIMIT = 2 * 2**30
"""Bytes the speech cache may hold after a batch (``newsformats cache prune``'s default)."""


@dataclass(frozen=True)
class CacheInfo:
    """How many entries the cache holds and how many bytes."""

    folder: Path
    entries: int
    size: int
    model_size: int = 0
    """Bytes of the unpacked language model (``langid/``), not counted in ``size``."""

    def line(self) -> str:
        """``/home/x/.cache/newsformats: 1,204 entries, 38.2 MB (language model 66.0 MB)``."""
        line = f"{self.folder}: {self.entries:,} entries, {self.size / 1e6:.1f} MB"
        return line + (
            f" (language model {self.model_size / 1e6:.1f} MB)" if self.model_size else ""
        )


def cache_folder(folder: Path | None = None) -> Path:
    """The cache folder: ``folder``, else the default one."""
    from ..speech.cache import default_cache_dir

    return folder or default_cache_dir()


def cache_info(folder: Path | None = None) -> CacheInfo:
    """Count the cache's entries and bytes.

    >>> cache_info(Path("/nonexistent")).entries
    0
    """
    root = cache_folder(folder)
    entries = _entries(root)
    model = sum(path.stat().st_size for path in (root / "langid").rglob("*") if path.is_file())
    return CacheInfo(root, len(entries), sum(size for _, _, size in entries), model)


def prune_cache(limit: int = DEFAULT_LIMIT, folder: Path | None = None) -> CacheInfo:
    """Remove the least recently used entries until the cache holds at most ``limit`` bytes.

    Returns what was removed.

    >>> prune_cache(0, Path("/nonexistent")).entries
    0
    """
    root = cache_folder(folder)
    entries = sorted(_entries(root))
    total = sum(size for _, _, size in entries)
    removed = removed_size = 0
    for _, path, size in entries:
        if total - removed_size <= limit:
            break
        try:
            path.unlink()
        except OSError:
            continue
        removed += 1
        removed_size += size
    return CacheInfo(root, removed, removed_size)


def clear_cache(folder: Path | None = None) -> CacheInfo:
    """Remove every entry and the unpacked language model; returns what was removed."""
    root = cache_folder(folder)
    info = cache_info(root)
    for part in ("speech", "tracks", "langid"):
        shutil.rmtree(root / part, ignore_errors=True)
    return info


def _entries(root: Path) -> list[tuple[float, Path, int]]:
    found = []
    for part in ("speech", "tracks"):
        for path in (root / part).glob("*/*"):
            if path.name.startswith("."):
                continue
            try:
                stat = path.stat()
            except OSError:
                continue
            found.append((stat.st_mtime, path, stat.st_size))
    return found
