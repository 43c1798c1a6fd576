"""Audio rules on MP3s of silence made with LAME, tagged (or not) with mutagen."""

from __future__ import annotations

from pathlib import Path

from mutagen.id3 import CHAP, CTOC, ID3, TIT2, TLAN, TPE1, CTOCFlags

from checks.makers import make_mp3
from newsformats import check

VTT = """WEBVTT

s1
00:00:00.000 --> 00:00:02.500
{first}

s2
00:00:02.500 --> 00:00:10.000
{second}
"""
FIRST = "Leaders of Russia and China met in Dushanbe on Thursday to talk about Afghanistan."
SECOND = "They agreed to guard the southern borders and to plan more military exercises soon."


def rules(path: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for finding in check([path]).findings:
        found.setdefault(finding.rule, []).append(finding.message)
    return found


def tag(path: Path, *, chapters: bool = True, language: str = "eng") -> Path:
    tags = ID3()
    tags.add(TIT2(encoding=3, text=["Leaders meet"]))
    tags.add(TLAN(encoding=3, text=[language]))
    tags.add(TPE1(encoding=3, text=["Newsformats Desk"]))
    if chapters:
        tags.add(
            CHAP(
                element_id="ch1", start_time=0, end_time=2500, sub_frames=[TIT2(text=["Headline"])]
            )
        )
        tags.add(
            CHAP(
                element_id="ch2", start_time=2500, end_time=10000, sub_frames=[TIT2(text=["Story"])]
            )
        )
        tags.add(
            CTOC(
                element_id="toc",
                flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
                child_element_ids=["ch1", "ch2"],
            )
        )
    tags.save(path, v2_version=4)
    return path


def test_mp3_without_tags(broken: dict[str, Path]) -> None:
    report = check([broken["mp3"]])
    tags = [f for f in report.findings if f.rule == "audio-tags"]
    assert tags and tags[0].message == "the MP3 has no ID3 tags"
    assert {r.id for r in tags[0].references} >= {"TIT2", "TLAN", "2.4.2"}
    assert "audio-transcript" in {f.rule for f in report.findings}
    assert report.fails("error")


def test_tagged_mp3_with_transcript_passes(tmp_path: Path) -> None:
    path = tag(make_mp3(tmp_path / "story.mp3", seconds=10.0))
    (tmp_path / "story.vtt").write_text(VTT.format(first=FIRST, second=SECOND))
    assert rules(path) == {}


def test_bad_language_code_and_missing_chapters(tmp_path: Path) -> None:
    path = tag(make_mp3(tmp_path / "story.mp3", seconds=10.0), chapters=False, language="english")
    (tmp_path / "story.vtt").write_text(VTT.format(first=FIRST, second=SECOND))
    found = rules(path)
    assert "not an ISO 639-2 code" in found["audio-tags"][0]
    assert "audio-chapters" in found


def test_transcript_must_cover_the_article(tmp_path: Path) -> None:
    path = tag(make_mp3(tmp_path / "story.mp3", seconds=10.0))
    (tmp_path / "story.vtt").write_text(VTT.format(first=FIRST, second="Thank you."))
    (tmp_path / "story.html").write_text(
        f'<html lang="en"><body><article><p>{FIRST}</p><p>{SECOND}</p></article></body></html>'
    )
    assert "of the article's words" in rules(path)["audio-transcript"][0]


def test_blocks_of_the_page_are_not_glued_into_one_word(tmp_path: Path) -> None:
    # The writers put no space between blocks: "…Afghanistan.</p><p>They…" is two words.
    path = tag(make_mp3(tmp_path / "story.mp3", seconds=10.0))
    (tmp_path / "story.vtt").write_text(VTT.format(first="Leaders meet", second="Talks end."))
    (tmp_path / "story.html").write_text(
        '<html lang="en"><body><article><h1>Leaders meet</h1><p>Talks end.</p>'
        "</article></body></html>"
    )
    assert "audio-transcript" not in rules(path)


def test_duration_implausible_for_the_words(tmp_path: Path) -> None:
    path = tag(make_mp3(tmp_path / "story.mp3", seconds=1.0), chapters=False)
    (tmp_path / "story.vtt").write_text(VTT.format(first=FIRST, second=SECOND))
    assert "words a minute" in rules(path)["audio-duration"][0]


def test_broken_webvtt(tmp_path: Path) -> None:
    path = tag(make_mp3(tmp_path / "story.mp3", seconds=10.0))
    (tmp_path / "story.vtt").write_text("not webvtt at all")
    assert "not valid WebVTT" in rules(path)["audio-transcript"][0]


def test_garbage_is_one_finding(tmp_path: Path) -> None:
    path = tmp_path / "fake.mp3"
    path.write_bytes(b"\x00" * 64)
    assert list(rules(path)) == ["audio-readable"]


# The eighth acceptance run: China News' audio was "38 words in 65.0 s is 35 words a
# minute" (Chinese counted in runs between punctuation) and the Nepali page's "275 words in
# 60.7 s is 272 words a minute" (a Devanagari vowel sign ended a word). Both were spoken
# at an ordinary rate.
CHINESE = (
    "北京市今天启动新的应急救援合作机制，四家救援部门将共享信息，统一调度，"
    "提高处置突发事件的效率。",
    "有关负责人表示，这一机制将覆盖全市各区，市民遇到紧急情况时，可以更快得到专业救援。",
)
NEPALI = (
    "काठमाडौं उपत्यकामा चल्ने विद्युतीय बसको संख्या अर्को वर्ष दोब्बर हुने भएको छ।",
    "साझा यातायातले नयाँ बसहरू किन्ने तयारी गरेको छ र यात्रुको भाडा यथावत् रहनेछ।",
)


def test_the_rate_counts_words_of_scripts_without_spaces_and_with_vowel_signs(
    tmp_path: Path,
) -> None:
    for name, (first, second), seconds, language in (
        ("zh", (CHINESE[0] * 3, CHINESE[1] * 3), 60.0, "chi"),
        ("ne", NEPALI, 12.0, "nep"),
    ):
        folder = tmp_path / name
        folder.mkdir()
        path = tag(make_mp3(folder / "story.mp3", seconds=seconds), language=language)
        (folder / "story.vtt").write_text(VTT.format(first=first, second=second), encoding="utf-8")
        assert "audio-duration" not in rules(path), name
        # The same words in far too short a time are still found.
        fast = tag(make_mp3(folder / "fast.mp3", seconds=3.0), language=language)
        (folder / "fast.vtt").write_text(VTT.format(first=first, second=second), encoding="utf-8")
        assert "words a minute" in rules(fast)["audio-duration"][0], name
