"""The audio writer: ``<stem>.mp3`` (ID3v2.4 tags, chapters, cover) and ``<stem>.vtt``.

It provides the ``audio`` artifact (:class:`~newsformats.speech.record.AudioResult`)
so that the page can offer the audio and the book can synchronise it with the
text. The track is spoken and encoded sentence by sentence into the staged
file, so memory does not grow with the article.

When the engine has no voice for the article's language, the audio is left
out with one warning and the other formats are still written;
``ConvertOptions(strict_audio=True)`` (``--strict-audio``) makes it an error,
and so does asking for audio alone.
"""

from __future__ import annotations

from pathlib import Path

from ..lang import messages_for
from ..notes import note
from ..speech.cache import SpeechCache, default_cache_dir
from ..speech.engines import (
    AUTO,
    EngineSettings,
    choose_voice,
    engine_for,
    no_voice_message,
    speech_credit,
)
from ..speech.lexicon import lexicon_for
from ..speech.record import AudioResult, Recording, record_article
from ..speech.tags import AudioTags, CoverArt, write_tags
from ..speech.timing import webvtt
from . import WriteJob

__all__ = ["AudioResult", "audio_tags", "write_audio"]


def write_audio(job: WriteJob) -> list[Path]:
    """Speak the article and write ``<stem>.mp3`` and ``<stem>.vtt``.

    >>> write_audio(job)  # doctest: +SKIP
    [PosixPath('out/story.mp3'), PosixPath('out/story.vtt')]
    """
    options = job.options
    language = job.article.language
    engine = engine_for(options.tts, language, EngineSettings(voice_dirs=options.voice_dirs))
    others = [name for name in job.formats if name != "audio"]
    strict = options.strict_audio or options.voice or not others
    if not strict and engine.voice_for(language) is None:
        job.warn(f"no audio written: {no_voice_message(engine, language)} (--strict-audio)")
        return []
    voice = choose_voice(engine, language, options.voice)
    credit = speech_credit(engine, voice)
    if options.tts.strip().lower() == AUTO:
        note(f"audio spoken by {engine.name}, voice {voice_label(voice)}", level="info")
    cache = SpeechCache(options.cache_dir or default_cache_dir()) if options.use_cache else None
    mp3, vtt = job.path(".mp3"), job.path(".vtt")
    staged = job.outputs.temporary_path(mp3)
    recording = record_article(
        job.article,
        engine,
        staged,
        voice=voice,
        cache=cache,
        lexicon=lexicon_for(job.article.language, options.lexicon),
        max_seconds=options.max_audio_seconds,
    )
    for told in recording.notes:
        job.warn(told)
    write_tags(staged, audio_tags(job, recording, credit))
    timeline = recording.timeline
    job.outputs.write_text(vtt, webvtt(timeline.sentences))
    job.artifacts.audio = AudioResult(
        mp3=mp3,
        vtt=vtt,
        sentences=timeline.sentences,
        chapters=timeline.chapters,
        duration=timeline.duration,
        engine=engine.name,
        language=job.article.language,
        staged=staged,
        voice=credit,
    )
    return [mp3, vtt]


def voice_label(voice: str) -> str:
    """A voice as people name it: a Piper voice file by its stem, else as it is."""
    return Path(voice).name.removesuffix(".onnx") if voice.endswith(".onnx") else voice


def audio_tags(job: WriteJob, recording: Recording, credit: str = "") -> AudioTags:
    """The ID3 tags of an article's audio: byline as artist, publication as album."""
    article = job.article
    messages = messages_for(article.language)
    publication = article.publisher.name if article.publisher else ""
    names = [person.name for person in article.authors]
    cover = None
    if article.lead_image is not None and (loaded := job.image(article.lead_image)):
        cover = CoverArt(loaded.data, loaded.media_type)
    return AudioTags(
        title=article.headline,
        artist=messages.names(names) if names else publication,
        album=publication or article.section or article.headline,
        language=article.language,
        date=article.published.date().isoformat() if article.published else None,
        cover=cover,
        chapters=recording.timeline.chapters,
        synthesized_voice=credit or None,
    )
