"""The HTML writer: a standalone, accessible HTML5 page around the semantic tree."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree, html

from ..document import Document, DocumentOptions, ImageRef, build_document
from ..document.blocks import element, sub
from ..document.metadata import news_article_jsonld, social_meta
from ..model import Image
from ..themes import PLACEHOLDER_SIZE, placeholder_image, stylesheet
from ..themes.publisher import apply_theme_blocks, theme_css
from . import WriteJob

if TYPE_CHECKING:
    from .audio import AudioResult


def stage_images(job: WriteJob, image: Image, figure_id: str) -> ImageRef:
    """Copy an image beside the outputs (once per job) and say where it went."""
    loaded = job.image(image)
    suffix = loaded.extension if loaded else ".svg"
    target = job.path(f"-{figure_id}{suffix}")
    staged: set[Path] = job.results.setdefault("staged-images", set())
    if target not in staged:
        job.outputs.write_bytes(target, loaded.data if loaded else placeholder_image())
        staged.add(target)
    if loaded:
        return ImageRef(target.name, loaded.width, loaded.height)
    return ImageRef(target.name, *PLACEHOLDER_SIZE)


def build_page(
    document: Document,
    *,
    css: str,
    extra_head: list[etree._Element] | None = None,
) -> etree._Element:
    """Wrap the document's ``<article>`` in a complete page with landmarks and metadata."""
    article = document.article
    messages = document.messages
    page = etree.Element("html", lang=article.language, dir=article.text_direction)
    head = sub(page, "head")
    sub(head, "meta", charset="utf-8")
    sub(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    title = document.title
    if article.publisher:
        title = f"{title} – {article.publisher.name}"
    sub(head, "title").text = title
    sub(head, "meta", name="description", content=document.description)
    if document.author_names:
        sub(head, "meta", name="author", content=", ".join(document.author_names))
    if article.keywords:
        sub(head, "meta", name="keywords", content=", ".join(article.keywords))
    sub(head, "meta", name="color-scheme", content="light dark")
    if article.canonical_url:
        sub(head, "link", rel="canonical", href=str(article.canonical_url))
    sub(head, "style").text = css
    for extra in extra_head or []:
        head.append(extra)

    body = sub(page, "body")
    skip = sub(body, "a", href="#main", cls="nf-skip")
    skip.text = messages("skip_to_content")
    if article.publisher:
        banner = sub(body, "header", cls="nf-site-header")
        sub(banner, "p", cls="nf-publisher").text = article.publisher.name
    main = sub(body, "main", id="main", tabindex="-1")
    main.append(document.root)
    if article.publisher:
        footer = sub(body, "footer", cls="nf-site-footer")
        sub(footer, "p").text = messages("site_footer", publisher=article.publisher.name)
    return page


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
    sub(section, "audio", controls="controls", preload="metadata", src=audio.mp3.name)
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


def serialize(page: etree._Element) -> bytes:
    """Serialise a page as HTML5 with its doctype, in UTF-8."""
    text: str = html.tostring(page, doctype="<!DOCTYPE html>", encoding="unicode", method="html")
    return (text + "\n").encode("utf-8")


def write_html(job: WriteJob) -> list[Path]:
    """Write ``<stem>.html`` and the images it shows into the job's folder."""
    document = build_document(
        job.article,
        DocumentOptions(image_href=lambda image, fid: stage_images(job, image, fid)),
    )
    css = stylesheet("screen.css") + theme_css(job.options.theme, "screen")
    page = build_page(
        document, css=css, extra_head=[*social_tags(document), jsonld_script(document)]
    )
    apply_theme_blocks(page, job.options.theme)
    audio: AudioResult | None = job.results.get("audio")
    if audio is not None:
        main = page.find("body/main")
        assert main is not None  # build_page always makes one
        main.append(listen_section(document, audio))
    target = job.path(".html")
    job.outputs.write_bytes(target, serialize(page))
    return [target]
