"""The audio writer: ``<stem>.mp3`` (ID3v2.4 tags, chapters, cover) and ``<stem>.vtt``.

It runs before the HTML and EPUB writers and leaves an :class:`AudioResult`
in ``job.results["audio"]`` so that the page can offer the audio and the book
can synchronise it with the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import messages_for
from ..notes import note
from ..speech import speak_article
from ..speech.cache import SpeechCache, default_cache_dir
from ..speech.encode import SETTINGS, encode_mp3
from ..speech.engines import AUTO, EngineSettings, choose_voice, engine_for
from ..speech.lexicon import lexicon_for
from ..speech.render import Chapter, SentenceTiming, SpokenArticle
from ..speech.tags import AudioTags, Cover, write_tags
from ..speech.timing import webvtt
from . import WriteJob


@dataclass(frozen=True)
class AudioResult:
    """What the audio writer made, for the writers after it."""

    mp3: Path
    vtt: Path
    sentences: tuple[SentenceTiming, ...]
    chapters: tuple[Chapter, ...]
    duration: float  # seconds
    engine: str
    language: str
    mp3_data: bytes = field(repr=False, default=b"")  # the file is only staged until the job ends


def write_audio(job: WriteJob) -> list[Path]:
    """Speak the article and write ``<stem>.mp3`` and ``<stem>.vtt``."""
    options = job.options
    language = job.article.language
    engine = engine_for(options.tts, language, EngineSettings(voice_dirs=options.voice_dirs))
    voice = choose_voice(engine, language, options.voice)
    if options.tts.strip().lower() == AUTO:
        note(f"audio spoken by {engine.name}, voice {voice_label(voice)}", level="info")
    cache = SpeechCache(options.cache_dir or default_cache_dir()) if options.use_cache else None
    spoken = speak_article(
        job.article,
        engine,
        voice=voice,
        cache=cache,
        lexicon=lexicon_for(job.article.language, options.lexicon),
    )
    mp3, vtt = job.path(".mp3"), job.path(".vtt")
    staged = job.outputs.temporary_path(mp3)
    staged.write_bytes(
        cache.encoded(spoken.audio, SETTINGS, encode_mp3) if cache else encode_mp3(spoken.audio)
    )
    write_tags(staged, audio_tags(job, spoken))
    mp3_data = staged.read_bytes()
    job.outputs.write_text(vtt, webvtt(spoken.sentences))
    job.results["audio"] = AudioResult(
        mp3=mp3,
        vtt=vtt,
        sentences=spoken.sentences,
        chapters=spoken.chapters,
        duration=spoken.duration,
        engine=engine.name,
        language=job.article.language,
        mp3_data=mp3_data,
    )
    return [mp3, vtt]


def voice_label(voice: str) -> str:
    """A voice as people name it: a Piper voice file by its stem, else as it is."""
    return Path(voice).name.removesuffix(".onnx") if voice.endswith(".onnx") else voice


def audio_tags(job: WriteJob, spoken: SpokenArticle) -> AudioTags:
    """The ID3 tags of an article's audio: byline as artist, publication as album."""
    article = job.article
    messages = messages_for(article.language)
    publication = article.publisher.name if article.publisher else ""
    names = [person.name for person in article.authors]
    cover = None
    if article.lead_image is not None and (loaded := job.image(article.lead_image)):
        cover = Cover(loaded.data, loaded.media_type)
    return AudioTags(
        title=article.headline,
        artist=messages.names(names) if names else publication,
        album=publication or article.section or article.headline,
        language=article.language,
        date=article.published.date().isoformat() if article.published else None,
        cover=cover,
        chapters=spoken.chapters,
    )
