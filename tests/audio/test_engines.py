"""Engines: espeak-ng really speaks, voices follow the language, unknown ones fail clearly."""

from __future__ import annotations

import shutil

import pytest

from newsformats.errors import UsageError
from newsformats.speech.engines import choose_voice, engine_named, engine_names
from newsformats.speech.engines.espeak import EspeakEngine, _Command


def test_espeak_is_offline_and_the_default_engine() -> None:
    assert engine_names()[:2] == ["espeak", "gtts"]
    assert engine_named("espeak").name == "espeak"


@pytest.mark.parametrize(
    ("language", "voice"),
    [
        ("en", "en-us"),
        ("en-GB", "en"),
        ("ru", "ru"),
        ("fa", "fa"),
        ("fa-AF", "fa"),
        ("prs", "fa"),
        ("el", "el"),
        ("he", "he"),
    ],
)
def test_espeak_voice_follows_the_article_language(language: str, voice: str) -> None:
    assert choose_voice(EspeakEngine(), language) == voice


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Leaders met in Dushanbe."),
        ("ru", "Лидеры встретились в Душанбе."),
        ("fa", "رهبران در دوشنبه دیدار کردند."),
        ("el", "Οι ηγέτες συναντήθηκαν στη Ντουσαμπέ."),
        ("he", "המנהיגים נפגשו בדושנבה."),
    ],
)
def test_espeak_speaks_each_language_with_its_own_voice(language: str, text: str) -> None:
    engine = EspeakEngine()
    audio = engine.speak(text, choose_voice(engine, language), language)
    assert audio.sample_rate == 22050
    assert 1.0 < audio.seconds < 6.0
    assert max(abs(int.from_bytes(audio.samples[i : i + 2], "little", signed=True))
               for i in range(0, len(audio.samples), 2)) > 3000  # fmt: skip


def test_voices_of_two_languages_sound_different() -> None:
    engine = EspeakEngine()
    russian = engine.speak("Душанбе", "ru", "ru")
    english = engine.speak("Душанбе", "en-us", "en")
    assert russian.samples != english.samples


def test_pashto_has_no_voice_and_the_error_names_language_and_engines() -> None:
    with pytest.raises(UsageError) as caught:
        choose_voice(EspeakEngine(), "ps")
    message = str(caught.value)
    assert "Pashto (ps)" in message
    assert "espeak" in message and "gtts" in message


def test_gtts_on_persian_fails_naming_the_engine_that_can() -> None:
    with pytest.raises(UsageError) as caught:
        choose_voice(engine_named("gtts"), "fa")
    message = str(caught.value)
    assert "gtts engine cannot speak Persian (fa)" in message
    assert "engines that can: espeak" in message


def test_an_unknown_engine_is_a_usage_error() -> None:
    with pytest.raises(
        UsageError, match="unknown speech engine 'festival'; choose from espeak, gtts"
    ):
        engine_named("festival")


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="Debian's espeak-ng is not installed")
def test_the_espeak_ng_command_is_a_working_fallback() -> None:
    command = _Command(shutil.which("espeak-ng") or "")
    assert "ru" in command.voices
    audio = command.speak("Leaders met in Dushanbe.", "en-us")
    assert audio.sample_rate == 22050
    assert 1.0 < audio.seconds < 6.0


# A sentence of BBC Burmese on which libespeak-ng 1.51 aborts ("buffer overflow detected").
BURMESE_ABORT = "ငွေကျပ်သိန်း ၁၀၀ နဲ့ တာမွေမြို့နယ်တရားရုံးက အာမခံပေးလိုက်ပြီလို့ အမှုမှာရှေ့နေအဖြစ်"


def test_a_sentence_that_makes_espeak_abort_is_spoken_word_by_word() -> None:
    # Before the library ran in a process of its own, this ended the test run.
    from newsformats.notes import collecting_notes

    engine = EspeakEngine()
    with collecting_notes() as notes:
        audio = engine.speak(BURMESE_ABORT, "my", "my")
        after = engine.speak("Hello there.", "en-us", "en")  # the library was started again
    assert audio.seconds > 2.0
    assert after.seconds > 0.3
    told = [n.message for n in notes]
    assert not told or "it is spoken word by word" in told[0]  # a fixed espeak-ng tells nothing
