"""Speech engines behind one small protocol, found by name.

Built in: ``espeak`` (offline), ``piper`` (offline neural voices, the
``newsformats[piper]`` extra) and ``gtts`` (online: sends the text to Google).
``auto`` (the default) is no engine of its own: it picks Piper when a Piper
voice for the article's language is configured (a voice folder), else espeak-ng.
More engines come in through the ``newsformats.tts`` entry-point group: a name
and a ``module:factory`` returning a :class:`SpeechEngine`; a factory that takes
one argument is given the :class:`EngineSettings`.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ... import plugins
from ...errors import UsageError

ENGINES: dict[str, str] = {
    "espeak": "newsformats.speech.engines.espeak:EspeakEngine",
    "gtts": "newsformats.speech.engines.gtts:GttsEngine",
    "piper": "newsformats.speech.engines.piper:PiperEngine",
}
AUTO = "auto"


@dataclass(frozen=True)
class EngineSettings:
    """What an engine may need besides a voice name: where voice files are."""

    voice_dirs: tuple[Path, ...] = ()


@dataclass(frozen=True)
class Audio:
    """Speech as 16-bit signed little-endian mono PCM."""

    samples: bytes
    sample_rate: int

    @property
    def seconds(self) -> float:
        """The length in seconds."""
        return len(self.samples) / 2 / self.sample_rate


class SpeechEngine(Protocol):
    """What newsformats needs of a speech engine.

    ``name`` keys the cache (an optional ``label`` is the name listeners are
    told, in "Read by a synthesised voice"); ``voice_for`` says which voice speaks a language
    (None when the engine cannot), without any network access; ``speak`` turns
    one sentence into audio or raises :class:`~newsformats.errors.EngineError`.
    """

    name: str

    def voice_for(self, language: str, requested: str | None = None) -> str | None: ...

    def speak(self, text: str, voice: str, language: str) -> Audio: ...


EngineFactory = Callable[..., SpeechEngine]


def engine_names() -> list[str]:
    """Every engine's name, built-in first."""
    return list(_registry())


def engine_named(name: str, settings: EngineSettings | None = None) -> SpeechEngine:
    """Make the engine called ``name``.

    >>> engine_named("espeak").name
    'espeak'
    """
    name = name.strip().lower()
    factory: EngineFactory = plugins.load(_registry(name), name, "speech engine")
    takes_settings = any(
        parameter.kind in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD)
        for parameter in inspect.signature(factory).parameters.values()
    )
    return factory(settings or EngineSettings()) if takes_settings else factory()


def engine_for(name: str, language: str, settings: EngineSettings | None = None) -> SpeechEngine:
    """The engine to speak ``language`` with: ``name``, or for ``auto`` the best offline one.

    ``auto`` picks Piper when it is installed and a Piper voice in a configured
    voice folder speaks the language, and espeak-ng otherwise; it never picks an
    online engine, and installing a voice package alone does not change it.

    >>> engine_for("auto", "ps").name
    'espeak'
    """
    if name.strip().lower() != AUTO:
        return engine_named(name, settings)
    from .piper import piper_available, voices_for

    settings = settings or EngineSettings()
    if piper_available() and voices_for(language, settings.voice_dirs, packages=False):
        return engine_named("piper", settings)
    return engine_named("espeak", settings)


def speech_credit(engine: SpeechEngine, voice: str) -> str:
    """How the audio names its synthesised voice: the engine's label and the voice.

    >>> speech_credit(engine_named("espeak"), "en-us")
    'espeak-ng, en-us'
    """
    shown = Path(voice).name.removesuffix(".onnx") if voice.endswith(".onnx") else voice
    return f"{getattr(engine, 'label', engine.name)}, {shown}"


def choose_voice(engine: SpeechEngine, language: str, requested: str | None = None) -> str:
    """The voice ``engine`` uses for ``language``, or a clear error naming engines that can.

    >>> choose_voice(engine_named("espeak"), "ru")
    'ru'
    """
    voice = engine.voice_for(language, requested)
    if voice is not None:
        return voice
    if requested:
        raise UsageError(f"the {engine.name} engine has no voice {requested!r} for {language}")
    raise UsageError(no_voice_message(engine, language))


def no_voice_message(engine: SpeechEngine, language: str) -> str:
    """One line saying that ``engine`` cannot speak ``language``, and which engines can."""
    names = engine_names()
    able = [name for name in names if name != engine.name and _can_speak(name, language)]
    alternative = (
        f"engines that can: {', '.join(able)} (choose one with --tts)"
        if able
        else f"none of the installed engines ({', '.join(names)}) can"
    )
    return (
        f"the {engine.name} engine cannot speak {language_name(language)} ({language}); "
        + alternative
    )


def language_name(tag: str) -> str:
    """The English name of a language tag, e.g. 'Persian' for 'fa'."""
    from babel import Locale, UnknownLocaleError

    try:
        return str(Locale.parse(tag.replace("-", "_")).get_display_name("en"))
    except (UnknownLocaleError, ValueError):
        return tag


def _can_speak(name: str, language: str) -> bool:
    try:
        return engine_named(name).voice_for(language) is not None
    except Exception:  # a broken plug-in must not hide the real error
        return False


def _registry(*wanted: str) -> dict[str, str]:
    return plugins.registry(ENGINES, "newsformats.tts", *wanted)
