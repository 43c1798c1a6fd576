"""A cache of spoken sentences, keyed by engine, voice, language and text.

Re-running an unchanged article costs no engine call; changing one sentence
costs one. Entries are small WAV files written through a temporary file, so
parallel workers and interrupted runs never leave a broken entry. Encoded
tracks are kept too (keyed by their PCM), so an unchanged article is not
encoded again either.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import wave
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .engines import Audio

FORMAT = 1


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/newsformats``, or ``~/.cache/newsformats``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsformats"


class SpeechCache:
    """Spoken sentences on disk.

    >>> cache = SpeechCache(Path("/tmp/nf-cache"))                  # doctest: +SKIP
    >>> cache.get(cache.key("espeak", "", "en-us", "en", "Hello."))  # doctest: +SKIP
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder / "speech"
        self.tracks = folder / "tracks"

    def key(self, engine: str, version: str, voice: str, language: str, text: str) -> str:
        """The entry's name: a hash of everything that changes the audio."""
        fields = [FORMAT, engine, version, voice, language, text]
        return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()

    def get(self, key: str) -> Audio | None:
        """The cached audio, or None (a damaged entry counts as missing)."""
        path = self._path(key)
        try:
            with wave.open(str(path), "rb") as wav:
                audio = Audio(wav.readframes(wav.getnframes()), wav.getframerate())
        except (OSError, EOFError, wave.Error):
            return None
        _mark_used(path)
        return audio

    def put(self, key: str, audio: Audio) -> None:
        """Store audio under ``key``, atomically; a full or read-only disk is not an error."""

        def write(raw: BinaryIO) -> None:
            with wave.open(raw, "wb") as wav:
                wav.setnchannels(1)
                wav.setsampwidth(2)
                wav.setframerate(audio.sample_rate)
                wav.writeframes(audio.samples)

        _store(self._path(key), write)

    def encoded(self, audio: Audio, settings: str, encode: Callable[[Audio], bytes]) -> bytes:
        """The encoded track of ``audio``, from the cache or made now by ``encode``."""
        digest = hashlib.sha256(f"{FORMAT}:{settings}:{audio.sample_rate}:".encode())
        digest.update(audio.samples)
        path = self.tracks / digest.hexdigest()[:2] / f"{digest.hexdigest()}.mp3"
        try:
            data = path.read_bytes()
            _mark_used(path)
            return data
        except OSError:
            data = encode(audio)
        _store(path, lambda raw: raw.write(data))
        return data

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.wav"


def _mark_used(path: Path) -> None:
    """Entries are evicted least recently used first (``newsformats cache prune``)."""
    with contextlib.suppress(OSError):
        os.utime(path)


def _store(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write a cache file through a temporary file; failing to cache is not an error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as raw:
            write(raw)
        os.replace(name, path)
    except OSError:
        Path(name).unlink(missing_ok=True)
