"""Assemble the EPUB package with ebooklib: items, spine, toc, metadata, bytes.

Content documents, the cover page and the nav are serialised by
:mod:`newsformats.epub.xhtml` and handed to ebooklib as finished XHTML
(ebooklib's own re-parsing drops ``<html>`` attributes); ebooklib writes the
package document, the NCX and the zip, which :mod:`.reproducible` then
normalises.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, BinaryIO

from ebooklib import epub
from lxml import etree

from ..lang import Messages
from ..safe_xml import safe_xml_parser
from ..speech.record import AudioResult
from .accessibility import BookSurvey, accessibility_metadata, survey_document, survey_nav
from .chapter import STYLESHEET, Chapter
from .cover import Cover
from .readalong import add_read_along, streamed_files
from .reproducible import write_normalised_zip
from .xhtml import (
    XML_LANG,
    Landmark,
    PageShell,
    TocEntry,
    cover_document,
    nav_document,
    xhtml_bytes,
)

NAV_FILE = "nav.xhtml"
COVER_PAGE = "cover.xhtml"


@dataclass(frozen=True)
class BookInfo:
    """Package metadata that is not computed from the content."""

    title: str
    language: str
    direction: str
    identifier: str
    modified: datetime
    creators: Sequence[str] = ()
    publisher: str | None = None
    date: datetime | None = None
    description: str | None = None
    subjects: Sequence[str] = ()
    source: str | None = None
    other_languages: Sequence[str] = field(default_factory=tuple)


class _Finished(epub.EpubHtml):  # type: ignore[misc]
    """A content document whose XHTML we serialised ourselves; ebooklib copies it as is."""

    def __init__(self, uid: str, file_name: str, title: str, data: bytes, **kwargs: Any) -> None:
        super().__init__(uid=uid, file_name=file_name, title=title, **kwargs)
        self.content = data

    def get_content(self, default: Any = None) -> bytes:
        data: bytes = self.content
        return data


def add_media_overlays(book: epub.EpubBook, chapter: epub.EpubHtml, audio: AudioResult) -> bool:
    """Read-along: attach the audio writer's result to one chapter; True when attached.

    The chapter must have been built with sentence spans (``build_chapter(...,
    sentence_spans=True)``). :func:`newsformats.epub.readalong.add_read_along`
    adds the MP3, the SMIL overlay, ``media:duration`` (per overlay and in
    total) and ``media:active-class``; the package then declares
    ``synchronizedAudioText``.

    >>> add_media_overlays(book, chapter_item, job.artifacts.audio)  # doctest: +SKIP
    True
    """
    add_read_along(book, chapter, audio)
    return True


def assemble_book(
    info: BookInfo,
    chapters: Sequence[Chapter],
    cover: Cover,
    messages: Messages,
    *,
    stylesheet: str,
    audio: AudioResult | None = None,
) -> epub.EpubBook:
    """Put chapters, cover, nav and computed metadata into an ebooklib book.

    >>> book = assemble_book(info, [chapter], cover, messages_for("en"),  # doctest: +SKIP
    ...                      stylesheet=stylesheet("epub.css"))
    """
    book = epub.EpubBook()
    book.set_identifier(info.identifier)
    book.set_title(info.title)
    book.set_language(info.language)
    for language in info.other_languages:
        book.add_metadata("DC", "language", language)
    book.set_direction(info.direction)
    _describe(book, info)

    shell = PageShell(info.title, info.language, info.direction, (STYLESHEET,))
    book.add_item(
        epub.EpubItem(
            uid="style",
            file_name=STYLESHEET,
            media_type="text/css",
            content=stylesheet.encode("utf-8"),
        )
    )
    # The cover image first (ebooklib wants it before the nav), then its page.
    book.set_cover(cover.file_name, cover.data, create_page=False)
    cover_tree = cover_document(cover.file_name, cover.alt, shell)
    cover_page = _Finished(
        "cover", COVER_PAGE, messages("cover"), xhtml_bytes(cover_tree), lang=info.language
    )
    book.add_item(cover_page)

    added = {cover.file_name}
    items: list[epub.EpubHtml] = []
    for index, chapter in enumerate(chapters, start=1):
        for resource in chapter.images.values():
            if resource.file_name in added:
                continue
            added.add(resource.file_name)
            book.add_item(
                epub.EpubItem(
                    uid=_item_id(resource.file_name),
                    file_name=resource.file_name,
                    media_type=resource.media_type,
                    content=resource.data,
                )
            )
        item = _Finished(
            f"chapter-{index}",
            chapter.file_name,
            chapter.title,
            xhtml_bytes(chapter.tree),
            lang=chapter.article.language,
            direction=chapter.article.text_direction,
        )
        book.add_item(item)
        items.append(item)

    overlays = audio is not None and any([add_media_overlays(book, item, audio) for item in items])

    toc = [chapter.toc for chapter in chapters]
    landmarks = [
        Landmark("cover", messages("cover"), COVER_PAGE),
        Landmark("toc", messages("contents"), f"{NAV_FILE}#toc"),
        Landmark("bodymatter", messages("start_of_content"), chapters[0].file_name),
    ]
    nav_tree = nav_document(
        toc,
        landmarks,
        PageShell(messages("contents"), info.language, info.direction, (STYLESHEET,)),
        toc_title=messages("contents"),
        landmarks_title=messages("landmarks"),
    )
    nav = _Finished("nav", NAV_FILE, messages("contents"), xhtml_bytes(nav_tree))
    nav.properties.append("nav")
    book.add_item(nav)
    book.add_item(epub.EpubNcx())
    book.toc = [_ncx_entry(entry) for entry in toc]
    # The nav is in the spine so that the landmarks may point at its toc; an
    # edition shows its contents page in reading order, one article does not.
    book.spine = [(cover_page, "no"), (nav, "yes" if len(chapters) > 1 else "no"), *items]

    toc_entries, landmark_kinds = survey_nav(nav_tree)
    survey = BookSurvey(
        documents=(
            survey_document(COVER_PAGE, cover_tree),
            *(survey_document(c.file_name, c.tree) for c in chapters),
        ),
        title=info.title,
        language=info.language,
        toc_entries=toc_entries,
        landmarks=landmark_kinds,
        media_overlays=overlays,
        synthesized_voice=audio.voice if overlays and audio is not None else "",
    )
    for prop, value in accessibility_metadata(survey, messages):
        book.add_metadata(None, "meta", value, {"property": prop})
    return book


def book_bytes(book: epub.EpubBook, modified: datetime) -> bytes:
    """Write the book to bytes that depend only on its content and ``modified``."""
    buffer = io.BytesIO()
    write_book(book, modified, buffer)
    return buffer.getvalue()


def write_book(book: epub.EpubBook, modified: datetime, out: BinaryIO) -> None:
    """Write the book into ``out``; files the book only points at (audio) are copied in chunks."""
    buffer = io.BytesIO()
    options = {
        "mtime": modified,
        "epub3_pages": False,
        "epub2_guide": False,
        "package_direction": True,
        "raise_exceptions": True,
        # ebooklib's zip is only read back by write_normalised_zip, which compresses
        # each entry once, for good: deflating it here too would be work thrown away.
        "compresslevel": 0,
    }
    writer = epub.EpubWriter(buffer, book, options)
    writer.process()
    writer.write()

    def finish(name: str, data: bytes) -> bytes:
        return _finish_package(data, book.language) if name.endswith(".opf") else data

    write_normalised_zip(buffer.getvalue(), modified, out, finish, streamed_files(book))


def _finish_package(data: bytes, language: str) -> bytes:
    """Give ``<package>`` the ``xml:lang`` ebooklib cannot set; drop its generator line."""
    parser = safe_xml_parser()
    root = etree.fromstring(data, parser)
    root.set(XML_LANG, language)
    for meta in list(root.iter("{http://www.idpf.org/2007/opf}meta")):
        parent = meta.getparent()
        if meta.get("name") == "generator" and parent is not None:
            parent.remove(meta)
    finished: bytes = etree.tostring(root, xml_declaration=True, encoding="utf-8")
    return finished + b"\n"


def _describe(book: epub.EpubBook, info: BookInfo) -> None:
    for index, name in enumerate(info.creators, start=1):
        book.add_author(name, uid=f"creator{index}")
    if info.publisher:
        book.add_metadata("DC", "publisher", info.publisher)
    if info.date:
        book.add_metadata("DC", "date", info.date.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    if info.description:
        book.add_metadata("DC", "description", info.description)
    for subject in info.subjects:
        book.add_metadata("DC", "subject", subject)
    if info.source:
        book.add_metadata("DC", "source", info.source)


def _ncx_entry(entry: TocEntry) -> Any:
    link = epub.Link(entry.href, entry.title, _item_id(entry.href))
    if not entry.children:
        return link
    return (link, [_ncx_entry(child) for child in entry.children])


def _item_id(name: str) -> str:
    """A valid XML id from a file name or href: ``images/a1-fig1.jpg`` → ``images-a1-fig1-jpg``."""
    cleaned = "".join(c if c.isascii() and c.isalnum() else "-" for c in name)
    return cleaned if cleaned[:1].isalpha() else f"x-{cleaned}"
