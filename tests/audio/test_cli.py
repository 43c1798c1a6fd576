"""The command line: --to audio, --tts, --no-cache, --lexicon, as a user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import EXAMPLE_TXT, run_cli


@pytest.fixture(autouse=True)
def private_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "newsformats"


def test_convert_to_audio_writes_mp3_and_vtt_and_fills_the_cache(
    tmp_path: Path, private_cache: Path
) -> None:
    run = run_cli("convert", EXAMPLE_TXT, "-o", tmp_path / "out", "--to", "audio,html")
    assert run.code == 0, run.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert "csto-sco-afghanistan.mp3" in names and "csto-sco-afghanistan.vtt" in names
    assert len(list((private_cache / "speech").rglob("*.wav"))) == 32


def test_no_cache_leaves_the_cache_alone(tmp_path: Path, private_cache: Path) -> None:
    run = run_cli("convert", EXAMPLE_TXT, "-o", tmp_path / "out", "--to", "audio", "--no-cache")
    assert run.code == 0, run.stderr
    assert not private_cache.exists()


def test_a_lexicon_file_changes_the_audio_not_the_transcript(tmp_path: Path) -> None:
    lexicon = tmp_path / "names.yaml"
    lexicon.write_text("Dushanbe: Doo shan beh\n")
    plain = run_cli("convert", EXAMPLE_TXT, "-o", tmp_path / "a", "--to", "audio", "-q")
    spoken = run_cli(
        "convert", EXAMPLE_TXT, "-o", tmp_path / "b", "--to", "audio", "--lexicon", lexicon, "-q"
    )
    assert plain.code == spoken.code == 0
    a, b = (tmp_path / d / "csto-sco-afghanistan" for d in ("a", "b"))
    assert a.with_suffix(".mp3").read_bytes() != b.with_suffix(".mp3").read_bytes()
    assert said(a.with_suffix(".vtt")) == said(b.with_suffix(".vtt"))
    assert "Dushanbe" in said(b.with_suffix(".vtt"))


def said(vtt: Path) -> str:
    """The transcript's cue ids and text, without the timings (which the lexicon changes)."""
    return "\n".join(line for line in vtt.read_text().splitlines() if "-->" not in line)


def test_unknown_engine_is_one_line_and_exit_2(tmp_path: Path) -> None:
    run = run_cli(
        "convert", EXAMPLE_TXT, "-o", tmp_path / "out", "--to", "audio", "--tts", "say", "-q"
    )
    assert run.code == 2
    assert run.stderr.strip().endswith(
        "unknown speech engine 'say'; choose from espeak, gtts, piper"
    )
    assert run.stderr.count("\n") == 1
