"""The EPUB writer: ``<stem>.epub``, an accessible EPUB 3 of the job's article.

It uses the ``audio`` artifact when the audio writer ran: the book then reads along.
"""

from __future__ import annotations

from pathlib import Path

from ..epub.book import make_epub
from . import WriteJob


def write_epub(job: WriteJob) -> list[Path]:
    """Write ``<stem>.epub`` (images inside, no other files) into the job's folder.

    >>> write_epub(job)  # doctest: +SKIP
    [PosixPath('out/csto-sco-afghanistan.epub')]
    """
    data = make_epub(
        [job.article], [job.image], audio=job.artifacts.audio, documents=[job.document]
    )
    target = job.path(".epub")
    job.outputs.write_bytes(target, data)
    return [target]
