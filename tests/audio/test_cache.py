"""The per-sentence cache: an unchanged article costs no engine call on its second run.

Calls are counted by a plug-in engine (found through the ``newsformats.tts``
entry-point group) that wraps the real espeak-ng engine.
"""

from __future__ import annotations

import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from newsformats import plugins
from newsformats.model import Article
from newsformats.speech.cache import SpeechCache, default_cache_dir
from newsformats.speech.engines import Audio, engine_names

COUNTING_ENGINE = """
CALLS = []

class CountingEngine:
    name = "counting"
    version = "1"

    def __init__(self):
        from newsformats.speech.engines.espeak import EspeakEngine
        self.inner = EspeakEngine()

    def voice_for(self, language, requested=None):
        return self.inner.voice_for(language, requested)

    def speak(self, text, voice, language):
        CALLS.append(text)
        return self.inner.speak(text, voice, language)
"""


@pytest.fixture
def counting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Install the counting engine as a plug-in; return the list its calls go to."""
    plugin = tmp_path / "plugin"
    (plugin / "nf_counting-1.0.dist-info").mkdir(parents=True)
    (plugin / "nf_counting-1.0.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: nf-counting\nVersion: 1.0\n"
    )
    (plugin / "nf_counting-1.0.dist-info" / "entry_points.txt").write_text(
        "[newsformats.tts]\ncounting = nf_counting_engine:CountingEngine\n"
    )
    (plugin / "nf_counting_engine.py").write_text(textwrap.dedent(COUNTING_ENGINE))
    monkeypatch.syspath_prepend(str(plugin))
    monkeypatch.delitem(sys.modules, "nf_counting_engine", raising=False)
    plugins.installed.cache_clear()  # entry points are read once per process: read them again
    import nf_counting_engine  # type: ignore[import-not-found]

    calls: list[str] = nf_counting_engine.CALLS
    return calls


def test_engines_can_be_added_through_entry_points(counting: list[str]) -> None:
    assert "counting" in engine_names()


def test_second_run_of_an_unchanged_article_makes_no_engine_calls(
    counting: list[str], example: Article, tmp_path: Path, helpers
) -> None:
    cache = tmp_path / "cache"
    first = helpers.make(example, tmp_path / "1", ["audio"], tts="counting", cache_dir=cache)
    spoken = len(counting)
    assert spoken == 32  # one call per sentence
    second = helpers.make(example, tmp_path / "2", ["audio"], tts="counting", cache_dir=cache)
    assert len(counting) == spoken
    assert first.file(".mp3").read_bytes() == second.file(".mp3").read_bytes()
    assert first.file(".vtt").read_text() == second.file(".vtt").read_text()


def test_a_changed_sentence_costs_one_call(
    counting: list[str], heatwave: Article, tmp_path: Path, helpers
) -> None:
    cache = tmp_path / "cache"
    helpers.make(heatwave, tmp_path / "1", ["audio"], tts="counting", cache_dir=cache)
    counting.clear()
    changed = replace(heatwave, standfirst="Officials told people to stay inside.")
    helpers.make(changed, tmp_path / "2", ["audio"], tts="counting", cache_dir=cache)
    assert counting == ["Officials told people to stay inside."]


def test_no_cache_speaks_every_sentence_again(
    counting: list[str], heatwave: Article, tmp_path: Path, helpers
) -> None:
    cache = tmp_path / "cache"
    helpers.make(heatwave, tmp_path / "1", ["audio"], tts="counting", cache_dir=cache)
    before = len(counting)
    helpers.make(heatwave, tmp_path / "2", ["audio"], tts="counting", use_cache=False)
    assert len(counting) == 2 * before


def test_cache_key_changes_with_engine_voice_language_and_text(tmp_path: Path) -> None:
    cache = SpeechCache(tmp_path)
    base = ("espeak", "1", "en-us", "en", "Hello.")
    keys = {
        cache.key(*base),
        cache.key("gtts", *base[1:]),
        cache.key(base[0], base[1], "en", *base[3:]),
        cache.key(*base[:3], "en-GB", base[4]),
        cache.key(*base[:4], "Hello!"),
    }
    assert len(keys) == 5


def test_a_damaged_cache_entry_is_spoken_again(tmp_path: Path) -> None:
    cache = SpeechCache(tmp_path)
    key = cache.key("espeak", "1", "en-us", "en", "Hello.")
    cache.put(key, Audio(b"\x01\x00" * 100, 22050))
    assert cache.get(key) == Audio(b"\x01\x00" * 100, 22050)
    next(tmp_path.rglob("*.wav")).write_bytes(b"RIFF broken")
    assert cache.get(key) is None


def test_default_cache_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "newsformats"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache_dir() == Path.home() / ".cache" / "newsformats"
