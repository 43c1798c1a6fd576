"""The PDF writers: the shared article tree set for print, as tagged PDF/UA-1 (WeasyPrint).

Two variants of one writer: ``pdf`` and ``large-print-pdf``. Large print has the
same tree, structure mends, metadata and fonts; only the stylesheet differs
(``themes/print-large.css``, after UKAAF's "Creating clear and large print
documents": 18 pt sans serif, 1.5 line spacing, no hyphenation, wide margins).
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from ..document import Document, ImageRef
from ..model import Image
from ..pdf.metadata import replace_xmp, set_document_metadata, xmp_packet
from ..pdf.page import print_page
from ..pdf.render import RenderLimits, render_pdf
from ..pdf.structure import fix_structure
from ..themes import PLACEHOLDER_SIZE, placeholder_image
from . import WriteJob


def write_pdf(job: WriteJob) -> list[Path]:
    """Write ``<stem>.pdf``: tagged PDF/UA-1 with the images inside, nothing else beside it.

    Rendered in this process: time and memory limits belong to whoever runs the
    conversion (the batch runner), not to one writer.
    """
    data = article_pdf(print_document(job), job)
    target = job.path(".pdf")
    job.outputs.write_bytes(target, data)
    return [target]


LARGE_PRINT_STYLESHEETS = ("print.css", "print-large.css")
LARGE_PRINT_SUFFIX = "-large-print.pdf"


def write_large_print_pdf(job: WriteJob) -> list[Path]:
    """Write ``<stem>-large-print.pdf``: every text 18 pt or larger, tagged as the PDF is.

    >>> from newsformats import convert, read
    >>> convert(read("examples/heatwave-update.json"), "out", ["large-print-pdf"])  # doctest: +SKIP
    Conversion(files=[PosixPath('out/...-large-print.pdf')], ...)
    """
    data = article_pdf(print_document(job), job, stylesheets=LARGE_PRINT_STYLESHEETS)
    target = job.path(LARGE_PRINT_SUFFIX)
    job.outputs.write_bytes(target, data)
    return [target]


def print_document(job: WriteJob) -> Document:
    """The article's tree with its images inline (``data:`` URIs), ready for the print page."""
    return job.document.view(image_href=lambda image, _: inline_image(job, image))


def article_pdf(
    document: Document,
    job: WriteJob,
    *,
    limits: RenderLimits | None = None,
    stylesheets: tuple[str, ...] = ("print.css",),
) -> bytes:
    """Render a built document as PDF/UA-1 bytes under the job's resource policy."""
    import weasyprint

    packet = xmp_packet(document, producer=f"WeasyPrint {weasyprint.__version__}")

    def prepare(rendered: Any) -> None:
        set_document_metadata(rendered.metadata, document)

    def finish(rendered: Any, pdf: Any) -> None:
        fix_structure(rendered, pdf)
        replace_xmp(pdf, packet)

    page = print_page(
        document,
        page_size=job.options.page_size,
        stylesheets=stylesheets,
        theme=job.options.theme,
    )
    return render_pdf(page, job.policy, prepare=prepare, finisher=finish, limits=limits)


def inline_image(job: WriteJob, image: Image) -> ImageRef:
    """An image as a ``data:`` URI, so the PDF needs no file beside it (placeholder without src)."""
    loaded = job.image(image)
    if loaded is None:
        return ImageRef(_data_uri(placeholder_image(), "image/svg+xml"), *PLACEHOLDER_SIZE)
    return ImageRef(_data_uri(loaded.data, loaded.media_type), loaded.width, loaded.height)


def _data_uri(data: bytes, media_type: str) -> str:
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"
