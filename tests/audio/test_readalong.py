"""Read-along: the SMIL overlay against the MP3 and the text, and the durations in the book.

The project's EPUB writer will call ``add_read_along``; the ``book`` fixture
builds the smallest honest book around the same document tree to check it now
(test_validators.py runs EPUBCheck and Ace on it).
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from ebooklib import epub
from lxml import etree
from mutagen.mp3 import MP3

from newsformats.document import DocumentOptions, build_document
from newsformats.model import Article
from newsformats.speech.timing import clock_value, media_overlay
from newsformats.writers.audio import AudioResult

SMIL = "{http://www.w3.org/ns/SMIL}"


def parse_clock(value: str) -> float:
    hours, minutes, seconds = value.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def test_every_clip_lies_inside_the_audio_and_in_order(audio: AudioResult) -> None:
    smil = etree.fromstring(media_overlay(audio.sentences, "article.xhtml", "audio/article.mp3"))
    clips = smil.findall(f".//{SMIL}audio")
    assert len(clips) == len([s for s in audio.sentences if s.target])
    length = MP3(audio.mp3).info.length
    spans = [(parse_clock(c.get("clipBegin")), parse_clock(c.get("clipEnd"))) for c in clips]
    for begin, end in spans:
        assert 0 <= begin < end <= length
    for (_, end), (begin, _) in pairwise(spans):
        assert end <= begin


def test_overlay_points_at_every_sentence_span_of_the_text(
    example: Article, audio: AudioResult
) -> None:
    document = build_document(example, DocumentOptions(sentence_spans=True))
    spans = [s.get("id") for s in document.root.iter("span") if s.get("class") == "nf-s"]
    smil = etree.fromstring(media_overlay(audio.sentences, "article.xhtml", "a.mp3"))
    targets = [t.get("src").split("#")[1] for t in smil.iter(f"{SMIL}text")]
    assert [t for t in targets if t in spans] == spans


def test_durations_add_up(book: Path, audio: AudioResult) -> None:
    read = epub.read_epub(str(book))
    durations = read.get_metadata("OPF", "meta") or []
    values = [
        (text, attrs) for text, attrs in durations if attrs.get("property") == "media:duration"
    ]
    per_overlay = [parse_clock(t) for t, a in values if "refines" in a]
    total = [parse_clock(t) for t, a in values if "refines" not in a]
    assert len(total) == 1 and sum(per_overlay) == pytest.approx(total[0], abs=0.001)
    assert total[0] == pytest.approx(audio.duration, abs=0.001)
    assert total[0] <= MP3(audio.mp3).info.length


def test_clock_values_round_trip() -> None:
    assert parse_clock(clock_value(325.172)) == pytest.approx(325.172)
