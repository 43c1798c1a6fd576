"""gTTS's whole code path against a local server on 127.0.0.1 that plays Google's part.

The server answers gTTS's batchexecute POSTs with real MP3 bytes (the request's
text spoken by espeak-ng and encoded with LAME), and can answer 429, drop the
connection or stall, as the real service does under load. One opt-in test talks
to the real service (NEWSFORMATS_ONLINE_TESTS=1).
"""

from __future__ import annotations

import base64
import json
import os
import socket
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import gtts.tts
import pytest
from mutagen.mp3 import MP3

from newsformats.errors import EngineError
from newsformats.model import Article
from newsformats.speech.encode import encode_mp3
from newsformats.speech.engines.espeak import EspeakEngine
from newsformats.speech.engines.gtts import GttsEngine

SHORT = Article(
    headline="Heat Wave Grips Central Asia",
    language="en",
    publisher="Newsformats Example Desk",
    body=[
        "Temperatures reached 46 degrees on July 11. People were told to stay indoors.",
        "Officials opened cooling centres in every district of the capital.",
    ],
)


@dataclass
class FakeGoogle:
    """What the server should do next ("ok", "429", "drop", "stall"), and what it was asked."""

    port: int = 0
    plan: list[str] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)  # (text, language)


def _answer(mp3: bytes) -> bytes:
    payload = json.dumps(
        [
            [
                "wrb.fr",
                "jQ1olc",
                json.dumps([base64.b64encode(mp3).decode()]),
                None,
                None,
                None,
                "generic",
            ]
        ],
        separators=(",", ":"),
    )
    return f")]}}'\n\n{len(payload)}\n{payload}\n".encode()


@pytest.fixture
def google(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGoogle]:
    state = FakeGoogle()
    espeak = EspeakEngine()
    stall = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"])).decode()
            rpc = json.loads(urllib.parse.parse_qs(body)["f.req"][0])
            text, language, *_ = json.loads(rpc[0][0][1])
            state.requests.append((text, language))
            action = state.plan.pop(0) if state.plan else "ok"
            if action == "drop":
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            if action == "stall":
                stall.wait(5)
                return
            if action == "429":
                self.send_response(429, "Too Many Requests")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            voice = "ru" if language == "ru" else "en-us"
            data = _answer(encode_mp3(espeak.speak(text, voice, language)))
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setattr(
        gtts.tts,
        "_translate_url",
        lambda tld="com", path="": f"http://127.0.0.1:{state.port}/{path}",
    )
    yield state
    stall.set()
    server.shutdown()
    server.server_close()


def quick_engine(sleeps: list[float], **settings: float) -> GttsEngine:
    """A gTTS engine that records its waits instead of sleeping."""
    options = {"timeout": 5.0, "attempts": 3, "backoff": 0.5, "min_interval": 0.0, **settings}
    return GttsEngine(sleep=sleeps.append, **options)  # type: ignore[arg-type]


def test_gtts_speaks_an_article_through_the_service(
    google: FakeGoogle, tmp_path: Path, helpers
) -> None:
    made = helpers.make(
        SHORT, tmp_path / "out", ["audio"], tts="gtts", cache_dir=tmp_path / "cache"
    )
    said = " ".join(text for text, _ in google.requests)
    for sentence in ["Heat Wave Grips Central Asia", "People were told to stay indoors."]:
        assert sentence in said
    assert {language for _, language in google.requests} == {"en"}
    assert all(len(text) <= 100 for text, _ in google.requests)
    info = MP3(made.file(".mp3")).info
    assert info.sample_rate == 24000 and info.channels == 1
    assert info.length > 5
    assert "p1-s2" in made.file(".vtt").read_text()


def test_gtts_makes_one_request_series_per_sentence(google: FakeGoogle) -> None:
    engine = quick_engine([])
    engine.speak("One sentence only.", "en", "en")
    engine.speak("Another one.", "en", "en")
    assert [text for text, _ in google.requests] == ["One sentence only.", "Another one."]


def test_gtts_retries_after_http_429_with_backoff(google: FakeGoogle) -> None:
    google.plan = ["429", "429", "ok"]
    sleeps: list[float] = []
    audio = quick_engine(sleeps).speak("Try again.", "en", "en")
    assert audio.seconds > 0.3
    assert len(google.requests) == 3
    assert sleeps == [0.5, 1.0]  # doubling backoff


def test_gtts_retries_after_a_dropped_connection(google: FakeGoogle) -> None:
    google.plan = ["drop", "ok"]
    audio = quick_engine([]).speak("Connection dropped.", "en", "en")
    assert audio.seconds > 0.3
    assert len(google.requests) == 2


def test_gtts_gives_up_on_repeated_429_with_a_clear_message(google: FakeGoogle) -> None:
    google.plan = ["429"] * 5
    with pytest.raises(EngineError, match=r"refused more requests \(HTTP 429\) after 3 attempts"):
        quick_engine([]).speak("Busy.", "en", "en")


def test_gtts_throttles_its_requests(google: FakeGoogle) -> None:
    sleeps: list[float] = []
    engine = quick_engine(sleeps, min_interval=30.0)
    engine.speak("First.", "en", "en")
    engine.speak("Second.", "en", "en")
    assert len(sleeps) == 1 and 0 < sleeps[0] <= 30.0


def test_gtts_never_waits_forever(google: FakeGoogle) -> None:
    google.plan = ["stall"]
    with pytest.raises(EngineError, match="could not connect"):
        quick_engine([], timeout=0.5, attempts=1).speak("Stalled.", "en", "en")


def test_gtts_without_network_fails_clearly_and_leaves_no_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, helpers
) -> None:
    with socket.socket() as closed:  # a port on which nothing listens
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    monkeypatch.setattr(
        gtts.tts, "_translate_url", lambda tld="com", path="": f"http://127.0.0.1:{port}/{path}"
    )
    out = tmp_path / "out"
    with pytest.raises(EngineError) as caught:
        helpers.make(SHORT, out, ["audio", "html"], tts="gtts", cache_dir=tmp_path / "cache")
    message = str(caught.value)
    assert "could not connect to Google's speech service" in message
    assert "--tts espeak" in message
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.online
@pytest.mark.skipif(
    os.environ.get("NEWSFORMATS_ONLINE_TESTS") != "1",
    reason="talks to Google; set NEWSFORMATS_ONLINE_TESTS=1",
)
def test_gtts_speaks_with_the_real_service(tmp_path: Path, helpers) -> None:
    made = helpers.make(SHORT, tmp_path / "out", ["audio"], tts="gtts", use_cache=False)
    assert MP3(made.file(".mp3")).info.length > 5
