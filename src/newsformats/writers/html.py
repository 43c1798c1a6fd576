"""The HTML writer: a standalone, accessible HTML5 page around the semantic tree.

It uses the ``audio`` artifact when the audio writer ran: the page then offers
a player, a download link and the transcript.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from ..document import Document
from ..document.blocks import element, sub
from ..document.metadata import news_article_jsonld, social_meta
from ..document.page import build_page, html_bytes
from ..themes import stylesheet
from ..themes.publisher import apply_theme_blocks, theme_css
from . import WriteJob

if TYPE_CHECKING:
    from ..speech.record import AudioResult


def jsonld_script(document: Document) -> etree._Element:
    """A ``<script type="application/ld+json">`` with the article's NewsArticle data."""
    images = [str(img.get("src")) for img in document.root.iter("img") if img.get("src")]
    data = news_article_jsonld(document.article, images)
    script = etree.Element("script", type="application/ld+json")
    # "</" could end the script element early; JSON allows the escaped form.
    script.text = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return script


def social_tags(document: Document) -> list[etree._Element]:
    """Open Graph and Twitter card ``<meta>`` elements for link previews."""
    images = [(str(i.get("src")), str(i.get("alt") or "")) for i in document.root.iter("img")]
    triples = social_meta(document.article, document.description, images)
    return [
        element("meta", **{attribute: key, "content": value}) for attribute, key, value in triples
    ]


def listen_section(document: Document, audio: AudioResult) -> etree._Element:
    """A labelled "Listen to this article" region: player, download link and transcript."""
    messages = document.messages
    section = element("section", id="nf-listen", cls="nf-listen", aria_labelledby="nf-listen-h")
    sub(section, "h2", id="nf-listen-h").text = messages("listen")
    player = sub(section, "audio", controls="controls", preload="metadata", src=audio.mp3.name)
    if audio.voice:
        player.set("aria-describedby", "nf-listen-voice")
        voice = sub(section, "p", id="nf-listen-voice", cls="nf-voice")
        voice.text = messages("synthesized_voice", voice=audio.voice)
    download = sub(sub(section, "p"), "a", href=audio.mp3.name, download="")
    download.text = messages("download_audio")
    transcript = sub(section, "details", cls="nf-transcript")
    sub(transcript, "summary").text = messages("transcript")
    # One paragraph per element of the article: sentences p3-s1, p3-s2… go together.
    owner = None
    for sentence in audio.sentences:
        sentence_owner = re.sub(r"-s\d+$", "", sentence.id)
        if sentence_owner != owner:
            paragraph = sub(transcript, "p")
            owner = sentence_owner
        paragraph.text = f"{paragraph.text} {sentence.text}" if paragraph.text else sentence.text
    return section


def write_html(job: WriteJob) -> list[Path]:
    """Write ``<stem>.html`` and the images it shows into the job's folder."""
    document = job.document.view(image_href=lambda image, fid: job.stage_image(image, fid)[0])
    css = stylesheet("screen.css") + theme_css(job.options.theme, "screen")
    page = build_page(
        document, css=css, extra_head=[*social_tags(document), jsonld_script(document)]
    )
    apply_theme_blocks(page, job.options.theme)
    audio = job.artifacts.audio
    if audio is not None:
        main = page.find("body/main")
        assert main is not None  # build_page always makes one
        main.append(listen_section(document, audio))
    target = job.path(".html")
    job.outputs.write_bytes(target, html_bytes(page))
    return [target]
