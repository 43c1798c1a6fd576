"""Writers: one module per output format, all taking a :class:`WriteJob`.

``WRITERS`` is the registry. Each entry names its function and, when it makes
or reads something another writer needs, declares it: the audio writer
*provides* ``"audio"`` (an :class:`~newsformats.speech.record.AudioResult`),
which the page and the book *use* when it is there. :func:`running_order`
puts the chosen writers in an order that respects these declarations.
More writers come in through the ``newsformats.writers`` entry-point group (a
name and a ``module:function``; the function may carry ``provides`` and
``uses`` attributes).
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .. import plugins
from ..document import Document, DocumentOptions, ImageRef, build_document
from ..errors import ResourceError, UsageError
from ..files import OutputSet
from ..model import Article, FigureBlock, Image
from ..notes import note
from ..options import ConvertOptions
from ..resources import LoadedImage, ResourcePolicy, load_image
from ..themes import PLACEHOLDER_SIZE, placeholder_image

if TYPE_CHECKING:
    from ..speech.record import AudioResult


@dataclass(frozen=True)
class WriterEntry:
    """A writer in the registry: its ``module:function`` and the artifacts it makes or reads."""

    target: str
    provides: tuple[str, ...] = ()
    uses: tuple[str, ...] = ()


WRITERS: dict[str, str | WriterEntry] = {
    "audio": WriterEntry("newsformats.writers.audio:write_audio", provides=("audio",)),
    "html": WriterEntry("newsformats.writers.html:write_html", uses=("audio",)),
    "pdf": "newsformats.writers.pdf:write_pdf",
    "large-print-pdf": "newsformats.writers.pdf:write_large_print_pdf",
    "epub": WriterEntry("newsformats.writers.epub:write_epub", uses=("audio",)),
    "html-fragment": "newsformats.writers.html_fragment:write_html_fragment",
    "brf": "newsformats.writers.brf:write_brf",
    "braille-html": "newsformats.writers.braille_html:write_braille_html",
}


@dataclass
class Artifacts:
    """What writers made for the writers after them, each with its type."""

    audio: AudioResult | None = None
    """The spoken track (audio writer), for the page's player and the book's read-along."""
    staged_images: set[Path] = field(default_factory=set)
    """Images already copied beside the outputs (once per job, whichever writer needs them)."""


@dataclass
class WriteJob:
    """One article on its way out: where it goes, its tree, and what earlier writers made."""

    article: Article
    outdir: Path
    stem: str
    policy: ResourcePolicy
    options: ConvertOptions
    outputs: OutputSet
    artifacts: Artifacts = field(default_factory=Artifacts)
    formats: tuple[str, ...] = ()
    """Every format this conversion writes, in running order."""
    _document: Document | None = field(default=None, repr=False)
    _images: dict[int, LoadedImage | None] = field(default_factory=dict, repr=False)

    def path(self, suffix: str) -> Path:
        """The output path for this article with ``suffix`` (``.html``, ``-fig1.jpg``…)."""
        return self.outdir / f"{self.stem}{suffix}"

    def image(self, image: Image) -> LoadedImage | None:
        """The image's bytes, loaded once under the job's policy; None when it has no src."""
        key = id(image)
        if key not in self._images:
            self._images[key] = load_image(image.src, self.policy) if image.src else None
        return self._images[key]

    def settle_network_images(self) -> None:
        """Fetch the article's pictures on the network (when it is allowed) before any
        writer runs, so that every format shows the same (:func:`settled_pictures`)."""
        if self.policy.allow_network:
            self.article = settled_pictures(self.article, self.image)

    def stage_image(self, image: Image, figure_id: str) -> tuple[ImageRef, bool]:
        """Copy an image beside the outputs, once per job, for the writers that link to it.

        Returns where it went and whether this call wrote it (a placeholder picture
        stands in for an image without a file).
        """
        loaded = self.image(image)
        target = self.path(f"-{figure_id}{loaded.extension if loaded else '.svg'}")
        fresh = target not in self.artifacts.staged_images
        if fresh:
            self.outputs.write_bytes(target, loaded.data if loaded else placeholder_image())
            self.artifacts.staged_images.add(target)
        if loaded:
            return ImageRef(target.name, loaded.width, loaded.height), fresh
        return ImageRef(target.name, *PLACEHOLDER_SIZE), fresh

    @property
    def document(self) -> Document:
        """The article's document tree, built once per job (with sentence spans).

        Writers take their own :meth:`~newsformats.document.Document.view` of it.
        """
        if self._document is None:
            self._document = build_document(self.article, DocumentOptions(sentence_spans=True))
        return self._document

    def warn(self, message: str) -> None:
        """Tell the caller something a reader of the outputs should know (a note)."""
        note(message)


NETWORK = ("http", "https")


def settled_pictures(article: Article, load: Callable[[Image], object]) -> Article:
    """The article with each picture on the network that cannot be fetched or is no
    picture the writers can use (a 404, an AVIF or SVG, over the size limit) as the
    neutral placeholder, keeping its alt text and caption, with a warning: the article is
    not lost for one picture. A local file keeps the strict rule (an error)."""
    unreadable: set[int] = set()
    for image in article.images:
        if image.src and urllib.parse.urlsplit(image.src).scheme.lower() in NETWORK:
            try:
                load(image)
            except ResourceError as error:
                note(f"the image {error}; a placeholder keeps its alt text and caption")
                unreadable.add(id(image))
    return without_sources(article, unreadable) if unreadable else article


def without_sources(article: Article, images: set[int]) -> Article:
    """The article with the files of ``images`` (their ids) left out: placeholders."""

    # The model's classes are frozen dataclasses made by a decorator mypy does not follow.
    def settled(image: Image | None) -> Image | None:
        if image is None or id(image) not in images:
            return image
        return replace(image, src=None)  # type: ignore[type-var]

    body = [
        replace(block, image=settled(block.image))  # type: ignore[type-var]
        if isinstance(block, FigureBlock)
        else block
        for block in article.body
    ]
    return replace(article, lead_image=settled(article.lead_image), body=body)  # type: ignore[type-var]


Writer = Callable[[WriteJob], list[Path]]


def available_formats() -> list[str]:
    """Every output format, built-in and from plugins, in registry order."""
    return list(_registry())


def is_format(name: str) -> bool:
    """Say whether ``name`` is an output format (the entry points are read only for a
    name that is not built in)."""
    return name in _registry(name)


def writer_for(name: str) -> Writer:
    """Import and return the writer function of a format."""
    table = _registry(name)
    if name not in table:
        raise UsageError(f"unknown output format {name!r}; choose from {', '.join(table)}")
    writer: Writer = plugins.import_target(_entry(table[name]).target)
    return writer


def running_order(names: Iterable[str]) -> list[str]:
    """The chosen formats in an order where each writer runs after those it uses.

    Ties keep the registry's order; a cycle is a usage error.

    >>> running_order(["epub", "html", "audio"])
    ['audio', 'html', 'epub']
    """
    chosen = set(names)
    table = _registry(*chosen)
    wanted = [name for name in table if name in chosen]
    entries = {name: _declared(name, table[name]) for name in wanted}
    providers = {artifact: name for name, entry in entries.items() for artifact in entry.provides}
    waits_for = {
        name: {providers[a] for a in entry.uses if a in providers and providers[a] != name}
        for name, entry in entries.items()
    }
    order: list[str] = []
    while len(order) < len(wanted):
        ready = [n for n in wanted if n not in order and waits_for[n] <= set(order)]
        if not ready:
            stuck = ", ".join(n for n in wanted if n not in order)
            raise UsageError(f"the writers {stuck} wait for each other's artifacts")
        order.append(ready[0])
    return order


def _declared(name: str, entry: str | WriterEntry) -> WriterEntry:
    """An entry with its declarations; a plug-in declares them on its function."""
    declared = _entry(entry)
    if declared.provides or declared.uses or name in WRITERS:
        return declared
    function = writer_for(name)
    return WriterEntry(
        declared.target,
        tuple(getattr(function, "provides", ())),
        tuple(getattr(function, "uses", ())),
    )


def _entry(entry: str | WriterEntry) -> WriterEntry:
    return entry if isinstance(entry, WriterEntry) else WriterEntry(entry)


def _registry(*wanted: str) -> Mapping[str, str | WriterEntry]:
    return plugins.registry(WRITERS, "newsformats.writers", *wanted)
