"""The online engine: Google Translate's speech through gTTS. It sends the text to Google.

gTTS's quirks stay here: it waits forever without a timeout, so we always give
one; it fails on HTTP 429 and dropped connections, so we retry with backoff;
it is easy to overload, so requests are throttled; its ``save()`` leaves an
empty file on failure, so we never use it (audio goes to memory, then to the
cache and the outputs, which both write through a temporary file).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from io import BytesIO

from ...errors import EngineError
from ...lang import find_pack
from ...language import primary_language
from . import Audio, language_name

SAMPLE_RATE = 24_000  # what Google sends: MPEG-2 Layer III, 24 kHz mono


class GttsEngine:
    """Speech from Google's online service, one request series per sentence.

    >>> GttsEngine().voice_for("ru"), GttsEngine().voice_for("fa"), GttsEngine().voice_for("he")
    ('ru', None, 'iw')
    """

    name = "gtts"
    label = "Google Translate speech (gTTS)"  # as the audio's listeners are told
    version = "1"

    def __init__(
        self,
        *,
        timeout: float = 15.0,
        attempts: int = 4,
        backoff: float = 0.5,
        min_interval: float = 0.25,
        tld: str = "com",
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.timeout = timeout
        self.attempts = attempts
        self.backoff = backoff
        self.min_interval = min_interval
        self.tld = tld
        self.sleep = sleep
        self._lock = threading.Lock()
        self._last_request = 0.0

    def voice_for(self, language: str, requested: str | None = None) -> str | None:
        """gTTS's language code for a BCP 47 tag, or None when Google has no voice for it."""
        from gtts.lang import tts_langs

        codes: dict[str, str] = {str(code).lower(): str(code) for code in tts_langs()}
        pack = None if requested else find_pack(language)
        if pack is not None:
            # The pack knows: Google names Hebrew "iw", not "he".
            named = pack.voice("gtts", language)
            return codes.get(named.lower()) if named else None
        wanted = [requested] if requested else [language, primary_language(language)]
        for candidate in wanted:
            if candidate.lower() in codes:
                return codes[candidate.lower()]
        return None

    def speak(self, text: str, voice: str, language: str) -> Audio:
        """Say one sentence, retrying on connection errors, HTTP 429 and server errors."""
        from gtts import gTTS, gTTSError

        for attempt in range(1, self.attempts + 1):
            self._throttle()
            buffer = BytesIO()
            try:
                gTTS(text, lang=voice, tld=self.tld, timeout=self.timeout).write_to_fp(buffer)
                return decode_mp3(buffer.getvalue())
            except gTTSError as error:
                response = error.rsp
                status = response.status_code if response is not None else None
                retry = status is None or status == 429 or status >= 500
                if not retry or attempt == self.attempts:
                    raise EngineError(_explain(status, language, attempt)) from None
                wait = self.backoff * 2 ** (attempt - 1)
                if response is not None:
                    wait = max(wait, _retry_after(response.headers.get("Retry-After")))
                self.sleep(min(wait, 60.0))
        raise AssertionError("unreachable")  # pragma: no cover

    def _throttle(self) -> None:
        with self._lock:
            wait = self._last_request + self.min_interval - time.monotonic()
            if wait > 0:
                self.sleep(wait)
            self._last_request = time.monotonic()


def decode_mp3(data: bytes, sample_rate: int = SAMPLE_RATE) -> Audio:
    """Decode MP3 bytes to mono 16-bit PCM at ``sample_rate``."""
    import miniaudio

    try:
        decoded = miniaudio.decode(
            data,
            output_format=miniaudio.SampleFormat.SIGNED16,
            nchannels=1,
            sample_rate=sample_rate,
        )
    except miniaudio.DecodeError:
        raise EngineError("the speech service sent something that is not MP3 audio") from None
    return Audio(decoded.samples.tobytes(), sample_rate)


def _explain(status: int | None, language: str, attempts: int) -> str:
    tries = f"after {attempts} attempt{'s' if attempts > 1 else ''}"
    if status is None:
        return (
            f"gTTS could not connect to Google's speech service {tries}; "
            "check the network, or use --tts espeak (offline)"
        )
    if status == 429:
        return f"Google's speech service refused more requests (HTTP 429) {tries}; try later"
    return (
        f"Google's speech service answered HTTP {status} {tries} "
        f"for {language_name(language)} ({language})"
    )


def _retry_after(value: str | None) -> float:
    try:
        return float(value) if value else 0.0
    except ValueError:
        return 0.0
