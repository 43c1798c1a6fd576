"""A cache of spoken sentences, keyed by engine, voice, language and text.

Re-running an unchanged article costs no engine call; changing one sentence
costs one. Entries are small WAV files written through a temporary file, so
parallel workers and interrupted runs never leave a broken entry. Encoded
tracks are kept too, with their timelines, keyed by everything that makes the
track (engine, voices, the spoken script, encoder settings), so an unchanged
article is neither spoken nor encoded again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import wave
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ..cachedir import default_cache_dir
from .engines import Audio

__all__ = ["SpeechCache", "default_cache_dir"]

FORMAT = 1


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

    def track_key(self, fields: list[object]) -> str:
        """The name of an encoded track: a hash of everything that makes it."""
        text = json.dumps([FORMAT, *fields], ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()

    def track(self, key: str) -> tuple[Path, bytes] | None:
        """The cached MP3 file of a track and its timeline (JSON), or None."""
        mp3, timeline = self._track_paths(key)
        try:
            if not mp3.is_file():
                return None
            found = (mp3, timeline.read_bytes())
        except OSError:
            return None
        _mark_used(mp3)
        _mark_used(timeline)
        return found

    def put_track(self, key: str, mp3: Path, timeline: bytes) -> None:
        """Keep a copy of an encoded track (copied in chunks) and its timeline."""
        mp3_copy, timeline_path = self._track_paths(key)

        def copy(raw: BinaryIO) -> None:
            with mp3.open("rb") as source:
                shutil.copyfileobj(source, raw)

        _store(timeline_path, lambda raw: raw.write(timeline))
        _store(mp3_copy, copy)  # last: a track is there only when its MP3 is

    def _track_paths(self, key: str) -> tuple[Path, Path]:
        folder = self.tracks / key[:2]
        return folder / f"{key}.mp3", folder / f"{key}.json"

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
