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
    Piper voice in ``voice_dirs`` speaks the article's language and espeak-ng
    otherwise, both offline; ``gtts`` sends the text to Google. ``voice`` is a
    voice name, or for Piper an ``.onnx`` path. Without a voice for the
    article's language the audio is left out with a warning; ``strict_audio``
    makes that an error. ``max_audio_seconds`` limits the length of one
    article's audio (None: no limit). ``default_language`` (``--lang``) is the
    language of inputs that name none, in place of detecting it from their text.
    """

    page_size: Literal["a4", "letter"] = "a4"
    tts: str = "auto"
    voice: str | None = None
    voice_dirs: tuple[Path, ...] = ()
    cache_dir: Path | None = None
    use_cache: bool = True
    allow_network: bool = False
    allowed_dirs: tuple[Path, ...] = ()
    default_language: str | None = None
    lexicon: Path | None = None
    edition_title: str | None = None
    strict_audio: bool = False
    max_audio_seconds: float | None = 3 * 3600
    theme: Path | None = None  # a publisher's theme folder (themes/publisher.py)
    extra: dict[str, str] = field(default_factory=dict)
