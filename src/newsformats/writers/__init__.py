"""Writers: one module per output format, all taking a :class:`WriteJob`.

``WRITERS`` is the registry, in the order writers run (audio first, so that the
page and the book can offer it). More writers come in through the
``newsformats.writers`` entry-point group: a name and a ``module:function``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import plugins
from ..files import OutputSet
from ..model import Article, Image
from ..options import ConvertOptions
from ..resources import LoadedImage, ResourcePolicy, load_image

WRITERS: dict[str, str] = {
    "audio": "newsformats.writers.audio:write_audio",
    "html": "newsformats.writers.html:write_html",
    "pdf": "newsformats.writers.pdf:write_pdf",
    "epub": "newsformats.writers.epub:write_epub",
    "html-fragment": "newsformats.writers.html_fragment:write_html_fragment",
    "brf": "newsformats.writers.brf:write_brf",
    "braille-html": "newsformats.writers.braille_html:write_braille_html",
}


@dataclass
class WriteJob:
    """One article on its way out: where it goes and what earlier writers made."""

    article: Article
    outdir: Path
    stem: str
    policy: ResourcePolicy
    options: ConvertOptions
    outputs: OutputSet
    results: dict[str, Any] = field(default_factory=dict)
    _images: dict[int, LoadedImage | None] = field(default_factory=dict)

    def path(self, suffix: str) -> Path:
        """The output path for this article with ``suffix`` (``.html``, ``-fig1.jpg``…)."""
        return self.outdir / f"{self.stem}{suffix}"

    def image(self, image: Image) -> LoadedImage | None:
        """The image's bytes, loaded once under the job's policy; None when it has no src."""
        key = id(image)
        if key not in self._images:
            self._images[key] = load_image(image.src, self.policy) if image.src else None
        return self._images[key]


Writer = Callable[[WriteJob], list[Path]]


def available_formats() -> list[str]:
    """Every output format, built-in and from plugins, in running order."""
    return list(_registry())


def writer_for(name: str) -> Writer:
    """Import and return the writer function of a format."""
    writer: Writer = plugins.load(_registry(), name, "output format")
    return writer


def _registry() -> dict[str, str]:
    return plugins.registry(WRITERS, "newsformats.writers")
