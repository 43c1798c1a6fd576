"""The podcast feed of the examples, read back with feedparser: every link resolves."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import feedparser
import pytest
from lxml import etree
from mutagen.id3 import ID3

from helpers import run_cli
from newsformats.publish.outputs import parse_page, read_chapters
from newsformats.publish.podcasting import PODCAST_NS


@pytest.fixture(scope="module")
def feed(edition: Path) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(str(edition / "feed.xml"))
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


@pytest.fixture(scope="module")
def items(edition: Path) -> list[etree._Element]:
    root = etree.parse(str(edition / "feed.xml"))
    return list(root.iter("item"))


def test_one_episode_per_article_newest_first(
    feed: feedparser.FeedParserDict, stems: list[str]
) -> None:
    assert len(feed.entries) == len(stems)
    dates = [entry.published_parsed for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert feed.feed.title == "Newsformats Example Desk"
    assert feed.feed.language == "en"


def test_every_enclosure_resolves_with_its_length(
    feed: feedparser.FeedParserDict, local_file: Callable[[str], Path], base_url: str
) -> None:
    for entry in feed.entries:
        (enclosure,) = entry.enclosures
        mp3 = local_file(enclosure.href)
        assert mp3.suffix == ".mp3" and mp3.is_file()
        assert int(enclosure.length) == mp3.stat().st_size
        assert enclosure.type == "audio/mpeg"
        assert entry.id.startswith(base_url) and entry.published
        assert entry.itunes_duration.count(":") == 2 and entry.itunes_duration != "00:00:00"
        assert entry.language == "en"


def test_every_transcript_resolves_vtt_and_html(
    items: list[etree._Element], local_file: Callable[[str], Path]
) -> None:
    for item in items:
        transcripts = item.findall(f"{{{PODCAST_NS}}}transcript")
        assert sorted(t.get("type") for t in transcripts) == ["text/html", "text/vtt"]
        for transcript in transcripts:
            target = local_file(transcript.get("url", ""))
            assert target.is_file()
            if transcript.get("type") == "text/vtt":
                assert target.read_text(encoding="utf-8").startswith("WEBVTT")
            else:
                page = parse_page(target)
                assert page.get("lang") == "en"
                title = item.findtext("title")
                assert title in (page.findtext("head/title") or "")


def test_chapters_file_resolves_and_matches_the_id3_chapters(
    feed: feedparser.FeedParserDict, local_file: Callable[[str], Path]
) -> None:
    for entry in feed.entries:
        chapters = local_file(entry.podcast_chapters["url"])
        assert entry.podcast_chapters["type"] == "application/json+chapters"
        data = json.loads(chapters.read_text(encoding="utf-8"))
        mp3 = local_file(entry.enclosures[0].href)
        id3 = read_chapters(ID3(mp3))
        assert len(id3) >= 2
        assert [(c["startTime"], c["endTime"], c["title"]) for c in data["chapters"]] == [
            (c.start, c.end, c.title) for c in id3
        ]


def test_images_are_absolute_and_resolve(edition: Path, local_file: Callable[[str], Path]) -> None:
    itunes = "{http://www.itunes.com/dtds/podcast-1.0.dtd}image"
    hrefs = [i.get("href", "") for i in etree.parse(str(edition / "feed.xml")).iter(itunes)]
    assert hrefs, "no artwork at all"
    for href in hrefs:
        assert local_file(href).is_file()


def test_pages_link_the_feed(edition: Path, stems: list[str]) -> None:
    for name in ["index.html", *(f"{stem}.html" for stem in stems)]:
        links = parse_page(edition / name).findall("head/link[@rel='alternate']")
        assert [(link.get("type"), link.get("href")) for link in links] == [
            ("application/rss+xml", "feed.xml")
        ], name


def test_feed_without_base_url_is_one_clear_line(edition: Path) -> None:
    done = run_cli("feed", edition, "--base-url", "audio/")
    assert done.code == 2
    assert done.stderr.count("\n") == 1 and "absolute http(s) URL" in done.stderr


def test_feed_of_a_folder_without_mp3_says_so(tmp_path: Path, base_url: str) -> None:
    done = run_cli("feed", tmp_path, "--base-url", base_url)
    assert done.code == 2 and "nothing to put in a feed" in done.stderr
