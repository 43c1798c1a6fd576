"""Where newsformats keeps what it can make again: ``$XDG_CACHE_HOME/newsformats``.

The speech cache (``speech/``, ``tracks/``) and the unpacked language model
(``langid/``) live there; deleting the folder loses nothing but time.
"""

from __future__ import annotations

import os
from pathlib import Path


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/newsformats``, or ``~/.cache/newsformats``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsformats"
