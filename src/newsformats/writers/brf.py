"""The BRF writer: the article in braille, Braille Ready Format pages of 40 × 25."""

from __future__ import annotations

from pathlib import Path

from ..braille.brf import brf_document
from ..braille.layout import article_pages, say_what_braille_lacks
from . import WriteJob


def write_brf(job: WriteJob) -> list[Path]:
    """Write ``<stem>.brf``; for a language without a braille table, nothing and one line."""
    braille = article_pages(job.article)
    if braille is None:
        job.warn(
            f"{job.stem}: no braille table for language {job.article.language!r}; no BRF written"
        )
        return []
    say_what_braille_lacks(job.stem, braille)
    data, dropped = brf_document(braille.pages)
    if dropped:
        job.warn(
            f"{job.stem}: {dropped} cells with dots 7-8 (liblouis's mark for characters "
            f"{braille.table} cannot write); BRF keeps dots 1-6 only"
        )
    target = job.path(".brf")
    job.outputs.write_bytes(target, data)
    return [target]
