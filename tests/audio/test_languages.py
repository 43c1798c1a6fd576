"""Russian and Persian articles are spoken offline by a voice of their language."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from mutagen.id3 import ID3

from newsformats.cli import main
from newsformats.errors import UsageError
from newsformats.model import Article, as_json

RUSSIAN = Article(
    headline="Лидеры ОДКБ и ШОС обсудили Афганистан",
    language="ru",
    publisher="Радио Свобода",
    body=["Лидеры стран встретились в Душанбе. Президент В. В. Путин участвовал по видеосвязи."],
)
PERSIAN = Article(
    headline="رهبران سازمان همکاری شانگهای دربارهٔ افغانستان گفتگو کردند",
    language="fa",
    publisher="رادیو فردا",
    body=["رهبران در دوشنبه دیدار کردند. آنها دربارهٔ امنیت منطقه گفتگو کردند."],
)
PASHTO = Article(headline="د افغانستان په اړه خبرې", language="ps", body=["مشرانو خبرې وکړې."])


@pytest.mark.parametrize(("article", "tlan"), [(RUSSIAN, "rus"), (PERSIAN, "per")])
def test_article_is_spoken_in_its_language_offline(
    article: Article, tlan: str, tmp_path: Path, helpers
) -> None:
    made = helpers.make(article, tmp_path, ["audio"], cache_dir=tmp_path / "cache")
    tags = ID3(made.file(".mp3"))
    assert str(tags["TLAN"]) == tlan
    vtt = made.file(".vtt").read_text(encoding="utf-8")
    assert "p1-s2" in vtt and article.headline in vtt


def test_the_voice_is_the_languages_own(tmp_path: Path, helpers) -> None:
    """The same Russian text spoken with the Russian voice differs from the English voice's."""
    russian = helpers.make(RUSSIAN, tmp_path / "ru", ["audio"], use_cache=False)
    english = helpers.make(
        replace(RUSSIAN, language="en"), tmp_path / "en", ["audio"], use_cache=False
    )
    assert russian.file(".mp3").read_bytes() != english.file(".mp3").read_bytes()


def test_pashto_without_a_voice_writes_the_other_formats_and_says_so_once(
    tmp_path: Path, helpers
) -> None:
    made = helpers.make(PASHTO, tmp_path / "out", ["audio", "html", "epub"], use_cache=False)
    assert sorted(p.suffix for p in made.conversion.files) == [".epub", ".html"]
    assert made.conversion.by_format["audio"] == []
    (warning,) = made.conversion.warnings
    assert "no audio written" in warning and "cannot speak Pashto (ps)" in warning
    assert "\n" not in warning


@pytest.fixture
def pashto_command(tmp_path: Path) -> list[str]:
    """``newsformats convert ps.json -o out --to audio,html`` without the speech cache."""
    source = tmp_path / "ps.json"
    source.write_text(as_json(PASHTO), encoding="utf-8")
    out = tmp_path / "out"
    return ["convert", str(source), "-o", str(out), "--to", "audio,html", "-q", "--no-cache"]


def test_pashto_on_the_command_line_prints_one_warning(
    pashto_command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(pashto_command)
    out = tmp_path / "out"
    error = capsys.readouterr().err
    assert code == 0
    assert error.count("\n") == 1 and "warning" in error and "Pashto" in error
    assert [p.suffix for p in out.iterdir() if not p.name.startswith(".")] == [".html"]


def test_strict_audio_makes_a_missing_voice_an_error_and_writes_nothing(
    tmp_path: Path, helpers
) -> None:
    with pytest.raises(UsageError, match=r"cannot speak Pashto \(ps\)"):
        helpers.make(
            PASHTO, tmp_path / "out", ["audio", "html"], use_cache=False, strict_audio=True
        )
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_strict_audio_on_the_command_line_exits_2(
    pashto_command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main([*pashto_command, "--strict-audio"]) == 2
    assert "cannot speak Pashto" in capsys.readouterr().err
    assert not out.exists() or not any(out.iterdir())


def test_gtts_on_persian_fails_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "fa.json"
    source.write_text(as_json(PERSIAN), encoding="utf-8")
    out = tmp_path / "out"
    code = main(["convert", str(source), "-o", str(out), "--to", "audio", "--tts", "gtts", "-q"])
    error = capsys.readouterr().err.strip()
    assert code == 2
    assert error.count("\n") == 0
    assert "gtts engine cannot speak Persian (fa)" in error and "espeak" in error
    assert not out.exists() or not any(out.iterdir())
