"""The Podcasting 2.0 namespace as a feedgen extension (feedgen has only iTunes built in).

Spec: https://podcastindex.org/namespace/1.0 (``podcast:transcript``,
``podcast:chapters``, ``podcast:locked``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from lxml import etree

PODCAST_NS = "https://podcastindex.org/namespace/1.0"


@dataclass(frozen=True)
class LinkedFile:
    """A file an episode points at: its URL, media type and (for transcripts) language."""

    url: str
    type: str
    language: str | None = None
    rel: str | None = None


class PodcastingFeed(BaseExtension):  # type: ignore[misc]
    """Channel level: ``<podcast:locked>`` (whether other hosts may import the feed)."""

    def __init__(self) -> None:
        self.locked: bool | None = None

    def extend_ns(self) -> dict[str, str]:
        return {"podcast": PODCAST_NS}

    def extend_rss(self, rss_feed: etree._Element) -> etree._Element:
        if self.locked is not None:
            channel = rss_feed[0]
            etree.SubElement(channel, f"{{{PODCAST_NS}}}locked").text = (
                "yes" if self.locked else "no"
            )
        return rss_feed


class PodcastingEntry(BaseEntryExtension):  # type: ignore[misc]
    """Item level: ``<podcast:transcript>`` (one per file) and ``<podcast:chapters>``."""

    def __init__(self) -> None:
        self.transcripts: list[LinkedFile] = []
        self.chapters: LinkedFile | None = None

    def extend_ns(self) -> dict[str, str]:
        return {"podcast": PODCAST_NS}

    def extend_rss(self, item: etree._Element) -> etree._Element:
        for transcript in self.transcripts:
            attributes: dict[str, Any] = {"url": transcript.url, "type": transcript.type}
            if transcript.language:
                attributes["language"] = transcript.language
            if transcript.rel:
                attributes["rel"] = transcript.rel
            etree.SubElement(item, f"{{{PODCAST_NS}}}transcript", attributes)
        if self.chapters:
            etree.SubElement(
                item,
                f"{{{PODCAST_NS}}}chapters",
                {"url": self.chapters.url, "type": self.chapters.type},
            )
        return item
