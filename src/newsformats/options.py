"""Options of a conversion, shared by the API, the CLI and every writer."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

DEFAULT_FORMATS = ("html", "pdf", "epub", "audio")


@dataclass(frozen=True)
class ConvertOptions:
    """How to convert. Every field has a sensible default; writers read what they need.

    ``allow_network`` and ``allowed_dirs`` widen where resources may come from;
    ``tts`` names the speech engine (offline ``espeak`` by default; ``gtts``
    sends the text to Google).
    """

    page_size: Literal["a4", "letter"] = "a4"
    tts: str = "espeak"
    voice: str | None = None
    cache_dir: Path | None = None
    use_cache: bool = True
    allow_network: bool = False
    allowed_dirs: tuple[Path, ...] = ()
    lexicon: Path | None = None
    bundle_title: str | None = None
    theme: Path | None = None  # a publisher's theme folder (themes/publisher.py)
    extra: dict[str, str] = field(default_factory=dict)
