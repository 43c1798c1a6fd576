"""The EPUB writer: ``<stem>.epub``, an accessible EPUB 3 of the job's article.

It uses the ``audio`` artifact when the audio writer ran: the book then reads along.
"""

from __future__ import annotations

from pathlib import Path

from ..epub.book import build_book
from ..epub.package import write_book
from ..themes.publisher import theme_css
from . import WriteJob


def write_epub(job: WriteJob) -> list[Path]:
    """Write ``<stem>.epub`` (images inside, no other files) into the job's folder.

    >>> write_epub(job)  # doctest: +SKIP
    [PosixPath('out/csto-sco-afghanistan.epub')]
    """
    book, modified = build_book(
        [job.article],
        [job.image],
        audio=job.artifacts.audio,
        documents=[job.document],
        theme_css=theme_css(job.options.theme, "epub"),
    )
    target = job.path(".epub")
    with job.outputs.temporary_path(target).open("wb") as out:
        write_book(book, modified, out)
    return [target]
