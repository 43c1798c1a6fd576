"""Rules for spoken audio: an MP3 with ID3 tags and chapters, a WebVTT transcript beside it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..findings import Location
from ..loaders.audio import AudioFile
from ..loaders.outputs import UNSPACED_LETTER, words_of
from ..references import id3, newsformats_guide, wcag, webvtt
from ..registry import Problem, rule
from ..tags import tag_problem

ISO_639_2 = re.compile(r"^[a-z]{3}$")
WORDS = re.compile(r"\w+", re.UNICODE)
COVERAGE = 0.8
WORDS_PER_MINUTE = (80.0, 260.0)
END_SLACK = 2.0


def _file() -> Location:
    return Location()


def _text_frame(audio: AudioFile, frame: str) -> str:
    if audio.tags is None:
        return ""
    values: list[Any] = audio.tags.getall(frame)
    return " ".join(str(t) for v in values for t in getattr(v, "text", [])).strip()


@rule(
    "audio-readable",
    target="audio",
    severity="error",
    summary="The file opens as an MP3",
    fix="Encode the audio as MP3 (MPEG-1/2 Layer III).",
    references=[wcag("1.2.1")],
    mirrors=["newsformats"],
)
def readable(audio: AudioFile) -> Iterator[Problem]:
    """Reported when the file cannot be opened; the other rules need it open."""
    return iter(())


@rule(
    "audio-tags",
    target="audio",
    severity="error",
    summary="The MP3 has ID3 title (TIT2) and language (TLAN, ISO 639-2) tags",
    fix="Tag the file: TIT2 with the headline, TLAN with the language (eng, rus, fas), "
    "TPE1 with the author.",
    references=[
        wcag("2.4.2"),
        wcag("3.1.1"),
        id3("TIT2", "Title"),
        id3("TLAN", "Language"),
    ],
    mirrors=["newsformats"],
)
def tags(audio: AudioFile) -> Iterator[Problem]:
    """Players and podcast apps announce the title; the language picks captions and search.

    The language code must be a language of the registry (``xxx`` is not).
    """
    if audio.tags is None:
        yield Problem("the MP3 has no ID3 tags", _file())
        return
    if not _text_frame(audio, "TIT2"):
        yield Problem("the MP3 has no title (TIT2)", _file())
    language = _text_frame(audio, "TLAN")
    if not language:
        yield Problem("the MP3 has no language (TLAN)", _file())
    elif not all(ISO_639_2.match(code) for code in language.split()):
        yield Problem(f"TLAN {language!r} is not an ISO 639-2 code such as 'eng'", _file())
    else:
        for code in language.split():
            problem = tag_problem(code.lower())
            if problem:
                yield Problem(f"TLAN: {problem}", _file())


@rule(
    "audio-artist",
    target="audio",
    severity="warning",
    summary="The MP3 names who made it (TPE1 artist)",
    fix="Set TPE1 to the author or the publisher.",
    references=[id3("TPE1", "Lead performer")],
    mirrors=["newsformats"],
)
def artist(audio: AudioFile) -> Iterator[Problem]:
    """Listeners find stories by their author or publisher."""
    if audio.tags is not None and not _text_frame(audio, "TPE1"):
        yield Problem("the MP3 has no artist (TPE1)", _file())


@rule(
    "audio-chapters",
    target="audio",
    severity="warning",
    summary="The MP3 has titled chapters (CHAP with a CTOC) in order, inside its duration",
    fix="Add ID3 CHAP frames (headline, story, credits) with TIT2 titles and a CTOC listing them.",
    references=[
        wcag("2.4.5"),
        id3("CHAP", "ID3v2 Chapter Frame Addendum"),
    ],
    mirrors=["newsformats"],
)
def chapters(audio: AudioFile) -> Iterator[Problem]:
    """Chapters let a listener skip to the story or back to the headline."""
    if audio.tags is None:
        return
    frames = audio.tags.getall("CHAP")
    if not frames:
        yield Problem("the MP3 has no chapters (CHAP frames)", _file())
        return
    if not audio.tags.getall("CTOC"):
        yield Problem("the chapters have no table of contents (CTOC)", _file())
    previous_end = 0.0
    for chapter in sorted(frames, key=lambda c: c.start_time):
        start, end = chapter.start_time / 1000, chapter.end_time / 1000
        where = Location(element=str(chapter.element_id), time=start)
        titles = [s for s in chapter.sub_frames.values() if s.FrameID == "TIT2" and str(s).strip()]
        if not titles:
            yield Problem(f"chapter {chapter.element_id} has no title", where)
        if end <= start:
            yield Problem(f"chapter {chapter.element_id} ends before it starts", where)
        if start + 0.001 < previous_end:
            yield Problem(f"chapter {chapter.element_id} overlaps the one before", where)
        if end > audio.duration + END_SLACK:
            yield Problem(
                f"chapter {chapter.element_id} ends at {end:.1f} s; the audio lasts "
                f"{audio.duration:.1f} s",
                where,
            )
        previous_end = end


@rule(
    "audio-transcript",
    target="audio",
    severity="error",
    summary="A WebVTT transcript (`<name>.vtt`) beside the MP3 covers the audio and the text",
    fix="Publish the transcript beside the audio, one cue per sentence, in order.",
    references=[wcag("1.2.1"), webvtt("file-structure", "WebVTT file structure")],
    mirrors=["newsformats"],
)
def transcript(audio: AudioFile) -> Iterator[Problem]:
    """Deaf and hard-of-hearing people read the transcript; it must say what the audio says."""
    if audio.transcript_file is None:
        yield Problem("no transcript (.vtt with the same name) beside the MP3", _file())
        return
    where = Location(member=audio.transcript_file)
    if audio.cues is None:
        yield Problem(f"the transcript is not valid WebVTT: {audio.transcript_error}", where)
        return
    if not audio.cues:
        yield Problem("the transcript has no cues", where)
        return
    previous = 0.0
    for cue in audio.cues:
        if cue.start + 0.001 < previous:
            yield Problem(f"cue {cue.id or cue.line} starts before the previous one", where)
            break
        previous = cue.start
    last_end = max(cue.end for cue in audio.cues)
    if last_end > audio.duration + END_SLACK:
        yield Problem(
            f"cues run to {last_end:.1f} s; the audio lasts {audio.duration:.1f} s", where
        )
    if audio.article_text:
        article = _words(audio.article_text)
        spoken = set(_words(" ".join(cue.text for cue in audio.cues)))
        covered = sum(1 for word in article if word in spoken) / max(1, len(article))
        if covered < COVERAGE:
            yield Problem(
                f"the transcript has {covered:.0%} of the article's words (beside it as .html)",
                where,
            )


@rule(
    "audio-duration",
    target="audio",
    severity="warning",
    summary=f"The duration is plausible for the words spoken "
    f"({WORDS_PER_MINUTE[0]:g}–{WORDS_PER_MINUTE[1]:g} words a minute)",
    fix="Check that the whole text was spoken: audio much shorter or longer than the "
    "transcript is cut or padded.",
    references=[wcag("1.2.1"), newsformats_guide("audio-duration", "Plausible duration")],
    mirrors=["newsformats"],
)
def duration(audio: AudioFile) -> Iterator[Problem]:
    """Silence, a truncated file or the wrong article show up as an impossible speaking rate.

    Words are counted between spaces, whole with their marks; in a script written without
    spaces, two Han or kana letters make a word, and four Thai, Lao, Khmer, Myanmar or
    Tibetan letters.
    """
    text = " ".join(cue.text for cue in audio.cues) if audio.cues else audio.article_text
    if not text:
        return
    words = spoken_words(text)
    if words < 20:
        return
    minutes = max(audio.duration, 0.001) / 60
    rate = words / minutes
    slow, fast = WORDS_PER_MINUTE
    if rate < slow or rate > fast:
        yield Problem(
            f"{words} words in {audio.duration:.1f} s is {rate:.0f} words a minute", _file()
        )


# Letters a word takes, on average, in scripts written without spaces between words, so
# that their speaking rate is counted in words: Chinese and Japanese words are one to two
# Han or kana letters (two, as readers/plaintext counts them); Thai, Lao, Khmer, Myanmar
# and Tibetan words about four letters, each with its marks.
HAN_KANA = re.compile(
    "[\u3040-\u30ff\u3100-\u312f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0003134f]"
)
LETTERS_PER_WORD = {"han-kana": 2, "other": 4}


def spoken_words(text: str) -> int:
    """The words of a text for its speaking rate: words between spaces, whole with their
    marks (a Devanagari vowel sign does not end a word), and in a script written without
    spaces its letters by :data:`LETTERS_PER_WORD`.

    >>> spoken_words("नयाँ विद्युतीय बस"), spoken_words("北京4家救援部门"), spoken_words("ผู้ใหญ่ใจดี")
    (3, 5, 2)
    """
    spaced = 0
    letters = dict.fromkeys(LETTERS_PER_WORD, 0)
    for word in words_of(text):
        if not UNSPACED_LETTER.match(word):
            spaced += 1
        else:
            letters["han-kana" if HAN_KANA.match(word) else "other"] += 1
    return spaced + sum(-(-n // LETTERS_PER_WORD[kind]) for kind, n in letters.items())


def _words(text: str) -> list[str]:
    return [w.casefold() for w in WORDS.findall(text)]
