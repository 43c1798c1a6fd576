"""The MP3 and the WebVTT transcript, read back: tags, chapters, cues, constant bit rate."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

from lxml import html
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from newsformats.model import Article
from newsformats.speech.script import build_script


def parse_vtt(path: Path) -> list[tuple[str, float, float, str]]:
    """(id, start, end, text) of every cue, checked against the WebVTT syntax we write."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("WEBVTT\n\n")
    cues = []
    for block in text.strip().split("\n\n")[1:]:
        cue_id, timing, *lines = block.split("\n")
        match = re.fullmatch(r"(\d\d):(\d\d):(\d\d\.\d{3}) --> (\d\d):(\d\d):(\d\d\.\d{3})", timing)
        assert match, timing
        h1, m1, s1, h2, m2, s2 = match.groups()
        start = int(h1) * 3600 + int(m1) * 60 + float(s1)
        end = int(h2) * 3600 + int(m2) * 60 + float(s2)
        assert "-->" not in cue_id and lines
        cues.append((cue_id, start, end, "\n".join(lines)))
    return cues


def test_mp3_is_constant_bit_rate_mono(spoken_example, helpers) -> None:
    path = spoken_example.file(".mp3")
    info = MP3(path).info
    assert info.channels == 1
    assert info.sample_rate == 22050
    rates = helpers.frame_bitrates(path)
    assert len(rates) > 1000
    assert set(rates) == {48}


def test_mp3_tags_say_title_artist_album_language_date(spoken_example, example: Article) -> None:
    tags = ID3(spoken_example.file(".mp3"))
    assert tags.version[:2] == (2, 4)
    assert str(tags["TIT2"]) == example.headline
    assert str(tags["TPE1"]) == "RFE/RL"  # no byline: the publisher speaks
    assert str(tags["TALB"]) == "RFE/RL"
    assert str(tags["TLAN"]) == "eng"
    assert str(tags["TDRC"]) == "2021-09-16"


def test_byline_is_the_artist(spoken_explainer) -> None:
    assert str(ID3(spoken_explainer.file(".mp3"))["TPE1"]) == "Aida Sultanova and Jonas Berg"


def test_lead_photo_is_the_cover_art(spoken_example) -> None:
    covers = ID3(spoken_example.file(".mp3")).getall("APIC")
    assert len(covers) == 1
    assert covers[0].type == 3 and covers[0].mime == "image/jpeg"
    source = Path(__file__).resolve().parents[2] / "examples" / "csto-sco-afghanistan.jpg"
    assert covers[0].data == source.read_bytes()


def test_chapters_are_in_order_with_titles_and_cover_the_audio(spoken_example) -> None:
    path = spoken_example.file(".mp3")
    tags = ID3(path)
    toc = tags.getall("CTOC")
    assert len(toc) == 1 and toc[0].flags & 1 and toc[0].flags & 2  # ordered, top level
    chapters = {c.element_id: c for c in tags.getall("CHAP")}
    ordered = [chapters[i] for i in toc[0].child_element_ids]
    titles = [str(c.sub_frames["TIT2"]) for c in ordered]
    assert titles == [
        "Leaders Of Russia, China-Led Security Blocs Meet To Discuss Afghanistan",
        "Photo",
        "Article text",
        "Credits",
    ]
    assert ordered[0].start_time == 0
    for before, after in pairwise(ordered):
        assert before.end_time == after.start_time > before.start_time
    length_ms = MP3(path).info.length * 1000
    assert abs(ordered[-1].end_time - length_ms) < 200


def test_vtt_has_one_cue_per_sentence_in_order(spoken_example, example: Article) -> None:
    cues = parse_vtt(spoken_example.file(".vtt"))
    script = build_script(example)
    assert [c[0] for c in cues] == [u.id for u in script.utterances]
    assert [c[3] for c in cues] == [u.text for u in script.utterances]
    previous_end = 0.0
    for _, start, end, _ in cues:
        assert previous_end <= start < end
        previous_end = end
    assert previous_end <= MP3(spoken_example.file(".mp3")).info.length


def test_vtt_keeps_the_written_form_not_the_lexicon(spoken_example) -> None:
    text = spoken_example.file(".vtt").read_text(encoding="utf-8")
    assert "CSTO" in text and "C S T O" not in text


def test_audio_result_is_left_for_the_html_and_epub_writers(spoken_example) -> None:
    page = html.parse(str(spoken_example.file(".html"))).getroot()
    section = page.find(".//main/section[@aria-labelledby]")
    assert section is not None
    heading = page.get_element_by_id(section.get("aria-labelledby"))
    assert heading.text_content() == "Listen to this article"
    audio = section.find(".//audio")
    assert audio.get("src") == "example.mp3" and audio.get("controls") is not None
    download = section.find(".//a[@download]")
    assert download.get("href") == "example.mp3"
    assert download.text_content() == "Download the audio (MP3)"
    transcript = section.find(".//details")
    assert transcript.find("summary").text_content() == "Transcript"
    assert "Photo: Illustration: eight stylised figures" in transcript.text_content()


def test_html_without_audio_offers_none(example: Article, tmp_path: Path, helpers) -> None:
    made = helpers.make(example, tmp_path, ["html"], use_cache=False)
    assert b"<audio" not in made.file(".html").read_bytes()


def test_an_article_without_photo_byline_or_publisher_still_has_chapters(
    tmp_path: Path, helpers
) -> None:
    article = Article(headline="Short Note", language="en", body=["One. Two."], credit_line="AFP")
    made = helpers.make(article, tmp_path, ["audio"], use_cache=False)
    tags = ID3(made.file(".mp3"))
    assert "TPE1" not in tags and "APIC" not in tags
    assert str(tags["TALB"]) == "Short Note"
    titles = [
        str(c.sub_frames["TIT2"]) for c in sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
    ]
    assert titles == ["Short Note", "Article text", "Credits"]
