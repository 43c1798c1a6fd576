"""The large-print writer: the PDF writer's tagged PDF/UA-1, set for readers with low vision.

Same tree, same structure mends, metadata and fonts as ``--to pdf``; only the
stylesheet differs (``themes/print-large.css``, after UKAAF's "Creating clear
and large print documents": 18 pt sans serif, 1.5 line spacing, no
hyphenation, wide margins).
"""

from __future__ import annotations

from pathlib import Path

from . import WriteJob
from .pdf import article_pdf, print_document

LARGE_PRINT_STYLESHEETS = ("print.css", "print-large.css")
SUFFIX = "-large-print.pdf"


def write_large_print_pdf(job: WriteJob) -> list[Path]:
    """Write ``<stem>-large-print.pdf``: every text 18 pt or larger, tagged as the PDF is.

    >>> from newsformats import convert, read
    >>> convert(read("examples/heatwave-update.json"), "out", ["large-print-pdf"])  # doctest: +SKIP
    Conversion(files=[PosixPath('out/...-large-print.pdf')], ...)
    """
    data = article_pdf(print_document(job), job, stylesheets=LARGE_PRINT_STYLESHEETS)
    target = job.path(SUFFIX)
    job.outputs.write_bytes(target, data)
    return [target]
