"""libespeak-ng in a process of its own, so that a fault in it fails one sentence.

The parent (:class:`~newsformats.speech.engines.espeak.EspeakEngine`) starts it as
``python -c … LIBRARY DATA``. It first writes ``RATE VERSION`` on a line, then
answers each request, a line of JSON ``{"voice": …, "text": …}`` on standard
input, with a line ``STATUS SIZE`` and ``SIZE`` bytes of 16-bit samples
(status 0: spoken; 1: no such voice; 2: espeak-ng reported an error).

espeak-ng's state is global, and some text overflows one of its buffers (1.51
aborts with "buffer overflow detected" on sentences of BBC Burmese): in the
converting process that killed the worker and every article it had left.
"""

from __future__ import annotations

import json
import sys

from ...errors import EngineError
from .espeak import _Library

OK, NO_VOICE, FAILED = 0, 1, 2


def main(arguments: list[str]) -> int:
    """Serve requests until standard input ends."""
    library, data = arguments
    engine = _Library(library, data)
    out = sys.stdout.buffer
    out.write(f"{engine.sample_rate} {engine.version}\n".encode())
    out.flush()
    for line in sys.stdin.buffer:
        request = json.loads(line)
        status, samples = OK, b""
        try:
            samples = engine.speak(request["text"], request["voice"]).samples
        except EngineError as error:
            status = NO_VOICE if "no voice" in str(error) else FAILED
        out.write(f"{status} {len(samples)}\n".encode())
        out.write(samples)
        out.flush()
    return 0
