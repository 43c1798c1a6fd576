"""Audio is spoken and encoded sentence by sentence, within a length limit, cached whole."""

from __future__ import annotations

from pathlib import Path

import miniaudio
import pytest

from newsformats.cli import main
from newsformats.errors import InputError
from newsformats.model import Article, as_json
from newsformats.speech import speak_article
from newsformats.speech.cache import SpeechCache
from newsformats.speech.encode import encode_mp3
from newsformats.speech.engines import Audio
from newsformats.speech.engines.espeak import EspeakEngine
from newsformats.speech.record import record_article

ARTICLE = Article(
    headline="Streaming Works",
    language="en",
    body=["First sentence here. Second one follows.", "A new paragraph."],
)


class CountingEngine(EspeakEngine):
    """The real espeak-ng engine, counting its calls."""

    calls = 0

    def speak(self, text: str, voice: str, language: str) -> Audio:
        self.calls += 1
        return super().speak(text, voice, language)


def test_the_streamed_mp3_holds_the_whole_track(tmp_path: Path) -> None:
    engine = EspeakEngine()
    made = record_article(ARTICLE, engine, tmp_path / "a.mp3")
    whole = speak_article(ARTICLE, engine)
    (tmp_path / "b.mp3").write_bytes(encode_mp3(whole.audio))
    streamed, at_once = (
        miniaudio.decode_file(str(tmp_path / name), nchannels=1, sample_rate=22_050)
        for name in ("a.mp3", "b.mp3")
    )
    assert streamed.num_frames == at_once.num_frames
    assert streamed.duration == pytest.approx(whole.duration, abs=0.15)  # encoder delay
    assert [s.id for s in made.timeline.sentences] == [s.id for s in whole.sentences]
    ends = zip(made.timeline.sentences, whole.sentences, strict=True)
    assert all(a.end == pytest.approx(b.end, abs=0.05) for a, b in ends)
    assert made.timeline.duration == pytest.approx(whole.duration, abs=0.05)


def test_an_unchanged_article_is_copied_from_the_track_cache(tmp_path: Path) -> None:
    cache = SpeechCache(tmp_path / "cache")
    first_engine, second_engine = CountingEngine(), CountingEngine()
    first = record_article(ARTICLE, first_engine, tmp_path / "1.mp3", cache=cache)
    second = record_article(ARTICLE, second_engine, tmp_path / "2.mp3", cache=cache)
    assert first_engine.calls > 0 and second_engine.calls == 0
    assert (tmp_path / "1.mp3").read_bytes() == (tmp_path / "2.mp3").read_bytes()
    assert first.timeline == second.timeline


def test_audio_longer_than_the_limit_stops_with_one_line(tmp_path: Path, helpers) -> None:
    with pytest.raises(InputError, match=r"longer than the limit of 2 s") as caught:
        helpers.make(ARTICLE, tmp_path / "out", ["audio", "html"], use_cache=False,
                     max_audio_seconds=2.0)  # fmt: skip
    assert "\n" not in str(caught.value)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_the_limit_is_an_option_of_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "a.json"
    source.write_text(as_json(ARTICLE), encoding="utf-8")
    args = ["convert", str(source), "-o", str(tmp_path / "out"), "--to", "audio", "-q"]
    assert main([*args, "--no-cache", "--max-audio-hours", "0.0005"]) == 2
    assert "longer than the limit" in capsys.readouterr().err
    assert main([*args, "--no-cache"]) == 0
