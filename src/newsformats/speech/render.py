"""Speak a script: each sentence through the cache or the engine, then one timed track."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import EngineError
from .cache import SpeechCache
from .engines import Audio, SpeechEngine
from .script import Part, SpeechScript


@dataclass(frozen=True)
class SentenceTiming:
    """When a sentence is heard in the track, in seconds from the start."""

    id: str
    text: str
    part: Part
    target: str | None
    start: float
    end: float


@dataclass(frozen=True)
class Chapter:
    """A part of the track (headline, photo, story, credits) with its title."""

    part: Part
    title: str
    start: float
    end: float


@dataclass(frozen=True)
class SpokenArticle:
    """The whole article as one PCM track, with sentence timings and chapters."""

    audio: Audio
    sentences: tuple[SentenceTiming, ...]
    chapters: tuple[Chapter, ...]

    @property
    def duration(self) -> float:
        """The track's length in seconds."""
        return self.audio.seconds


def speak_sentences(
    script: SpeechScript, engine: SpeechEngine, voice: str, cache: SpeechCache | None
) -> list[Audio]:
    """Audio for every utterance, from the cache when it has it, else from the engine.

    >>> from newsformats.speech.engines import engine_named
    >>> from newsformats.speech.script import build_script
    >>> from newsformats.model import Article
    >>> script = build_script(Article(headline="Hi", language="en", body=["Text."]))
    >>> len(speak_sentences(script, engine_named("espeak"), "en-us", None))
    2
    """
    version = str(getattr(engine, "version", ""))
    spoken: list[Audio] = []
    for utterance in script.utterances:
        key = (
            cache.key(engine.name, version, voice, script.language, utterance.spoken)
            if cache
            else ""
        )
        audio = cache.get(key) if cache else None
        if audio is None:
            audio = engine.speak(utterance.spoken, voice, script.language)
            if cache:
                cache.put(key, audio)
        spoken.append(audio)
    return spoken


def assemble(
    script: SpeechScript, sentences: Sequence[Audio], titles: dict[Part, str]
) -> SpokenArticle:
    """Join sentences with their pauses into one track and time every sentence and part."""
    rates = {audio.sample_rate for audio in sentences}
    if len(rates) > 1:
        raise EngineError(f"the engine returned audio at several sample rates: {sorted(rates)}")
    rate = rates.pop() if rates else 22_050
    pieces: list[bytes] = []
    timings: list[SentenceTiming] = []
    position = 0  # in samples
    for utterance, audio in zip(script.utterances, sentences, strict=True):
        start = position
        pieces.append(audio.samples)
        position += len(audio.samples) // 2
        timings.append(
            SentenceTiming(
                utterance.id,
                utterance.text,
                utterance.part,
                utterance.target,
                start / rate,
                position / rate,
            )
        )
        silence = utterance.pause_after * rate // 1000
        pieces.append(bytes(2 * silence))
        position += silence
    track = Audio(b"".join(pieces), rate)
    return SpokenArticle(track, tuple(timings), _chapters(timings, titles, track.seconds))


def _chapters(
    timings: list[SentenceTiming], titles: dict[Part, str], duration: float
) -> tuple[Chapter, ...]:
    starts: list[tuple[Part, float]] = []
    for timing in timings:
        if not starts or starts[-1][0] != timing.part:
            starts.append((timing.part, timing.start))
    chapters = []
    for index, (part, start) in enumerate(starts):
        end = starts[index + 1][1] if index + 1 < len(starts) else duration
        chapters.append(Chapter(part, titles.get(part, part), start, end))
    return tuple(chapters)
