"""The EPUB writer: ``<stem>.epub``, an accessible EPUB 3 of the job's article."""

from __future__ import annotations

from pathlib import Path

from ..epub.book import make_epub
from ..themes.publisher import theme_css
from . import WriteJob


def write_epub(job: WriteJob) -> list[Path]:
    """Write ``<stem>.epub`` (images inside, no other files) into the job's folder.

    >>> write_epub(job)  # doctest: +SKIP
    [PosixPath('out/csto-sco-afghanistan.epub')]
    """
    data = make_epub(
        [job.article],
        [job.image],
        audio=job.results.get("audio"),
        theme_css=theme_css(job.options.theme, "epub"),
    )
    target = job.path(".epub")
    job.outputs.write_bytes(target, data)
    return [target]
