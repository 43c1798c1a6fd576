"""Speak a script sentence by sentence and time every sentence and part as the track grows.

The track is never held whole: :func:`stream_track` hands each sentence's PCM
(and the pause after it) to a sink, such as the MP3 encoder, and keeps only
the timings. :func:`assemble` collects a short track in memory for callers who
want the PCM itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from ..errors import EngineError, InputError
from .cache import SpeechCache
from .engines import Audio, SpeechEngine
from .script import Part, SpeechScript, Utterance

DEFAULT_SAMPLE_RATE = 22_050


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
class AudioChapter:
    """A part of the track (headline, photo, story, credits) with its title."""

    part: Part
    title: str
    start: float
    end: float


@dataclass(frozen=True)
class Timeline:
    """Where every sentence and part of a track is heard, and how long the track is."""

    sentences: tuple[SentenceTiming, ...]
    chapters: tuple[AudioChapter, ...]
    duration: float
    sample_rate: int


@dataclass(frozen=True)
class SpokenArticle:
    """The whole article as one PCM track, with sentence timings and chapters."""

    audio: Audio
    sentences: tuple[SentenceTiming, ...]
    chapters: tuple[AudioChapter, ...]

    @property
    def duration(self) -> float:
        """The track's length in seconds."""
        return self.audio.seconds


Voices = dict[str, str]
"""The voice of each language the script has, the article's first."""


def speak_utterances(
    script: SpeechScript, engine: SpeechEngine, voices: Voices, cache: SpeechCache | None
) -> Iterator[Audio]:
    """Audio for every utterance in order, from the cache when it has it, else from the engine.

    A sentence with words in another language is spoken piece by piece, each
    piece in the voice of its language (``voices``; the article's voice when
    the language has none).

    >>> from newsformats.speech.engines import engine_named
    >>> from newsformats.speech.script import build_script
    >>> from newsformats.model import Article
    >>> script = build_script(Article(headline="Hi", language="en", body=["Text."]))
    >>> len(list(speak_utterances(script, engine_named("espeak"), {"en": "en-us"}, None)))
    2
    """
    version = str(getattr(engine, "version", ""))
    for utterance in script.utterances:
        pieces = []
        for language, text in utterance.segments or ((script.language, utterance.spoken),):
            said_in = language if language in voices else script.language
            voice = voices[said_in]
            key = cache.key(engine.name, version, voice, said_in, text) if cache else ""
            audio = cache.get(key) if cache else None
            if audio is None:
                audio = engine.speak(text, voice, said_in)
                if cache:
                    cache.put(key, audio)
            pieces.append(audio)
        yield _join(pieces)


def stream_track(
    script: SpeechScript,
    spoken: Iterable[Audio],
    titles: dict[Part, str],
    sink: Callable[[Audio], object],
    *,
    max_seconds: float | None = None,
) -> Timeline:
    """Send each utterance's audio, then its pause, to ``sink``; return the timeline.

    Only timings are kept, so memory does not grow with the track. A track that
    grows past ``max_seconds`` stops with an :class:`~newsformats.errors.InputError`.

    >>> from newsformats.speech.script import Utterance
    >>> script = SpeechScript("en", (Utterance("p1-s1", "Hi.", "Hi.", "story", "p1-s1", 500),))
    >>> stream_track(script, [Audio(bytes(2000), 1000)], {}, lambda audio: None).duration
    1.5
    """
    rate: int | None = None
    timings: list[SentenceTiming] = []
    position = 0  # in samples
    for utterance, audio in zip(script.utterances, spoken, strict=True):
        if rate is None:
            rate = audio.sample_rate
        elif audio.sample_rate != rate:
            raise EngineError(
                f"the engine returned audio at several sample rates: {rate}, {audio.sample_rate}"
            )
        start = position
        sink(audio)
        position += len(audio.samples) // 2
        timings.append(_timing(utterance, start / rate, position / rate))
        silence = utterance.pause_after * rate // 1000
        if silence:
            sink(Audio(bytes(2 * silence), rate))
            position += silence
        if max_seconds is not None and position / rate > max_seconds:
            raise InputError(
                f"the audio would be longer than the limit of {_hours(max_seconds)} "
                "(raise it with --max-audio-hours, or leave audio out with --to)"
            )
    rate = rate or DEFAULT_SAMPLE_RATE
    duration = position / rate
    return Timeline(tuple(timings), _chapters(timings, titles, duration), duration, rate)


def assemble(
    script: SpeechScript, sentences: Sequence[Audio], titles: dict[Part, str]
) -> SpokenArticle:
    """Join sentences with their pauses into one PCM track held in memory (short texts)."""
    pieces: list[bytes] = []
    timeline = stream_track(script, sentences, titles, lambda audio: pieces.append(audio.samples))
    track = Audio(b"".join(pieces), timeline.sample_rate)
    return SpokenArticle(track, timeline.sentences, timeline.chapters)


def _timing(utterance: Utterance, start: float, end: float) -> SentenceTiming:
    return SentenceTiming(
        utterance.id, utterance.text, utterance.part, utterance.target, start, end
    )


def _join(pieces: list[Audio]) -> Audio:
    if len(pieces) == 1:
        return pieces[0]
    rates = {piece.sample_rate for piece in pieces}
    if len(rates) > 1:
        raise EngineError(f"the engine returned audio at several sample rates: {sorted(rates)}")
    return Audio(b"".join(piece.samples for piece in pieces), rates.pop())


def _hours(seconds: float) -> str:
    hours = seconds / 3600
    return f"{hours:g} h" if hours >= 1 else f"{seconds:g} s"


def _chapters(
    timings: list[SentenceTiming], titles: dict[Part, str], duration: float
) -> tuple[AudioChapter, ...]:
    starts: list[tuple[Part, float]] = []
    for timing in timings:
        if not starts or starts[-1][0] != timing.part:
            starts.append((timing.part, timing.start))
    chapters = []
    for index, (part, start) in enumerate(starts):
        end = starts[index + 1][1] if index + 1 < len(starts) else duration
        chapters.append(AudioChapter(part, titles.get(part, part), start, end))
    return tuple(chapters)
