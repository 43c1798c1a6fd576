"""Which voice speaks each language the newsroom publishes in, asked of the engines themselves.

``python -m newsformats.speech.voices`` prints the table that docs/audio.md
shows (a test keeps the two equal), so the documentation says what the
installed engines really do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..lang import all_packs
from .engines import engine_named, language_name

ENGINES = ("espeak", "gtts")


@dataclass(frozen=True)
class VoiceRow:
    """One language and the voice each engine uses for it (None: the engine has none)."""

    language: str
    name: str
    voices: tuple[str | None, ...]


def voice_table(
    languages: Sequence[str] | None = None, engines: Sequence[str] = ENGINES
) -> list[VoiceRow]:
    """Ask every engine which voice it would use for every language (default: every pack).

    >>> voice_table(["fa-AF", "ps"])[0].voices
    ('fa', None)
    """
    made = [engine_named(name) for name in engines]
    return [
        VoiceRow(tag, language_name(tag), tuple(engine.voice_for(tag) for engine in made))
        for tag in (languages or list(all_packs()))
    ]


def voice_table_markdown(
    languages: Sequence[str] | None = None, engines: Sequence[str] = ENGINES
) -> str:
    """The voice table as Markdown: one row per language, one column per engine."""
    lines = [
        "| language | tag | " + " | ".join(engines) + " |",
        "| --- | --- | " + " | ".join("---" for _ in engines) + " |",
    ]
    for row in voice_table(languages, engines):
        cells = [f"`{voice}`" if voice else "**none**" for voice in row.voices]
        lines.append(f"| {row.name} | `{row.language}` | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(voice_table_markdown(), end="")
