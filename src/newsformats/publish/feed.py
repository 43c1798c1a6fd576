"""A podcast feed (RSS 2.0, iTunes tags, Podcasting 2.0) of the articles in a folder.

Every URL in the feed is absolute: RSS 2.0 gives relative URLs no base, and
podcast apps (Apple Podcasts, Podcast Index) fetch enclosures from the feed's
URLs as they are. So the feed needs the address the folder is published at.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.etree  # noqa: F401  (feedgen.util needs lxml.etree imported first)
from feedgen.feed import FeedGenerator

from ..errors import UsageError
from ..files import OutputSet
from .companions import chapters_json, write_transcript
from .outputs import FEED_NAME, EditionArticle, scan_outputs
from .podcasting import LinkedFile, PodcastingEntry, PodcastingFeed

FEED_TYPE = "application/rss+xml"
CHAPTERS_TYPE = "application/json+chapters"


@dataclass(frozen=True)
class FeedSettings:
    """Feed-level settings; only ``base_url`` is required (every URL is built on it).

    ``title``, ``author`` and ``language`` default to what the articles say
    (their publisher, their most common language); ``image`` is a URL or a file
    in the folder (JPEG or PNG, as Apple Podcasts requires).
    """

    base_url: str
    title: str | None = None
    description: str | None = None
    author: str | None = None
    image: str | None = None
    language: str | None = None
    category: str = "News"  # an Apple Podcasts category name (Apple's fixed English list)


@dataclass(frozen=True)
class FeedResult:
    """What ``write_feed`` wrote, and one line for each article left out and why."""

    feed: Path
    written: list[Path]
    notes: list[str]


def check_base_url(base_url: str) -> str:
    """The base URL with a trailing slash; ``UsageError`` unless it is absolute http(s).

    >>> check_base_url("https://news.example/edition")
    'https://news.example/edition/'
    """
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(
            f"--base-url must be an absolute http(s) URL, not {base_url!r} "
            "(podcast apps fetch enclosures from absolute URLs)"
        )
    return base_url if base_url.endswith("/") else base_url + "/"


def write_feed(outdir: str | Path, settings: FeedSettings) -> FeedResult:
    """Write ``feed.xml`` for the MP3s in ``outdir``, with chapters and transcripts beside them.

    >>> write_feed("out", FeedSettings(base_url="https://news.example/audio/"))  # doctest: +SKIP
    FeedResult(feed=PosixPath('out/feed.xml'), written=[...], notes=[])
    """
    folder = Path(outdir)
    base = check_base_url(settings.base_url)
    articles, notes = scan_outputs(folder)
    episodes = [a for a in articles if "audio" in a.files]
    notes += [
        f"{a.files['html']}: no MP3 beside it; not in the feed"
        for a in articles
        if a not in episodes
    ]
    if not episodes:
        raise UsageError(
            "no MP3 with a readable article beside it: nothing to put in a feed", file=folder
        )
    generator = _channel(episodes, settings, base, folder)
    with OutputSet() as outputs:
        # feedgen puts the entry added last at the top: add oldest first.
        for article in reversed(episodes):
            _episode(generator, article, base, outputs, notes)
        target = folder / FEED_NAME
        outputs.write_bytes(target, generator.rss_str(pretty=True))
    return FeedResult(target, list(outputs.written), notes)


def _channel(
    episodes: list[EditionArticle], settings: FeedSettings, base: str, folder: Path
) -> FeedGenerator:
    publishers = Counter(a.publisher for a in episodes if a.publisher)
    title = settings.title or (publishers.most_common(1)[0][0] if publishers else None)
    if not title:
        raise UsageError("the articles name no publisher: give the feed a --title")
    languages = Counter(a.language for a in episodes if a.language)
    generator = FeedGenerator()
    generator.load_extension("podcast")
    generator.load_extension("dc")
    generator.register_extension("podcasting", PodcastingFeed, PodcastingEntry)
    generator.title(title)
    generator.description(settings.description or title)
    generator.link(href=urljoin(base, FEED_NAME), rel="self", type=FEED_TYPE)
    generator.link(href=base, rel="alternate")  # feedgen's RSS <link> is the last one given
    common = languages.most_common(1)[0][0] if languages else "und"
    generator.language(settings.language or common)
    author = settings.author or title
    generator.author({"name": author})
    generator.podcast.itunes_author(author)
    generator.podcast.itunes_explicit("no")
    generator.podcast.itunes_category(settings.category)
    image = settings.image or next(
        (i for a in episodes for i in a.images if _is_podcast_image(i)), None
    )
    if image:
        if not urlsplit(image).scheme and not (folder / image).is_file():
            raise UsageError(f"the feed image {image!r} is not a file in the folder", file=folder)
        url = urljoin(base, image)
        generator.image(url=url, title=title, link=base)
        if _is_podcast_image(url):
            generator.podcast.itunes_image(url)
    generator.podcasting.locked = False
    # The newest article's date, not the clock: the same folder gives the same bytes.
    dates = [a.modified or a.published for a in episodes if a.published]
    if dates:
        generator.lastBuildDate(max(d for d in dates if d))
    return generator


def _episode(
    generator: FeedGenerator,
    article: EditionArticle,
    base: str,
    outputs: OutputSet,
    notes: list[str],
) -> None:
    mp3 = article.files["audio"]
    entry = generator.add_entry()
    page_url = urljoin(base, article.files["html"].name) if "html" in article.files else None
    link = article.canonical_url or page_url or urljoin(base, mp3.name)
    entry.title(article.headline)
    entry.guid(link, permalink=bool(article.canonical_url or page_url))
    entry.link(href=link)
    if article.description:
        entry.description(article.description)
        entry.podcast.itunes_summary(article.description)
    if article.published:
        entry.pubDate(article.published)
    else:
        notes.append(f"{mp3}: no publication date in the page or the MP3 tags; no pubDate")
    entry.enclosure(urljoin(base, mp3.name), str(mp3.stat().st_size), "audio/mpeg")
    if article.duration:
        entry.podcast.itunes_duration(_hms(article.duration))
    if article.authors:
        entry.podcast.itunes_author(", ".join(article.authors))
    if article.language:
        entry.dc.dc_language(article.language)
    image = next((i for i in article.images if _is_podcast_image(i)), None)
    if image:
        entry.podcast.itunes_image(urljoin(base, image))
    podcasting: PodcastingEntry = entry.podcasting
    if "vtt" in article.files:
        vtt = article.files["vtt"]
        podcasting.transcripts.append(
            LinkedFile(urljoin(base, vtt.name), "text/vtt", article.language or None, "captions")
        )
        transcript = write_transcript(article, outputs, notes)
        if transcript:
            podcasting.transcripts.append(
                LinkedFile(urljoin(base, transcript.name), "text/html", article.language or None)
            )
    else:
        notes.append(f"{mp3}: no WebVTT transcript beside it")
    if article.chapters:
        target = mp3.parent / f"{article.stem}.chapters.json"
        outputs.write_bytes(target, chapters_json(article))
        podcasting.chapters = LinkedFile(urljoin(base, target.name), CHAPTERS_TYPE)


def _is_podcast_image(name: str) -> bool:
    return urlsplit(name).path.lower().endswith((".jpg", ".png"))


def _hms(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
