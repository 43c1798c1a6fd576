"""One article as an EPUB chapter: its XHTML content document, images and toc entry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from ..document import Document, DocumentOptions, ImageRef, build_document
from ..model import Article, Image, Subheading, plain_text
from ..resources import LoadedImage
from ..themes import PLACEHOLDER_SIZE
from .xhtml import PageShell, TocEntry, chapter_document

STYLESHEET = "css/epub.css"

LoadImage = Callable[[Image], LoadedImage | None]


@dataclass(frozen=True)
class Resource:
    """A file the book carries besides its documents (an image, a stylesheet, audio)."""

    file_name: str
    media_type: str
    data: bytes
    placeholder: bool = False
    """True for the neutral picture standing in for a missing photo."""


@dataclass(frozen=True)
class Chapter:
    """One article as a content document, with the files it shows and its toc entry."""

    article: Article
    file_name: str
    tree: etree._Element
    images: dict[str, Resource]
    """The images shown, by figure id (``lead-figure``, ``fig1``…), in order."""
    toc: TocEntry

    @property
    def title(self) -> str:
        """The chapter's title: the headline."""
        return self.article.headline


def build_chapter(
    article: Article,
    file_name: str,
    *,
    load_image: LoadImage,
    placeholder: bytes,
    image_prefix: str = "",
    sentence_spans: bool = False,
    document: Document | None = None,
) -> Chapter:
    """Turn an article into its XHTML content document and the images it shows.

    Images go to ``images/<prefix><figure id><ext>``; an image without a file
    gets the neutral placeholder picture (it still counts as an image shown).
    ``sentence_spans`` gives every sentence the span a media overlay points at.
    ``document`` is the article's tree when it is already built (with spans).

    >>> chapter = build_chapter(article, "article.xhtml", load_image=job.image,  # doctest: +SKIP
    ...                         placeholder=placeholder_image())
    """
    images: dict[str, Resource] = {}

    def image_href(image: Image, figure_id: str) -> ImageRef:
        loaded = load_image(image)
        if loaded is None:
            name = f"images/{image_prefix}{figure_id}.svg"
            images[figure_id] = Resource(name, "image/svg+xml", placeholder, placeholder=True)
            return ImageRef(name, *PLACEHOLDER_SIZE)
        name = f"images/{image_prefix}{figure_id}{loaded.extension}"
        images[figure_id] = Resource(name, loaded.media_type, loaded.data)
        return ImageRef(name, loaded.width, loaded.height)

    if document is None:
        document = build_document(article, DocumentOptions(sentence_spans=sentence_spans))
    document = document.view(image_href=image_href, sentence_spans=sentence_spans)
    shell = PageShell(article.headline, article.language, article.text_direction, (STYLESHEET,))
    tree = chapter_document(document.root, shell)
    sections = tuple(
        TocEntry(
            plain_text(block.content),
            f"{file_name}#{block.id}",
            article.language,
            article.text_direction,
        )
        for block in article.body
        if isinstance(block, Subheading) and block.level == 2
    )
    toc = TocEntry(article.headline, file_name, article.language, article.text_direction, sections)
    return Chapter(article, file_name, tree, images, toc)
