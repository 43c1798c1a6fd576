"""Passages in another language are spoken by a voice of their language, or with a note."""

from __future__ import annotations

from pathlib import Path

from newsformats.model import Article, ForeignSpan, Paragraph
from newsformats.speech.engines import Audio
from newsformats.speech.engines.espeak import EspeakEngine
from newsformats.speech.record import record_article
from newsformats.speech.script import build_script


class RecordingEngine(EspeakEngine):
    """The real espeak-ng engine, remembering which voice said what."""

    def __init__(self) -> None:
        super().__init__()
        self.said: list[tuple[str, str]] = []

    def speak(self, text: str, voice: str, language: str) -> Audio:
        self.said.append((voice, text))
        return super().speak(text, voice, language)


def article_with(language: str, words: str) -> Article:
    span = ForeignSpan(language=language, children=[words])
    paragraph = Paragraph(content=["He said ", span, " and left."])
    return Article(headline="Talks", language="en", body=[paragraph])


def test_a_russian_passage_is_spoken_by_the_russian_voice(tmp_path: Path) -> None:
    engine = RecordingEngine()
    made = record_article(article_with("ru", "да, конечно"), engine, tmp_path / "a.mp3")
    assert ("ru", "да, конечно") in engine.said
    assert ("en-us", "He said") in engine.said and ("en-us", "and left.") in engine.said
    assert made.notes == ()
    # One sentence, one id and one cue, however many voices speak it.
    assert [s.id for s in made.timeline.sentences] == ["headline-s1", "p1-s1"]


def test_a_passage_without_a_voice_is_read_by_the_articles_voice_with_a_note(
    tmp_path: Path,
) -> None:
    engine = RecordingEngine()
    made = record_article(article_with("ps", "ښه راغلاست"), engine, tmp_path / "a.mp3")
    assert ("en-us", "ښه راغلاست") in engine.said
    (note,) = made.notes
    assert "Pashto (ps)" in note and "en voice" in note


def test_a_sentence_in_the_articles_own_language_is_one_piece() -> None:
    script = build_script(Article(headline="H", language="en", body=["Plain text."]))
    assert all(u.segments == () for u in script.utterances)
