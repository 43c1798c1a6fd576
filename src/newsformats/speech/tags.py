"""ID3v2.4 tags for the MP3: title, artist, album, language, date, cover art, chapters.

Chapters are CHAP frames listed in order by one CTOC frame (mutagen stores frames
by size, so the CTOC order is the truth; readers should sort CHAPs by start).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..language import primary_language
from .render import AudioChapter


@dataclass(frozen=True)
class CoverArt:
    """Cover art: image bytes and their media type."""

    data: bytes
    media_type: str


@dataclass(frozen=True)
class AudioTags:
    """What the MP3 says about itself."""

    title: str
    artist: str
    album: str
    language: str
    date: str | None = None
    cover: CoverArt | None = None
    chapters: tuple[AudioChapter, ...] = field(default_factory=tuple)
    synthesized_voice: str | None = None
    """The engine and voice that spoke, in a ``TXXX:SYNTHESIZED_SPEECH`` frame."""


def iso_639_2(tag: str) -> str:
    """The ISO 639-2 code of a BCP 47 tag, for ID3's TLAN frame.

    >>> iso_639_2("en-GB"), iso_639_2("fa-AF"), iso_639_2("prs")
    ('eng', 'per', 'prs')
    """
    import langcodes

    primary = primary_language(tag)
    if len(primary) == 3:
        return primary
    try:
        return str(langcodes.Language.get(primary).to_alpha3(variant="B"))
    except LookupError:
        return "und"


SYNTHESIZED_SPEECH = "SYNTHESIZED_SPEECH"


def write_tags(path: Path, tags: AudioTags) -> None:
    """Write ID3v2.4 tags into the MP3 at ``path`` (replacing any there)."""
    from mutagen.id3 import APIC, CHAP, CTOC, ID3, TALB, TDRC, TIT2, TLAN, TPE1, TXXX, CTOCFlags

    id3 = ID3()
    id3.add(TIT2(encoding=3, text=tags.title))
    if tags.artist:
        id3.add(TPE1(encoding=3, text=tags.artist))
    id3.add(TALB(encoding=3, text=tags.album))
    id3.add(TLAN(encoding=3, text=iso_639_2(tags.language)))
    if tags.date:
        id3.add(TDRC(encoding=3, text=tags.date))
    if tags.synthesized_voice:
        id3.add(TXXX(encoding=3, desc=SYNTHESIZED_SPEECH, text=tags.synthesized_voice))
    if tags.cover:
        id3.add(
            APIC(encoding=3, mime=tags.cover.media_type, type=3, desc="Cover", data=tags.cover.data)
        )
    ids = [f"chp{index}" for index in range(1, len(tags.chapters) + 1)]
    if ids:
        id3.add(
            CTOC(
                element_id="toc",
                flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
                child_element_ids=ids,
                sub_frames=[TIT2(encoding=3, text=tags.title)],
            )
        )
    for element_id, chapter in zip(ids, tags.chapters, strict=True):
        id3.add(
            CHAP(
                element_id=element_id,
                start_time=round(chapter.start * 1000),
                end_time=round(chapter.end * 1000),
                start_offset=0xFFFFFFFF,
                end_offset=0xFFFFFFFF,
                sub_frames=[TIT2(encoding=3, text=chapter.title)],
            )
        )
    id3.save(str(path), v2_version=4)
