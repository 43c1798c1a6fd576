"""Which voice speaks each language the newsroom publishes in, asked of the engines themselves.

``python -m newsformats.speech.voices`` prints the table that docs/audio.md
shows (a test keeps the two equal), so the documentation says what the
installed engines really do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .engines import engine_named, language_name

# The languages of issue 12; once the language packs land, they come from the packs.
NEWSROOM_LANGUAGES = (
    "en", "ru", "uk", "be",
    "fa-IR", "fa-AF", "ps", "ar",
    "kk", "ky", "uz-Latn", "uz-Cyrl", "tg", "tk", "tt", "ba", "az",
    "hy", "ka",
    "ro", "sr-Cyrl", "sr-Latn", "bs", "mk", "sq", "bg", "hu",
    "crh", "ce",
)  # fmt: skip
ENGINES = ("espeak", "gtts")


@dataclass(frozen=True)
class VoiceRow:
    """One language and the voice each engine uses for it (None: the engine has none)."""

    language: str
    name: str
    voices: tuple[str | None, ...]


def voice_table(
    languages: Sequence[str] = NEWSROOM_LANGUAGES, engines: Sequence[str] = ENGINES
) -> list[VoiceRow]:
    """Ask every engine which voice it would use for every language (offline).

    >>> voice_table(["fa-AF", "ps"])[0].voices
    ('fa', None)
    """
    made = [engine_named(name) for name in engines]
    return [
        VoiceRow(tag, language_name(tag), tuple(engine.voice_for(tag) for engine in made))
        for tag in languages
    ]


def voice_table_markdown(
    languages: Sequence[str] = NEWSROOM_LANGUAGES, engines: Sequence[str] = ENGINES
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
