"""docs/audio.md's voice table is what the installed engines say."""

from __future__ import annotations

from pathlib import Path

from newsformats.speech.voices import voice_table, voice_table_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs" / "audio.md"


def test_the_documented_voice_table_is_generated_from_the_engines() -> None:
    text = DOCS.read_text(encoding="utf-8")
    table = text.split("<!-- voices:start -->\n", 1)[1].split("<!-- voices:end -->", 1)[0]
    assert table == voice_table_markdown(), "run: python -m newsformats.speech.voices"


def test_pashto_has_no_voice_and_dari_uses_the_persian_voice() -> None:
    rows = {row.language: row.voices for row in voice_table(["ps", "fa-AF"])}
    assert rows == {"ps": (None, None), "fa-AF": ("fa", None)}
