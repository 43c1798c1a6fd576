"""The offline engine: espeak-ng, through its library (ctypes) or Debian's binary.

The ``espeakng-loader`` wheel carries libespeak-ng and its voice data, so no
system package is needed; when the wheel is missing, Debian's ``espeak-ng``
command is used instead (one process per sentence, slower). espeak-ng is
GPL-3.0, like newsformats.

The library runs in a process of its own (``espeak_worker``): a sentence that
makes it abort (a buffer overflow on some Burmese text) is then spoken word by
word, with a warning, instead of ending the conversion.
"""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import subprocess
import sys
import threading
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from ...errors import EngineError
from ...lang import find_pack
from ...language import primary_language
from ...notes import note
from . import Audio

_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INITIALIZE_DONT_EXIT = 0x8000
_CHARS_UTF8 = 1
_POS_CHARACTER = 1
_EE_OK = 0


class _Library:
    """libespeak-ng loaded once per process (its state is global), used under a lock."""

    def __init__(self, library: str, data: str) -> None:
        self.lock = threading.Lock()
        self.lib = ctypes.CDLL(library)
        self.lib.espeak_Initialize.argtypes = [
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_char_p,
            ctypes.c_int,
        ]
        self.lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        self.lib.espeak_Synth.argtypes = [
            ctypes.c_char_p,
            ctypes.c_size_t,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.c_uint,
            ctypes.c_void_p,
            ctypes.c_void_p,
        ]
        self.sample_rate = int(
            self.lib.espeak_Initialize(
                _AUDIO_OUTPUT_SYNCHRONOUS, 0, data.encode(), _INITIALIZE_DONT_EXIT
            )
        )
        if self.sample_rate <= 0:
            raise EngineError("espeak-ng could not start (its voice data is missing)")
        self.chunks: list[bytes] = []
        callback_type = ctypes.CFUNCTYPE(
            ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
        )
        self.callback = callback_type(self._collect)  # kept alive as long as the library
        self.lib.espeak_SetSynthCallback(self.callback)
        self.voices = _voices_in(Path(data))
        self.voice = ""
        self.lib.espeak_Info.restype = ctypes.c_char_p
        self.lib.espeak_Info.argtypes = [ctypes.c_void_p]
        self.version = "lib " + (self.lib.espeak_Info(None) or b"").decode()

    def _collect(self, wav: Any, count: int, events: Any) -> int:
        if wav and count > 0:
            self.chunks.append(ctypes.string_at(wav, count * 2))
        return 0

    def speak(self, text: str, voice: str) -> Audio:
        data = text.encode("utf-8")
        with self.lock:
            if voice != self.voice:
                if self.lib.espeak_SetVoiceByName(voice.encode()) != _EE_OK:
                    raise EngineError(f"espeak-ng has no voice {voice!r}")
                self.voice = voice
            self.chunks = []
            status = self.lib.espeak_Synth(
                data, len(data) + 1, 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None
            )
            samples = b"".join(self.chunks)
        if status != _EE_OK:
            raise EngineError(f"espeak-ng failed to speak a sentence (error {status})")
        return Audio(samples, self.sample_rate)


class _Crashed(EngineError):
    """The library's process ended while it spoke (it is started again for the next one)."""


class _Isolated:
    """libespeak-ng in a child process (``espeak_worker``), one sentence at a time."""

    def __init__(self, library: str, data: str) -> None:
        package_root = str(Path(__file__).resolve().parents[3])
        self.command = [
            sys.executable,
            "-c",
            "import sys; sys.path.insert(0, sys.argv.pop(1)); "
            "from newsformats.speech.engines.espeak_worker import main; "
            "sys.exit(main(sys.argv[1:]))",
            package_root,
            library,
            data,
        ]
        self.lock = threading.Lock()
        self.process: subprocess.Popen[bytes] | None = None
        self.owner = os.getpid()
        self.voices = _voices_in(Path(data))
        rate, version = self._start()
        self.sample_rate = rate
        self.version = version

    def _start(self) -> tuple[int, str]:
        self.owner = os.getpid()
        self.process = subprocess.Popen(
            self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        hello = _pipe(self.process.stdout).readline().split(maxsplit=1)
        if len(hello) != 2 or int(hello[0]) <= 0:
            self._stop()
            raise EngineError("espeak-ng could not start (its voice data is missing)")
        return int(hello[0]), hello[1].decode().strip()

    def _stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
                if stream is not None:
                    stream.close()
        self.process = None

    def speak(self, text: str, voice: str) -> Audio:
        request = json.dumps({"voice": voice, "text": text}).encode() + b"\n"
        with self.lock:
            if self.process is not None and self.owner != os.getpid():
                self.process = None  # a forked worker: the pipes are its parent's
            if self.process is None:
                self._start()
            assert self.process is not None
            try:
                _pipe(self.process.stdin).write(request)
                _pipe(self.process.stdin).flush()
                status, size = (int(part) for part in _pipe(self.process.stdout).readline().split())
                samples = _pipe(self.process.stdout).read(size)
                if len(samples) != size:
                    raise ValueError(size)
            except (OSError, ValueError):
                self._stop()
                raise _Crashed("espeak-ng stopped while speaking a sentence") from None
        if status == 1:
            raise EngineError(f"espeak-ng has no voice {voice!r}")
        if status != 0:
            raise EngineError("espeak-ng failed to speak a sentence")
        return Audio(samples, self.sample_rate)


def _pipe(stream: IO[bytes] | None) -> IO[bytes]:
    if stream is None:
        raise OSError("no pipe")
    return stream


class _Command:
    """Debian's ``espeak-ng`` command: one process per sentence, WAV on standard output."""

    def __init__(self, command: str) -> None:
        self.command = command
        listing = subprocess.run(
            [command, "--voices"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
        self.voices = {
            line.split()[1].lower() for line in listing.splitlines()[1:] if len(line.split()) > 1
        }
        banner = subprocess.run(
            [command, "--version"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
        self.version = "command " + " ".join(banner.split()[:4])

    def speak(self, text: str, voice: str) -> Audio:
        try:
            done = subprocess.run(
                [self.command, "-v", voice, "--stdout"],
                input=text.encode("utf-8"),
                capture_output=True,
                timeout=120,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise EngineError(f"espeak-ng failed: {error}") from None
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip()
            raise EngineError(f"espeak-ng failed: {message or done.returncode}")
        # With --stdout the header's sizes are fake: take every byte after "data".
        wav = done.stdout
        start = wav.find(b"data", 12)
        if not wav.startswith(b"RIFF") or start < 0:
            raise EngineError("espeak-ng wrote no WAV audio")
        return Audio(wav[start + 8 :], int.from_bytes(wav[24:28], "little"))


class EspeakEngine:
    """Offline speech with espeak-ng; the voice follows the article's language.

    >>> engine = EspeakEngine()
    >>> engine.voice_for("fa-AF"), engine.voice_for("ps")
    ('fa', None)
    """

    name = "espeak"
    label = "espeak-ng"  # as the audio's listeners are told

    def __init__(self) -> None:
        self.backend = _backend()
        self.version = self.backend.version  # part of the cache key: voices change between versions

    def voice_for(self, language: str, requested: str | None = None) -> str | None:
        """The espeak-ng voice for a BCP 47 tag, or None when there is none."""
        voices = self.backend.voices
        if requested:
            return requested if requested.lower() in voices else None
        pack = find_pack(language)
        if pack is not None:
            # The pack knows (a Latin-script voice must not read Uzbek Cyrillic).
            named = pack.voice("espeak", language)
            return named if named and named in voices else None
        tag = language.lower()
        for candidate in (tag, primary_language(tag)):
            if candidate and candidate in voices:
                return candidate
        return None

    def speak(self, text: str, voice: str, language: str) -> Audio:
        """Say one sentence; if espeak-ng stops on it, say it word by word (warned)."""
        try:
            return self.backend.speak(text, voice)
        except _Crashed:
            words = text.split()
            if len(words) < 2:
                raise
        shown = text if len(text) <= 40 else text[:40] + "…"
        note(f"espeak-ng stopped on the sentence {shown!r}; it is spoken word by word")
        pieces: list[Audio] = []
        for word in words:
            try:
                pieces.append(self.backend.speak(word, voice))
            except _Crashed:
                note(f"espeak-ng stopped on the word {word!r}; it is left out of the audio")
        if not pieces:
            raise EngineError(f"espeak-ng stopped on every word of {shown!r}")
        return Audio(b"".join(piece.samples for piece in pieces), pieces[0].sample_rate)


@lru_cache(maxsize=1)
def _backend() -> _Isolated | _Command:
    try:
        import espeakng_loader

        return _Isolated(espeakng_loader.get_library_path(), espeakng_loader.get_data_path())
    except (ImportError, OSError, RuntimeError, EngineError):
        command = shutil.which("espeak-ng")
        if command is None:
            raise EngineError(
                "espeak-ng is not available: install the espeakng-loader wheel "
                "or Debian's espeak-ng package"
            ) from None
        return _Command(command)


def _voices_in(data: Path) -> set[str]:
    return {path.name.lower() for path in (data / "lang").rglob("*") if path.is_file()}
