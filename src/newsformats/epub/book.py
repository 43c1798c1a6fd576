"""Articles in, EPUB bytes out: one article, or an edition of several."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from ..document import Document
from ..lang import messages_for
from ..model import Article
from ..speech.record import AudioResult
from ..speech.timing import ACTIVE_STYLE
from ..themes import placeholder_image, stylesheet
from .chapter import Chapter, LoadImage, build_chapter
from .cover import Cover, photo_cover, title_cover
from .package import BookInfo, assemble_book, book_bytes
from .reproducible import book_identifier, modified_date


def make_epub(
    articles: Sequence[Article],
    image_loaders: Sequence[LoadImage],
    *,
    edition_title: str | None = None,
    audio: AudioResult | None = None,
    documents: Sequence[Document] | None = None,
) -> bytes:
    """Make the EPUB of one article, or, with ``edition_title``, an edition of several.

    ``image_loaders`` hold one function per article that reads its images under
    the caller's resource policy (``WriteJob.image``); ``documents``, when
    given, are the articles' trees already built (with sentence spans), one per
    article. The same articles and title give the same bytes.

    >>> make_epub([read("examples/heatwave-update.json")], [job.image])[:2]  # doctest: +SKIP
    b'PK'
    """
    book, modified = build_book(
        articles, image_loaders, edition_title=edition_title, audio=audio, documents=documents
    )
    return book_bytes(book, modified)


def build_book(
    articles: Sequence[Article],
    image_loaders: Sequence[LoadImage],
    *,
    edition_title: str | None = None,
    audio: AudioResult | None = None,
    documents: Sequence[Document] | None = None,
    theme_css: str = "",
) -> tuple[Any, datetime]:
    """The ebooklib book of :func:`make_epub` and its ``dcterms:modified``, not yet written.

    Write it with :func:`newsformats.epub.package.write_book`.
    """
    if not articles or len(image_loaders) != len(articles):
        raise ValueError("make_epub needs at least one article and one image loader for each")
    trees: Sequence[Document | None] = documents or [None] * len(articles)
    edition = edition_title is not None
    audio = None if edition else audio  # read-along is for one article and its audio
    chapters = [
        build_chapter(
            article,
            f"article-{index}.xhtml" if edition else "article.xhtml",
            load_image=load,
            placeholder=placeholder_image(),
            image_prefix=f"a{index}-" if edition else "",
            sentence_spans=audio is not None,
            document=tree,
        )
        for index, (article, load, tree) in enumerate(
            zip(articles, image_loaders, trees, strict=True), start=1
        )
    ]
    info = _edition_info(articles, edition_title) if edition_title else _article_info(articles[0])
    cover = _title_cover(info) if edition else _article_cover(info, chapters[0])
    book = assemble_book(
        info,
        chapters,
        cover,
        messages_for(info.language),
        stylesheet=stylesheet("epub.css") + theme_css + (ACTIVE_STYLE if audio is not None else ""),
        audio=audio,
    )
    return book, info.modified


def _article_info(article: Article) -> BookInfo:
    authors = [p.name for p in article.authors]
    publisher = article.publisher.name if article.publisher else None
    return BookInfo(
        title=article.headline,
        language=article.language,
        direction=article.text_direction,
        identifier=book_identifier([article]),
        modified=modified_date([article]),
        creators=authors or ([publisher] if publisher else []),
        publisher=publisher,
        date=article.published or article.updated,
        description=article.standfirst,
        subjects=article.keywords,
        source=str(article.canonical_url) if article.canonical_url else None,
    )


def _edition_info(articles: Sequence[Article], title: str) -> BookInfo:
    first = articles[0]
    publishers = {a.publisher.name if a.publisher else None for a in articles}
    publisher = publishers.pop() if len(publishers) == 1 else None
    dates = [d for a in articles if (d := a.published or a.updated) is not None]
    return BookInfo(
        title=title,
        language=first.language,
        direction=first.text_direction,
        identifier=book_identifier(articles, title),
        modified=modified_date(articles),
        creators=_unique(p.name for a in articles for p in a.authors) or _unique([publisher]),
        publisher=publisher,
        date=max(dates) if dates else None,
        subjects=_unique(k for a in articles for k in a.keywords),
        other_languages=[
            lang for lang in _unique(a.language for a in articles) if lang != first.language
        ],
    )


def _article_cover(info: BookInfo, chapter: Chapter) -> Cover:
    """The lead photo when there is one with alt text, else a title cover."""
    image = chapter.article.lead_image
    photo = chapter.images.get("lead-figure")
    if image is not None and photo is not None and not photo.placeholder and image.alt.strip():
        return photo_cover(photo.data, photo.media_type, photo.file_name, image.alt)
    return _title_cover(info)


def _title_cover(info: BookInfo) -> Cover:
    messages = messages_for(info.language)
    below = [info.publisher] if info.publisher else []
    if info.date:
        below.append(messages.date(info.date))
    return title_cover(
        info.title, language=info.language, direction=info.direction, lines_below=tuple(below)
    )


def _unique(values: Iterable[str | None]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        if value:
            seen.setdefault(value, None)
    return list(seen)
