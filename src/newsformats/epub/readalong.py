"""Read-along: the MP3 and an EPUB 3 media overlay in an ebooklib book.

The chapter keeps the document tree's sentence spans, so that every sentence
has the span the overlay points at; the package then calls :func:`add_read_along`
with the audio writer's :class:`~newsformats.speech.record.AudioResult`.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from ..speech.record import AudioResult
from ..speech.timing import (
    ACTIVE_CLASS,
    ACTIVE_STYLE,
    clock_value,
    media_overlay,
    overlay_duration,
)

__all__ = ["ACTIVE_STYLE", "add_read_along"]


def add_read_along(
    book: Any,
    chapter: Any,
    audio: AudioResult,
    *,
    audio_name: str = "audio/article.mp3",
) -> None:
    """Add the MP3, a SMIL overlay for ``chapter`` and the metadata EPUB 3 asks for.

    Sets ``media:duration`` for the overlay (the sum of its clips) and in total
    (equal: one overlay) and ``media:active-class``; link :data:`ACTIVE_STYLE` into the
    chapter's CSS and declare ``synchronizedAudioText`` (the EPUB package does both).

    >>> add_read_along(book, chapter, job.artifacts.audio)  # doctest: +SKIP
    """
    from ebooklib import epub

    overlay_id = f"mo-{chapter.id}"
    folder = posixpath.dirname(chapter.file_name)
    smil_name = posixpath.join(
        folder, posixpath.splitext(posixpath.basename(chapter.file_name))[0] + ".smil"
    )
    # The MP3 stays in its file until the zip is written (a long track never sits in memory).
    book.add_item(
        epub.EpubItem(
            uid="read-along-audio", file_name=audio_name, media_type="audio/mpeg", content=b""
        )
    )
    streamed_files(book)[f"{book.FOLDER_NAME}/{audio_name}"] = audio.file
    smil = media_overlay(
        audio.sentences,
        text_href=posixpath.relpath(chapter.file_name, folder or "."),
        audio_href=posixpath.relpath(audio_name, folder or "."),
    )
    book.add_item(epub.EpubSMIL(uid=overlay_id, file_name=smil_name, content=smil))
    chapter.media_overlay = overlay_id
    duration = clock_value(overlay_duration(audio.sentences))
    book.add_metadata(
        None, "meta", duration, {"property": "media:duration", "refines": f"#{overlay_id}"}
    )
    book.add_metadata(None, "meta", duration, {"property": "media:duration"})
    book.add_metadata(None, "meta", ACTIVE_CLASS, {"property": "media:active-class"})


def streamed_files(book: Any) -> dict[str, Path]:
    """Entries of ``book`` whose bytes stay in a file until the zip is written, by zip path.

    >>> from ebooklib import epub
    >>> streamed_files(epub.EpubBook())
    {}
    """
    files: dict[str, Path] = book.__dict__.setdefault("nf_streamed_files", {})
    return files
