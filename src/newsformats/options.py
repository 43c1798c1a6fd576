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
    ``tts`` names the speech engine: ``auto`` (the default) picks Piper when a
    Piper voice speaks the article's language (``voice_dirs`` or an installed
    voice package) and espeak-ng otherwise, both offline; ``gtts`` sends the
    text to Google. ``voice`` is a voice name, or for Piper an ``.onnx`` path.
    """

    page_size: Literal["a4", "letter"] = "a4"
    tts: str = "auto"
    voice: str | None = None
    voice_dirs: tuple[Path, ...] = ()
    cache_dir: Path | None = None
    use_cache: bool = True
    allow_network: bool = False
    allowed_dirs: tuple[Path, ...] = ()
    lexicon: Path | None = None
    bundle_title: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
