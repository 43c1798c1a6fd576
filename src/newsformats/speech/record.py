"""Record an article: speak it sentence by sentence straight into an MP3 file.

Memory stays flat whatever the article's length: each sentence's PCM goes to
the encoder and the encoded frames to the file as they come; only the
timings are kept. An unchanged article is copied from the track cache
(no engine call, no encoding). :class:`AudioResult` is what the audio writer
hands the writers after it (the page's player, the book's read-along).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..lang import messages_for
from ..model import Article
from .cache import SpeechCache
from .encode import SETTINGS, Mp3Stream
from .engines import SpeechEngine, choose_voice, language_name
from .lexicon import Lexicon
from .render import AudioChapter, SentenceTiming, Timeline, speak_utterances, stream_track
from .script import build_script


@dataclass(frozen=True)
class Recording:
    """A recorded track's timeline, the voices that spoke it, and what a listener should know."""

    timeline: Timeline
    voices: dict[str, str]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class AudioResult:
    """What the audio writer made, for the writers after it (a typed artifact).

    ``staged`` holds the MP3 until the conversion's files are committed to
    ``mp3``; :attr:`mp3_data` reads whichever exists.
    """

    mp3: Path
    vtt: Path
    sentences: tuple[SentenceTiming, ...]
    chapters: tuple[AudioChapter, ...]
    duration: float  # seconds
    engine: str
    language: str
    staged: Path | None = field(default=None, repr=False)
    voice: str = ""
    """The synthesised voice, as listeners are told (``espeak-ng, en-us``)."""

    @property
    def file(self) -> Path:
        """Where the MP3's bytes are now: the staged file, or the committed one."""
        return self.staged if self.staged is not None and self.staged.exists() else self.mp3

    @property
    def mp3_data(self) -> bytes:
        """The MP3's bytes, read from :attr:`file` when asked (never kept in memory)."""
        return self.file.read_bytes()


def record_article(
    article: Article,
    engine: SpeechEngine,
    target: Path,
    *,
    voice: str | None = None,
    cache: SpeechCache | None = None,
    lexicon: Lexicon | None = None,
    max_seconds: float | None = None,
) -> Recording:
    """Speak ``article`` into the MP3 file ``target`` (no tags yet) and return its timeline.

    Passages in another language are spoken by a voice of theirs when the engine
    has one; otherwise by the article's voice, with a note saying so.

    >>> from newsformats.speech.engines import engine_named
    >>> made = record_article(Article(headline="Hi", language="en", body=["Yes."]),
    ...                       engine_named("espeak"), Path("/tmp/nf-doctest.mp3"))
    >>> [s.id for s in made.timeline.sentences]
    ['headline-s1', 'p1-s1']
    """
    voices = {article.language: choose_voice(engine, article.language, voice)}
    script = build_script(article, lexicon)
    notes = []
    for language in script.other_languages:
        other = engine.voice_for(language)
        if other is None:
            notes.append(
                f"no {engine.name} voice for {language_name(language)} ({language}): "
                f"its passages are read by the {article.language} voice"
            )
        else:
            voices[language] = other
    titles = script.part_titles(messages_for(article.language), article.headline)
    key = ""
    if cache is not None:
        version = str(getattr(engine, "version", ""))
        utterances = [
            (u.id, u.text, u.spoken, u.segments, u.pause_after) for u in script.utterances
        ]
        key = cache.track_key([SETTINGS, engine.name, version, voices, titles, utterances])
        hit = cache.track(key)
        if hit is not None:
            try:
                timeline = _timeline(json.loads(hit[1]))
            except (ValueError, KeyError, TypeError):
                pass  # a damaged entry: record again
            else:
                if max_seconds is None or timeline.duration <= max_seconds:
                    shutil.copyfile(hit[0], target)
                    return Recording(timeline, voices, tuple(notes))
    with target.open("wb") as out:
        encoder = Mp3Stream(out.write)
        spoken = speak_utterances(script, engine, voices, cache)
        timeline = stream_track(script, spoken, titles, encoder.feed, max_seconds=max_seconds)
        encoder.close()
    if cache is not None:
        cache.put_track(key, target, json.dumps(asdict(timeline), ensure_ascii=False).encode())
    return Recording(timeline, voices, tuple(notes))


def _timeline(data: Any) -> Timeline:
    return Timeline(
        tuple(SentenceTiming(**item) for item in data["sentences"]),
        tuple(AudioChapter(**item) for item in data["chapters"]),
        float(data["duration"]),
        int(data["sample_rate"]),
    )
