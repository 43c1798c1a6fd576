"""Files a podcast episode points at: JSON chapters and an HTML transcript.

Both are made from finished outputs: the chapters from the MP3's ID3 CHAP
frames (so the JSON and the MP3 always agree), the transcript from the WebVTT.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from lxml import etree

from ..checks.loaders import Unreadable, read_limited
from ..checks.loaders.audio import Cue, parse_webvtt
from ..document.blocks import sub
from ..document.page import html_bytes, plain_page
from ..files import OutputSet
from ..lang import messages_for
from ..themes import stylesheet
from .outputs import FEED_NAME, EditionArticle

CHAPTERS_VERSION = "1.2.0"  # Podcasting 2.0 JSON chapters format


def chapters_json(article: EditionArticle) -> bytes:
    """The MP3's ID3 chapters in the Podcasting 2.0 JSON chapters format.

    >>> from newsformats.publish.outputs import Chapter
    >>> a = EditionArticle("s", chapters=[Chapter(0.0, 1.5, "Intro")])
    >>> json.loads(chapters_json(a))["chapters"]
    [{'startTime': 0.0, 'endTime': 1.5, 'title': 'Intro'}]
    """
    data = {
        "version": CHAPTERS_VERSION,
        "chapters": [
            {"startTime": c.start, "endTime": c.end, "title": c.title} for c in article.chapters
        ],
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def transcript_page(
    article: EditionArticle, cues: list[Cue], feed: str | None = None
) -> etree._Element:
    """An accessible HTML page of the episode's transcript: one paragraph per element.

    Cue ids such as ``p3-s1``, ``p3-s2`` belong to one element (``p3``) and share a paragraph.
    """
    messages = messages_for(article.language or "en")
    title = f"{messages('transcript')}: {article.headline}"
    page, head, main = plain_page(article.language or "und", title, stylesheet("screen.css"))
    if feed:
        sub(head, "link", rel="alternate", type="application/rss+xml", href=feed)
    heading = sub(main, "h1", id="headline")
    if "html" in article.files:
        sub(heading, "a", href=article.files["html"].name).text = article.headline
    else:
        heading.text = article.headline
    sub(main, "p", cls="nf-standfirst").text = messages("transcript")
    owner = None
    paragraph = None
    for cue in cues:
        cue_owner = re.sub(r"-s\d+$", "", cue.id or "")
        if paragraph is None or cue_owner != owner or not cue.id:
            paragraph = sub(main, "p")
            if cue.id:
                paragraph.set("id", cue.id)
            owner = cue_owner
        paragraph.text = f"{paragraph.text} {cue.text}" if paragraph.text else cue.text
    return page


def write_transcript(article: EditionArticle, outputs: OutputSet, notes: list[str]) -> Path | None:
    """Stage ``<stem>.transcript.html`` from the article's WebVTT; a note when it cannot.

    The article's files then name the transcript, so later links find it.
    """
    vtt = article.files.get("vtt")
    if vtt is None:
        return None
    try:
        cues = parse_webvtt(read_limited(vtt).decode("utf-8"))
    except (Unreadable, UnicodeDecodeError, ValueError) as error:
        notes.append(f"{vtt}: {error}; no HTML transcript")
        return None
    target = vtt.parent / f"{article.stem}.transcript.html"
    feed = FEED_NAME if (vtt.parent / FEED_NAME).is_file() else None
    outputs.write_bytes(target, html_bytes(transcript_page(article, cues, feed)))
    article.files["transcript"] = target
    return target
