"""Read-along: `--to audio,epub` makes an EPUB 3 whose media overlay syncs every sentence.

Checked in the book itself: the MP3 inside it, every SMIL clip inside the
audio and in order, every sentence span of the chapter targeted, durations
that add up, the active class styled, the accessibility metadata saying so.
(test_validators.py runs EPUBCheck and Ace on read-along books.)
"""

from __future__ import annotations

import io
import zipfile
from itertools import pairwise

import pytest
from lxml import etree
from mutagen.mp3 import MP3

from newsformats.model import Article
from newsformats.speech.timing import clock_value, media_overlay
from newsformats.writers.audio import AudioResult

SMIL = "{http://www.w3.org/ns/SMIL}"
OPF = "{http://www.idpf.org/2007/opf}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def parse_clock(value: str) -> float:
    hours, minutes, seconds = value.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


@pytest.fixture(scope="module")
def book(read_along) -> dict[str, bytes]:
    """The read-along EPUB's files by name."""
    with zipfile.ZipFile(read_along.file(".epub")) as epub:
        return {name: epub.read(name) for name in epub.namelist()}


def test_book_carries_the_same_mp3(book: dict[str, bytes], read_along) -> None:
    assert book["EPUB/audio/article.mp3"] == read_along.file(".mp3").read_bytes()


def test_every_clip_lies_inside_the_audio_and_in_order(book: dict[str, bytes]) -> None:
    smil = etree.fromstring(book["EPUB/article.smil"])
    clips = smil.findall(f".//{SMIL}audio")
    assert len(clips) == 30  # 32 sentences; the dateline and publisher are only heard
    assert {c.get("src") for c in clips} == {"audio/article.mp3"}
    length = MP3(io.BytesIO(book["EPUB/audio/article.mp3"])).info.length
    spans = [(parse_clock(c.get("clipBegin")), parse_clock(c.get("clipEnd"))) for c in clips]
    for begin, end in spans:
        assert 0 <= begin < end <= length
    for (_, end), (begin, _) in pairwise(spans):
        assert end <= begin


def test_overlay_targets_every_sentence_span_of_the_chapter(book: dict[str, bytes]) -> None:
    chapter = etree.fromstring(book["EPUB/article.xhtml"])
    ids = {node.get("id") for node in chapter.iter() if node.get("id")}
    spans = [s.get("id") for s in chapter.iter(f"{XHTML}span") if s.get("class") == "nf-s"]
    smil = etree.fromstring(book["EPUB/article.smil"])
    targets = [t.get("src").partition("#")[2] for t in smil.iter(f"{SMIL}text")]
    assert spans and set(targets) <= ids
    assert [t for t in targets if t in spans] == spans


def test_durations_add_up_and_match_the_audio(book: dict[str, bytes], read_along) -> None:
    package = etree.fromstring(book["EPUB/content.opf"])
    metas = package.findall(f"{OPF}metadata/{OPF}meta")
    durations = [m for m in metas if m.get("property") == "media:duration"]
    per_overlay = [parse_clock(m.text) for m in durations if m.get("refines")]
    total = [parse_clock(m.text) for m in durations if not m.get("refines")]
    assert len(per_overlay) == 1 and len(total) == 1
    assert sum(per_overlay) == pytest.approx(total[0], abs=0.001)
    assert total[0] <= MP3(read_along.file(".mp3")).info.length
    smil = etree.fromstring(book["EPUB/article.smil"])
    clips = sum(
        parse_clock(c.get("clipEnd")) - parse_clock(c.get("clipBegin"))
        for c in smil.iter(f"{SMIL}audio")
    )
    assert per_overlay[0] == pytest.approx(clips, abs=0.001)  # the overlay lasts as its clips
    item = package.find(f"{OPF}manifest/{OPF}item[@href='article.xhtml']")
    assert f"#{item.get('media-overlay')}" == durations[0].get("refines")


def test_active_class_is_declared_and_styled(book: dict[str, bytes]) -> None:
    package = etree.fromstring(book["EPUB/content.opf"])
    values = {m.get("property"): m.text for m in package.iter(f"{OPF}meta")}
    assert values["media:active-class"] == "nf-active"
    assert b".nf-active" in book["EPUB/css/epub.css"]


def test_accessibility_metadata_says_the_text_is_spoken(book: dict[str, bytes]) -> None:
    package = etree.fromstring(book["EPUB/content.opf"])
    pairs = {(m.get("property"), m.text) for m in package.iter(f"{OPF}meta")}
    assert ("schema:accessibilityFeature", "synchronizedAudioText") in pairs
    assert ("schema:accessMode", "auditory") in pairs


def test_epub_without_audio_has_no_overlay(example: Article, tmp_path, helpers) -> None:
    made = helpers.make(example, tmp_path, ["epub"], use_cache=False)
    with zipfile.ZipFile(made.file(".epub")) as epub:
        names = epub.namelist()
        chapter = epub.read("EPUB/article.xhtml")
    assert not [n for n in names if n.endswith((".smil", ".mp3"))]
    assert b'class="nf-s"' not in chapter


def test_audio_result_is_handed_to_the_epub_writer(audio: AudioResult) -> None:
    """The MP3 is only staged while writers run: the result carries its bytes."""
    assert audio.mp3.read_bytes() == audio.mp3_data
    assert audio.duration == pytest.approx(MP3(audio.mp3).info.length, abs=0.2)


def test_smil_builder_skips_sentences_only_heard(audio: AudioResult) -> None:
    smil = etree.fromstring(media_overlay(audio.sentences, "a.xhtml", "a.mp3"))
    pars = [p.get("id") for p in smil.iter(f"{SMIL}par")]
    assert "par-dateline" not in pars and "par-publisher" not in pars
    assert len(pars) == len([s for s in audio.sentences if s.target])


def test_clock_values_round_trip() -> None:
    assert parse_clock(clock_value(325.172)) == pytest.approx(325.172)
    assert clock_value(3723.5) == "1:02:03.500"


@pytest.mark.parametrize(
    "title",
    [
        "Fitness test results of the squad are in.",  # the provider makes a sentence of its own
        "A post without a full stop",
        "First sentence. Second one!",
    ],
)
def test_an_embeds_provider_has_the_span_the_speech_script_targets(title: str) -> None:
    """Sixth run: a tweet's "(X (Twitter))" was spoken as sentence s2 with no span (RSC-012)."""
    from newsformats.document import DocumentOptions, build_document
    from newsformats.model import Embed
    from newsformats.speech.script import build_script

    embed = Embed(id="embed1", url="https://x.com/a/status/1", title=title, provider="X (Twitter)")
    article = Article(headline="H", language="en", body=["Text.", embed])
    root = build_document(article, DocumentOptions(sentence_spans=True)).root
    ids = {node.get("id") for node in root.iter() if node.get("id")}
    targets = [u.target for u in build_script(article).utterances if u.id.startswith("embed1")]
    assert len(targets) >= 2 and set(targets) <= ids
    line = next(node for node in root.iter() if node.get("id") == "embed1")
    assert "".join(line.itertext()) == f"{title} (X (Twitter))"
