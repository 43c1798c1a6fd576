"""The HTML fragment writer: just the ``<article>``, ids kept, to paste into a CMS template.

The fragment carries its own ``lang`` and ``dir`` (the host page may be in
another language) and no styles or scripts; its pictures are written beside it.
"""

from __future__ import annotations

from pathlib import Path

from lxml import html

from ..document import ImageRef
from ..model import Image
from ..themes import PLACEHOLDER_SIZE, placeholder_image
from . import WriteJob


def write_html_fragment(job: WriteJob) -> list[Path]:
    """Write ``<stem>.fragment.html`` (one ``<article>`` element) and its pictures.

    >>> write_html_fragment(job)  # doctest: +SKIP
    [PosixPath('out/story.fragment.html'), PosixPath('out/story-lead-figure.jpg')]
    """
    written: list[Path] = []

    def picture(image: Image, figure_id: str) -> ImageRef:
        loaded = job.image(image)
        target = job.path(f"-{figure_id}{loaded.extension if loaded else '.svg'}")
        if target not in job.artifacts.staged_images:
            job.outputs.write_bytes(target, loaded.data if loaded else placeholder_image())
            job.artifacts.staged_images.add(target)
            written.append(target)
        if loaded:
            return ImageRef(target.name, loaded.width, loaded.height)
        return ImageRef(target.name, *PLACEHOLDER_SIZE)

    article = job.document.view(image_href=picture, sentence_spans=False).root
    article.set("lang", job.article.language)
    article.set("dir", job.article.text_direction)
    text: str = html.tostring(article, encoding="unicode", method="html")
    target = job.path(".fragment.html")
    job.outputs.write_bytes(target, (text + "\n").encode("utf-8"))
    return [target, *written]
