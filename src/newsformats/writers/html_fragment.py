"""The HTML fragment writer: just the ``<article>``, ids kept, to paste into a CMS template.

The fragment carries its own ``lang`` and ``dir`` (the host page may be in
another language) and no styles or scripts; its pictures are written beside it.
"""

from __future__ import annotations

from pathlib import Path

from lxml import html

from ..document import ImageRef
from ..model import Image
from . import WriteJob


def write_html_fragment(job: WriteJob) -> list[Path]:
    """Write ``<stem>.fragment.html`` (one ``<article>`` element) and its pictures.

    >>> write_html_fragment(job)  # doctest: +SKIP
    [PosixPath('out/story.fragment.html'), PosixPath('out/story-lead-figure.jpg')]
    """
    written: list[Path] = []

    def picture(image: Image, figure_id: str) -> ImageRef:
        ref, fresh = job.stage_image(image, figure_id)
        if fresh:
            written.append(job.outdir / ref.href)
        return ref

    article = job.document.view(image_href=picture, sentence_spans=False).root
    article.set("lang", job.article.language)
    article.set("dir", job.article.text_direction)
    text: str = html.tostring(article, encoding="unicode", method="html")
    target = job.path(".fragment.html")
    job.outputs.write_bytes(target, (text + "\n").encode("utf-8"))
    return [target, *written]
