"""What ``convert`` left in a folder: each article's files and the metadata they carry.

The feed and the site are built from finished outputs only (like ``check``):
the headline, date, language and description come from the page's JSON-LD and
``<meta>`` (or the MP3's ID3 tags), so any folder ``convert`` wrote will do.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lxml import etree
from mutagen import MutagenError
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from ..checks.loaders import Unreadable, read_limited
from ..checks.loaders.html import parse_html
from ..errors import InputError

MAX_PAGE_BYTES = 20 * 1024 * 1024

# File-name endings of each output, longest first so that ``x.braille.html`` is not HTML.
OUTPUT_SUFFIXES: dict[str, str] = {
    ".transcript.html": "transcript",
    ".braille.html": "braille-html",
    ".fragment.html": "html-fragment",
    ".chapters.json": "chapters",
    ".html": "html",
    ".pdf": "pdf",
    ".epub": "epub",
    ".mp3": "audio",
    ".vtt": "vtt",
    ".brf": "brf",
}

FEED_NAME = "feed.xml"
INDEX_NAME = "index.html"
SITEMAP_NAME = "sitemap.xml"
# Files the feed and site commands write themselves: never read as an article.
EDITION_FILES = {INDEX_NAME, FEED_NAME, SITEMAP_NAME}


@dataclass(frozen=True)
class Chapter:
    """One ID3 chapter of an MP3: where it starts and ends (seconds) and its title."""

    start: float
    end: float
    title: str


@dataclass
class EditionArticle:
    """One article as its outputs describe it."""

    stem: str
    files: dict[str, Path] = field(default_factory=dict)
    headline: str = ""
    language: str = ""
    description: str | None = None
    published: datetime | None = None
    modified: datetime | None = None
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    canonical_url: str | None = None
    images: list[str] = field(default_factory=list)
    duration: float | None = None
    chapters: list[Chapter] = field(default_factory=list)


def split_output_name(name: str) -> tuple[str, str] | None:
    """The stem and output format of a file name, or None for other files.

    >>> split_output_name("story.braille.html")
    ('story', 'braille-html')
    >>> split_output_name("story-lead-figure.jpg") is None
    True
    """
    for suffix, kind in OUTPUT_SUFFIXES.items():
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], kind
    return None


def scan_outputs(outdir: Path) -> tuple[list[EditionArticle], list[str]]:
    """Every article in ``outdir`` (sorted newest first) and one line per file skipped.

    An article is a stem with an HTML page carrying NewsArticle JSON-LD, or an MP3.

    >>> scan_outputs(Path("out"))  # doctest: +SKIP
    ([EditionArticle(stem='csto-sco-afghanistan', ...)], [])
    """
    if not outdir.is_dir():
        raise InputError("not a folder of outputs", file=outdir)
    groups: dict[str, dict[str, Path]] = {}
    for path in sorted(outdir.iterdir()):
        if path.name in EDITION_FILES or path.name.startswith(".") or not path.is_file():
            continue
        split = split_output_name(path.name)
        if split:
            groups.setdefault(split[0], {})[split[1]] = path
    articles: list[EditionArticle] = []
    problems: list[str] = []
    for stem, files in groups.items():
        if "html" not in files and "audio" not in files:
            continue
        article = EditionArticle(stem=stem, files=files)
        try:
            if "html" in files:
                _read_page(article, files["html"])
            if "audio" in files:
                _read_mp3(article, files["audio"])
        except InputError as error:
            problems.append(str(error))
            continue
        if not article.headline:
            problems.append(f"{files.get('html', files.get('audio'))}: no headline; skipped")
            continue
        articles.append(article)
    oldest = datetime.min.replace(tzinfo=UTC)
    articles.sort(key=lambda a: (a.published or oldest, a.stem), reverse=True)
    return articles, problems


def parse_page(path: Path) -> etree._Element:
    """Parse an HTML output safely (no network, no huge trees, size-limited).

    >>> parse_page(Path("out/story.html")).get("lang")  # doctest: +SKIP
    'en'
    """
    try:
        return parse_html(read_limited(path, MAX_PAGE_BYTES))
    except Unreadable as error:
        raise InputError(str(error), file=path) from None


def _read_page(article: EditionArticle, path: Path) -> None:
    root = parse_page(path)
    data = _news_article(root)
    if data is None:
        return
    article.headline = str(data.get("headline") or "")
    article.language = str(data.get("inLanguage") or root.get("lang") or "")
    description = data.get("description") or _meta(root, "description")
    article.description = str(description) if description else None
    article.published = _date(data.get("datePublished"))
    article.modified = _date(data.get("dateModified"))
    publisher = data.get("publisher")
    if isinstance(publisher, dict) and publisher.get("name"):
        article.publisher = str(publisher["name"])
    authors = data.get("author") or []
    article.authors = [str(a.get("name")) for a in authors if isinstance(a, dict) and a.get("name")]
    article.canonical_url = str(data["url"]) if data.get("url") else None
    images = data.get("image") or []
    article.images = [str(i) for i in (images if isinstance(images, list) else [images])]


def _news_article(root: etree._Element) -> dict[str, Any] | None:
    for script in root.iter("script"):
        if script.get("type") != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except json.JSONDecodeError:
            continue
        if isinstance(data, dict) and data.get("@type") == "NewsArticle":
            return data
    return None


def _meta(root: etree._Element, name: str) -> str | None:
    for meta in root.iter("meta"):
        if meta.get("name") == name and meta.get("content"):
            return meta.get("content")
    return None


def _date(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    # A date without a zone is taken as UTC, the only reading that needs no guess about place.
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _read_mp3(article: EditionArticle, path: Path) -> None:
    try:
        audio = MP3(path)  # type: ignore[no-untyped-call]
    except (MutagenError, OSError) as error:
        raise InputError(f"not an MP3: {' '.join(str(error).split())}", file=path) from None
    info: Any = audio.info
    article.duration = float(getattr(info, "length", 0.0) or 0.0)
    try:
        tags: Any = ID3(path)  # type: ignore[no-untyped-call]
    except (MutagenError, OSError):
        return
    if not article.headline and "TIT2" in tags:
        article.headline = str(tags["TIT2"])
    if not article.published and "TDRC" in tags:
        article.published = _date(str(tags["TDRC"]))
    article.chapters = read_chapters(tags)


def read_chapters(tags: Any) -> list[Chapter]:
    """The ID3 chapters (CHAP frames) in the order of the table of contents (CTOC)."""
    chapters = {frame.element_id: frame for frame in tags.getall("CHAP")}
    order: list[str] = []
    for toc in tags.getall("CTOC"):
        order.extend(i for i in toc.child_element_ids if i in chapters and i not in order)
    # mutagen stores frames by size, not time: without a CTOC, time order is the truth.
    rest = sorted((c for c in chapters if c not in order), key=lambda c: chapters[c].start_time)
    result = []
    for element_id in [*order, *rest]:
        frame = chapters[element_id]
        title = frame.sub_frames.get("TIT2")
        result.append(
            Chapter(frame.start_time / 1000, frame.end_time / 1000, str(title) if title else "")
        )
    return result
