"""An MP3, its ID3 tags and the WebVTT transcript beside it."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mutagen import MutagenError
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from . import Unreadable, read_limited
from .html import parse_html, text_of

TIMESTAMP = re.compile(r"^(?:(\d+):)?([0-5]\d):([0-5]\d)\.(\d{3})$")


@dataclass(frozen=True)
class Cue:
    """One WebVTT cue."""

    id: str | None
    start: float
    end: float
    text: str
    line: int


@dataclass
class AudioFile:
    """What the audio rules read: tags, duration, transcript, the article's text."""

    file: str
    duration: float
    tags: Any
    transcript_file: str | None
    cues: list[Cue] | None
    transcript_error: str | None
    article_text: str | None


def load_audio(path: Path) -> AudioFile:
    """Open an MP3 with mutagen; read ``<stem>.vtt`` and ``<stem>.html`` beside it."""
    try:
        audio = MP3(path)  # type: ignore[no-untyped-call]
    except (MutagenError, OSError) as error:
        raise Unreadable(f"not an MP3: {' '.join(str(error).split())}") from None
    info: Any = audio.info
    duration = float(getattr(info, "length", 0.0) or 0.0)
    vtt = path.with_suffix(".vtt")
    cues: list[Cue] | None = None
    problem: str | None = None
    if vtt.is_file():
        try:
            cues = parse_webvtt(read_limited(vtt, 20 * 1024 * 1024).decode("utf-8"))
        except (UnicodeDecodeError, ValueError, Unreadable) as error:
            problem = str(error)
    page = path.with_suffix(".html")
    article_text = article_text_of(page) if page.is_file() else None
    tags = audio.tags if isinstance(audio.tags, ID3) else None
    return AudioFile(
        str(path), duration, tags, str(vtt) if vtt.is_file() else None, cues, problem, article_text
    )


def parse_seconds(stamp: str) -> float:
    """Seconds of a WebVTT timestamp.

    >>> parse_seconds("01:02.500"), parse_seconds("1:00:00.000")
    (62.5, 3600.0)
    """
    match = TIMESTAMP.match(stamp.strip())
    if not match:
        raise ValueError(f"{stamp!r} is not a WebVTT timestamp")
    hours, minutes, seconds, millis = match.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def parse_webvtt(text: str) -> list[Cue]:
    """The cues of a WebVTT file; ``ValueError`` names the first line that is wrong."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    if not lines or not (lines[0] == "WEBVTT" or lines[0].startswith(("WEBVTT ", "WEBVTT\t"))):
        raise ValueError("line 1: a WebVTT file starts with WEBVTT")
    cues: list[Cue] = []
    index = 1
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        block_start = index
        block: list[str] = []
        while index < len(lines) and lines[index].strip():
            block.append(lines[index])
            index += 1
        if block[0].startswith(("NOTE", "STYLE", "REGION")):
            continue
        ident = None
        if "-->" not in block[0]:
            ident, block = block[0].strip(), block[1:]
            block_start += 1
        if not block or "-->" not in block[0]:
            raise ValueError(f"line {block_start + 1}: expected a cue timing 'start --> end'")
        start_text, _, rest = block[0].partition("-->")
        start = parse_seconds(start_text)
        end = parse_seconds(rest.split()[0] if rest.split() else "")
        if end < start:
            raise ValueError(f"line {block_start + 1}: the cue ends before it starts")
        # Tags out, then the character references WebVTT cue text escapes "&" and "<" with.
        words = html.unescape(re.sub(r"<[^>]*>", "", " ".join(block[1:])))
        cues.append(Cue(ident, start, end, " ".join(words.split()), block_start + 1))
    return cues


def article_text_of(page: Path) -> str | None:
    """The text of the ``<article>`` of an HTML page, or ``None``."""
    try:
        root = parse_html(read_limited(page, 20 * 1024 * 1024))
    except Unreadable:
        return None
    articles = list(root.iter("article"))
    return text_of(articles[0]) if articles else None
