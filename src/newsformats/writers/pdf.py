"""The PDF writer: the shared article tree set for print, as tagged PDF/UA-1 (WeasyPrint)."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from ..document import Document, DocumentOptions, ImageRef, build_document
from ..errors import UsageError
from ..model import Image
from ..pdf.metadata import replace_xmp, set_document_metadata, xmp_packet
from ..pdf.page import print_page
from ..pdf.render import RenderLimits, render_pdf
from ..pdf.structure import fix_structure
from ..themes import PLACEHOLDER_SIZE, placeholder_image
from . import WriteJob


def write_pdf(job: WriteJob) -> list[Path]:
    """Write ``<stem>.pdf``: tagged PDF/UA-1 with the images inside, nothing else beside it."""
    data = article_pdf(print_document(job), job, limits=_limits(job))
    target = job.path(".pdf")
    job.outputs.write_bytes(target, data)
    return [target]


def _limits(job: WriteJob) -> RenderLimits | None:
    limit = job.options.extra.get("pdf_time_limit")
    if not limit:
        return None
    try:
        return RenderLimits(seconds=float(limit))
    except ValueError:
        raise UsageError(f"pdf_time_limit {limit!r} is not a number of seconds") from None


def print_document(job: WriteJob) -> Document:
    """The article's tree with its images inline (``data:`` URIs), ready for the print page."""
    return build_document(
        job.article, DocumentOptions(image_href=lambda image, _: inline_image(job, image))
    )


def article_pdf(document: Document, job: WriteJob, *, limits: RenderLimits | None = None) -> bytes:
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
